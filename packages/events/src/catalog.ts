import { z } from 'zod';
import {
  FeedContentDistributed,
  FeedSubscribed,
  FeedSubscriptionLapsed,
  FeedSubscriptionRequested,
} from './feedSubscription.ts';
import { ReasonCode } from './reasons.ts';
import { TokenIssued, TokenRevoked } from './tokenEvents.ts';

/**
 * The catalog of every event Tally appends. Each event type has a zod schema for its `data`
 * (the schema and its inferred type share one name) and a schema version. Stored events are never
 * edited: a changed shape gets a new version and an upcaster in `upcasters.ts`.
 *
 * Streams (see `streams.ts`):
 * - `feed-<feedId>`: registration, polls, failures, URL changes of one feed, and the operator's
 *   edits, pauses and resumes, cleared errors and polls asked for, and its WebSub subscriptions
 *   (`feedSubscription.ts`).
 * - `article-<articleId>`: discovery, fetch, extraction, duplicate verdict, analysis of one article.
 * - `figure-<figureKey>`: the claims stated about one tracked figure.
 * - `webhook-<webhookId>`: registration and removal of one webhook on figure changes.
 * - `token-<tokenId>`: issue and revocation of one scoped API token (`tokenEvents.ts`).
 */

const IsoDate = z.string().min(1);
const Url = z.string().min(1).max(8192);

// ---------------------------------------------------------------- feeds

export const FeedRegistered = z.object({
  feedId: z.string(),
  url: Url,
  title: z.string().nullable().default(null),
  /** Where the registration came from. */
  source: z.enum(['config', 'cli', 'api', 'demo']),
  /** Optional per-feed bounds on the polling interval, in seconds. */
  minIntervalSec: z.number().int().positive().nullable().default(null),
  maxIntervalSec: z.number().int().positive().nullable().default(null),
  /**
   * Labels of the feed, e.g. the folders of an OPML import (`['News', 'Economy']`). Absent means
   * none (`[]`): registrations recorded before tags existed, and registrations without any, fold
   * alike. Optional rather than defaulted so that writers that know nothing of tags stay valid.
   */
  tags: z.array(z.string().min(1).max(100)).max(20).optional(),
});
export type FeedRegistered = z.infer<typeof FeedRegistered>;

export const FeedRemoved = z.object({ feedId: z.string(), reason: z.string().nullable().default(null) });
export type FeedRemoved = z.infer<typeof FeedRemoved>;

/** A permanent redirect moved the feed: later polls use `to`. */
export const FeedUrlChanged = z.object({
  feedId: z.string(),
  from: Url,
  to: Url,
  httpStatus: z.number().int(),
});
export type FeedUrlChanged = z.infer<typeof FeedUrlChanged>;

export const FeedPolled = z.object({
  feedId: z.string(),
  url: Url,
  /** The scheduling slot this poll belongs to (ISO instant); one poll per feed and slot. */
  slot: IsoDate,
  httpStatus: z.number().int(),
  notModified: z.boolean(),
  feedTitle: z.string().nullable().default(null),
  itemCount: z.number().int().nonnegative(),
  newItemCount: z.number().int().nonnegative(),
  etag: z.string().nullable().default(null),
  lastModified: z.string().nullable().default(null),
  nextCheckAt: IsoDate,
  durationMs: z.number().nonnegative(),
});
export type FeedPolled = z.infer<typeof FeedPolled>;

export const FeedPollFailed = z.object({
  feedId: z.string(),
  url: Url,
  slot: IsoDate,
  reason: ReasonCode,
  message: z.string(),
  httpStatus: z.number().int().nullable().default(null),
  consecutiveErrors: z.number().int().positive(),
  nextCheckAt: IsoDate,
  /** For `not-a-feed`: the feed URLs the page advertises with `<link rel="alternate">`. */
  advertisedFeeds: z.array(Url).default([]),
});
export type FeedPollFailed = z.infer<typeof FeedPollFailed>;

/**
 * The operator edited a feed's registration. Only the fields named changed; an absent field is as
 * it was. A `null` title goes back to the title the feed gives itself, `null` bounds to the
 * deployment's (`POLL_MIN_INTERVAL_SEC`, `POLL_MAX_INTERVAL_SEC`).
 */
