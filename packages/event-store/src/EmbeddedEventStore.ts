import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { AppendSignal } from './appendSignal.ts';
import { lockDataDir } from './dataDirLock.ts';
import { SqlEventStore, type StoreOptions, type StoreTx } from './SqlEventStore.ts';

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
}

/** The folder under Tally's data directory that holds the embedded log. */
export const EMBEDDED_FOLDER = 'pglite';
/** The folder beside it naming the process that has the log open (see `lockDataDir`). */
export const LOCK_FOLDER = 'tally.lock';

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

  private constructor(options: StoreOptions, db: PGlite, ownsDb: boolean, unlock: () => void) {
    super(options, signalFor(db, options.schema ?? 'tally'));
    this.#db = db;
    this.#ownsDb = ownsDb;
    this.#unlock = unlock;
  }

  /**
   * Opens (creating when new) the database, migrates the schema and returns the store. A data
   * directory is for one process at a time: it is locked until `close()`, and opening it while
   * another process holds it throws `EmbeddedLogInUseError`.
   */
  static async open(options: EmbeddedStoreOptions): Promise<EmbeddedEventStore> {
    let db = options.pglite;
    const ownsDb = !db;
    let unlock = () => {};
    if (!db) {
      const dataDir = options.dataDir;
      if (!dataDir) throw new Error('the embedded log needs a dataDir (or "memory://")');
      if (dataDir === 'memory://') {
        db = await PGlite.create();
      } else {
        const dir = join(dataDir, EMBEDDED_FOLDER);
        mkdirSync(dir, { recursive: true });
        unlock = await lockDataDir(dataDir, join(dataDir, LOCK_FOLDER));
        try {
          db = await PGlite.create({ dataDir: dir });
        } catch (err) {
          unlock();
          throw err;
        }
      }
    }
    const store = new EmbeddedEventStore(options, db, ownsDb, unlock);
    try {
      await store.migrate();
    } catch (err) {
      if (ownsDb) await db.close().catch(() => {});
      unlock();
      throw err;
    }
    return store;
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
      if (this.#ownsDb) await this.#db.close();
    } finally {
      this.#unlock();
    }
  }
}
