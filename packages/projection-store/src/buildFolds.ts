import type { EventStore, SqlTx } from '@tally/event-store';
import type { StoredEvent } from '@tally/events';
import {
  applyBatch,
  type FigureMark,
  type ProjectionName,
  type ProjectionRow,
  type ProjectionSet,
  type RowLoader,
} from '@tally/projections';
import { type ArticleText, collectArticleTexts } from './ArticleSearchTable.ts';
import type { BuildCache } from './BuildCache.ts';
import type { ProjectionTables } from './projectionTables.ts';
import type { RebuildFigures } from './RebuildFigures.ts';

/** What a rebuild stores before the swap once idle (see `storeIdle`), and after how many batches. */
const STORED_EARLY: readonly ProjectionName[] = ['articles', 'feeds', 'duplicates'];
const STORE_IDLE_AFTER_BATCHES = 10;

/** A rebuild's rows in memory: the cache of articles, feeds and clusters, the figures, the texts not yet indexed. */
export interface Build {
  cache: BuildCache;
  figures: RebuildFigures;
  /**
   * Texts of the articles extracted since the build's last commit, for the search index
   * (`ArticleSearchTable`); indexed after the commit, with the idle rows (`storeIdle`).
   */
  texts: Map<string, ArticleText>;
  textChars: number;
}

/** Thrown by a rebuild's in-memory loader when a batch needs rows from the build tables. */
const NEEDS_TABLES = Symbol('needs the build tables');

/** What a rebuild's folds work with: the log, the tables and the two sets of projections. */
export interface BuildFoldContext {
  store: EventStore;
  tables: ProjectionTables;
  /** The projections as the live tables hold them: each row's `finalize` before it is stored. */
  projections: ProjectionSet;
  /** What a rebuild folds: figures as marks, their rows made at the swap (`RebuildFigures`). */
  rebuildSet: ProjectionSet;
  rebuildCacheRows: number;
}

export type BuildFolds = ReturnType<typeof createBuildFolds>;

/**
 * How a rebuild folds the log into rows it keeps in memory (`BuildCache`, the figures' marks) and
 * stores what leaves memory in its `_build` tables.
 */
