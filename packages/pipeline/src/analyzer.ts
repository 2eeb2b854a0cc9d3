import { CLAIMS_VERSION, readClaims } from '@tally/claims';
import type { DuplicateMethod } from '@tally/dedupe-index';
import type { StreamAppend } from '@tally/event-store';
import { articleIdFor, makeEvent, type NewEvent, streams } from '@tally/events';
import { canonicalUrl } from '@tally/feeds';
import type { Logger } from '@tally/logger';
import type { AnalyzeArticle } from '@tally/queues';
import type { Runtime } from './runtime.ts';
import { timed } from './stageMetrics.ts';
import { type ArticleState, foldArticle } from './state.ts';

export const ANALYZER_VERSION = CLAIMS_VERSION;

/**
 * Sentences read per article. Analysis runs on the worker's event loop, so the cap bounds how long
 * one page (a 4 MB repetition, a table of thousands of lines) can hold timeouts, polls and job
 * locks: 250 sentences of dense real news took 41–73 ms (median 68) on a loaded two-core machine
 * where 400 took 101–312 ms. News articles stay far below it; the rest is recorded as skipped
 * (`article-too-long`) on `ArticleAnalyzed`.
 */
export const MAX_SENTENCES_PER_ARTICLE = 250;

/**
 * Analyzes an extracted article: URL-level then content-level near-duplicate check (one atomic
 * check-and-insert in the shared index), then claims. Claims go to their figure's stream; copies'
 * claims are kept too, so the figures projection can credit them to the original.
 *
 * Everything the analysis concludes (a copy's verdict, the claims on their figures' streams,
 * `ArticleAnalyzed`) is appended in one transaction: the article is analysed whole or not at all.
 */
export async function analyzeArticle(rt: Runtime, job: AnalyzeArticle): Promise<'analyzed' | 'skipped'> {
  const state = foldArticle(job.articleId, await rt.store.readStream(streams.article(job.articleId)));
  const appends = await planAnalysis(rt, job, state);
  if (!appends) return 'skipped';
  await rt.store.appendMany(appends);
  return 'analyzed';
}

/**
 * The analysis of an article in the state given, as the appends that record it (null when there is
 * nothing to analyse: not extracted, or analysed at this version). The dedupe index is consulted
 * and updated; the log is not written: the caller appends, possibly together with more (the
 * fetcher adds the extraction itself, so that extraction and analysis commit as one).
 */
export function planAnalysis(rt: Runtime, job: AnalyzeArticle, state: ArticleState): Promise<StreamAppend[] | null> {
  return timed(
    rt.metrics.analyzeSeconds,
    () => analysisOf(rt, job, state),
    (r) => ('error' in r ? 'error' : r.value ? 'analyzed' : 'skipped'),
  );
}

