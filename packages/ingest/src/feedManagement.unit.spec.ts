import { makeEvent, type NewEvent } from '@tally/events';
import { describe, expect, it } from 'vitest';
import {
  decideClearFeedErrors,
  decideEditFeed,
  decidePauseFeed,
  decideRequestPoll,
  decideResumeFeed,
  FeedCommandRefusedError,
} from './feedManagement.ts';
import { foldFeed } from './feedState.ts';
import { pollSlot } from './pollDecision.ts';
import { decideRegisterFeed, decideRemoveFeed, registerFeedCommand } from './registration.ts';
import { givenFeed, storedStream } from './testing/index.ts';

const command = registerFeedCommand(
  { url: 'https://news.example/feed.xml', title: 'News', tags: ['World'], maxIntervalSec: 3600 },
  'api',
);
const { feedId } = command;
const registered = decideRegisterFeed(null, command);
const now = new Date('2024-05-03T12:00:00.000Z');
const later = '2024-05-03T18:00:00.000Z';
const earlier = '2024-05-03T11:00:00.000Z';

const polled = (slot: string, nextCheckAt: string, feedTitle: string | null = 'News from the feed') =>
  makeEvent(
    'FeedPolled',
    {
      feedId,
      url: command.url,
      slot,
      httpStatus: 200,
      notModified: false,
      feedTitle,
      itemCount: 1,
      newItemCount: 1,
      etag: null,
      lastModified: null,
      nextCheckAt,
      durationMs: 5,
    },
    [feedId, slot],
  );
const failed = (slot: string, consecutiveErrors: number, nextCheckAt: string) =>
  makeEvent(
    'FeedPollFailed',
    {
      feedId,
      url: command.url,
      slot,
      reason: 'http-5xx',
      message: 'bad gateway',
      httpStatus: 502,
      consecutiveErrors,
      nextCheckAt,
      advertisedFeeds: [],
    },
    [feedId, slot],
  );
/** Decides `next` against the stream so far, so the events given are what the commands recorded. */
const then = (events: NewEvent[], next: (s: ReturnType<typeof foldFeed>) => NewEvent[]) => [
  ...events,
  ...next(foldFeed(storedStream('feed-given', events))),
];
const paused = then(registered, (s) => decidePauseFeed(s, { feedId, reason: 'too noisy' }));
const refusal = (decide: () => unknown) => {
  try {
    decide();
  } catch (err) {
    return err as FeedCommandRefusedError;
  }
  throw new Error('not refused');
};

describe('editing a feed', () => {
  it('records only the fields that change, and the state takes them', () => {
    givenFeed(registered)
      .when((s) =>
        decideEditFeed(s, { feedId, title: 'News', tags: [' Economy ', 'World', 'Economy'], minIntervalSec: 600 }),
      )
      .then((events) => {
        expect(events).toHaveLength(1);
        expect(events[0]).toMatchObject({
          type: 'FeedEdited',
          data: { feedId, tags: ['Economy', 'World'], minIntervalSec: 600 },
        });
        expect(events[0]!.data).not.toHaveProperty('title');
        expect(events[0]!.data).not.toHaveProperty('maxIntervalSec');
        const state = foldFeed(storedStream('feed-given', [...registered, ...events]))!;
        expect(state).toMatchObject({
          title: 'News',
          tags: ['Economy', 'World'],
          minIntervalSec: 600,
          maxIntervalSec: 3600,
        });
      });
  });

  it('records nothing when nothing changes', () => {
    givenFeed(registered)
      .when((s) => decideEditFeed(s, { feedId, title: 'News', tags: ['World'], maxIntervalSec: 3600 }))
      .then((events) => expect(events).toEqual([]));
  });

  it('goes back to the feed’s own title and the deployment’s bounds on null', () => {
    const edited = then([...registered, polled('s1', later)], (s) =>
      decideEditFeed(s, { feedId, title: null, maxIntervalSec: null }),
    );
    expect(edited.at(-1)).toMatchObject({ type: 'FeedEdited', data: { title: null, maxIntervalSec: null } });
    expect(foldFeed(storedStream('feed-given', edited))).toMatchObject({
      title: 'News from the feed',
      maxIntervalSec: null,
    });
  });

  it('refuses bounds that cross, given or kept, and writes nothing', () => {
    givenFeed(registered).when((s) => {
      const kept = refusal(() => decideEditFeed(s, { feedId, minIntervalSec: 7200 }));
      expect(kept).toBeInstanceOf(FeedCommandRefusedError);
      expect(kept.code).toBe('invalid-poll-bounds');
      expect(refusal(() => decideEditFeed(s, { feedId, minIntervalSec: 900, maxIntervalSec: 600 })).code).toBe(
        'invalid-poll-bounds',
      );
      // Widening both at once is fine.
      expect(decideEditFeed(s, { feedId, minIntervalSec: 7200, maxIntervalSec: 14_400 })).toHaveLength(1);
      return null;
    });
  });

  it('gives two different edits of one version different ids, and the same edit the same id', () => {
    givenFeed(registered)
      .when((s) => [
        decideEditFeed(s, { feedId, title: 'A' })[0]!.id,
        decideEditFeed(s, { feedId, title: 'B' })[0]!.id,
        decideEditFeed(s, { feedId, title: 'A' })[0]!.id,
      ])
      .then(([a, b, again]) => {
        expect(a).not.toBe(b);
        expect(again).toBe(a);
      });
  });
});

