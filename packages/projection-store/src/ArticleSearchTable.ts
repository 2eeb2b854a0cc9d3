import type { SqlTx } from '@tally/event-store';
import type { StoredEvent } from '@tally/events';
import type { ArticleRow } from '@tally/projections';
import {
  ARTICLE_NAME_WEIGHTS,
  articleSearchNames,
  INDEXED_TEXT_CHARS,
  SEARCH_CONFIG,
  weightedVectorSql,
} from './searchText.ts';
import type { TableSet } from './tableSet.ts';

/** Rows per statement, and characters of text per statement (whichever comes first). */
const CHUNK_ROWS = 5000;
const CHUNK_CHARS = 4_000_000;

/**
 * The articles' search index, beside the projection tables: one row per article with `names` (its
 * title, outlet and byline, from the articles projection's row) and `body` (the text of its last
 * `ArticleExtracted`, which the rows do not keep), and a GIN index over the two together, which
 * is what queries match: "reuters tariff" finds a report of that outlet about tariffs.
 *
 * The two halves are written apart, each an upsert of its own column, so neither waits for the
 * other: the names whenever the projector writes article rows, the text when its event is folded.
 * Both go into the table set the rows go into (live, or a rebuild's), in the same transactions,
 * so the index commits with the rows, is rebuilt by a rebuild and swapped in with its tables.
 */
export class ArticleSearchTable {
  constructor(readonly schema: string) {}

  bare(set: TableSet): string {
    return set === 'live' ? 'projection_article_search' : 'projection_article_search_build';
  }

  table(set: TableSet): string {
    return `"${this.schema}"."${this.bare(set)}"`;
  }

  /** What queries match and rank: the names and the text as one vector (the GIN index's expression). */
  static readonly document = '(names || body)';

  async create(tx: SqlTx, set: TableSet, generation: number): Promise<void> {
    await tx.query(`DROP TABLE IF EXISTS ${this.table(set)}`);
    await tx.query(
      `CREATE TABLE ${this.table(set)} (
         key text NOT NULL,
         names tsvector NOT NULL DEFAULT ''::tsvector,
         body tsvector NOT NULL DEFAULT ''::tsvector,
         text_hash text,
         CONSTRAINT projection_article_search_g${generation}_pkey PRIMARY KEY (key)
       )`,
    );
  }

  /** The GIN index (a rebuild's table gets it at the swap, built once over the loaded rows). */
  async createIndexes(tx: SqlTx, set: TableSet, generation: number): Promise<void> {
    await tx.query(
      `CREATE INDEX projection_article_search_g${generation}_i0 ON ${this.table(set)} USING gin (${ArticleSearchTable.document})`,
    );
  }

  async swap(tx: SqlTx): Promise<void> {
    await tx.query(`DROP TABLE IF EXISTS ${this.table('live')}`);
    await tx.query(`ALTER TABLE ${this.table('build')} RENAME TO ${this.bare('live')}`);
  }

  async dropBuild(tx: SqlTx): Promise<void> {
    await tx.query(`DROP TABLE IF EXISTS ${this.table('build')}`);
  }

  /**
   * Writes the names of article rows (null: the row is gone, and so is its entry). A row whose
   * names did not change is left as it is: most writes of an article change its stage, not its title.
   */
  async writeNames(tx: SqlTx, set: TableSet, rows: ReadonlyMap<string, ArticleRow | null>): Promise<void> {
    const keys: string[] = [];
    const parts: string[][] = ARTICLE_NAME_WEIGHTS.map(() => []);
    const deletes: string[] = [];
    const send = async () => {
      if (keys.length === 0) return;
      const columns = ARTICLE_NAME_WEIGHTS.map((_, i) => `$${i + 2}::text[]`).join(', ');
      const names = ARTICLE_NAME_WEIGHTS.map((_, i) => `p${i}`);
      await tx.query(
        `INSERT INTO ${this.table(set)} AS s (key, names)
         SELECT u.key, ${weightedVectorSql(names.map((n, i) => [`u.${n}`, ARTICLE_NAME_WEIGHTS[i]!]))}
         FROM unnest($1::text[], ${columns}) AS u(key, ${names.join(', ')})
         ON CONFLICT (key) DO UPDATE SET names = EXCLUDED.names WHERE s.names <> EXCLUDED.names`,
        [keys, ...parts],
      );
      keys.length = 0;
      for (const p of parts) p.length = 0;
    };
    for (const [key, row] of rows) {
      if (!row) {
        deletes.push(key);
        continue;
      }
      keys.push(key);
      for (const [i, text] of articleSearchNames(row).entries()) parts[i]!.push(text);
      if (keys.length >= CHUNK_ROWS) await send();
    }
    await send();
    if (deletes.length > 0) await tx.query(`DELETE FROM ${this.table(set)} WHERE key = ANY($1::text[])`, [deletes]);
  }

