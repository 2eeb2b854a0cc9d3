import type { SqlTx } from '@tally/event-store';
import type { Build, BuildFoldContext, BuildFolds } from './buildFolds.ts';
import type { ProjectorOptions } from './Projector.ts';
import type { StateRow } from './projectorState.ts';

/** What the swap works with. */
export interface SwapContext extends Pick<BuildFoldContext, 'store' | 'tables'> {
  name: string;
  options: Pick<ProjectorOptions, 'beforeCommit'>;
  rebuildBatchSize: number;
}

/**
 * Swaps a rebuild's tables in, in one transaction that holds the state row's lock (live batches
 * wait on it until it commits): folds whatever the live tables got ahead of the build, stores the
 * rows still in memory and the figures, builds the listing indexes, renames the tables and moves
 * the state to the build's position. Returns that position and the figures stored.
 */
export function swapBuild(
  ctx: SwapContext,
  folds: BuildFolds,
  build: Build,
  generation: number,
  position: number,
  own: (tx: SqlTx, lock: ' FOR UPDATE') => Promise<StateRow>,
): Promise<{ position: number; figures: number }> {
  const { name, store, tables, options, rebuildBatchSize } = ctx;
  return store.transaction(async (tx) => {
    const state = await own(tx, ' FOR UPDATE');
    let at = position;
    let caughtUpFrom: number | null = null;
    // The live tables may be ahead of the build (they kept following the log): catch up first.
    while (at < state.position) {
      const events = await store.readAll({ after: at, limit: rebuildBatchSize });
      const upTo = events.filter((e) => e.position <= state.position);
      if (upTo.length === 0) break;
      await folds.foldIntoBuild(tx, build, upTo);
      caughtUpFrom ??= upTo[0]!.position;
      at = upTo.at(-1)!.position;
    }
    at = Math.max(at, state.position);
    // Every article stored first: the figures read what they need of them as the log ends.
    await folds.storeRows(tx, build, build.cache.drain());
    await tables.articleSearch.writeTexts(tx, 'build', folds.takeTexts(build));
    const figures = await build.figures.store(tx, tables);
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
    return { position: at, figures };
  });
}
