import { randomUUID } from 'node:crypto';
import { type Config, loadConfig } from '@tally/config';
import { type EventStore, type OpenEventStoreOptions, openEventStore } from '@tally/event-store';
import { type Logger, silentLogger } from '@tally/logger';
import { afterAll, beforeAll } from 'vitest';
import { type FeedTestServer, startFeedTestServer } from './feedTestServer.ts';
import { openRuntime, type Runtime } from './runtime.ts';

// Test support: the runtime the pipeline's integration tests run on, on real Redis (the test
// setup's) and a real log, opened and closed in one place so a spec states only what it tests.

/** Config keys a test sets over `testRuntimeConfig`'s. */
export type ConfigOverrides = Parameters<typeof loadConfig>[0];

/**
 * The config of a test runtime: queues (and the dedupe index and host limits kept under the same
 * prefix) under a prefix of their own, loopback allowed, no politeness delay, nothing logged.
 */
export function testRuntimeConfig(redisUrl: string, overrides: ConfigOverrides = {}): Config {
  return loadConfig(
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
}

export interface RuntimeChoices {
  /** Extraction threads (`EXTRACT_THREADS` of them); a runtime without any fails each extraction. @defaultValue false */
  extract?: boolean;
  /** @defaultValue a logger that writes nothing */
  log?: Logger;
}

export interface TestRuntimeOptions extends RuntimeChoices {
  /** Config keys over `testRuntimeConfig`'s. */
  config?: ConfigOverrides;
  /** The log to open (and close with the rest). @defaultValue an in-memory embedded log */
  store?: OpenEventStoreOptions;
}

/** A runtime on real Redis and a real log. */
export interface TestRuntime {
  store: EventStore;
  rt: Runtime;
  /**
   * Another runtime on the same log and Redis, with `overrides` over this one's config keys; its
   * queues under a prefix of their own unless `QUEUE_PREFIX` names this one's. Closed with the rest.
   */
  openRuntime(overrides?: ConfigOverrides, choices?: RuntimeChoices): Promise<Runtime>;
  close(): Promise<void>;
}

/** A test runtime with a local feed server (on 127.0.0.1) it may fetch from. */
export interface FeedRuntime extends TestRuntime {
  server: FeedTestServer;
}

export async function openTestRuntime(redisUrl: string, options: TestRuntimeOptions = {}): Promise<TestRuntime> {
  const store = await openEventStore(options.store ?? { dataDir: 'memory://' });
  const runtimes: Runtime[] = [];
  const open = async (overrides: ConfigOverrides, { extract = false, log = silentLogger }: RuntimeChoices) => {
    const rt = await openRuntime(testRuntimeConfig(redisUrl, { ...options.config, ...overrides }), log, {
      store,
      extractPool: extract ? undefined : false,
    });
    runtimes.push(rt);
    return rt;
  };
  let rt: Runtime;
  try {
    rt = await open({}, options);
  } catch (err) {
    await store.close();
    throw err;
  }
  return {
    store,
    rt,
    openRuntime: (overrides = {}, choices = {}) => open(overrides, choices),
    close: async () => {
      for (const r of runtimes) await r.close();
      await store.close();
    },
  };
}

/** `openTestRuntime` with a local feed server; `overrides` over `testRuntimeConfig`'s keys. */
export async function openFeedRuntime(
  redisUrl: string,
  overrides: ConfigOverrides = {},
  options: Omit<TestRuntimeOptions, 'config'> = {},
): Promise<FeedRuntime> {
  const server = await startFeedTestServer();
  let opened: TestRuntime;
  try {
    opened = await openTestRuntime(redisUrl, { ...options, config: overrides });
  } catch (err) {
    await server.close();
    throw err;
  }
  return {
    ...opened,
    server,
    close: async () => {
      await opened.close();
      await server.close();
    },
  };
}

/**
 * Opens a runtime (`openTestRuntime`, `openFeedRuntime`) before the tests of the enclosing
 * `describe` and closes it after them. What it returns stands for the runtime from the first
 * `beforeAll` registered after this call on; reading it earlier throws.
 */
export function forSuite<T extends { close(): Promise<void> }>(open: () => Promise<T>): T {
  let opened: T | undefined;
  beforeAll(async () => {
    opened = await open();
  });
  afterAll(async () => {
    await opened?.close();
  });
  return new Proxy({} as T, {
    get(_target, key) {
      if (!opened) throw new Error(`the suite's runtime is not open: read ${String(key)} in a test or a later hook`);
      return Reflect.get(opened, key);
    },
  });
}
