import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, type Harness, startHarness } from './harness.ts';

type Scope = 'read' | 'write' | 'operator';

/** One route of each kind, and what answers it when the token may pass (the codes after auth). */
const routes: Record<Scope, InjectOptions[]> = {
  // Reads need a token in these tests (API_READS_NEED_TOKEN).
  read: [{ url: '/figures' }, { url: '/articles' }],
  // A removal of a feed that does not exist: past auth it is a 404, with nothing written.
  write: [
    { method: 'DELETE', url: '/feeds/f_not_registered' },
    { method: 'PATCH', url: '/feeds/f_x', payload: {} },
  ],
  // Events, a stream, metrics, a dashboard page, the queues' job actions (Bull Board's API).
  operator: [
    { url: '/events?limit=1' },
    { url: '/streams/feed-f_not_registered' },
    { url: '/metrics' },
    { url: '/pipeline' },
    { url: '/admin/queues/api/queues' },
    // A job action: pausing a queue from Bull Board.
    { method: 'PUT', url: '/admin/queues/api/queues/poll/pause' },
  ],
};

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const send = (app: FastifyInstance, route: InjectOptions, token: string) =>
  app.inject({ ...route, headers: { ...route.headers, ...bearer(token) } });
const code = (res: LightMyRequestResponse) => (res.json() as { code?: string }).code;

function capturing(lines: string[]) {
  return pino(
    { level: 'trace' },
    new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  );
}