export function createBuildFolds({ store, tables, projections, rebuildSet, rebuildCacheRows }: BuildFoldContext) {
  /**
   * Stores rows a rebuild kept in memory (null: delete), finalizing them on the way, and notes for
   * the figures what they read of the articles stored.
   */
  const storeRows = async (
    tx: SqlTx,
    build: Build,
    entries: { name: ProjectionName; key: string; row: ProjectionRow | null }[],
  ) => {
    const byName = new Map<ProjectionName, Map<string, ProjectionRow | null>>();
    for (const e of entries) {
      build.cache.markStored(e.name, e.key, e.row !== null);
      if (e.name === 'articles') build.figures.noteArticle(e.key, e.row);
      let rows = byName.get(e.name);
      if (!rows) {
        rows = new Map();
        byName.set(e.name, rows);
      }
      rows.set(e.key, e.row);
    }
    for (const [projection, rows] of byName) {
      const p = projections.get(projection);
      await tables.write(tx, projection, 'build', rows, (row) => p.finalize(row));
    }
  };

  /**
   * The rows a rebuild's batch reads: figures' marks from memory (they never leave it), the others
   * from the cache, `missing` deciding what to do with rows the cache does not hold.
   */
  const buildLoader =
    (
      build: Build,
      missing: (projection: ProjectionName, keys: string[], rows: Map<string, ProjectionRow>) => unknown,
    ) =>
    (projection: ProjectionName, keys: readonly string[]) => {
      if (projection === 'figures') {
        const rows = new Map<string, ProjectionRow>();
        for (const key of keys) {
          const mark = build.figures.marks.get(key);
          if (mark) rows.set(key, mark);
        }
        return rows;
      }
      const { rows, misses } = build.cache.lookup(projection, keys);
      if (misses.length === 0) return rows;
      return missing(projection, misses, rows) as ReturnType<RowLoader>;
    };

  /** Keeps what a batch changed: figures' marks in memory, the other rows in the cache. Then gathers its claims. */
  const keepChanges = (
    build: Build,
    changes: Map<ProjectionName, Map<string, ProjectionRow | null>>,
    events: readonly StoredEvent[],
  ) => {
    for (const [projection, rows] of changes) {
      for (const [key, row] of rows) {
        if (projection === 'figures') {
          if (row) build.figures.marks.set(key, row as FigureMark);
          else build.figures.marks.delete(key);
        } else build.cache.changed(projection, key, row);
      }
    }
    build.figures.add(events);
    build.textChars += collectArticleTexts(events, build.texts);
  };

  /** Takes the texts the build folded and has not indexed yet. */
  const takeTexts = (build: Build): Map<string, ArticleText> => {
    const texts = build.texts;
    build.texts = new Map();
    build.textChars = 0;
    return texts;
  };

  /**
   * Folds events into a rebuild's cache without the database: false (and nothing folded) when the
   * batch needs a row the build tables hold.
   */
  const foldInMemory = async (build: Build, events: readonly StoredEvent[]): Promise<boolean> => {
    build.cache.touch();
    let needsTables = false;
    const changes = await applyBatch(
      rebuildSet,
      events,
      buildLoader(build, (projection, misses, rows) => {
        for (const key of misses) {
          if (build.cache.isStored(projection, key)) needsTables = true;
          else build.cache.loaded(projection, key, null);
        }
        if (needsTables) throw NEEDS_TABLES;
        return rows;
      }),
      { finalize: false },
    ).catch((err: unknown) => {
      if (err === NEEDS_TABLES) return null;
      throw err;
    });
    if (!changes) return false;
    keepChanges(build, changes, events);
    return true;
  };

  /** Folds events into a rebuild's cache, storing what leaves it. */
  const foldIntoBuild = async (tx: SqlTx, build: Build, events: readonly StoredEvent[]) => {
    const { cache } = build;
    cache.touch();
    const changes = await applyBatch(
      rebuildSet,
      events,
      buildLoader(build, async (projection, misses, rows) => {
        const stored = misses.filter((key) => cache.isStored(projection, key));
        const loaded = stored.length > 0 ? await tables.load(tx, projection, 'build', stored) : null;
        for (const key of misses) {
          const row = loaded?.get(key) ?? null;
          cache.loaded(projection, key, row);
          if (row) rows.set(key, row);
        }
        return rows;
      }),
      { finalize: false },
    );
    keepChanges(build, changes, events);
    if (cache.full) await storeRows(tx, build, cache.evict(Math.floor(rebuildCacheRows * 0.8)));
  };

  /**
   * Stores, in a transaction of its own that runs while the rebuild folds on, the rows that no batch
   * used for `STORE_IDLE_AFTER_BATCHES` batches. An article is done with within a few thousand
   * events, so most need no write in the swap, which otherwise stored every row still cached with
   * the rebuild waiting (a third of its time). The texts of the articles extracted since the last
   * commit go into the search index in the same transaction: parsing text is most of what the
   * server does in a rebuild, and done here it runs while the rebuild folds on.
   */
  const storeIdle = (build: Build, own: (tx: SqlTx, lock: ' FOR SHARE') => Promise<unknown>): Promise<void> => {
    const idle = build.cache.takeIdle(STORED_EARLY, STORE_IDLE_AFTER_BATCHES);
    if (idle.length === 0 && build.texts.size === 0) return Promise.resolve();
    const texts = takeTexts(build);
    const storing = store.transaction(async (tx) => {
      await own(tx, ' FOR SHARE');
      if (idle.length > 0) await storeRows(tx, build, idle);
      if (texts.size > 0) await tables.articleSearch.writeTexts(tx, 'build', texts);
    });
    storing.catch(() => {}); // awaited before the next commit, the swap, or the rebuild's end
    return storing;
  };

  return { storeRows, foldInMemory, foldIntoBuild, storeIdle, takeTexts };
}
