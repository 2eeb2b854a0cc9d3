import { expandStatement } from './expandStatement.ts';
import { type FigureRow, indexOfRef } from './figures.ts';
import type { FigureArticleRef, FigureClaim, Statement, StoredStatement } from './Statement.ts';

/** A figure as consumers see it: statements with their sources filled in, without the folded state. */
export interface FigureView
  extends Omit<FigureRow, 'claims' | 'articles' | 'pending' | 'history' | 'currentStatementId'> {
  /** The latest statement (by statement date, then publication); null before any claim. */
  current: Statement | null;
  /** Every statement, oldest first; the current one included. */
  history: Statement[];
}

/** Sources a figure summary shows of its current statement (`independentSources` counts them all). */
export const SUMMARY_SOURCES = 3;

/**
 * A figure in a listing: the current statement (with its first `SUMMARY_SOURCES` sources, the
 * earliest published) and the counts.
 */
export type FigureSummary = Omit<FigureView, 'history'>;

function expander(row: FigureRow) {
  const claims = new Map(row.claims.map((c) => [c.claimId, c]));
  const refs = new Map(row.articles.map((r) => [r.articleId, r]));
  return (s: StoredStatement) => expandStatement(s, claims, refs);
}

/**
 * What a figure's views keep of its row as it is, picked field by field: every stored figure gets
 * a summary, and copying the rest of the row (`...rest`) cost more than deriving the summary.
 */
function headerOf(row: FigureRow): Omit<FigureSummary, 'current'> {
  return {
    figureKey: row.figureKey,
    position: row.position,
    firstPosition: row.firstPosition,
    subject: row.subject,
    predicate: row.predicate,
    recipient: row.recipient,
    concept: row.concept,
    unit: row.unit,
    measure: row.measure,
    statementCount: row.statementCount,
    claimCount: row.claimCount,
    sourceCount: row.sourceCount,
    conflictCount: row.conflictCount,
  };
}

export function figureView(row: FigureRow): FigureView {
  const expand = expander(row);
  const expanded = row.history.map(expand);
  return {
    ...headerOf(row),
    current: expanded.find((s) => s.statementId === row.currentStatementId) ?? null,
    history: expanded,
  };
}

export function figureSummary(row: FigureRow): FigureSummary {
  const current = row.history.find((s) => s.statementId === row.currentStatementId);
  if (!current) return { ...headerOf(row), current: null };
  const shown = { ...current, sources: current.sources.slice(0, SUMMARY_SOURCES) };
  // Every stored figure gets a summary: only the claims and articles of the shown sources are
  // looked up, not maps of the whole figure (busy figures hold hundreds of claims).
  const claimIds = new Set<string>();
  const articleIds = new Set<string>();
  for (const src of shown.sources) {
    claimIds.add(src.claimId);
    articleIds.add(src.articleId);
    for (const copy of src.copies) {
      articleIds.add(copy.articleId);
      if (copy.claimId) claimIds.add(copy.claimId);
    }
  }
  const claims = new Map<string, FigureClaim>();
  for (const c of row.claims) if (claimIds.has(c.claimId)) claims.set(c.claimId, c);
  const refs = new Map<string, FigureArticleRef>();
  for (const id of articleIds) {
    const ref = row.articles[indexOfRef(row.articles, id)];
    if (ref?.articleId === id) refs.set(id, ref);
  }
  return { ...headerOf(row), current: expandStatement(shown, claims, refs) };
}
