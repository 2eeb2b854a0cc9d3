import type { FigureSummary, FigureView } from '@tally/projection-store';
import type { Statement } from '@tally/projections';
import type { CsvCell } from './csv.ts';

/**
 * The columns of the exports, one statement a row: the figure's current statement
 * (`/figures.csv`) or each statement of one figure's history (`/figures/{key}/history.csv`). The
 * JSON exports use the same names as keys, so a consumer can switch formats without a mapping.
 */
export const statementColumns = [
  'figure_key',
  'statement_id',
  'current',
  'stated_at',
  'stated_from',
  'stated_to',
  'speaker',
  'speaker_role',
  'subject',
  'predicate',
  'recipient',
  'concept',
  'measure',
  'unit',
  'value',
  'range_from',
  'range_to',
  'bound',
  'qualifier',
  'change',
  'change_by',
  'change_unit',
  'previous',
  'period',
  'period_from',
  'period_to',
  'hedged',
  'hedge',
  'negated',
  'independent_sources',
  'independent_outlets',
  'conflicts',
  'statements',
  'first_published_at',
  'last_published_at',
  'source_urls',
] as const;

export type StatementColumn = (typeof statementColumns)[number];
export type StatementRow = Record<StatementColumn, CsvCell>;

type FigureHeader = Pick<FigureSummary, 'figureKey' | 'statementCount' | 'current'>;

/** One row: a figure and one of its statements (or none yet: the statement's cells stay empty). */
export function statementRow(figure: FigureHeader, s: Statement | null): StatementRow {
  return {
    figure_key: figure.figureKey,
    statement_id: s?.statementId ?? null,
    current: s !== null && figure.current?.statementId === s.statementId,
    stated_at: s?.statedAt ?? null,
    stated_from: s?.statedFrom ?? null,
    stated_to: s?.statedTo ?? null,
    speaker: s?.speaker?.name ?? null,
    speaker_role: s?.speaker?.role ?? null,
    subject: s?.subject ?? null,
    predicate: s?.predicate ?? null,
    recipient: s?.recipient ?? null,
    concept: s?.concept ?? null,
    measure: s?.measure ?? null,
    unit: s?.unit ?? null,
    value: s?.value ?? null,
    range_from: s?.range?.[0] ?? null,
    range_to: s?.range?.[1] ?? null,
    bound: s?.bound ?? null,
    qualifier: s?.qualifier ?? null,
    change: s?.change ?? null,
    change_by: s?.changeBy ?? null,
    change_unit: s?.changeUnit ?? null,
    previous: s?.previous ?? null,
    period: s?.period ? (s.period.label ?? s.period.text) : null,
    period_from: s?.period?.from ?? null,
    period_to: s?.period?.to ?? null,
    hedged: s?.hedged ?? null,
    hedge: s?.hedge ?? null,
    negated: s?.negated ?? null,
    independent_sources: s?.independentSources ?? null,
    independent_outlets: s?.independentOutlets ?? null,
    conflicts: s ? s.conflicts.length : null,
    statements: figure.statementCount,
    first_published_at: s?.firstPublishedAt ?? null,
    last_published_at: s?.lastPublishedAt ?? null,
    // Space-separated: a URL holds no unencoded space, so the list splits back without quoting rules.
    source_urls: s
      ? s.sources
          .map((src) => src.url)
          .filter((u): u is string => u !== null)
          .join(' ')
      : null,
  };
}

/** The row of a figure's current statement. */
export function currentRow(figure: FigureSummary): StatementRow {
  return statementRow(figure, figure.current);
}

/** A figure's statements, oldest first. */
export function historyRows(figure: FigureView): StatementRow[] {
  return figure.history.map((s) => statementRow(figure, s));
}
