import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { startPostgres } from './postgresServer.ts';
import { type LocalServer, startRedis } from './redisServer.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
    databaseUrl: string;
  }
}

/**
 * Vitest global setup: real Redis and real PostgreSQL for integration tests, started once per test
 * run unless TEST_REDIS_URL / TEST_DATABASE_URL name running ones. Tests read them with
 * `inject('redisUrl')` / `inject('databaseUrl')` and use a unique queue prefix or schema each.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const servers: LocalServer[] = [];
  const redis = process.env.TEST_REDIS_URL
    ? { url: process.env.TEST_REDIS_URL, started: false, stop: async () => {} }
    : await startRedis();
  servers.push(redis);
  const pg = process.env.TEST_DATABASE_URL
    ? { url: process.env.TEST_DATABASE_URL, started: false, stop: async () => {} }
    : await startPostgres();
  servers.push(pg);
  project.provide('redisUrl', redis.url);
  project.provide('databaseUrl', pg.url);
  return async () => {
    await Promise.all(servers.map((s) => s.stop()));
  };
}
