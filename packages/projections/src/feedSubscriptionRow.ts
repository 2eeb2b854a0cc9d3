import type { StoredFeedSubscriptionEvent, SubscriptionLapseReason } from '@tally/events';

/**
 * `none`: never asked for; `pending`: asked, not yet verified by the hub; `live`: verified, until
 * its lease ends (`expiresAt`); `lapsed`: ended, or never became live (`lastLapseReason` says why).
 */
export type FeedSubscriptionState = 'none' | 'pending' | 'live' | 'lapsed';

/**
 * A feed's WebSub subscription as operators see it: its state, hub and lease, and the latest lapse
 * (kept after a new subscription, so a hub that keeps failing shows). Never its secret.
 */
export interface FeedRowSubscription {
  state: FeedSubscriptionState;
  hub: string | null;
  topic: string | null;
  /** When the latest request (new or renewal) was recorded. */
  requestedAt: string | null;
  /** Whether a renewal of the live subscription waits for the hub. */
  renewing: boolean;
  /** When a live subscription's lease ends (null unless live). */
  expiresAt: string | null;
  lastLapseReason: SubscriptionLapseReason | null;
  lastLapseMessage: string | null;
  lastLapsedAt: string | null;
  /** Signed content distributions recorded (one per content). */
  distributions: number;
  lastDistributionAt: string | null;
}

export const noFeedSubscription: FeedRowSubscription = {
  state: 'none',
  hub: null,
  topic: null,
  requestedAt: null,
  renewing: false,
  expiresAt: null,
  lastLapseReason: null,
  lastLapseMessage: null,
  lastLapsedAt: null,
  distributions: 0,
  lastDistributionAt: null,
};

/**
 * The subscription after one of its events. It means what the write side's subscription means
 * (`evolveSubscription` in `@tally/ingest`): a renewal of the live subscription stays live, a
 * verification or lapse of a subscription never asked for changes nothing.
 */
export function evolveFeedRowSubscription(
  sub: FeedRowSubscription,
  e: StoredFeedSubscriptionEvent,
): FeedRowSubscription {
  switch (e.type) {
    case 'FeedSubscriptionRequested': {
      const d = e.data;
      const renewal = d.renewal && sub.state === 'live' && sub.hub === d.hub && sub.topic === d.topic;
      return {
        ...sub,
        state: renewal ? 'live' : 'pending',
        hub: d.hub,
        topic: d.topic,
        requestedAt: e.recordedAt,
        renewing: renewal,
        expiresAt: renewal ? sub.expiresAt : null,
      };
    }
    case 'FeedSubscribed':
      if (sub.state === 'none') return sub;
      return { ...sub, state: 'live', renewing: false, expiresAt: e.data.expiresAt };
    case 'FeedSubscriptionLapsed':
      if (sub.state === 'none') return sub;
      return {
        ...sub,
        state: 'lapsed',
        renewing: false,
        expiresAt: null,
        lastLapseReason: e.data.reason,
        lastLapseMessage: e.data.message,
        lastLapsedAt: e.recordedAt,
      };
    case 'FeedContentDistributed':
      return { ...sub, distributions: sub.distributions + 1, lastDistributionAt: e.recordedAt };
    default: {
      const unhandled: never = e;
      return unhandled;
    }
  }
}
