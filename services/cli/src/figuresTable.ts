import type { EventStore } from '@tally/event-store';
import { describeFigure } from '@tally/figure-wording';
import { createProjectionReader, type FigureSummary } from '@tally/projection-store';
import { periodLabel } from '@tally/projections';

const head = ['figure', 'measure', 'period', 'current', 'said by', 'stated', 'history'];

/**
 * The current figures as table rows, most sourced first: the figure's key, what it measures, the
 * period of its current statement, the figure with its change ("$28.1 billion, up 2.1%") and, for a
 * forecast or a target, its kind in brackets, who said it and when, and its history's counts.
 * Rows of projections before figures of any beat (a rebuild not yet swapped in) lack the new fields.
 */
export function figureRows(figures: readonly FigureSummary[]): string[][] {
  return figures
    .filter((f) => f.current)
    .sort((a, b) => b.sourceCount - a.sourceCount || a.figureKey.localeCompare(b.figureKey))
    .map((f) => {
      const c = f.current!;
      const worded = describeFigure(
        {
          value: c.value,
          range: c.range,
          bound: c.bound,
          unit: c.unit,
          valueIs: c.valueIs ?? 'level',
          change: c.change ?? null,
          changeBy: c.changeBy ?? null,
          changeUnit: c.changeUnit ?? null,
          previous: c.previous ?? null,
        },
        c.qualifier,
        c.concept,
      );
      return [
        f.figureKey,
        f.measure ?? '',
        periodLabel(c.period) ?? '',
        c.hedged ? `${worded} [${c.hedge ?? 'hedged'}]` : worded,
        c.speaker ? `${c.speaker.name}${c.speaker.role ? ` (${c.speaker.role})` : ''}` : '(unattributed)',
        c.statedAt ?? c.statedFrom ?? '',
        `${f.statementCount} stmt / ${f.sourceCount} src${f.conflictCount ? ` / ${f.conflictCount} conflict` : ''}`,
      ];
    });
}

/** The rows under a header, each column as wide as its widest cell (at most 60 characters). */
export function figuresTable(figures: readonly FigureSummary[]): string {
  const rows = figureRows(figures);
  const widths = head.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((r) => r[i]!.length))));
  const line = (r: string[]) =>
    `${r
      .map((c, i) => c.slice(0, widths[i]).padEnd(widths[i]!))
      .join('  ')
      .trimEnd()}\n`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('');
}

/** Prints the current figures as a table, or as JSON lines. */
export async function printFigures(store: EventStore, out: NodeJS.WritableStream, json = false): Promise<number> {
  return writeFigures(await createProjectionReader(store).listFigures(), out, json);
}

/** Writes figures as a table, or as JSON lines (one per figure, as the projection reader gives it). */
export function writeFigures(figures: readonly FigureSummary[], out: NodeJS.WritableStream, json = false): number {
  if (json) {
    for (const f of figures) out.write(`${JSON.stringify(f)}\n`);
    return figures.length;
  }
  if (figures.length === 0) {
    out.write('No figures yet.\n');
    return 0;
  }
  out.write(figuresTable(figures));
  return figures.length;
}
