import { ConcurrencyError, type EventStore } from '@tally/event-store';
import { type StoredEvent, streams, type TokenScope, tokenEventTypes } from '@tally/events';
import {
  decideIssueToken,
  decideRevokeToken,
  evolveToken,
  foldToken,
  issueTokenCommand,
  TokenCommandRefusedError,
  type TokenState,
} from '@tally/ingest';

/** A token as listed: never its secret, nor the secret's hash. */
export interface TokenView {
  tokenId: string;
  name: string;
  scopes: TokenScope[];
  issuedAt: string;
  revoked: boolean;
}

/** What issuing answers, once: the view, the secret for the holder, and the hash the log keeps. */
export interface IssuedToken {
  token: TokenView;
  secret: string;
  tokenSha256: string;
}

export interface TokenCommands {
  /** Issues a token: `TokenIssued` on a new `token-<id>` stream. */
  issue(input: { name: string; scopes: readonly TokenScope[] }): Promise<IssuedToken>;
  /**
   * Revokes a token: `TokenRevoked`.
   * @throws TokenCommandRefusedError (`token-not-found`) for a token never issued or revoked already
   */
  revoke(tokenId: string, reason: string | null): Promise<TokenView>;
  /** Every token the log holds, revoked ones included, in issue order (folded from the log itself). */
  list(): Promise<TokenView[]>;
}

export function tokenView(s: TokenState): TokenView {
  return { tokenId: s.tokenId, name: s.name, scopes: s.scopes, issuedAt: s.issuedAt, revoked: s.revoked };
}

/** How often a command reads, decides and appends again after another writer moved the stream. */
const ATTEMPTS = 3;

/**
 * The token commands on the log: read the token's stream, decide, append at the version read. The
 * API and the CLI (on the embedded log when no instance holds it) issue and revoke alike.
 */
export function createTokenCommands(store: EventStore): TokenCommands {
  const read = async (tokenId: string) => foldToken(await store.readStream(streams.token(tokenId)));
  const readBack = async (tokenId: string) => {
    const state = await read(tokenId);
    if (!state) throw new Error(`token ${tokenId} was appended but cannot be read back`);
    return state;
  };

  return {
    async issue(input) {
      const { command, token } = issueTokenCommand(input);
      const events = decideIssueToken(await read(command.tokenId), command);
      await store.append(streams.token(command.tokenId), events, { expectedVersion: 'no-stream' });
      return { token: tokenView(await readBack(command.tokenId)), secret: token, tokenSha256: command.tokenSha256 };
    },

    async revoke(tokenId, reason) {
      for (let attempt = 1; ; attempt++) {
        const state = await read(tokenId);
        const events = decideRevokeToken(state, { tokenId, reason });
        try {
          await store.append(streams.token(tokenId), events, { expectedVersion: state!.version });
          return tokenView(await readBack(tokenId));
        } catch (err) {
          if (!(err instanceof ConcurrencyError) || attempt >= ATTEMPTS) throw err;
        }
      }
    },

    async list() {
      const tokens = new Map<string, TokenState>();
      let after = 0;
      for (;;) {
        const page: StoredEvent[] = await store.readAll({ after, limit: 500, types: tokenEventTypes });
        for (const event of page) {
          const id = (event.data as { tokenId: string }).tokenId;
          const next = evolveToken(tokens.get(id) ?? null, event);
          if (next) tokens.set(id, next);
          after = event.position;
        }
        if (page.length < 500) return [...tokens.values()].map(tokenView);
      }
    },
  };
}

export { TokenCommandRefusedError };
