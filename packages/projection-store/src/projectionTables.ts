import type { SqlTx } from '@tally/event-store';
import {
  type ArticleRow,
  type DuplicateClusterRow,
  type FeedRow,
  type FigureRow,
  figureSummary,
  type ProjectionName,
  type ProjectionRow,
  type TokenRow,
} from '@tally/projections';
import { ArticleSearchTable } from './ArticleSearchTable.ts';
import { FIGURE_SEARCH_WEIGHTS, figureSearchParts, weightedVectorSql } from './searchText.ts';
import type { TableSet } from './tableSet.ts';

/** Rows per INSERT, and JSON characters per INSERT (whichever comes first). */
const WRITE_CHUNK_ROWS = 2000;
const WRITE_CHUNK_CHARS = 8_000_000;

/** A column beside each row's JSON document, for listing, sorting and searching without reading documents. */
interface ColumnSpec {
  name: string;
  /** The column's SQL type. */
  type: string;
  /** The value from the row (sent as a parameter). */
  of: (row: ProjectionRow) => unknown;
  /**
   * When the column is computed on the server from the value: the parameter's SQL type and the
   * expression over it (a search vector from the row's texts).
   */
  computed?: { param: string; sql: (param: string) => string };
}

interface TableSpec {
  name: ProjectionName;
  columns: readonly ColumnSpec[];
  /** Extra indexes: B-tree column lists, or a GIN index over an expression. */
  indexes: readonly (string | { gin: string })[];
}

const spec = (s: TableSpec) => s;

export const tableSpecs: readonly TableSpec[] = [
  spec({
    name: 'articles',
    columns: [
      { name: 'first_position', type: 'bigint', of: (r) => (r as ArticleRow).firstPosition },
      { name: 'status', type: 'text', of: (r) => (r as ArticleRow).status },
    ],
    indexes: ['first_position', 'status, first_position'],
  }),
  spec({
    name: 'feeds',
    columns: [{ name: 'first_position', type: 'bigint', of: (r) => (r as FeedRow).firstPosition }],
    indexes: [],
  }),
  spec({
    name: 'duplicates',
    columns: [{ name: 'first_position', type: 'bigint', of: (r) => (r as DuplicateClusterRow).firstPosition }],
    indexes: [],
  }),
  spec({
    name: 'figures',
    columns: [
      { name: 'summary', type: 'json', of: (r) => figureSummary(r as FigureRow) },
      {
        name: 'search',
        type: 'tsvector',
        of: (r) => figureSearchParts(r as FigureRow),
        computed: {
          param: 'text[]',
          sql: (p) => weightedVectorSql(FIGURE_SEARCH_WEIGHTS.map((w, i) => [`(${p})[${i + 1}]`, w] as const)),
        },
      },
    ],
    indexes: [{ gin: 'search' }],
  }),
  spec({
    name: 'tokens',
    // Few rows, all read at once by the API (it compares a presented token with every live one).
    columns: [{ name: 'first_position', type: 'bigint', of: (r) => (r as TokenRow).firstPosition }],
    indexes: [],
  }),
];

/** Quoted, schema-qualified names of the projection tables. */
export class ProjectionTables {
  readonly schema: string;
  /** The articles' search index, created, swapped and dropped with the projection tables. */
  readonly articleSearch: ArticleSearchTable;