async function analysisOf(rt: Runtime, job: AnalyzeArticle, state: ArticleState): Promise<StreamAppend[] | null> {
  const stream = streams.article(job.articleId);
  const a = state.extracted;
  if (!a || state.analyzedVersion === ANALYZER_VERSION) return null;
  const log = rt.log.child({ articleId: job.articleId });
  const appends: StreamAppend[] = [];

  // Claims first (pure work): the dedupe check changes the shared index, so as little as possible
  // stands between it and the append that records what it said.
  // The headline can name who speaks for the whole report ("White House: …").
  const reading = readClaims(a.text, {
    publishedAt: a.publishedAt,
    title: a.title ?? state.title,
    maxSentences: MAX_SENTENCES_PER_ARTICLE,
  });
  const { claims } = reading;
  const byFigure = new Map<string, NewEvent[]>();
  for (const c of claims) {
    const claimId = `${job.articleId}:${c.span[0]}-${c.span[1]}`;
    const event = makeEvent(
      'ClaimExtracted',
      {
        claimId,
        articleId: job.articleId,
        figureKey: c.figureKey,
        subject: c.subject,
        predicate: c.predicate,
        recipient: c.recipient,
        value: c.value,
        range: c.range,
        bound: c.bound,
        unit: c.unit,
        concept: c.concept,
        measure: c.measure,
        change: c.change,
        changeBy: c.changeBy,
        changeUnit: c.changeUnit,
        previous: c.previous,
        negated: c.negated,
        hedged: c.hedged,
        speaker: c.speaker,
        statedAt: c.statedAt,
        period: c.period,
        sentence: c.sentence,
        span: c.span,
        url: a.url,
        publishedAt: a.publishedAt,
        siteName: a.siteName,
        extractorVersion: CLAIMS_VERSION,
      },
      [job.articleId, CLAIMS_VERSION, c.figureKey, c.span[0], c.span[1]],
    );
    const list = byFigure.get(c.figureKey) ?? [];
    list.push(event);
    byFigure.set(c.figureKey, list);
  }
  if (!state.duplicateOf) {
    let dup: {
      originalId: string;
      similarity: number;
      method: 'canonical-url' | 'minhash' | 'simhash' | 'content-hash';
    } | null = null;
    const declared = a.canonicalUrl ? canonicalUrl(a.canonicalUrl, a.url) : null;
    if (declared) {
      const otherId = articleIdFor(declared);
      if (otherId !== job.articleId && (await rt.store.readStream(streams.article(otherId), { limit: 1 })).length > 0) {
        dup = { originalId: otherId, similarity: 1, method: 'canonical-url' };
      }
    }
    if (!dup) {
      const verdict = await rt.dedupe.checkAndInsert({
        id: job.articleId,
        text: a.text,
        publishedAt: a.publishedAt,
        url: a.url,
      });
      if (verdict.verdict === 'duplicate') {
        dup = { originalId: verdict.originalId, similarity: verdict.similarity, method: verdict.method };
      } else if (verdict.replaced) {
        appends.push(creditReplaced(job.articleId, verdict.replaced, log));
      }
    }
    if (dup) {
      appends.push({
        streamId: stream,
        events: [makeEvent('ArticleDuplicateDetected', { articleId: job.articleId, ...dup }, [job.articleId])],
      });
      log.info(dup, 'article is a copy');
    }
  } else if (state.duplicateMethod !== 'canonical-url') {
    // Credited to an even earlier copy since its own check: if that check had replaced a copy and the
    // job died before recording it, the index's answer to the same article again still names that
    // copy, which would otherwise never be credited. (A copy is not indexed: checking it adds nothing.)
    const verdict = await rt.dedupe.checkAndInsert({
      id: job.articleId,
      text: a.text,
      publishedAt: a.publishedAt,
      url: a.url,
    });
    if (verdict.verdict === 'original' && verdict.replaced) {
      appends.push(creditReplaced(job.articleId, verdict.replaced, log));
    }
  }

  for (const [key, events] of byFigure) appends.push({ streamId: streams.figure(key), events });
  appends.push({
    streamId: stream,
    events: [
      makeEvent(
        'ArticleAnalyzed',
        {
          articleId: job.articleId,
          sentenceCount: reading.sentences,
          quantityCount: reading.quantities,
          claimCount: claims.length,
          analyzerVersion: ANALYZER_VERSION,
          skipped: reading.skipped,
        },
        [job.articleId, ANALYZER_VERSION],
      ),
    ],
  });
  if (reading.skipped.length > 0) log.warn({ skipped: reading.skipped }, 'article partly analysed');
  log.info({ claims: claims.length, sentences: reading.sentences }, 'article analyzed');
  return appends;
}

/**
 * This article was published before the copy indexed first: the earliest published copy is the
 * original, so the earlier-indexed one is credited to this one.
 */
function creditReplaced(
  articleId: string,
  replaced: { id: string; similarity: number; method: DuplicateMethod },
  log: Logger,
): StreamAppend {
  const { id, similarity, method } = replaced;
  log.info({ copyId: id, similarity, method }, 'article is the original of an earlier-indexed copy');
  return {
    streamId: streams.article(id),
    events: [makeEvent('ArticleDuplicateDetected', { articleId: id, originalId: articleId, similarity, method }, [id])],
  };
}
