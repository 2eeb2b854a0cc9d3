/**
 * A poller process for the crash test: runs the pollFeed worker over the test's queue until it is
 * killed. Started as `node --import tsx pollerCrashChild.ts '<json options>'`.
 */
import { loadConfig } from '@tally/config';
import { openEventStore } from '@tally/event-store';
import { silentLogger } from '@tally/logger';
import { createJobWorker } from '@tally/queues';
import { pollFeed } from './poller.ts';
import { openRuntime } from './runtime.ts';

export interface CrashChildOptions {
  redisUrl: string;
  databaseUrl: string;
  schema: string;
  queuePrefix: string;
  concurrency: number;
  lockDurationMs: number;
  stalledIntervalMs: number;
}

const options = JSON.parse(process.argv[2] ?? '{}') as CrashChildOptions;
const store = await openEventStore({ databaseUrl: options.databaseUrl, schema: options.schema });
const config = loadConfig(
  {
    REDIS_URL: options.redisUrl,
    QUEUE_PREFIX: options.queuePrefix,
    HTTP_ALLOW: '127.0.0.1',
    HTTP_HOST_INTERVAL_MS: 0,
    HTTP_HOST_CONCURRENCY: 16,
    LOG_LEVEL: 'silent',
  },
  {},
);
const rt = await openRuntime(config, silentLogger, { store, extractPool: false });
createJobWorker('pollFeed', async (p) => void (await pollFeed(rt, p)), {
  connection: rt.redis,
  prefix: config.QUEUE_PREFIX,
  concurrency: options.concurrency,
  onError: (err) => process.stderr.write(`poller worker error: ${err.message}\n`),
  worker: { lockDuration: options.lockDurationMs, stalledInterval: options.stalledIntervalMs },
});
