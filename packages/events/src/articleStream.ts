import type { StoredEvent, TallyEvent } from './envelope.ts';

/** The event types of an article's stream (`article-<articleId>`). */
export const articleEventTypes = [
  'ArticleDiscovered',
  'ArticleListedByFeed',
  'ArticleRevised',
  'ArticleFetched',
  'ArticleFetchFailed',
  'ArticleExtracted',
  'ArticleExtractionFailed',
  'ArticleDuplicateDetected',
  'ArticleAnalyzed',
] as const;
export type ArticleEventType = (typeof articleEventTypes)[number];

/** One event of an article's stream. */
export type ArticleEvent = Extract<TallyEvent, { type: ArticleEventType }>;
/** One event of an article's stream as the log hands it back. */
export type StoredArticleEvent = Extract<StoredEvent, { type: ArticleEventType }>;

/**
 * Where an article is listed, meant alike by everyone who reads its stream: the first URL its
 * stream names and every feed that lists it, in the order they did.
 */
export interface ArticleListing {
  url: string | null;
  feedIds: string[];
}

export const noArticleListing: ArticleListing = { url: null, feedIds: [] };

function withFeed(feedIds: string[], feedId: string): string[] {
  return feedIds.includes(feedId) ? feedIds : [...feedIds, feedId];
}

/**
 * The listing after one event of the article's stream, as a new object of the listing fields alone:
 * whatever record holds a listing (the write side's state, the articles projection's row) is given,
 * and spreads the answer over itself. The feed list is the same array when it did not change.
 */
export function evolveArticleListing(s: ArticleListing, e: StoredArticleEvent): ArticleListing {
  switch (e.type) {
    case 'ArticleDiscovered':
    case 'ArticleListedByFeed':
      return { url: s.url ?? e.data.url, feedIds: withFeed(s.feedIds, e.data.feedId) };
    case 'ArticleFetched':
    case 'ArticleFetchFailed':
      return { url: s.url ?? e.data.url, feedIds: s.feedIds };
    case 'ArticleRevised':
    case 'ArticleExtracted':
    case 'ArticleExtractionFailed':
    case 'ArticleDuplicateDetected':
    case 'ArticleAnalyzed':
      return { url: s.url, feedIds: s.feedIds };
    default: {
      const unhandled: never = e;
      return unhandled;
    }
  }
}

/** Whether an event belongs to an article's stream. */
export function isArticleEvent(e: StoredEvent): e is StoredArticleEvent {
  return (articleEventTypes as readonly string[]).includes(e.type);
}
