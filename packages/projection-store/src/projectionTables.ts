import type { SqlTx } from '@tally/event-store';
import {
  type ArticleRow,
  type DuplicateClusterRow,
  type FeedRow,
  type FigureRow,
  figureSummary,
  type ProjectionName,
  type ProjectionRow,
} from '@tally/projections';

/** Rows per INSERT, and JSON characters per INSERT (whichever comes first). */
const WRITE_CHUNK_ROWS = 2000;
const WRITE_CHUNK_CHARS = 8_000_000;

/** Columns beside each row's JSON document, for listing and sorting without reading documents. */
interface TableSpec {
  name: ProjectionName;
  /** Extra columns: name, SQL type, value from the row. */
  columns: readonly { name: string; type: string; of: (row: ProjectionRow) => unknown }[];
  /** Extra indexes (column lists). */
  indexes: readonly string[];
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
    columns: [{ name: 'summary', type: 'json', of: (r) => figureSummary(r as FigureRow) }],
    indexes: [],
  }),
];

/** Where a projector writes: the live tables, or the ones a rebuild fills before the swap. */
export type TableSet = 'live' | 'build';

/** Quoted, schema-qualified names of the projection tables. */
export class ProjectionTables {
  readonly schema: string;

  constructor(schema: string) {
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${JSON.stringify(schema)}`);
    this.schema = schema;
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
   * a rebuild can sit beside the live ones and be renamed over them without clashing names.
   */
  async create(tx: SqlTx, set: TableSet, generation: number): Promise<void> {
    // Documents are `json` (stored as written: cheaper to insert than `jsonb`, parsed the same on
    // read), compressed with lz4 where the server has it (PGlite may not).
    const { rows } = await tx.query<{ lz4: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)) AS lz4`,
    );
    const compression = rows[0]?.lz4 ? ' COMPRESSION lz4' : '';
    for (const s of tableSpecs) {
      const bare = this.bare(s.name, set);
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
      for (const [i, columns] of s.indexes.entries()) {
        await tx.query(`CREATE INDEX ${tag}_i${i} ON "${this.schema}"."${bare}" (${columns})`);
      }
    }
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
  }

  async dropBuild(tx: SqlTx): Promise<void> {
    for (const s of tableSpecs) await tx.query(`DROP TABLE IF EXISTS ${this.table(s.name, 'build')}`);
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
   * Upserts rows and deletes the keys mapped to null, in the caller's transaction. Rows go in
   * chunks; each chunk is sent before the next is prepared (`prepare`, then JSON), so the database
   * inserts one while this process prepares the next.
   */
  async write(
    tx: SqlTx,
    name: ProjectionName,
    set: TableSet,
    rows: ReadonlyMap<string, ProjectionRow | null>,
    prepare: (row: ProjectionRow) => ProjectionRow = (row) => row,
  ): Promise<void> {
    const s = tableSpecs.find((t) => t.name === name)!;
    const table = this.table(name, set);
    const cols = ['key', 'position', ...s.columns.map((c) => c.name), 'doc'];
    const types = ['key text', 'position bigint', ...s.columns.map((c) => `${c.name} ${c.type}`), 'doc json'];
    const sql = `INSERT INTO ${table} (${cols.join(', ')})
       SELECT ${cols.join(', ')} FROM json_to_recordset($1::json) AS r(${types.join(', ')})
       ON CONFLICT (key) DO UPDATE SET ${cols
         .slice(1)
         .map((c) => `${c} = EXCLUDED.${c}`)
         .join(', ')}`;
    let inFlight: Promise<unknown> = Promise.resolve();
    let chunk: string[] = [];
    let chars = 0;
    const send = async () => {
      const param = `[${chunk.join(',')}]`;
      chunk = [];
      chars = 0;
      await inFlight;
      inFlight = tx.query(sql, [param]);
      // Awaited before the next chunk is sent or at the end; a failure surfaces there.
      inFlight.catch(() => {});
    };
    const deletes: string[] = [];
    for (const key of [...rows.keys()].sort()) {
      const stored = rows.get(key)!;
      if (!stored) {
        deletes.push(key);
        continue;
      }
      const row = prepare(stored);
      const extra = s.columns.map((c) => `,${JSON.stringify(c.name)}:${JSON.stringify(c.of(row) ?? null)}`).join('');
      const json = `{"key":${JSON.stringify(key)},"position":${row.position}${extra},"doc":${JSON.stringify(row)}}`;
      chunk.push(json);
      chars += json.length;
      if (chunk.length >= WRITE_CHUNK_ROWS || chars >= WRITE_CHUNK_CHARS) await send();
    }
    if (chunk.length > 0) await send();
    await inFlight;
    if (deletes.length > 0) await tx.query(`DELETE FROM ${table} WHERE key = ANY($1::text[])`, [deletes]);
  }
}
