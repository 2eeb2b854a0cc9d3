import type { SqlTx, Subscription } from '@tally/event-store';
import type { Logger } from '@tally/logger';
import type { ProjectionSetOptions } from '@tally/projections';
import type { TableSet } from './projectionTables.ts';

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
