import { join } from 'node:path';
import type { Config } from '@tally/config';
import { createDedupeIndex, type DedupeIndex } from '@tally/dedupe-index';
import { type EventStore, openEventStore } from '@tally/event-store';
import { createExtractPool, type ExtractPool } from '@tally/extract-pool';
import {
  createGuardedPoster,
  createHostLimiter,
  createHttpClient,
  createRobotsRules,
  type HostLimit,
  type HttpClient,
  type RobotsRules,
} from '@tally/http-fetch';
import { type LocalServer, provideRedis } from '@tally/local-services';
import type { Logger } from '@tally/logger';
import { createQueues, type QueueSet, redisConnection } from '@tally/queues';
import { webhookKeyFor } from '@tally/webhooks';
import type { Redis } from 'ioredis';
import { createFeedCommands, type FeedCommands } from './feedCommands.ts';
import { createFeedListingCache, type FeedListingCache } from './feedListingCache.ts';
import { FeedStates } from './feedStates.ts';
import { createStageMetrics, type StageMetrics } from './stageMetrics.ts';
import { TimedEventStore } from './timedEventStore.ts';
import { createWebSub, type WebSub } from './websub.ts';

/**
 * What one process opens once: the log, Redis (queues, politeness, dedupe index), the HTTP client,
 * the extraction pool, and the feed states its writers of feed streams share. Stages open nothing:
 * each takes the few of these it uses (its ports: `PollerPorts`, `FetcherPorts`, `AnalyzerPorts`),
 * and the API the ones it names.
 */
export interface Runtime {
  config: Config;
  log: Logger;
  /** The log; every append is timed into `metrics.appendSeconds`. */
  store: EventStore;
  redis: Redis;
  redisUrl: string;
  queues: QueueSet;
  http: HttpClient;
  /**
   * The robots.txt rules article fetches obey (per origin, cached with its expiry, Crawl-delay fed
   * to the host limiter); null when `ROBOTS_TXT` is off. Feeds are not checked: a subscription.
   */
  robots: RobotsRules | null;
  extractPool: ExtractPool;
  dedupe: DedupeIndex;
  /** This process's latency histograms and Node's process metrics (`/metrics` renders them). */
  metrics: StageMetrics;
  /** Feed states kept between polls: the poller reads them, the feed commands tell them of removals. */
  feedStates: FeedStates;
  /** What the last poll of each feed recorded (Redis), so unchanged items cost nothing. */
  feedListings: FeedListingCache;
  /** Registering, removing, listing, operating and discovering feeds in this process. */
  feedCommands: FeedCommands;
  /** WebSub subscriptions (the poller asks, the API's callback route answers); null without `WEBSUB_CALLBACK_URL`. */
  websub: WebSub | null;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /** Open the extraction pool (fetcher only). @defaultValue true */
  extractPool?: boolean;
  /** Use this store instead of opening one (tests, embedded mode sharing one PGlite). */
  store?: EventStore;
  /**
   * Politeness of their own for some hosts (by host name), e.g. the demo newsroom on loopback, on
   * top of `HTTP_HOST_LIMITS`; every other host keeps `HTTP_HOST_CONCURRENCY` and
   * `HTTP_HOST_INTERVAL_MS`.
   */
  hostLimits?: Readonly<Record<string, HostLimit>>;
  /** Observe into these metrics (a test reading them); by default the runtime makes its own. */
  metrics?: StageMetrics;
}