  constructor(schema: string) {
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${JSON.stringify(schema)}`);
    this.schema = schema;
    this.articleSearch = new ArticleSearchTable(schema);
  }

  /** The bare table name (no schema). */
  bare(name: ProjectionName, set: TableSet): string {
    return set === 'live' ? `projection_${name}` : `projection_${name}_build`;
  }

  table(name: ProjectionName, set: TableSet): string {
    return `"${this.schema}"."${this.bare(name, set)}"`;
  }

  get state(): string {
    return `"${this.schema}".projection_state`;
  }

  /** Creates the state table (once per schema; concurrent callers wait for each other). */
  async ensureState(tx: SqlTx): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [0x7a13, this.schema]);
    await tx.query(`CREATE SCHEMA IF NOT EXISTS "${this.schema}"`);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS ${this.state} (
         name text PRIMARY KEY,
         version text NOT NULL,
         generation integer NOT NULL,
         position bigint NOT NULL DEFAULT 0,
         build_generation integer,
         build_version text,
         build_position bigint,
         build_target bigint,
         updated_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
  }

  /**
   * Creates one set of tables. Constraint and index names carry the generation, so the tables of
   * a rebuild can sit beside the live ones and be renamed over them without clashing names. A
   * rebuild's tables get their listing indexes only before the swap (`createIndexes`): built once
   * over the loaded rows, they cost the server less than kept up row by row during the load.
   */
  async create(tx: SqlTx, set: TableSet, generation: number): Promise<void> {
    // Documents are `json` (stored as written: cheaper to insert than `jsonb`, parsed the same on
    // read), compressed with lz4 where the server has it (PGlite may not).
    const { rows } = await tx.query<{ lz4: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)) AS lz4`,
    );
    const compression = rows[0]?.lz4 ? ' COMPRESSION lz4' : '';
    for (const s of tableSpecs) {
      const tag = `projection_${s.name}_g${generation}`;
      await tx.query(`DROP TABLE IF EXISTS ${this.table(s.name, set)}`);
      await tx.query(
        `CREATE TABLE ${this.table(s.name, set)} (
           key text NOT NULL,
           position bigint NOT NULL,
           ${s.columns.map((c) => `${c.name} ${c.type}${c.type === 'json' ? compression : ''},`).join('\n')}
           doc json${compression} NOT NULL,
           CONSTRAINT ${tag}_pkey PRIMARY KEY (key)
         )`,
      );
    }
    await this.articleSearch.create(tx, set, generation);
    if (set === 'live') await this.createIndexes(tx, set, generation);
  }

  /** The listing indexes of one set of tables (the primary keys come with the tables). */
  async createIndexes(tx: SqlTx, set: TableSet, generation: number): Promise<void> {
    for (const s of tableSpecs) {
      const tag = `projection_${s.name}_g${generation}`;
      for (const [i, index] of s.indexes.entries()) {
        const how = typeof index === 'string' ? `(${index})` : `USING gin (${index.gin})`;
        await tx.query(`CREATE INDEX ${tag}_i${i} ON ${this.table(s.name, set)} ${how}`);
      }
    }
    await this.articleSearch.createIndexes(tx, set, generation);
  }

  /** Whether the live tables exist (a reader before any projector ran finds none). */
  async exist(tx: SqlTx): Promise<boolean> {
    const { rows } = await tx.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [
      `"${this.schema}".projection_figures`,
    ]);
    return rows[0]?.t != null;
  }

  /** Replaces the live tables by the build ones, in the caller's transaction. */
  async swap(tx: SqlTx): Promise<void> {
    for (const s of tableSpecs) {
      await tx.query(`DROP TABLE IF EXISTS ${this.table(s.name, 'live')}`);
      await tx.query(`ALTER TABLE ${this.table(s.name, 'build')} RENAME TO ${this.bare(s.name, 'live')}`);
    }
    await this.articleSearch.swap(tx);
  }

  async dropBuild(tx: SqlTx): Promise<void> {
    for (const s of tableSpecs) await tx.query(`DROP TABLE IF EXISTS ${this.table(s.name, 'build')}`);
    await this.articleSearch.dropBuild(tx);
  }

  async load(
    tx: SqlTx,
    name: ProjectionName,
    set: TableSet,
    keys: readonly string[],
  ): Promise<Map<string, ProjectionRow>> {
    const { rows } = await tx.query<{ key: string; doc: ProjectionRow }>(
      `SELECT key, doc FROM ${this.table(name, set)} WHERE key = ANY($1::text[])`,
      [keys],
    );
    return new Map(rows.map((r) => [r.key, r.doc]));
  }

  /**
   * Upserts rows and deletes the keys mapped to null, in the caller's transaction, in key order
   * (`prepare` first: a rebuild finalizes rows on the way). See `writeSerialized`.
   */
  async write(
    tx: SqlTx,
    name: ProjectionName,
    set: TableSet,
    rows: ReadonlyMap<string, ProjectionRow | null>,
    prepare: (row: ProjectionRow) => ProjectionRow = (row) => row,
  ): Promise<void> {
    const keys = [...rows.keys()].sort();
    const deletes = keys.filter((key) => !rows.get(key));
    function* serialized(): Generator<SerializedRow[]> {
      for (const key of keys) {
        const row = rows.get(key);
        if (row) yield [serializeRow(name, key, prepare(row))];
      }
    }
    await this.writeSerialized(tx, name, set, serialized());
    if (deletes.length > 0) {
      await tx.query(`DELETE FROM ${this.table(name, set)} WHERE key = ANY($1::text[])`, [deletes]);
    }
    // Titles and outlets are not changed by `prepare` (articles are not derived on the way).
    if (name === 'articles')
      await this.articleSearch.writeNames(tx, set, rows as ReadonlyMap<string, ArticleRow | null>);
  }

  /**
   * Upserts rows serialized by `serializeRow` (here or in a worker thread), as they come. Rows go in
   * chunks of one multi-row `INSERT … VALUES` each, every value its own parameter: documents travel
   * as they were serialized and the server parses each once (a `json_to_recordset` of the whole
   * chunk parsed every document twice and cost the server about a quarter more per row). Each chunk
   * is sent before the next is gathered, so the database inserts one while the next is prepared.
   */
  async writeSerialized(
    tx: SqlTx,
    name: ProjectionName,
    set: TableSet,
    source: Iterable<readonly SerializedRow[]> | AsyncIterable<readonly SerializedRow[]>,
  ): Promise<void> {
    const s = specOf(name);
    const table = this.table(name, set);
    const width = 3 + s.columns.length;
    const rowLimit = Math.min(WRITE_CHUNK_ROWS, Math.floor(MAX_PARAMETERS / width));
    let inFlight: Promise<unknown> = Promise.resolve();
    let params: unknown[] = [];
    let chars = 0;
    const send = async () => {
      const values = params;
      params = [];
      chars = 0;
      await inFlight;
      inFlight = tx.query(upsertSql(table, s, values.length / width), values);
      // Awaited before the next chunk is sent or at the end; a failure surfaces there.
      inFlight.catch(() => {});
    };
    try {
      for await (const rows of source) {
        for (const row of rows) {
          for (const value of row) params.push(value);
          chars += (row[row.length - 1] as string).length;
          if (params.length >= rowLimit * width || chars >= WRITE_CHUNK_CHARS) await send();
        }
      }
      if (params.length > 0) await send();
    } finally {
      await inFlight;
    }
  }
}

