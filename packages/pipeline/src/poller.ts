import { createHash } from 'node:crypto';
import { InvalidEventError } from '@tally/event-store';
import {
  articleIdFor,
  type EventData,
  makeEvent,
  type NewEvent,
  type ReasonCode,
  type StoredEvent,
  streams,
} from '@tally/events';
import { canonicalUrl, type FeedItem, itemKey, parseFeed } from '@tally/feeds';
import { FetchError, type HttpResponse } from '@tally/http-fetch';
import type { Logger } from '@tally/logger';
import type { FetchArticle, PollFeed } from '@tally/queues';
import { ZodError } from 'zod';
import {
  createFeedListingCache,
  type FeedListingCache,
  type FeedListingKey,
  listingFingerprint,
} from './feedListingCache.ts';
import type { Runtime } from './runtime.ts';
import { nextCheck } from './schedule.ts';
import { type ArticleState, type FeedState, foldArticle, foldFeed } from './state.ts';

const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

/** Longest summary carried by ArticleDiscovered: the article's own text comes with the fetch. */
const SUMMARY_CHARS = 2000;

export interface PollOutcome {
  feedId: string;
  /**
   * `skipped`: the feed is removed or unknown, or this slot was already polled (a retried or
   * doubled job): nothing was fetched and nothing appended.
   */
  status: 'polled' | 'not-modified' | 'failed' | 'skipped';
  newItems: number;
  items: number;
  /** Items that could not be recorded (no usable link, refused by the event schema). */
  skippedItems: number;
  reason: ReasonCode | null;
  nextCheckAt: string | null;
}

/** The history of a feed's stream that the poller needs beyond `FeedState`. */
interface PollHistory {
  /** This slot's outcome when it was already recorded. */
  slotOutcome: Extract<StoredEvent, { type: 'FeedPolled' | 'FeedPollFailed' }> | null;
  /** The interval the last successful poll chose, in seconds. */
  previousIntervalSec: number | null;
  /** Names the feed's registration in the log, for the listing cache. */
  epoch: string;
}

function readHistory(events: readonly StoredEvent[], slot: string): PollHistory {
  let slotOutcome: PollHistory['slotOutcome'] = null;
  let previousIntervalSec: number | null = null;
  for (const e of events) {
    if (e.type !== 'FeedPolled' && e.type !== 'FeedPollFailed') continue;
    if (e.data.slot === slot) slotOutcome = e;
    if (e.type === 'FeedPolled') {
      const sec = (Date.parse(e.data.nextCheckAt) - Date.parse(e.recordedAt)) / 1000;
      if (Number.isFinite(sec) && sec > 0) previousIntervalSec = sec;
    }
  }
  const first = events[0];
  return { slotOutcome, previousIntervalSec, epoch: first ? `${first.position}.${Date.parse(first.recordedAt)}` : '0' };
}

const listingCaches = new WeakMap<Runtime, FeedListingCache>();
function listingCacheOf(rt: Runtime): FeedListingCache {
  let cache = listingCaches.get(rt);
  if (!cache) {
    cache = createFeedListingCache(rt.redis, { prefix: rt.config.QUEUE_PREFIX });
    listingCaches.set(rt, cache);
  }
  return cache;
}

function hash(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 16);
}

/** jsonb cannot hold U+0000 (a JSON Feed can carry it): drop it rather than lose the item. */
function clean(text: string | null): string | null {
  return text?.includes('\u0000') ? text.replaceAll('\u0000', '') : text;
}

function parseFailureReason(code: string): ReasonCode {
  return code === 'not-a-feed' || code === 'bad-encoding' || code === 'empty' ? code : 'malformed';
}

/**
 * Polls one feed for one slot. Every item becomes an `ArticleDiscovered` (idempotent by article id),
 * a listing by another feed an `ArticleListedByFeed`, a changed title or date an `ArticleRevised`;
 * a fetch job is enqueued for every article not yet done (deterministic job id). The poll itself
 * ends as `FeedPolled` or `FeedPollFailed` with a reason code, whose id is derived from feed and
 * slot. A slot already recorded is not polled again (a retried job, a job doubled by a stale
 * scheduler): only its next poll is made sure of.
 *
 * Order makes a crash at any point harmless: items and fetch jobs first, then the poll's events,
 * then the next slot's job. A job killed half-way is run again by BullMQ and records what is missing.
 */
