import { makeEvent, type NewEvent, type ReasonCode } from '@tally/events';
import { type FeedState, slotPolled } from './feedState.ts';
import { subscriptionLive } from './feedSubscription.ts';
import { nextCheck } from './schedule.ts';

/** The slot of a feed's first poll after its registration (the poller's reconciliation uses it too). */
export const FIRST_SLOT = 'first';

/** What a poll keeps of the feed's HTTP answer. */
export interface FeedAnswer {
  status: number;
  etag: string | null;
  lastModified: string | null;
  cacheMaxAgeSec: number | null;
  expiresAt: string | null;
  /** The final URL when every redirect was permanent, else null. */
  permanentRedirectTo: string | null;
  /** Each hop that redirected, in order. */
  redirects: readonly { status: number }[];
}

/** What one fetch of the feed came to, before it is written down against the feed's state. */
export type Observation =
  | { kind: 'not-modified'; res: FeedAnswer }
  | {
      kind: 'polled';
      res: FeedAnswer;
      feedTitle: string | null;
      items: number;
      newItems: number;
      skippedItems: number;
      ttlMinutes: number | null;
      itemDates: (string | null)[];
    }
  | {
      kind: 'failed';
      res: FeedAnswer | null;
      reason: ReasonCode;
      message: string;
      httpStatus: number | null;
      advertisedFeeds: string[];
      retryAfterMs: number | null;
    };

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

/** Interval bounds for feeds that name none of their own, and the longest backoff. */
export interface PollBounds {
  minIntervalSec: number;
  maxIntervalSec: number;
  maxBackoffSec: number;
  /**
   * The least interval while the feed's WebSub subscription is live (the hub tells of new items;
   * polls only make sure of what it missed), within the feed's own maximum. None: unchanged.
   */
  subscribedMinIntervalSec?: number;
}

/** A poll ended: the command to write it down. */
export interface RecordPoll {
  slot: string;
  /** The URL the poll fetched (the feed's URL when it started). */
  polledUrl: string;
  observation: Observation;
  bounds: PollBounds;
  now: Date;
  /** In [0, 1): the jitter of a backoff. */
  random: number;
  durationMs: number;
}

/**
 * Whether a slot is to be polled, and the feed it polls: not a feed removed, paused or unknown (its
 * polls stop there: resuming a paused feed plans the next one), not a slot twice (`already` names
 * the next check its poll recorded). A slot of the chain of polls (`chained`: its poll plans the
 * next) is not polled either when the feed plans another one (`nextPollAt`: the operator asked for
 * a poll now, resumed the feed or cleared its errors since): that chain is superseded, and
 * `already` names the slot planned instead. A registration's first slot is never superseded.
 */
export function pollSlot(
  state: FeedState | null,
  slot: string,
  chained = false,
): { poll: true; feed: FeedState } | { poll: false; already: string | null } {
  if (!state || state.removed || state.paused) return { poll: false, already: null };
  const already = slotPolled(state, slot);
  if (already) return { poll: false, already };
  if (chained && slot !== FIRST_SLOT && state.nextPollAt !== null && slot !== state.nextPollAt)
    return { poll: false, already: state.nextPollAt };
  return { poll: true, feed: state };
}

export function skippedPoll(feedId: string, nextCheckAt: string | null = null): PollOutcome {
  return { feedId, status: 'skipped', newItems: 0, items: 0, skippedItems: 0, reason: null, nextCheckAt };
}

/**
 * The poll's events against the feed's state: a permanent move (`FeedUrlChanged`), then `FeedPolled`
 * or `FeedPollFailed` with the next check (server hints, item frequency, backoff), whose id is
 * derived from feed and slot.
 */
export function decidePoll(state: FeedState, command: RecordPoll): { events: NewEvent[]; outcome: PollOutcome } {
  const { slot, polledUrl, observation: o } = command;
  const feedId = state.feedId;
  const events: NewEvent[] = [];
  const maxIntervalSec = state.maxIntervalSec ?? command.bounds.maxIntervalSec;
  let minIntervalSec = state.minIntervalSec ?? command.bounds.minIntervalSec;
  const subscribedMin = command.bounds.subscribedMinIntervalSec;
  if (subscribedMin !== undefined && subscriptionLive(state.subscription, command.now)) {
    minIntervalSec = Math.max(minIntervalSec, Math.min(subscribedMin, maxIntervalSec));
  }
  const bounds = {
    now: command.now,
    minIntervalSec,
    maxIntervalSec,
    maxBackoffSec: command.bounds.maxBackoffSec,
    previousIntervalSec: state.previousIntervalSec,
    random: command.random,
  };
  const movedTo = o.res?.permanentRedirectTo ?? null;
  if (movedTo && movedTo !== state.url) {
    const status =
      [...(o.res?.redirects ?? [])].reverse().find((r) => r.status === 301 || r.status === 308)?.status ?? 301;
    events.push(
      makeEvent('FeedUrlChanged', { feedId, from: state.url, to: movedTo, httpStatus: status }, [
        feedId,
        slot,
        state.url,
        movedTo,
      ]),
    );
  }
  if (o.kind === 'failed') {
    const consecutiveErrors = state.consecutiveErrors + 1;
    const sched = nextCheck({ ...bounds, consecutiveErrors, retryAfterMs: o.retryAfterMs });
    const nextCheckAt = sched.nextCheckAt.toISOString();
    events.push(
      makeEvent(
        'FeedPollFailed',
        {
          feedId,
          url: polledUrl,
          slot,
          reason: o.reason,
          message: o.message.slice(0, 2000),
          httpStatus: o.httpStatus,
          consecutiveErrors,
          nextCheckAt,
          advertisedFeeds: o.advertisedFeeds,
        },
        [feedId, slot],
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
        slot,
        httpStatus: o.res.status,
        notModified: o.kind === 'not-modified',
        feedTitle: counts.feedTitle,
        itemCount: counts.items,
        newItemCount: counts.newItems,
        // A 304 keeps the validators the feed had: the client echoes the ones it sent.
        etag: o.res.etag,
        lastModified: o.res.lastModified,
        nextCheckAt,
        durationMs: command.durationMs,
      },
      [feedId, slot],
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
