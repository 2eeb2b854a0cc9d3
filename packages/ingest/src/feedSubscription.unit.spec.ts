import { createHmac } from 'node:crypto';
import { makeEvent } from '@tally/events';
import { describe, expect, it } from 'vitest';
import { decideHubsSeen, decideRequestSubscription, decideSubscriptionAnswer } from './feedSubscription.ts';
import {
  decideDistribution,
  decideIntentVerification,
  distributingSubscription,
  verifyHubSignature,
} from './hubCallbacks.ts';
import { decidePoll, type Observation } from './pollDecision.ts';
import { decideRegisterFeed, registerFeedCommand } from './registration.ts';
import { GIVEN_EPOCH_MS, givenFeed } from './testing/index.ts';

const command = registerFeedCommand({ url: 'https://news.example/feed.xml' }, 'cli');
const { feedId } = command;
const registered = decideRegisterFeed(null, command);
const hub = 'https://hub.example/';
const topic = 'https://news.example/feed.xml';
const lease = 86_400;
/** Event i of a given stream is recorded i minutes after the epoch. */
const at = (minutes: number) => new Date(GIVEN_EPOCH_MS + minutes * 60_000);
const requested = (renewal = false) =>
  decideRequestSubscription({
    feedId,
    hub,
    topic,
    callback: `https://tally.example/websub/${feedId}`,
    sealedSecret: 'v1.sealed',
    leaseSeconds: lease,
    renewal,
    now: at(renewal ? 2 : 1),
  });
const verified = (minutes: number) =>
  decideIntentVerification(givenState(registered, requested()), {
    feedId,
    mode: 'subscribe',
    topic,
    leaseSeconds: lease,
    reason: null,
    now: at(minutes),
  }).events;
const polledWithNew = (slot: string, newItemCount: number) =>
  makeEvent(
    'FeedPolled',
    {
      feedId,
      url: topic,
      slot,
      httpStatus: 200,
      notModified: false,
      feedTitle: null,
      itemCount: 5,
      newItemCount,
      etag: null,
      lastModified: null,
      nextCheckAt: '2024-05-03T13:00:00.000Z',
      durationMs: 5,
    },
    [feedId, slot],
  );

/** The state the given events fold to (for decides that take more than the state). */
function givenState(...events: Parameters<typeof givenFeed>) {
  let state: unknown;
  givenFeed(...events)
    .when((s) => s)
    .then((s) => {
      state = s;
    });
  return state as NonNullable<Parameters<typeof decideHubsSeen>[0]>;
}

describe('subscribing where a feed names a hub', () => {
  it('asks the first hub the feed names for its topic, and nothing of a feed that names none', () => {
    givenFeed(registered)
      .when((s) => decideHubsSeen(s, { feedId, hubs: [hub, 'https://hub2.example/'], topic, now: at(1) }))
      .then((r) => expect(r).toEqual({ events: [], subscribe: { hub, topic, renewal: false } }));
    givenFeed(registered)
      .when((s) => decideHubsSeen(s, { feedId, hubs: [], topic, now: at(1) }))
      .then((r) => expect(r).toEqual({ events: [], subscribe: null }));
  });

  it('asks nothing more while a request waits for the hub', () => {
    givenFeed(registered, requested())
      .when((s) => decideHubsSeen(s, { feedId, hubs: [hub], topic, now: at(5) }))
      .then((r) => expect(r).toEqual({ events: [], subscribe: null }));
  });

  it('confirms the hub’s verification only for the pending subscription of that topic, once', () => {
    givenFeed(registered, requested())
      .when((s) =>
        decideIntentVerification(s, { feedId, mode: 'subscribe', topic, leaseSeconds: 3600, reason: null, now: at(3) }),
      )
      .then((r) => {
        expect(r.confirm).toBe(true);
        expect(r.events).toMatchObject([
          { type: 'FeedSubscribed', data: { hub, topic, leaseSeconds: 3600, expiresAt: at(63).toISOString() } },
        ]);
        expect(r.events[0]!.id).toBe(verified(9)[0]!.id);
      });
    givenFeed(registered, requested())
      .when((s) =>
        decideIntentVerification(s, {
          feedId,
          mode: 'subscribe',
          topic: 'https://elsewhere.example/feed',
          leaseSeconds: null,
          reason: null,
          now: at(3),
        }),
      )
      .then((r) => expect(r).toEqual({ confirm: false, events: [] }));
    givenFeed(registered)
      .when((s) =>
        decideIntentVerification(s, { feedId, mode: 'subscribe', topic, leaseSeconds: null, reason: null, now: at(3) }),
      )
      .then((r) => expect(r).toEqual({ confirm: false, events: [] }));
  });

  it('lapses a new subscription the hub refused; a refused renewal leaves the live one be', () => {
    givenFeed(registered, requested())
      .when((s) =>
        decideSubscriptionAnswer(s!.subscription, feedId, { ok: false, reason: 'hub-refused', message: '400' }),
      )
      .then((events) =>
        expect(events).toMatchObject([{ type: 'FeedSubscriptionLapsed', data: { reason: 'hub-refused' } }]),
      );
    givenFeed(registered, requested(), verified(2), requested(true))
      .when((s) =>
        decideSubscriptionAnswer(s!.subscription, feedId, { ok: false, reason: 'hub-refused', message: '400' }),
      )
      .then((events) => expect(events).toEqual([]));
  });

  it('lapses a subscription the hub denies', () => {
    givenFeed(registered, requested(), verified(2))
      .when((s) =>
        decideIntentVerification(s, { feedId, mode: 'denied', topic, leaseSeconds: null, reason: 'spam', now: at(9) }),
      )
      .then((r) =>
        expect(r.events).toMatchObject([
          {
            type: 'FeedSubscriptionLapsed',
            data: { reason: 'hub-denied', message: 'the hub denied the subscription: spam' },
          },
        ]),
      );
  });
});

