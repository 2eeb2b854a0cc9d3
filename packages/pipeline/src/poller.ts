import type { Config } from '@tally/config';
import { type AppendResult, ConcurrencyError, type EventStore } from '@tally/event-store';
import { type NewEvent, type StoredFeedEvent, streams } from '@tally/events';
import { type HubLinks, headerHubLinks, mergeHubLinks, parseFeed } from '@tally/feeds';
import { FetchError, type HttpClient } from '@tally/http-fetch';
import {
  decidePoll,
  type FeedState,
  type Observation,
  type PollOutcome,
  parseFailureReason,
  pollSlot,
  skippedPoll,
  withoutNul,
} from '@tally/ingest';
import type { Logger } from '@tally/logger';
import type { PollFeed, QueueSet } from '@tally/queues';
import { FEED_ACCEPT } from './discoverFeeds.ts';
import type { FeedListingCache } from './feedListingCache.ts';
import type { FeedStates } from './feedStates.ts';
import { recordFeedItems } from './recordFeedItems.ts';
import type { StageMetrics } from './stageMetrics.ts';
import type { WebSub } from './websub.ts';

export type { PollOutcome } from '@tally/ingest';

/** What a poll uses: the log, the queues, HTTP, the kept feed states and listings, the schedule's bounds. */
export interface PollerPorts {
  store: EventStore;
  queues: Pick<QueueSet, 'enqueue' | 'enqueueMany'>;
  http: Pick<HttpClient, 'get'>;
  log: Logger;
  config: Pick<
    Config,
    'POLL_MIN_INTERVAL_SEC' | 'POLL_MAX_INTERVAL_SEC' | 'POLL_MAX_BACKOFF_SEC' | 'WEBSUB_POLL_INTERVAL_SEC'
  >;
  feedStates: FeedStates;
  feedListings: FeedListingCache;
  metrics: Pick<StageMetrics, 'fetchSeconds'>;
  /** WebSub subscriptions of the feeds that name a hub; none when `WEBSUB_CALLBACK_URL` is unset. */
  websub?: Pick<WebSub, 'afterPoll'> | null;
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
 * meanwhile (another poll of the feed, a removal), they are decided again on the newer state.
 */
export async function pollFeed(ports: PollerPorts, job: PollFeed): Promise<PollOutcome> {
  const { feedStates } = ports;
  const log = ports.log.child({ feedId: job.feedId, slot: job.slot });
  const notPolled = async (decision: { already: string | null }): Promise<PollOutcome> => {
    if (decision.already === null) return skippedPoll(job.feedId);
    if (job.reschedule) await scheduleNext(ports, job.feedId, decision.already);
    log.info({ nextCheckAt: decision.already }, 'slot already polled: skipped');
    return skippedPoll(job.feedId, decision.already);
  };
  const slot = pollSlot(await feedStates.get(job.feedId), job.slot, job.reschedule);
  if (!slot.poll) return notPolled(slot);
  let state = slot.feed;

  const started = Date.now();
  const polledUrl = state.url;
  let observation: Observation;
  let internal: unknown = null;
  // The feed's WebSub links as this poll read them (null: not read).
  const seen: { links: HubLinks | null } = { links: null };
  try {
    observation = await observe(ports, job, state, log, seen);
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
  const bounds = {
    minIntervalSec: ports.config.POLL_MIN_INTERVAL_SEC,
    maxIntervalSec: ports.config.POLL_MAX_INTERVAL_SEC,
    maxBackoffSec: ports.config.POLL_MAX_BACKOFF_SEC,
    ...(ports.websub ? { subscribedMinIntervalSec: ports.config.WEBSUB_POLL_INTERVAL_SEC } : {}),
  };
  const stream = streams.feed(job.feedId);
  let outcome: PollOutcome;
  for (let attempt = 1; ; attempt++) {
    const decided = decidePoll(state, {
      slot: job.slot,
      polledUrl,
      observation,
      bounds,
      now: new Date(),
      random,
      durationMs: Date.now() - started,
    });
    outcome = decided.outcome;
    try {
      const r = await ports.store.append(stream, decided.events, {
        expectedVersion: attempt < APPEND_TRIES ? state.version : 'any',
      });
      if (r.written === decided.events.length)
        feedStates.appended(job.feedId, state, asStored(stream, decided.events, r));
      else feedStates.forget(job.feedId);
      break;
    } catch (err) {
      if (err instanceof ConcurrencyError) {
        const again = pollSlot(await feedStates.refresh(job.feedId), job.slot, job.reschedule);
        if (!again.poll) return notPolled(again);
        state = again.feed;
        continue;
      }
      feedStates.forget(job.feedId);
      throw internal ?? err;
    }
  }
  if (job.reschedule && outcome.nextCheckAt) await scheduleNext(ports, job.feedId, outcome.nextCheckAt);
  if (ports.websub && observation.kind !== 'failed') {
    // The hub's trouble is never the poll's: polling goes on whatever the subscription does.
    await ports.websub.afterPoll(job.feedId, seen.links, polledUrl).catch((err: unknown) => {
      log.warn({ err: err instanceof Error ? err.message : String(err) }, 'websub subscription not made');
    });
  }
  if (observation.kind === 'failed') {
    const { reason, message, httpStatus } = observation;
    log.warn({ reason, message, httpStatus, nextCheckAt: outcome.nextCheckAt }, 'feed poll failed');
  } else {
    const { status, items, newItems, nextCheckAt } = outcome;
    log.info({ status, items, newItems, nextCheckAt }, 'feed polled');
  }
  return outcome;
}

/** The appended events as the stream now holds them, for the kept state. */
function asStored(streamId: string, events: readonly NewEvent[], r: AppendResult): StoredFeedEvent[] {
  const recordedAt = new Date().toISOString();
  const first = r.streamVersion - events.length + 1;
  return events.map(
    (e, i) =>
      ({ ...e, streamId, streamVersion: first + i, position: r.positions[i] ?? 0, recordedAt }) as StoredFeedEvent,
  );
}

/** The next slot's job: its id is derived from feed and slot, so asking twice adds it once. */
async function scheduleNext(ports: Pick<PollerPorts, 'queues'>, feedId: string, nextCheckAt: string): Promise<void> {
  await ports.queues.enqueue(
    'pollFeed',
    { feedId, slot: nextCheckAt, reschedule: true, runId: null },
    { delayMs: Date.parse(nextCheckAt) - Date.now() },
  );
}

/** Fetches the feed and records its items; throws FetchError for what the HTTP client refused. */
async function observe(
  ports: PollerPorts,
  job: PollFeed,
  state: FeedState,
  log: Logger,
  seen: { links: HubLinks | null },
): Promise<Observation> {
  const fetchEnd = ports.metrics.fetchSeconds.startTimer({ kind: 'feed' });
  const res = await ports.http
    .get({ url: state.url, etag: state.etag, lastModified: state.lastModified, accept: FEED_ACCEPT })
    .catch((err: unknown) => {
      fetchEnd({ outcome: err instanceof FetchError ? err.reason : 'error' });
      throw err;
    });
  fetchEnd({ outcome: res.notModified ? 'not-modified' : 'ok' });
  if (res.permanentRedirectTo && res.permanentRedirectTo !== state.url) {
    log.info({ from: state.url, to: res.permanentRedirectTo }, 'feed moved permanently');
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
  seen.links = mergeHubLinks(headerHubLinks(res.headers.link, res.url), parsed.feed);
  const recorded = await recordFeedItems(
    ports,
    { feedId: state.feedId, epoch: state.epoch },
    res.url,
    parsed.items,
    job.runId ?? null,
    log,
  );
  return {
    kind: 'polled',
    res,
    feedTitle: withoutNul(parsed.feed.title),
    items: parsed.items.length,
    newItems: recorded.newItems,
    skippedItems: recorded.skippedItems,
    ttlMinutes: parsed.feed.ttlMinutes,
    itemDates: parsed.items.map((i) => i.published ?? i.updated),
  };
}
