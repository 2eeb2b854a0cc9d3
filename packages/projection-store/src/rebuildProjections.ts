import type { EventStore, SqlTx } from '@tally/event-store';
import type { Logger } from '@tally/logger';
import type { ProjectionSet } from '@tally/projections';
import { BuildCache } from './BuildCache.ts';
import { type Build, type BuildFoldContext, createBuildFolds } from './buildFolds.ts';
import type { ProjectorOptions, RebuildProgress, RebuildResult } from './Projector.ts';
import type { ProjectionTables } from './projectionTables.ts';
import { RebuildSupersededError, type StateLock, type StateRow } from './projectorState.ts';
import { RebuildFigures } from './RebuildFigures.ts';
import { swapBuild } from './swapBuild.ts';

/** Characters of article text a rebuild holds for the search index before it commits and indexes them. */
const REBUILD_TEXT_CHARS = 8_000_000;

/** What a rebuild works with: the projector's log, tables, projections, options and state. */
export interface RebuildContext extends BuildFoldContext {
  name: string;
  store: EventStore;
  tables: ProjectionTables;
  projections: ProjectionSet;
  log: Logger;
  options: ProjectorOptions;
  rebuildBatchSize: number;
  rebuildCommitEvents: number;
  figureWorkerMinEvents: number | null;
  readState(tx: SqlTx, lock: StateLock): Promise<StateRow | null>;
  /** Creates the state row and the live tables on first use. */
  init(): Promise<unknown>;
}

/**
 * Builds the projections from position 0 into `_build` tables beside the live ones, reading the log
 * a page ahead while a batch is folded and keeping rows in memory across batches (`BuildCache`), and
 * swaps them in once caught up (`swapBuild`), so readers never see a half-built projection.
 */
export async function rebuildProjections(
  ctx: RebuildContext,
  onProgress?: (progress: RebuildProgress) => void,
): Promise<RebuildResult> {
  const { name, store, tables, projections, log, options } = ctx;
  const { rebuildBatchSize, rebuildCacheRows, rebuildCommitEvents, figureWorkerMinEvents } = ctx;
  const folds = createBuildFolds(ctx);
  const started = performance.now();
  await ctx.init();
  const target = await store.head();
  const generation = await store.transaction(async (tx) => {
    const state = (await ctx.readState(tx, ' FOR UPDATE'))!;
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
    const state = await ctx.readState(tx, lock);
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
        const folded = await folds.foldInMemory(build, events);
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
            if (!folded) await folds.foldIntoBuild(tx, build, events);
            else if (cache.full) await folds.storeRows(tx, build, cache.evict(Math.floor(rebuildCacheRows * 0.8)));
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
          storingEarly = folds.storeIdle(build, own);
        }
        position = last;
        onProgress?.({ position, target, eps: position / ((performance.now() - started) / 1000) });
        if (position >= target) break;
      }
    }

    await storingEarly;
    // The swap: live batches wait on the state lock until it commits.
    swapStarted = performance.now();
    ({ position, figures } = await swapBuild(ctx, folds, build, generation, position, own));
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
}
