import type { Redis } from 'ioredis';

/**
 * What the last poll of a feed already recorded, as one fingerprint per item (article, title,
 * date: `listingFingerprint` of @tally/ingest): an item whose fingerprint is here needs no event and no fetch job, so re-polling a feed
 * that answers 200 with the same 50 items costs one Redis call instead of a hundred store queries.
 *
 * The log stays the only truth: a missing or lost set (Redis flushed, key expired) only means the
 * items take the full, idempotent path again. Keys carry an epoch naming the feed's registration
 * in the log (its first event's position and time), so a log recreated beside an old Redis never
 * meets fingerprints it did not record.
 */
export interface FeedListingCache {
  /** For each fingerprint, whether an earlier poll of the feed recorded it (in order). */
  recorded(feed: FeedListingKey, fingerprints: readonly string[]): Promise<boolean[]>;
  /** Replaces the feed's fingerprints with these: the items its latest poll recorded in full. */
  remember(feed: FeedListingKey, fingerprints: readonly string[]): Promise<void>;
}

export interface FeedListingKey {
  feedId: string;
  /** Names the feed's registration in the log (see above). */
  epoch: string;
}

export interface FeedListingCacheOptions {
  /** Key prefix (the queue prefix keeps installs sharing a Redis apart). */
  prefix: string;
  /**
   * A feed not polled for this long starts over on the full path.
   * @defaultValue 7 days
   */
  ttlSec?: number;
}

export function createFeedListingCache(redis: Redis, options: FeedListingCacheOptions): FeedListingCache {
  const ttlSec = options.ttlSec ?? 7 * 86_400;
  // The braces keep a feed's key in one Redis Cluster slot.
  const keyOf = (feed: FeedListingKey) => `${options.prefix}:feed-items:{${feed.feedId}}:${feed.epoch}`;
  return {
    async recorded(feed, fingerprints) {
      if (fingerprints.length === 0) return [];
      const found = await redis.smismember(keyOf(feed), ...fingerprints);
      return found.map((f) => f === 1);
    },
    async remember(feed, fingerprints) {
      const key = keyOf(feed);
      const tx = redis.multi().del(key);
      if (fingerprints.length > 0) tx.sadd(key, ...fingerprints).expire(key, ttlSec);
      await tx.exec();
    },
  };
}
