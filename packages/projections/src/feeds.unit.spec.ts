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

describe('feeds: the operator’s changes', () => {
  const stream = 'feed-f1';

  it('shows an edit’s title, tags and bounds, and a null title goes back to the feed’s own', () => {
    given(registered)
      .when((log) =>
        log.push(stream, 'FeedEdited', {
          feedId: 'f1',
          title: 'Harbour news',
          tags: ['Local', 'Ports'],
          minIntervalSec: 600,
          maxIntervalSec: 7200,
        }),
      )
      .then((p) =>
        expect(feed(p)).toMatchObject({
          title: 'Harbour news',
          tags: ['Local', 'Ports'],
          minIntervalSec: 600,
          maxIntervalSec: 7200,
        }),
      );
    given((log) =>
      registered(log).push(stream, 'FeedPolled', {
        feedId: 'f1',
        url: feedUrl,
        slot: 's1',
        httpStatus: 200,
        notModified: false,
        feedTitle: 'The feed’s own title',
        itemCount: 0,
        newItemCount: 0,
        etag: null,
        lastModified: null,
        nextCheckAt: '2024-01-01T23:00:00.000Z',
        durationMs: 3,
      }),
    )
      .when((log) => log.push(stream, 'FeedEdited', { feedId: 'f1', title: null }))
      .then((p) => expect(feed(p)).toMatchObject({ title: 'The feed’s own title', tags: [] }));
  });

  it('shows a paused feed as paused until it is resumed with its next poll', () => {
    given(registered)
      .when((log) => log.push(stream, 'FeedPaused', { feedId: 'f1', reason: 'too noisy' }))
      .then((p) => expect(feed(p)).toMatchObject({ health: 'paused', paused: true, pausedReason: 'too noisy' }));
    given((log) => registered(log).push(stream, 'FeedPaused', { feedId: 'f1', reason: null }))
      .when((log) => log.push(stream, 'FeedResumed', { feedId: 'f1', nextCheckAt: '2024-01-02T00:00:00.000Z' }))
      .then((p) =>
        expect(feed(p)).toMatchObject({
          health: 'new',
          paused: false,
          pausedAt: null,
          nextPollAt: '2024-01-02T00:00:00.000Z',
        }),
      );
  });

  it('clears a failing feed’s errors with their reason and shows the poll asked for', () => {
    given((log) =>
      registered(log)
        .feedPollFailed('f1', fail('2024-01-01T10:00:00.000Z', 1))
        .feedPollFailed('f1', fail('2024-01-01T11:00:00.000Z', 2)),
    )
      .when((log) =>
        log.push(stream, 'FeedErrorsCleared', {
          feedId: 'f1',
          consecutiveErrors: 2,
          lastReason: 'http-5xx',
          nextCheckAt: '2024-01-01T12:00:00.000Z',
        }),
      )
      .then((p) =>
        expect(feed(p)).toMatchObject({
          health: 'ok',
          consecutiveErrors: 0,
          lastReason: null,
          lastMessage: null,
          failures: 2,
          nextPollAt: '2024-01-01T12:00:00.000Z',
        }),
      );
    given(registered)
      .when((log) => log.push(stream, 'FeedPollRequested', { feedId: 'f1', slot: '2024-01-01T12:30:00.000Z' }))
      .then((p) => expect(feed(p)).toMatchObject({ nextPollAt: '2024-01-01T12:30:00.000Z', health: 'new' }));
  });
});