export async function openRuntime(config: Config, log: Logger, options: RuntimeOptions = {}): Promise<Runtime> {
  const opened =
    options.store ??
    (await openEventStore({
      databaseUrl: config.DATABASE_URL,
      dataDir: config.DATABASE_URL ? undefined : join(config.TALLY_DATA_DIR, 'log'),
    }));
  // With the embedded log, a private Redis keeps its data beside it: the queues and the dedupe
  // index must outlive a restart as the log does (an article discovered but not yet fetched is
  // only a job). The embedded log has one process; a log on a server may have many, which must
  // share one REDIS_URL anyway.
  const metrics = options.metrics ?? createStageMetrics();
  const store = new TimedEventStore(opened, metrics.appendSeconds);
  let redisServer: LocalServer;
  try {
    redisServer = await provideRedis(config.REDIS_URL, {
      dataDir: config.DATABASE_URL ? undefined : join(config.TALLY_DATA_DIR, 'redis'),
    });
  } catch (err) {
    // Nothing half-open stays behind: the caller exits and a supervisor can restart it.
    if (!options.store) await store.close();
    throw err;
  }
  if (redisServer.started) log.info({ redisUrl: redisServer.url }, 'started a private redis-server');
  const redis = redisConnection(redisServer.url);
  redis.on('error', (err) => log.warn({ err }, 'redis connection error'));
  const queues = createQueues(redis, config.QUEUE_PREFIX);
  const limiter = createHostLimiter(redis, {
    prefix: `${config.QUEUE_PREFIX}:hosts`,
    concurrency: config.HTTP_HOST_CONCURRENCY,
    intervalMs: config.HTTP_HOST_INTERVAL_MS,
    hosts: { ...config.HTTP_HOST_LIMITS, ...options.hostLimits },
  });
  const http = createHttpClient({
    userAgent: config.HTTP_USER_AGENT,
    connectTimeoutMs: config.HTTP_CONNECT_TIMEOUT_MS,
    totalTimeoutMs: config.HTTP_TOTAL_TIMEOUT_MS,
    maxBodyBytes: config.HTTP_MAX_BODY_BYTES,
    maxRedirects: config.HTTP_MAX_REDIRECTS,
    allow: config.HTTP_ALLOW,
    limiter,
  });
  const robots = config.ROBOTS_TXT ? createRobotsRules({ http, userAgent: config.HTTP_USER_AGENT, limiter }) : null;
  const extractPool =
    options.extractPool === false
      ? ({
          extract: () => Promise.reject(new Error('no extraction pool in this process')),
          close: async () => {},
          workers: 0,
        } as ExtractPool)
      : createExtractPool({
          threads: config.EXTRACT_THREADS || undefined,
          timeoutMs: config.EXTRACT_TIMEOUT_MS,
        });
  const dedupe = createDedupeIndex(redis, {
    prefix: `${config.QUEUE_PREFIX}:dedupe`,
    windowDays: config.DEDUPE_WINDOW_DAYS,
    threshold: config.DEDUPE_THRESHOLD,
  });
  const feedStates = new FeedStates(store);
  const feedListings = createFeedListingCache(redis, { prefix: config.QUEUE_PREFIX });
  // Subscription requests go through the same SSRF guard as every fetch.
  const poster = config.WEBSUB_CALLBACK_URL
    ? createGuardedPoster({
        userAgent: config.HTTP_USER_AGENT,
        connectTimeoutMs: config.HTTP_CONNECT_TIMEOUT_MS,
        totalTimeoutMs: config.HTTP_TOTAL_TIMEOUT_MS,
        allow: config.HTTP_ALLOW,
      })
    : null;
  let key: ReturnType<typeof webhookKeyFor> | undefined;
  const websub =
    poster && config.WEBSUB_CALLBACK_URL
      ? createWebSub({
          store,
          feedStates,
          queues,
          feedListings,
          poster,
          key: () => {
            key ??= webhookKeyFor(config);
            if (!key) throw new Error('WebSub secrets need WEBHOOK_SECRET_KEY with DATABASE_URL');
            return key;
          },
          config: { ...config, WEBSUB_CALLBACK_URL: config.WEBSUB_CALLBACK_URL },
          log: log.child({ component: 'websub' }),
        })
      : null;
  let closed = false;
  return {
    config,
    log,
    store,
    redis,
    redisUrl: redisServer.url,
    queues,
    http,
    robots,
    extractPool,
    dedupe,
    metrics,
    feedStates,
    feedListings,
    websub,
    feedCommands: createFeedCommands({ store, feedStates, queues, http, websub }),
    async close() {
      if (closed) return;
      closed = true;
      await queues.close();
      await extractPool.close();
      await http.close();
      await poster?.close();
      if (!options.store) await store.close();
      redis.disconnect();
      await redisServer.stop();
    },
  };
}
