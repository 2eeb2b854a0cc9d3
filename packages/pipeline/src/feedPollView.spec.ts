import { type EventData, type EventType, makeEvent, type StoredEvent } from '@tally/events';
import { describe, expect, it } from 'vitest';
import { evolveFeedPollView, type FeedPollView } from './feedPollView.ts';
import { foldFeed } from './state.ts';

const feedId = 'f_test';

/** A feed stream as the log would hand it back. */
function stream(...events: [EventType, Record<string, unknown>][]): StoredEvent[] {
  return events.map(([type, data], i) => ({
    ...makeEvent(type, { feedId, ...data } as EventData<typeof type>, [i]),
    streamId: `feed-${feedId}`,
    streamVersion: i + 1,
    position: 100 + i,
    recordedAt: new Date(Date.UTC(2024, 4, 3, 12, i)).toISOString(),
  })) as StoredEvent[];
}

const fold = (events: readonly StoredEvent[]) =>
  events.reduce<FeedPollView | null>((v, e) => evolveFeedPollView(v, e), null);

const polled = (slot: string, notModified: boolean, etag: string | null, next = '2024-05-03T13:00:00.000Z') =>
  [
    'FeedPolled',
    {
      url: 'https://a.example/feed',
      slot,
      httpStatus: notModified ? 304 : 200,
      notModified,
      feedTitle: 'A',
      itemCount: 0,
      newItemCount: 0,
      etag,
      lastModified: null,
      nextCheckAt: next,
      durationMs: 5,
    },
  ] as [EventType, Record<string, unknown>];
const failed = (slot: string, consecutiveErrors: number) =>
  [
    'FeedPollFailed',
    {
      url: 'https://a.example/feed',
      slot,
      reason: 'http-5xx',
      message: 'x',
      httpStatus: 500,
      consecutiveErrors,
      nextCheckAt: '2024-05-03T14:00:00.000Z',
    },
  ] as [EventType, Record<string, unknown>];
const registered = (url: string, minIntervalSec: number | null = null) =>
  ['FeedRegistered', { url, title: null, source: 'cli', minIntervalSec, maxIntervalSec: null }] as [
    EventType,
    Record<string, unknown>,
  ];

const histories: Record<string, StoredEvent[]> = {
  'registered only': stream(registered('https://a.example/feed', 600)),
  'polls, a 304 keeping the ETag, failures and a recovery': stream(
    registered('https://a.example/feed'),
    polled('s1', false, '"v1"'),
    polled('s2', true, '"v1"'),
    failed('s3', 1),
    failed('s4', 2),
    polled('s5', false, '"v2"'),
  ),
  'moved, removed and registered again': stream(
    registered('https://a.example/feed'),
    polled('s1', false, '"v1"'),
    ['FeedUrlChanged', { from: 'https://a.example/feed', to: 'https://b.example/feed', httpStatus: 301 }],
    failed('s2', 1),
    ['FeedRemoved', { reason: 'gone' }],
    registered('https://a.example/feed', 900),
  ),
};

describe('evolveFeedPollView', () => {
  for (const [name, events] of Object.entries(histories)) {
    it(`agrees with foldFeed: ${name}`, () => {
      const view = fold(events)!;
      const state = foldFeed(events)!;
      expect({
        feedId: view.feedId,
        url: view.url,
        removed: view.removed,
        etag: view.etag,
        lastModified: view.lastModified,
        consecutiveErrors: view.consecutiveErrors,
        minIntervalSec: view.minIntervalSec,
        maxIntervalSec: view.maxIntervalSec,
      }).toEqual({
        feedId: state.feedId,
        url: state.url,
        removed: state.removed,
        etag: state.etag,
        lastModified: state.lastModified,
        consecutiveErrors: state.consecutiveErrors,
        minIntervalSec: state.minIntervalSec,
        maxIntervalSec: state.maxIntervalSec,
      });
      expect(view.version).toBe(events.length);
    });
  }

  it('remembers the latest slots and the next check each recorded', () => {
    const view = fold(histories['polls, a 304 keeping the ETag, failures and a recovery']!)!;
    expect([...view.recentSlots.keys()]).toEqual(['s1', 's2', 's3', 's4', 's5']);
    expect(view.recentSlots.get('s3')).toBe('2024-05-03T14:00:00.000Z');
  });

  it('keeps only the 16 latest slots', () => {
    const events = stream(
      registered('https://a.example/feed'),
      ...Array.from({ length: 20 }, (_, i) => polled(`s${i}`, true, null)),
    );
    const view = fold(events)!;
    expect(view.recentSlots.size).toBe(16);
    expect(view.recentSlots.has('s3')).toBe(false);
    expect(view.recentSlots.has('s19')).toBe(true);
  });

  it('takes the last successful interval from the poll that chose it', () => {
    // Recorded at 12:01, next check 13:00.
    const view = fold(stream(registered('https://a.example/feed'), polled('s1', false, null)))!;
    expect(view.previousIntervalSec).toBe(59 * 60);
  });

  it('names the registration that started the stream', () => {
    const events = histories['moved, removed and registered again']!;
    expect(fold(events)!.epoch).toBe(`100.${Date.parse(events[0]!.recordedAt)}`);
  });
});
