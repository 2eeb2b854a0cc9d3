import {
  evolveFeedPollStatus,
  evolveFeedTags,
  type FeedPollStatus,
  type FeedRegistered,
  feedEventTypes,
  feedSubscriptionEventTypes,
} from '@tally/events';
import { evolveFeedRowSubscription, type FeedRowSubscription, noFeedSubscription } from './feedSubscriptionRow.ts';
import type { EventOf, Projection } from './Projection.ts';

/**
 * `new`: registered, never polled; `ok`: the last poll succeeded; `failing`: consecutive errors;
 * `paused` by the operator; `removed`.
 */
export type FeedHealth = 'new' | 'ok' | 'failing' | 'paused' | 'removed';

/** How many URL changes a feed row keeps (the latest). */
export const FEED_URL_CHANGES_KEPT = 10;

export interface FeedUrlChange {
  from: string;
  to: string;
  httpStatus: number;
  position: number;
  at: string;
}

/**
 * One feed as readers see it. Its poll status (removal, bounds, errors, last and next poll, last
 * reason) moves as the write side's does (`evolveFeedPollStatus`); the rest is what readers want to know.
 */
export interface FeedRow extends FeedPollStatus {
  feedId: string;
  position: number;
  firstPosition: number;
  /** The URL polls use now (moves with permanent redirects). */
  url: string | null;
  registeredUrl: string | null;
  /** The registered (or edited) title, else the title the feed gives itself. */
  title: string | null;
  feedTitle: string | null;
  /** Labels (an OPML import's folders, the operator's edits); none when it was given none. */
  tags: readonly string[];
  pausedAt: string | null;
  pausedReason: string | null;
  /** The latest operator's change (edit, pause, resume, cleared errors, poll asked for). */
  editedAt: string | null;
  source: FeedRegistered['source'] | null;
  registeredAt: string | null;
  removedAt: string | null;
  removedReason: string | null;
  health: FeedHealth;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  lastMessage: string | null;
  lastHttpStatus: number | null;
  lastDurationMs: number | null;
  polls: number;
  failures: number;
  notModified: number;
  /** Items the feed listed that were new to it, summed over polls. */
  newItems: number;
  articlesDiscovered: number;
  /** Articles first discovered through another feed that this feed lists too. */
  articlesAlsoListed: number;
  /** For `not-a-feed`: the feeds the page advertises. */
  advertisedFeeds: string[];
  urlChanges: FeedUrlChange[];
  /** Its WebSub subscription (`state: 'none'` for a feed that names no hub, or a process without WebSub). */
  subscription: FeedRowSubscription;
}

/**
 * The feed stream's events, its subscription's (kept out of `feedEventTypes`, which the poll status
 * folds, since a subscription never changes that), and the articles a feed lists (a feed row counts them).
 */
const handledTypes = [
  ...feedEventTypes,
  ...feedSubscriptionEventTypes,
  'ArticleDiscovered',
  'ArticleListedByFeed',
] as const;
type FeedRowEventType = (typeof handledTypes)[number];
type FeedRowEvent = EventOf<FeedRowEventType>;

export function emptyFeed(feedId: string, position: number): FeedRow {
  return {
    feedId,
    position,
    firstPosition: position,
    url: null,
    registeredUrl: null,
    title: null,
    feedTitle: null,
    tags: [],
    pausedAt: null,
    pausedReason: null,
    editedAt: null,
    source: null,
    minIntervalSec: null,
    maxIntervalSec: null,
    registeredAt: null,
    removed: false,
    paused: false,
    removedAt: null,
    removedReason: null,
    health: 'new',
    consecutiveErrors: 0,
    lastPollAt: null,
    lastSuccessAt: null,
    lastFailureAt: null,
    lastReason: null,
    lastMessage: null,
    lastHttpStatus: null,
    nextPollAt: null,
    lastDurationMs: null,
    polls: 0,
    failures: 0,
    notModified: 0,
    newItems: 0,
    articlesDiscovered: 0,
    articlesAlsoListed: 0,
    advertisedFeeds: [],
    urlChanges: [],
    subscription: noFeedSubscription,
  };
}

/** A feed's health from its poll status (the write side's state holds one too). */
export function feedHealth(row: Pick<FeedRow, 'removed' | 'paused' | 'consecutiveErrors' | 'lastPollAt'>): FeedHealth {
  if (row.removed) return 'removed';
  if (row.paused) return 'paused';
  if (row.consecutiveErrors > 0) return 'failing';
  return row.lastPollAt === null ? 'new' : 'ok';
}

