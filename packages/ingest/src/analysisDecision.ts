import { CLAIMS_VERSION, type ClaimsReading, readClaims } from '@tally/claims';
import { type DuplicateMethod, makeEvent, type NewEvent, streams } from '@tally/events';
import type { ArticleState } from './articleState.ts';

export const ANALYZER_VERSION = CLAIMS_VERSION;

/**
 * Sentences read per article. Analysis runs on the worker's event loop, so the cap bounds how long
 * one page (a 4 MB repetition, a table of thousands of lines) can hold timeouts, polls and job
 * locks: 250 sentences of dense real news took 41–73 ms (median 68) on a loaded two-core machine
 * where 400 took 101–312 ms. News articles stay far below it; the rest is recorded as skipped
 * (`article-too-long`) on `ArticleAnalyzed`.
 */
export const MAX_SENTENCES_PER_ARTICLE = 250;

/** Events for one stream, appended with the others of one decision in one transaction. */
export interface StreamEvents {
  streamId: string;
  events: NewEvent[];
}

/** The article's extraction when it waits for this analyzer version's analysis, else null. */
export function analysisNeeded(state: ArticleState): NonNullable<ArticleState['extracted']> | null {
  const a = state.extracted;
  return !a || state.analyzedVersion === ANALYZER_VERSION ? null : a;
}

/** Reads the claims of the article's text; the headline can name who speaks for the whole report ("White House: …"). */
export function readArticleClaims(state: ArticleState, a: NonNullable<ArticleState['extracted']>): ClaimsReading {
  return readClaims(a.text, {
    publishedAt: a.publishedAt,
    title: a.title ?? state.title,
    maxSentences: MAX_SENTENCES_PER_ARTICLE,
  });
}

/** A copy found: the original it is credited to, how alike they are and how it was found. */
export interface DuplicateFound {
  originalId: string;
  similarity: number;
  method: DuplicateMethod;
}

/** The analysis of one article, its duplicate check done. */
export interface RecordAnalysis {
  articleId: string;
  reading: ClaimsReading;
  /** This article is a copy. */
  duplicate: DuplicateFound | null;
  /** This article is the original of an article indexed earlier: that one is credited to it. */
  replaced: { id: string; similarity: number; method: DuplicateMethod } | null;
}

/**
 * Everything an analysis concludes, as one set of appends: a copy's verdict (or the credit of an
 * earlier-indexed copy to this article), the claims on their figures' streams, then
 * `ArticleAnalyzed`. Copies' claims are kept too, so the figures projection can credit them to the
 * original.
 */
export function decideAnalysis(state: ArticleState, command: RecordAnalysis): StreamEvents[] {
  const { articleId, reading, duplicate, replaced } = command;
  const a = state.extracted;
  if (!a) return [];
  const stream = streams.article(articleId);
  const appends: StreamEvents[] = [];
  if (duplicate) {
    appends.push({
      streamId: stream,
      events: [makeEvent('ArticleDuplicateDetected', { articleId, ...duplicate }, [articleId])],
    });
  } else if (replaced) {
    const { id, similarity, method } = replaced;
    appends.push({
      streamId: streams.article(id),
      events: [
        makeEvent('ArticleDuplicateDetected', { articleId: id, originalId: articleId, similarity, method }, [id]),
      ],
    });
  }
  const byFigure = new Map<string, NewEvent[]>();
  for (const c of reading.claims) {
    const claimId = `${articleId}:${c.span[0]}-${c.span[1]}`;
    const event = makeEvent(
      'ClaimExtracted',
      {
        claimId,
        articleId,
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
      [articleId, CLAIMS_VERSION, c.figureKey, c.span[0], c.span[1]],
    );
    const list = byFigure.get(c.figureKey) ?? [];
    list.push(event);
    byFigure.set(c.figureKey, list);
  }
  for (const [key, events] of byFigure) appends.push({ streamId: streams.figure(key), events });
  appends.push({
    streamId: stream,
    events: [
      makeEvent(
        'ArticleAnalyzed',
        {
          articleId,
          sentenceCount: reading.sentences,
          quantityCount: reading.quantities,
          claimCount: reading.claims.length,
          analyzerVersion: ANALYZER_VERSION,
          skipped: reading.skipped,
        },
        [articleId, ANALYZER_VERSION],
      ),
    ],
  });
  return appends;
}
