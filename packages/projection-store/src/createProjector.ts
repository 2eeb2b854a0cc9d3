import type { EventStore, SqlTx, Subscription } from '@tally/event-store';
import type { StoredEvent } from '@tally/events';
import { type Logger, silentLogger } from '@tally/logger';
import { applyBatch, createProjectionSet, type ProjectionSetOptions } from '@tally/projections';
import { ProjectionTables, type TableSet } from './projectionTables.ts';

export interface ProjectorOptions extends ProjectionSetOptions {
  /**
   * Names the projector's state row and checkpoints (`<name>:g<generation>`). One projector per
   * schema: the projection tables are the schema's.
   * @defaultValue `'projections'`
   */
  name?: string;
  /** @defaultValue a logger that writes nothing */
  logger?: Logger;
  /** Events per batch when following the log. @defaultValue 500 */
  batchSize?: number;
  /** Events per batch when rebuilding. @defaultValue 5000 */
  rebuildBatchSize?: number;
  /** Polling interval of the subscriptions when no notification arrives. @defaultValue 250 */
  pollIntervalMs?: number;
  /**
   * After a failed batch (rolled back), follow the log again after this delay, doubling up to 30 s;
   * `null` leaves the projector stopped (its `caughtUp()` rejects).
   * @defaultValue 1000
   */
  restartDelayMs?: number | null;
  /**
   * Called inside each batch's transaction after the rows and the position are written, before
   * the commit; throwing rolls the whole batch back. For tests that break a projector mid-batch.
   */
  beforeCommit?: (batch: BatchInfo) => void | Promise<void>;
}

export interface BatchInfo {
  /** `live`: the tables readers see; `build`: a rebuild's tables. */
  tables: TableSet;
  events: number;
  firstPosition: number;
  lastPosition: number;
}