function evolveFeed(row: FeedRow | null, event: FeedRowEvent, key: string): FeedRow {
  const base = row ?? emptyFeed(key, event.position);
  const at = event.recordedAt;
  let next: FeedRow;
  switch (event.type) {
    case 'FeedRegistered': {
      const d = event.data;
      next = {
        ...base,
        ...evolveFeedPollStatus(base, event),
        url: base.removed || base.url === null ? d.url : base.url,
        registeredUrl: d.url,
        title: d.title ?? base.title,
        tags: evolveFeedTags(base.tags, event),
        pausedAt: null,
        pausedReason: null,
        source: d.source,
        registeredAt: base.removed || base.registeredAt === null ? at : base.registeredAt,
        removedAt: null,
        removedReason: null,
      };
      break;
    }
    case 'FeedRemoved':
      next = { ...base, ...evolveFeedPollStatus(base, event), removedAt: at, removedReason: event.data.reason };
      break;
    case 'FeedUrlChanged': {
      const d = event.data;
      const urlChanges = [
        ...base.urlChanges,
        { from: d.from, to: d.to, httpStatus: d.httpStatus, position: event.position, at },
      ];
      next = { ...base, url: d.to, urlChanges: urlChanges.slice(-FEED_URL_CHANGES_KEPT) };
      break;
    }
    case 'FeedPolled': {
      const d = event.data;
      next = {
        ...base,
        ...evolveFeedPollStatus(base, event),
        feedTitle: d.feedTitle ?? base.feedTitle,
        title: base.title ?? d.feedTitle,
        lastSuccessAt: at,
        lastHttpStatus: d.httpStatus,
        lastDurationMs: d.durationMs,
        polls: base.polls + 1,
        notModified: base.notModified + (d.notModified ? 1 : 0),
        newItems: base.newItems + d.newItemCount,
        advertisedFeeds: [],
      };
      break;
    }
    case 'FeedPollFailed': {
      const d = event.data;
      next = {
        ...base,
        ...evolveFeedPollStatus(base, event),
        lastFailureAt: at,
        lastMessage: d.message,
        lastHttpStatus: d.httpStatus,
        polls: base.polls + 1,
        failures: base.failures + 1,
        advertisedFeeds: d.advertisedFeeds,
      };
      break;
    }
    case 'FeedEdited': {
      const d = event.data;
      next = { ...base, ...evolveFeedPollStatus(base, event), tags: evolveFeedTags(base.tags, event), editedAt: at };
      if (d.title !== undefined) next.title = d.title ?? base.feedTitle;
      break;
    }
    case 'FeedPaused':
      next = {
        ...base,
        ...evolveFeedPollStatus(base, event),
        pausedAt: at,
        pausedReason: event.data.reason,
        editedAt: at,
      };
      break;
    case 'FeedResumed':
      next = { ...base, ...evolveFeedPollStatus(base, event), pausedAt: null, pausedReason: null, editedAt: at };
      break;
    case 'FeedErrorsCleared':
      next = { ...base, ...evolveFeedPollStatus(base, event), lastMessage: null, editedAt: at };
      break;
    case 'FeedPollRequested':
      next = { ...base, ...evolveFeedPollStatus(base, event), editedAt: at };
      break;
    case 'FeedSubscriptionRequested':
    case 'FeedSubscribed':
    case 'FeedSubscriptionLapsed':
    case 'FeedContentDistributed': {
      const subscription = evolveFeedRowSubscription(base.subscription ?? noFeedSubscription, event);
      // A subscription's events leave the feed's own fields (and its health) as they are.
      return subscription === base.subscription ? base : { ...base, subscription };
    }
    case 'ArticleDiscovered':
      next = { ...base, articlesDiscovered: base.articlesDiscovered + 1 };
      break;
    case 'ArticleListedByFeed':
      next = { ...base, articlesAlsoListed: base.articlesAlsoListed + 1 };
      break;
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
  next.health = feedHealth(next);
  return next;
}

/**
 * Feeds: registration, tags, health (paused, consecutive errors, last success, last reason, last and
 * next poll), counts, and the WebSub subscription. Version 2: tags, pauses and the operator's
 * changes; 3: the subscription.
 */
export const feedsProjection: Projection<FeedRow, FeedRowEventType> = {
  name: 'feeds',
  version: 3,
  handles: handledTypes,
  keysOf: (event) => [event.data.feedId],
  evolve: (row, event, key) => evolveFeed(row, event, key),
  finalize: (row) => row,
};
