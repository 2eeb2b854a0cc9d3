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

/** The poll status of a record that holds one (the write side's state, a projection's row), alone. */
export function feedPollStatusOf(s: FeedPollStatus): FeedPollStatus {
  const { removed, minIntervalSec, maxIntervalSec, consecutiveErrors, lastPollAt, nextPollAt, lastReason } = s;
  return { removed, minIntervalSec, maxIntervalSec, consecutiveErrors, lastPollAt, nextPollAt, lastReason };
}

/**
 * The poll status after one event of the feed's stream, as a new object of the status fields alone:
 * whatever record holds a status (the write side's state, the feeds projection's row) is given, and
 * spreads the answer over itself.
 */
export function evolveFeedPollStatus(s: FeedPollStatus, e: StoredFeedEvent): FeedPollStatus {
  const status = feedPollStatusOf(s);
  switch (e.type) {
    case 'FeedRegistered':
      status.removed = false;
      status.minIntervalSec = e.data.minIntervalSec;
      status.maxIntervalSec = e.data.maxIntervalSec;
      return status;
    case 'FeedRemoved':
      status.removed = true;
      return status;
    case 'FeedUrlChanged':
      return status;
    case 'FeedPolled':
      status.consecutiveErrors = 0;
      status.lastPollAt = e.recordedAt;
      status.nextPollAt = e.data.nextCheckAt;
      return status;
    case 'FeedPollFailed':
      status.consecutiveErrors = e.data.consecutiveErrors;
      status.lastPollAt = e.recordedAt;
      status.nextPollAt = e.data.nextCheckAt;
      status.lastReason = e.data.reason;
      return status;
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
