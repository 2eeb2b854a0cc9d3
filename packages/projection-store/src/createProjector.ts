import type { EventStore, SqlTx, Subscription } from '@tally/event-store';
import type { StoredEvent } from '@tally/events';
import { type Logger, silentLogger } from '@tally/logger';
import {
  applyBatch,
  createProjectionSet,
  createRebuildSet,
  type FigureMark,
  type ProjectionName,
  type ProjectionRow,
  type ProjectionSetOptions,
  type RowLoader,
} from '@tally/projections';
import { collectArticleTexts } from './ArticleSearchTable.ts';
import { BuildCache } from './BuildCache.ts';
import { ProjectionTables, type TableSet } from './projectionTables.ts';
import { RebuildFigures } from './RebuildFigures.ts';

export interface ProjectorOptions extends ProjectionSetOptions {
  /**
   * Names the projector's checkpoint and state row. One projector per schema: the projection
   * tables are the schema's.
   * @defaultValue `'projections'`
   */
  name?: string;
  /** @defaultValue a logger that writes nothing */
  logger?: Logger;
  /** Events per batch when following the log. @defaultValue 500 */
  batchSize?: number;
  /**
   * Events per batch when rebuilding. Measured: 1,000–2,000 cost the least CPU per event (larger
   * batches outlive the young generation and make the collector work).
   * @defaultValue 2000
   */
  rebuildBatchSize?: number;
  /**
   * Rows a rebuild keeps in memory between batches (see `BuildCache`): more means fewer writes and
   * more memory (a row is a few KB).
   * @defaultValue 100000
   */
  rebuildCacheRows?: number;
  /**
   * Events a rebuild folds between its commits. A batch that needs nothing from the build tables
   * (no row to read back, nothing to store) is folded in memory without a transaction; a commit
   * (the build's position, `beforeCommit`) comes at least every this many events, and with every
   * batch that reads or stores rows. On a busy machine each round trip to the database waits for
   * it to be scheduled: four per batch left the rebuild idle a fifth of the time.
   * @defaultValue 20000
   */
  rebuildCommitEvents?: number;
  /**
   * A rebuild of at least this many events keeps its figures' claims in a worker thread, which makes,
   * finalizes and serializes the figures at the swap (`FigureWorker`, see `RebuildFigures`); `null`:
   * always on the rebuild's own thread. When the worker cannot start, the rebuild goes on without it.
   * @defaultValue 20000
   */
  figureWorkerMinEvents?: number | null;
  /** Polling interval of the subscription when no notification arrives. @defaultValue 250 */
  pollIntervalMs?: number;
  /**
   * When following the log closely, the least time between two batches: events appended meanwhile
   * are folded together, so a figure or article changed by several appends is read, derived and
   * written once instead of once per append (see `SubscribeOptions.minBatchIntervalMs`). The pause
   * is also at least `followBusyFactor` times as long as the batch before it took, so a projector
   * whose rows grew costly keeps to a bounded share of the process. @defaultValue 200
   */
  followIntervalMs?: number;
  /** See `followIntervalMs`; 4 keeps a projector that follows closely busy at most a fifth of the time. @defaultValue 4 */
  followBusyFactor?: number;
  /** The longest pause `followBusyFactor` may make, so figures never trail the log by much more. @defaultValue 2000 */
  followMaxIntervalMs?: number;
  /**
   * After a failed batch (rolled back), follow the log again after this delay, doubling up to 30 s;
   * `null` leaves the projector stopped (its `caughtUp()` rejects).
   * @defaultValue 1000
   */
  restartDelayMs?: number | null;
  /**
   * Called inside each batch's transaction (`tx`) after the rows and the position are written,
   * before the commit; throwing rolls the whole batch back. For tests that break a projector
   * mid-batch. A rebuild's commit covers the batches folded since the one before (see
   * `rebuildCommitEvents`).
   */
  beforeCommit?: (batch: BatchInfo, tx: SqlTx) => void | Promise<void>;
}

export interface BatchInfo {
  /** `live`: the tables readers see; `build`: a rebuild's tables (`swap`: the batch that swaps them in). */
  tables: TableSet;
  swap: boolean;
  events: number;
  firstPosition: number;
  lastPosition: number;
}

export interface RebuildProgress {
  /** Position the rebuild has reached. */
  position: number;
  /** The log head when the rebuild started. */
  target: number;
  eps: number;
}

