import { describe, expect, it } from 'vitest';
import type { FeedRow } from './feeds.ts';
import { given, type LogBuilder } from './testing/index.ts';

const feedUrl = 'https://a.example/feed.xml';
const registered = (log: LogBuilder) => log.feedRegistered('f1', feedUrl, 'A Feed');
const poll = (slot: string) => ({
  url: feedUrl,
  slot,
  nextCheckAt: `${slot.slice(0, 11)}23:00:00.000Z`,
  newItemCount: 2,
});
const fail = (slot: string, consecutiveErrors: number) => ({
  url: feedUrl,
  slot,
  nextCheckAt: `${slot.slice(0, 11)}23:30:00.000Z`,
  reason: 'http-5xx' as const,
  consecutiveErrors,
  httpStatus: 503,
});
const feed = (p: import('./applyEvents.ts').InMemoryProjections) => p.row<FeedRow>('feeds', 'f1')!;

describe('feeds: registration and health', () => {
  it('shows a registered feed that was never polled as new', () => {
    given()
      .when(registered)
      .then((p) =>
        expect(feed(p)).toMatchObject({ health: 'new', url: feedUrl, title: 'A Feed', polls: 0, source: 'config' }),
      );
  });

  it('counts consecutive errors with the last reason and next poll, and a success resets them', () => {
    given(registered)
      .when((log) =>
        log
          .feedPollFailed('f1', fail('2024-01-01T10:00:00.000Z', 1))
          .feedPollFailed('f1', fail('2024-01-01T11:00:00.000Z', 2)),
      )
      .then((p) =>
        expect(feed(p)).toMatchObject({
          health: 'failing',
          consecutiveErrors: 2,
          lastReason: 'http-5xx',
          lastHttpStatus: 503,
          nextPollAt: '2024-01-01T23:30:00.000Z',
          failures: 2,
          lastSuccessAt: null,
        }),
      );
    given((log) => registered(log).feedPollFailed('f1', fail('2024-01-01T10:00:00.000Z', 1)))
      .when((log) => log.feedPolled('f1', poll('2024-01-01T12:00:00.000Z')))
      .then((p) => {
        expect(feed(p)).toMatchObject({ health: 'ok', consecutiveErrors: 0, polls: 2, failures: 1, newItems: 2 });
        expect(feed(p).lastSuccessAt).toBe(feed(p).lastPollAt);
        expect(feed(p).nextPollAt).toBe('2024-01-01T23:00:00.000Z');
      });
  });

  it('follows a permanent redirect and keeps the registered URL', () => {
    given(registered)
      .when((log) => log.feedUrlChanged('f1', feedUrl, 'https://b.example/rss'))
      .then((p) => {
        expect(feed(p)).toMatchObject({ url: 'https://b.example/rss', registeredUrl: feedUrl });
        expect(feed(p).urlChanges).toMatchObject([{ from: feedUrl, to: 'https://b.example/rss', httpStatus: 301 }]);
      });
  });

  it('marks a removed feed and brings it back when registered again', () => {
    given(registered)
      .when((log) => log.feedRemoved('f1', 'gone'))
      .then((p) => expect(feed(p)).toMatchObject({ health: 'removed', removed: true, removedReason: 'gone' }));
    given((log) => registered(log).feedRemoved('f1', 'gone'))
      .when(registered)
      .then((p) => expect(feed(p)).toMatchObject({ removed: false, health: 'new' }));
  });

  it('counts the articles a feed discovered and those it lists that another feed found first', () => {
    given(registered)
      .when((log) =>
        log
          .articleDiscovered({ articleId: 'a1', feedId: 'f1', url: 'https://a.example/1' })
          .articleDiscovered({ articleId: 'a2', feedId: 'f1', url: 'https://a.example/2' })
          .articleListedByFeed('a3', 'f1', 'https://b.example/3'),
      )
      .then((p) => expect(feed(p)).toMatchObject({ articlesDiscovered: 2, articlesAlsoListed: 1 }));
  });
});
