import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEventStore } from '@tally/event-store';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servedInstance } from '../../test/support/servedInstance.ts';
import { rowsOf, runTally } from '../../test/support/tallyProcess.ts';

const ADMIN = 'tokens-cli-admin-0123456789';

async function tokens(env: Record<string, string>, ...args: string[]) {
  const run = await runTally(['tokens', ...args], env);
  return { ...run, rows: rowsOf(run.stdout) };
}

describe('tally tokens issue|list|revoke on the log itself', () => {
  let dir: string;
  let env: Record<string, string>;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tally-tokens-'));
    env = { TALLY_DATA_DIR: dir, LOG_LEVEL: 'silent', DATABASE_URL: '', REDIS_URL: '' };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('issues a token shown once, lists it without its secret, revokes it; the log keeps only the hash', async () => {
    const issued = await tokens(env, 'issue', '--name', 'ci reader', '--scopes', 'operator,read', '--json');
    expect(issued.code, issued.stderr).toBe(0);
    const { tokenId, token, scopes } = JSON.parse(issued.stdout) as {
      tokenId: string;
      token: string;
      scopes: string[];
    };
    expect(token).toMatch(/^tly_/);
    expect(scopes).toEqual(['read', 'operator']);

    const listed = await tokens(env, 'list');
    expect(listed.rows).toEqual([[tokenId, 'live', 'read,operator', 'ci reader', expect.any(String)]]);
    expect(listed.stdout).not.toContain(token);

    expect((await tokens(env, 'revoke', tokenId, '--reason', 'rotated')).rows).toEqual([['revoked', tokenId]]);
    expect((await tokens(env, 'list')).rows).toEqual([]);
    expect((await tokens(env, 'list', '--all')).rows[0]!.slice(0, 2)).toEqual([tokenId, 'revoked']);
    const again = await tokens(env, 'revoke', tokenId);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`unknown\t${tokenId}`);

    const store = await openEventStore({ dataDir: join(dir, 'log') });
    try {
      const log = JSON.stringify(await store.readAll({ limit: 100 }));
      expect(log).not.toContain(token);
      expect(log).toContain(createHash('sha256').update(token).digest('hex'));
    } finally {
      await store.close();
    }
  });

  it('refuses unknown scopes and a missing name as usage errors', async () => {
    expect((await tokens(env, 'issue', '--name', 'x', '--scopes', 'admin')).code).toBe(2);
    expect((await tokens(env, 'issue', '--scopes', 'read')).code).not.toBe(0);
  });
});

describe('tally tokens through the running instance', () => {
  let dir: string;
  let app: FastifyInstance;
  let close: () => Promise<void>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tally-tokens-instance-'));
    const instance = await servedInstance(dir, { queuePrefix: 'tokens-cli', token: ADMIN });
    app = instance.app;
    close = instance.close;
  });
  afterAll(async () => {
    await close?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it('issues through the API with the admin token: the token opens its scope at once; says it needs a token without', async () => {
    const env = { TALLY_DATA_DIR: dir, LOG_LEVEL: 'silent', DATABASE_URL: '', API_TOKEN: ADMIN };
    const issued = await tokens(env, 'issue', '--name', 'ops', '--scopes', 'operator');
    expect(issued.code, issued.stderr).toBe(0);
    expect(issued.stderr).toContain('managing tokens through the running tally at http://127.0.0.1:');
    const token = issued.stdout.trim();
    const events = await app.inject({ url: '/events?limit=1', headers: { authorization: `Bearer ${token}` } });
    expect(events.statusCode).toBe(200);

    const without = await tokens({ ...env, API_TOKEN: '' }, 'list');
    expect(without.code).not.toBe(0);
    expect(without.stderr).toContain('operator scope');
  });
});
