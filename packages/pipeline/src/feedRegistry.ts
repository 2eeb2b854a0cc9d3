import { ConcurrencyError, type EventStore } from '@tally/event-store';
import { feedIdFor, makeEvent, type StoredEvent, streams } from '@tally/events';
import { canonicalUrl } from '@tally/feeds';
import { feedPollViewsOf } from './feedPollView.ts';
import { FEED_URL_CREDENTIALS, hasUrlCredentials, withoutUrlCredentials } from './feedUrlCredentials.ts';
import { type FeedState, foldFeed } from './state.ts';

const PAGE = 5000;

/**
 * A feed's whole stream, read in pages: one read returns at most 10,000 events, and a feed polled
 * every five minutes passes that in five weeks.
 */
async function readFeedStream(store: EventStore, feedId: string): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  for (;;) {
    const page = await store.readStream(streams.feed(feedId), { afterVersion: out.length, limit: PAGE });
    out.push(...page);
    if (page.length < PAGE) return out;
  }
}

/**
 * A feed URL that is not registered: not an http(s) URL (`invalid-url`), or one carrying credentials
 * (`feed-url-credentials`: the URL would be recorded in the log and shown to readers).
 */
export class InvalidFeedUrlError extends Error {
  override readonly name = 'InvalidFeedUrlError';
  constructor(
    message: string,
    readonly code: 'invalid-url' | typeof FEED_URL_CREDENTIALS = 'invalid-url',
  ) {
    super(message);
  }
}

export interface FeedRegistration {
  url: string;
  title?: string | null;
  minIntervalSec?: number | null;
  maxIntervalSec?: number | null;
  /** Labels, e.g. an OPML import's folders (at most 20 of at most 100 characters). @defaultValue [] */
  tags?: readonly string[];
}

/**
 * Registers a feed: a `FeedRegistered` event on the feed's stream. Registering a registered feed
 * writes nothing; registering a removed one registers it again. Whoever registers it (the API, the
 * CLI, a feeds file, the demo), a URL carrying credentials is refused before anything is written,
 * and no message names them.
 */
export async function registerFeed(
  store: EventStore,
  reg: FeedRegistration,
  source: 'config' | 'cli' | 'api' | 'demo',
): Promise<{ feedId: string; created: boolean }> {
  // The canonical form names the feed; the URL as given is what gets fetched (a trailing slash or
  // a query parameter can matter to the server).
  if (hasUrlCredentials(reg.url)) {
    throw new InvalidFeedUrlError(
      `feed URL ${withoutUrlCredentials(reg.url)} carries credentials (user:password@): feed URLs are recorded in the log and shown to readers, so they are refused`,
      FEED_URL_CREDENTIALS,
    );
  }
  const canonical = canonicalUrl(reg.url);
  if (!canonical) throw new InvalidFeedUrlError(`not an http(s) URL: ${reg.url}`);
  const url = new URL(reg.url).toString();
  const feedId = feedIdFor(canonical);
  const registration = (generation: number) =>
    makeEvent(
      'FeedRegistered',
      {
        feedId,
        url,
        title: reg.title ?? null,
        source,
        minIntervalSec: reg.minIntervalSec ?? null,
        maxIntervalSec: reg.maxIntervalSec ?? null,
        // Left out when empty: a registration without tags is written as before tags existed.
        ...(reg.tags && reg.tags.length > 0 ? { tags: [...reg.tags] } : {}),
      },
      [feedId, generation],
    );
  // A new feed (the common case when thousands are registered) costs one append; a stream that
  // exists already is read and folded to tell a registered feed from a removed one.
  try {
    const first = await store.append(streams.feed(feedId), [registration(0)], { expectedVersion: 'no-stream' });
    if (first.written > 0) {
      feedPollViewsOf(store).forget(feedId);
      return { feedId, created: true };
    }
  } catch (err) {
    if (!(err instanceof ConcurrencyError)) throw err;
  }
  const state = foldFeed(await readFeedStream(store, feedId));
  if (state && !state.removed) return { feedId, created: false };
  const r = await store.append(streams.feed(feedId), [registration(state ? state.registrations : 0)]);
  // The poller's kept view of the feed (see feedPollView.ts) is read again at its next poll.
  feedPollViewsOf(store).forget(feedId);
  return { feedId, created: r.written > 0 };
}

export async function removeFeed(store: EventStore, feedId: string, reason: string | null): Promise<boolean> {
  const state = foldFeed(await readFeedStream(store, feedId));
  if (!state || state.removed) return false;
  await store.append(streams.feed(feedId), [
    makeEvent('FeedRemoved', { feedId, reason }, [feedId, state.registrations]),
  ]);
  feedPollViewsOf(store).forget(feedId);
  return true;
}

/** Every feed ever registered, folded from the log (registration, removal and URL events only). */
export async function listFeeds(store: EventStore): Promise<FeedState[]> {
  const ids = new Set<string>();
  for await (const page of store.readAllPages({ types: ['FeedRegistered'] })) {
    for (const e of page) if (e.type === 'FeedRegistered') ids.add(e.data.feedId);
  }
  const out: FeedState[] = [];
  for (const id of ids) {
    const s = foldFeed(await readFeedStream(store, id));
    if (s) out.push(s);
  }
  return out;
}
