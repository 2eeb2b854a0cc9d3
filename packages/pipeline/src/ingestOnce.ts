import { randomUUID } from 'node:crypto';
import type { FeedRegistration } from '@tally/ingest';
import type { Runtime } from './runtime.ts';
import { sweepUnanalyzed } from './sweepUnanalyzed.ts';
import { type RunningStages, startStages } from './workers.ts';

export interface IngestSummary {
  runId: string;
  feeds: number;
  polls: { ok: number; notModified: number; failed: number };
  articles: { discovered: number; extracted: number; duplicates: number; failed: number };
  claims: number;
  failuresByReason: Record<string, number>;
  events: number;
  durationMs: number;
}

export interface IngestProgress {
  pendingJobs: number;
  events: number;
}

/**
 * Polls the given feeds once and runs the whole pipeline in this process until every job the run
 * caused is done and the projector has caught up; then summarises what the run appended.
 */
export async function ingestOnce(
  rt: Runtime,
  feeds: readonly FeedRegistration[],
  options: { onProgress?: (p: IngestProgress) => void; stages?: RunningStages } = {},
): Promise<IngestSummary> {
  const started = Date.now();
  const runId = randomUUID();
  const headBefore = await rt.store.head();
  const ids: string[] = [];
  for (const f of feeds) ids.push((await rt.feedCommands.register(f, 'cli')).feedId);
  const running = options.stages ?? startStages(rt, ['poller', 'fetcher', 'analyzer', 'projector']);
  try {
    // Articles an earlier run extracted but did not live to analyse are finished by this one.
    await sweepUnanalyzed(rt, runId);
    await rt.queues.enqueueMany(
      'pollFeed',
      ids.map((feedId) => ({ feedId, slot: `once-${runId}`, reschedule: false, runId })),
    );
    // Idle = no job waiting, active or delayed (retries) in any queue, twice in a row.
    let idle = 0;
    while (idle < 2) {
      await new Promise((r) => setTimeout(r, 200));
      const pending = await rt.queues.pending();
      idle = pending === 0 ? idle + 1 : 0;
      options.onProgress?.({ pendingJobs: pending, events: (await rt.store.head()) - headBefore });
    }
    await running.projectorCaughtUp();
  } finally {
    if (!options.stages) await running.close();
  }
  return summarize(rt, runId, ids.length, headBefore, started);
}

/**
 * Counts what the run appended in the log's database, one grouped query: reading the events back
 * would decode every article's text and hold pages of them in memory at the end of a long run.
 * Only failures and polls have a field worth looking into; the CASEs keep PostgreSQL from parsing
 * any other document.
 */
async function summarize(
  rt: Runtime,
  runId: string,
  feeds: number,
  after: number,
  started: number,
): Promise<IngestSummary> {
  const s: IngestSummary = {
    runId,
    feeds,
    polls: { ok: 0, notModified: 0, failed: 0 },
    articles: { discovered: 0, extracted: 0, duplicates: 0, failed: 0 },
    claims: 0,
    failuresByReason: {},
    events: 0,
    durationMs: 0,
  };
  const reason = (r: string, n: number) => {
    s.failuresByReason[r] = (s.failuresByReason[r] ?? 0) + n;
  };
  const { rows } = await rt.store.transaction((tx) =>
    tx.query<{ type: string; reason: string | null; flag: string | null; n: number | string }>(
      `SELECT type,
              CASE WHEN type IN ('FeedPollFailed', 'ArticleFetchFailed', 'ArticleExtractionFailed')
                   THEN data->>'reason' END AS reason,
              CASE WHEN type = 'FeedPolled' THEN data->>'notModified'
                   WHEN type = 'ArticleFetchFailed' THEN data->>'permanent' END AS flag,
              count(*) AS n
       FROM "${rt.store.schema}".events
       WHERE position > $1
       GROUP BY 1, 2, 3`,
      [after],
    ),
  );
  for (const row of rows) {
    const n = Number(row.n);
    s.events += n;
    switch (row.type) {
      case 'FeedPolled':
        if (row.flag === 'true') s.polls.notModified += n;
        else s.polls.ok += n;
        break;
      case 'FeedPollFailed':
        s.polls.failed += n;
        reason(row.reason ?? 'unknown', n);
        break;
      case 'ArticleDiscovered':
        s.articles.discovered += n;
        break;
      case 'ArticleExtracted':
        s.articles.extracted += n;
        break;
      case 'ArticleDuplicateDetected':
        s.articles.duplicates += n;
        break;
      case 'ArticleFetchFailed':
        if (row.flag === 'true') {
          s.articles.failed += n;
          reason(row.reason ?? 'unknown', n);
        }
        break;
      case 'ArticleExtractionFailed':
        s.articles.failed += n;
        reason(row.reason ?? 'unknown', n);
        break;
      case 'ClaimExtracted':
        s.claims += n;
        break;
      default:
        break;
    }
  }
  s.durationMs = Date.now() - started;
  return s;
}
