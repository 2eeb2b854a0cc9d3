import type { EventStore } from '@tally/event-store';
import { type StoredEvent, streams } from '@tally/events';
import { unwrapStore } from './timedEventStore.ts';

/** How many recent slots a view remembers, to refuse polling a slot twice. */
const RECENT_SLOTS = 16;

/**
 * What the poller needs to know about a feed, folded from its stream one event at a time, so a view
 * can be kept and brought up to date with only the events appended since (`version`): a feed polled
 * every five minutes for a year has a stream of 100,000 events, which is not read on every poll.
 * The same facts as `foldFeed` (state.ts) for the fields they share; the spec pins that.
 */
export interface FeedPollView {
  feedId: string;
  /** The URL polls use (moves with FeedUrlChanged). */
  url: string;
  removed: boolean;
  etag: string | null;
  lastModified: string | null;
  consecutiveErrors: number;
  minIntervalSec: number | null;
  maxIntervalSec: number | null;
  /** The stream version folded up to. */
  version: number;
  /** Names the feed's registration in the log: its first event's position and time. */
  epoch: string;
  /** The outcomes of the latest slots: slot → next check it recorded. */
  recentSlots: Map<string, string>;
  /** The interval the last successful poll chose, in seconds. */
  previousIntervalSec: number | null;
}

/** Applies one event of the feed's stream; the first event must be its registration. */
export function evolveFeedPollView(view: FeedPollView | null, e: StoredEvent): FeedPollView | null {
  if (e.type === 'FeedRegistered') {
    return {
      feedId: e.data.feedId,
      url: view?.url ?? e.data.url,
      removed: false,
      etag: view?.etag ?? null,
      lastModified: view?.lastModified ?? null,
      consecutiveErrors: view?.consecutiveErrors ?? 0,
      minIntervalSec: e.data.minIntervalSec,
      maxIntervalSec: e.data.maxIntervalSec,
      version: e.streamVersion,
      epoch: view?.epoch ?? `${e.position}.${Date.parse(e.recordedAt)}`,
      recentSlots: view?.recentSlots ?? new Map(),
      previousIntervalSec: view?.previousIntervalSec ?? null,
    };
  }
  if (!view) return null;
  view.version = e.streamVersion;
  switch (e.type) {
    case 'FeedRemoved':
      view.removed = true;
      break;
    case 'FeedUrlChanged':
      view.url = e.data.to;
      break;
    case 'FeedPolled': {
      view.consecutiveErrors = 0;
      if (!e.data.notModified) {
        view.etag = e.data.etag;
        view.lastModified = e.data.lastModified;
      }
      const sec = (Date.parse(e.data.nextCheckAt) - Date.parse(e.recordedAt)) / 1000;
      if (Number.isFinite(sec) && sec > 0) view.previousIntervalSec = sec;
      rememberSlot(view, e.data.slot, e.data.nextCheckAt);
      break;
    }
    case 'FeedPollFailed':
      view.consecutiveErrors = e.data.consecutiveErrors;
      rememberSlot(view, e.data.slot, e.data.nextCheckAt);
      break;
    default:
      break;
  }
  return view;
}

function rememberSlot(view: FeedPollView, slot: string, nextCheckAt: string): void {
  view.recentSlots.delete(slot);
  view.recentSlots.set(slot, nextCheckAt);
  if (view.recentSlots.size > RECENT_SLOTS) view.recentSlots.delete(view.recentSlots.keys().next().value!);
}

/** Page size when reading a stream: the store returns at most 10,000 events per read by default. */
const PAGE = 5000;

/** Folds the stream's events after `view.version` (the whole stream when `view` is null). */
export async function catchUpFeedPollView(
  store: EventStore,
  feedId: string,
  view: FeedPollView | null,
): Promise<FeedPollView | null> {
  const stream = streams.feed(feedId);
  let v = view;
  let after = view?.version ?? 0;
  for (;;) {
    const page = await store.readStream(stream, { afterVersion: after, limit: PAGE });
    for (const e of page) v = evolveFeedPollView(v, e);
    if (page.length < PAGE) return v;
    after = page.at(-1)!.streamVersion;
  }
}

/**
 * Feed views kept between polls, per log, least recently used dropped past `max` feeds. Only the
 * embedded log trusts a kept view without reading (one process owns that log; an append still
 * names the version it expects, so anything missed shows as a conflict); on PostgreSQL, where other
 * processes poll too, the events since the kept version are read first: one small read.
 */
export class FeedPollViews {
  private readonly views = new Map<string, FeedPollView>();
  constructor(
    private readonly store: EventStore,
    private readonly max = 50_000,
  ) {}

  /** The feed's view, up to date as far as this process can tell. */
  async get(feedId: string): Promise<FeedPollView | null> {
    const kept = this.views.get(feedId);
    // A removed feed is read again: it may have been registered anew since.
    if (kept && !kept.removed && this.store.kind === 'embedded') {
      this.touch(feedId, kept);
      return cloneView(kept);
    }
    return this.refresh(feedId, kept ?? null);
  }

  /** Reads what was appended since the kept view (everything when none is kept). */
  async refresh(
    feedId: string,
    kept: FeedPollView | null = this.views.get(feedId) ?? null,
  ): Promise<FeedPollView | null> {
    const view = await catchUpFeedPollView(this.store, feedId, kept ? cloneView(kept) : null);
    if (view) this.touch(feedId, view);
    else this.views.delete(feedId);
    return view ? cloneView(view) : null;
  }

  /** Records events this process appended at the versions the store gave them. */
  appended(feedId: string, view: FeedPollView, events: readonly StoredEvent[]): void {
    let v: FeedPollView | null = cloneView(view);
    for (const e of events) v = evolveFeedPollView(v, e);
    if (v) this.touch(feedId, v);
  }

  forget(feedId: string): void {
    this.views.delete(feedId);
  }

  private touch(feedId: string, view: FeedPollView): void {
    this.views.delete(feedId);
    this.views.set(feedId, view);
    if (this.views.size > this.max) this.views.delete(this.views.keys().next().value!);
  }
}

function cloneView(v: FeedPollView): FeedPollView {
  return { ...v, recentSlots: new Map(v.recentSlots) };
}

const viewsByStore = new WeakMap<EventStore, FeedPollViews>();

/** The views kept for one log, shared by every runtime of the process that uses it. */
export function feedPollViewsOf(store: EventStore): FeedPollViews {
  // A runtime's store times its appends around the log it was given: one log, one set of views.
  const log = unwrapStore(store);
  let views = viewsByStore.get(log);
  if (!views) {
    views = new FeedPollViews(log);
    viewsByStore.set(log, views);
  }
  return views;
}
