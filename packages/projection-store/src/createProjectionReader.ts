import type { EventStore, SqlTx } from '@tally/event-store';
import {
  type ArticleRow,
  type ArticleStatus,
  type CopyRef,
  type FeedRow,
  type FigureRow,
  type FigureSummary,
  type FigureView,
  figureView,
  noFeedSubscription,
  type TokenRow,
} from '@tally/projections';
import {
  type ArticleHit,
  checkSearch,
  type SearchOptions,
  type SearchPage,
  searchArticles,
  searchFigures,
} from './projectionSearch.ts';
import { ProjectionTables } from './projectionTables.ts';

export type { FigureSummary, FigureView };

export type ArticleView = Omit<ArticleRow, 'clusterFigureKeys'>;

/** What a listing says about an article beside its id. */
export interface ArticleBrief {
  articleId: string;
  url: string | null;
  title: string | null;
  siteName: string | null;
  publishedAt: string | null;
  feedIds: string[];
  status: ArticleStatus;
}

export interface DuplicateClusterView {
  originalId: string;
  position: number;
  original: ArticleBrief | null;
  copies: (CopyRef & { article: ArticleBrief | null })[];
}

export interface ListArticlesOptions {
  status?: ArticleStatus;
  /** @defaultValue 100 (at most 1000) */
  limit?: number;
  /** The `next` cursor of the previous page. */
  after?: number;
  /** `desc`: newest discovered first. @defaultValue `'desc'` */
  order?: 'asc' | 'desc';
}

export interface ListFiguresOptions {
  /** Figures per page. @defaultValue all of them for `listFigures`; 100 for `listFigurePage` (at most 1000) */
  limit?: number;
  /** The `next` cursor of the previous page (figures come in key order). */
  after?: string;
}

export interface FigurePage {
  items: FigureSummary[];
  /** Cursor for the next page; null on the last one. */
  next: string | null;
}

export interface ArticlePage {
  items: ArticleView[];
  /** Cursor for the next page; null on the last one. */
  next: number | null;
}

export interface ProjectionStats {
  /** Position of the live tables. */
  position: number;
  head: number;
  /** Log head minus position. */
  lag: number;
  version: string | null;
  generation: number | null;
  /** A rebuild in progress: its generation, position and target. */
  rebuilding: { generation: number; position: number; target: number } | null;
  articles: { total: number; byStatus: Partial<Record<ArticleStatus, number>> };
  feeds: number;
  figures: number;
  duplicateClusters: number;
  copies: number;
}

export interface ProjectionReader {
  /** Figures in key order: all of them, or a page when `limit` or `after` is given. */
  listFigures(options?: ListFiguresOptions): Promise<FigureSummary[]>;
  /** One page of figures in key order, with the cursor of the next. */
  listFigurePage(options?: ListFiguresOptions): Promise<FigurePage>;
  getFigure(figureKey: string): Promise<FigureView | null>;
  listArticles(options?: ListArticlesOptions): Promise<ArticlePage>;
  getArticle(articleId: string): Promise<ArticleView | null>;
  listFeeds(): Promise<FeedRow[]>;
  listDuplicates(): Promise<DuplicateClusterView[]>;
  /**
   * API tokens, revoked ones included, in the order they were issued, with the SHA-256 of their
   * secrets (for the API's authentication; never to be answered). None while the live tables
   * predate the tokens table (the projector's rebuild brings it).
   */
  listTokens(): Promise<TokenRow[]>;
  /**
   * Figures matching a query (subject, recipient, measure, concept, speakers), best first; none
   * while the live tables predate the search index (a rebuild brings it).
   * @throws InvalidSearchError when the query is empty, too long or holds NUL, or the cursor is not a page's
   */
  searchFigures(options: SearchOptions): Promise<SearchPage<FigureSummary>>;
  /** Articles matching a query (title, outlet, byline, text), best first; as `searchFigures`. */
  searchArticles(options: SearchOptions): Promise<SearchPage<ArticleHit>>;
  stats(): Promise<ProjectionStats>;
}

const MAX_PAGE = 1000;

function articleView(row: ArticleRow): ArticleView {
  const { clusterFigureKeys: _k, ...view } = row;
  return view;
}

function brief(row: ArticleRow): ArticleBrief {
  return {
    articleId: row.articleId,
    url: row.url,
    title: row.title,
    siteName: row.siteName,
    publishedAt: row.publishedAt,
    feedIds: row.feedIds,
    status: row.status,
  };
}