/** A row as `writeSerialized` sends it: key, position, the extra columns (JSON ones as text), the document's JSON. */
export type SerializedRow = readonly unknown[];

function specOf(name: ProjectionName): TableSpec {
  return tableSpecs.find((t) => t.name === name)!;
}

/** Serializes a row (already finalized) for `writeSerialized`. */
export function serializeRow(name: ProjectionName, key: string, row: ProjectionRow): SerializedRow {
  const out: unknown[] = [key, row.position];
  for (const c of specOf(name).columns) {
    const value = c.of(row) ?? null;
    out.push(c.type === 'json' && value !== null ? JSON.stringify(value) : value);
  }
  out.push(JSON.stringify(row));
  return out;
}

/** PostgreSQL's limit on a statement's parameters. */
const MAX_PARAMETERS = 65_535;

const upsertSqls = new Map<string, string>();

/** `INSERT … VALUES (…), … ON CONFLICT (key) DO UPDATE` for `rowCount` rows, each value a typed parameter. */
function upsertSql(table: string, s: TableSpec, rowCount: number): string {
  const id = `${table} ${rowCount}`;
  let sql = upsertSqls.get(id);
  if (sql) return sql;
  const value = (type: string) => (p: string) => `${p}::${type}`;
  const values = [
    value('text'),
    value('int8'),
    ...s.columns.map((c) =>
      c.computed ? (p: string) => c.computed!.sql(`${p}::${c.computed!.param}`) : value(c.type),
    ),
    value('json'),
  ];
  const cols = ['key', 'position', ...s.columns.map((c) => c.name), 'doc'];
  const tuples: string[] = [];
  for (let r = 0; r < rowCount; r++) {
    tuples.push(`(${values.map((v, i) => v(`$${r * values.length + i + 1}`)).join(',')})`);
  }
  sql = `INSERT INTO ${table} (${cols.join(', ')}) VALUES ${tuples.join(',')}
     ON CONFLICT (key) DO UPDATE SET ${cols
       .slice(1)
       .map((c) => `${c} = EXCLUDED.${c}`)
       .join(', ')}`;
  // Chunks are mostly full, so few sizes recur; the cache stays small.
  if (upsertSqls.size > 64) upsertSqls.clear();
  upsertSqls.set(id, sql);
  return sql;
}

export type { TableSet } from './tableSet.ts';