export const FeedEdited = z.object({
  feedId: z.string(),
  title: z.string().min(1).max(500).nullable().optional(),
  tags: FeedRegistered.shape.tags,
  minIntervalSec: z.number().int().positive().nullable().optional(),
  maxIntervalSec: z.number().int().positive().nullable().optional(),
});
export type FeedEdited = z.infer<typeof FeedEdited>;

/** The operator paused a feed: it is not polled until it is resumed. */
export const FeedPaused = z.object({ feedId: z.string(), reason: z.string().max(500).nullable().default(null) });
export type FeedPaused = z.infer<typeof FeedPaused>;

/**
 * A paused feed resumed: polling goes on with the poll it had planned, or at once when that time is
 * past (`nextCheckAt`, the slot of the poll it plans).
 */
export const FeedResumed = z.object({ feedId: z.string(), nextCheckAt: IsoDate });
export type FeedResumed = z.infer<typeof FeedResumed>;

/**
 * The operator cleared a failing feed's errors: its count of failures in a row (and so its backoff)
 * starts again from zero, its last reason is forgotten, and its next poll is at once instead of at
 * the end of the backoff (`nextCheckAt`; null for a paused feed, polled again once resumed). What
 * was cleared is recorded.
 */
export const FeedErrorsCleared = z.object({
  feedId: z.string(),
  consecutiveErrors: z.number().int().nonnegative(),
  lastReason: ReasonCode.nullable(),
  nextCheckAt: IsoDate.nullable(),
});
export type FeedErrorsCleared = z.infer<typeof FeedErrorsCleared>;

/**
 * The operator asked for a poll now: the feed's planned poll becomes this slot (an instant), and a
 * poll already planned for later is superseded (the chain of polls goes on from this one).
 */
export const FeedPollRequested = z.object({ feedId: z.string(), slot: IsoDate });
export type FeedPollRequested = z.infer<typeof FeedPollRequested>;

// ---------------------------------------------------------------- articles

export const ArticleDiscovered = z.object({
  articleId: z.string(),
  feedId: z.string(),
  url: Url,
  canonicalUrl: Url,
  /** The feed's own item identity: GUID / Atom id, else canonical URL, else hash of title + date. */
  itemKey: z.string(),
  title: z.string().nullable().default(null),
  publishedAt: IsoDate.nullable().default(null),
  summary: z.string().nullable().default(null),
});
export type ArticleDiscovered = z.infer<typeof ArticleDiscovered>;

/** The same article listed by another feed: recorded, not discovered again. */
export const ArticleListedByFeed = z.object({
  articleId: z.string(),
  feedId: z.string(),
  url: Url,
});
export type ArticleListedByFeed = z.infer<typeof ArticleListedByFeed>;

/** The feed item changed (title edit, new date): a revision, not a new article. */
export const ArticleRevised = z.object({
  articleId: z.string(),
  feedId: z.string(),
  title: z.string().nullable().default(null),
  publishedAt: IsoDate.nullable().default(null),
});
export type ArticleRevised = z.infer<typeof ArticleRevised>;

export const ArticleFetched = z.object({
  articleId: z.string(),
  url: Url,
  finalUrl: Url,
  httpStatus: z.number().int(),
  contentType: z.string().nullable().default(null),
  charset: z.string().nullable().default(null),
  bytes: z.number().int().nonnegative(),
  contentHash: z.string(),
  etag: z.string().nullable().default(null),
  lastModified: z.string().nullable().default(null),
  durationMs: z.number().nonnegative(),
});
export type ArticleFetched = z.infer<typeof ArticleFetched>;

export const ArticleFetchFailed = z.object({
  articleId: z.string(),
  url: Url,
  reason: ReasonCode,
  message: z.string(),
  httpStatus: z.number().int().nullable().default(null),
  /** Permanent failures (404, 410, not-html, too-large, refused-address) are never retried. */
  permanent: z.boolean(),
  attempt: z.number().int().positive(),
});
export type ArticleFetchFailed = z.infer<typeof ArticleFetchFailed>;

