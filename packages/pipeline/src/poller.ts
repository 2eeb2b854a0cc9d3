import { createHash } from 'node:crypto';
import { articleIdFor, type EventData, makeEvent, type NewEvent, streams } from '@tally/events';
import { canonicalUrl, itemKey, parseFeed } from '@tally/feeds';
import { FetchError } from '@tally/http-fetch';
import type { PollFeed } from '@tally/queues';
import type { Runtime } from './runtime.ts';
import { nextCheck } from './schedule.ts';
import { type ArticleState, foldArticle, foldFeed } from './state.ts';

const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

export interface PollOutcome {
  feedId: string;
  status: 'polled' | 'not-modified' | 'failed' | 'skipped';
  newItems: number;
  items: number;
  nextCheckAt: string | null;
}

function hash(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 16);
}

/**
 * Polls one feed for one slot. Every item becomes an `ArticleDiscovered` (idempotent by article id),
 * a listing by another feed an `ArticleListedByFeed`, a changed title or date an `ArticleRevised`;
 * a fetch job is enqueued for every article not yet done (deterministic job id). The poll itself
 * ends as `FeedPolled` or `FeedPollFailed`, whose id is derived from feed and slot: a retried or
 * doubled poll of the same slot writes nothing twice.
 */
export async function pollFeed(rt: Runtime, job: PollFeed): Promise<PollOutcome> {
  const { store, config } = rt;
  const feedStream = streams.feed(job.feedId);
  const feed = foldFeed(await store.readStream(feedStream));
  if (!feed || feed.removed) return { feedId: job.feedId, status: 'skipped', newItems: 0, items: 0, nextCheckAt: null };
  const log = rt.log.child({ feedId: feed.feedId, slot: job.slot });
  const started = Date.now();
  const bounds = {
    minIntervalSec: feed.minIntervalSec ?? config.POLL_MIN_INTERVAL_SEC,
    maxIntervalSec: feed.maxIntervalSec ?? config.POLL_MAX_INTERVAL_SEC,
    maxBackoffSec: config.POLL_MAX_BACKOFF_SEC,
  };
  const feedEvents: NewEvent[] = [];
  let outcome: PollOutcome;
  const fail = (
    data: Omit<EventData<'FeedPollFailed'>, 'feedId' | 'url' | 'slot' | 'consecutiveErrors' | 'nextCheckAt'>,
    retryAfterMs: number | null,
  ) => {
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
    log.warn({ reason: data.reason, message: data.message, consecutiveErrors }, 'feed poll failed');
    return {
      feedId: feed.feedId,
      status: 'failed' as const,
      newItems: 0,
      items: 0,
      nextCheckAt: sched.nextCheckAt.toISOString(),
    };
  };
  try {
    const res = await rt.http.get({
      url: feed.url,
      etag: feed.etag,
      lastModified: feed.lastModified,
      accept: FEED_ACCEPT,
    });
    if (res.permanentRedirectTo && res.permanentRedirectTo !== feed.url) {
      feedEvents.push(
        makeEvent(
          'FeedUrlChanged',
          { feedId: feed.feedId, from: feed.url, to: res.permanentRedirectTo, httpStatus: 301 },
          [feed.feedId, feed.url, res.permanentRedirectTo],
        ),
      );
    }
    const hints = { retryAfterMs: null, cacheMaxAgeSec: res.cacheMaxAgeSec, expiresAt: res.expiresAt };
    if (res.notModified) {
      const sched = nextCheck({ now: new Date(), ...bounds, consecutiveErrors: 0, ...hints, random: Math.random() });
      feedEvents.push(
        pollEvent(
          feed.feedId,
          feed.url,
          job.slot,
          res.status,
          true,
          null,
          0,
          0,
          feed.etag,
          feed.lastModified,
          sched.nextCheckAt,
          started,
        ),
      );
      outcome = {
        feedId: feed.feedId,
        status: 'not-modified',
        newItems: 0,
        items: 0,
        nextCheckAt: sched.nextCheckAt.toISOString(),
      };
    } else {
      const parsed = parseFeed(res.body, { contentType: res.contentType, url: res.url });
      if (!parsed.ok) {
        outcome = fail(
          {
            reason:
              parsed.error.code === 'not-a-feed'
                ? 'not-a-feed'
                : parsed.error.code === 'bad-encoding'
                  ? 'bad-encoding'
                  : parsed.error.code === 'empty'
                    ? 'empty'
                    : 'malformed',
            message: parsed.error.message,
            httpStatus: res.status,
            advertisedFeeds: parsed.error.advertisedFeeds,
          },
          null,
        );
      } else {
        const newItems = await recordItems(rt, feed.feedId, res.url, parsed.items, job.runId ?? null);
        const sched = nextCheck({
          now: new Date(),
          ...bounds,
          consecutiveErrors: 0,
          ...hints,
          itemDates: parsed.items.map((i) => i.published ?? i.updated),
          random: Math.random(),
        });
        feedEvents.push(
          pollEvent(
            feed.feedId,
            feed.url,
            job.slot,
            res.status,
            false,
            parsed.feed.title,
            parsed.items.length,
            newItems,
            res.etag,
            res.lastModified,
            sched.nextCheckAt,
            started,
          ),
        );
        if (parsed.warnings.length) log.warn({ warnings: parsed.warnings }, 'feed parsed with warnings');
        outcome = {
          feedId: feed.feedId,
          status: 'polled',
          newItems,
          items: parsed.items.length,
          nextCheckAt: sched.nextCheckAt.toISOString(),
        };
      }
    }
  } catch (err) {
    if (!(err instanceof FetchError)) throw err;
    outcome = fail(
      { reason: err.reason, message: err.message, httpStatus: err.httpStatus, advertisedFeeds: [] },
      err.retryAfterMs,
    );
  }
  await store.append(feedStream, feedEvents);
  if (job.reschedule && outcome.nextCheckAt) {
    const at = Date.parse(outcome.nextCheckAt);
    await rt.queues.enqueue(
      'pollFeed',
      { feedId: feed.feedId, slot: outcome.nextCheckAt, reschedule: true, runId: null },
      { delayMs: at - Date.now() },
    );
  }
  log.info(
    { status: outcome.status, items: outcome.items, newItems: outcome.newItems, nextCheckAt: outcome.nextCheckAt },
    'feed polled',
  );
  return outcome;
}

