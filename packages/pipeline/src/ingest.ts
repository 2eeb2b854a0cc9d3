import { randomUUID } from 'node:crypto';
import type { StoredEvent } from '@tally/events';
import { type FeedRegistration, registerFeed } from './feedRegistry.ts';
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
  for (const f of feeds) ids.push((await registerFeed(rt.store, f, 'cli')).feedId);
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
  const reason = (r: string) => {
    s.failuresByReason[r] = (s.failuresByReason[r] ?? 0) + 1;
  };
  for await (const page of rt.store.readAllPages({ after })) {
    for (const e of page as StoredEvent[]) {
      s.events++;
      switch (e.type) {
        case 'FeedPolled':
          if (e.data.notModified) s.polls.notModified++;
          else s.polls.ok++;
          break;
        case 'FeedPollFailed':
          s.polls.failed++;
          reason(e.data.reason);
          break;
        case 'ArticleDiscovered':
          s.articles.discovered++;
          break;
        case 'ArticleExtracted':
          s.articles.extracted++;
          break;
        case 'ArticleDuplicateDetected':
          s.articles.duplicates++;
          break;
        case 'ArticleFetchFailed':
          if (e.data.permanent) {
            s.articles.failed++;
            reason(e.data.reason);
          }
          break;
        case 'ArticleExtractionFailed':
          s.articles.failed++;
          reason(e.data.reason);
          break;
        case 'ClaimExtracted':
          s.claims++;
          break;
        default:
          break;
      }
    }
  }
  s.durationMs = Date.now() - started;
  return s;
}