describe.each(['embedded', 'postgres'] as const)('scoped API tokens through the API (%s log)', (log) => {
  let h: Harness;
  /** The process that issues and revokes. */
  let app: FastifyInstance;
  /** Another API process over the same log: it knows tokens only through the projection. */
  let other: FastifyInstance;
  const logLines: string[] = [];
  const secrets: Record<string, string> = {};
  const ids: Record<string, string> = {};

  async function issue(name: string, scopes: Scope[], by = auth) {
    const res = await app.inject({ method: 'POST', url: '/tokens', headers: by, payload: { name, scopes } });
    return res;
  }

  beforeAll(async () => {
    h = await startHarness({ API_READS_NEED_TOKEN: true }, { log });
    app = await h.app({}, { tokensRefreshMs: 0 }, capturing(logLines));
    other = await h.app({}, { tokensRefreshMs: 0 }, capturing(logLines));
    for (const scope of ['read', 'write', 'operator'] as const) {
      const res = await issue(`${scope} holder`, [scope]);
      expect(res.statusCode).toBe(201);
      expect(res.headers['cache-control']).toBe('no-store');
      const body = res.json() as { tokenId: string; token: string; scopes: string[] };
      expect(body.token).toMatch(/^tly_[A-Za-z0-9_-]{43}$/);
      expect(body.scopes).toEqual([scope]);
      expect(JSON.stringify(body)).not.toMatch(/sha256/i);
      secrets[scope] = body.token;
      ids[scope] = body.tokenId;
    }
    await h.project();
  });

  afterAll(async () => {
    await h?.close();
  });

  it.each(['issuing process', 'other process'] as const)(
    'lets each token through the routes of its scope only, refusing the others with 403 (%s)',
    async (which) => {
      const target = which === 'issuing process' ? app : other;
      for (const [holder, token] of Object.entries(secrets) as [Scope, string][]) {
        for (const [kind, list] of Object.entries(routes) as [Scope, InjectOptions[]][]) {
          for (const route of list) {
            const res = await send(target, route, token);
            const what = `${holder} token on ${route.method ?? 'GET'} ${route.url}`;
            if (holder === kind) {
              expect([401, 403], what).not.toContain(res.statusCode);
              expect(res.statusCode, what).toBeLessThan(500);
            } else {
              expect(res.statusCode, what).toBe(403);
              expect(code(res), what).toBe('TALLY_ERR_FORBIDDEN_SCOPE');
              expect(res.json(), what).toMatchObject({ details: { needed: kind, scopes: [holder] } });
            }
          }
        }
      }
      // Past auth, each kind answers as it does for the admin token.
      expect((await send(target, routes.write[0]!, secrets.write!)).statusCode).toBe(404);
      expect((await send(target, routes.operator[0]!, secrets.operator!)).statusCode).toBe(200);
      expect((await send(target, routes.read[0]!, secrets.read!)).statusCode).toBe(200);
    },
  );

  it('refuses an unknown token with 401, and the token routes to a token without the operator scope', async () => {
    const unknown = `tly_${'A'.repeat(43)}`;
    const res = await send(other, routes.read[0]!, unknown);
    expect(res.statusCode).toBe(401);
    expect(code(res)).toBe('TALLY_ERR_UNAUTHORIZED');
    expect(res.headers['www-authenticate']).toMatch(/^Bearer /);
    for (const holder of ['read', 'write'] as const) {
      const list = await send(app, { url: '/tokens' }, secrets[holder]!);
      expect(list.statusCode).toBe(403);
      const post = await issue('x', ['read'], bearer(secrets[holder]!));
      expect(code(post)).toBe('TALLY_ERR_FORBIDDEN_SCOPE');
    }
  });

  it('lets an operator token issue tokens of its own scopes only', async () => {
    const escalate = await issue('a writer', ['write'], bearer(secrets.operator!));
    expect(escalate.statusCode).toBe(403);
    expect(escalate.json()).toMatchObject({ code: 'TALLY_ERR_FORBIDDEN_SCOPE', details: { needed: 'write' } });
    const peer = await issue('another operator', ['operator'], bearer(secrets.operator!));
    expect(peer.statusCode).toBe(201);
    const invalid = await issue('', ['read']);
    expect(code(invalid)).toBe('TALLY_ERR_VALIDATION');
    const noScope = await app.inject({
      method: 'POST',
      url: '/tokens',
      headers: auth,
      payload: { name: 'x', scopes: [] },
    });
    expect(code(noScope)).toBe('TALLY_ERR_VALIDATION');
    expect(code(await issue('nul\u0000name', ['read']))).toBe('TALLY_ERR_VALIDATION');
    const nulId = await app.inject({ method: 'DELETE', url: '/tokens/%00', headers: auth });
    expect(code(nulId)).toBe('TALLY_ERR_VALIDATION');
  });

  it('lists the tokens with their names and scopes, never a secret or a hash', async () => {
    await h.project();
    const res = await send(other, { url: '/tokens' }, secrets.operator!);
    expect(res.statusCode).toBe(200);
    const { tokens } = res.json() as {
      tokens: { tokenId: string; name: string; scopes: string[]; revoked: boolean }[];
    };
    expect(tokens.slice(0, 3).map((t) => [t.tokenId, t.name, t.scopes, t.revoked])).toEqual([
      [ids.read, 'read holder', ['read'], false],
      [ids.write, 'write holder', ['write'], false],
      [ids.operator, 'operator holder', ['operator'], false],
    ]);
    expect(res.body).not.toMatch(/sha256|tly_/i);
    for (const secret of Object.values(secrets)) {
      expect(res.body).not.toContain(createHash('sha256').update(secret).digest('hex'));
    }
  });

  it('refuses a revoked token: at once in the revoking process, in the others once the projector folded it', async () => {
    expect((await send(other, routes.write[0]!, secrets.write!)).statusCode).toBe(404);
    const revoke = await send(app, { method: 'DELETE', url: `/tokens/${ids.write}?reason=rotated` }, secrets.operator!);
    expect(revoke.statusCode).toBe(204);
    const here = await send(app, routes.write[0]!, secrets.write!);
    expect(here.statusCode).toBe(401);
    expect(code(here)).toBe('TALLY_ERR_UNAUTHORIZED');

    await h.project();
    const there = await send(other, routes.write[0]!, secrets.write!);
    expect(there.statusCode).toBe(401);
    const listed = (await send(other, { url: '/tokens' }, secrets.operator!)).json() as {
      tokens: { tokenId: string; revoked: boolean; revokedReason: string | null }[];
    };
    expect(listed.tokens.find((t) => t.tokenId === ids.write)).toMatchObject({
      revoked: true,
      revokedReason: 'rotated',
    });

    const again = await send(app, { method: 'DELETE', url: `/tokens/${ids.write}` }, secrets.operator!);
    expect(again.statusCode).toBe(404);
    expect(code(again)).toBe('TALLY_ERR_TOKEN_NOT_FOUND');
    expect((await send(app, { method: 'DELETE', url: '/tokens/tok_never' }, secrets.operator!)).statusCode).toBe(404);
  });

  it('opens a scoped token’s routes without API_TOKEN, and never opens the token routes on loopback', async () => {
    const noAdmin = await h.app({ API_TOKEN: undefined }, { tokensRefreshMs: 0 });
    expect((await send(noAdmin, routes.read[0]!, secrets.read!)).statusCode).toBe(200);
    expect((await send(noAdmin, routes.write[0]!, secrets.read!)).statusCode).toBe(403);
    const open = await noAdmin.inject({ method: 'POST', url: '/tokens', payload: { name: 'x', scopes: ['read'] } });
    expect(open.statusCode).toBe(401);
    expect((await noAdmin.inject({ url: '/tokens' })).statusCode).toBe(401);
    // Operator routes stay open to local requests when no admin token is configured, as before.
    expect((await noAdmin.inject({ url: '/events?limit=1' })).statusCode).toBe(200);
  });

  it('keeps every secret out of the log and the logs, even where a client put it in a URL', async () => {
    const secret = secrets.read!;
    await app.inject({ url: `/figures?access=${secret}`, headers: bearer(secret) });
    await app.inject({ url: `/figures/${secret}`, headers: bearer(secret) });
    await other.inject({ url: `/nope/${secret}` });
    const events = JSON.stringify(await h.store.readAll({ limit: 10_000 }));
    const logs = logLines.join('\n');
    for (const s of Object.values(secrets)) {
      expect(events).not.toContain(s);
      expect(logs).not.toContain(s);
      expect(logs).not.toContain(s.slice(4));
    }
    expect(events).toContain(createHash('sha256').update(secret).digest('hex'));
    expect(logs).toContain('API token issued');
    expect(logs).toContain(ids.read);
  });
});
