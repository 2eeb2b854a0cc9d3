import type { EventStore } from '@tally/event-store';
import { type StoredFeedEvent, streams } from '@tally/events';
import { evolveFeed, type FeedState, foldFeed } from '@tally/ingest';

/** Page size when reading a stream: the store returns at most 10,000 events per read by default. */
const PAGE = 5000;

/** Folds the feed's events after `state.version` (the whole stream when `state` is null). */
export async function catchUpFeed(
  store: EventStore,
  feedId: string,
  state: FeedState | null,
): Promise<FeedState | null> {
  const stream = streams.feed(feedId);
  let s = state;
  let after = state?.version ?? 0;
  for (;;) {
    const page = await store.readStream(stream, { afterVersion: after, limit: PAGE });
    s = foldFeed(page, s);
    if (page.length < PAGE) return s;
    after = page.at(-1)!.streamVersion;
  }
}

/**
 * Feed states kept between polls by the process that writes feed streams (its poller and its feed
 * commands share one), least recently used dropped past `max` feeds: a feed polled every five
 * minutes for a year has a stream of 100,000 events, which is not read on every poll. Only the
 * embedded log trusts a kept state without reading (one process owns that log; an append still
 * names the version it expects, so anything missed shows as a conflict); on PostgreSQL, where other
 * processes poll too, the events since the kept version are read first: one small read.
 *
 * States are immutable (`evolveFeed` never changes its input), so a kept one is handed out as it is.
 */
export class FeedStates {
  private readonly states = new Map<string, FeedState>();
  constructor(
    private readonly store: EventStore,
    private readonly max = 50_000,
  ) {}

  /** The feed's state, up to date as far as this process can tell. */
  async get(feedId: string): Promise<FeedState | null> {
    const kept = this.states.get(feedId);
    // A removed feed is read again: it may have been registered anew since.
    if (kept && !kept.removed && this.store.kind === 'embedded') {
      this.keep(feedId, kept);
      return kept;
    }
    return this.refresh(feedId);
  }

  /** Reads what was appended since the kept state (everything when none is kept). */
  async refresh(feedId: string): Promise<FeedState | null> {
    const state = await catchUpFeed(this.store, feedId, this.states.get(feedId) ?? null);
    if (state) this.keep(feedId, state);
    else this.states.delete(feedId);
    return state;
  }

  /** Records events this process appended, at the versions the store gave them. */
  appended(feedId: string, state: FeedState, events: readonly StoredFeedEvent[]): void {
    let s: FeedState | null = state;
    for (const e of events) s = evolveFeed(s, e);
    if (s) this.keep(feedId, s);
  }

  /** Drops the kept state: the next poll reads the stream (its events were appended without the versions known). */
  forget(feedId: string): void {
    this.states.delete(feedId);
  }

  private keep(feedId: string, state: FeedState): void {
    this.states.delete(feedId);
    this.states.set(feedId, state);
    if (this.states.size > this.max) this.states.delete(this.states.keys().next().value!);
  }
}
