import { randomUUID } from 'node:crypto';
import { loadConfig } from '@tally/config';
import { type EventStore, openEventStore } from '@tally/event-store';
import { silentLogger } from '@tally/logger';
import { type FeedTestServer, startFeedTestServer } from './feedTestServer.ts';
import { openRuntime, type Runtime } from './runtime.ts';

/** A runtime on real Redis and an in-memory embedded log, with a local feed server it may fetch from. */
export interface FeedRuntime {
  server: FeedTestServer;
  store: EventStore;
  rt: Runtime;
  close(): Promise<void>;
}

/**
 * Test support: the runtime the poller's and the feed commands' integration tests run on (queues
 * under a prefix of their own, loopback allowed, no politeness delay, no extraction threads).
 */
export async function openFeedRuntime(
  redisUrl: string,
  overrides: Parameters<typeof loadConfig>[0] = {},
): Promise<FeedRuntime> {
  const server = await startFeedTestServer();
  const store = await openEventStore({ dataDir: 'memory://' });
  const config = loadConfig(
    {
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: `t${randomUUID().slice(0, 8)}`,
      HTTP_ALLOW: '127.0.0.1',
      HTTP_HOST_INTERVAL_MS: 0,
      LOG_LEVEL: 'silent',
      ...overrides,
    },
    {},
  );
  const rt = await openRuntime(config, silentLogger, { store, extractPool: false });
  return {
    server,
    store,
    rt,
    close: async () => {
      await rt.close();
      await store.close();
      await server.close();
    },
  };
}
