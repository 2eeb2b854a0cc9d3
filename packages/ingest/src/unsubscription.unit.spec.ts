import { describe, expect, it } from 'vitest';
import { decideHubsSeen, decideRequestSubscription, decideSubscriptionAnswer } from './feedSubscription.ts';
import { decideIntentVerification } from './hubCallbacks.ts';
import { decideRegisterFeed, decideRemoveFeed, registerFeedCommand } from './registration.ts';
import { GIVEN_EPOCH_MS, givenFeed } from './testing/index.ts';
import { decideUnsubscribeOnRemoval } from './unsubscription.ts';

const command = registerFeedCommand({ url: 'https://quay.example/feed.xml' }, 'api');
const { feedId } = command;
const registered = decideRegisterFeed(null, command);
const hub = 'https://hub.example/';
const topic = 'https://quay.example/feed.xml';
const callback = `https://tally.example/websub/${feedId}`;
const at = (minutes: number) => new Date(GIVEN_EPOCH_MS + minutes * 60_000);
const requested = decideRequestSubscription({
  feedId,
  hub,
  topic,
  callback,
  sealedSecret: 'v1.sealed',
  leaseSeconds: 86_400,
  renewal: false,
  now: at(1),
});
const verification = { feedId, topic, leaseSeconds: 86_400, reason: null, now: at(2) };
let verified: ReturnType<typeof decideIntentVerification>['events'] = [];
givenFeed(registered, requested)
  .when((s) => decideIntentVerification(s, { ...verification, mode: 'subscribe' }))
  .then((r) => {
    verified = r.events;
  });
let removed: ReturnType<typeof decideRemoveFeed> = [];
givenFeed(registered)
  .when((s) => decideRemoveFeed(s, { feedId, reason: 'removed by the operator' }))
  .then((events) => {
    removed = events;
  });

describe('unsubscribing when a feed is removed', () => {
  it('lapses a live subscription with the removal and asks its hub to unsubscribe', () => {
    givenFeed(registered, requested, verified)
      .when((s) => decideUnsubscribeOnRemoval(s, feedId))
      .then((r) => {
        expect(r.unsubscribe).toEqual({ feedId, hub, topic, callback });
        expect(r.events).toMatchObject([
          { type: 'FeedSubscriptionLapsed', data: { feedId, hub, topic, reason: 'feed-removed' } },
        ]);
      });
  });

  it('asks the hub of a pending subscription too: it may verify the request still', () => {
    givenFeed(registered, requested)
      .when((s) => decideUnsubscribeOnRemoval(s, feedId))
      .then((r) => expect(r.unsubscribe).toEqual({ feedId, hub, topic, callback }));
  });

  it('asks nothing for a feed without a subscription, a lapsed one, or a feed removed already', () => {
    givenFeed(registered)
      .when((s) => decideUnsubscribeOnRemoval(s, feedId))
      .then((r) => expect(r).toEqual({ events: [], unsubscribe: null }));
    givenFeed(registered, requested)
      .when((s) =>
        decideSubscriptionAnswer(s!.subscription, feedId, { ok: false, reason: 'hub-unreachable', message: 'refused' }),
      )
      .then((lapsed) =>
        givenFeed(registered, requested, lapsed)
          .when((s) => decideUnsubscribeOnRemoval(s, feedId))
          .then((r) => expect(r).toEqual({ events: [], unsubscribe: null })),
      );
    givenFeed(registered, requested, verified, removed)
      .when((s) => decideUnsubscribeOnRemoval(s, feedId))
      .then((r) => expect(r).toEqual({ events: [], unsubscribe: null }));
    givenFeed()
      .when((s) => decideUnsubscribeOnRemoval(s, feedId))
      .then((r) => expect(r).toEqual({ events: [], unsubscribe: null }));
  });

  it('confirms the hub’s verification of the unsubscription once the feed is removed', () => {
    givenFeed(registered, requested, verified, removed)
      .when((s) => decideIntentVerification(s, { ...verification, mode: 'unsubscribe', now: at(5) }))
      .then((r) => expect(r).toEqual({ confirm: true, events: [] }));
    // While the feed is registered and subscribed, an unsubscription nobody asked for is refused.
    givenFeed(registered, requested, verified)
      .when((s) => decideIntentVerification(s, { ...verification, mode: 'unsubscribe', now: at(5) }))
      .then((r) => expect(r.confirm).toBe(false));
  });

  it('subscribes again at once when the removed feed is registered again', () => {
    let lapse: ReturnType<typeof decideUnsubscribeOnRemoval>['events'] = [];
    givenFeed(registered, requested, verified)
      .when((s) => decideUnsubscribeOnRemoval(s, feedId))
      .then((r) => {
        lapse = r.events;
      });
    let again: ReturnType<typeof decideRegisterFeed> = [];
    givenFeed(registered, requested, verified, removed, lapse)
      .when((s) => decideRegisterFeed(s, command))
      .then((events) => {
        again = events;
      });
    givenFeed(registered, requested, verified, removed, lapse, again)
      .when((s) => decideHubsSeen(s, { feedId, hubs: [hub], topic, now: at(10) }))
      .then((r) => expect(r).toEqual({ events: [], subscribe: { hub, topic, renewal: false } }));
  });
});
