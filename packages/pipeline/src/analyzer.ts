import type { DedupeIndex } from '@tally/dedupe-index';
import type { EventStore, StreamAppend } from '@tally/event-store';
import { articleIdFor, streams } from '@tally/events';
import { canonicalUrl } from '@tally/feeds';
import {
  type ArticleState,
  analysisNeeded,
  type DuplicateFound,
  decideAnalysis,
  foldArticle,
  type RecordAnalysis,
  readArticleClaims,
} from '@tally/ingest';
import type { Logger } from '@tally/logger';
import type { AnalyzeArticle } from '@tally/queues';
import { type StageMetrics, timed } from './stageMetrics.ts';

/** What an analysis uses: the log, the shared dedupe index. */
export interface AnalyzerPorts {
  store: EventStore;
  dedupe: Pick<DedupeIndex, 'checkAndInsert'>;
  log: Logger;
  metrics: Pick<StageMetrics, 'analyzeSeconds'>;
}

/**
 * Analyzes an extracted article: URL-level then content-level near-duplicate check (one atomic
 * check-and-insert in the shared index), then claims. Claims go to their figure's stream; copies'
 * claims are kept too, so the figures projection can credit them to the original.
 *
 * Everything the analysis concludes (a copy's verdict, the claims on their figures' streams,
 * `ArticleAnalyzed`) is appended in one transaction: the article is analysed whole or not at all.
 */
export async function analyzeArticle(ports: AnalyzerPorts, job: AnalyzeArticle): Promise<'analyzed' | 'skipped'> {
  const state = foldArticle(job.articleId, await ports.store.readStream(streams.article(job.articleId)));
  const appends = await planAnalysis(ports, job, state);
  if (!appends) return 'skipped';
  await ports.store.appendMany(appends);
  return 'analyzed';
}

/**
 * The analysis of an article in the state given, as the appends that record it (null when there is
 * nothing to analyse: not extracted, or analysed at this version). The dedupe index is consulted
 * and updated; the log is not written: the caller appends, possibly together with more (the
 * fetcher adds the extraction itself, so that extraction and analysis commit as one).
 */
export function planAnalysis(
  ports: AnalyzerPorts,
  job: AnalyzeArticle,
  state: ArticleState,
): Promise<StreamAppend[] | null> {
  return timed(
    ports.metrics.analyzeSeconds,
    () => analysisOf(ports, job, state),
    (r) => ('error' in r ? 'error' : r.value ? 'analyzed' : 'skipped'),
  );
}

async function analysisOf(
  ports: AnalyzerPorts,
  job: AnalyzeArticle,
  state: ArticleState,
): Promise<StreamAppend[] | null> {
  const a = analysisNeeded(state);
  if (!a) return null;
  const log = ports.log.child({ articleId: job.articleId });
  // Claims first (pure work): the dedupe check changes the shared index, so as little as possible
  // stands between it and the append that records what it said.
  const reading = readArticleClaims(state, a);
  const checked = await checkDuplicate(ports, job.articleId, state, a);
  if (checked.duplicate) log.info(checked.duplicate, 'article is a copy');
  if (checked.replaced) {
    const { id, similarity, method } = checked.replaced;
    log.info({ copyId: id, similarity, method }, 'article is the original of an earlier-indexed copy');
  }
  const appends = decideAnalysis(state, { articleId: job.articleId, reading, ...checked });
  if (reading.skipped.length > 0) log.warn({ skipped: reading.skipped }, 'article partly analysed');
  log.info({ claims: reading.claims.length, sentences: reading.sentences }, 'article analyzed');
  return appends;
}

/**
 * The duplicate check: a canonical URL naming another article the log knows, else the dedupe index
 * (which records the article as it answers). An article credited to an earlier copy is checked again
 * unless the page itself declared it: if that check had replaced a copy and the job died before
 * recording it, the index's answer to the same article again still names that copy, which would
 * otherwise never be credited. (A copy is not indexed: checking it adds nothing.)
 */
async function checkDuplicate(
  ports: AnalyzerPorts,
  articleId: string,
  state: ArticleState,
  a: NonNullable<ArticleState['extracted']>,
): Promise<Pick<RecordAnalysis, 'duplicate' | 'replaced'>> {
  const indexed = () =>
    ports.dedupe.checkAndInsert({ id: articleId, text: a.text, publishedAt: a.publishedAt, url: a.url });
  if (state.duplicateOf) {
    if (state.duplicateMethod === 'canonical-url') return { duplicate: null, replaced: null };
    const verdict = await indexed();
    return { duplicate: null, replaced: verdict.verdict === 'original' ? (verdict.replaced ?? null) : null };
  }
  const declared = a.canonicalUrl ? canonicalUrl(a.canonicalUrl, a.url) : null;
  if (declared) {
    const otherId = articleIdFor(declared);
    if (otherId !== articleId && (await ports.store.readStream(streams.article(otherId), { limit: 1 })).length > 0) {
      const duplicate: DuplicateFound = { originalId: otherId, similarity: 1, method: 'canonical-url' };
      return { duplicate, replaced: null };
    }
  }
  const verdict = await indexed();
  if (verdict.verdict === 'duplicate') {
    const { originalId, similarity, method } = verdict;
    return { duplicate: { originalId, similarity, method }, replaced: null };
  }
  return { duplicate: null, replaced: verdict.replaced ?? null };
}
