import { FeedCommandRefusedError, InvalidFeedUrlError, registerFeedCommand } from '@tally/ingest';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApiError, ErrorBody } from '../apiErrors.ts';
import type { FeedChange, FeedCommands } from '../FeedCommands.ts';
import { DiscoverRequest, FeedChanged, FeedDiscovered, FeedEdit, PauseFeedQuery } from '../feedSchemas.ts';
import { FeedParams } from '../schemas.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody, 413: ErrorBody, 415: ErrorBody };

/** A refused command as the API's error, by its reason code. */
export function feedCommandError(err: unknown): unknown {
  if (err instanceof FeedCommandRefusedError) {
    if (err.code === 'feed-not-found') return new ApiError('TALLY_ERR_FEED_NOT_FOUND', err.message);
    if (err.code === 'feed-paused') return new ApiError('TALLY_ERR_FEED_PAUSED', err.message);
    return new ApiError('TALLY_ERR_INVALID_POLL_BOUNDS', err.message);
  }
  if (err instanceof InvalidFeedUrlError) {
    return new ApiError(
      err.code === 'feed-url-credentials' ? 'TALLY_ERR_FEED_URL_CREDENTIALS' : 'TALLY_ERR_INVALID_FEED_URL',
      err.message,
    );
  }
  return err;
}

/** Runs a feed command, its refusal turned into the API's error. */
export async function runFeedCommand<T>(command: () => Promise<T>): Promise<T> {
  try {
    return await command();
  } catch (err) {
    throw feedCommandError(err);
  }
}

/**
 * The operator's commands on one feed (edit, pause, resume, clear errors, poll now) and discovery:
 * each command an event on the feed's stream, answered with the feed as its stream now says.
 */
export function feedOperationRoutes(app: FastifyInstance, feeds: FeedCommands): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'write' as const };
  const security = [{ bearer: [] }];
  const logged = (request: { log: FastifyInstance['log'] }, what: string, change: FeedChange) => {
    if (change.changed) request.log.info({ feedId: change.feed.feedId }, what);
    return change;
  };

  r.patch(
    '/feeds/:id',
    {
      config,
      schema: {
        tags: ['feeds'],
        summary: 'Edit a feed’s title, tags and polling bounds',
        description:
          'Appends `FeedEdited` with the fields that change (none changing: nothing written, `changed: false`). A `null` title goes back to the feed’s own, `null` bounds to the deployment’s. Bounds that cross once applied (given or kept) are refused with `TALLY_ERR_INVALID_POLL_BOUNDS`; they apply from the next poll on.',
        security,
        params: FeedParams,
        body: FeedEdit,
        response: { 200: FeedChanged, ...errors },
      },
    },
    async (request) => {
      const change = await runFeedCommand(() => feeds.edit({ feedId: request.params.id, ...request.body }));
      return logged(request, 'feed edited', change);
    },
  );

  r.post(
    '/feeds/:id/pause',
    {
      config,
      schema: {
        tags: ['feeds'],
        summary: 'Pause a feed',
        description:
          'Appends `FeedPaused`: the feed is not polled until it is resumed (its planned poll is skipped). Pausing a paused feed writes nothing.',
        security,
        params: FeedParams,
        querystring: PauseFeedQuery,
        response: { 200: FeedChanged, ...errors },
      },
    },
    async (request) => {
      const change = await runFeedCommand(() => feeds.pause(request.params.id, request.query.reason ?? null));
      return logged(request, 'feed paused', change);
    },
  );

  r.post(
    '/feeds/:id/resume',
    {
      config,
      schema: {
        tags: ['feeds'],
        summary: 'Resume a paused feed',
        description:
          'Appends `FeedResumed` and schedules its poll: the one planned before the pause while it is still to come, else at once. Resuming a feed that is not paused writes nothing.',
        security,
        params: FeedParams,
        response: { 200: FeedChanged, ...errors },
      },
    },
    async (request) => logged(request, 'feed resumed', await runFeedCommand(() => feeds.resume(request.params.id))),
  );

  r.post(
    '/feeds/:id/clear-errors',
    {
      config,
      schema: {
        tags: ['feeds'],
        summary: 'Clear a feed’s errors',
        description:
          'Appends `FeedErrorsCleared` (recording the count and reason cleared): consecutive errors start again from zero, so does the backoff, and the feed is polled at once (a paused one once resumed). A feed without errors writes nothing.',
        security,
        params: FeedParams,
        response: { 200: FeedChanged, ...errors },
      },
    },
    async (request) =>
      logged(request, 'feed errors cleared', await runFeedCommand(() => feeds.clearErrors(request.params.id))),
  );

  r.post(
    '/feeds/:id/poll',
    {
      config,
      schema: {
        tags: ['feeds'],
        summary: 'Poll a feed now',
        description:
          'Appends `FeedPollRequested` and enqueues the poll at once; the poll planned before is superseded (polling goes on from this one). A paused feed is refused with 409 `TALLY_ERR_FEED_PAUSED`.',
        security,
        params: FeedParams,
        response: { 200: FeedChanged, 409: ErrorBody, ...errors },
      },
    },
    async (request) =>
      logged(request, 'feed poll asked for', await runFeedCommand(() => feeds.pollNow(request.params.id))),
  );

  r.post(
    '/feeds/discover',
    {
      config,
      schema: {
        tags: ['feeds'],
        summary: 'Find the feeds a URL offers',
        description:
          'Fetches the URL through the guarded HTTP client (private addresses refused, bounded size and time) and answers whether it is a feed, or a page with the feeds it advertises (`<link rel="alternate" type="application/rss+xml|atom+xml|feed+json">`). Nothing is written: register one with `POST /feeds`. A URL with credentials is refused (`TALLY_ERR_FEED_URL_CREDENTIALS`).',
        security,
        body: DiscoverRequest,
        response: { 200: FeedDiscovered, ...errors },
      },
    },
    async (request) => {
      const { url } = request.body;
      // The refusals registration makes, before anything is fetched: only http(s), never credentials.
      await runFeedCommand(async () => registerFeedCommand({ url }, 'api'));
      return feeds.discover(url);
    },
  );
}
