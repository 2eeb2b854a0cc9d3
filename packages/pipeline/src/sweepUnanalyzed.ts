import type { EventStore } from '@tally/event-store';
import { ANALYZER_VERSION } from '@tally/ingest';
import type { Logger } from '@tally/logger';
import type { QueueSet } from '@tally/queues';

const ARTICLE_STREAM = 'article-';

/**
 * Article ids whose stream holds an `ArticleExtracted` but no `ArticleAnalyzed` of the current
 * analyzer version: a process that died between extraction and analysis (or analysis jobs that ran
 * out of retries during an outage) leaves these behind.
 */
export async function unanalyzedArticles(store: EventStore): Promise<string[]> {
  const events = `"${store.schema}".events`;
  const { rows } = await store.transaction((tx) =>
    tx.query<{ stream_id: string }>(
      `SELECT DISTINCT x.stream_id FROM ${events} x
       WHERE x.type = 'ArticleExtracted'
         AND NOT EXISTS (
           SELECT 1 FROM ${events} a
           WHERE a.stream_id = x.stream_id AND a.type = 'ArticleAnalyzed' AND a.data->>'analyzerVersion' = $1
         )`,
      [ANALYZER_VERSION],
    ),
  );
  return rows
    .filter((r) => r.stream_id.startsWith(ARTICLE_STREAM))
    .map((r) => r.stream_id.slice(ARTICLE_STREAM.length));
}

/**
 * Queues an analysis for every article extracted but never analysed; a finished or failed job of
 * the same id is replaced, so the article is analysed again. Returns how many were queued.
 */
export async function sweepUnanalyzed(
  ports: { store: EventStore; queues: Pick<QueueSet, 'enqueueMany'>; log: Logger },
  runId: string | null = null,
): Promise<number> {
  const ids = await unanalyzedArticles(ports.store);
  await ports.queues.enqueueMany(
    'analyzeArticle',
    ids.map((articleId) => ({ articleId, runId })),
    { replaceFinished: true },
  );
  if (ids.length > 0)
    ports.log.info({ articles: ids.length }, 'queued analysis of articles extracted but not analysed');
  return ids.length;
}
