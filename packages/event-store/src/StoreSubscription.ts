import type { StoredEvent } from '@tally/events';
import type { EventStore, SqlTx, SubscribeOptions, Subscription } from './EventStore.ts';

/**
 * What a subscription asks of its store: the log's head, its consumer's checkpoint, a wait for
 * appends, and two reads and writes the public `EventStore` does not offer (a bounded range of the
 * log, and moving a checkpoint inside the transaction that handled the batch).
 */
export interface SubscriptionSource extends Pick<EventStore, 'head' | 'checkpoint' | 'transaction' | 'waitForAppend'> {
  /** Events after `after` and up to `upTo` (when given), in position order. */
  readRange(
    after: number,
    upTo: number | null,
    limit: number,
    types: readonly string[] | undefined,
  ): Promise<StoredEvent[]>;
  /** Moves checkpoint `name` from `from` to `to` in `tx` after `run`; the stored position when another consumer moved it. */
  advanceCheckpoint(tx: SqlTx, name: string, from: number, to: number, run: () => Promise<void>): Promise<number>;
}

/** The one logger method a subscription uses; a pino logger fits. */
export interface SubscriptionLog {
  error(obj: object, msg?: string): void;
}

interface CaughtUpWaiter {
  target: number;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Catch-up then live: reads batches after its checkpoint until the head, then waits for appends
 * (notification or polling) and goes on. Each batch runs `handle` and moves the checkpoint in one
 * transaction, so a consumer's writes and its position commit together or not at all.
 */
export class StoreSubscription implements Subscription {
  readonly #store: SubscriptionSource;
  readonly #options: SubscribeOptions;
  readonly #log: SubscriptionLog;
  readonly #onEnd: () => void;
  readonly #batchSize: number;
  readonly #pollIntervalMs: number;
  readonly #minBatchIntervalMs: (batchMs: number) => number;
  readonly #abort = new AbortController();
  readonly #waiters = new Set<CaughtUpWaiter>();
  readonly #loop: Promise<void>;
  #position = 0;
  #loaded = false;
  #stopped = false;
  #failure: unknown = null;

  constructor(store: SubscriptionSource, options: SubscribeOptions, log: SubscriptionLog, onEnd: () => void) {
    if (options.name.length === 0) throw new Error('a subscription needs a name');
    this.#store = store;
    this.#options = options;
    this.#log = log;
    this.#onEnd = onEnd;
    this.#batchSize = Math.max(1, options.batchSize ?? 500);
    this.#pollIntervalMs = Math.max(1, options.pollIntervalMs ?? 250);
    const interval = options.minBatchIntervalMs ?? 0;
    this.#minBatchIntervalMs = typeof interval === 'function' ? interval : () => interval;
    this.#loop = this.#run();
  }

  position(): number {
    return this.#position;
  }

  async caughtUp(): Promise<void> {
    if (this.#failure) throw this.#failure;
    if (this.#stopped) throw new Error(`subscription ${this.#options.name} is stopped`);
    const target = await this.#store.head();
    return new Promise<void>((resolve, reject) => {
      const w: CaughtUpWaiter = { target, resolve, reject };
      this.#waiters.add(w);
      this.#settle();
      if (this.#failure || this.#stopped) this.#rejectAll();
    });
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#abort.abort();
    await this.#loop;
  }

  #settle(): void {
    if (!this.#loaded) return;
    for (const w of this.#waiters) {
      if (this.#position >= w.target) {
        this.#waiters.delete(w);
        w.resolve();
      }
    }
  }

  #rejectAll(): void {
    const err = this.#failure ?? new Error(`subscription ${this.#options.name} is stopped`);
    for (const w of this.#waiters) w.reject(err);
    this.#waiters.clear();
  }

  async #run(): Promise<void> {
    const { name } = this.#options;
    try {
      this.#position = await this.#store.checkpoint(name);
      this.#loaded = true;
      this.#settle();
      while (!this.#stopped) {
        const started = performance.now();
        const step = await this.#step();
        if (this.#stopped) break;
        if (step === 'none') {
          await this.#store.waitForAppend(this.#position, this.#pollIntervalMs, this.#abort.signal);
        } else if (step === 'head') {
          const ms = this.#minBatchIntervalMs(performance.now() - started);
          if (ms > 0) await pause(ms, this.#abort.signal);
        }
      }
    } catch (err) {
      this.#failure = err;
      this.#stopped = true;
      if (this.#options.onError) this.#options.onError(err);
      else this.#log.error({ err, subscription: name, position: this.#position }, 'subscription stopped on error');
    } finally {
      this.#stopped = true;
      this.#rejectAll();
      this.#onEnd();
    }
  }

  /** Handles one batch: `none` when there was nothing new, `head` when it reached the head, else `more`. */
  async #step(): Promise<'none' | 'head' | 'more'> {
    const { name, handle, types } = this.#options;
    const from = this.#position;
    // Every position up to the head is committed (appends commit in position order), so when a
    // filtered read returns less than a batch, the checkpoint may move to the head itself.
    const head = await this.#store.head();
    if (head <= from) return 'none';
    const events = await this.#store.readRange(from, head, this.#batchSize, types);
    const last = events[events.length - 1];
    const to = events.length === this.#batchSize && last ? last.position : head;
    this.#position = await this.#store.transaction((tx) =>
      this.#store.advanceCheckpoint(tx, name, from, to, async () => {
        if (events.length > 0) await handle(events, tx);
      }),
    );
    this.#settle();
    return to === head ? 'head' : 'more';
  }
}

/** Resolves after `ms`, or at once when `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
