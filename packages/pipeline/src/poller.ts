import { createHash } from 'node:crypto';
import { type AppendResult, ConcurrencyError, InvalidEventError } from '@tally/event-store';
import { articleIdFor, makeEvent, type NewEvent, type ReasonCode, type StoredEvent, streams } from '@tally/events';
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
import { type FeedPollView, feedPollViewsOf } from './feedPollView.ts';
import type { Runtime } from './runtime.ts';
import { nextCheck } from './schedule.ts';
import { type ArticleState, foldArticle } from './state.ts';

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

/** What one fetch of the feed came to, before it is written down against the feed's state. */
type Observation =
  | { kind: 'not-modified'; res: HttpResponse }
  | {
      kind: 'polled';
      res: HttpResponse;
      feedTitle: string | null;
      items: number;
      newItems: number;
      skippedItems: number;
      ttlMinutes: number | null;
      itemDates: (string | null)[];
    }
  | {
      kind: 'failed';
      res: HttpResponse | null;
      reason: ReasonCode;
      message: string;
      httpStatus: number | null;
      advertisedFeeds: string[];
      retryAfterMs: number | null;
    };

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

/** Appends of one poll that met a newer stream than expected are redone this often, then written as they are. */
const APPEND_TRIES = 3;

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
 * The poll's events are appended at the stream version the poll started from; if the stream moved
 * meanwhile (another poll of the feed, a removal), they are rebuilt on the newer state.
 */
export async function pollFeed(rt: Runtime, job: PollFeed): Promise<PollOutcome> {
  const views = feedPollViewsOf(rt.store);
  const skipped = (nextCheckAt: string | null = null): PollOutcome => ({
    feedId: job.feedId,
    status: 'skipped',
    newItems: 0,
    items: 0,
    skippedItems: 0,
    reason: null,
    nextCheckAt,
  });
  const log = rt.log.child({ feedId: job.feedId, slot: job.slot });
  const alreadyPolled = async (next: string): Promise<PollOutcome> => {
    if (job.reschedule) await scheduleNext(rt, job.feedId, next);
    log.info({ nextCheckAt: next }, 'slot already polled: skipped');
    return skipped(next);
  };
  let view = await views.get(job.feedId);
  if (!view || view.removed) return skipped();
  const recorded = view.recentSlots.get(job.slot);
  if (recorded) return alreadyPolled(recorded);

  const started = Date.now();
  const polledUrl = view.url;
  let observation: Observation;
  let internal: unknown = null;
  try {
    observation = await observe(rt, job, view, log);
  } catch (err) {
    if (err instanceof FetchError) {
      observation = {
        kind: 'failed',
        res: null,
        reason: err.reason,
        message: err.message,
        httpStatus: err.httpStatus,
        advertisedFeeds: [],
        retryAfterMs: err.retryAfterMs,
      };
    } else {
      // Not the feed's fault (the log or Redis hiccuped): recorded like any failure so the feed
      // keeps its schedule; if even that cannot be written, the job fails and BullMQ retries it.
      internal = err;
      const message = err instanceof Error ? err.message : String(err);
      log.error({ err: message }, 'feed poll failed inside Tally');
      observation = {
        kind: 'failed',
        res: null,
        reason: 'internal',
        message,
        httpStatus: null,
        advertisedFeeds: [],
        retryAfterMs: null,
      };
    }
  }

  const random = Math.random();
  const stream = streams.feed(job.feedId);
  let outcome: PollOutcome;
  for (let attempt = 1; ; attempt++) {
    const written = writeDown(rt, job, view, polledUrl, observation, started, random);
    outcome = written.outcome;
    try {
      const r = await rt.store.append(stream, written.events, {
        expectedVersion: attempt < APPEND_TRIES ? view.version : 'any',
      });
      if (r.written === written.events.length) views.appended(job.feedId, view, asStored(stream, written.events, r));
      else views.forget(job.feedId);
      break;
    } catch (err) {
      if (err instanceof ConcurrencyError) {
        view = await views.refresh(job.feedId);
        if (!view || view.removed) return skipped();
        const other = view.recentSlots.get(job.slot);
        if (other) return alreadyPolled(other);
        continue;
      }
      views.forget(job.feedId);
      throw internal ?? err;
    }
  }
  if (job.reschedule && outcome.nextCheckAt) await scheduleNext(rt, job.feedId, outcome.nextCheckAt);
  if (observation.kind === 'failed') {
    const { reason, message, httpStatus } = observation;
    log.warn({ reason, message, httpStatus, nextCheckAt: outcome.nextCheckAt }, 'feed poll failed');
  } else {
    const { status, items, newItems, nextCheckAt } = outcome;
    log.info({ status, items, newItems, nextCheckAt }, 'feed polled');
  }
  return outcome;
}

/** The appended events as the stream now holds them, for the kept view. */
function asStored(streamId: string, events: readonly NewEvent[], r: AppendResult): StoredEvent[] {
  const recordedAt = new Date().toISOString();
  const first = r.streamVersion - events.length + 1;
  return events.map(
    (e, i) => ({ ...e, streamId, streamVersion: first + i, position: r.positions[i] ?? 0, recordedAt }) as StoredEvent,
  );
}

