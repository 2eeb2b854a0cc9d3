import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, ErrorBody } from '../apiErrors.ts';
import type { FeedRoutePorts } from '../FeedCommands.ts';
import { FeedCreated, FeedParams, NewFeed, RemoveFeedQuery } from '../schemas.ts';
import { feedCommandError, feedOperationRoutes } from './feedOperationRoutes.ts';
import { feedsPageRoutes } from './feedsPageRoutes.ts';
import { opmlRoutes } from './opmlRoutes.ts';
import { registerFeed } from './registerFeed.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 413: ErrorBody, 415: ErrorBody };

/**
 * Registering and removing feeds: events on the feed's stream, as the CLI and the feeds file write
 * them; the operator's commands on a feed; OPML import and export, and the feeds page, each in a
 * scope of their own (their body parsers stay there).
 */
export function feedRoutes(app: FastifyInstance, ports: FeedRoutePorts): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  app.register(async (scope) => opmlRoutes(scope, ports));
  feedOperationRoutes(app, ports.feeds);
  // The dashboard's feeds page and its forms, with their form body parser in a scope of their own.
  app.register(async (scope) => feedsPageRoutes(scope, ports));

  r.post(
    '/feeds',
    {
      config: { access: 'write' },
      schema: {
        tags: ['feeds'],
        summary: 'Register a feed',
        description:
          'Appends `FeedRegistered` (source `api`) and schedules the first poll. Registering a registered feed changes nothing (200); a new or removed one answers 201. A URL with credentials (`user:password@`) is refused (`TALLY_ERR_FEED_URL_CREDENTIALS`): feed URLs are public.',
        security: [{ bearer: [] }],
        body: NewFeed,
        response: { 200: FeedCreated, 201: FeedCreated, ...errors },
      },
    },
    async (request, reply) => {
      let result: { feedId: string; created: boolean };
      try {
        result = await registerFeed(ports, { url: request.body.url, title: request.body.title }, request.log);
      } catch (err) {
        // Credentials are refused by the registration itself (the rule of every way in), not stored apart:
        // the URL is recorded in the log and shown on `GET /feeds`. Its message names the URL without them.
        throw feedCommandError(err);
      }
      reply.code(result.created ? 201 : 200);
      return { ...result, url: request.body.url };
    },
  );

  r.delete(
    '/feeds/:id',
    {
      config: { access: 'write' },
      schema: {
        tags: ['feeds'],
        summary: 'Remove a feed',
        description:
          'Appends `FeedRemoved` and answers 204; the poller stops polling it. Articles already ingested stay.',
        security: [{ bearer: [] }],
        params: FeedParams,
        querystring: RemoveFeedQuery,
        response: { 204: z.null().describe('Removed.'), 404: ErrorBody, 400: ErrorBody, 401: ErrorBody },
      },
    },
    async (request, reply) => {
      const removed = await ports.feeds.remove(request.params.id, request.query.reason ?? 'removed through the API');
      if (!removed) throw new ApiError('TALLY_ERR_FEED_NOT_FOUND', `no registered feed with id ${request.params.id}`);
      request.log.info({ feedId: request.params.id }, 'feed removed');
      return reply.code(204).send(null);
    },
  );
}
