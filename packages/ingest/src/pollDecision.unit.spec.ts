import { makeEvent } from '@tally/events';
import { describe, expect, it } from 'vitest';
import { decidePoll, type FeedAnswer, type Observation, pollSlot, type RecordPoll } from './pollDecision.ts';
import { decideRegisterFeed, registerFeedCommand } from './registration.ts';
import { givenFeed } from './testing/index.ts';

const command = registerFeedCommand({ url: 'https://news.example/feed.xml', minIntervalSec: 600 }, 'cli');
const { feedId } = command;
const registered = decideRegisterFeed(null, command);
const now = new Date('2024-05-03T12:00:00.000Z');
const answer = (over: Partial<FeedAnswer> = {}): FeedAnswer => ({
  status: 200,
  etag: '"v1"',
  lastModified: null,
  cacheMaxAgeSec: null,
  expiresAt: null,
  permanentRedirectTo: null,
  redirects: [],
  ...over,
});
const poll = (slot: string, observation: Observation): RecordPoll => ({
  slot,
  polledUrl: command.url,
  observation,
  bounds: { minIntervalSec: 300, maxIntervalSec: 86_400, maxBackoffSec: 86_400 },
  now,
  random: 0.5,
  durationMs: 12,
});
const itemsPolled: Observation = {
  kind: 'polled',
  res: answer(),
  feedTitle: 'News',
  items: 3,
  newItems: 2,
  skippedItems: 1,
  ttlMinutes: 60,
  itemDates: [],
};
const failure: Observation = {
  kind: 'failed',
  res: null,
  reason: 'http-5xx',
  message: 'bad gateway',
  httpStatus: 502,
  advertisedFeeds: [],
  retryAfterMs: null,
};
const failedIn = (slot: string, consecutiveErrors: number) =>
  makeEvent(
    'FeedPollFailed',
    {
      feedId,
      url: command.url,
      slot,
      reason: 'http-5xx',
      message: 'x',
      httpStatus: 502,
      consecutiveErrors,
      nextCheckAt: '2024-05-03T11:30:00.000Z',
      advertisedFeeds: [],
    },
    [feedId, slot],
  );

describe('which slots are polled', () => {
  it('polls a registered feed once per slot, and says what the slot recorded when asked again', () => {
    givenFeed(registered)
      .when((s) => pollSlot(s, 's1'))
      .then((r) => expect(r).toMatchObject({ poll: true, feed: { feedId } }));
    givenFeed(registered, failedIn('s1', 1))
      .when((s) => pollSlot(s, 's1'))
      .then((r) => expect(r).toEqual({ poll: false, already: '2024-05-03T11:30:00.000Z' }));
  });

  it('polls no feed that is unknown or removed', () => {
    givenFeed()
      .when((s) => pollSlot(s, 's1'))
      .then((r) => expect(r).toEqual({ poll: false, already: null }));
    givenFeed(registered, makeEvent('FeedRemoved', { feedId, reason: null }, [feedId, 1]))
      .when((s) => pollSlot(s, 's1'))
      .then((r) => expect(r).toEqual({ poll: false, already: null }));
  });
});

describe('writing a poll down', () => {
  it('records the items, the validators and a next check from the feed’s ttl within its own bounds', () => {
    givenFeed(registered)
      .when((s) => decidePoll(s!, poll('s1', itemsPolled)))
      .then(({ events, outcome }) => {
        expect(events).toMatchObject([
          {
            type: 'FeedPolled',
            data: {
              slot: 's1',
              httpStatus: 200,
              notModified: false,
              itemCount: 3,
              newItemCount: 2,
              etag: '"v1"',
              durationMs: 12,
            },
          },
        ]);
        expect(outcome).toEqual({
          feedId,
          status: 'polled',
          items: 3,
          newItems: 2,
          skippedItems: 1,
          reason: null,
          nextCheckAt: '2024-05-03T13:00:00.000Z',
        });
      });
  });

  it('records a 304 with no items', () => {
    givenFeed(registered)
      .when((s) => decidePoll(s!, poll('s1', { kind: 'not-modified', res: answer({ status: 304 }) })))
      .then(({ events, outcome }) => {
        expect(events[0]).toMatchObject({ type: 'FeedPolled', data: { notModified: true, itemCount: 0 } });
        expect(outcome.status).toBe('not-modified');
      });
  });

  it('counts a failure on top of the ones before and backs off from the feed’s own minimum', () => {
    givenFeed(registered, failedIn('s0', 2))
      .when((s) => decidePoll(s!, poll('s1', failure)))
      .then(({ events, outcome }) => {
        expect(events).toMatchObject([
          { type: 'FeedPollFailed', data: { reason: 'http-5xx', consecutiveErrors: 3, httpStatus: 502 } },
        ]);
        // 600 s × 2² = 2400 s, jittered in its upper half: 1800 s at 0.5.
        expect(outcome).toMatchObject({
          status: 'failed',
          reason: 'http-5xx',
          nextCheckAt: '2024-05-03T12:30:00.000Z',
        });
      });
  });

  it('records a permanent move before the poll, with the status that made it', () => {
    const moved = answer({ permanentRedirectTo: 'https://news.example/rss', redirects: [{ status: 308 }] });
    givenFeed(registered)
      .when((s) => decidePoll(s!, poll('s1', { ...itemsPolled, res: moved })))
      .then(({ events }) => {
        expect(events.map((e) => e.type)).toEqual(['FeedUrlChanged', 'FeedPolled']);
        expect(events[0]!.data).toMatchObject({ from: command.url, to: 'https://news.example/rss', httpStatus: 308 });
      });
  });

  it('names the poll by feed and slot, so a poll written twice is one event', () => {
    givenFeed(registered)
      .when((s) => [
        decidePoll(s!, poll('s1', itemsPolled)),
        decidePoll(s!, { ...poll('s1', itemsPolled), durationMs: 40 }),
      ])
      .then(([a, b]) => expect(a!.events[0]!.id).toBe(b!.events[0]!.id));
  });
});
