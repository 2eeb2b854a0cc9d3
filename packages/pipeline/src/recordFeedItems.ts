import { type AppendResult, type EventStore, InvalidEventError } from '@tally/event-store';
import { type NewEvent, streams } from '@tally/events';
import type { FeedItem } from '@tally/feeds';
import { decideKnownItem, discoveredEvent, foldArticle, type ListedItem, listItems } from '@tally/ingest';
import type { Logger } from '@tally/logger';
import type { FetchArticle, QueueSet } from '@tally/queues';
import { ZodError } from 'zod';
import type { FeedListingCache, FeedListingKey } from './feedListingCache.ts';

/** What recording a feed's items needs. */
export interface FeedItemPorts {
  store: EventStore;
  queues: Pick<QueueSet, 'enqueueMany'>;
  feedListings: FeedListingCache;
}

/** Articles recorded per `appendMany`: one transaction each, a bounded statement. */
const ITEMS_PER_APPEND = 200;

/**
 * Turns feed items into article events and fetch jobs; returns how many articles are new. Items the
 * last poll recorded unchanged cost nothing (the listing cache); the rest are appended together,
 * one `ArticleDiscovered` per article stream in one transaction (an article already known keeps its
 * stream as it was and gets what changed in a second pass).
 */
export async function recordFeedItems(
  ports: FeedItemPorts,
  listing: FeedListingKey,
  feedUrl: string,
  items: readonly FeedItem[],
  runId: string | null,
  log: Logger,
): Promise<{ newItems: number; skippedItems: number }> {
  const { store, queues, feedListings } = ports;
  const { feedId } = listing;
  const { listed, skipped } = listItems(items, feedUrl);
  let skippedItems = skipped.length;
  for (const { item, reason } of skipped) {
    log.warn({ reason, itemId: item.id, title: item.title, link: item.link }, 'feed item skipped');
  }
  const known = await feedListings
    .recorded(
      listing,
      listed.map((l) => l.fingerprint),
    )
    .catch((err: Error) => {
      log.warn({ err }, 'feed listing cache unreadable: recording every item');
      return listed.map(() => false);
    });
  const remembered = listed.filter((_, i) => known[i]).map((l) => l.fingerprint);
  // An item the log refuses (a URL past the schema's length, …) is that item's problem alone.
  const refused = (l: ListedItem, err: Error) => {
    log.warn({ reason: 'invalid', err: err.message.slice(0, 300), url: l.url }, 'feed item skipped');
    skippedItems++;
  };
  let todo: { l: ListedItem; discovered: NewEvent }[] = [];
  for (const [i, l] of listed.entries()) {
    if (known[i]) continue;
    try {
      todo.push({ l, discovered: discoveredEvent(feedId, l) });
    } catch (err) {
      if (!(err instanceof ZodError)) throw err;
      refused(l, err);
    }
  }
  const fetches: FetchArticle[] = [];
  const existing: ListedItem[] = [];
  let newItems = 0;
  const fetchOf = (l: ListedItem): FetchArticle => ({ articleId: l.articleId, url: l.url, feedId, runId });
  while (todo.length > 0) {
    const part = todo.slice(0, ITEMS_PER_APPEND);
    let results: AppendResult[];
    try {
      results = await store.appendMany(
        part.map((t) => ({ streamId: streams.article(t.l.articleId), events: [t.discovered] })),
      );
    } catch (err) {
      if (!(err instanceof InvalidEventError)) throw err;
      const bad = part.find((t) => t.discovered.id === err.eventId);
      if (!bad) throw err;
      refused(bad.l, err);
      todo = todo.filter((t) => t !== bad);
      continue;
    }
    todo = todo.slice(part.length);
    results.forEach((r, i) => {
      const { l } = part[i]!;
      if (r.written > 0) {
        newItems++;
        fetches.push(fetchOf(l));
        remembered.push(l.fingerprint);
      } else {
        existing.push(l);
      }
    });
  }
  // Articles the log knew already: listed by another feed, revised, or still to fetch.
  const inFlight = store.kind === 'postgres' ? 4 : 1;
  let next = 0;
  const worker = async () => {
    while (next < existing.length) {
      const l = existing[next++]!;
      const r = await recordKnownItem(store, feedId, l).catch((err: unknown) => {
        if (err instanceof InvalidEventError || err instanceof ZodError) {
          refused(l, err);
          return null;
        }
        throw err;
      });
      if (!r) continue;
      if (r.fetch) fetches.push(fetchOf(l));
      remembered.push(l.fingerprint);
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, existing.length) }, worker));
  // Fetch jobs before the fingerprints: an item is remembered only once nothing about it is missing.
  await queues.enqueueMany('fetchArticle', fetches);
  await feedListings.remember(listing, remembered).catch((err: Error) => {
    log.warn({ err }, 'feed listing cache not written');
  });
  return { newItems, skippedItems };
}

/** An item whose article the log knew already: read its stream, decide, append what changed. */
async function recordKnownItem(store: EventStore, feedId: string, l: ListedItem): Promise<{ fetch: boolean }> {
  const stream = streams.article(l.articleId);
  const decided = decideKnownItem(foldArticle(l.articleId, await store.readStream(stream)), feedId, l);
  if (decided.events.length) await store.append(stream, decided.events);
  // Enqueued by the caller unless the article is known to be done: the job id is deterministic, and
  // the fetcher skips finished articles, so a crash between this append and the enqueue loses nothing.
  return { fetch: decided.fetch };
}
