import { streams } from '@tally/events';
import { describe, expect, it } from 'vitest';
import type { FeedRow } from './feeds.ts';
import { given, LOG_EPOCH_MS, type LogBuilder } from './testing/index.ts';

const feedUrl = 'https://quay.example/feed.xml';
const hub = 'https://hub.example/';
const stream = streams.feed('f1');
const registered = (log: LogBuilder) => log.feedRegistered('f1', feedUrl, 'Quay');
const requested = (log: LogBuilder, renewal = false) =>
  log.push(stream, 'FeedSubscriptionRequested', {
    feedId: 'f1',
    hub,
    topic: feedUrl,
    callback: 'https://tally.example/websub/f1',
    sealedSecret: 'v1.sealed-secret',
    leaseSeconds: 86_400,
    renewal,
  });
const expiresAt = '2024-01-02T00:00:00.000Z';
const subscribed = (log: LogBuilder, at = expiresAt) =>
  log.push(stream, 'FeedSubscribed', { feedId: 'f1', hub, topic: feedUrl, leaseSeconds: 86_400, expiresAt: at });
const lapsed = (log: LogBuilder, reason: 'hub-quiet' | 'feed-removed') =>
  log.push(stream, 'FeedSubscriptionLapsed', {
    feedId: 'f1',
    hub,
    topic: feedUrl,
    reason,
    message: `lapsed: ${reason}`,
  });
const distributed = (log: LogBuilder, contentHash: string) =>
  log.push(stream, 'FeedContentDistributed', {
    feedId: 'f1',
    hub,
    topic: feedUrl,
    contentHash,
    signature: 'sha256',
    itemCount: 3,
    newItemCount: 1,
    skippedItems: 0,
  });
const feed = (p: import('./applyEvents.ts').InMemoryProjections) => p.row<FeedRow>('feeds', 'f1')!;
const at = (position: number) => new Date(LOG_EPOCH_MS + position * 1000).toISOString();

describe('feeds: the WebSub subscription', () => {
  it('shows none for a feed that never asked a hub', () => {
    given(registered)
      .when((log) => log.feedPolled('f1', { url: feedUrl, slot: at(2), nextCheckAt: at(100) }))
      .then((p) => expect(feed(p).subscription).toMatchObject({ state: 'none', hub: null, expiresAt: null }));
  });

  it('shows a request as pending, the hub’s verification as live with its lease, never the secret', () => {
    given(registered)
      .when((log) => requested(log))
      .then((p) =>
        expect(feed(p).subscription).toMatchObject({ state: 'pending', hub, topic: feedUrl, requestedAt: at(2) }),
      );
    given((log) => requested(registered(log)))
      .when((log) => subscribed(log))
      .then((p) => {
        expect(feed(p).subscription).toMatchObject({ state: 'live', hub, expiresAt, lastLapseReason: null });
        expect(JSON.stringify(feed(p))).not.toContain('sealed-secret');
        // The subscription leaves the feed’s health as it was.
        expect(feed(p).health).toBe('new');
      });
  });

  it('keeps a renewed subscription live with its lease until the hub verifies the renewal', () => {
    given((log) => subscribed(requested(registered(log))))
      .when((log) => requested(log, true))
      .then((p) => expect(feed(p).subscription).toMatchObject({ state: 'live', renewing: true, expiresAt }));
    given((log) => requested(subscribed(requested(registered(log))), true))
      .when((log) => subscribed(log, '2024-01-03T00:00:00.000Z'))
      .then((p) =>
        expect(feed(p).subscription).toMatchObject({
          state: 'live',
          renewing: false,
          expiresAt: '2024-01-03T00:00:00.000Z',
        }),
      );
  });

  it('shows a lapse with its reason, and keeps the reason after the next subscription goes live', () => {
    given((log) => subscribed(requested(registered(log))))
      .when((log) => lapsed(log, 'hub-quiet'))
      .then((p) =>
        expect(feed(p).subscription).toMatchObject({
          state: 'lapsed',
          expiresAt: null,
          lastLapseReason: 'hub-quiet',
          lastLapseMessage: 'lapsed: hub-quiet',
          lastLapsedAt: at(4),
        }),
      );
    given((log) => lapsed(subscribed(requested(registered(log))), 'hub-quiet'))
      .when((log) => subscribed(requested(log)))
      .then((p) => expect(feed(p).subscription).toMatchObject({ state: 'live', lastLapseReason: 'hub-quiet' }));
  });

  it('lapses the subscription of a removed feed with the removal', () => {
    given((log) => subscribed(requested(registered(log))))
      .when((log) => lapsed(log.feedRemoved('f1', 'gone'), 'feed-removed'))
      .then((p) => {
        expect(feed(p)).toMatchObject({ health: 'removed', removedReason: 'gone' });
        expect(feed(p).subscription).toMatchObject({ state: 'lapsed', lastLapseReason: 'feed-removed' });
      });
  });

  it('counts the distributions recorded, and the latest one’s time', () => {
    given((log) => subscribed(requested(registered(log))))
      .when((log) => distributed(distributed(log, 'aa'), 'bb'))
      .then((p) => expect(feed(p).subscription).toMatchObject({ distributions: 2, lastDistributionAt: at(5) }));
  });
});