export const MetadataSource = z.enum(['json-ld', 'opengraph', 'meta', 'time-element', 'url', 'feed', 'none']);
export type MetadataSource = z.infer<typeof MetadataSource>;

/**
 * The extracted text lives inline in the event: the log stays the one source of truth and a
 * rebuild needs nothing else. News texts are a few KB; the fetcher refuses pages over its size cap.
 */
export const ArticleExtracted = z.object({
  articleId: z.string(),
  url: Url,
  canonicalUrl: Url.nullable().default(null),
  title: z.string().nullable().default(null),
  byline: z.string().nullable().default(null),
  siteName: z.string().nullable().default(null),
  lang: z.string().nullable().default(null),
  publishedAt: IsoDate.nullable().default(null),
  publishedAtSource: MetadataSource.default('none'),
  modifiedAt: IsoDate.nullable().default(null),
  text: z.string(),
  textHash: z.string(),
  length: z.number().int().nonnegative(),
  extractorVersion: z.string(),
});
export type ArticleExtracted = z.infer<typeof ArticleExtracted>;

export const ArticleExtractionFailed = z.object({
  articleId: z.string(),
  url: Url,
  reason: ReasonCode,
  message: z.string(),
  extractorVersion: z.string(),
});
export type ArticleExtractionFailed = z.infer<typeof ArticleExtractionFailed>;

export const DuplicateMethod = z.enum(['url', 'canonical-url', 'content-hash', 'minhash', 'simhash']);
export type DuplicateMethod = z.infer<typeof DuplicateMethod>;

/** The article is a copy of an earlier one: it is credited to `originalId` and not counted as a new source. */
export const ArticleDuplicateDetected = z.object({
  articleId: z.string(),
  originalId: z.string(),
  similarity: z.number().min(0).max(1),
  method: DuplicateMethod,
});
export type ArticleDuplicateDetected = z.infer<typeof ArticleDuplicateDetected>;

export const ArticleAnalyzed = z.object({
  articleId: z.string(),
  sentenceCount: z.number().int().nonnegative(),
  quantityCount: z.number().int().nonnegative(),
  claimCount: z.number().int().nonnegative(),
  analyzerVersion: z.string(),
  /**
   * Sentences left unread, by reason: `sentence-too-long` (over the length cap, e.g. a page of
   * numbers with no full stop), `article-too-long` (past the cap of sentences per article).
   */
  skipped: z
    .array(z.object({ reason: z.enum(['sentence-too-long', 'article-too-long']), sentences: z.number().int() }))
    .default([]),
});
export type ArticleAnalyzed = z.infer<typeof ArticleAnalyzed>;

// ---------------------------------------------------------------- claims

export const Bound = z.enum(['=', '>', '>=', '<', '<=', '~', '~<', '~>']);
export type Bound = z.infer<typeof Bound>;

export const Speaker = z.object({ name: z.string(), role: z.string().nullable().default(null) });
export type Speaker = z.infer<typeof Speaker>;

export const Period = z.object({
  from: IsoDate.nullable(),
  to: IsoDate.nullable(),
  /** As the report writes it ("the fourth quarter"). */
  text: z.string(),
  /** Normalised where the dates allow ("Q4 2004", "2019"); absent in claims of rules before 2.0. */
  label: z.string().optional(),
});
export type Period = z.infer<typeof Period>;

