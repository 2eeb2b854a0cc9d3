import type { Job, Queue } from 'bullmq';

export type JobOutcome = 'completed' | 'failed';

interface Mark {
  /** The latest `finishedOn` observed. */
  at: number;
  /** Jobs observed that finished exactly at `at` (so a tie is neither lost nor counted twice). */
  ids: Set<string>;
}

export interface QueueThroughput {
  /** Jobs that finished within the window, by outcome (capped at the sample size). */
  completed: number;
  failed: number;
  windowMs: number;
  /** The sample held only jobs inside the window: the true count may be higher. */
  capped: boolean;
}

/**
 * Job durations sampled from BullMQ's finished-job sets rather than from `QueueEvents`: the sets
 * already hold `processedOn` and `finishedOn` for every finished job (kept an hour, see
 * `@tally/queues`), so a scrape reads the newest `sampleSize` of each and observes those finished
 * since the last scrape. No extra blocking connection per queue and nothing to miss while the API
 * is down, but more than `sampleSize` jobs finishing between two scrapes are sampled, not all
 * counted, and workers with skewed clocks can hide a few jobs behind the watermark.
 */
export class JobDurationSampler {
  readonly #marks = new Map<string, Mark>();
  readonly #sampleSize: number;
  readonly #observe: (queue: string, outcome: JobOutcome, seconds: number) => void;
  #throughput: Record<string, QueueThroughput> = {};

  /** `observe` receives every finished job once, whoever triggers the sample (a scrape, the pipeline page). */
  constructor(
    observe: (queue: string, outcome: JobOutcome, seconds: number) => void,
    options: { sampleSize?: number } = {},
  ) {
    this.#observe = observe;
    this.#sampleSize = options.sampleSize ?? 1000;
  }

  /** The finished jobs per queue within the last `windowMs`, as of the last sample. */
  get throughput(): Record<string, QueueThroughput> {
    return this.#throughput;
  }

  async sample(queues: readonly Queue[], windowMs = 5 * 60_000): Promise<void> {
    const now = Date.now();
    const throughput: Record<string, QueueThroughput> = {};
    for (const queue of queues) {
      const t: QueueThroughput = { completed: 0, failed: 0, windowMs, capped: false };
      for (const outcome of ['completed', 'failed'] as const) {
        const jobs = (await queue.getJobs([outcome], 0, this.#sampleSize - 1, false)) as (Job | undefined)[];
        const key = `${queue.name}\u0000${outcome}`;
        const mark = this.#marks.get(key) ?? { at: Number.NEGATIVE_INFINITY, ids: new Set<string>() };
        let at = mark.at;
        let ids = new Set(mark.ids);
        let inWindow = 0;
        for (const job of jobs) {
          const finished = job?.finishedOn;
          if (!job || finished === undefined) continue;
          if (finished >= now - windowMs) inWindow++;
          const id = job.id ?? '';
          if (finished < mark.at || (finished === mark.at && mark.ids.has(id))) continue;
          if (job.processedOn !== undefined)
            this.#observe(queue.name, outcome, Math.max(0, finished - job.processedOn) / 1000);
          if (finished > at) {
            at = finished;
            ids = new Set([id]);
          } else if (finished === at) ids.add(id);
        }
        this.#marks.set(key, { at, ids });
        t[outcome] = inWindow;
        if (jobs.length >= this.#sampleSize && inWindow === jobs.length) t.capped = true;
      }
      throughput[queue.name] = t;
    }
    this.#throughput = throughput;
  }
}
