import type { NewEvent, StoredEvent } from '@tally/events';
import { AppendSignal } from './appendSignal.ts';
import {
  type AppendOptions,
  type AppendResult,
  ConcurrencyError,
  type EventStore,
  type ReadAllOptions,
  type ReadStreamOptions,
  type SqlTx,
  type StreamAppend,
  type SubscribeOptions,
  type Subscription,
} from './EventStore.ts';
import {
  type AppendRow,
  appendResultOf,
  conflictOf,
  EVENT_JSON,
  encodeBatch,
  toStoredEvents,
  UUID,
} from './eventRows.ts';
import { MIGRATION_LOCK_CLASS, migrations, type SchemaNames } from './migrations.ts';
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

/** A transaction as the store's own code uses it: `exec` runs several statements (migrations). */
export interface StoreTx extends SqlTx {
  exec(sql: string): Promise<void>;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,39}$/;

/** 32-bit FNV-1a of the schema name, as a signed int4: the second half of the schema's lock keys. */
export function lockKeyFor(schema: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < schema.length; i++) {
    h ^= schema.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/**
 * The log on PostgreSQL's SQL, shared by both backends: they differ only in how they reach the
 * database (a `pg` pool or an in-process PGlite) and how appends are announced.
 */
export abstract class SqlEventStore implements EventStore {
  abstract readonly kind: 'postgres' | 'embedded';
  readonly schema: string;
  protected readonly log: StoreLogger;
  protected readonly names: SchemaNames;
  protected readonly appended: AppendSignal;
  protected readonly table: {
    events: string;
    checkpoints: string;
    migrations: string;
    append: string;
    appendMany: string;
  };
  #closed = false;
  readonly #subscriptions = new Set<StoreSubscription>();

  protected constructor(options: StoreOptions, appended = new AppendSignal()) {
    this.appended = appended;
    const schema = options.schema ?? 'tally';
    if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name ${JSON.stringify(schema)}`);
    this.schema = schema;
    this.log = options.logger ?? quietLogger;
    const q = `"${schema}"`;
    this.names = { schema: q, appendLockKey: lockKeyFor(schema), channel: `${schema}_appended` };
    this.table = {
      events: `${q}.events`,
      checkpoints: `${q}.checkpoints`,
      migrations: `${q}.tally_migrations`,
      append: `${q}.append_events`,
      appendMany: `${q}.append_events_many`,
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
    const applied = await this.runTransaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1, $2)', [MIGRATION_LOCK_CLASS, this.names.appendLockKey]);
      await tx.exec(`CREATE SCHEMA IF NOT EXISTS ${this.names.schema}`);
      await tx.exec(
        `CREATE TABLE IF NOT EXISTS ${this.table.migrations} (
           version integer PRIMARY KEY,
           name text NOT NULL,
           applied_at timestamptz NOT NULL DEFAULT now()
         )`,
      );
      const { rows } = await tx.query<{ version: number }>(`SELECT version FROM ${this.table.migrations}`);
      const done = new Set(rows.map((r) => Number(r.version)));
      const now: number[] = [];
      for (const m of migrations) {
        if (done.has(m.version)) continue;
        await tx.exec(m.sql(this.names));
        await tx.query(`INSERT INTO ${this.table.migrations} (version, name) VALUES ($1, $2)`, [m.version, m.name]);
        now.push(m.version);
      }
      return now;
    });
    if (applied.length > 0) this.log.info({ schema: this.schema, applied }, 'event log migrated');
  }

  async append(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    this.assertOpen();
    const expected = options.expectedVersion ?? 'any';
    const batch = encodeBatch({ streamId, events, expectedVersion: expected });
    const rows = await this.query<AppendRow>(
      `SELECT * FROM ${this.table.append}($1, $2, $3, $4, $5, $6)`,
      [streamId, batch.expected, batch.ids, batch.types, batch.data, batch.metadata],
      'tally_append',
    );
    const row = rows[0];
    if (!row) throw new Error('append_events returned no row');
    const actual = Number(row.r_version);
    if (row.r_conflict) throw new ConcurrencyError(streamId, expected, actual);
    const result = appendResultOf(row);
    this.announce([result]);
    return result;
  }

  async appendMany(batches: readonly StreamAppend[]): Promise<AppendResult[]> {
    this.assertOpen();
    const encoded = batches.map(encodeBatch);
    // Streams with nothing to append are answered without a trip: the call stays one statement
    // for the rest.
    const sent = encoded.flatMap((b, i) => (b.ids.length > 0 ? [i] : []));
    const results: AppendResult[] = batches.map(() => ({ positions: [], written: 0, streamVersion: 0 }));
    if (sent.length === 0) {
      for (let i = 0; i < batches.length; i++) results[i] = await this.append(batches[i]!.streamId, []);
      return results;
    }
    const starts: number[] = [];
    const ids: string[] = [];
    const types: string[] = [];
    for (const i of sent) {
      starts.push(ids.length + 1);
      ids.push(...encoded[i]!.ids);
      types.push(...encoded[i]!.types);
    }
    let rows: (Omit<AppendRow, 'r_conflict'> & { r_stream: number })[];
    try {
      rows = await this.query(
        `SELECT * FROM ${this.table.appendMany}($1, $2, $3, $4, $5, $6, $7)`,
        [
          sent.map((i) => batches[i]!.streamId),
          sent.map((i) => encoded[i]!.expected),
          starts,
          ids,
          types,
          sent.map((i) => encoded[i]!.data),
          sent.map((i) => encoded[i]!.metadata),
        ],
        'tally_append_many',
      );
    } catch (err) {
      const conflict = conflictOf(err);
      if (!conflict) throw err;
      const b = batches[sent[conflict.stream - 1]!]!;
      throw new ConcurrencyError(b.streamId, b.expectedVersion ?? 'any', conflict.version);
    }
    for (const row of rows) results[sent[Number(row.r_stream) - 1]!] = appendResultOf(row);
    for (let i = 0; i < batches.length; i++) {
      // A stream given no events: its version as the other backends' `append(stream, [])` tells it.
      if (encoded[i]!.ids.length === 0) results[i] = await this.append(batches[i]!.streamId, []);
    }
    this.announce(results);
    return results;
  }

  /** Wakes this process's waiters past the last position written. */
  private announce(results: readonly AppendResult[]): void {
    let last = 0;
    for (const r of results) if (r.written > 0) for (const p of r.positions) if (p > last) last = p;
    if (last > 0) this.appended.notify(last);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    const limit = options.limit ?? 10_000;
    const rows =
      options.direction === 'backwards'
        ? await this.queryArrays<[string]>(
            `SELECT ${EVENT_JSON} FROM ${this.table.events}
             WHERE stream_id = $1 AND stream_version < $2 ORDER BY stream_version DESC LIMIT $3`,
            [streamId, options.beforeVersion ?? 2 ** 31 - 1, limit],
            'tally_read_stream_backwards',
          )
        : await this.queryArrays<[string]>(
            `SELECT ${EVENT_JSON} FROM ${this.table.events}
             WHERE stream_id = $1 AND stream_version > $2 ORDER BY stream_version LIMIT $3`,
            [streamId, options.afterVersion ?? 0, limit],
            'tally_read_stream',
          );
    return toStoredEvents(rows);
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
    const params: unknown[] = [after, limit];
    let where = 'position > $1';
    if (upTo !== null) {
      params.push(upTo);
      where += ` AND position <= $${params.length}`;
    }
    if (types) {
      params.push(types);
      where += ` AND type = ANY($${params.length}::text[])`;
    }
    // A type filter stays unprepared: a generic plan would not see which types (how many rows) it asks for.
    const statement = types ? undefined : upTo === null ? 'tally_read_range' : 'tally_read_range_to';
    const rows = await this.queryArrays<[string]>(
      `SELECT ${EVENT_JSON} FROM ${this.table.events} WHERE ${where} ORDER BY position LIMIT $2`,
      params,
      statement,
    );
    return toStoredEvents(rows);
  }

  /**
   * Pages `readAllPages` keeps asked for ahead of the one it hands over, each on a connection of
   * its own where the backend has several: the database produces them while the caller works.
   */
  protected readonly readAhead: number = 1;

  async *readAllPages(options: ReadAllOptions = {}): AsyncIterable<StoredEvent[]> {
    const limit = options.limit ?? 1000;
    if (!Number.isInteger(limit) || limit < 1) throw new Error('limit must be a whole number ≥ 1');
    const types = options.types;
    // Positions have no holes, so the page after a full page of the whole log starts `limit`
    // further on: those pages are asked for before the current one arrives. Each guess is checked
    // against the page before it (a hole or a type filter makes it wrong) and asked again if wrong.
    const ahead = types ? 1 : Math.max(1, this.readAhead);
    const asked: { after: number; page: Promise<StoredEvent[]> }[] = [];
    const ask = (after: number) => {
      const page = this.readRange(after, null, limit, types);
      page.catch(() => {}); // a page nobody awaits (the caller stopped early) must not go unhandled
      asked.push({ after, page });
    };
    const topUp = () => {
      while (asked.length < ahead) ask(asked[asked.length - 1]!.after + limit);
    };
    ask(options.after ?? 0);
    topUp();
    for (;;) {
      const page = await asked.shift()!.page;
      const full = page.length === limit;
      if (full) {
        const last = page[page.length - 1]!.position;
        if (asked.length > 0 && asked[0]!.after !== last) asked.length = 0;
        if (asked.length === 0) ask(last);
        topUp();
      } else {
        asked.length = 0;
      }
      if (page.length > 0) yield page;
      if (!full) return;
    }
  }

  async head(): Promise<number> {
    this.assertOpen();
    const rows = await this.query<{ head: number | string }>(
      `SELECT coalesce(max(position), 0) AS head FROM ${this.table.events}`,
      [],
      'tally_head',
    );
    return Number(rows[0]?.head ?? 0);
  }

  async has(eventId: string): Promise<boolean> {
    this.assertOpen();
    if (!UUID.test(eventId)) return false;
    const rows = await this.query(`SELECT 1 FROM ${this.table.events} WHERE id = $1`, [eventId]);
    return rows.length > 0;
  }

  async checkpoint(name: string): Promise<number> {
    this.assertOpen();
    const rows = await this.query<{ position: number | string }>(
      `SELECT position FROM ${this.table.checkpoints} WHERE name = $1`,
      [name],
      'tally_checkpoint',
    );
    return Number(rows[0]?.position ?? 0);
  }

  /**
   * Moves the checkpoint `name` from `from` to `to` inside `tx`, after `handle` ran there. Returns
   * the stored position instead (and runs nothing) when another consumer of that name moved it.
   * The row lock taken by the upsert makes two consumers of one name take turns.
   */
  async advanceCheckpoint(
    tx: SqlTx,
    name: string,
    from: number,
    to: number,
    run: () => Promise<void>,
  ): Promise<number> {
    const { rows } = await tx.query<{ position: number | string }>(
      `INSERT INTO ${this.table.checkpoints} (name, position) VALUES ($1, 0)
       ON CONFLICT (name) DO UPDATE SET name = excluded.name
       RETURNING position`,
      [name],
    );
    const stored = Number(rows[0]?.position ?? 0);
    if (stored !== from) return stored;
    await run();
    await tx.query(`UPDATE ${this.table.checkpoints} SET position = $2, updated_at = now() WHERE name = $1`, [
      name,
      to,
    ]);
    return to;
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
