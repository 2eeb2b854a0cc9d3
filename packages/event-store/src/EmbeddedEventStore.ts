import { AsyncLocalStorage } from 'node:async_hooks';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { NewEvent } from '@tally/events';
import { AppendSignal } from './appendSignal.ts';
import type { AppendOptions, AppendResult, StreamAppend } from './EventStore.ts';
import { EmbeddedLogDamagedError, judgeCensus, logCensus } from './logIntegrity.ts';
import { ManifestKeeper } from './logManifest.ts';
import type { StoreTx } from './logSchema.ts';
import { asDamage, openLogFolder } from './openLogFolder.ts';
import { SqlEventStore, type StoreOptions } from './SqlEventStore.ts';

export { EMBEDDED_FOLDER, LOCK_FOLDER } from './openLogFolder.ts';

export interface EmbeddedStoreOptions extends StoreOptions {
  /**
   * Tally's data directory: the log's files live in its `pglite` folder. `'memory://'` keeps the
   * log in memory (gone on close). Ignored when `pglite` is given.
   */
  dataDir?: string;
  /**
   * An open PGlite to keep the log in (several stores, each in its schema, on one database);
   * `close()` leaves it open.
   */
  pglite?: PGlite;
  /**
   * Open a log on disk that lost events (it holds fewer than its manifest records, has holes, or
   * vanished) and record what it holds now as whole. For recovery, after an operator decided to go
   * on with what is left (`tally doctor --accept-loss`). A log PGlite cannot read stays refused.
   * @defaultValue false
   */
  acceptLoss?: boolean;
}

/**
 * PGlite has one connection: a query issued while a transaction is open waits for it, so a query
 * issued *from inside* the transaction (a subscription handler reading the store) would wait
 * forever. Remember the open transaction per async context and run such queries inside it.
 */
const openTransaction = new AsyncLocalStorage<{ db: PGlite; tx: Transaction }>();

/** Appends of every store object on one database and schema wake each other's waiters. */
const signals = new WeakMap<PGlite, Map<string, AppendSignal>>();

function signalFor(db: PGlite, schema: string): AppendSignal {
  let bySchema = signals.get(db);
  if (!bySchema) {
    bySchema = new Map();
    signals.set(db, bySchema);
  }
  let signal = bySchema.get(schema);
  if (!signal) {
    signal = new AppendSignal();
    bySchema.set(schema, signal);
  }
  return signal;
}

function storeTx(tx: Transaction): StoreTx {
  return {
    query: async <R>(sql: string, params?: unknown[]) => ({ rows: (await tx.query<R>(sql, params as never[])).rows }),
    exec: async (sql: string) => {
      await tx.exec(sql);
    },
  };
}

let savepoints = 0;

/**
 * The log in an in-process PGlite (PostgreSQL compiled to WebAssembly): no server, the same SQL.
 * Only this process reaches the database, so an in-process signal announces appends; its one
 * connection serializes transactions by itself.
 */
export class EmbeddedEventStore extends SqlEventStore {
  readonly kind = 'embedded' as const;
  readonly #db: PGlite;
  readonly #ownsDb: boolean;
  readonly #unlock: () => void;
  #manifest: ManifestKeeper | null = null;

  private constructor(options: StoreOptions, db: PGlite, ownsDb: boolean, unlock: () => void = () => {}) {
    super(options, signalFor(db, options.schema ?? 'tally'));
    this.#db = db;
    this.#ownsDb = ownsDb;
    this.#unlock = unlock;
  }