/**
 * Reads the live projection tables as plain JSON, for the API and the dashboard. Before any
 * projector ran, every list is empty and every lookup null.
 */
export function createProjectionReader(store: EventStore, options: { name?: string } = {}): ProjectionReader {
  const name = options.name ?? 'projections';
  const tables = new ProjectionTables(store.schema);
  const figures = tables.table('figures', 'live');
  const articles = tables.table('articles', 'live');
  const feeds = tables.table('feeds', 'live');
  const duplicates = tables.table('duplicates', 'live');
  const tokens = tables.table('tokens', 'live');

  /** Figures after the key `after`, in key order (the primary key's order: no sort). */
  const figurePage = async (tx: SqlTx, wanted: number, after: string | undefined): Promise<FigurePage> => {
    const limit = Math.max(1, Math.min(MAX_PAGE, wanted));
    const { rows } = await tx.query<{ key: string; summary: FigureSummary }>(
      `SELECT key, summary FROM ${figures} ${after === undefined ? '' : 'WHERE key > $2'} ORDER BY key LIMIT $1`,
      after === undefined ? [limit] : [limit, after],
    );
    const last = rows.at(-1);
    return { items: rows.map((r) => r.summary), next: rows.length === limit && last ? last.key : null };
  };

  const read = <T>(empty: T, fn: (tx: SqlTx) => Promise<T>): Promise<T> =>
    store.transaction(async (tx) => ((await tables.exist(tx)) ? fn(tx) : empty));

  /** Searches, once the live tables have the search index (tables of an older version have none). */
  const search = async <T>(o: SearchOptions, fn: (tx: SqlTx) => Promise<SearchPage<T>>): Promise<SearchPage<T>> => {
    checkSearch(o);
    return store.transaction(async (tx) => {
      const { rows } = await tx.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [
        tables.articleSearch.table('live'),
      ]);
      return rows[0]?.t != null ? fn(tx) : { items: [], next: null };
    });
  };

  return {
    listFigures: (o = {}) =>
      read([], async (tx) => {
        if (o.limit === undefined && o.after === undefined) {
          const { rows } = await tx.query<{ summary: FigureSummary }>(`SELECT summary FROM ${figures} ORDER BY key`);
          return rows.map((r) => r.summary);
        }
        return (await figurePage(tx, o.limit ?? MAX_PAGE, o.after)).items;
      }),

    listFigurePage: (o = {}) => read({ items: [], next: null }, (tx) => figurePage(tx, o.limit ?? 100, o.after)),

    getFigure: (figureKey) =>
      read(null, async (tx) => {
        const { rows } = await tx.query<{ doc: FigureRow }>(`SELECT doc FROM ${figures} WHERE key = $1`, [figureKey]);
        return rows[0] ? figureView(rows[0].doc) : null;
      }),

    listArticles: (o = {}) =>
      read({ items: [], next: null }, async (tx) => {
        const limit = Math.max(1, Math.min(MAX_PAGE, o.limit ?? 100));
        const desc = (o.order ?? 'desc') === 'desc';
        const params: unknown[] = [limit];
        const where: string[] = [];
        if (o.status) {
          params.push(o.status);
          where.push(`status = $${params.length}`);
        }
        if (o.after !== undefined) {
          params.push(o.after);
          where.push(`first_position ${desc ? '<' : '>'} $${params.length}`);
        }
        const { rows } = await tx.query<{ first_position: number | string; doc: ArticleRow }>(
          `SELECT first_position, doc FROM ${articles}
           ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
           ORDER BY first_position ${desc ? 'DESC' : 'ASC'} LIMIT $1`,
          params,
        );
        const last = rows.at(-1);
        return {
          items: rows.map((r) => r.doc),
          next: rows.length === limit && last ? Number(last.first_position) : null,
        };
      }),

    getArticle: (articleId) =>
      read(null, async (tx) => {
        const { rows } = await tx.query<{ doc: ArticleRow }>(`SELECT doc FROM ${articles} WHERE key = $1`, [articleId]);
        return rows[0] ? articleView(rows[0].doc) : null;
      }),

    listFeeds: () =>
      read([], async (tx) => {
        const { rows } = await tx.query<{ doc: FeedRow }>(`SELECT doc FROM ${feeds} ORDER BY first_position, key`);
        // Rows of feeds@2, served while the rebuild that adds the subscription runs, have none.
        return rows.map((r) => (r.doc.subscription ? r.doc : { ...r.doc, subscription: noFeedSubscription }));
      }),

    listDuplicates: () =>
      read([], async (tx) => {
        const { rows } = await tx.query<{
          key: string;
          position: number | string;
          copies: CopyRef[];
        }>(`SELECT key, position, doc -> 'copies' AS copies FROM ${duplicates} ORDER BY first_position, key`);
        const ids = [...new Set(rows.flatMap((r) => [r.key, ...r.copies.map((c) => c.articleId)]))];
        const members = new Map<string, ArticleBrief>();
        if (ids.length > 0) {
          const found = await tx.query<{ doc: ArticleRow }>(
            `SELECT json_build_object('articleId', doc->'articleId', 'url', doc->'url', 'title', doc->'title',
                      'siteName', doc->'siteName', 'publishedAt', doc->'publishedAt', 'feedIds', doc->'feedIds',
                      'status', doc->'status') AS doc
             FROM ${articles} WHERE key = ANY($1::text[])`,
            [ids],
          );
          for (const r of found.rows) members.set(r.doc.articleId, brief(r.doc));
        }
        return rows.map((r) => ({
          originalId: r.key,
          position: Number(r.position),
          original: members.get(r.key) ?? null,
          copies: r.copies.map((c) => ({ ...c, article: members.get(c.articleId) ?? null })),
        }));
      }),

    listTokens: () =>
      store.transaction(async (tx) => {
        const { rows: exists } = await tx.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [tokens]);
        if (exists[0]?.t == null) return [];
        const { rows } = await tx.query<{ doc: TokenRow }>(`SELECT doc FROM ${tokens} ORDER BY first_position, key`);
        return rows.map((r) => r.doc);
      }),

    searchFigures: (o) => search(o, (tx) => searchFigures(tx, tables, o)),

    searchArticles: (o) => search(o, (tx) => searchArticles(tx, tables, o)),

    stats: async () => {
      const head = await store.head();
      return store.transaction(async (tx) => {
        const { rows: stateRows } = await tx.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [
          tables.state,
        ]);
        const state =
          stateRows[0]?.t != null
            ? (
                await tx.query<{
                  version: string;
                  generation: number;
                  position: number | string;
                  build_generation: number | null;
                  build_position: number | string | null;
                  build_target: number | string | null;
                }>(`SELECT * FROM ${tables.state} WHERE name = $1`, [name])
              ).rows[0]
            : undefined;
        const position = Number(state?.position ?? 0);
        const stats: ProjectionStats = {
          position,
          head,
          lag: Math.max(0, head - position),
          version: state?.version ?? null,
          generation: state ? Number(state.generation) : null,
          rebuilding:
            state && state.build_generation !== null
              ? {
                  generation: Number(state.build_generation),
                  position: Number(state.build_position ?? 0),
                  target: Number(state.build_target ?? 0),
                }
              : null,
          articles: { total: 0, byStatus: {} },
          feeds: 0,
          figures: 0,
          duplicateClusters: 0,
          copies: 0,
        };
        if (!(await tables.exist(tx))) return stats;
        const byStatus = await tx.query<{ status: ArticleStatus; n: number | string }>(
          `SELECT status, count(*) AS n FROM ${articles} GROUP BY status ORDER BY status`,
        );
        for (const r of byStatus.rows) {
          stats.articles.byStatus[r.status] = Number(r.n);
          stats.articles.total += Number(r.n);
        }
        const counts = await tx.query<{
          feeds: number | string;
          figures: number | string;
          clusters: number | string;
          copies: number | string | null;
        }>(
          `SELECT (SELECT count(*) FROM ${feeds}) AS feeds, (SELECT count(*) FROM ${figures}) AS figures,
                  (SELECT count(*) FROM ${duplicates}) AS clusters,
                  (SELECT sum(json_array_length(doc -> 'copies')) FROM ${duplicates}) AS copies`,
        );
        const c = counts.rows[0]!;
        stats.feeds = Number(c.feeds);
        stats.figures = Number(c.figures);
        stats.duplicateClusters = Number(c.clusters);
        stats.copies = Number(c.copies ?? 0);
        return stats;
      });
    },
  };
}