export async function pollFeed(rt: Runtime, job: PollFeed): Promise<PollOutcome> {
  const { store, config } = rt;
  const feedStream = streams.feed(job.feedId);
  const events = await store.readStream(feedStream);
  const feed = foldFeed(events);
  const skipped = (nextCheckAt: string | null = null): PollOutcome => ({
    feedId: job.feedId,
    status: 'skipped',
    newItems: 0,
    items: 0,
    skippedItems: 0,
    reason: null,
    nextCheckAt,
  });
  if (!feed || feed.removed) return skipped();
  const history = readHistory(events, job.slot);
  const log = rt.log.child({ feedId: feed.feedId, slot: job.slot });
  if (history.slotOutcome) {
    const next = history.slotOutcome.data.nextCheckAt;
    if (job.reschedule) await scheduleNext(rt, feed.feedId, next);
    log.info({ nextCheckAt: next }, 'slot already polled: skipped');
    return skipped(next);
  }

  const started = Date.now();
  const bounds = {
    minIntervalSec: feed.minIntervalSec ?? config.POLL_MIN_INTERVAL_SEC,
    maxIntervalSec: feed.maxIntervalSec ?? config.POLL_MAX_INTERVAL_SEC,
    maxBackoffSec: config.POLL_MAX_BACKOFF_SEC,
  };
  const feedEvents: NewEvent[] = [];
  type Failure = Omit<EventData<'FeedPollFailed'>, 'feedId' | 'url' | 'slot' | 'consecutiveErrors' | 'nextCheckAt'>;
  const fail = (data: Failure, retryAfterMs: number | null): PollOutcome => {
    const consecutiveErrors = feed.consecutiveErrors + 1;
    const sched = nextCheck({ now: new Date(), ...bounds, consecutiveErrors, retryAfterMs, random: Math.random() });
    feedEvents.push(
      makeEvent(
        'FeedPollFailed',
        {
          feedId: feed.feedId,
          url: feed.url,
          slot: job.slot,
          consecutiveErrors,
          nextCheckAt: sched.nextCheckAt.toISOString(),
          ...data,
        },
        [feed.feedId, job.slot],
      ),
    );
    log.warn(
      {
        reason: data.reason,
        message: data.message,
        httpStatus: data.httpStatus,
        consecutiveErrors,
        basis: sched.basis,
      },
      'feed poll failed',
    );
    return {
      feedId: feed.feedId,
      status: 'failed',
      newItems: 0,
      items: 0,
      skippedItems: 0,
      reason: data.reason,
      nextCheckAt: sched.nextCheckAt.toISOString(),
    };
  };

  let outcome: PollOutcome;
  try {
    outcome = await fetchAndRecord(rt, job, feed, history, bounds, feedEvents, fail, log, started);
  } catch (err) {
    if (err instanceof FetchError) {
      feedEvents.length = 0;
      outcome = fail(
        { reason: err.reason, message: err.message, httpStatus: err.httpStatus, advertisedFeeds: [] },
        err.retryAfterMs,
      );
    } else {
      // Not the feed's fault (the log or Redis hiccuped): record it like any failure so the feed
      // keeps its schedule; if even that cannot be written, the job fails and BullMQ retries it.
      log.error({ err: err instanceof Error ? err.message : String(err) }, 'feed poll failed inside Tally');
      feedEvents.length = 0;
      outcome = fail(
        {
          reason: 'internal',
          message: err instanceof Error ? err.message : String(err),
          httpStatus: null,
          advertisedFeeds: [],
        },
        null,
      );
      try {
        await store.append(feedStream, feedEvents);
      } catch {
        throw err;
      }
      if (job.reschedule && outcome.nextCheckAt) await scheduleNext(rt, feed.feedId, outcome.nextCheckAt);
      return outcome;
    }
  }
  await store.append(feedStream, feedEvents);
  if (job.reschedule && outcome.nextCheckAt) await scheduleNext(rt, feed.feedId, outcome.nextCheckAt);
  log.info(
    { status: outcome.status, items: outcome.items, newItems: outcome.newItems, nextCheckAt: outcome.nextCheckAt },
    'feed polled',
  );
  return outcome;
}

/** The next slot's job: its id is derived from feed and slot, so asking twice adds it once. */
async function scheduleNext(rt: Runtime, feedId: string, nextCheckAt: string): Promise<void> {
  await rt.queues.enqueue(
    'pollFeed',
    { feedId, slot: nextCheckAt, reschedule: true, runId: null },
    { delayMs: Date.parse(nextCheckAt) - Date.now() },
  );
}

