import type { StoredEvent, TallyEvent } from './envelope.ts';
import type { ReasonCode } from './reasons.ts';

/** The event types of a feed's stream (`feed-<feedId>`). */
export const feedEventTypes = [
  'FeedRegistered',
  'FeedRemoved',
  'FeedUrlChanged',
  'FeedPolled',
  'FeedPollFailed',
  'FeedEdited',
  'FeedPaused',
  'FeedResumed',
  'FeedErrorsCleared',
  'FeedPollRequested',
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
  /** Paused by the operator: not polled until resumed. A new registration is not paused. */
  paused: boolean;
  minIntervalSec: number | null;
  maxIntervalSec: number | null;
  /** Failed polls in a row (0 after a success). */
  consecutiveErrors: number;
  /** When the last poll, successful or not, was recorded. */
  lastPollAt: string | null;
  /**
   * The slot of the poll planned next: the one the last poll planned, or the one the operator's
   * resume, cleared errors or poll now planned. The poll chain's job for any other slot is superseded.
   */
  nextPollAt: string | null;
  /** The reason of the latest failure, kept after a success. */
  lastReason: ReasonCode | null;
}

export const noFeedPollStatus: FeedPollStatus = {
  removed: false,
  paused: false,
  minIntervalSec: null,
  maxIntervalSec: null,
  consecutiveErrors: 0,
  lastPollAt: null,
  nextPollAt: null,
  lastReason: null,
};

/** The poll status of a record that holds one (the write side's state, a projection's row), alone. */
export function feedPollStatusOf(s: FeedPollStatus): FeedPollStatus {
  const { removed, paused, minIntervalSec, maxIntervalSec, consecutiveErrors, lastPollAt, nextPollAt, lastReason } = s;
  return { removed, paused, minIntervalSec, maxIntervalSec, consecutiveErrors, lastPollAt, nextPollAt, lastReason };
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
      status.paused = false;
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
    case 'FeedEdited':
      if (e.data.minIntervalSec !== undefined) status.minIntervalSec = e.data.minIntervalSec;
      if (e.data.maxIntervalSec !== undefined) status.maxIntervalSec = e.data.maxIntervalSec;
      return status;
    case 'FeedPaused':
      status.paused = true;
      return status;
    case 'FeedResumed':
      status.paused = false;
      status.nextPollAt = e.data.nextCheckAt;
      return status;
    case 'FeedErrorsCleared':
      status.consecutiveErrors = 0;
      status.lastReason = null;
      if (e.data.nextCheckAt !== null) status.nextPollAt = e.data.nextCheckAt;
      return status;
    case 'FeedPollRequested':
      status.nextPollAt = e.data.slot;
      return status;
    default: {
      const unhandled: never = e;
      return unhandled;
    }
  }
}

/**
 * A feed's tags after one event of its stream: a registration's (none when it names none), an
 * edit's when it names them. The write side's state (OPML export) and the feeds projection's row
 * hold them alike.
 */
export function evolveFeedTags(tags: readonly string[], e: StoredFeedEvent): readonly string[] {
  if (e.type === 'FeedRegistered') return e.data.tags ?? [];
  if (e.type === 'FeedEdited' && e.data.tags !== undefined) return e.data.tags;
  return tags;
}

/** Whether an event belongs to a feed's stream. */
export function isFeedEvent(e: StoredEvent): e is StoredFeedEvent {
  return (feedEventTypes as readonly string[]).includes(e.type);
}
