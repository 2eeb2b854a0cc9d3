import { streams } from '@tally/events';
import { describe, expect, it } from 'vitest';
import { given, type LogBuilder } from './testing/index.ts';
import type { TokenRow } from './tokens.ts';

const sha = (c: string) => c.repeat(64);
const issue =
  (tokenId: string, scopes: TokenRow['scopes'], hash = sha('a')) =>
  (log: LogBuilder) =>
    log.push(streams.token(tokenId), 'TokenIssued', { tokenId, name: `${tokenId} holder`, scopes, tokenSha256: hash });
const revoke = (tokenId: string, reason: string | null) => (log: LogBuilder) =>
  log.push(streams.token(tokenId), 'TokenRevoked', { tokenId, reason });

describe('tokens projection', () => {
  it('keeps an issued token by id with its hash, scopes and name, live', () => {
    given()
      .when(issue('tok_1', ['read', 'operator']))
      .then((p, log) =>
        expect(p.row<TokenRow>('tokens', 'tok_1')).toEqual({
          tokenId: 'tok_1',
          position: log[0]!.position,
          firstPosition: log[0]!.position,
          name: 'tok_1 holder',
          scopes: ['read', 'operator'],
          tokenSha256: sha('a'),
          issuedAt: log[0]!.recordedAt,
          revoked: false,
          revokedAt: null,
          revokedReason: null,
        }),
      );
  });

  it('marks a revoked token, keeping the others live', () => {
    given((log) => {
      issue('tok_1', ['write'])(log);
      issue('tok_2', ['read'], sha('b'))(log);
    })
      .when(revoke('tok_1', 'left the team'))
      .then((p, log) => {
        expect(p.row<TokenRow>('tokens', 'tok_1')).toMatchObject({
          revoked: true,
          revokedReason: 'left the team',
          revokedAt: log[2]!.recordedAt,
          position: log[2]!.position,
        });
        expect(p.row<TokenRow>('tokens', 'tok_2')).toMatchObject({ revoked: false, tokenSha256: sha('b') });
      });
  });

  it('makes no row of a revocation of a token never issued', () => {
    given()
      .when(revoke('tok_ghost', null))
      .then((p) => expect(p.rows('tokens').size).toBe(0));
  });
});