/** The poll's events against the feed's state: URL change, then FeedPolled or FeedPollFailed. */
function writeDown(
  rt: Runtime,
  job: PollFeed,
  view: FeedPollView,
  polledUrl: string,
  o: Observation,
  started: number,
  random: number,
): { events: NewEvent[]; outcome: PollOutcome } {
  const { config } = rt;
  const feedId = view.feedId;
  const events: NewEvent[] = [];
  const bounds = {
    now: new Date(),
    minIntervalSec: view.minIntervalSec ?? config.POLL_MIN_INTERVAL_SEC,
    maxIntervalSec: view.maxIntervalSec ?? config.POLL_MAX_INTERVAL_SEC,
    maxBackoffSec: config.POLL_MAX_BACKOFF_SEC,
    previousIntervalSec: view.previousIntervalSec,
    random,
  };
  const movedTo = o.res?.permanentRedirectTo ?? null;
  if (movedTo && movedTo !== view.url) {
    const status =
      [...(o.res?.redirects ?? [])].reverse().find((r) => r.status === 301 || r.status === 308)?.status ?? 301;
    events.push(
      makeEvent('FeedUrlChanged', { feedId, from: view.url, to: movedTo, httpStatus: status }, [
        feedId,
        job.slot,
        view.url,
        movedTo,
      ]),
    );
  }
  if (o.kind === 'failed') {
    const consecutiveErrors = view.consecutiveErrors + 1;
    const sched = nextCheck({ ...bounds, consecutiveErrors, retryAfterMs: o.retryAfterMs });
    const nextCheckAt = sched.nextCheckAt.toISOString();
    events.push(
      makeEvent(
        'FeedPollFailed',
        {
          feedId,
          url: polledUrl,
          slot: job.slot,
          reason: o.reason,
          message: o.message.slice(0, 2000),
          httpStatus: o.httpStatus,
          consecutiveErrors,
          nextCheckAt,
          advertisedFeeds: o.advertisedFeeds,
        },
        [feedId, job.slot],
      ),
    );
    return {
      events,
      outcome: { feedId, status: 'failed', newItems: 0, items: 0, skippedItems: 0, reason: o.reason, nextCheckAt },
    };
  }
  const hints = { consecutiveErrors: 0, cacheMaxAgeSec: o.res.cacheMaxAgeSec, expiresAt: o.res.expiresAt };
  const sched =
    o.kind === 'not-modified'
      ? nextCheck({ ...bounds, ...hints })
      : nextCheck({ ...bounds, ...hints, ttlMinutes: o.ttlMinutes, itemDates: o.itemDates });
  const nextCheckAt = sched.nextCheckAt.toISOString();
  const counts = o.kind === 'polled' ? o : { items: 0, newItems: 0, skippedItems: 0, feedTitle: null };
  events.push(
    makeEvent(
      'FeedPolled',
      {
        feedId,
        url: polledUrl,
        slot: job.slot,
        httpStatus: o.res.status,
        notModified: o.kind === 'not-modified',
        feedTitle: counts.feedTitle,
        itemCount: counts.items,
        newItemCount: counts.newItems,
        // A 304 keeps the validators the feed had: the client echoes the ones it sent.
        etag: o.res.etag,
        lastModified: o.res.lastModified,
        nextCheckAt,
        durationMs: Date.now() - started,
      },
      [feedId, job.slot],
    ),
  );
  return {
    events,
    outcome: {
      feedId,
      status: o.kind,
      newItems: counts.newItems,
      items: counts.items,
      skippedItems: counts.skippedItems,
      reason: null,
      nextCheckAt,
    },
  };
}

/** The next slot's job: its id is derived from feed and slot, so asking twice adds it once. */
async function scheduleNext(rt: Runtime, feedId: string, nextCheckAt: string): Promise<void> {
  await rt.queues.enqueue(
    'pollFeed',
    { feedId, slot: nextCheckAt, reschedule: true, runId: null },
    { delayMs: Date.parse(nextCheckAt) - Date.now() },
  );
}

