import type { EventType, StoredEvent } from '@tally/events';
import type { ArticleRow } from './ArticleRow.ts';

/** The projections Tally keeps, in the order they apply each event (articles first: the others read it). */
export const projectionNames = ['articles', 'feeds', 'duplicates', 'figures', 'tokens'] as const;
export type ProjectionName = (typeof projectionNames)[number];

/** One stored event of the given types. */
export type EventOf<T extends EventType> = Extract<StoredEvent, { type: T }>;

/** Every projection row carries the position of the last event that changed it. */
export interface ProjectionRow {
  position: number;
}

/**
 * Read access to the articles projection while folding. `keysOf` and the articles fold itself see
 * the rows as they were before the event; the other folds see them after the articles fold applied
 * the same event. Figures and duplicates read article rows instead of keeping their own copies of
 * feed, outlet and duplicate data, so there is one place where that data is folded.
 */
export interface ProjectionLookup {
  /** The article's row, or null when the log has not mentioned the article. */
  article(articleId: string): ArticleRow | null;
}

/**
 * A projection: which events it handles, which rows (keys) an event touches, and how a row
 * evolves. The fold is per key so an adapter can load only the rows a batch of events touches,
 * evolve them in memory and write them back.
 */
export interface Projection<Row extends ProjectionRow, T extends EventType = EventType> {
  readonly name: ProjectionName;
  /** Bumped whenever the fold's output changes for the same events: a changed version means rebuild. */
  readonly version: number;
  readonly handles: readonly T[];
  /** The keys of the rows this event changes (an empty list: none). */
  keysOf(event: EventOf<T>, lookup: ProjectionLookup): string[];
  /**
   * The row after the event; `null` deletes it. Returns the same object when nothing changed. Never
   * mutates its input. The caller stamps `position` on a changed row.
   */
  evolve(row: Row | null, event: EventOf<T>, key: string, lookup: ProjectionLookup): Row | null;
  /**
   * Whether an event that changes a row becomes the row's `position` (default: every one). Figures
   * count only claims and duplicate verdicts: an article event that refreshes a figure's article
   * references changes the row but is not one of the figure's changes.
   */
  movesPosition?(event: EventOf<T>): boolean;
  /**
   * Fills fields derived from the folded state (e.g. figures' statements), once per row and batch
   * before the row is stored. Must depend on the folded state only, so batching never shows.
   */
  finalize(row: Row): Row;
}

/** Whether a projection handles an event type. */
export function handlesEvent<Row extends ProjectionRow, T extends EventType>(
  projection: Projection<Row, T>,
  event: StoredEvent,
): event is EventOf<T> {
  let set = handled.get(projection.handles);
  if (!set) {
    set = new Set(projection.handles);
    handled.set(projection.handles, set);
  }
  return set.has(event.type);
}
const handled = new WeakMap<readonly EventType[], ReadonlySet<EventType>>();

/** Inserts into a sorted array of unique strings, returning the same array when already present. */
export function withSorted(list: readonly string[], value: string): string[] {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  if (list[lo] === value) return list as string[];
  return [...list.slice(0, lo), value, ...list.slice(lo)];
}

/** Union of sorted unique string arrays, sorted and unique. */
export function unionSorted(a: readonly string[], b: readonly string[]): string[] {
  if (b.length === 0) return a as string[];
  const out = new Set(a);
  let grew = false;
  for (const v of b) {
    if (!out.has(v)) {
      out.add(v);
      grew = true;
    }
  }
  return grew ? [...out].sort() : (a as string[]);
}
