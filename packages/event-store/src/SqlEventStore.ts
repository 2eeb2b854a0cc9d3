import type { NewEvent, StoredEvent } from '@tally/events';
import { appendToStream, appendToStreams, lastWritten } from './appendEvents.ts';
import { AppendSignal } from './appendSignal.ts';
import { advanceCheckpoint, readCheckpoint } from './checkpoints.ts';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  SqlTx,
  StreamAppend,
  SubscribeOptions,
  Subscription,
} from './EventStore.ts';
import { type LogSql, type LogTables, logSchemaOf, migrateSchema, type StoreTx } from './logSchema.ts';
import type { SchemaNames } from './migrations.ts';
import { hasEvent, readHead, readPages, readRange, readStream } from './readEvents.ts';
import { StoreSubscription } from './StoreSubscription.ts';

/** The few logger methods the store uses; a pino logger fits. */
export interface StoreLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

const quietLogger: StoreLogger = { debug() {}, info() {}, warn() {}, error() {} };

export interface StoreOptions {
  /**
   * PostgreSQL schema holding the log's tables; tests use one each to stay apart in one database.
   * Lower-case letters, digits and `_`, at most 40 characters.
   * @defaultValue `'tally'`
   */
  schema?: string;
  /** @defaultValue a logger that writes nothing */
  logger?: StoreLogger;
}

/**
 * The log on PostgreSQL's SQL, shared by both backends: they differ only in how they reach the
 * database (a `pg` pool or an in-process PGlite) and how appends are announced. The statements
 * live by concept (logSchema, appendEvents, readEvents, checkpoints); this class keeps the store's
 * life: open or closed, its subscriptions, and the waits for appends.
 */
export abstract class SqlEventStore implements EventStore {
  abstract readonly kind: 'postgres' | 'embedded';
  readonly schema: string;
  protected readonly log: StoreLogger;
  protected readonly names: SchemaNames;
  protected readonly appended: AppendSignal;
  protected readonly table: LogTables;
  /** The statements' way to the database, through the backend's `query` and `queryArrays`. */
  readonly #sql: LogSql;
  #closed = false;
  readonly #subscriptions = new Set<StoreSubscription>();

  protected constructor(options: StoreOptions, appended = new AppendSignal()) {
    this.appended = appended;
    const schema = options.schema ?? 'tally';
    const { names, table } = logSchemaOf(schema);
    this.schema = schema;
    this.log = options.logger ?? quietLogger;
    this.names = names;
    this.table = table;
    this.#sql = {
      table,
      query: (sql, params, statement) => this.query(sql, params, statement),
      queryArrays: (sql, params, statement) => this.queryArrays(sql, params, statement),
    };
  }

  /**
   * One statement, outside any transaction of the caller's. `statement` names a statement the store
   * runs over and over with the same text: a backend that can keeps it prepared per connection.
   */
  protected abstract query<R>(sql: string, params?: unknown[], statement?: string): Promise<R[]>;
  /** Like `query`, each row an array of its columns in order. */
  protected abstract queryArrays<R extends unknown[]>(
    sql: string,
    params?: unknown[],
    statement?: string,
  ): Promise<R[]>;
  protected abstract runTransaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;
  /** Makes sure notifications of appends by other connections reach `appended` (no-op when none can happen). */
  protected abstract listenForAppends(): Promise<void>;
  protected abstract closeDatabase(): Promise<void>;

  protected get closed(): boolean {
    return this.#closed;
  }

  protected assertOpen(): void {
    if (this.#closed) throw new Error('event store is closed');
  }

  /** Brings the schema to the latest migration; concurrent openers wait for each other. */
  protected async migrate(): Promise<void> {
    const applied = await migrateSchema((fn) => this.runTransaction(fn), this.names, this.table);
    if (applied.length > 0) this.log.info({ schema: this.schema, applied }, 'event log migrated');
  }

  async append(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    this.assertOpen();
    const result = await appendToStream(this.#sql, streamId, events, options);
    this.announce([result]);
    return result;
  }

  async appendMany(batches: readonly StreamAppend[]): Promise<AppendResult[]> {
    this.assertOpen();
    const results = await appendToStreams(this.#sql, batches);
    this.announce(results);
    return results;
  }

  /** Wakes this process's waiters past the last position written. */
  private announce(results: readonly AppendResult[]): void {
    const last = lastWritten(results);
    if (last > 0) this.appended.notify(last);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    return readStream(this.#sql, streamId, options);
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    return this.readRange(options.after ?? 0, null, options.limit ?? 1000, options.types);
  }

  /** Events after `after` and up to `upTo` (when given), in position order. */
  async readRange(
    after: number,
    upTo: number | null,
    limit: number,
    types: readonly string[] | undefined,
  ): Promise<StoredEvent[]> {
    this.assertOpen();
    return readRange(this.#sql, after, upTo, limit, types);
  }

  /**
   * Pages `readAllPages` keeps asked for ahead of the one it hands over, each on a connection of
   * its own where the backend has several: the database produces them while the caller works.
   */
  protected readonly readAhead: number = 1;

  readAllPages(options: ReadAllOptions = {}): AsyncIterable<StoredEvent[]> {
    return readPages((after, upTo, limit, types) => this.readRange(after, upTo, limit, types), options, this.readAhead);
  }

  async head(): Promise<number> {
    this.assertOpen();
    return readHead(this.#sql);
  }

  async has(eventId: string): Promise<boolean> {
    this.assertOpen();
    return hasEvent(this.#sql, eventId);
  }

  async checkpoint(name: string): Promise<number> {
    this.assertOpen();
    return readCheckpoint(this.#sql, name);
  }

  /**
   * Moves the checkpoint `name` from `from` to `to` inside `tx`, after `run` ran there; the stored
   * position (and nothing run) when another consumer of that name moved it.
   */
  advanceCheckpoint(tx: SqlTx, name: string, from: number, to: number, run: () => Promise<void>): Promise<number> {
    return advanceCheckpoint(this.#sql, tx, name, from, to, run);
  }

  transaction<T>(fn: (tx: SqlTx) => Promise<T>): Promise<T> {
    this.assertOpen();
    return this.runTransaction(fn);
  }

  subscribe(options: SubscribeOptions): Subscription {
    this.assertOpen();
    const sub = new StoreSubscription(this, options, this.log, () => this.#subscriptions.delete(sub));
    this.#subscriptions.add(sub);
    return sub;
  }

  waitForAppend(afterPosition: number, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    if (this.#closed || signal?.aborted) return Promise.resolve();
    return new Promise<void>((resolve) => {
      let settled = false;
      const done = () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        remove();
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const remove = this.appended.add(afterPosition, done);
      const timer = setTimeout(done, timeoutMs);
      signal?.addEventListener('abort', done, { once: true });
      // Listen first, then look: an append that committed in between is seen by one or the other.
      this.listenForAppends()
        .then(() => (settled || this.#closed ? 0 : this.head()))
        .then((head) => {
          if (head > afterPosition) done();
        })
        .catch((err: unknown) => {
          // Polling fallback: the timer still fires.
          this.log.debug({ err }, 'waitForAppend could not check the head');
        });
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    await Promise.allSettled([...this.#subscriptions].map((s) => s.stop()));
    this.#closed = true;
    this.appended.wakeAll();
    await this.closeDatabase();
  }
}
