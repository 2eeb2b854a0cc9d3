import { startRedis } from '@tally/local-services';
import type { TestProject } from 'vitest/node';

/**
 * Real Redis for the API tests (the log is PGlite in memory, so no PostgreSQL is started): a
 * private redis-server for the run, unless TEST_REDIS_URL names a running one.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const redis = process.env.TEST_REDIS_URL
    ? { url: process.env.TEST_REDIS_URL, stop: async () => {} }
    : await startRedis();
  project.provide('redisUrl', redis.url);
  return () => redis.stop();
}
