import type { ProjectionName, ProjectionRow } from '@tally/projections';

interface Entry {
  name: ProjectionName;
  key: string;
  /** null: known not to exist (or deleted). */
  row: ProjectionRow | null;
  /** Changed since it was last stored. */
  dirty: boolean;
}

/**
 * The rows of a rebuild, kept in memory across batches (least recently used first out). A rebuild
 * is never resumed (a new one starts from position 0), so its rows need storing only when they
 * leave the cache and before the swap: each row is written about once instead of once per batch
 * that touches it, and figures derive their statements once. Bounded by a row count.
 */
export class BuildCache {
  readonly #entries = new Map<string, Entry>();
  readonly #limit: number;

  constructor(limit: number) {
    this.#limit = Math.max(1, limit);
  }

  get size(): number {
    return this.#entries.size;
  }

  get full(): boolean {
    return this.#entries.size > this.#limit;
  }

  static #id(name: ProjectionName, key: string): string {
    return `${name}\u0000${key}`;
  }

  /** Cached rows among `keys` (absent ones included as null) and the keys to load. */
  lookup(name: ProjectionName, keys: readonly string[]): { rows: Map<string, ProjectionRow>; misses: string[] } {
    const rows = new Map<string, ProjectionRow>();
    const misses: string[] = [];
    for (const key of keys) {
      const id = BuildCache.#id(name, key);
      const entry = this.#entries.get(id);
      if (!entry) {
        misses.push(key);
        continue;
      }
      this.#entries.delete(id);
      this.#entries.set(id, entry);
      if (entry.row) rows.set(key, entry.row);
    }
    return { rows, misses };
  }

  /** Rows read from the tables (null: not there). */
  loaded(name: ProjectionName, key: string, row: ProjectionRow | null): void {
    this.#entries.set(BuildCache.#id(name, key), { name, key, row, dirty: false });
  }

  /** Rows changed by a batch. */
  changed(name: ProjectionName, key: string, row: ProjectionRow | null): void {
    const id = BuildCache.#id(name, key);
    this.#entries.delete(id);
    this.#entries.set(id, { name, key, row, dirty: true });
  }

  /** Takes the least recently used entries out until `keep` remain; returns the dirty ones. */
  evict(keep: number): Entry[] {
    const out: Entry[] = [];
    for (const [id, entry] of this.#entries) {
      if (this.#entries.size <= keep) break;
      this.#entries.delete(id);
      if (entry.dirty) out.push(entry);
    }
    return out;
  }

  /** Every dirty entry, marked clean (they stay cached). */
  drain(): Entry[] {
    const out: Entry[] = [];
    for (const entry of this.#entries.values()) {
      if (!entry.dirty) continue;
      out.push({ ...entry });
      entry.dirty = false;
    }
    return out;
  }

  clear(): void {
    this.#entries.clear();
  }
}
