import type { StoredEvent, TallyEvent } from './envelope.ts';

/** The subscription events of a feed's stream. */
export const feedSubscriptionEventTypes = [
  'FeedSubscriptionRequested',
  'FeedSubscribed',
  'FeedSubscriptionLapsed',
  'FeedContentDistributed',
] as const;
export type FeedSubscriptionEventType = (typeof feedSubscriptionEventTypes)[number];
export type FeedSubscriptionEvent = Extract<TallyEvent, { type: FeedSubscriptionEventType }>;
export type StoredFeedSubscriptionEvent = Extract<StoredEvent, { type: FeedSubscriptionEventType }>;

/** Whether an event is one of a feed's subscription events. */
export function isFeedSubscriptionEvent(e: StoredEvent): e is StoredFeedSubscriptionEvent {
  return (feedSubscriptionEventTypes as readonly string[]).includes(e.type);
}
