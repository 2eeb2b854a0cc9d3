import { type ConnectionOptions, type Job, Queue, UnrecoverableError, Worker, type WorkerOptions } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import { recordWorkerOwner, releaseJobsOfDeadWorkers, workerInstance } from './deadWorkers.ts';
import { type JobName, type JobPayload, jobCatalog } from './jobs.ts';

export { UnrecoverableError };

/** A Redis connection for BullMQ; workers need `maxRetriesPerRequest: null` so blocking calls survive reconnects. */
export function redisConnection(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, ...options });
}

export interface QueueSet {
  queues: Record<JobName, Queue>;
  enqueue<N extends JobName>(
    name: N,
    payload: JobPayload<N>,
    options?: { delayMs?: number; priority?: number },
  ): Promise<void>;
  /**
   * Adds many jobs in one round trip. A job id already present is left as it is, unless
   * `replaceFinished` is set: then a completed or failed job of that id is removed and added anew
   * (a sweep re-queueing work whose earlier job ran out of retries).
   */
  enqueueMany<N extends JobName>(
    name: N,
    payloads: readonly JobPayload<N>[],
    options?: { replaceFinished?: boolean },
  ): Promise<void>;
  /** waiting + active + delayed + prioritized jobs over every queue. */
  pending(): Promise<number>;
  counts(): Promise<Record<string, Record<string, number>>>;
  close(): Promise<void>;
}

function jobOptions<N extends JobName>(name: N, payload: JobPayload<N>) {
  const def = jobCatalog[name];
  return {
    jobId: (def.jobId as (p: JobPayload<N>) => string)(payload),
    attempts: def.retry.attempts,
    backoff: 'backoff' in def.retry ? def.retry.backoff : undefined,
    // Keep finished jobs a while: a re-enqueue with the same id within the hour is a no-op.
    removeOnComplete: { age: 3600, count: 10_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  };
}

/** The queues of the job catalog, with payload validation on enqueue. */
export function createQueues(connection: ConnectionOptions, prefix: string): QueueSet {
  const queues = Object.fromEntries(
    (Object.keys(jobCatalog) as JobName[]).map((name) => [
      name,
      new Queue(jobCatalog[name].queue, { connection, prefix }),
    ]),
  ) as Record<JobName, Queue>;
  return {
    queues,
    async enqueue(name, payload, options = {}) {
      const data = jobCatalog[name].schema.parse(payload);
      await queues[name].add(name, data, {
        ...jobOptions(name, data as JobPayload<typeof name>),
        delay: options.delayMs && options.delayMs > 0 ? Math.round(options.delayMs) : undefined,
        priority: options.priority,
      });
    },
    async enqueueMany(name, payloads, options = {}) {
      if (payloads.length === 0) return;
      const jobs = payloads.map((p) => {
        const data = jobCatalog[name].schema.parse(p);
        return { name, data, opts: jobOptions(name, data as JobPayload<typeof name>) };
      });
      if (options.replaceFinished) {
        for (const job of jobs) {
          const old = await queues[name].getJob(job.opts.jobId);
          if (!old) continue;
          const state = await old.getState();
          if (state === 'completed' || state === 'failed') await old.remove();
        }
      }
      await queues[name].addBulk(jobs);
    },
    async pending() {
      let n = 0;
      for (const q of Object.values(queues)) {
        const c = await q.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
        n += Object.values(c).reduce((a, b) => a + b, 0);
      }
      return n;
    },
    async counts() {
      const out: Record<string, Record<string, number>> = {};
      for (const [name, q] of Object.entries(queues)) {
        out[jobCatalog[name as JobName].queue] = await q.getJobCounts(
          'waiting',
          'active',
          'delayed',
          'prioritized',
          'completed',
          'failed',
        );
      }
      return out;
    },
    async close() {
      await Promise.all(Object.values(queues).map((q) => q.close()));
    },
  };
}

export interface WorkerHandle {
  worker: Worker;
  /**
   * Resolves once the worker takes jobs: after it put back the jobs workers of dead processes held
   * (`released`). Rejects only if the worker was closed first.
   */
  started: Promise<{ released: number }>;
  close(): Promise<void>;
}

/**
 * Times a job may be started beyond its attempts: a job whose worker's process died is put back
 * without an attempt counted (`releaseJobsOfDeadWorkers`), so a job that kills its process each
 * time would otherwise come back forever.
 */
const STARTS_BEYOND_ATTEMPTS = 2;

/**
 * A worker for one job of the catalog: the payload is validated on dequeue (an invalid payload fails
 * for good), errors are reported through `onError` (a worker must always have an error listener).
 * Before it takes a job it puts back the jobs that workers of dead processes left active, so a
 * restart after a crash resumes them at once.
 */
export function createJobWorker<N extends JobName>(
  name: N,
  processor: (payload: JobPayload<N>, job: Job) => Promise<void>,
  options: {
    connection: Redis;
    prefix: string;
    concurrency: number;
    onError: (err: Error) => void;
    onFailed?: (job: Job | undefined, err: Error) => void;
    /** Told how many jobs of dead workers were put back at start-up (when any were). */
    onReleased?: (released: number) => void;
    worker?: Partial<WorkerOptions>;
  },
): WorkerHandle {
  const def = jobCatalog[name];
  const worker = new Worker(
    def.queue,
    async (job) => {
      const parsed = def.schema.safeParse(job.data);
      if (!parsed.success) throw new UnrecoverableError(`invalid ${name} payload: ${parsed.error.message}`);
      await processor(parsed.data as JobPayload<N>, job);
    },
    {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency,
      name: workerInstance,
      maxStartedAttempts: def.retry.attempts + STARTS_BEYOND_ATTEMPTS,
      ...options.worker,
      autorun: false,
    },
  );
  worker.on('error', options.onError);
  if (options.onFailed) worker.on('failed', options.onFailed);
  let closing = false;
  const started = (async () => {
    // Ready = its blocking connection is up and named: from now on others see this process live.
    await worker.waitUntilReady();
    const queue = new Queue(def.queue, { connection: options.connection, prefix: options.prefix });
    let released = 0;
    try {
      await recordWorkerOwner(options.connection, worker);
      released = await releaseJobsOfDeadWorkers(options.connection, queue);
    } catch (err) {
      // The worker runs anyway: BullMQ's stalled check still brings such jobs back, later.
      options.onError(err as Error);
    } finally {
      await queue.close();
    }
    if (released > 0) options.onReleased?.(released);
    if (closing) throw new Error(`the ${def.queue} worker was closed before it started`);
    worker.run().catch((err: unknown) => options.onError(err as Error));
    return { released };
  })();
  started.catch(() => {});
  return {
    worker,
    started,
    close: async () => {
      closing = true;
      await started.catch(() => {});
      await worker.close();
    },
  };
}
