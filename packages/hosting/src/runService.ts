import type { Config } from '@tally/config';
import type { FeedRegistration } from '@tally/ingest';
import type { Logger } from '@tally/logger';
import {
  openRuntime,
  type Runtime,
  readFeedsFile,
  reconcileSchedules,
  registerConfiguredFeeds,
  type StageName,
  stageNames,
  startStages,
  sweepUnanalyzed,
} from '@tally/pipeline';
import { keepRunning } from './keepRunning.ts';
import { untilShutdownSignal } from './untilShutdownSignal.ts';

/**
 * Opens the runtime, waiting out an unreachable log or Redis with capped exponential backoff: a
 * service started during an outage comes up when it ends instead of exiting. Null when it is told
 * to stop first.
 */
async function openWithRetry(
  config: Config,
  log: Logger,
  stages: readonly StageName[],
  stopWhen: Promise<unknown>,
): Promise<Runtime | null> {
  let stop = false;
  void stopWhen.then(() => {
    stop = true;
  });
  for (let attempt = 1; ; attempt++) {
    try {
      return await openRuntime(config, log, { extractPool: stages.includes('fetcher') });
    } catch (err) {
      const delayMs = Math.min(30_000, 500 * 2 ** Math.min(attempt - 1, 6));
      log.warn({ err, attempt, retryInMs: delayMs }, 'cannot open the log or Redis yet');
      for (let waited = 0; waited < delayMs && !stop; waited += 100) await new Promise((r) => setTimeout(r, 100));
      if (stop) return null;
    }
  }
}

export interface ServiceOptions {
  /**
   * Resolves when the service is to stop. A host with signal handling of its own (the `tally`
   * command) passes its own, so that one set of handlers decides what a signal means.
   * @defaultValue the first SIGINT/SIGTERM ({@link untilShutdownSignal})
   */
  stopWhen?: Promise<NodeJS.Signals>;
}

/**
 * Runs pipeline stages as a long-lived service until SIGINT/SIGTERM, then shuts down cleanly: stop
 * taking jobs, let active ones finish (BullMQ returns unfinished ones to the queue), close
 * connections. `extra` runs beside the stages (e.g. the API) and is closed first.
 */
export async function runService(
  stages: readonly StageName[],
  config: Config,
  log: Logger,
  extra?: (rt: Runtime) => Promise<{ close(): Promise<void> }>,
  options: ServiceOptions = {},
): Promise<void> {
  // Some stages alone are one part of a deployment: with a private Redis and an embedded log they
  // would share their queues and log with nobody, and wait forever for work no one else can give.
  if (stages.length > 0 && stages.length < stageNames.length) {
    const missing = [config.REDIS_URL ? null : 'REDIS_URL', config.DATABASE_URL ? null : 'DATABASE_URL'].filter(
      (name): name is string => name !== null,
    );
    if (missing.length > 0) {
      throw new Error(
        `${stages.join(', ')} alone is one part of a distributed deployment: set ${missing.join(' and ')} to the ` +
          'servers the other parts use (to run everything in one process, use `tally start`)',
      );
    }
  }
  // The poller registers the feeds of FEEDS_FILE; the file is checked before anything opens.
  const feedsFile: FeedRegistration[] | null =
    stages.includes('poller') && config.FEEDS_FILE ? readFeedsFile(config.FEEDS_FILE) : null;
  // From here on a signal stops the service cleanly (before, nothing is open that needs closing).
  const stopWhen = options.stopWhen ?? untilShutdownSignal();
  const rt = await openWithRetry(config, log, stages, stopWhen);
  if (!rt) return;
  try {
    if (feedsFile) {
      const registered = await registerConfiguredFeeds(rt.feedCommands, feedsFile);
      log.info({ feedsFile: config.FEEDS_FILE, ...registered }, 'feeds file registered');
    }
    const running = startStages(rt, stages);
    // A poll whose job ran out of retries during an outage gets its next slot back.
    const reconciler = stages.includes('poller')
      ? keepRunning(log, 'reconciling poll schedules', async () => {
          log.info({ feeds: await reconcileSchedules(rt) }, 'poll schedules reconciled');
        })
      : null;
    // An article extracted by a process that died before analysing it is analysed after all.
    const sweeper = stages.includes('analyzer')
      ? keepRunning(log, 'sweeping unanalysed articles', async () => void (await sweepUnanalyzed(rt)))
      : null;
    const side = extra ? await extra(rt) : null;
    log.info({ stages }, 'service started');
    const sig = await stopWhen;
    log.info({ signal: sig }, 'shutting down: finishing active jobs');
    reconciler?.stop();
    sweeper?.stop();
    await side?.close();
    await running.close();
  } finally {
    await rt.close();
  }
  log.info('stopped');
}
