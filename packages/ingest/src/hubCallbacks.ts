import { createHmac, timingSafeEqual } from 'node:crypto';
import { type HubSignatureMethod, makeEvent, type NewEvent } from '@tally/events';
import { type FeedSubscription, subscriptionLive } from './feedSubscription.ts';

/** The hub's verification of intent (WebSub §5.3), its query read and checked at the edge. */
export interface IntentVerification {
  feedId: string;
  mode: 'subscribe' | 'unsubscribe' | 'denied';
  topic: string;
  /** `hub.lease_seconds`: the lease the hub grants (subscribe only; the one asked for when absent). */
  leaseSeconds: number | null;
  /** `hub.reason` of a denial. */
  reason: string | null;
  now: Date;
}

/**
 * Whether to confirm the hub's verification (answer its challenge) and what it records. A
 * subscription is confirmed only while one for that topic is pending (or being renewed): anyone
 * can send this GET, so nothing else is. An unsubscription is confirmed when the feed wants none
 * (removed, no subscription live for that topic); a denial lapses the subscription it names.
 */
export function decideIntentVerification(
  state: { removed: boolean; subscription: FeedSubscription | null } | null,
  v: IntentVerification,
): { confirm: boolean; events: NewEvent[] } {
  const sub = state?.subscription ?? null;
  const ours = sub !== null && sub.topic === v.topic;
  if (v.mode === 'unsubscribe') {
    const wanted = state !== null && !state.removed && ours && sub.status !== 'lapsed';
    return { confirm: state !== null && !wanted, events: [] };
  }
  if (!ours || !state || state.removed) return { confirm: false, events: [] };
  const waiting = sub.status === 'pending' || (sub.status === 'live' && sub.renewing);
  if (v.mode === 'denied') {
    if (sub.status === 'lapsed') return { confirm: true, events: [] };
    const message = `the hub denied the subscription${v.reason ? `: ${v.reason}` : ''}`;
    const event = makeEvent(
      'FeedSubscriptionLapsed',
      { feedId: v.feedId, hub: sub.hub, topic: sub.topic, reason: 'hub-denied', message: message.slice(0, 2000) },
      [v.feedId, sub.hub, sub.topic, sub.requestedAt, 'hub-denied'],
    );
    return { confirm: true, events: [event] };
  }
  if (!waiting) return { confirm: false, events: [] };
  const leaseSeconds = v.leaseSeconds ?? sub.leaseSeconds;
  const expiresAt = new Date(v.now.getTime() + leaseSeconds * 1000).toISOString();
  const event = makeEvent(
    'FeedSubscribed',
    { feedId: v.feedId, hub: sub.hub, topic: sub.topic, leaseSeconds, expiresAt },
    // One per request: the hub verifying the same request twice records it once.
    [v.feedId, sub.hub, sub.topic, sub.requestedAt],
  );
  return { confirm: true, events: [event] };
}

/** Why a content distribution was refused; nothing of it is recorded. */
export type DistributionRefusal =
  | 'no-subscription'
  | 'signature-missing'
  | 'signature-malformed'
  | 'signature-unsupported'
  | 'signature-mismatch';

const HEX_LENGTH: Record<HubSignatureMethod, number> = { sha1: 40, sha256: 64, sha384: 96, sha512: 128 };

/**
 * Checks `X-Hub-Signature: <method>=<hex>` (WebSub §8: sha1, sha256, sha384 or sha512) as the HMAC of
 * the raw body under the subscription's secret, compared in constant time.
 */
export function verifyHubSignature(
  header: string | undefined,
  body: Uint8Array,
  secret: string,
): { ok: true; method: HubSignatureMethod } | { ok: false; reason: DistributionRefusal } {
  if (!header?.trim()) return { ok: false, reason: 'signature-missing' };
  const m = /^\s*([a-z0-9]+)=([0-9a-f]+)\s*$/i.exec(header);
  if (!m) return { ok: false, reason: 'signature-malformed' };
  const method = m[1]!.toLowerCase();
  if (!(method in HEX_LENGTH)) return { ok: false, reason: 'signature-unsupported' };
  const hex = m[2]!.toLowerCase();
  if (hex.length !== HEX_LENGTH[method as HubSignatureMethod]) return { ok: false, reason: 'signature-malformed' };
  const expected = createHmac(method, secret).update(body).digest();
  return timingSafeEqual(Buffer.from(hex, 'hex'), expected)
    ? { ok: true, method: method as HubSignatureMethod }
    : { ok: false, reason: 'signature-mismatch' };
}

/** The subscription a distribution may come from: the live one (a lapsed or pending one takes none). */
export function distributingSubscription(
  state: { removed: boolean; subscription: FeedSubscription | null } | null,
  now: Date,
): FeedSubscription | null {
  if (!state || state.removed) return null;
  return subscriptionLive(state.subscription, now) ? state.subscription : null;
}

/** A checked distribution whose items were recorded: the event that says so, one per content. */
export function decideDistribution(
  sub: FeedSubscription,
  d: {
    feedId: string;
    contentHash: string;
    signature: HubSignatureMethod;
    itemCount: number;
    newItemCount: number;
    skippedItems: number;
  },
): NewEvent[] {
  return [makeEvent('FeedContentDistributed', { ...d, hub: sub.hub, topic: sub.topic }, [d.feedId, d.contentHash])];
}
