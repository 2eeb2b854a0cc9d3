import type { EventStore, SqlTx, Subscription } from '@tally/event-store';
import type { StoredEvent } from '@tally/events';
import { silentLogger } from '@tally/logger';
import { applyBatch, createProjectionSet, createRebuildSet } from '@tally/projections';
import { type ArticleText, collectArticleTexts } from './ArticleSearchTable.ts';
import { Follower } from './Follower.ts';
import type { Projector, ProjectorOptions, RebuildProgress, RebuildResult } from './Projector.ts';
import { ProjectionTables } from './projectionTables.ts';
import { ProjectionVersionError, readState as readProjectorState, type StateLock } from './projectorState.ts';
import { rebuildProjections } from './rebuildProjections.ts';

export type { BatchInfo, Projector, ProjectorOptions, RebuildProgress, RebuildResult } from './Projector.ts';
export { ProjectionVersionError, RebuildSupersededError } from './projectorState.ts';

/**
 * The version of the tables a projector writes, beside the folds' own (`createProjectionSet`): a
 * changed layout (columns, the search index) needs a rebuild as a changed fold does.
 * tables=2: the search index (figures' `search` column, `projection_article_search`).
 * tables=3: the articles' search rows keep their text's hash (a rebuild reuses unchanged texts' vectors).
 */
const TABLES_VERSION = 'tables=3';

/** A stored version that matches no projection set: the tables must be rebuilt before use. */
const STALE = 'stale';

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
  const restartDelayMs = options.restartDelayMs === undefined ? 1000 : options.restartDelayMs;
  const followIntervalMs = options.followIntervalMs ?? 200;
  const followBusyFactor = options.followBusyFactor ?? 4;
  const followMaxIntervalMs = options.followMaxIntervalMs ?? 2000;
  let stateEnsured = false;

  const readState = (tx: SqlTx, lock: StateLock) => readProjectorState(tx, tables.state, name, lock);

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
      const texts = new Map<string, ArticleText>();
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

  const rebuild = (onProgress?: (progress: RebuildProgress) => void): Promise<RebuildResult> =>
    rebuildProjections(
      {
        name,
        store,
        tables,
        projections,
        rebuildSet,
        log,
        options,
        rebuildBatchSize: options.rebuildBatchSize ?? 2000,
        rebuildCacheRows: options.rebuildCacheRows ?? 100_000,
        rebuildCommitEvents: options.rebuildCommitEvents ?? 20_000,
        figureWorkerMinEvents: options.figureWorkerMinEvents === undefined ? 20_000 : options.figureWorkerMinEvents,
        readState,
        init,
      },
      onProgress,
    );

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
