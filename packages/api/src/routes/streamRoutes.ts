import type { EventStore } from '@tally/event-store';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApiError, ErrorBody } from '../apiErrors.ts';
import { eventPage, streamPage } from '../dashboard/streamPages.ts';
import { linkNextPage } from '../pageLinks.ts';
import { readEventAt, readStreamSlice } from '../streamReads.ts';
import { EventAnswer, EventParams, StreamAnswer, StreamEventsQuery, StreamParams } from '../streamSchemas.ts';

const HTML = 'text/html; charset=utf-8';
const errors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody };

/**
 * The stream browser: the events of one stream by version, and one event by position, as JSON
 * and as dashboard pages. Reading raw events is the operator's, as `GET /events` is.
 */
export function streamRoutes(app: FastifyInstance, store: EventStore): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const operator = { access: 'operator' as const };
  const page = { access: 'operator' as const, challenge: 'basic' as const };

  r.get(
    '/streams/:id',
    {
      config: operator,
      schema: {
        tags: ['events'],
        summary: 'The events of one stream',
        description:
          'A page of the stream by version, newest first (`order=oldest`: oldest first); pass `next` as `after` for the next page, or follow the `Link: <…>; rel="next"` header.',
        security: [{ bearer: [] }],
        params: StreamParams,
        querystring: StreamEventsQuery,
        response: { 200: StreamAnswer, ...errors },
      },
    },
    async (request, reply) => {
      const slice = await readStreamSlice(store, request.params.id, request.query);
      if (!slice) throw new ApiError('TALLY_ERR_STREAM_NOT_FOUND', `no stream ${request.params.id}`);
      linkNextPage(request, reply, slice.next);
      return slice;
    },
  );

  r.get(
    '/events/:position',
    {
      config: operator,
      schema: {
        tags: ['events'],
        summary: 'One event of the log',
        security: [{ bearer: [] }],
        params: EventParams,
        response: { 200: EventAnswer, ...errors },
      },
    },
    async (request) => {
      const event = await readEventAt(store, request.params.position);
      if (!event) throw new ApiError('TALLY_ERR_EVENT_NOT_FOUND', `no event at position ${request.params.position}`);
      return { event };
    },
  );

  r.get(
    '/streams/:id/page',
    { config: page, schema: { hide: true, params: StreamParams, querystring: StreamEventsQuery } },
    async (request, reply) => {
      const slice = await readStreamSlice(store, request.params.id, request.query);
      return reply
        .code(slice ? 200 : 404)
        .type(HTML)
        .send(streamPage(request.params.id, slice, request.query));
    },
  );

  r.get(
    '/events/:position/page',
    { config: page, schema: { hide: true, params: EventParams } },
    async (request, reply) => {
      const [event, head] = await Promise.all([readEventAt(store, request.params.position), store.head()]);
      return reply
        .code(event ? 200 : 404)
        .type(HTML)
        .send(eventPage(request.params.position, event, head));
    },
  );
}
