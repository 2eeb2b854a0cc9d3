import { type TokenScope, tokenEventTypes } from '@tally/events';
import type { EventOf, Projection } from './Projection.ts';

/**
 * One API token as the API checks it: the SHA-256 of its secret, its scopes, and whether it is
 * revoked. The secret itself is in no event and so in no row.
 */
export interface TokenRow {
  tokenId: string;
  position: number;
  firstPosition: number;
  name: string;
  scopes: TokenScope[];
  /** Hex SHA-256 of the secret: what a presented token's hash is compared with. Never answered by the API. */
  tokenSha256: string;
  issuedAt: string;
  revoked: boolean;
  revokedAt: string | null;
  revokedReason: string | null;
}

type TokenEventType = (typeof tokenEventTypes)[number];

function evolveTokenRow(row: TokenRow | null, event: EventOf<TokenEventType>): TokenRow | null {
  switch (event.type) {
    case 'TokenIssued':
      return {
        tokenId: event.data.tokenId,
        position: event.position,
        firstPosition: event.position,
        name: event.data.name,
        scopes: [...event.data.scopes],
        tokenSha256: event.data.tokenSha256,
        issuedAt: event.recordedAt,
        revoked: false,
        revokedAt: null,
        revokedReason: null,
      };
    case 'TokenRevoked':
      // A revocation of a token the log never issued names no row.
      return row ? { ...row, revoked: true, revokedAt: event.recordedAt, revokedReason: event.data.reason } : null;
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

/** API tokens, live and revoked, by id: what the API's authentication reads (hash → scopes). */
export const tokensProjection: Projection<TokenRow, TokenEventType> = {
  name: 'tokens',
  version: 1,
  handles: tokenEventTypes,
  keysOf: (event) => [event.data.tokenId],
  evolve: (row, event) => evolveTokenRow(row, event),
  finalize: (row) => row,
};
