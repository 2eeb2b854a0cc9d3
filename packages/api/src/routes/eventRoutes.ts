import type { EventStore } from '@tally/event-store';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody } from '../apiErrors.ts';
import { linkNextPage } from '../pageLinks.ts';
import { EVENTS_MAX_LIMIT, EventsAnswer, EventsQuery } from '../schemas.ts';

/** Catch-up reads of the log by position, for consumers that keep their own position. */
export function eventRoutes(app: FastifyInstance, store: EventStore): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/events',
    {
      config: { access: 'operator' },
      schema: {
        tags: ['events'],
        summary: 'Read the log after a position',
        description: `Events with a position greater than \`after\`, in log order, at most \`limit\` (capped at ${EVENTS_MAX_LIMIT}). Keep \`next\` and pass it as \`after\` to read on (a full page also links it: \`Link: <…>; rel="next"\`); a page shorter than \`limit\` means the consumer is caught up.`,
        security: [{ bearer: [] }],
        querystring: EventsQuery,
        response: { 200: EventsAnswer, 400: ErrorBody, 401: ErrorBody },
      },
    },
    async (request, reply) => {
      const { after, limit, types } = request.query;
      // The head is read first: a short page holds everything up to it, so `next` may jump there
      // even when a type filter skipped the last events.
      const head = await store.head();
      const events = await store.readAll({ after, limit, types });
      const last = events.at(-1)?.position ?? after;
      const next = events.length < limit ? Math.max(after, last, head) : last;
      // A full page may have more behind it; a short one is the end of the log for now.
      linkNextPage(request, reply, events.length < limit ? null : next);
      return { events, next, head };
    },
  );
}