export interface RebuildResult {
  /** Events folded into the new tables. */
  events: number;
  /** Events per second, from the start of the rebuild to the swap. */
  eps: number;
  /** The position of the swapped-in tables. */
  position: number;
  ms: number;
  /** Of `ms`, the swap: the transaction that stores the rows still in memory and swaps the tables in. */
  swapMs: number;
  /** Figures stored at the swap. */
  figures: number;
  /** Whether they were made in a worker thread (see `figureWorkerMinEvents`). */
  figuresInWorker: boolean;
}

export interface Projector {
  readonly name: string;
  /** The projections' version: a stored version that differs triggers a rebuild on `start()`. */
  readonly version: string;
  /**
   * Follows the log into the projection tables (rebuilding first when the stored version differs).
   * Batches commit with their position: a projector stopped or killed at any point resumes
   * without losing or double-counting an event.
   */
  start(): Subscription;
  /**
   * Builds the projections from position 0 into fresh tables beside the live ones and swaps them
   * in (one transaction) once caught up, so readers never see a half-built projection.
   */
  rebuild(onProgress?: (progress: RebuildProgress) => void): Promise<RebuildResult>;
  /** Log head minus the live tables' position. */
  lag(): Promise<number>;
}

interface StateRow {
  name: string;
  version: string;
  generation: number;
  position: number;
  build_generation: number | null;
  build_version: string | null;
  build_position: number | null;
  build_target: number | null;
}

function normalise(row: StateRow): StateRow {
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    ...row,
    generation: Number(row.generation),
    position: Number(row.position),
    build_generation: n(row.build_generation),
    build_position: n(row.build_position),
    build_target: n(row.build_target),
  };
}

export class RebuildSupersededError extends Error {
  override readonly name = 'RebuildSupersededError';
  constructor(readonly generation: number) {
    super(`rebuild of generation ${generation} was superseded by another rebuild`);
  }
}

export class ProjectionVersionError extends Error {
  override readonly name = 'ProjectionVersionError';
  constructor(
    readonly stored: string,
    readonly version: string,
  ) {
    super(`projection tables are at version "${stored}", this projector folds "${version}": restart it to rebuild`);
  }
}

/**
 * The version of the tables a projector writes, beside the folds' own (`createProjectionSet`): a
 * changed layout (columns, the search index) needs a rebuild as a changed fold does.
 * tables=2: the search index (figures' `search` column, `projection_article_search`).
 */
const TABLES_VERSION = 'tables=2';

/** Characters of article text a rebuild holds for the search index before it commits and indexes them. */
const REBUILD_TEXT_CHARS = 8_000_000;

/** What a rebuild stores before the swap once idle (see `storeIdle`), and after how many batches. */
const STORED_EARLY: readonly ProjectionName[] = ['articles', 'feeds', 'duplicates'];
const STORE_IDLE_AFTER_BATCHES = 10;

/** A rebuild's rows in memory: the cache of articles, feeds and clusters, the figures, the texts not yet indexed. */
interface Build {
  cache: BuildCache;
  figures: RebuildFigures;
  /**
   * Texts of the articles extracted since the build's last commit, for the search index
   * (`ArticleSearchTable`); indexed after the commit, with the idle rows (`storeIdle`).
   */
  texts: Map<string, string>;
  textChars: number;
}

/** Thrown by a rebuild's in-memory loader when a batch needs rows from the build tables. */
const NEEDS_TABLES = Symbol('needs the build tables');

/** A stored version that matches no projection set: the tables must be rebuilt before use. */
const STALE = 'stale';
const MAX_RESTART_DELAY_MS = 30_000;

/**
 * The projector: applies the projections of `@tally/projections` to tables in the log's database.
 *
 * Live: one subscription (named `name`); each batch runs in the transaction that moves its
 * checkpoint. The handler first locks the projector's state row and skips events at or below the
 * position stored there, then writes rows and that position: exactly once, even when a batch is
 * delivered again or after a swap moved the position ahead of the subscription's checkpoint.
 *
 * Rebuild: reads the log from 0 (the store prefetches the next page while a batch is folded) into
 * `_build` tables, keeping rows in memory across batches (`BuildCache`). The swap transaction locks
 * the state row (live batches wait), folds whatever the live tables got ahead of the build, stores
 * the remaining rows, renames the tables and moves the state to the build's position.
 */
