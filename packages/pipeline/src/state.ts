import type { ReasonCode, StoredEvent } from '@tally/events';

/** What the poller needs to know about a feed, folded from its stream. */
export interface FeedState {
  feedId: string;
  url: string;
  title: string | null;
  /** From the latest registration; none when it had none. */
  tags: string[];
  removed: boolean;
  etag: string | null;
  lastModified: string | null;
  consecutiveErrors: number;
  lastPolledAt: string | null;
  nextCheckAt: string | null;
  lastReason: ReasonCode | null;
  minIntervalSec: number | null;
  maxIntervalSec: number | null;
  registrations: number;
}

export function foldFeed(events: readonly StoredEvent[]): FeedState | null {
  let s = null as FeedState | null;
  for (const e of events) {
    switch (e.type) {
      case 'FeedRegistered':
        s = {
          feedId: e.data.feedId,
          url: s?.url ?? e.data.url,
          title: e.data.title,
          tags: e.data.tags ?? [],
          removed: false,
          etag: s?.etag ?? null,
          lastModified: s?.lastModified ?? null,
          consecutiveErrors: s?.consecutiveErrors ?? 0,
          lastPolledAt: s?.lastPolledAt ?? null,
          nextCheckAt: s?.nextCheckAt ?? null,
          lastReason: s?.lastReason ?? null,
          minIntervalSec: e.data.minIntervalSec,
          maxIntervalSec: e.data.maxIntervalSec,
          registrations: (s?.registrations ?? 0) + 1,
        };
        break;
      case 'FeedRemoved':
        if (s) s.removed = true;
        break;
      case 'FeedUrlChanged':
        if (s) s.url = e.data.to;
        break;
      case 'FeedPolled':
        if (s) {
          s.consecutiveErrors = 0;
          s.lastPolledAt = e.recordedAt;
          s.nextCheckAt = e.data.nextCheckAt;
          if (!e.data.notModified) {
            s.etag = e.data.etag;
            s.lastModified = e.data.lastModified;
          }
          if (e.data.feedTitle && !s.title) s.title = e.data.feedTitle;
        }
        break;
      case 'FeedPollFailed':
        if (s) {
          s.consecutiveErrors = e.data.consecutiveErrors;
          s.lastPolledAt = e.recordedAt;
          s.nextCheckAt = e.data.nextCheckAt;
          s.lastReason = e.data.reason;
        }
        break;
      default:
        break;
    }
  }
  return s;
}

/** What the fetcher and analyzer need to know about an article, folded from its stream. */
export interface ArticleState {
  articleId: string;
  url: string | null;
  feedIds: string[];
  title: string | null;
  feedPublishedAt: string | null;
  /** Latest title/date seen per feed, to detect revisions. */
  listing: Record<string, { title: string | null; publishedAt: string | null }>;
  fetchAttempts: number;
  permanentFailure: ReasonCode | null;
  extracted: Extract<StoredEvent, { type: 'ArticleExtracted' }>['data'] | null;
  duplicateOf: string | null;
  /** How it was found a copy (`canonical-url` is declared by the page; the others come from the dedupe index). */
  duplicateMethod: string | null;
  analyzedVersion: string | null;
}

export function foldArticle(articleId: string, events: readonly StoredEvent[]): ArticleState {
  const s: ArticleState = {
    articleId,
    url: null,
    feedIds: [],
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
  for (const e of events) {
    switch (e.type) {
      case 'ArticleDiscovered':
        s.url = e.data.url;
        s.title = e.data.title;
        s.feedPublishedAt = e.data.publishedAt;
        if (!s.feedIds.includes(e.data.feedId)) s.feedIds.push(e.data.feedId);
        s.listing[e.data.feedId] = { title: e.data.title, publishedAt: e.data.publishedAt };
        break;
      case 'ArticleListedByFeed':
        if (!s.feedIds.includes(e.data.feedId)) s.feedIds.push(e.data.feedId);
        break;
      case 'ArticleRevised':
        s.listing[e.data.feedId] = { title: e.data.title, publishedAt: e.data.publishedAt };
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
  }
  return s;
}
