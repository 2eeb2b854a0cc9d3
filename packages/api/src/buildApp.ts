import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Config } from '@tally/config';
import type { EventStore } from '@tally/event-store';
import type { Logger } from '@tally/logger';
import type { QueueSet } from '@tally/queues';
import Fastify, { type FastifyInstance, type FastifyReply, LogController } from 'fastify';
import {
  createJsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import type { Registry } from 'prom-client';
import { DOCS_PATH, installAccessLog, isStaticAsset } from './accessLog.ts';
import { ApiError, toApiError } from './apiErrors.ts';
import { type Access, Authenticator } from './auth.ts';
import { BULL_BOARD_PATH, mountBullBoard } from './dashboard/bullBoard.ts';
import type { FeedCommands } from './FeedCommands.ts';
import { FigureChangeFeed } from './FigureChangeFeed.ts';
import { registerHardening } from './hardening.ts';
import { HostGuard } from './hostGuard.ts';
import { LogCounters } from './LogCounters.ts';
import { LogScrubber } from './logScrubber.ts';
import { type ApiMetrics, createMetrics } from './metrics.ts';
import { withOperationIds } from './operationIds.ts';
import { type ProjectionReads, projectionStoreReads } from './ProjectionReads.ts';
import { installRequestGuards } from './requestGuards.ts';
import { dashboardRoutes } from './routes/dashboardRoutes.ts';
import { eventRoutes } from './routes/eventRoutes.ts';
import { exportRoutes } from './routes/exportRoutes.ts';
import { feedRoutes } from './routes/feedRoutes.ts';
import { type FigureStreamOptions, FigureStreams, figureStreamRoute } from './routes/figureStream.ts';
import { healthRoutes } from './routes/healthRoutes.ts';
import { readRoutes } from './routes/readRoutes.ts';
import { searchRoutes } from './routes/searchRoutes.ts';
import { streamRoutes } from './routes/streamRoutes.ts';
import { tokenRoutes } from './routes/tokenRoutes.ts';
import { webhookRoutes } from './routes/webhookRoutes.ts';
import { type WebSubCallbacks, websubRoutes } from './routes/websubRoutes.ts';
import { ScopedTokens } from './scopedTokens.ts';
import { serverOptions } from './serverOptions.ts';
import { createTokenCommands } from './tokenCommands.ts';

export interface AppOptions {
  /**
   * `/readyz` answers 503 while the projector is more than this many events behind the log head.
   * @defaultValue 10000
   */
  readyMaxLag?: number;
  /** How long each readiness check may take. @defaultValue 2000 */
  readyTimeoutMs?: number;
  /** Figure stream (SSE) settings. */
  stream?: FigureStreamOptions;
  /**
   * How long the scoped tokens loaded from the projection are used before they are loaded again.
   * @defaultValue 2000
   */
  tokensRefreshMs?: number;
}

/**
 * What the API uses, and nothing more: the log (catch-up reads, the figure change feed, counts), the
 * projections, the feed commands, the queues (new feeds' first polls, the queue dashboard), Redis
 * (readiness) and the process's metrics registry.
 */
export interface AppDeps {
  store: EventStore;
  /** @defaultValue the projection tables beside the log (`projectionStoreReads(store)`) */
  reads?: ProjectionReads;
  feedCommands: FeedCommands;
  queues: QueueSet;
  /** Answers PING for `/readyz`; holds the rate-limit counts, the webhook delivery log and queue. */
  redis: Redis;
  /** The process's metrics registry, rendered with the API's (`/metrics`). */
  processMetrics: Registry;
  config: Config;
  logger: Logger;
  options?: AppOptions;
  /** WebSub callbacks (`/websub/:feedId`); none: they answer 404 (`WEBSUB_CALLBACK_URL` unset). */
  websub?: WebSubCallbacks | null;
}

/** The routes a plugin registers without an access of their own, by path prefix. */
function accessByPath(url: string): { access: Access; challenge?: 'basic' } | null {
  if (url === DOCS_PATH || url.startsWith(`${DOCS_PATH}/`)) return { access: 'public' };
  if (url === BULL_BOARD_PATH || url.startsWith(`${BULL_BOARD_PATH}/`))
    return { access: 'operator', challenge: 'basic' };
  return null;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The API's metrics with the process's, as `/metrics` renders them (a metrics server elsewhere renders the same). */
    tallyMetrics: ApiMetrics;
  }
}