function pollEvent(
  feedId: string,
  url: string,
  slot: string,
  httpStatus: number,
  notModified: boolean,
  feedTitle: string | null,
  itemCount: number,
  newItemCount: number,
  etag: string | null,
  lastModified: string | null,
  next: Date,
  started: number,
): NewEvent {
  return makeEvent(
    'FeedPolled',
    {
      feedId,
      url,
      slot,
      httpStatus,
      notModified,
      feedTitle,
      itemCount,
      newItemCount,
      etag,
      lastModified,
      nextCheckAt: next.toISOString(),
      durationMs: Date.now() - started,
    },
    [feedId, slot],
  );
}

type ParsedItem = Extract<ReturnType<typeof parseFeed>, { ok: true }>['items'][number];

/** Turns feed items into article events and fetch jobs; returns how many articles are new. */
async function recordItems(
  rt: Runtime,
  feedId: string,
  feedUrl: string,
  items: readonly ParsedItem[],
  runId: string | null,
): Promise<number> {
  let newCount = 0;
  const fetches: { articleId: string; url: string; feedId: string; runId: string | null }[] = [];
  for (const item of items) {
    const link = item.link ? canonicalUrl(item.link, feedUrl) : null;
    if (!link) {
      rt.log.warn({ feedId, itemId: item.id, title: item.title }, 'feed item without a usable link skipped');
      continue;
    }
    const articleId = articleIdFor(link);
    const stream = streams.article(articleId);
    const rawUrl = new URL(item.link!, feedUrl).toString();
    const discovered = makeEvent(
      'ArticleDiscovered',
      {
        articleId,
        feedId,
        url: rawUrl,
        canonicalUrl: link,
        itemKey: itemKey(item, feedUrl),
        title: item.title,
        publishedAt: item.published ?? item.updated,
        summary: item.summary ? item.summary.slice(0, 2000) : null,
      },
      [articleId],
    );
    const r = await rt.store.append(stream, [discovered]);
    let state: ArticleState | null = null;
    if (r.written > 0) newCount++;
    else {
      state = foldArticle(articleId, await rt.store.readStream(stream));
      const more: NewEvent[] = [];
      if (!state.feedIds.includes(feedId))
        more.push(makeEvent('ArticleListedByFeed', { articleId, feedId, url: rawUrl }, [articleId, feedId]));
      const seen = state.listing[feedId];
      const publishedAt = item.published ?? item.updated;
      if (seen && (seen.title !== item.title || seen.publishedAt !== publishedAt)) {
        more.push(
          makeEvent('ArticleRevised', { articleId, feedId, title: item.title, publishedAt }, [
            articleId,
            feedId,
            hash(`${item.title}\u0000${publishedAt}`),
          ]),
        );
      }
      if (more.length) await rt.store.append(stream, more);
    }
    // Enqueue unless the article is known to be done: the job id is deterministic, and the fetcher
    // skips finished articles, so a crash between the append above and this enqueue loses nothing.
    if (!state || (!state.extracted && !state.permanentFailure))
      fetches.push({ articleId, url: rawUrl, feedId, runId });
  }
  await rt.queues.enqueueMany('fetchArticle', fetches);
  return newCount;
}
