import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { type Config, loadConfig } from '@tally/config';
import { type EventStore, openEventStore } from '@tally/event-store';
import type { NewEvent } from '@tally/events';
import { apiPorts } from '@tally/hosting';
import { type Logger, silentLogger } from '@tally/logger';
import { openRuntime, type Runtime } from '@tally/pipeline';
import { createProjector } from '@tally/projection-store';
import { seedScenario } from '@tally/projections/testing';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { inject } from 'vitest';
import { type AppOptions, buildApp } from '../src/index.ts';

export const TOKEN = 'test-token-0123456789abcdef';

export interface LoggedEntry {
  streamId: string;
  event: NewEvent;
}

/** A real runtime (Redis from the test setup, an in-memory embedded log or PostgreSQL) and the projector over it. */
export interface Harness {
  store: EventStore;
  runtime: Runtime;
  config: Config;
  /** Appends entries in order, one append per run of entries of one stream. */
  append(entries: readonly LoggedEntry[]): Promise<void>;
  /** Runs the projector until it has applied everything appended so far, then stops it (until the next call). */
  project(): Promise<void>;
  /** Builds an app over this runtime with other settings (token, host, options). */
  app(
    overrides?: Partial<Record<keyof Config, unknown>>,
    options?: AppOptions,
    logger?: Logger,
  ): Promise<FastifyInstance>;
  close(): Promise<void>;
}

export function testConfig(overrides: Partial<Record<keyof Config, unknown>> = {}): Config {
  // An empty environment: nothing of the machine's settings leaks into a test.
  return loadConfig(
    {
      REDIS_URL: inject('redisUrl'),
      QUEUE_PREFIX: `api-test-${randomUUID().slice(0, 8)}`,
      API_HOST: '127.0.0.1',
      API_TOKEN: TOKEN,
      LOG_LEVEL: 'silent',
      ...overrides,
    },
    {},
  );
}

export interface HarnessOptions {
  /**
   * Where the log lives: an in-memory PGlite (the default, fast), or a schema of its own on the real
   * PostgreSQL server the test setup started (for behaviour that differs, e.g. NUL bytes in a query).
   */
  log?: 'embedded' | 'postgres';
}

export async function startHarness(
  overrides: Partial<Record<keyof Config, unknown>> = {},
  harnessOptions: HarnessOptions = {},
): Promise<Harness> {
  const store =
    harnessOptions.log === 'postgres'
      ? await openEventStore({
          databaseUrl: inject('databaseUrl'),
          schema: `api_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`,
        })
      : await openEventStore({ dataDir: 'memory://' });
  const config = testConfig(overrides);
  const runtime = await openRuntime(config, silentLogger, { store, extractPool: false });
  const projector = createProjector(store, { pollIntervalMs: 50 });
  const apps: FastifyInstance[] = [];
  return {
    store,
    runtime,
    config,
    async append(entries) {
      let i = 0;
      while (i < entries.length) {
        const streamId = entries[i]!.streamId;
        const run: NewEvent[] = [];
        while (i < entries.length && entries[i]!.streamId === streamId) run.push(entries[i++]!.event);
        await store.append(streamId, run);
      }
    },
    async project() {
      const subscription = projector.start();
      try {
        await subscription.caughtUp();
      } finally {
        await subscription.stop();
      }
    },
    async app(appOverrides = {}, options = {}, logger = silentLogger) {
      // Keys given (an undefined one unsets it, e.g. API_TOKEN), parsed as the config package parses them.
      const parsed = loadConfig(appOverrides, {}) as Record<string, unknown>;
      const appConfig: Record<string, unknown> = { ...config };
      for (const key of Object.keys(appOverrides)) appConfig[key] = parsed[key];
      const app = await buildApp({ ...apiPorts(runtime), config: appConfig as Config, logger, options });
      apps.push(app);
      return app;
    },
    async close() {
      for (const app of apps) {
        // A connection a test left open (a body not read, a proxy's kept-alive socket) must not hold the close.
        const closing = app.close().catch(() => {});
        app.server.closeAllConnections();
        await closing;
      }
      await runtime.close();
      await store.close();
    },
  };
}

/** A harness whose log holds the seed scenario, projected, and an app over it with the test settings. */
export async function startSeededHarness(
  overrides: Partial<Record<keyof Config, unknown>> = {},
  harnessOptions: HarnessOptions = {},
): Promise<{ h: Harness; app: FastifyInstance }> {
  const h = await startHarness(overrides, harnessOptions);
  await h.append(seedScenario().entries);
  await h.project();
  return { h, app: await h.app() };
}

/** Listens on an ephemeral loopback port; answers the base URL. */
export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address() as AddressInfo;
  return `http://127.0.0.1:${address.port}`;
}

export const auth = { authorization: `Bearer ${TOKEN}` };

/** A logger at `level` whose records (JSON lines, as written) the test reads back. */
export function capturingLogger(level = 'trace'): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: pino({ level }, sink), lines };
}
