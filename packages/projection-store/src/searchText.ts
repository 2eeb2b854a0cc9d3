import type { ArticleRow, FigureRow } from '@tally/projections';

/**
 * What the search index holds of each row, and how it is weighted. PostgreSQL's full-text search
 * (the same on the server and in PGlite) turns each part into a `tsvector` under its weight; ranks
 * (`ts_rank`) count a match in a name or a title (A) ten times one in the text (D).
 */

/**
 * The text search configuration of the index and of every query: English stemming ("tariffs"
 * finds "tariff") and stop words. Tally reads English news; a report in another language is still
 * indexed word by word, only not stemmed. Index and queries must use the same one.
 */
export const SEARCH_CONFIG = 'english';

/**
 * Characters of an article's text that are indexed. A `tsvector` holds at most 1 MB and positions
 * stop counting at 16,383; news reports are a few thousand characters, so this cuts only pages
 * that are not one.
 */
export const INDEXED_TEXT_CHARS = 100_000;

export type SearchWeight = 'A' | 'B' | 'C' | 'D';

/** `setweight(to_tsvector(…, part), weight) || …` for SQL text expressions and their weights. */
export function weightedVectorSql(parts: readonly (readonly [expression: string, weight: SearchWeight])[]): string {
  return parts
    .map(
      ([expression, weight]) => `setweight(to_tsvector('${SEARCH_CONFIG}', coalesce(${expression}, '')), '${weight}')`,
    )
    .join(' || ');
}

/** The weights of a figure's parts (`figureSearchParts`), in order. */
export const FIGURE_SEARCH_WEIGHTS: readonly SearchWeight[] = ['A', 'B', 'C'];

const joined = (values: Iterable<string | null | undefined>): string => {
  const seen = new Set<string>();
  for (const v of values) if (v) seen.add(v);
  return [...seen].join(' ');
};

/**
 * A figure's searchable parts: A — what it is about (subject, recipient, measure, concept);
 * B — who stated it (every speaker's name); C — the rest of its wording (predicate, unit, the
 * speakers' roles).
 */
export function figureSearchParts(row: FigureRow): string[] {
  return [
    joined([row.subject, row.recipient, row.measure, row.concept]),
    joined(row.claims.map((c) => c.speaker?.name)),
    joined([row.predicate, row.unit, ...row.claims.map((c) => c.speaker?.role)]),
  ];
}

/** The weights of an article's names (`articleSearchNames`), in order; its text is D. */
export const ARTICLE_NAME_WEIGHTS: readonly SearchWeight[] = ['A', 'B', 'C'];

/** An article's names: A — its title; B — its outlet; C — its byline. */
export function articleSearchNames(row: ArticleRow): string[] {
  return [row.title ?? '', row.siteName ?? '', row.byline ?? ''];
}
