import { z } from 'zod';

/**
 * One catalog of every job: its queue, payload schema and retry policy. Payloads are validated on
 * enqueue and again on dequeue. Job ids are deterministic so a retried enqueue adds nothing.
 */
export const PollFeed = z.object({
  feedId: z.string().min(1),
  /** The scheduling slot (ISO instant), or `once-<run>` for a one-off poll. */
  slot: z.string().min(1),
  /** Schedule the next poll after this one. */
  reschedule: z.boolean().default(true),
  /** Correlates every job an ingest run caused. */
  runId: z.string().nullable().default(null),
});
export type PollFeed = z.infer<typeof PollFeed>;

export const FetchArticle = z.object({
  articleId: z.string().min(1),
  url: z.string().url(),
  feedId: z.string().min(1),
  /** Correlates every job an ingest run caused. */
  runId: z.string().nullable().default(null),
});
export type FetchArticle = z.infer<typeof FetchArticle>;

export const AnalyzeArticle = z.object({
  articleId: z.string().min(1),
  runId: z.string().nullable().default(null),
});
export type AnalyzeArticle = z.infer<typeof AnalyzeArticle>;

export interface RetryPolicy {
  /** @defaultValue 1 */
  attempts: number;
  backoff?: { type: 'exponential' | 'fixed'; delay: number };
}

export const jobCatalog = {
  pollFeed: {
    queue: 'poll',
    schema: PollFeed,
    // A failed poll is recorded as FeedPollFailed and rescheduled with backoff by the poller itself;
    // the retries here cover what cannot even be recorded (the log or Redis unreachable): exponential
    // from 1 s, ten attempts span about 17 minutes, so an outage of minutes loses no poll or analysis.
    retry: { attempts: 10, backoff: { type: 'exponential', delay: 1000 } } satisfies RetryPolicy,
    jobId: (p: PollFeed) => `poll_${p.feedId}_${p.slot.replace(/[^0-9A-Za-z-]/g, '')}`,
  },
  fetchArticle: {
    queue: 'fetch',
    schema: FetchArticle,
    retry: { attempts: 5, backoff: { type: 'exponential', delay: 2000 } } satisfies RetryPolicy,
    jobId: (p: FetchArticle) => `fetch_${p.articleId}`,
  },
  analyzeArticle: {
    queue: 'analyze',
    schema: AnalyzeArticle,
    retry: { attempts: 10, backoff: { type: 'exponential', delay: 1000 } } satisfies RetryPolicy,
    jobId: (p: AnalyzeArticle) => `analyze_${p.articleId}`,
  },
} as const;

export type JobName = keyof typeof jobCatalog;
export type JobPayload<N extends JobName> = z.infer<(typeof jobCatalog)[N]['schema']>;
export const queueNames = Object.values(jobCatalog).map((j) => j.queue);
