import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, ErrorBody } from '../apiErrors.ts';
import { type Authenticator, presentedToken } from '../auth.ts';
import type { ProjectionReads } from '../ProjectionReads.ts';
import type { ScopedTokens } from '../scopedTokens.ts';
import { TokenCommandRefusedError, type TokenCommands } from '../tokenCommands.ts';
import { NewToken, RevokeQuery, TokenIssuedAnswer, TokenParams, TokensAnswer } from '../tokenSchemas.ts';

export interface TokenRoutePorts {
  commands: TokenCommands;
  reads: Pick<ProjectionReads, 'listTokens'>;
  auth: Authenticator;
  scoped: ScopedTokens;
}

const security = [{ bearer: [] }];
const tags = ['tokens'];

/**
 * Scoped API tokens: issue (the secret answered once), list, revoke. Issuing and revoking need the
 * `operator` scope always (never open on loopback); a token issues at most its own scopes, so an
 * operator's token cannot make itself a writer's. What this process issues or revokes opens (or
 * stops opening) at once; other API processes follow once the projector has folded it.
 */
export function tokenRoutes(app: FastifyInstance, ports: TokenRoutePorts): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/tokens',
    {
      config: { access: 'tokens' },
      schema: {
        tags,
        summary: 'Issue a scoped API token',
        description:
          'Appends `TokenIssued` on the stream `token-<tokenId>` with the SHA-256 of a new random secret (`tly_` and 43 base64url characters). The secret is in this answer only: it cannot be read back. 403 `TALLY_ERR_FORBIDDEN_SCOPE` when asking for a scope the calling token lacks.',
        security,
        body: NewToken,
        response: { 201: TokenIssuedAnswer, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 415: ErrorBody },
      },
    },
    async (request, reply) => {
      const caller = ports.auth.callerOf(presentedToken(request.headers.authorization));
      const beyond = request.body.scopes.filter((s) => !caller?.scopes.includes(s));
      if (caller === null || beyond.length > 0) {
        throw new ApiError(
          'TALLY_ERR_FORBIDDEN_SCOPE',
          `a token issues at most its own scopes; this one lacks ${beyond.join(', ')}`,
          { needed: beyond[0], scopes: caller?.scopes ?? [] },
        );
      }
      const issued = await ports.commands.issue(request.body);
      ports.scoped.issued({ ...issued.token, tokenSha256: issued.tokenSha256 });
      const { tokenId, name, scopes, issuedAt } = issued.token;
      request.log.info(
        { tokenId, name, scopes, by: caller.kind === 'admin' ? 'admin' : caller.tokenId },
        'API token issued',
      );
      reply.code(201).header('cache-control', 'no-store');
      return { tokenId, name, scopes, issuedAt, token: issued.secret };
    },
  );

  r.get(
    '/tokens',
    {
      config: { access: 'tokens' },
      schema: {
        tags,
        summary: 'The API tokens, revoked ones included (never their secrets or hashes)',
        description:
          'In issue order, as the projector last folded them: a token issued a moment ago shows once the projector has caught up.',
        security,
        response: { 200: TokensAnswer, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async () => ({
      tokens: (await ports.reads.listTokens()).map((t) => ({
        tokenId: t.tokenId,
        name: t.name,
        scopes: t.scopes,
        issuedAt: t.issuedAt,
        revoked: t.revoked,
        revokedAt: t.revokedAt,
        revokedReason: t.revokedReason,
      })),
    }),
  );

  r.delete(
    '/tokens/:id',
    {
      config: { access: 'tokens' },
      schema: {
        tags,
        summary: 'Revoke an API token',
        description:
          'Appends `TokenRevoked`: the token is refused (401) from now on by this process, and by the others once the projector has folded the revocation.',
        security,
        params: TokenParams,
        querystring: RevokeQuery,
        response: {
          204: z.null().describe('Revoked.'),
          400: ErrorBody,
          401: ErrorBody,
          403: ErrorBody,
          404: ErrorBody,
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      try {
        await ports.commands.revoke(id, request.query.reason ?? 'revoked through the API');
      } catch (err) {
        if (err instanceof TokenCommandRefusedError) throw new ApiError('TALLY_ERR_TOKEN_NOT_FOUND', err.message);
        throw err;
      }
      ports.scoped.revoked(id);
      request.log.info({ tokenId: id }, 'API token revoked');
      return reply.code(204).send(null);
    },
  );
}
