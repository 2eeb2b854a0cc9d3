import {
  type ArticleExtracted,
  type ArticleListing,
  evolveArticleListing,
  isArticleEvent,
  noArticleListing,
  type ReasonCode,
  type StoredArticleEvent,
  type StoredEvent,
} from '@tally/events';

/**
 * What the write side knows of an article, folded from its stream: what the feeds said of it, how
 * its fetch went, its extraction, its duplicate verdict and the analysis done. Where it is listed
 * (URL, feeds) moves as every reader of the stream means it (`evolveArticleListing`).
 */
export interface ArticleState extends ArticleListing {
  articleId: string;
  /** The feed's title, as discovered or revised. */
  title: string | null;
  feedPublishedAt: string | null;
  /** Latest title/date seen per feed, to detect revisions. */
  listing: Record<string, { title: string | null; publishedAt: string | null }>;
  /** The highest fetch attempt that failed. */
  fetchAttempts: number;
  permanentFailure: ReasonCode | null;
  extracted: ArticleExtracted | null;
  duplicateOf: string | null;
  /** How it was found a copy (`canonical-url` is declared by the page; the others come from the dedupe index). */
  duplicateMethod: string | null;
  analyzedVersion: string | null;
}

export function emptyArticle(articleId: string): ArticleState {
  return {
    ...noArticleListing,
    articleId,
    title: null,
    feedPublishedAt: null,
    listing: {},
    fetchAttempts: 0,
    permanentFailure: null,
    extracted: null,
    duplicateOf: null,
    duplicateMethod: null,
    analyzedVersion: null,
  };
}

/** The article after one event of its stream. Never changes its input. */
export function evolveArticle(state: ArticleState, e: StoredArticleEvent): ArticleState {
  const s: ArticleState = { ...state, ...evolveArticleListing(state, e) };
  switch (e.type) {
    case 'ArticleDiscovered':
      s.title = e.data.title;
      s.feedPublishedAt = e.data.publishedAt;
      s.listing = { ...s.listing, [e.data.feedId]: { title: e.data.title, publishedAt: e.data.publishedAt } };
      break;
    case 'ArticleRevised':
      s.listing = { ...s.listing, [e.data.feedId]: { title: e.data.title, publishedAt: e.data.publishedAt } };
      if (e.data.title) s.title = e.data.title;
      break;
    case 'ArticleFetchFailed':
      s.fetchAttempts = Math.max(s.fetchAttempts, e.data.attempt);
      if (e.data.permanent) s.permanentFailure = e.data.reason;
      break;
    case 'ArticleExtracted':
      s.extracted = e.data;
      s.permanentFailure = null;
      break;
    case 'ArticleExtractionFailed':
      s.permanentFailure = e.data.reason;
      break;
    case 'ArticleDuplicateDetected':
      s.duplicateOf = e.data.originalId;
      s.duplicateMethod = e.data.method;
      break;
    case 'ArticleAnalyzed':
      s.analyzedVersion = e.data.analyzerVersion;
      break;
    default:
      break;
  }
  return s;
}

/** Folds an article's stream. */
export function foldArticle(articleId: string, events: readonly StoredEvent[]): ArticleState {
  let s = emptyArticle(articleId);
  for (const e of events) if (isArticleEvent(e)) s = evolveArticle(s, e);
  return s;
}