  /**
   * Opens (creating when new) the database, migrates the schema and returns the store. A data
   * directory is for one process at a time: it is locked until `close()`, and opening it while
   * another process holds it throws `EmbeddedLogInUseError`. A log on disk is checked before it is
   * handed out: every page of its events read, its head and count compared with each other and with
   * the manifest its commits keep beside it; a damaged or vanished log throws
   * `EmbeddedLogDamagedError` with a reason code instead of opening (`acceptLoss` to go on anyway).
   */
  static async open(options: EmbeddedStoreOptions): Promise<EmbeddedEventStore> {
    if (options.pglite) return EmbeddedEventStore.#migrated(new EmbeddedEventStore(options, options.pglite, false));
    const dataDir = options.dataDir;
    if (!dataDir) throw new Error('the embedded log needs a dataDir (or "memory://")');
    if (dataDir === 'memory://') {
      return EmbeddedEventStore.#migrated(new EmbeddedEventStore(options, await PGlite.create(), true));
    }
    const acceptLoss = options.acceptLoss ?? false;
    const { db, unlock, manifest } = await openLogFolder(dataDir, acceptLoss);
    const store = new EmbeddedEventStore(options, db, true, unlock);
    try {
      await store.migrate().catch((err: unknown) => Promise.reject(asDamage(dataDir, err)));
      const census = await logCensus((fn) => store.transaction(fn), store.schema).catch((err: unknown) =>
        Promise.reject(asDamage(dataDir, err)),
      );
      const recordedHead = manifest?.heads[store.schema];
      const damage = judgeCensus(census, recordedHead);
      if (damage && !acceptLoss) {
        throw new EmbeddedLogDamagedError(damage.code, dataDir, damage.detail, { recordedHead, found: census });
      }
      if (damage) store.log.warn({ dataDir, damage: damage.code, ...census }, 'embedded log opened as it is now');
      store.#manifest = new ManifestKeeper(dataDir, store.schema, manifest, census.head, (err) =>
        store.log.warn({ err, dataDir }, 'could not write the log manifest'),
      );
    } catch (err) {
      await db.close().catch(() => {});
      unlock();
      throw err;
    }
    return store;
  }

  static async #migrated(store: EmbeddedEventStore): Promise<EmbeddedEventStore> {
    try {
      await store.migrate();
    } catch (err) {
      if (store.#ownsDb) await store.#db.close().catch(() => {});
      throw err;
    }
    return store;
  }

  override async append(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    const result = await super.append(streamId, events, options);
    this.#committed([result]);
    return result;
  }

  override async appendMany(batches: readonly StreamAppend[]): Promise<AppendResult[]> {
    const results = await super.appendMany(batches);
    this.#committed(results);
    return results;
  }

  #committed(results: readonly AppendResult[]): void {
    if (!this.#manifest) return;
    for (const r of results) {
      if (r.written === 0) continue;
      let last = 0;
      for (const p of r.positions) if (p > last) last = p;
      this.#manifest.committed(last);
    }
  }

  protected async query<R>(sql: string, params?: unknown[]): Promise<R[]> {
    const open = openTransaction.getStore();
    const target = open && open.db === this.#db ? open.tx : this.#db;
    const result = await target.query<R>(sql, params as never[]);
    return result.rows;
  }

  protected async queryArrays<R extends unknown[]>(sql: string, params?: unknown[]): Promise<R[]> {
    const open = openTransaction.getStore();
    const target = open && open.db === this.#db ? open.tx : this.#db;
    const result = await target.query<R>(sql, params as never[], { rowMode: 'array' });
    return result.rows;
  }

  protected async runTransaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    const open = openTransaction.getStore();
    if (open && open.db === this.#db) {
      // Nested in a transaction of this database: a savepoint, so a failure undoes only its part.
      const savepoint = `tally_sp_${++savepoints}`;
      await open.tx.exec(`SAVEPOINT ${savepoint}`);
      try {
        const result = await fn(storeTx(open.tx));
        await open.tx.exec(`RELEASE SAVEPOINT ${savepoint}`);
        return result;
      } catch (err) {
        await open.tx.exec(`ROLLBACK TO SAVEPOINT ${savepoint}`);
        throw err;
      }
    }
    const db = this.#db;
    return db.transaction((tx) => openTransaction.run({ db, tx }, () => fn(storeTx(tx))));
  }

  protected async listenForAppends(): Promise<void> {
    // Nobody outside this process can append: the in-process signal hears every append.
  }

  protected async closeDatabase(): Promise<void> {
    try {
      this.#manifest?.flush();
      if (this.#ownsDb) await this.#db.close();
    } finally {
      this.#unlock();
    }
  }
}
