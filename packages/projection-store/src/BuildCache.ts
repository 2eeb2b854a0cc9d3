import type { ProjectionName, ProjectionRow } from '@tally/projections';

interface Entry {
  name: ProjectionName;
  key: string;
  /** null: known not to exist (or deleted). */
  row: ProjectionRow | null;
  /** Changed since it was last stored. */
  dirty: boolean;
  /** The tick of its last use: eviction takes the oldest first. */
  used: number;
}

/**
 * The rows of a rebuild, kept in memory across batches (least recently used first out). A rebuild
 * is never resumed (a new one starts from position 0), so its rows need storing only when they
 * leave the cache and before the swap: each row is written about once instead of once per batch
 * that touches it. Bounded by a row count.
 *
 * Recency is a tick stamped on each use (`touch` moves it on, once per batch) rather than an
 * order kept by re-inserting every entry on every use: a rebuild looks rows up millions of times
 * and evicts rarely, so eviction sorts by the stamps instead.
 *
 * A rebuild keeps its figures elsewhere (`RebuildFigures`): this holds articles, feeds and clusters.
 */
export class BuildCache {
  readonly #entries = new Map<ProjectionName, Map<string, Entry>>();
  /** Keys with a row in the build tables: stored when they left the cache (the tables start empty). */
  readonly #stored = new Map<ProjectionName, Set<string>>();
  readonly #limit: number;
  #size = 0;
  #tick = 0;

  constructor(limit: number) {
    this.#limit = Math.max(1, limit);
  }

  get size(): number {
    return this.#size;
  }

  get full(): boolean {
    return this.#size > this.#limit;
  }

  /** Starts a new unit of recency (a batch): rows used from now on are newer than those used before. */
  touch(): void {
    this.#tick++;
  }

  #of(name: ProjectionName): Map<string, Entry> {
    let entries = this.#entries.get(name);
    if (!entries) {
      entries = new Map();
      this.#entries.set(name, entries);
    }
    return entries;
  }

  /** Cached rows among `keys` (absent ones included as null) and the keys to load. */
  lookup(name: ProjectionName, keys: readonly string[]): { rows: Map<string, ProjectionRow>; misses: string[] } {
    const entries = this.#of(name);
    const rows = new Map<string, ProjectionRow>();
    const misses: string[] = [];
    for (const key of keys) {
      const entry = entries.get(key);
      if (!entry) {
        misses.push(key);
        continue;
      }
      entry.used = this.#tick;
      if (entry.row) rows.set(key, entry.row);
    }
    return { rows, misses };
  }

  /**
   * Whether the build tables may hold a row for `key`: only rows that left the cache were stored,
   * so a key never stored needs no read (most misses of a rebuild are rows seen for the first time).
   */
  isStored(name: ProjectionName, key: string): boolean {
    return this.#stored.get(name)?.has(key) ?? false;
  }

  /** Records that the build tables now hold a row for `key` (`true`) or none (`false`). */
  markStored(name: ProjectionName, key: string, present: boolean): void {
    let keys = this.#stored.get(name);
    if (!keys) {
      keys = new Set();
      this.#stored.set(name, keys);
    }
    if (present) keys.add(key);
    else keys.delete(key);
  }

  /** Rows read from the tables (null: not there). */
  loaded(name: ProjectionName, key: string, row: ProjectionRow | null): void {
    this.#set(name, key, row, false);
  }

  /** Rows changed by a batch. */
  changed(name: ProjectionName, key: string, row: ProjectionRow | null): void {
    this.#set(name, key, row, true);
  }

  #set(name: ProjectionName, key: string, row: ProjectionRow | null, dirty: boolean): void {
    const entries = this.#of(name);
    const entry = entries.get(key);
    if (entry) {
      entry.row = row;
      entry.dirty = dirty;
      entry.used = this.#tick;
      return;
    }
    entries.set(key, { name, key, row, dirty, used: this.#tick });
    this.#size++;
  }

  /** Takes entries out until `keep` remain, the least recently used first; returns the dirty ones. */
  evict(keep: number): Entry[] {
    const out: Entry[] = [];
    if (this.#size <= keep) return out;
    const all: Entry[] = [];
    for (const entries of this.#entries.values()) for (const entry of entries.values()) all.push(entry);
    all.sort((a, b) => a.used - b.used);
    for (const entry of all.slice(0, this.#size - keep)) {
      this.#entries.get(entry.name)!.delete(entry.key);
      if (entry.dirty) out.push(entry);
    }
    this.#size = keep;
    return out;
  }

  /**
   * Dirty entries of the given projections not used in the last `idleTicks` ticks, marked clean
   * (they stay cached, and are stored again only if they change again).
   */
  takeIdle(names: readonly ProjectionName[], idleTicks: number): Entry[] {
    const out: Entry[] = [];
    const before = this.#tick - idleTicks;
    for (const name of names) {
      for (const entry of this.#entries.get(name)?.values() ?? []) {
        if (!entry.dirty || entry.used > before) continue;
        out.push({ ...entry });
        entry.dirty = false;
      }
    }
    return out;
  }

  /** Every dirty entry, marked clean (they stay cached). */
  drain(): Entry[] {
    const out: Entry[] = [];
    for (const entries of this.#entries.values()) {
      for (const entry of entries.values()) {
        if (!entry.dirty) continue;
        out.push({ ...entry });
        entry.dirty = false;
      }
    }
    return out;
  }

  clear(): void {
    this.#entries.clear();
    this.#stored.clear();
    this.#size = 0;
  }
}
