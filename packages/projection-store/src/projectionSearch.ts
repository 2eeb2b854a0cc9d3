import type { SqlTx } from '@tally/event-store';
import type { ArticleRow, FigureSummary } from '@tally/projections';
import { ArticleSearchTable } from './ArticleSearchTable.ts';
import type { ProjectionTables } from './projectionTables.ts';
import { SEARCH_CONFIG } from './searchText.ts';

/** The longest query the index is asked (characters). */
export const MAX_SEARCH_QUERY = 500;
const MAX_PAGE = 100;

export interface SearchOptions {
  /**
   * What a person types, read as web search engines read it (`websearch_to_tsquery`): words must
   * all match, `"quoted words"` in order, `or` between alternatives, `-word` excludes. Any other
   * character is a separator, so no input is a syntax error.
   */
  query: string;
  /** @defaultValue 20 (at most 100) */
  limit?: number;
  /** The `next` cursor of the previous page. */
  after?: string;
}

export interface SearchPage<T> {
  /** Best first: by rank, then by key. */
  items: (T & { rank: number })[];
  /** Cursor for the next page; null on the last one. */
  next: string | null;
}

/** What a search lists of an article. */
export interface ArticleHit {
  articleId: string;
  url: string | null;
  title: string | null;
  siteName: string | null;
  publishedAt: string | null;
  status: ArticleRow['status'];
}

const problems = {
  empty: 'the search query is empty',
  'too-long': `the search query is longer than ${MAX_SEARCH_QUERY} characters`,
  nul: 'the search query holds a NUL character',
  cursor: 'the cursor is not the `next` of a search page',
} as const;

/**
 * The search cannot be run: its query is empty of text, too long or holds a character PostgreSQL
 * refuses, or its cursor is not one a page gave.
 */
export class InvalidSearchError extends Error {
  override readonly name = 'InvalidSearchError';
  constructor(readonly reason: keyof typeof problems) {
    super(problems[reason]);
  }
}

/** Ranks and keys travel in the cursor as `rank:key` (a rank holds no colon; keys may). */
function parseCursor(after: string | undefined): { rank: number; key: string } | null {
  if (after === undefined) return null;
  const at = after.indexOf(':');
  const rank = Number(after.slice(0, at));
  if (at < 1 || !Number.isFinite(rank) || after.includes('\u0000')) throw new InvalidSearchError('cursor');
  return { rank, key: after.slice(at + 1) };
}

/** Throws `InvalidSearchError` when the search cannot be run as asked (before any table is read). */
export function checkSearch(options: SearchOptions): void {
  const { query } = options;
  if (query.includes('\u0000')) throw new InvalidSearchError('nul');
  if (query.length > MAX_SEARCH_QUERY) throw new InvalidSearchError('too-long');
  if (query.trim() === '') throw new InvalidSearchError('empty');
  parseCursor(options.after);
}

/**
 * One page of hits: `hits` is a SQL query naming `key` and `rank` for the query `$1` (a
 * `tsquery`), the rows it joins are read by `select`; pages follow rank, then key (keyset paging,
 * as the lists do: a cursor stays valid while rows change).
 */
async function searchPage<T>(
  tx: SqlTx,
  options: SearchOptions,
  hits: string,
  select: string,
  item: (row: Record<string, unknown>) => T,
): Promise<SearchPage<T>> {
  checkSearch(options);
  const cursor = parseCursor(options.after);
  const limit = Math.max(1, Math.min(MAX_PAGE, options.limit ?? 20));
  // Stop words alone ("the") or separators alone make an empty query: it matches nothing.
  const { rows: parsed } = await tx.query<{ n: number }>(
    `SELECT numnode(websearch_to_tsquery('${SEARCH_CONFIG}', $1)) AS n`,
    [options.query],
  );
  if (!parsed[0] || Number(parsed[0].n) === 0) return { items: [], next: null };
  const params: unknown[] = [options.query, limit];
  let where = '';
  if (cursor) {
    params.push(cursor.rank, cursor.key);
    where = 'WHERE h.rank < $3::real OR (h.rank = $3::real AND h.key > $4)';
  }
  const { rows } = await tx.query<Record<string, unknown> & { key: string; rank: number | string }>(
    `WITH q AS (SELECT websearch_to_tsquery('${SEARCH_CONFIG}', $1) AS q), h AS (${hits})
     SELECT h.key, h.rank, ${select} ${where} ORDER BY h.rank DESC, h.key LIMIT $2`,
    params,
  );
  const last = rows.at(-1);
  return {
    items: rows.map((r) => ({ ...item(r), rank: Number(r.rank) })),
    next: rows.length === limit && last ? `${Number(last.rank)}:${last.key}` : null,
  };
}

/** Figures whose subject, recipient, measure, concept, speakers or wording match (see `figureSearchParts`). */
export function searchFigures(
  tx: SqlTx,
  tables: ProjectionTables,
  options: SearchOptions,
): Promise<SearchPage<FigureSummary>> {
  const figures = tables.table('figures', 'live');
  return searchPage(
    tx,
    options,
    `SELECT f.key, ts_rank(f.search, q.q)::real AS rank, f.summary FROM ${figures} f, q WHERE f.search @@ q.q`,
    'h.summary FROM h',
    (r) => r.summary as FigureSummary,
  );
}

/**
 * Articles whose title, outlet, byline or text match (see `ArticleSearchTable`). Ranks are divided
 * by the log of the document's length (normalization 1): a long report does not outrank a short
 * one for mentioning a word more often.
 */
export function searchArticles(
  tx: SqlTx,
  tables: ProjectionTables,
  options: SearchOptions,
): Promise<SearchPage<ArticleHit>> {
  const search = tables.articleSearch.table('live');
  const articles = tables.table('articles', 'live');
  const document = ArticleSearchTable.document;
  return searchPage(
    tx,
    options,
    `SELECT s.key, ts_rank(${document}, q.q, 1)::real AS rank FROM ${search} s, q WHERE ${document} @@ q.q`,
    `a.doc FROM h JOIN ${articles} a ON a.key = h.key`,
    (r) => {
      const doc = r.doc as ArticleRow;
      return {
        articleId: doc.articleId,
        url: doc.url,
        title: doc.title,
        siteName: doc.siteName,
        publishedAt: doc.publishedAt,
        status: doc.status,
      };
    },
  );
}
