import {
  makeEvent,
  type NewEvent,
  type StoredFeedEvent,
  type StoredFeedSubscriptionEvent,
  type SubscriptionLapseReason,
} from '@tally/events';

/**
 * A feed's WebSub subscription as its stream says: asked for (`pending`), verified by the hub
 * (`live` until `expiresAt`; `renewing` while a renewal waits for the hub), or ended (`lapsed`).
 */
export interface FeedSubscription {
  status: 'pending' | 'live' | 'lapsed';
  hub: string;
  topic: string;
  callback: string;
  /** The secret distributions are signed with, sealed; a renewal keeps it. */
  sealedSecret: string;
  leaseSeconds: number;
  /** When the latest request (new or renewal) was recorded. */
  requestedAt: string;
  renewing: boolean;
  expiresAt: string | null;
  lapsedAt: string | null;
  lapseReason: SubscriptionLapseReason | null;
  /** Polls in a row, while live, that found items the hub had not distributed first. */
  missedByHub: number;
}

/** How long a hub has to verify a request before it counts as not verified. */
export const VERIFY_WITHIN_SEC = 15 * 60;
/** After a subscription failed (refused, denied, not verified, a quiet hub), the next is asked no sooner. */
export const RESUBSCRIBE_AFTER_SEC = 24 * 3600;
/** Polls in a row that find items the hub never distributed before the hub counts as quiet. */
export const QUIET_AFTER_MISSED_POLLS = 2;

/** The subscription after one event of the feed's stream (polls count items the hub missed). */
export function evolveSubscription(
  sub: FeedSubscription | null,
  e: StoredFeedEvent | StoredFeedSubscriptionEvent,
): FeedSubscription | null {
  switch (e.type) {
    case 'FeedSubscriptionRequested': {
      const d = e.data;
      const renewal = d.renewal && sub?.status === 'live' && sub.hub === d.hub && sub.topic === d.topic;
      return {
        status: renewal ? 'live' : 'pending',
        hub: d.hub,
        topic: d.topic,
        callback: d.callback,
        sealedSecret: d.sealedSecret,
        leaseSeconds: d.leaseSeconds,
        requestedAt: e.recordedAt,
        renewing: renewal,
        expiresAt: renewal ? sub.expiresAt : null,
        lapsedAt: null,
        lapseReason: null,
        missedByHub: renewal ? sub.missedByHub : 0,
      };
    }
    case 'FeedSubscribed':
      if (!sub) return sub;
      return {
        ...sub,
        status: 'live',
        renewing: false,
        leaseSeconds: e.data.leaseSeconds,
        expiresAt: e.data.expiresAt,
      };
    case 'FeedSubscriptionLapsed':
      if (!sub) return sub;
      return {
        ...sub,
        status: 'lapsed',
        renewing: false,
        expiresAt: null,
        lapsedAt: e.recordedAt,
        lapseReason: e.data.reason,
      };
    case 'FeedContentDistributed':
      return sub && e.data.newItemCount > 0 ? { ...sub, missedByHub: 0 } : sub;
    case 'FeedPolled':
      return sub?.status === 'live' && e.data.newItemCount > 0 ? { ...sub, missedByHub: sub.missedByHub + 1 } : sub;
    default:
      return sub;
  }
}

/** Whether the subscription is live at `now`: distributions are taken, polling slows down. */
export function subscriptionLive(sub: FeedSubscription | null, now: Date): boolean {
  return sub?.status === 'live' && sub.expiresAt !== null && Date.parse(sub.expiresAt) > now.getTime();
}

function lapsed(feedId: string, sub: FeedSubscription, reason: SubscriptionLapseReason, message: string): NewEvent {
  return makeEvent(
    'FeedSubscriptionLapsed',
    { feedId, hub: sub.hub, topic: sub.topic, reason, message: message.slice(0, 2000) },
    [feedId, sub.hub, sub.topic, sub.requestedAt, reason],
  );
}

const ageSec = (at: string, now: Date) => (now.getTime() - Date.parse(at)) / 1000;

/** What a poll saw of the feed's WebSub links, and when. */
export interface HubsSeen {
  feedId: string;
  hubs: readonly string[];
  /** The feed's own URL (its `self` link, else the URL polled). */
  topic: string;
  now: Date;
}

/** A subscription to ask for: a new one, or a renewal of the live one (same hub, topic and secret). */
export interface SubscriptionDue {
  hub: string;
  topic: string;
  renewal: boolean;
}