export interface RebuildProgress {
  /** Position the rebuild has reached. */
  position: number;
  /** The log head when the rebuild started: the swap happens once it is reached. */
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
  subscription: string;
  position: number;
  build_generation: number | null;
  build_subscription: string | null;
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

class RebuildSuperseded extends Error {
  override readonly name = 'RebuildSuperseded';
}

const MAX_RESTART_DELAY_MS = 30_000;

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
 * The projector: applies the projections of `@tally/projections` to tables in the log's database,
 * each batch in the transaction that moves its checkpoint (exactly once).
 *
 * Every handler first locks the projector's state row, which names the subscription feeding the
 * live tables, the one feeding a rebuild's tables, and the position each has reached. Events at or
 * below that position are skipped, so a batch delivered twice, or handed from a rebuild's
 * subscription to the live one, is never applied twice. A subscription the state no longer names
 * is retired: it writes nothing, and the projector follows the one the state names.
 */
export function createProjector(store: EventStore, options: ProjectorOptions = {}): Projector {
  const name = options.name ?? 'projections';
  const log = (options.logger ?? silentLogger).child({ projector: name });
  const projections = createProjectionSet(options);
  const tables = new ProjectionTables(store.schema);
  const batchSize = options.batchSize ?? 500;
  const rebuildBatchSize = options.rebuildBatchSize ?? 5000;
  const restartDelayMs = options.restartDelayMs === undefined ? 1000 : options.restartDelayMs;
  let follower: Follower | null = null;

  const readState = async (tx: SqlTx, lock: boolean): Promise<StateRow | null> => {
    const { rows } = await tx.query<StateRow>(
      `SELECT * FROM ${tables.state} WHERE name = $1${lock ? ' FOR UPDATE' : ''}`,
      [name],
    );
    return rows[0] ? normalise(rows[0]) : null;
  };

  const subscriptionName = (generation: number) => `${name}:g${generation}`;

  /**
   * The first generation from `from` whose subscription name has no checkpoint in the log: a name
   * used before (projection tables dropped by hand, a state row lost) would resume past events
   * the new tables never saw.
   */
  const freshGeneration = async (from: number) => {
    let generation = from;
    while ((await store.checkpoint(subscriptionName(generation))) > 0) generation += 1;
    return generation;
  };
  let stateEnsured = false;

  /** Creates the state row and the live tables on first use; returns the state. */
  const init = () =>
    store.transaction(async (tx) => {
      await tables.ensureState(tx);
      const state = await readState(tx, true);
      stateEnsured = true;
      if (state) return { state, missing: !(await tables.exist(tx)) };
      const generation = await freshGeneration(1);
      await tables.create(tx, 'live', generation);
      await tx.query(`INSERT INTO ${tables.state} (name, version, generation, subscription) VALUES ($1, $2, $3, $4)`, [
        name,
        projections.version,
        generation,
        subscriptionName(generation),
      ]);
      log.info({ version: projections.version }, 'projection tables created');
      return { state: (await readState(tx, false))!, missing: false };
    });

  const handler =
    (subscription: string, onRetired: (live: string) => void) => async (events: StoredEvent[], tx: SqlTx) => {
      const state = await readState(tx, true);
      if (!state) throw new Error(`projection state ${name} is gone`);
      let set: TableSet;
      let from: number;
      if (state.subscription === subscription) {
        set = 'live';
        from = state.position;
      } else if (state.build_subscription === subscription) {
        set = 'build';
        from = state.build_position ?? 0;
      } else {
        onRetired(state.subscription);
        return;
      }
      const fresh = events.filter((e) => e.position > from);
      const last = Math.max(from, events.at(-1)?.position ?? from);
      if (fresh.length > 0) {
        const changes = await applyBatch(projections, fresh, (projection, keys) =>
          tables.load(tx, projection, set, keys),
        );
        for (const [projection, rows] of changes) {
          if (rows.size > 0) await tables.write(tx, projection, set, rows);
        }
      }
      if (set === 'live') {
        await tx.query(`UPDATE ${tables.state} SET position = $2, updated_at = now() WHERE name = $1`, [name, last]);
      } else if (last >= (state.build_target ?? 0) && last >= state.position) {
        await swap(tx, state, last);
      } else {
        await tx.query(`UPDATE ${tables.state} SET build_position = $2, updated_at = now() WHERE name = $1`, [
          name,
          last,
        ]);
      }
      await options.beforeCommit?.({
        tables: set,
        events: fresh.length,
        firstPosition: fresh[0]?.position ?? last,
        lastPosition: last,
      });
    };

  /** Puts the rebuild's tables in place of the live ones and makes its subscription the live one. */
  const swap = async (tx: SqlTx, state: StateRow, position: number) => {
    await tables.swap(tx);
    await tx.query(
      `UPDATE ${tables.state}
       SET version = build_version, generation = build_generation, subscription = build_subscription,
           position = $2, build_generation = NULL, build_subscription = NULL, build_version = NULL,
           build_position = NULL, build_target = NULL, updated_at = now()
       WHERE name = $1`,
      [name, position],
    );
    log.info({ generation: state.build_generation, position }, 'rebuilt projections swapped in');
  };

  const rebuild = async (onProgress?: (progress: RebuildProgress) => void): Promise<RebuildResult> => {
    const started = performance.now();
    await init();
    const target = await store.head();
    const claim = await store.transaction(async (tx) => {
      const state = (await readState(tx, true))!;
      const generation = await freshGeneration(Math.max(state.generation, state.build_generation ?? 0) + 1);
      await tables.create(tx, 'build', generation);
      await tx.query(
        `UPDATE ${tables.state}
         SET build_generation = $2, build_subscription = $3, build_version = $4, build_position = 0,
             build_target = $5, updated_at = now()
         WHERE name = $1`,
        [name, generation, subscriptionName(generation), projections.version, target],
      );
      return { generation, subscription: subscriptionName(generation) };
    });
    log.info({ generation: claim.generation, target }, 'rebuilding projections');

    let failure: unknown = null;
    let superseded = false;
    const sub = store.subscribe({
      name: claim.subscription,
      batchSize: rebuildBatchSize,
      pollIntervalMs: options.pollIntervalMs,
      handle: async (events, tx) => {
        await handler(claim.subscription, () => {
          superseded = true;
        })(events, tx);
        if (onProgress && events.length > 0) {
          const position = events.at(-1)!.position;
          onProgress({ position, target, eps: position / ((performance.now() - started) / 1000) });
        }
      },
      onError: (err) => {
        failure = err;
      },
    });
    try {
      for (;;) {
        try {
          await sub.caughtUp();
        } catch (err) {
          throw failure ?? err;
        }
        if (superseded) throw new RebuildSuperseded(`rebuild ${claim.subscription} was superseded by another one`);
        const done = await store.transaction(async (tx) => {
          const state = (await readState(tx, true))!;
          if (state.subscription === claim.subscription) return state.position;
          if (state.build_subscription !== claim.subscription) return null;
          const position = state.build_position ?? 0;
          // Caught up with nothing left to apply (an empty or quiet log): swap here.
          if (position >= (state.build_target ?? 0) && position >= state.position) {
            await swap(tx, state, position);
            return position;
          }
          return undefined;
        });
        if (done === null) throw new RebuildSuperseded(`rebuild ${claim.subscription} was superseded by another one`);
        if (done !== undefined) {
          const ms = performance.now() - started;
          if (follower) {
            follower.adopt(claim.subscription, sub);
          } else {
            await sub.stop();
          }
          return { events: done, eps: done / (ms / 1000), position: done, ms };
        }
        // Live is ahead of the build: the build catches up with the next batch.
        await store.waitForAppend(await sub.position(), 250);
      }
    } catch (err) {
      await sub.stop().catch(() => {});
      throw err;
    }
  };

  const start = (): Subscription => {
    if (follower && !follower.stopped) return follower;
    const f = new Follower(
      (subscription, onError) =>
        store.subscribe({
          name: subscription,
          batchSize,
          pollIntervalMs: options.pollIntervalMs,
          handle: handler(subscription, (live) => queueMicrotask(() => f.follow(live))),
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
      const current = await store.transaction((tx) => readState(tx, false));
      if (!f.hasSubscription) f.follow(current!.subscription);
    })();
    f.ready.catch((err: unknown) => log.error({ err }, 'projector could not start'));
    return f;
  };

  const lag = async () => {
    const head = await store.head();
    const state = await store.transaction(async (tx) => {
      if (!stateEnsured) await tables.ensureState(tx);
      stateEnsured = true;
      return readState(tx, false);
    });
    return Math.max(0, head - (state?.position ?? 0));
  };

  return { name, version: projections.version, start, rebuild, lag };
}

type Subscribe = (name: string, onError: (err: unknown) => void) => Subscription;

/**
 * The projector's subscription as its caller sees it: one object across restarts after errors and
 * across the hand-over to a rebuild's subscription.
 */
class Follower implements Subscription {
  ready: Promise<void> = Promise.resolve();
  stopped = false;
  #subscribe: Subscribe;
  #current: Subscription | null = null;
  #currentName: string | null = null;
  #changed = deferred();
  #failure: unknown = null;
  #restartDelayMs: number | null;
  #delay: number;
  #restartTimer: NodeJS.Timeout | null = null;
  #log: Logger;

  constructor(subscribe: Subscribe, restartDelayMs: number | null, log: Logger) {
    this.#subscribe = subscribe;
    this.#restartDelayMs = restartDelayMs;
    this.#delay = restartDelayMs ?? 0;
    this.#log = log;
  }

  get hasSubscription(): boolean {
    return this.#current !== null;
  }

  #replace(name: string, sub: Subscription): void {
    const old = this.#current;
    this.#current = sub;
    this.#currentName = name;
    this.#failure = null;
    if (old && old !== sub) void old.stop().catch(() => {});
    const changed = this.#changed;
    this.#changed = deferred();
    changed.resolve();
  }

  /** Follows the subscription of that name (no-op when already following it). */
  follow(name: string): void {
    if (this.stopped || (this.#currentName === name && !this.#failure)) return;
    this.#log.info({ subscription: name }, 'following the log');
    let sub: Subscription | null = null;
    sub = this.#subscribe(name, (err) => this.#failed(sub, name, err));
    this.#replace(name, sub);
  }

  /** Takes over a running subscription (a rebuild's, after its swap). */
  adopt(name: string, sub: Subscription): void {
    if (this.stopped) {
      void sub.stop();
      return;
    }
    this.#replace(name, sub);
  }

  #failed(sub: Subscription | null, name: string, err: unknown): void {
    if (this.stopped || (sub && sub !== this.#current)) return;
    this.#failure = err;
    this.#log.error({ err, subscription: name }, 'projection batch failed; rolled back');
    if (this.#restartDelayMs === null) {
      const changed = this.#changed;
      this.#changed = deferred();
      changed.resolve();
      return;
    }
    const delay = this.#delay;
    this.#delay = Math.min(MAX_RESTART_DELAY_MS, this.#delay * 2);
    this.#restartTimer = setTimeout(() => {
      this.#restartTimer = null;
      this.#currentName = null;
      this.follow(name);
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
        if (sub === this.#current && this.#failure && this.#restartDelayMs === null) throw this.#failure;
        if (sub === this.#current && !this.#failure && !this.stopped) {
          // Stopped by a hand-over in progress: wait for the next subscription.
        }
        if (this.stopped) throw err;
        await changed;
      }
    }
  }

  position(): number {
    return this.#current?.position() ?? 0;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.#restartTimer) clearTimeout(this.#restartTimer);
    const changed = this.#changed;
    this.#changed = deferred();
    changed.resolve();
    await this.ready.catch(() => {});
    await this.#current?.stop();
  }
}
