import { TokenScope } from '@tally/events';
import { z } from 'zod';
import { freeText, identifierText } from './requestText.ts';

/** Requests and answers of the token routes: never a token's hash, and its secret only in the 201 that issues it. */

const Scopes = z
  .array(TokenScope)
  .min(1)
  .max(3)
  .describe(
    'What the token opens: `read` (read routes, when `API_READS_NEED_TOKEN`), `write` (feeds, webhooks), `operator` (events, streams, metrics, dashboard, job actions, tokens). At most the scopes of the token that issues it.',
  );

export const NewToken = z
  .object({
    name: freeText(z.string().trim().min(1).max(100)).describe(
      'Who or what holds the token (shown in lists and logs).',
    ),
    scopes: Scopes,
  })
  .strict()
  .meta({ id: 'NewToken' });

export const TokenView = z
  .object({
    tokenId: z.string(),
    name: z.string(),
    scopes: z.array(TokenScope),
    issuedAt: z.string(),
    revoked: z.boolean(),
    revokedAt: z.string().nullable(),
    revokedReason: z.string().nullable(),
  })
  .meta({ id: 'Token', description: 'An API token: never its secret, nor the secret’s hash.' });
export type TokenView = z.infer<typeof TokenView>;

export const TokenIssuedAnswer = z
  .object({
    tokenId: z.string(),
    name: z.string(),
    scopes: z.array(TokenScope),
    issuedAt: z.string(),
    token: z
      .string()
      .describe(
        'The secret, answered this once: present it as `Authorization: Bearer <token>`. Only its SHA-256 is kept.',
      ),
  })
  .meta({ id: 'TokenIssued' });

export const TokensAnswer = z.object({ tokens: z.array(TokenView) }).meta({ id: 'Tokens' });

export const TokenParams = z.object({ id: identifierText(z.string().min(1).max(100)) });

export const RevokeQuery = z.object({
  reason: freeText(z.string().max(500)).optional().describe('Why, recorded with the revocation.'),
});