async function fetchAndRecord(
  rt: Runtime,
  job: PollFeed,
  feed: FeedState,
  history: PollHistory,
  bounds: { minIntervalSec: number; maxIntervalSec: number; maxBackoffSec: number },
  feedEvents: NewEvent[],
  fail: (
    data: Omit<EventData<'FeedPollFailed'>, 'feedId' | 'url' | 'slot' | 'consecutiveErrors' | 'nextCheckAt'>,
    retryAfterMs: number | null,
  ) => PollOutcome,
  log: Logger,
  started: number,
): Promise<PollOutcome> {
  const res: HttpResponse = await rt.http.get({
    url: feed.url,
    etag: feed.etag,
    lastModified: feed.lastModified,
    accept: FEED_ACCEPT,
  });
  if (res.permanentRedirectTo && res.permanentRedirectTo !== feed.url) {
    const status = [...res.redirects].reverse().find((r) => r.status === 301 || r.status === 308)?.status ?? 301;
    feedEvents.push(
      makeEvent(
        'FeedUrlChanged',
        { feedId: feed.feedId, from: feed.url, to: res.permanentRedirectTo, httpStatus: status },
        [feed.feedId, job.slot, feed.url, res.permanentRedirectTo],
      ),
    );
    log.info({ from: feed.url, to: res.permanentRedirectTo, httpStatus: status }, 'feed moved permanently');
  }
  const hints = { retryAfterMs: null, cacheMaxAgeSec: res.cacheMaxAgeSec, expiresAt: res.expiresAt };
  const polled = (
    notModified: boolean,
    feedTitle: string | null,
    items: number,
    newItems: number,
    skippedItems: number,
    sched: ReturnType<typeof nextCheck>,
  ): PollOutcome => {
    feedEvents.push(
      makeEvent(
        'FeedPolled',
        {
          feedId: feed.feedId,
          url: feed.url,
          slot: job.slot,
          httpStatus: res.status,
          notModified,
          feedTitle,
          itemCount: items,
          newItemCount: newItems,
          // A 304 keeps the validators the feed had; the client echoes them.
          etag: res.etag,
          lastModified: res.lastModified,
          nextCheckAt: sched.nextCheckAt.toISOString(),
          durationMs: Date.now() - started,
        },
        [feed.feedId, job.slot],
      ),
    );
    log.debug({ basis: sched.basis, intervalSec: sched.intervalSec }, 'next poll scheduled');
    return {
      feedId: feed.feedId,
      status: notModified ? 'not-modified' : 'polled',
      newItems,
      items,
      skippedItems,
      reason: null,
      nextCheckAt: sched.nextCheckAt.toISOString(),
    };
  };

  if (res.notModified) {
    const sched = nextCheck({
      now: new Date(),
      ...bounds,
      consecutiveErrors: 0,
      ...hints,
      previousIntervalSec: history.previousIntervalSec,
      random: Math.random(),
    });
    return polled(true, null, 0, 0, 0, sched);
  }
  const parsed = parseFeed(res.body, { contentType: res.contentType, url: res.url });
  if (!parsed.ok) {
    return fail(
      {
        reason: parseFailureReason(parsed.error.code),
        message: parsed.error.message,
        httpStatus: res.status,
        advertisedFeeds: parsed.error.advertisedFeeds,
      },
      null,
    );
  }
  if (parsed.warnings.length) log.warn({ warnings: parsed.warnings }, 'feed parsed with warnings');
  const recorded = await recordItems(
    rt,
    { feedId: feed.feedId, epoch: history.epoch },
    res.url,
    parsed.items,
    job.runId ?? null,
    log,
  );
  const sched = nextCheck({
    now: new Date(),
    ...bounds,
    consecutiveErrors: 0,
    ...hints,
    ttlMinutes: parsed.feed.ttlMinutes,
    itemDates: parsed.items.map((i) => i.published ?? i.updated),
    previousIntervalSec: history.previousIntervalSec,
    random: Math.random(),
  });
  return polled(false, clean(parsed.feed.title), parsed.items.length, recorded.newItems, recorded.skippedItems, sched);
}

/** A feed item ready to record, or the reason it cannot be. */
interface ListedItem {
  articleId: string;
  url: string;
  canonicalUrl: string;
  itemKey: string;
  title: string | null;
  publishedAt: string | null;
  summary: string | null;
  fingerprint: string;
}

function listItem(item: FeedItem, feedUrl: string): ListedItem | { skip: string } {
  if (!item.link) return { skip: 'no-link' };
  const link = canonicalUrl(item.link, feedUrl);
  if (!link) return { skip: 'bad-link' };
  const articleId = articleIdFor(link);
  const title = clean(item.title);
  const publishedAt = item.published ?? item.updated;
  return {
    articleId,
    url: new URL(item.link, feedUrl).toString(),
    canonicalUrl: link,
    itemKey: itemKey(item, feedUrl),
    title,
    publishedAt,
    summary: item.summary ? clean(item.summary.slice(0, SUMMARY_CHARS)) : null,
    fingerprint: listingFingerprint(articleId, title, publishedAt),
  };
}

