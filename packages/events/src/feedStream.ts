import type { StoredEvent, TallyEvent } from './envelope.ts';
import type { ReasonCode } from './reasons.ts';

/** The event types of a feed's stream (`feed-<feedId>`). */
export const feedEventTypes = [
  'FeedRegistered',
  'FeedRemoved',
  'FeedUrlChanged',
  'FeedPolled',
  'FeedPollFailed',
] as const;
export type FeedEventType = (typeof feedEventTypes)[number];

/** One event of a feed's stream. */
export type FeedEvent = Extract<TallyEvent, { type: FeedEventType }>;
/** One event of a feed's stream as the log hands it back. */
export type StoredFeedEvent = Extract<StoredEvent, { type: FeedEventType }>;

/**
 * What a feed's stream says of its polling, meant alike by everyone who reads it: whether it is
 * registered, its own bounds on the interval, the last poll's outcome and the next one planned. The
 * write side decides the next poll from it; the feeds projection shows it.
 */
export interface FeedPollStatus {
  removed: boolean;
  minIntervalSec: number | null;
  maxIntervalSec: number | null;
  /** Failed polls in a row (0 after a success). */
  consecutiveErrors: number;
  /** When the last poll, successful or not, was recorded. */
  lastPollAt: string | null;
  /** When the last poll planned the next one. */
  nextPollAt: string | null;
  /** The reason of the latest failure, kept after a success. */
  lastReason: ReasonCode | null;
}

export const noFeedPollStatus: FeedPollStatus = {
  removed: false,
  minIntervalSec: null,
  maxIntervalSec: null,
  consecutiveErrors: 0,
  lastPollAt: null,
  nextPollAt: null,
  lastReason: null,
};

/**
 * The poll status after one event of the feed's stream, on whatever record holds it (the write
 * side's state, a projection's row): the record comes back as a new object with the status fields
 * moved and every other field as it was, so the caller may go on to fill its own fields.
 */
export function evolveFeedPollStatus<S extends FeedPollStatus>(s: S, e: StoredFeedEvent): S {
  switch (e.type) {
    case 'FeedRegistered':
      return { ...s, removed: false, minIntervalSec: e.data.minIntervalSec, maxIntervalSec: e.data.maxIntervalSec };
    case 'FeedRemoved':
      return { ...s, removed: true };
    case 'FeedUrlChanged':
      return { ...s };
    case 'FeedPolled':
      return { ...s, consecutiveErrors: 0, lastPollAt: e.recordedAt, nextPollAt: e.data.nextCheckAt };
    case 'FeedPollFailed':
      return {
        ...s,
        consecutiveErrors: e.data.consecutiveErrors,
        lastPollAt: e.recordedAt,
        nextPollAt: e.data.nextCheckAt,
        lastReason: e.data.reason,
      };
    default: {
      const unhandled: never = e;
      return unhandled;
    }
  }
}

/** Whether an event belongs to a feed's stream. */
export function isFeedEvent(e: StoredEvent): e is StoredFeedEvent {
  return (feedEventTypes as readonly string[]).includes(e.type);
}