/**
 * After a poll: what the feed's subscription comes to, given the hubs the feed names now. Lapses a
 * subscription whose hub or topic the feed no longer names (`hub-changed`), whose lease ran out
 * (`lease-expired`), that the hub never verified (`verification-timeout`), or whose hub missed the
 * feed's items poll after poll (`hub-quiet`); says when to ask for one (none yet, the last lapsed
 * long enough ago, or only by its lease, a changed hub or the feed's removal) or to renew the live one (half its lease gone).
 */
export function decideHubsSeen(
  state: { removed: boolean; paused: boolean; subscription: FeedSubscription | null } | null,
  seen: HubsSeen,
): { events: NewEvent[]; subscribe: SubscriptionDue | null } {
  if (!state || state.removed || state.paused) return { events: [], subscribe: null };
  const { feedId, hubs, topic, now } = seen;
  const events: NewEvent[] = [];
  const sub = state.subscription;
  let lapse: { reason: SubscriptionLapseReason; message: string } | null = null;
  if (sub && sub.status !== 'lapsed') {
    if (!hubs.includes(sub.hub) || sub.topic !== topic) {
      const names = hubs.length ? `the feed names ${hubs[0]} for ${topic} now` : 'the feed names no hub now';
      lapse = { reason: 'hub-changed', message: names };
    } else if (sub.status === 'pending' && ageSec(sub.requestedAt, now) > VERIFY_WITHIN_SEC) {
      lapse = { reason: 'verification-timeout', message: `not verified within ${VERIFY_WITHIN_SEC} s` };
    } else if (sub.status === 'live' && !subscriptionLive(sub, now)) {
      lapse = { reason: 'lease-expired', message: `the lease ended at ${sub.expiresAt}` };
    } else if (sub.status === 'live' && sub.missedByHub >= QUIET_AFTER_MISSED_POLLS) {
      const message = `${sub.missedByHub} polls in a row found items the hub had not distributed`;
      lapse = { reason: 'hub-quiet', message };
    }
  }
  let current: FeedSubscription | null = sub;
  if (sub && lapse) {
    events.push(lapsed(feedId, sub, lapse.reason, lapse.message));
    current = { ...sub, status: 'lapsed', lapseReason: lapse.reason, lapsedAt: now.toISOString(), renewing: false };
  }
  const hub = hubs[0];
  if (hub === undefined) return { events, subscribe: null };
  if (current === null) return { events, subscribe: { hub, topic, renewal: false } };
  if (current.status === 'pending') return { events, subscribe: null };
  if (current.status === 'live') {
    const left = (Date.parse(current.expiresAt!) - now.getTime()) / 1000;
    const due = left < current.leaseSeconds / 2;
    // A renewal the hub has not answered yet is asked again only once it should have been.
    const waiting = current.renewing && ageSec(current.requestedAt, now) <= VERIFY_WITHIN_SEC;
    return { events, subscribe: due && !waiting ? { hub, topic, renewal: true } : null };
  }
  const again =
    current.lapseReason === 'lease-expired' ||
    current.lapseReason === 'hub-changed' ||
    // A feed registered again after its removal subscribes again at once.
    current.lapseReason === 'feed-removed' ||
    ageSec(current.lapsedAt ?? current.requestedAt, now) > RESUBSCRIBE_AFTER_SEC;
  return { events, subscribe: again ? { hub, topic, renewal: false } : null };
}

/** Asking a hub for a subscription: the request, recorded before it is sent. */
export interface RequestSubscription extends SubscriptionDue {
  feedId: string;
  callback: string;
  /** A fresh secret for a new subscription, sealed; a renewal passes the live one's. */
  sealedSecret: string;
  leaseSeconds: number;
  now: Date;
}

export function decideRequestSubscription(c: RequestSubscription): NewEvent[] {
  const { feedId, hub, topic, callback, sealedSecret, leaseSeconds, renewal } = c;
  return [
    makeEvent('FeedSubscriptionRequested', { feedId, hub, topic, callback, sealedSecret, leaseSeconds, renewal }, [
      feedId,
      hub,
      topic,
      c.now.toISOString(),
    ]),
  ];
}

/**
 * The hub's answer to the request: a new subscription it refused, or that never reached it, has
 * lapsed; a renewal that failed leaves the live subscription as it is (it is asked again later).
 */
export function decideSubscriptionAnswer(
  sub: FeedSubscription | null,
  feedId: string,
  answer: { ok: true } | { ok: false; reason: 'hub-refused' | 'hub-unreachable'; message: string },
): NewEvent[] {
  if (answer.ok || sub?.status !== 'pending') return [];
  return [lapsed(feedId, sub, answer.reason, answer.message)];
}
