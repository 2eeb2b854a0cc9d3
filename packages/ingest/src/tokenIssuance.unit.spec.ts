import { makeEvent } from '@tally/events';
import { describe, expect, it } from 'vitest';
import { givenToken } from './testing/index.ts';
import {
  decideIssueToken,
  decideRevokeToken,
  issueTokenCommand,
  maskIssuedTokens,
  TokenCommandRefusedError,
  tokenSha256,
} from './tokenIssuance.ts';

const { command, token } = issueTokenCommand({ name: ' dashboard reader ', scopes: ['operator', 'read'] });
const { tokenId } = command;
const issued = decideIssueToken(null, command);
const revoked = makeEvent('TokenRevoked', { tokenId, reason: null }, [tokenId, 'revoked']);

function refusal(run: () => unknown): TokenCommandRefusedError {
  try {
    run();
  } catch (err) {
    if (err instanceof TokenCommandRefusedError) return err;
    throw err;
  }
  throw new Error('the command was not refused');
}

describe('issueTokenCommand', () => {
  it('makes a prefixed random secret and a command that carries only its SHA-256', () => {
    expect(token).toMatch(/^tly_[A-Za-z0-9_-]{43}$/);
    expect(command.tokenSha256).toBe(tokenSha256(token));
    expect(command.tokenSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(command)).not.toContain(token.slice(4));
    const other = issueTokenCommand({ name: 'x', scopes: ['read'] });
    expect(other.token).not.toBe(token);
    expect(other.command.tokenId).not.toBe(tokenId);
  });
});

describe('issuing a token', () => {
  it('records TokenIssued with the trimmed name, the scopes each once in catalog order, and the hash', () => {
    givenToken()
      .when(() => decideIssueToken(null, { ...command, scopes: ['operator', 'read', 'operator'] }))
      .then((events) => {
        expect(events).toHaveLength(1);
        expect(events[0]).toMatchObject({
          type: 'TokenIssued',
          data: { tokenId, name: 'dashboard reader', scopes: ['read', 'operator'], tokenSha256: command.tokenSha256 },
        });
        expect(JSON.stringify(events)).not.toContain(token);
      });
  });

  it('is refused for an id already issued, even a revoked one', () => {
    givenToken(issued, revoked)
      .when((state) => refusal(() => decideIssueToken(state, command)))
      .then((err) => expect(err.code).toBe('token-exists'));
  });

  it('is refused without a name or a scope', () => {
    givenToken()
      .when((state) => [
        refusal(() => decideIssueToken(state, { ...command, name: '   ' })),
        refusal(() => decideIssueToken(state, { ...command, scopes: [] })),
        refusal(() => decideIssueToken(state, { ...command, tokenSha256: token })),
      ])
      .then((errors) => expect(errors.map((e) => e.code)).toEqual(['invalid-token', 'invalid-token', 'invalid-token']));
  });
});

describe('revoking a token', () => {
  it('records TokenRevoked with its reason', () => {
    givenToken(issued)
      .when((state) => decideRevokeToken(state, { tokenId, reason: ' leaked in a ticket ' }))
      .then((events, state) => {
        expect(state?.revoked).toBe(false);
        expect(events).toEqual([
          expect.objectContaining({ type: 'TokenRevoked', data: { tokenId, reason: 'leaked in a ticket' } }),
        ]);
      });
  });

  it('is refused for a token never issued, or revoked already', () => {
    givenToken(issued, revoked)
      .when((state) => refusal(() => decideRevokeToken(state, { tokenId, reason: null })))
      .then((err, state) => {
        expect(state?.revoked).toBe(true);
        expect(err.code).toBe('token-not-found');
      });
    givenToken()
      .when((state) => refusal(() => decideRevokeToken(state, { tokenId: 'tok_unknown', reason: null })))
      .then((err) => expect(err.code).toBe('token-not-found'));
  });
});

describe('maskIssuedTokens', () => {
  it('masks every issued token in a text, and leaves shorter look-alikes', () => {
    expect(maskIssuedTokens(`GET /figures?x=${token}&y=${token}`, '***')).toBe('GET /figures?x=***&y=***');
    expect(maskIssuedTokens('tly_short', '***')).toBe('tly_short');
  });
});