describe('leases', () => {
  it('renews a live subscription once half its lease is gone, with the same hub and topic', () => {
    givenFeed(registered, requested(), verified(2))
      .when((s) => decideHubsSeen(s, { feedId, hubs: [hub], topic, now: at(60 * 6) }))
      .then((r) => expect(r).toEqual({ events: [], subscribe: null }));
    givenFeed(registered, requested(), verified(2))
      .when((s) => decideHubsSeen(s, { feedId, hubs: [hub], topic, now: at(60 * 13) }))
      .then((r) => expect(r).toEqual({ events: [], subscribe: { hub, topic, renewal: true } }));
  });

  it('keeps a renewed subscription live while the hub verifies the renewal', () => {
    givenFeed(registered, requested(), verified(2), requested(true))
      .when((s) => s!.subscription)
      .then((sub) => expect(sub).toMatchObject({ status: 'live', renewing: true }));
  });

  it('lapses a lease that ran out, and asks again at once', () => {
    givenFeed(registered, requested(), verified(2))
      .when((s) => decideHubsSeen(s, { feedId, hubs: [hub], topic, now: at(60 * 25) }))
      .then((r) => {
        expect(r.events).toMatchObject([{ type: 'FeedSubscriptionLapsed', data: { reason: 'lease-expired' } }]);
        expect(r.subscribe).toEqual({ hub, topic, renewal: false });
      });
  });

  it('lapses a request the hub never verified, and asks again only a day later', () => {
    givenFeed(registered, requested())
      .when((s) => decideHubsSeen(s, { feedId, hubs: [hub], topic, now: at(30) }))
      .then((r) => {
        expect(r.events).toMatchObject([{ type: 'FeedSubscriptionLapsed', data: { reason: 'verification-timeout' } }]);
        expect(r.subscribe).toBeNull();
      });
    const timedOut = decideHubsSeen(givenState(registered, requested()), { feedId, hubs: [hub], topic, now: at(30) });
    givenFeed(registered, requested(), timedOut.events)
      .when((s) => decideHubsSeen(s, { feedId, hubs: [hub], topic, now: at(60 * 25) }))
      .then((r) => expect(r).toEqual({ events: [], subscribe: { hub, topic, renewal: false } }));
  });
});

