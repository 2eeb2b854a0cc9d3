import { FIRST_SLOT } from '@tally/ingest';
import { createProjector } from '@tally/projection-store';
import { createJobWorker, type QueueSet, UnrecoverableError, type WorkerHandle } from '@tally/queues';
import { analyzeArticle } from './analyzer.ts';
import type { FeedCommands } from './feedCommands.ts';
import { fetchArticle } from './fetcher.ts';
import { pollFeed } from './poller.ts';
import type { Runtime } from './runtime.ts';

export type StageName = 'poller' | 'fetcher' | 'analyzer' | 'projector';
export const stageNames: readonly StageName[] = ['poller', 'fetcher', 'analyzer', 'projector'];

export interface RunningStages {
  stages: StageName[];
  /** Stop taking jobs, let active ones finish (or return to the queue), stop the projector. */
  close(): Promise<void>;
  /** Resolves when the projector has applied everything in the log at call time. */
  projectorCaughtUp(): Promise<void>;
}

/**
 * Starts the given stages in this process, each given the ports it uses out of the process's
 * runtime. Each stage is safe to run in many processes at once:
 * jobs are taken by one worker each, events are idempotent, and the projector's checkpoint is
 * stored with its writes.
 */
export function startStages(rt: Runtime, stages: readonly StageName[]): RunningStages {
  const workers: WorkerHandle[] = [];
  const connection = rt.redis;
  const prefix = rt.config.QUEUE_PREFIX;
  const onError = (stage: string) => (err: Error) => rt.log.error({ stage, err }, 'worker error');
  const onReleased = (stage: string) => (released: number) =>
    rt.log.info({ stage, released }, 'put back the jobs of workers whose process died');
  const onFailed = (stage: string) => (job: { id?: string; attemptsMade: number } | undefined, err: Error) =>
    rt.log.warn({ stage, jobId: job?.id, attemptsMade: job?.attemptsMade, err }, 'job failed');
  if (stages.includes('poller')) {
    workers.push(
      createJobWorker('pollFeed', async (p) => void (await pollFeed(rt, p)), {
        connection,
        prefix,
        concurrency: rt.config.POLL_CONCURRENCY,
        onError: onError('poller'),
        onFailed: onFailed('poller'),
        onReleased: onReleased('poller'),
      }),
    );
  }
  if (stages.includes('fetcher')) {
    // With the analyzer in this process too, an extracted article is analysed in its fetch job:
    // one queue hop and one read of its stream fewer. Its concurrency then covers both stages, and
    // the analyzer's worker keeps serving what is queued (retries, sweeps, other fetchers' work).
    const analyze = stages.includes('analyzer');
    const concurrency = rt.config.FETCH_CONCURRENCY + (analyze ? rt.config.ANALYZE_CONCURRENCY : 0);
    workers.push(
      createJobWorker(
        'fetchArticle',
        async (p, job) => {
          // The last attempt records its failure as permanent, so the article's state says it is done.
          const attempt = job.attemptsMade + 1;
          await fetchArticle(rt, p, attempt, attempt >= (job.opts.attempts ?? 1), { analyze });
        },
        {
          connection,
          prefix,
          concurrency,
          onError: onError('fetcher'),
          onFailed: onFailed('fetcher'),
          onReleased: onReleased('fetcher'),
        },
      ),
    );
  }
  if (stages.includes('analyzer')) {
    workers.push(
      createJobWorker('analyzeArticle', async (p) => void (await analyzeArticle(rt, p)), {
        connection,
        prefix,
        concurrency: rt.config.ANALYZE_CONCURRENCY,
        onError: onError('analyzer'),
        onFailed: onFailed('analyzer'),
        onReleased: onReleased('analyzer'),
      }),
    );
  }
  let projector: ReturnType<ReturnType<typeof createProjector>['start']> | null = null;
  if (stages.includes('projector')) {
    projector = createProjector(rt.store, { logger: rt.log }).start();
  }
  return {
    stages: [...stages],
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await projector?.stop();
    },
    async projectorCaughtUp() {
      await projector?.caughtUp();
    },
  };
}

/**
 * Makes sure every registered feed has its next poll scheduled. Job ids are derived from feed and
 * slot, so several pollers reconciling at once add each job once.
 */
export async function reconcileSchedules(ports: {
  feedCommands: Pick<FeedCommands, 'list'>;
  queues: Pick<QueueSet, 'enqueue'>;
}): Promise<number> {
  const feeds = await ports.feedCommands.list();
  let n = 0;
  for (const f of feeds) {
    // A paused feed is polled again once resumed, which plans its poll.
    if (f.removed || f.paused) continue;
    const due = f.nextCheckAt && Date.parse(f.nextCheckAt) > Date.now() ? f.nextCheckAt : null;
    const slot = due ?? f.nextCheckAt ?? FIRST_SLOT;
    await ports.queues.enqueue(
      'pollFeed',
      { feedId: f.feedId, slot, reschedule: true, runId: null },
      {
        delayMs: due ? Date.parse(due) - Date.now() : 0,
      },
    );
    n++;
  }
  return n;
}

export { UnrecoverableError };