/** Fetches the feed and records its items; throws FetchError for what the HTTP client refused. */
async function observe(rt: Runtime, job: PollFeed, view: FeedPollView, log: Logger): Promise<Observation> {
  const fetchEnd = rt.metrics.fetchSeconds.startTimer({ kind: 'feed' });
  const res = await rt.http
    .get({ url: view.url, etag: view.etag, lastModified: view.lastModified, accept: FEED_ACCEPT })
    .catch((err: unknown) => {
      fetchEnd({ outcome: err instanceof FetchError ? err.reason : 'error' });
      throw err;
    });
  fetchEnd({ outcome: res.notModified ? 'not-modified' : 'ok' });
  if (res.permanentRedirectTo && res.permanentRedirectTo !== view.url) {
    log.info({ from: view.url, to: res.permanentRedirectTo }, 'feed moved permanently');
  }
  if (res.notModified) return { kind: 'not-modified', res };
  const parsed = parseFeed(res.body, { contentType: res.contentType, url: res.url });
  if (!parsed.ok) {
    return {
      kind: 'failed',
      res,
      reason: parseFailureReason(parsed.error.code),
      message: parsed.error.message,
      httpStatus: res.status,
      advertisedFeeds: parsed.error.advertisedFeeds,
      retryAfterMs: null,
    };
  }
  if (parsed.warnings.length) log.warn({ warnings: parsed.warnings }, 'feed parsed with warnings');
  const recorded = await recordItems(
    rt,
    { feedId: view.feedId, epoch: view.epoch },
    res.url,
    parsed.items,
    job.runId ?? null,
    log,
  );
  return {
    kind: 'polled',
    res,
    feedTitle: clean(parsed.feed.title),
    items: parsed.items.length,
    newItems: recorded.newItems,
    skippedItems: recorded.skippedItems,
    ttlMinutes: parsed.feed.ttlMinutes,
    itemDates: parsed.items.map((i) => i.published ?? i.updated),
  };
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

/** Articles recorded per `appendMany`: one transaction each, a bounded statement. */
const ITEMS_PER_APPEND = 200;

/**
 * Turns feed items into article events and fetch jobs; returns how many articles are new. Items the
 * last poll recorded unchanged cost nothing (the listing cache); the rest are appended together,
 * one `ArticleDiscovered` per article stream in one transaction (an article already known keeps its
 * stream as it was and gets what changed in a second pass).
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
      log.warn({ err }, 'feed listing cache unreadable: recording every item');
      return listed.map(() => false);
    });
  const remembered = listed.filter((_, i) => known[i]).map((l) => l.fingerprint);
  // An item the log refuses (a URL past the schema's length, …) is that item's problem alone.
  const refused = (l: ListedItem, err: Error) => {
    log.warn({ reason: 'invalid', err: err.message.slice(0, 300), url: l.url }, 'feed item skipped');
    skippedItems++;
  };
  let todo: { l: ListedItem; discovered: NewEvent }[] = [];
  for (const [i, l] of listed.entries()) {
    if (known[i]) continue;
    try {
      todo.push({ l, discovered: discoveredEvent(feedId, l) });
    } catch (err) {
      if (!(err instanceof ZodError)) throw err;
      refused(l, err);
    }
  }
  const fetches: FetchArticle[] = [];
  const existing: ListedItem[] = [];
  let newItems = 0;
  const fetchOf = (l: ListedItem): FetchArticle => ({ articleId: l.articleId, url: l.url, feedId, runId });
  while (todo.length > 0) {
    const part = todo.slice(0, ITEMS_PER_APPEND);
    let results: AppendResult[];
    try {
      results = await rt.store.appendMany(
        part.map((t) => ({ streamId: streams.article(t.l.articleId), events: [t.discovered] })),
      );
    } catch (err) {
      if (!(err instanceof InvalidEventError)) throw err;
      const bad = part.find((t) => t.discovered.id === err.eventId);
      if (!bad) throw err;
      refused(bad.l, err);
      todo = todo.filter((t) => t !== bad);
      continue;
    }
    todo = todo.slice(part.length);
    results.forEach((r, i) => {
      const { l } = part[i]!;
      if (r.written > 0) {
        newItems++;
        fetches.push(fetchOf(l));
        remembered.push(l.fingerprint);
      } else {
        existing.push(l);
      }
    });
  }
  // Articles the log knew already: listed by another feed, revised, or still to fetch.
  const inFlight = rt.store.kind === 'postgres' ? 4 : 1;
  let next = 0;
  const worker = async () => {
    while (next < existing.length) {
      const l = existing[next++]!;
      const r = await recordKnownItem(rt, feedId, l).catch((err: unknown) => {
        if (err instanceof InvalidEventError || err instanceof ZodError) {
          refused(l, err);
          return null;
        }
        throw err;
      });
      if (!r) continue;
      if (r.fetch) fetches.push(fetchOf(l));
      remembered.push(l.fingerprint);
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, existing.length) }, worker));
  // Fetch jobs before the fingerprints: an item is remembered only once nothing about it is missing.
  await rt.queues.enqueueMany('fetchArticle', fetches);
  await cache.remember(listing, remembered).catch((err: Error) => {
    log.warn({ err }, 'feed listing cache not written');
  });
  return { newItems, skippedItems };
}

function discoveredEvent(feedId: string, l: ListedItem): NewEvent {
  return makeEvent(
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
}

/**
 * An item whose article the log knew already: records another feed's listing and a changed title
 * or date, and says whether the article still needs fetching.
 */
async function recordKnownItem(rt: Runtime, feedId: string, l: ListedItem): Promise<{ fetch: boolean }> {
  const stream = streams.article(l.articleId);
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
  return { fetch: !state.extracted && !state.permanentFailure };
}
