import { type EventData, type EventType, makeEvent, type NewEvent } from '@tally/events';
import { describe, expect, it } from 'vitest';
import { foldFeed } from './feedState.ts';
import { storedStream } from './testing/index.ts';

const feedId = 'f_test';

/** A feed stream as the log would hand it back. */
function stream(...events: [EventType, Record<string, unknown>][]) {
  return storedStream(
    `feed-${feedId}`,
    events.map(([type, data], i) => makeEvent(type, { feedId, ...data } as EventData<typeof type>, [i]) as NewEvent),
  );
}

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

describe('foldFeed', () => {
  it('knows a registered feed that was never polled', () => {
    expect(foldFeed(stream(registered('https://a.example/feed', 600)))).toMatchObject({
      feedId,
      url: 'https://a.example/feed',
      removed: false,
      etag: null,
      consecutiveErrors: 0,
      minIntervalSec: 600,
      maxIntervalSec: null,
      lastPollAt: null,
      registrations: 1,
      version: 1,
    });
  });

  it('keeps the validators through a 304, counts failures and clears them on a success', () => {
    const events = stream(
      registered('https://a.example/feed'),
      polled('s1', false, '"v1"'),
      polled('s2', true, '"v1"'),
      failed('s3', 1),
      failed('s4', 2),
    );
    expect(foldFeed(events)).toMatchObject({ etag: '"v1"', consecutiveErrors: 2, lastReason: 'http-5xx' });
    const recovered = foldFeed(
      stream(registered('https://a.example/feed'), failed('s1', 1), polled('s2', false, '"v2"')),
    );
    expect(recovered).toMatchObject({ etag: '"v2"', consecutiveErrors: 0, lastReason: 'http-5xx', version: 3 });
  });

  it('follows a move, and a feed removed and registered again keeps the URL it moved to', () => {
    const events = stream(
      registered('https://a.example/feed'),
      polled('s1', false, '"v1"'),
      ['FeedUrlChanged', { from: 'https://a.example/feed', to: 'https://b.example/feed', httpStatus: 301 }],
      failed('s2', 1),
      ['FeedRemoved', { reason: 'gone' }],
      registered('https://a.example/feed', 900),
    );
    expect(foldFeed(events)).toMatchObject({
      url: 'https://b.example/feed',
      removed: false,
      etag: '"v1"',
      consecutiveErrors: 1,
      minIntervalSec: 900,
      registrations: 2,
      version: 6,
    });
    expect(foldFeed(events.slice(0, 5))).toMatchObject({ removed: true });
  });

  it('folds on from a kept state exactly as from the start', () => {
    const events = stream(registered('https://a.example/feed'), polled('s1', false, '"v1"'), failed('s2', 1));
    expect(foldFeed(events.slice(2), foldFeed(events.slice(0, 2)))).toEqual(foldFeed(events));
  });

  it('remembers the latest slots and the next check each recorded', () => {
    const state = foldFeed(
      stream(
        registered('https://a.example/feed'),
        polled('s1', false, null),
        failed('s2', 1),
        polled('s3', true, null),
      ),
    )!;
    expect(state.recentSlots.map((s) => s.slot)).toEqual(['s1', 's2', 's3']);
    expect(state.recentSlots[1]!.nextCheckAt).toBe('2024-05-03T14:00:00.000Z');
  });

  it('keeps only the 16 latest slots', () => {
    const events = stream(
      registered('https://a.example/feed'),
      ...Array.from({ length: 20 }, (_, i) => polled(`s${i}`, true, null)),
    );
    const slots = foldFeed(events)!.recentSlots.map((s) => s.slot);
    expect(slots).toHaveLength(16);
    expect(slots).not.toContain('s3');
    expect(slots).toContain('s19');
  });

  it('takes the last successful interval from the poll that chose it', () => {
    // Recorded at 12:01, next check 13:00.
    expect(foldFeed(stream(registered('https://a.example/feed'), polled('s1', false, null)))!.previousIntervalSec).toBe(
      59 * 60,
    );
  });

  it('names the registration that started the stream', () => {
    const events = stream(
      registered('https://a.example/feed'),
      ['FeedRemoved', { reason: 'x' }],
      registered('https://a.example/feed'),
    );
    expect(foldFeed(events)!.epoch).toBe(`100.${Date.parse(events[0]!.recordedAt)}`);
  });

  it('is nothing before a registration', () => {
    expect(foldFeed(stream(['FeedRemoved', { reason: 'x' }]))).toBeNull();
  });
});
