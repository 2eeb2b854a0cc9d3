import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, type Harness, startSeededHarness } from './harness.ts';

/**
 * Strings that PostgreSQL refuses (NUL in text, a lone surrogate in JSON) or that have no place in
 * an identifier (control characters) are refused at the edge with a code: on the real server they
 * used to reach the query or the append and answer 500.
 */
let h: Harness;
let app: FastifyInstance;

beforeAll(async () => {
  ({ h, app } = await startSeededHarness({}, { log: 'postgres' }));
});
afterAll(async () => {
  await h?.close();
});

interface Operation {
  parameters?: { name: string; in: string; schema?: { type?: string } }[];
}

// NUL alone and inside, another C0 character, and a terminal escape (log injection).
const bad = ['%00', 'x%00y', '%01', '%1B%5B31m'];

function expectValidation(res: { statusCode: number; json(): unknown }, what: string) {
  expect(res.statusCode, what).toBe(400);
  expect(res.json(), what).toMatchObject({ code: 'TALLY_ERR_VALIDATION' });
}

describe('text with NUL or control characters', () => {
  it('is refused with a validation code in every string parameter of every documented route', async () => {
    const doc = (await app.inject({ url: '/docs/json' })).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    let checked = 0;
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        for (const p of op.parameters ?? []) {
          if (p.schema?.type !== 'string' || (p.in !== 'path' && p.in !== 'query')) continue;
          for (const value of bad) {
            const filled = path.replace(/\{(\w+)\}/g, (_m, name: string) => (name === p.name ? value : 'x'));
            const url = p.in === 'path' ? filled : `${filled}?${p.name}=${value}`;
            const what = `${method.toUpperCase()} ${url}`;
            expectValidation(await app.inject({ method: method.toUpperCase() as 'GET', url, headers: auth }), what);
            checked++;
          }
        }
      }
    }
    // Figure key, figures cursor, article id, feed id, removal reason, event types (at least).
    expect(checked).toBeGreaterThanOrEqual(6 * bad.length);
  });

  it('is refused on the pages and in the cases the attack found', async () => {
    for (const url of ['/figures/%00', '/articles/%00', '/figures/x%00y', '/figures?after=%00', '/figures/%00/page']) {
      expectValidation(await app.inject({ url }), url);
    }
    expectValidation(await app.inject({ method: 'DELETE', url: '/feeds/%00', headers: auth }), 'DELETE /feeds/%00');
  });

  it('is refused in a JSON body, lone surrogates too, and nothing is appended', async () => {
    const head = await h.store.head();
    for (const payload of [
      { url: 'https://nul.example/feed', title: 'a\u0000b' },
      { url: 'https://nul.example/feed\u0000' },
      { url: 'https://nul.example/feed', title: 'a\ud800b' },
      { url: 'https://nul.example/feed', title: 'bell\u0007' },
    ]) {
      const res = await app.inject({ method: 'POST', url: '/feeds', headers: auth, payload });
      expectValidation(res, JSON.stringify(payload));
    }
    expect(await h.store.head()).toBe(head);
    // Line breaks and any script are fine in a title.
    const ok = await app.inject({
      method: 'POST',
      url: '/feeds',
      headers: auth,
      payload: { url: 'https://nul.example/feed', title: 'Łódź\tnews\n東京' },
    });
    expect(ok.statusCode).toBe(201);
  });
});
