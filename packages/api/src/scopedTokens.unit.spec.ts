import { createHash } from 'node:crypto';
import type { TokenRow } from '@tally/projections';
import { describe, expect, it } from 'vitest';
import { ScopedTokens } from './scopedTokens.ts';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const row = (tokenId: string, secret: string, revoked = false): TokenRow => ({
  tokenId,
  position: 1,
  firstPosition: 1,
  name: `${tokenId} holder`,
  scopes: ['read'],
  tokenSha256: sha(secret),
  issuedAt: '2026-12-06T00:00:00.000Z',
  revoked,
  revokedAt: null,
  revokedReason: null,
});

describe('ScopedTokens', () => {
  it('matches a live token by its hash, never a revoked or unknown one', async () => {
    const tokens = new ScopedTokens({ load: async () => [row('tok_a', 'secret-a'), row('tok_b', 'secret-b', true)] });
    await tokens.refresh();
    expect(tokens.match('secret-a')).toMatchObject({ kind: 'token', tokenId: 'tok_a', scopes: ['read'] });
    expect(tokens.match('secret-b')).toBeNull();
    expect(tokens.match('secret-')).toBeNull();
    expect(tokens.any).toBe(true);
  });

  it('counts what this process issues and revokes before the projection shows it', async () => {
    const rows = [row('tok_a', 'secret-a')];
    const tokens = new ScopedTokens({ load: async () => rows, refreshMs: 0 });
    await tokens.refresh();
    tokens.issued(row('tok_c', 'secret-c'));
    expect(tokens.match('secret-c')?.kind).toBe('token');
    tokens.revoked('tok_a');
    await tokens.refresh();
    expect(tokens.match('secret-a')).toBeNull();
  });

  it('keeps the set loaded before when loading fails, and tries again only after refreshMs', async () => {
    let loads = 0;
    let fail = false;
    const errors: unknown[] = [];
    const tokens = new ScopedTokens({
      load: async () => {
        loads += 1;
        if (fail) throw new Error('database away');
        return [row('tok_a', 'secret-a')];
      },
      refreshMs: 60_000,
      onError: (err) => errors.push(err),
    });
    await tokens.refresh(0);
    fail = true;
    await tokens.refresh(Date.now() + 120_000);
    await tokens.refresh(Date.now() + 120_000);
    expect(errors).toHaveLength(1);
    expect(loads).toBe(2);
    expect(tokens.match('secret-a')?.kind).toBe('token');
  });
});