export function createProjector(store: EventStore, options: ProjectorOptions = {}): Projector {
  const name = options.name ?? 'projections';
  const log = (options.logger ?? silentLogger).child({ projector: name });
  const folds = createProjectionSet(options);
  const projections = { ...folds, get: folds.get, version: `${folds.version} ${TABLES_VERSION}` };
  /** What a rebuild folds: figures as marks, their rows made at the swap (`RebuildFigures`). */
  const rebuildSet = createRebuildSet(options);
  const tables = new ProjectionTables(store.schema);
  const batchSize = options.batchSize ?? 500;
  const rebuildBatchSize = options.rebuildBatchSize ?? 2000;
  const rebuildCacheRows = options.rebuildCacheRows ?? 100_000;
  const rebuildCommitEvents = options.rebuildCommitEvents ?? 20_000;
  const figureWorkerMinEvents = options.figureWorkerMinEvents === undefined ? 20_000 : options.figureWorkerMinEvents;
  const restartDelayMs = options.restartDelayMs === undefined ? 1000 : options.restartDelayMs;
  const followIntervalMs = options.followIntervalMs ?? 200;
  const followBusyFactor = options.followBusyFactor ?? 4;
  const followMaxIntervalMs = options.followMaxIntervalMs ?? 2000;
  let stateEnsured = false;

  const readState = async (tx: SqlTx, lock: '' | ' FOR UPDATE' | ' FOR SHARE'): Promise<StateRow | null> => {
    const { rows } = await tx.query<StateRow>(`SELECT * FROM ${tables.state} WHERE name = $1${lock}`, [name]);
    return rows[0] ? normalise(rows[0]) : null;
  };

  /** Creates the state row and the live tables on first use; returns the state. */
  const init = () =>
    store.transaction(async (tx) => {
      await tables.ensureState(tx);
      stateEnsured = true;
      const state = await readState(tx, ' FOR UPDATE');
      if (state) return { state, missing: !(await tables.exist(tx)) };
      // A checkpoint without a state row (tables dropped by hand): following from it would skip
      // what the new tables never saw, so they are rebuilt first.
      const version = (await store.checkpoint(name)) > 0 ? STALE : projections.version;
      await tables.create(tx, 'live', 1);
      await tx.query(`INSERT INTO ${tables.state} (name, version, generation) VALUES ($1, $2, 1)`, [name, version]);
      log.info({ version }, 'projection tables created');
      return { state: (await readState(tx, ''))!, missing: false };
    });

  /** Folds a live batch and stores the rows and the position, in the subscription's transaction. */
  const handleLive = async (events: StoredEvent[], tx: SqlTx) => {
    const state = await readState(tx, ' FOR UPDATE');
    if (!state) throw new Error(`projection state ${name} is gone`);
    if (state.version !== projections.version) {
      // Tables of another version (swapped in by a newer projector, or awaiting a rebuild): folding
      // into them with this code would mix versions.
      throw new ProjectionVersionError(state.version, projections.version);
    }
    const fresh = events.filter((e) => e.position > state.position);
    const last = Math.max(state.position, events.at(-1)?.position ?? 0);
    if (fresh.length > 0) {
      const changes = await applyBatch(projections, fresh, (projection, keys) =>
        tables.load(tx, projection, 'live', keys),
      );
      for (const [projection, rows] of changes) {
        if (rows.size > 0) await tables.write(tx, projection, 'live', rows);
      }
      const texts = new Map<string, string>();
      collectArticleTexts(fresh, texts);
      if (texts.size > 0) await tables.articleSearch.writeTexts(tx, 'live', texts);
    }
    await tx.query(`UPDATE ${tables.state} SET position = $2, updated_at = now() WHERE name = $1`, [name, last]);
    await options.beforeCommit?.(
      {
        tables: 'live',
        swap: false,
        events: fresh.length,
        firstPosition: fresh[0]?.position ?? last,
        lastPosition: last,
      },
      tx,
    );
  };

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
  const takeTexts = (build: Build): Map<string, string> => {
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

  const rebuild = async (onProgress?: (progress: RebuildProgress) => void): Promise<RebuildResult> => {
    const started = performance.now();
    await init();
    const target = await store.head();
    const generation = await store.transaction(async (tx) => {
      const state = (await readState(tx, ' FOR UPDATE'))!;
      const next = Math.max(state.generation, state.build_generation ?? 0) + 1;
      await tables.create(tx, 'build', next);
      await tx.query(
        `UPDATE ${tables.state}
         SET build_generation = $2, build_version = $3, build_position = 0, build_target = $4, updated_at = now()
         WHERE name = $1`,
        [name, next, projections.version, target],
      );
      return next;
    });
    log.info({ generation, target }, 'rebuilding projections');

    const build: Build = {
      cache: new BuildCache(rebuildCacheRows),
      // A long rebuild keeps its figures in a worker thread, started now so it is ready before the
      // first claims need it (those before are held until it is).
      figures: new RebuildFigures(
        projections.get('figures'),
        figureWorkerMinEvents !== null && target >= figureWorkerMinEvents,
        { statementWindowDays: options.statementWindowDays },
        log,
      ),
      texts: new Map(),
      textChars: 0,
    };
    const { cache } = build;
    /** The build's own state, checked under a share lock: a newer rebuild (which locks for update) supersedes it. */
    const own = async (tx: SqlTx, lock: ' FOR UPDATE' | ' FOR SHARE') => {
      const state = await readState(tx, lock);
      if (!state || state.build_generation !== generation) throw new RebuildSupersededError(generation);
      return state;
    };
    let position = 0;
    let figures = 0;
    /** Events folded since the build's last commit. */
    let uncommitted: { events: number; first: number | null } = { events: 0, first: null };
    let storingEarly: Promise<void> = Promise.resolve();
    let swapStarted = performance.now();
    try {
      if (target > 0) {
        for await (const page of store.readAllPages({ after: 0, limit: rebuildBatchSize })) {
          const events = page.filter((e) => e.position <= target);
          if (events.length === 0) break;
          const last = events.at(-1)!.position;
          // Rows from the tables or rows to store need the database; otherwise the batch is folded in
          // memory and the next commit records it (the tables are touched only in transactions that
          // checked, under the state lock, that this rebuild was not superseded).
          const folded = await foldInMemory(build, events);
          uncommitted.events += events.length;
          uncommitted.first ??= events[0]!.position;
          if (
            !folded ||
            cache.full ||
            uncommitted.events >= rebuildCommitEvents ||
            build.textChars >= REBUILD_TEXT_CHARS
          ) {
            const batch = uncommitted;
            // Rows read back must have been stored: the last early store commits first.
            await storingEarly;
            await store.transaction(async (tx) => {
              await own(tx, ' FOR SHARE');
              if (!folded) await foldIntoBuild(tx, build, events);
              else if (cache.full) await storeRows(tx, build, cache.evict(Math.floor(rebuildCacheRows * 0.8)));
              await tx.query(`UPDATE ${tables.state} SET build_position = $2 WHERE name = $1`, [name, last]);
              await options.beforeCommit?.(
                {
                  tables: 'build',
                  swap: false,
                  events: batch.events,
                  firstPosition: batch.first ?? last,
                  lastPosition: last,
                },
                tx,
              );
            });
            uncommitted = { events: 0, first: null };
            storingEarly = storeIdle(build, own);
          }
          position = last;
          onProgress?.({ position, target, eps: position / ((performance.now() - started) / 1000) });
          if (position >= target) break;
        }
      }

      await storingEarly;
      // The swap: live batches wait on the state lock until it commits.
      swapStarted = performance.now();
      position = await store.transaction(async (tx) => {
        const state = await own(tx, ' FOR UPDATE');
        let at = position;
        let caughtUpFrom: number | null = null;
        // The live tables may be ahead of the build (they kept following the log): catch up first.
        while (at < state.position) {
          const events = await store.readAll({ after: at, limit: rebuildBatchSize });
          const upTo = events.filter((e) => e.position <= state.position);
          if (upTo.length === 0) break;
          await foldIntoBuild(tx, build, upTo);
          caughtUpFrom ??= upTo[0]!.position;
          at = upTo.at(-1)!.position;
        }
        at = Math.max(at, state.position);
        // Every article stored first: the figures read what they need of them as the log ends.
        await storeRows(tx, build, cache.drain());
        await tables.articleSearch.writeTexts(tx, 'build', takeTexts(build));
        figures = await build.figures.store(tx, tables);
        await tables.createIndexes(tx, 'build', generation);
        await tables.swap(tx);
        await tx.query(
          `UPDATE ${tables.state}
           SET version = build_version, generation = build_generation, position = $2, build_generation = NULL,
               build_version = NULL, build_position = NULL, build_target = NULL, updated_at = now()
           WHERE name = $1`,
          [name, at],
        );
        await options.beforeCommit?.(
          {
            tables: 'build',
            swap: true,
            events: at - position,
            firstPosition: caughtUpFrom ?? at,
            lastPosition: at,
          },
          tx,
        );
        return at;
      });
    } finally {
      await storingEarly.catch(() => {});
      cache.clear();
      build.texts.clear();
      await build.figures.close().catch((err: unknown) => log.warn({ err }, 'closing the figure worker failed'));
    }
    const ms = performance.now() - started;
    log.info({ generation, position, ms: Math.round(ms) }, 'rebuilt projections swapped in');
    return {
      events: position,
      eps: position / (ms / 1000),
      position,
      ms,
      swapMs: performance.now() - swapStarted,
      figures,
      figuresInWorker: build.figures.inWorker,
    };
  };

  let follower: Follower | null = null;

  const start = (): Subscription => {
    if (follower && !follower.stopped) return follower;
    const f = new Follower(
      (onError) =>
        store.subscribe({
          name,
          batchSize,
          pollIntervalMs: options.pollIntervalMs,
          minBatchIntervalMs: (batchMs) =>
            Math.max(followIntervalMs, Math.min(followMaxIntervalMs, followBusyFactor * batchMs)),
          handle: handleLive,
          onError,
        }),
      restartDelayMs,
      log,
    );
    follower = f;
    f.ready = (async () => {
      const { state, missing } = await init();
      if (state.version !== projections.version || missing) {
        log.info({ stored: state.version, version: projections.version }, 'projection version changed: rebuilding');
        await rebuild();
      }
      f.begin();
    })();
    f.ready.catch((err: unknown) => log.error({ err }, 'projector could not start'));
    return f;
  };

  const lag = async () => {
    const head = await store.head();
    const state = await store.transaction(async (tx) => {
      if (!stateEnsured) await tables.ensureState(tx);
      stateEnsured = true;
      return readState(tx, '');
    });
    return Math.max(0, head - (state?.position ?? 0));
  };

  return { name, version: projections.version, start, rebuild, lag };
}

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/**
 * The projector's subscription as its caller sees it: one object across restarts after a failed
 * batch (each restart resumes from the committed checkpoint).
 */
class Follower implements Subscription {
  ready: Promise<void> = Promise.resolve();
  stopped = false;
  readonly #subscribe: (onError: (err: unknown) => void) => Subscription;
  readonly #restartDelayMs: number | null;
  readonly #log: Logger;
  #current: Subscription | null = null;
  #changed = deferred();
  #failure: unknown = null;
  #delay: number;
  #restartTimer: NodeJS.Timeout | null = null;

  constructor(
    subscribe: (onError: (err: unknown) => void) => Subscription,
    restartDelayMs: number | null,
    log: Logger,
  ) {
    this.#subscribe = subscribe;
    this.#restartDelayMs = restartDelayMs;
    this.#delay = restartDelayMs ?? 0;
    this.#log = log;
  }

  #announce(): void {
    const changed = this.#changed;
    this.#changed = deferred();
    changed.resolve();
  }

  /** Subscribes (again). */
  begin(): void {
    if (this.stopped) return;
    let sub: Subscription | null = null;
    sub = this.#subscribe((err) => this.#failed(sub, err));
    this.#current = sub;
    this.#failure = null;
    this.#announce();
  }

  #failed(sub: Subscription | null, err: unknown): void {
    if (this.stopped || (sub && sub !== this.#current)) return;
    this.#failure = err;
    this.#log.error({ err }, 'projection batch failed and rolled back');
    this.#announce();
    if (this.#restartDelayMs === null) return;
    const delay = this.#delay;
    this.#delay = Math.min(MAX_RESTART_DELAY_MS, Math.max(1, this.#delay * 2));
    this.#restartTimer = setTimeout(() => {
      this.#restartTimer = null;
      this.begin();
    }, delay);
  }

  async caughtUp(): Promise<void> {
    await this.ready;
    for (;;) {
      if (this.stopped) throw new Error('projector is stopped');
      const sub = this.#current;
      const changed = this.#changed.promise;
      if (!sub) {
        await changed;
        continue;
      }
      try {
        await sub.caughtUp();
        if (sub === this.#current) {
          this.#delay = this.#restartDelayMs ?? 0;
          return;
        }
      } catch (err) {
        if (this.stopped) throw err;
        if (sub === this.#current && this.#failure !== null && this.#restartDelayMs === null) throw this.#failure;
        // A restart is coming: wait for it.
        if (sub === this.#current) await changed;
      }
    }
  }

  position(): number {
    return this.#current?.position() ?? 0;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.#restartTimer) clearTimeout(this.#restartTimer);
    this.#announce();
    await this.ready.catch(() => {});
    await this.#current?.stop();
  }
}
