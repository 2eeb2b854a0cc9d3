import type { SqlTx } from './EventStore.ts';
import { MIGRATION_LOCK_CLASS, migrations, type SchemaNames } from './migrations.ts';

// The log's place in a database: the schema it lives in, its tables' qualified names, its lock
// key, and bringing the schema to the latest migration.

/** A transaction as the store's own code uses it: `exec` runs several statements (migrations). */
export interface StoreTx extends SqlTx {
  exec(sql: string): Promise<void>;
}

/**
 * How the log's statements reach the database: one statement at a time, outside any transaction of
 * the caller's. `statement` names a statement the store runs over and over with the same text: a
 * backend that can keeps it prepared per connection.
 */
export interface LogSql {
  readonly table: LogTables;
  query<R>(sql: string, params?: unknown[], statement?: string): Promise<R[]>;
  /** Like `query`, each row an array of its columns in order. */
  queryArrays<R extends unknown[]>(sql: string, params?: unknown[], statement?: string): Promise<R[]>;
}

/** The log's tables and functions, each qualified with its schema. */
export interface LogTables {
  events: string;
  checkpoints: string;
  migrations: string;
  append: string;
  appendMany: string;
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

/** The names a schema's migrations and statements are written with; throws on a name that is not one. */
export function logSchemaOf(schema: string): { names: SchemaNames; table: LogTables } {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name ${JSON.stringify(schema)}`);
  const q = `"${schema}"`;
  return {
    names: { schema: q, appendLockKey: lockKeyFor(schema), channel: `${schema}_appended` },
    table: {
      events: `${q}.events`,
      checkpoints: `${q}.checkpoints`,
      migrations: `${q}.tally_migrations`,
      append: `${q}.append_events`,
      appendMany: `${q}.append_events_many`,
    },
  };
}

/**
 * Brings the schema to the latest migration and returns the versions applied now; concurrent
 * openers wait for each other on the schema's migration lock.
 */
export function migrateSchema(
  runTransaction: <T>(fn: (tx: StoreTx) => Promise<T>) => Promise<T>,
  names: SchemaNames,
  table: LogTables,
): Promise<number[]> {
  return runTransaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1, $2)', [MIGRATION_LOCK_CLASS, names.appendLockKey]);
    await tx.exec(`CREATE SCHEMA IF NOT EXISTS ${names.schema}`);
    await tx.exec(
      `CREATE TABLE IF NOT EXISTS ${table.migrations} (
         version integer PRIMARY KEY,
         name text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const { rows } = await tx.query<{ version: number }>(`SELECT version FROM ${table.migrations}`);
    const done = new Set(rows.map((r) => Number(r.version)));
    const now: number[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql(names));
      await tx.query(`INSERT INTO ${table.migrations} (version, name) VALUES ($1, $2)`, [m.version, m.name]);
      now.push(m.version);
    }
    return now;
  });
}
