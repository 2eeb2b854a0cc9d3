import {
  evolveFeedPollStatus,
  evolveFeedTags,
  type FeedPollStatus,
  isFeedEvent,
  isFeedSubscriptionEvent,
  noFeedPollStatus,
  type StoredEvent,
  type StoredFeedEvent,
  type StoredFeedSubscriptionEvent,
} from '@tally/events';
import { evolveSubscription, type FeedSubscription } from './feedSubscription.ts';

/** How many recent slots a feed's state remembers, to refuse polling a slot twice. */
export const RECENT_SLOTS = 16;

/** A slot the feed was polled for, and the next check that poll planned. */
export interface PolledSlot {
  slot: string;
  nextCheckAt: string;
}

/**
 * What the write side knows of a feed, folded from its stream one event at a time: a state can be
 * kept and brought up to date with only the events appended since (`version`), since a feed polled
 * every five minutes for a year has a stream of 100,000 events.
 */
export interface FeedState extends FeedPollStatus {
  feedId: string;
  /** The URL polls use: moves with FeedUrlChanged, and a later registration keeps it. */
  url: string;
  /** The registered (or edited) title, else the title the feed gave itself. */
  title: string | null;
  /** The title the feed gave itself in its latest poll that named one. */
  feedTitle: string | null;
  /** From the latest registration or edit that named them; none when it had none. */
  tags: readonly string[];
  etag: string | null;
  lastModified: string | null;
  /** How many times the feed was registered (a removed feed may be registered again). */
  registrations: number;
  /** The stream version folded up to. */
  version: number;
  /** Names the feed's registration in the log: its first event's position and time. */
  epoch: string;
  /** The latest slots polled, oldest first, at most RECENT_SLOTS. */
  recentSlots: readonly PolledSlot[];
  /** The interval the last successful poll chose, in seconds. */
  previousIntervalSec: number | null;
  /** The feed's WebSub subscription, when one was ever asked for. */
  subscription: FeedSubscription | null;
}

function rememberSlot(slots: readonly PolledSlot[], slot: string, nextCheckAt: string): PolledSlot[] {
  const kept = slots.filter((s) => s.slot !== slot);
  kept.push({ slot, nextCheckAt });
  return kept.length > RECENT_SLOTS ? kept.slice(kept.length - RECENT_SLOTS) : kept;
}

/** The next check a recent poll of this slot recorded, or null when the slot was not polled lately. */
export function slotPolled(state: FeedState, slot: string): string | null {
  return state.recentSlots.find((s) => s.slot === slot)?.nextCheckAt ?? null;
}

/**
 * The feed after one event of its stream; null before its registration. Never changes its input.
 * The poll status (removal, bounds, errors, last and next poll) moves as every reader of the stream
 * means it (`evolveFeedPollStatus`); the rest is what polling needs.
 */
export function evolveFeed(
  state: FeedState | null,
  e: StoredFeedEvent | StoredFeedSubscriptionEvent,
): FeedState | null {
  if (isFeedSubscriptionEvent(e)) {
    if (!state) return null;
    return { ...state, subscription: evolveSubscription(state.subscription, e), version: e.streamVersion };
  }
  if (e.type === 'FeedRegistered') {
    const base: FeedState = state ?? {
      ...noFeedPollStatus,
      feedId: e.data.feedId,
      url: e.data.url,
      title: null,
      feedTitle: null,
      tags: [],
      etag: null,
      lastModified: null,
      registrations: 0,
      version: 0,
      epoch: `${e.position}.${Date.parse(e.recordedAt)}`,
      recentSlots: [],
      previousIntervalSec: null,
      subscription: null,
    };
    const next: FeedState = { ...base, ...evolveFeedPollStatus(base, e) };
    next.feedId = e.data.feedId;
    next.title = e.data.title;
    next.tags = evolveFeedTags(base.tags, e);
    next.registrations = base.registrations + 1;
    next.version = e.streamVersion;
    return next;
  }
  if (!state) return null;
  const next: FeedState = { ...state, ...evolveFeedPollStatus(state, e) };
  next.version = e.streamVersion;
  next.subscription = evolveSubscription(state.subscription, e);
  switch (e.type) {
    case 'FeedUrlChanged':
      next.url = e.data.to;
      break;
    case 'FeedPolled': {
      if (!e.data.notModified) {
        next.etag = e.data.etag;
        next.lastModified = e.data.lastModified;
      }
      if (e.data.feedTitle) next.feedTitle = e.data.feedTitle;
      if (e.data.feedTitle && !next.title) next.title = e.data.feedTitle;
      const sec = (Date.parse(e.data.nextCheckAt) - Date.parse(e.recordedAt)) / 1000;
      if (Number.isFinite(sec) && sec > 0) next.previousIntervalSec = sec;
      next.recentSlots = rememberSlot(state.recentSlots, e.data.slot, e.data.nextCheckAt);
      break;
    }
    case 'FeedPollFailed':
      next.recentSlots = rememberSlot(state.recentSlots, e.data.slot, e.data.nextCheckAt);
      break;
    case 'FeedEdited':
      next.tags = evolveFeedTags(state.tags, e);
      // An edited title of null goes back to the one the feed gives itself.
      if (e.data.title !== undefined) next.title = e.data.title ?? state.feedTitle;
      break;
    default:
      break;
  }
  return next;
}

/** Folds a feed's events (after `from`, the state kept so far; the whole stream when none). */
export function foldFeed(events: readonly StoredEvent[], from: FeedState | null = null): FeedState | null {
  let s = from;
  for (const e of events) if (isFeedEvent(e) || isFeedSubscriptionEvent(e)) s = evolveFeed(s, e);
  return s;
}