describe('when the hub goes quiet or moves', () => {
  it('lapses a live subscription after polls in a row found items the hub had not distributed', () => {
    givenFeed(registered, requested(), verified(2), polledWithNew('s1', 2))
      .when((s) => decideHubsSeen(s, { feedId, hubs: [hub], topic, now: at(60) }))
      .then((r) => expect(r.events).toEqual([]));
    givenFeed(registered, requested(), verified(2), polledWithNew('s1', 2), polledWithNew('s2', 1))
      .when((s) => decideHubsSeen(s, { feedId, hubs: [hub], topic, now: at(60) }))
      .then((r) => {
        expect(r.events).toMatchObject([{ type: 'FeedSubscriptionLapsed', data: { reason: 'hub-quiet' } }]);
        expect(r.subscribe).toBeNull();
      });
  });

  it('lapses a subscription whose hub the feed no longer names, and subscribes to the new one', () => {
    givenFeed(registered, requested(), verified(2))
      .when((s) => decideHubsSeen(s, { feedId, hubs: ['https://newhub.example/'], topic, now: at(60) }))
      .then((r) => {
        expect(r.events).toMatchObject([{ type: 'FeedSubscriptionLapsed', data: { reason: 'hub-changed' } }]);
        expect(r.subscribe).toEqual({ hub: 'https://newhub.example/', topic, renewal: false });
      });
  });
});

describe('content distributions', () => {
  const body = Buffer.from('<rss/>');
  const secret = 's3cret-of-the-subscription';
  const sign = (method: string) => `${method}=${createHmac(method, secret).update(body).digest('hex')}`;

  it('checks X-Hub-Signature as sha256 or sha1 HMAC of the raw body, with reason codes', () => {
    expect(verifyHubSignature(sign('sha256'), body, secret)).toEqual({ ok: true, method: 'sha256' });
    expect(verifyHubSignature(sign('sha1'), body, secret)).toEqual({ ok: true, method: 'sha1' });
    expect(verifyHubSignature(sign('sha256'), Buffer.from('<rss />'), secret)).toEqual({
      ok: false,
      reason: 'signature-mismatch',
    });
    expect(verifyHubSignature(undefined, body, secret)).toEqual({ ok: false, reason: 'signature-missing' });
    expect(verifyHubSignature('sha256=abc', body, secret)).toEqual({ ok: false, reason: 'signature-malformed' });
    expect(verifyHubSignature(`md5=${'0'.repeat(32)}`, body, secret)).toEqual({
      ok: false,
      reason: 'signature-unsupported',
    });
  });

  it('takes distributions only of a live subscription, one event per content', () => {
    givenFeed(registered, requested())
      .when((s) => distributingSubscription(s, at(3)))
      .then((sub) => expect(sub).toBeNull());
    givenFeed(registered, requested(), verified(2))
      .when((s) => distributingSubscription(s, at(3)))
      .then((sub) => {
        expect(sub).toMatchObject({ hub, topic });
        const d = {
          feedId,
          contentHash: 'h1',
          signature: 'sha256' as const,
          itemCount: 3,
          newItemCount: 1,
          skippedItems: 0,
        };
        const [first] = decideDistribution(sub!, d);
        expect(first).toMatchObject({ type: 'FeedContentDistributed', data: { hub, newItemCount: 1 } });
        expect(decideDistribution(sub!, { ...d, newItemCount: 0 })[0]!.id).toBe(first!.id);
      });
  });
});

describe('polling while subscribed', () => {
  const observation: Observation = {
    kind: 'not-modified',
    res: {
      status: 304,
      etag: null,
      lastModified: null,
      cacheMaxAgeSec: null,
      expiresAt: null,
      permanentRedirectTo: null,
      redirects: [],
    },
  };
  const poll = (now: Date) => ({
    slot: 's9',
    polledUrl: topic,
    observation,
    bounds: { minIntervalSec: 300, maxIntervalSec: 86_400, maxBackoffSec: 86_400, subscribedMinIntervalSec: 3600 },
    now,
    random: 0.5,
    durationMs: 3,
  });
  const interval = (r: ReturnType<typeof decidePoll>, now: Date) =>
    (Date.parse(r.outcome.nextCheckAt!) - now.getTime()) / 1000;

  // With nothing else to go on, the schedule polls at four times the least interval.
  it('raises the least interval while the subscription is live, and polls as before once lapsed', () => {
    givenFeed(registered, requested(), verified(2))
      .when((s) => decidePoll(s!, poll(at(10))))
      .then((r) => expect(interval(r, at(10))).toBe(4 * 3600));
    givenFeed(registered)
      .when((s) => decidePoll(s!, poll(at(10))))
      .then((r) => expect(interval(r, at(10))).toBe(1200));
    givenFeed(registered, requested(), verified(2))
      .when((s) => decidePoll(s!, poll(at(60 * 25))))
      .then((r) => expect(interval(r, at(60 * 25))).toBe(1200));
  });
});
