import { ConcurrencyError, type EventStore } from '@tally/event-store';
import { type NewEvent, streams } from '@tally/events';
import {
  decideClearFeedErrors,
  decideEditFeed,
  decidePauseFeed,
  decideRequestPoll,
  decideResumeFeed,
  type EditFeed,
  type FeedChange,
  FeedCommandRefusedError,
  type FeedState,
  type FeedSummary,
  summaryOf,
} from '@tally/ingest';
import type { QueueSet } from '@tally/queues';
import { catchUpFeed, type FeedStates } from './feedStates.ts';

export type { FeedChange, FeedSubscriptionSummary, FeedSummary } from '@tally/ingest';

/**
 * The operator's commands on a registered feed, each an event on its stream: edit, pause, resume,
 * clear errors, poll now. Each throws `FeedCommandRefusedError` before writing anything for a feed
 * not registered (`feed-not-found`), a paused feed asked to poll (`feed-paused`), bounds that cross
 * (`invalid-poll-bounds`). A command that changes nothing writes nothing (`changed: false`).
 */
export interface FeedOperations {
  /** The feed folded from its stream; null when it was never registered. */
  get(feedId: string): Promise<FeedSummary | null>;
  edit(command: EditFeed): Promise<FeedChange>;
  /** Not polled until resumed. */
  pause(feedId: string, reason: string | null): Promise<FeedChange>;
  /** Polled again: with the poll planned before the pause while it is to come, else at once. */
  resume(feedId: string): Promise<FeedChange>;
  /** Consecutive errors back to zero (and so the backoff), and a poll at once unless paused. */
  clearErrors(feedId: string): Promise<FeedChange>;
  /** A poll at once; the poll planned before is superseded. */
  pollNow(feedId: string): Promise<FeedChange>;
}

export interface FeedOperationPorts {
  store: EventStore;
  /** The feed states this process's poller keeps, told of every change (none in a process without a poller). */
  feedStates?: FeedStates;
  /**
   * Where the poll a command plans is enqueued at once. Without queues (a command line on a log no
   * poller runs on now) the plan is still in the log, and the poller's reconciliation enqueues it.
   */
  queues?: Pick<QueueSet, 'enqueue'>;
}

/** Commands decided against a stream that moved meanwhile are decided again, this many times. */
const TRIES = 3;

export function createFeedOperations({ store, feedStates, queues }: FeedOperationPorts): FeedOperations {
  /**
   * Reads the stream, decides, appends at the version read (a newer stream is read and decided
   * again), tells the kept states, and enqueues the poll the feed now plans when the command planned one.
   */
  // A process with a poller keeps feed states: brought up to date, a long stream costs one small read.
  const read = (feedId: string, from: FeedState | null) =>
    feedStates ? feedStates.refresh(feedId) : catchUpFeed(store, feedId, from);

  async function operate(
    feedId: string,
    decide: (state: FeedState | null, now: Date) => NewEvent[],
    plansPoll: boolean,
  ): Promise<FeedChange> {
    const stream = streams.feed(feedId);
    for (let attempt = 1; ; attempt++) {
      const state = await read(feedId, null);
      const events = decide(state, new Date());
      // decide refuses an unknown feed, so a state is there from here on.
      if (events.length === 0) return { changed: false, feed: summaryOf(state!) };
      try {
        await store.append(stream, events, { expectedVersion: state!.version });
      } catch (err) {
        if (err instanceof ConcurrencyError && attempt < TRIES) continue;
        throw err;
      }
      const after = (await read(feedId, state))!;
      const slot = after.nextPollAt;
      if (plansPoll && queues && slot !== null && !after.paused) {
        // The job id is derived from feed and slot: the poller's reconciliation adds the same one.
        await queues.enqueue(
          'pollFeed',
          { feedId, slot, reschedule: true, runId: null },
          { delayMs: Date.parse(slot) - Date.now() },
        );
      }
      return { changed: true, feed: summaryOf(after) };
    }
  }

  return {
    async get(feedId) {
      const state = await read(feedId, null);
      return state ? summaryOf(state) : null;
    },
    edit: (command) => operate(command.feedId, (s) => decideEditFeed(s, command), false),
    pause: (feedId, reason) => operate(feedId, (s) => decidePauseFeed(s, { feedId, reason }), false),
    resume: (feedId) => operate(feedId, (s, now) => decideResumeFeed(s, { feedId, now }), true),
    clearErrors: (feedId) => operate(feedId, (s, now) => decideClearFeedErrors(s, { feedId, now }), true),
    pollNow: (feedId) => operate(feedId, (s, now) => decideRequestPoll(s, { feedId, now }), true),
  };
}

export { FeedCommandRefusedError };
