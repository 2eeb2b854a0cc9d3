import { makeEvent, type NewEvent } from '@tally/events';
import type { FeedSubscription } from './feedSubscription.ts';

/** What the hub is sent to end a subscription (`hub.mode=unsubscribe`, WebSub §5.1). */
export interface Unsubscription {
  feedId: string;
  hub: string;
  topic: string;
  /** The callback the subscription was asked for: the hub knows the subscription by topic and callback. */
  callback: string;
}

/**
 * Removing a feed whose subscription is live or pending (a renewal waiting included): the
 * subscription lapses (`feed-removed`), recorded with the removal, and the hub is asked to
 * unsubscribe, so it stops sending content for a feed nobody reads. Nothing for a feed that is
 * unknown or removed already (the removal decides nothing either), or whose subscription lapsed.
 * The hub then verifies the unsubscription's intent, which the callback confirms for a removed feed.
 */
export function decideUnsubscribeOnRemoval(
  state: { removed: boolean; subscription: FeedSubscription | null } | null,
  feedId: string,
): { events: NewEvent[]; unsubscribe: Unsubscription | null } {
  const sub = state?.subscription ?? null;
  if (!state || state.removed || !sub || sub.status === 'lapsed') return { events: [], unsubscribe: null };
  const { hub, topic, callback } = sub;
  const message = `the feed was removed while its subscription was ${sub.status}: the hub is asked to unsubscribe`;
  const lapsed = makeEvent('FeedSubscriptionLapsed', { feedId, hub, topic, reason: 'feed-removed', message }, [
    feedId,
    hub,
    topic,
    sub.requestedAt,
    'feed-removed',
  ]);
  return { events: [lapsed], unsubscribe: { feedId, hub, topic, callback } };
}
