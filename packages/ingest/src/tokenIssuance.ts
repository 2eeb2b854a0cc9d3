import { createHash, randomBytes } from 'node:crypto';
import { makeEvent, type NewEvent, type StoredEvent, type TokenScope, tokenScopes } from '@tally/events';

/** A token as its stream folds: what the write side decides on. The token itself is never part of it. */
export interface TokenState {
  tokenId: string;
  name: string;
  scopes: TokenScope[];
  tokenSha256: string;
  issuedAt: string;
  revoked: boolean;
  /** Events in the token's stream (its expected version for the next append). */
  version: number;
}

/** Folds one event of a token's stream. A revocation of a token never issued changes nothing. */
export function evolveToken(state: TokenState | null, event: StoredEvent): TokenState | null {
  switch (event.type) {
    case 'TokenIssued':
      return {
        tokenId: event.data.tokenId,
        name: event.data.name,
        scopes: [...event.data.scopes],
        tokenSha256: event.data.tokenSha256,
        issuedAt: event.recordedAt,
        revoked: false,
        version: event.streamVersion,
      };
    case 'TokenRevoked':
      return state ? { ...state, revoked: true, version: event.streamVersion } : null;
    default:
      return state;
  }
}

export function foldToken(events: readonly StoredEvent[]): TokenState | null {
  return events.reduce<TokenState | null>(evolveToken, null);
}

/** Why a token command is refused, before anything is written. */
export class TokenCommandRefusedError extends Error {
  override readonly name = 'TokenCommandRefusedError';
  constructor(
    message: string,
    readonly code: 'token-not-found' | 'token-exists' | 'invalid-token',
    readonly tokenId: string,
  ) {
    super(message);
  }
}

/** Issuing a token: the id, name and scopes it gets, and the SHA-256 of the secret (never the secret). */
export interface IssueToken {
  tokenId: string;
  name: string;
  scopes: readonly TokenScope[];
  tokenSha256: string;
}

/** What a holder presents: a prefix that says what it is (so scanners and log scrubbing can spot one) and 256 random bits. */
export const TOKEN_PREFIX = 'tly_';

/** The SHA-256 (hex) of a token, as the log records it and the API compares it. */
export function tokenSha256(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Scopes as recorded: each once, in the catalog's order (`read`, `write`, `operator`). */
export function normalScopes(scopes: readonly TokenScope[]): TokenScope[] {
  return tokenScopes.filter((s) => scopes.includes(s));
}

/**
 * A new token and the command that issues it: a random id and secret (`tly_` and 43 base64url
 * characters), the command carrying only the secret's SHA-256. The secret is answered once to the
 * caller, who hands it to the holder.
 */
export function issueTokenCommand(
  input: { name: string; scopes: readonly TokenScope[] },
  random: (size: number) => Buffer = randomBytes,
): { command: IssueToken; token: string } {
  const token = `${TOKEN_PREFIX}${random(32).toString('base64url')}`;
  const tokenId = `tok_${random(9).toString('base64url')}`;
  return {
    command: { tokenId, name: input.name.trim(), scopes: input.scopes, tokenSha256: tokenSha256(token) },
    token,
  };
}

/** `text` with every string shaped like an issued token replaced by `mask` (what log scrubbing does). */
export function maskIssuedTokens(text: string, mask: string): string {
  return text.includes(TOKEN_PREFIX) ? text.replace(/tly_[A-Za-z0-9_-]{43}/g, mask) : text;
}

/**
 * Issuing a token: `TokenIssued` on a new stream. Refused when the id is taken (an id is never
 * reused, revoked or not), and for a blank name, no scope, or a hash that is not a SHA-256.
 */
export function decideIssueToken(state: TokenState | null, command: IssueToken): NewEvent[] {
  if (state) {
    throw new TokenCommandRefusedError(`a token with id ${command.tokenId} exists`, 'token-exists', command.tokenId);
  }
  const name = command.name.trim();
  const scopes = normalScopes(command.scopes);
  if (name.length === 0 || name.length > 100 || scopes.length === 0 || !/^[0-9a-f]{64}$/.test(command.tokenSha256)) {
    throw new TokenCommandRefusedError(
      'a token needs a name (1 to 100 characters), at least one scope and the SHA-256 of its secret',
      'invalid-token',
      command.tokenId,
    );
  }
  return [
    makeEvent('TokenIssued', { tokenId: command.tokenId, name, scopes, tokenSha256: command.tokenSha256 }, [
      command.tokenId,
    ]),
  ];
}

/** Revoking a token: `TokenRevoked`. Refused for a token never issued or revoked already (it opens nothing). */
export function decideRevokeToken(
  state: TokenState | null,
  command: { tokenId: string; reason: string | null },
): NewEvent[] {
  if (!state || state.revoked) {
    throw new TokenCommandRefusedError(`no live token with id ${command.tokenId}`, 'token-not-found', command.tokenId);
  }
  const reason = command.reason?.trim().slice(0, 500) || null;
  return [makeEvent('TokenRevoked', { tokenId: state.tokenId, reason }, [state.tokenId, 'revoked'])];
}