/**
 * Turns feed items into article events and fetch jobs; returns how many articles are new. Items the
 * last poll recorded unchanged cost nothing (the listing cache); the rest are appended one article
 * stream each (an append is one transaction on one stream), with a few in flight on PostgreSQL.
 */
async function recordItems(
  rt: Runtime,
  listing: FeedListingKey,
  feedUrl: string,
  items: readonly FeedItem[],
  runId: string | null,
  log: Logger,
): Promise<{ newItems: number; skippedItems: number }> {
  const { feedId } = listing;
  const listed: ListedItem[] = [];
  const seen = new Set<string>();
  let skippedItems = 0;
  for (const item of items) {
    const l = listItem(item, feedUrl);
    if ('skip' in l) {
      skippedItems++;
      log.warn({ reason: l.skip, itemId: item.id, title: item.title, link: item.link }, 'feed item skipped');
      continue;
    }
    // One article listed twice by one feed (an update under a new GUID): the first, newest, wins.
    if (seen.has(l.articleId)) continue;
    seen.add(l.articleId);
    listed.push(l);
  }
  const cache = listingCacheOf(rt);
  const known = await cache
    .recorded(
      listing,
      listed.map((l) => l.fingerprint),
    )
    .catch((err: Error) => {
      log.warn({ err: err.message }, 'feed listing cache unreadable: recording every item');
      return listed.map(() => false);
    });
  const todo = listed.filter((_, i) => !known[i]);
  const remembered = listed.filter((_, i) => known[i]).map((l) => l.fingerprint);
  const fetches: FetchArticle[] = [];
  let newItems = 0;
  const inFlight = rt.store.kind === 'postgres' ? 4 : 1;
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const l = todo[next++]!;
      const r = await recordItem(rt, feedId, l, runId).catch((err: unknown) => {
        // An item the log refuses (a URL past the schema's length, …) is that item's problem alone.
        if (err instanceof InvalidEventError || err instanceof ZodError) {
          log.warn({ reason: 'invalid', err: err.message.slice(0, 300), url: l.url }, 'feed item skipped');
          skippedItems++;
          return null;
        }
        throw err;
      });
      if (!r) continue;
      if (r.isNew) newItems++;
      if (r.fetch) fetches.push(r.fetch);
      remembered.push(l.fingerprint);
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, todo.length) }, worker));
  // Fetch jobs before the fingerprints: an item is remembered only once nothing about it is missing.
  await rt.queues.enqueueMany('fetchArticle', fetches);
  await cache.remember(listing, remembered).catch((err: Error) => {
    log.warn({ err: err.message }, 'feed listing cache not written');
  });
  return { newItems, skippedItems };
}

async function recordItem(
  rt: Runtime,
  feedId: string,
  l: ListedItem,
  runId: string | null,
): Promise<{ isNew: boolean; fetch: FetchArticle | null }> {
  const stream = streams.article(l.articleId);
  const discovered = makeEvent(
    'ArticleDiscovered',
    {
      articleId: l.articleId,
      feedId,
      url: l.url,
      canonicalUrl: l.canonicalUrl,
      itemKey: l.itemKey,
      title: l.title,
      publishedAt: l.publishedAt,
      summary: l.summary,
    },
    [l.articleId],
  );
  const fetch = { articleId: l.articleId, url: l.url, feedId, runId };
  const r = await rt.store.append(stream, [discovered]);
  if (r.written > 0) return { isNew: true, fetch };
  const state: ArticleState = foldArticle(l.articleId, await rt.store.readStream(stream));
  const more: NewEvent[] = [];
  if (!state.feedIds.includes(feedId)) {
    more.push(makeEvent('ArticleListedByFeed', { articleId: l.articleId, feedId, url: l.url }, [l.articleId, feedId]));
  }
  const seen = state.listing[feedId];
  if (seen && (seen.title !== l.title || seen.publishedAt !== l.publishedAt)) {
    more.push(
      makeEvent('ArticleRevised', { articleId: l.articleId, feedId, title: l.title, publishedAt: l.publishedAt }, [
        l.articleId,
        feedId,
        hash(`${l.title}\u0000${l.publishedAt}`),
      ]),
    );
  }
  if (more.length) await rt.store.append(stream, more);
  // Enqueue unless the article is known to be done: the job id is deterministic, and the fetcher
  // skips finished articles, so a crash between the append above and this enqueue loses nothing.
  return { isNew: false, fetch: !state.extracted && !state.permanentFailure ? fetch : null };
}