  /**
   * Writes the texts of articles (each replaces the article's text before it). A rebuild's table
   * takes the vector of an unchanged text (the same hash) from the live table instead of parsing
   * the text again: parsing is what the index costs the server (about 0.5 ms for 3 KB), and a
   * rebuild over a log mostly meets texts the live index already holds.
   */
  async writeTexts(tx: SqlTx, set: TableSet, texts: ReadonlyMap<string, ArticleText>): Promise<void> {
    const reuse = set === 'build' && (await this.hashedLive(tx));
    const vector = `setweight(to_tsvector('${SEARCH_CONFIG}', u.body), 'D')`;
    const sql = reuse
      ? `INSERT INTO ${this.table(set)} AS s (key, body, text_hash)
         SELECT u.key, COALESCE(l.body, ${vector}), u.hash
         FROM unnest($1::text[], $2::text[], $3::text[]) AS u(key, body, hash)
         LEFT JOIN ${this.table('live')} AS l ON l.key = u.key AND l.text_hash = u.hash
         ON CONFLICT (key) DO UPDATE SET body = EXCLUDED.body, text_hash = EXCLUDED.text_hash`
      : `INSERT INTO ${this.table(set)} AS s (key, body, text_hash)
         SELECT u.key, ${vector}, u.hash
         FROM unnest($1::text[], $2::text[], $3::text[]) AS u(key, body, hash)
         ON CONFLICT (key) DO UPDATE SET body = EXCLUDED.body, text_hash = EXCLUDED.text_hash`;
    let keys: string[] = [];
    let bodies: string[] = [];
    let hashes: string[] = [];
    let chars = 0;
    const send = async () => {
      if (keys.length === 0) return;
      await tx.query(sql, [keys, bodies, hashes]);
      keys = [];
      bodies = [];
      hashes = [];
      chars = 0;
    };
    for (const [key, { text, hash }] of texts) {
      const body = text.length > INDEXED_TEXT_CHARS ? text.slice(0, INDEXED_TEXT_CHARS) : text;
      keys.push(key);
      bodies.push(body);
      hashes.push(hash);
      chars += body.length;
      if (keys.length >= CHUNK_ROWS || chars >= CHUNK_CHARS) await send();
    }
    await send();
  }

  /** Whether the live table exists with the texts' hashes (a table of an earlier layout has none). */
  private async hashedLive(tx: SqlTx): Promise<boolean> {
    const { rows } = await tx.query<{ ok: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass($1) AND attname = 'text_hash') AS ok`,
      [`${this.table('live')}`],
    );
    return rows[0]?.ok === true;
  }
}

/** An article's extracted text and its hash (`ArticleExtracted.textHash`). */
export interface ArticleText {
  text: string;
  hash: string;
}

/**
 * The texts of the articles extracted in `events`, by article id, the last extraction of each
 * (a re-extraction replaces the text), added to `into`. Returns the characters added.
 */
export function collectArticleTexts(events: readonly StoredEvent[], into: Map<string, ArticleText>): number {
  let chars = 0;
  for (const e of events) {
    if (e.type !== 'ArticleExtracted') continue;
    // Deleted first, so the map keeps log order of the last extraction (writes follow it).
    into.delete(e.data.articleId);
    into.set(e.data.articleId, { text: e.data.text, hash: e.data.textHash });
    chars += Math.min(e.data.text.length, INDEXED_TEXT_CHARS);
  }
  return chars;
}