export const ClaimExtracted = z.object({
  claimId: z.string(),
  articleId: z.string(),
  /** Deterministic normalised key, e.g. `transfer:KP>RU:container`. */
  figureKey: z.string(),
  subject: z.string().nullable(),
  predicate: z.string(),
  recipient: z.string().nullable(),
  /** Point value, or null when only a range is known ("dozens"). */
  value: z.number().nullable(),
  range: z.tuple([z.number(), z.number()]).nullable(),
  bound: Bound,
  unit: z.string().nullable(),
  concept: z.string().nullable(),
  /** What the figure measures ("net income", "death toll"): part of the figure key next to the unit. */
  measure: z.string().nullable().default(null),
  change: z.enum(['up', 'down']).nullable().default(null),
  /** The stated amount of the change ("rose 3.5%" → 3.5), or the difference from the earlier level. */
  changeBy: z.number().nullable().default(null),
  /** Unit of `changeBy`: "%", "percentage point", or the figure's own unit. */
  changeUnit: z.string().nullable().default(null),
  /** The earlier level the figure moved from ("from £138m to £118m" → 138000000). */
  previous: z.number().nullable().default(null),
  negated: z.boolean().default(false),
  hedged: z.boolean().default(false),
  speaker: Speaker.nullable(),
  /** The date of the statement, resolved against the publication date (YYYY, YYYY-MM or YYYY-MM-DD). */
  statedAt: z.string().nullable(),
  period: Period.nullable().default(null),
  sentence: z.string(),
  span: z.tuple([z.number().int(), z.number().int()]),
  /** Provenance copied from the article so a figure can link back without a join. */
  url: Url,
  publishedAt: IsoDate.nullable(),
  siteName: z.string().nullable().default(null),
  extractorVersion: z.string(),
});
export type ClaimExtracted = z.infer<typeof ClaimExtracted>;

// ---------------------------------------------------------------- webhooks

/** A consumer asked to be told of changes to the figures whose keys match `pattern`. */
export const WebhookRegistered = z.object({
  webhookId: z.string(),
  url: Url,
  /** Figure keys to deliver, `*` standing for any run of characters (`*` alone: every figure). */
  pattern: z.string().min(1).max(512),
  /**
   * The signing secret, sealed (AES-256-GCM) under the deployment's webhook key: the log, its
   * reads and its copies never hold it in clear.
   */
  sealedSecret: z.string().min(1),
  description: z.string().nullable().default(null),
});
export type WebhookRegistered = z.infer<typeof WebhookRegistered>;

export const WebhookRemoved = z.object({ webhookId: z.string(), reason: z.string().nullable().default(null) });
export type WebhookRemoved = z.infer<typeof WebhookRemoved>;

// ---------------------------------------------------------------- the catalog

export const eventSchemas = {
  FeedRegistered,
  FeedRemoved,
  FeedUrlChanged,
  FeedPolled,
  FeedPollFailed,
  FeedEdited,
  FeedPaused,
  FeedResumed,
  FeedErrorsCleared,
  FeedPollRequested,
  FeedSubscriptionRequested,
  FeedSubscribed,
  FeedSubscriptionLapsed,
  FeedContentDistributed,
  ArticleDiscovered,
  ArticleListedByFeed,
  ArticleRevised,
  ArticleFetched,
  ArticleFetchFailed,
  ArticleExtracted,
  ArticleExtractionFailed,
  ArticleDuplicateDetected,
  ArticleAnalyzed,
  ClaimExtracted,
  WebhookRegistered,
  WebhookRemoved,
  TokenIssued,
  TokenRevoked,
} as const;

export type EventType = keyof typeof eventSchemas;
export const eventTypes = Object.keys(eventSchemas) as EventType[];

/** The current schema version of each event type; stored older versions are upcast on read. */
export const eventVersions: Record<EventType, number> = {
  FeedRegistered: 1,
  FeedRemoved: 1,
  FeedUrlChanged: 1,
  FeedPolled: 1,
  FeedPollFailed: 1,
  FeedEdited: 1,
  FeedPaused: 1,
  FeedResumed: 1,
  FeedErrorsCleared: 1,
  FeedPollRequested: 1,
  FeedSubscriptionRequested: 1,
  FeedSubscribed: 1,
  FeedSubscriptionLapsed: 1,
  FeedContentDistributed: 1,
  ArticleDiscovered: 1,
  ArticleListedByFeed: 1,
  ArticleRevised: 1,
  ArticleFetched: 1,
  ArticleFetchFailed: 1,
  ArticleExtracted: 1,
  ArticleExtractionFailed: 1,
  ArticleDuplicateDetected: 1,
  ArticleAnalyzed: 1,
  ClaimExtracted: 1,
  WebhookRegistered: 1,
  WebhookRemoved: 1,
  TokenIssued: 1,
  TokenRevoked: 1,
};

export type EventData<T extends EventType> = z.infer<(typeof eventSchemas)[T]>;
