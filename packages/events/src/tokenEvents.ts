import { z } from 'zod';

// ---------------------------------------------------------------- API tokens (stream `token-<tokenId>`)

/**
 * What a token lets its holder do: `read` (the read routes, when reads need a token), `write`
 * (feeds, webhooks), `operator` (events, streams, metrics, the dashboard's operator pages, job
 * actions, tokens). The scopes are independent: a token that reads and writes holds both.
 */
export const TokenScope = z.enum(['read', 'write', 'operator']);
export type TokenScope = z.infer<typeof TokenScope>;

export const tokenScopes = TokenScope.options;

/**
 * A named API token was issued. The log keeps only its SHA-256 (hex): the token itself is shown
 * once, to whoever issued it, and cannot be read back from the log or its copies.
 */
export const TokenIssued = z.object({
  tokenId: z.string(),
  name: z.string().min(1).max(100),
  scopes: z.array(TokenScope).min(1),
  tokenSha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type TokenIssued = z.infer<typeof TokenIssued>;

/** The token stops opening anything from now on; a revoked token is never live again. */
export const TokenRevoked = z.object({ tokenId: z.string(), reason: z.string().max(500).nullable().default(null) });
export type TokenRevoked = z.infer<typeof TokenRevoked>;

/** The event types of a token's stream (`token-<tokenId>`). */
export const tokenEventTypes = ['TokenIssued', 'TokenRevoked'] as const;