/**
 * The API and dashboard as a Fastify app, not listening: the caller listens (`app.listen`), tests
 * call `app.inject()`. Closing the app ends open figure streams; what it was given stays the caller's.
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { store, queues, config, logger } = deps;
  const options = deps.options ?? {};
  // Request logs carry no secret whatever the logger given: URLs and errors are scrubbed, headers left out.
  const scrubber = new LogScrubber(config.API_TOKEN);
  const log = logger.child({ component: 'api' }, { serializers: scrubber.serializers() });
  const app = Fastify({
    loggerInstance: log,
    ...serverOptions(config, log),
    bodyLimit: config.API_BODY_LIMIT,
    return503OnClosing: true,
    // Static files of the dashboard's pages are logged at debug (see accessLog.ts).
    logController: new LogController({ disableRequestLogging: (request) => isStaticAsset(request.url) }),
    // Figure keys are path parameters; the schema bounds them (512), the router must not cut in first.
    routerOptions: { maxParamLength: 1000 },
    // Errors raised before routing (a malformed or over-long path) get a registry code too.
    frameworkErrors: (err, _request, reply) => {
      const e = toApiError(err);
      return (reply as unknown as FastifyReply).code(e.statusCode).send(e.toBody());
    },
  }) as unknown as FastifyInstance;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON is the only body the API reads: anything else is a 415, not a string handed to a schema.
  app.removeContentTypeParser('text/plain');

  const reads = deps.reads ?? projectionStoreReads(store);
  const scopedTokens = new ScopedTokens({
    load: () => reads.listTokens(),
    refreshMs: options.tokensRefreshMs,
    onError: (err) => app.log.warn({ err }, 'cannot load the API tokens: keeping the ones loaded before'),
  });
  const auth = new Authenticator(
    {
      token: config.API_TOKEN,
      readsNeedToken: config.API_READS_NEED_TOKEN,
      listenHost: config.API_HOST,
      loopbackOpen: config.API_LOOPBACK_OPEN,
    },
    scopedTokens,
  );
  const hostGuard = new HostGuard({ allowedHosts: config.API_ALLOWED_HOSTS, listenHost: config.API_HOST });
  if (!auth.hasToken) {
    app.log.warn(
      { host: config.API_HOST, loopbackOpen: config.API_LOOPBACK_OPEN },
      config.API_LOOPBACK_OPEN
        ? 'API_TOKEN is not set: write routes need a scoped token; events, metrics and the dashboard are open only to local requests on loopback'
        : 'API_TOKEN is not set: write routes, events, metrics and the dashboard need a scoped token (API_LOOPBACK_OPEN=false)',
    );
  }

  app.addHook('onRoute', (route) => {
    const byPath = accessByPath(route.url);
    if (byPath && route.config?.access === undefined) route.config = { ...route.config, ...byPath };
  });
  installRequestGuards(app, { hostGuard, auth, scrubber });
  // Metrics are made once the routes' sources are; no request is answered before then.
  installAccessLog(app, () => metrics);

  app.setErrorHandler((err, request, reply) => {
    const e = toApiError(err);
    if (e.statusCode >= 500) request.log.error({ err }, 'request failed');
    else request.log.info({ code: e.code, message: scrubber.text(e.message) }, 'request rejected');
    return reply.code(e.statusCode).send(e.toBody());
  });
  app.setNotFoundHandler((request, reply) => {
    const e = new ApiError('TALLY_ERR_NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`);
    return reply.code(404).send(e.toBody());
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Tally API',
        version: '0.1.0',
        description:
          'Current figures from the news, with their history and sources; the event log for catch-up reads; a live stream of figure changes. Errors carry a stable `TALLY_ERR_*` code.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: withOperationIds(createJsonSchemaTransform({ skipList: [] })),
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: DOCS_PATH });
  // Before any route: rate limiting hooks each route as it is added.
  await registerHardening(app, { redis: deps.redis, auth }, config);

  const counters = new LogCounters(store);
  const feed = new FigureChangeFeed(store, {
    onError: (err) => app.log.warn({ err }, 'figure change feed cannot read the log'),
  });
  const streams = new FigureStreams(feed, {
    maxStreams: config.API_MAX_STREAMS,
    maxStreamsPerClient: config.API_MAX_STREAMS_PER_CLIENT,
    ...options.stream,
  });
  const metrics = createMetrics({
    queues,
    counters,
    projectionLag: () => reads.lag().catch(() => null),
    logHead: () => store.head(),
    openStreams: () => streams.openCount,
    process: deps.processMetrics,
  });
  app.decorate('tallyMetrics', metrics);

  readRoutes(app, reads);
  searchRoutes(app, reads);
  exportRoutes(app, reads);
  figureStreamRoute(app, streams, (request) => auth.clientOf(request));
  feedRoutes(app, { feeds: deps.feedCommands, queues, reads, writeAccess: (request) => auth.writeAccessOf(request) });
  eventRoutes(app, store);
  tokenRoutes(app, { commands: createTokenCommands(store), reads, auth, scoped: scopedTokens });
  streamRoutes(app, store);
  healthRoutes(app, { store, redis: deps.redis }, metrics, {
    maxLag: options.readyMaxLag ?? 10_000,
    timeoutMs: options.readyTimeoutMs ?? 2000,
    lag: () => reads.lag(),
  });
  dashboardRoutes(app, { store, queues, reads, counters, sampler: metrics.sampler });
  const webhooks = webhookRoutes(app, { store, redis: deps.redis }, config);
  websubRoutes(app, deps.websub ?? null, config.HTTP_MAX_BODY_BYTES);
  await mountBullBoard(app, [...Object.values(queues.queues), webhooks.queue]);

  app.addHook('preClose', async () => {
    await streams.closeAll();
    await feed.close();
  });
  return app;
}
