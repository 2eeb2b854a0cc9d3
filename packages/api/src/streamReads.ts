import type { EventStore } from '@tally/event-store';
import type { StoredEvent } from '@tally/events';

/** What the stream browser reads of the log (`routes/streamRoutes.ts`, `dashboard/streamPages.ts`). */

export interface StreamSlice {
  streamId: string;
  /** The stream's version (its last event's). */
  version: number;
  events: StoredEvent[];
  /** The `after` of the next page, in the same order; null on the last page. */
  next: number | null;
}

/**
 * One page of a stream by version: newest first (versions below `after`) or oldest first
 * (versions above it). Null when the log holds no event of the stream.
 */
export async function readStreamSlice(
  store: Pick<EventStore, 'readStream'>,
  streamId: string,
  query: { order: 'newest' | 'oldest'; limit: number; after?: number | undefined },
): Promise<StreamSlice | null> {
  const [last] = await store.readStream(streamId, { direction: 'backwards', limit: 1 });
  if (!last) return null;
  const newest = query.order === 'newest';
  const events = newest
    ? await store.readStream(streamId, { direction: 'backwards', beforeVersion: query.after, limit: query.limit })
    : await store.readStream(streamId, { afterVersion: query.after ?? 0, limit: query.limit });
  const end = events.at(-1)?.streamVersion;
  const more = end !== undefined && (newest ? end > 1 : end < last.streamVersion);
  return { streamId, version: last.streamVersion, events, next: more ? end : null };
}

/** The event at a log position, or null past the head. */
export async function readEventAt(store: Pick<EventStore, 'readAll'>, position: number): Promise<StoredEvent | null> {
  const [event] = await store.readAll({ after: position - 1, limit: 1 });
  return event?.position === position ? event : null;
}
