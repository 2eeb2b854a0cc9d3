import type { ReasonCode, SubscriptionLapseReason } from '@tally/events';
import type { FeedState } from './feedState.ts';

/** The answers to the operator's feed commands, the same wherever they are asked (CLI, API, feeds file). */

/** A feed as `tally feeds list` and the feed commands show it: its registration, health and polling state. */
export interface FeedSummary {
  feedId: string;
  url: string;
  title: string | null;
  tags: string[];
  removed: boolean;
  paused: boolean;
  etag: string | null;
  lastModified: string | null;
  consecutiveErrors: number;
  lastPolledAt: string | null;
  nextCheckAt: string | null;
  lastReason: FeedState['lastReason'];
  minIntervalSec: number | null;
  maxIntervalSec: number | null;
  registrations: number;
  /** Its WebSub subscription as its stream says (`none`: never asked for); never the secret. */
  subscription: FeedSubscriptionSummary;
}

export interface FeedSubscriptionSummary {
  state: 'none' | 'pending' | 'live' | 'lapsed';
  hub: string | null;
  /** When the live subscription's lease ends. */
  expiresAt: string | null;
  /** Why it lapsed (while lapsed). */
  lapseReason: SubscriptionLapseReason | null;
}

export function summaryOf(s: FeedState): FeedSummary {
  return {
    feedId: s.feedId,
    url: s.url,
    title: s.title,
    tags: [...s.tags],
    removed: s.removed,
    paused: s.paused,
    etag: s.etag,
    lastModified: s.lastModified,
    consecutiveErrors: s.consecutiveErrors,
    lastPolledAt: s.lastPollAt,
    nextCheckAt: s.nextPollAt,
    lastReason: s.lastReason,
    minIntervalSec: s.minIntervalSec,
    maxIntervalSec: s.maxIntervalSec,
    registrations: s.registrations,
    subscription: s.subscription
      ? {
          state: s.subscription.status,
          hub: s.subscription.hub,
          expiresAt: s.subscription.expiresAt,
          lapseReason: s.subscription.lapseReason,
        }
      : { state: 'none', hub: null, expiresAt: null, lapseReason: null },
  };
}

/** What an operator's command did: whether it wrote anything, and the feed after it. */
export interface FeedChange {
  changed: boolean;
  feed: FeedSummary;
}

/** What a URL offers to subscribe to. */
export interface FeedDiscovery {
  /** The URL asked about. */
  url: string;
  /** `feed`: the URL is a feed itself; `page`: a page, with the feeds it advertises (maybe none); `none`: neither. */
  kind: 'feed' | 'page' | 'none';
  /** The feed itself (its final URL and title), or the feeds the page advertises, in page order. */
  feeds: { url: string; title: string | null }[];
  /** Why a URL offers nothing (the fetch's or the parse's reason code); null when it offers something. */
  reason: ReasonCode | null;
  message: string | null;
}