describe('refusing commands on a feed that is not registered', () => {
  it('refuses every command on an unknown or removed feed', () => {
    const removed = then(registered, (s) => decideRemoveFeed(s, { feedId, reason: null }));
    for (const events of [[], removed]) {
      givenFeed(events).when((s) => {
        for (const decide of [
          () => decideEditFeed(s, { feedId, title: 'x' }),
          () => decidePauseFeed(s, { feedId, reason: null }),
          () => decideResumeFeed(s, { feedId, now }),
          () => decideClearFeedErrors(s, { feedId, now }),
          () => decideRequestPoll(s, { feedId, now }),
        ])
          expect(refusal(decide).code).toBe('feed-not-found');
        return null;
      });
    }
  });
});

describe('pausing and resuming', () => {
  it('pauses a feed once, and a paused feed’s slots are not polled', () => {
    expect(paused.at(-1)).toMatchObject({ type: 'FeedPaused', data: { feedId, reason: 'too noisy' } });
    givenFeed(paused)
      .when((s) => ({ again: decidePauseFeed(s, { feedId, reason: null }), slot: pollSlot(s, 's1', true) }))
      .then(({ again, slot }, s) => {
        expect(s!.paused).toBe(true);
        expect(again).toEqual([]);
        expect(slot).toEqual({ poll: false, already: null });
      });
  });

  it('resumes with the poll planned while it is still to come, else at once', () => {
    const plannedLater = then([...registered, polled('s1', later)], (s) =>
      decidePauseFeed(s, { feedId, reason: null }),
    );
    givenFeed(plannedLater)
      .when((s) => decideResumeFeed(s, { feedId, now }))
      .then((events) => expect(events).toMatchObject([{ type: 'FeedResumed', data: { nextCheckAt: later } }]));
    const pastPoll = then([...registered, polled('s1', earlier)], (s) => decidePauseFeed(s, { feedId, reason: null }));
    givenFeed(pastPoll)
      .when((s) => decideResumeFeed(s, { feedId, now }))
      .then((events, s) => {
        expect(events).toMatchObject([{ type: 'FeedResumed', data: { nextCheckAt: now.toISOString() } }]);
        const resumed = foldFeed(storedStream('feed-given', events), s)!;
        expect(resumed).toMatchObject({ paused: false, nextPollAt: now.toISOString() });
        expect(pollSlot(resumed, now.toISOString(), true)).toMatchObject({ poll: true });
      });
  });

  it('resumes nothing that is not paused', () => {
    givenFeed(registered)
      .when((s) => decideResumeFeed(s, { feedId, now }))
      .then((events) => expect(events).toEqual([]));
  });
});

describe('clearing errors', () => {
  const failing = [...registered, failed('s1', 1, earlier), failed('s2', 2, later)];

  it('records what it cleared, counts from zero again and polls at once instead of at the end of the backoff', () => {
    givenFeed(failing)
      .when((s) => decideClearFeedErrors(s, { feedId, now }))
      .then((events, s) => {
        expect(events).toMatchObject([
          {
            type: 'FeedErrorsCleared',
            data: { consecutiveErrors: 2, lastReason: 'http-5xx', nextCheckAt: now.toISOString() },
          },
        ]);
        const cleared = foldFeed(storedStream('feed-given', events), s)!;
        expect(cleared).toMatchObject({ consecutiveErrors: 0, lastReason: null, nextPollAt: now.toISOString() });
        // The backed-off poll is superseded; the next failure backs off from the start again.
        expect(pollSlot(cleared, later, true)).toEqual({ poll: false, already: now.toISOString() });
      });
  });

  it('plans no poll for a paused feed, and clears nothing when there is nothing to clear', () => {
    const pausedFailing = then(failing, (s) => decidePauseFeed(s, { feedId, reason: null }));
    givenFeed(pausedFailing)
      .when((s) => decideClearFeedErrors(s, { feedId, now }))
      .then((events, s) => {
        expect(events[0]!.data).toMatchObject({ nextCheckAt: null });
        expect(foldFeed(storedStream('feed-given', events), s)).toMatchObject({ nextPollAt: later, paused: true });
      });
    givenFeed(registered)
      .when((s) => decideClearFeedErrors(s, { feedId, now }))
      .then((events) => expect(events).toEqual([]));
  });
});

describe('polling now', () => {
  it('plans a poll at the instant asked, which supersedes the poll planned before', () => {
    givenFeed(registered, polled('s1', later))
      .when((s) => decideRequestPoll(s, { feedId, now }))
      .then((events, s) => {
        const slot = now.toISOString();
        expect(events).toMatchObject([{ type: 'FeedPollRequested', data: { feedId, slot } }]);
        const requested = foldFeed(storedStream('feed-given', events), s)!;
        expect(pollSlot(requested, slot, true)).toMatchObject({ poll: true });
        expect(pollSlot(requested, later, true)).toEqual({ poll: false, already: slot });
        // A one-off poll and a registration's first poll are never superseded.
        expect(pollSlot(requested, later)).toMatchObject({ poll: true });
        expect(pollSlot(requested, 'first', true)).toMatchObject({ poll: true });
      });
  });

  it('refuses a paused feed', () => {
    givenFeed(paused)
      .when((s) => refusal(() => decideRequestPoll(s, { feedId, now })))
      .then((err) => expect(err.code).toBe('feed-paused'));
  });
});
