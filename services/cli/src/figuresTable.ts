import type { EventStore } from '@tally/event-store';
import { createProjectionReader, type FigureSummary } from '@tally/projection-store';

/** "nearly 11,000 containers" — the value as a person would say it. */
export function statedValue(s: NonNullable<FigureSummary['current']>): string {
  const n = (v: number) => v.toLocaleString('en-US');
  const amount = s.value !== null ? n(s.value) : s.range ? `${n(s.range[0])}–${n(s.range[1])}` : 'an unknown number of';
  const q = s.qualifier && s.qualifier !== 'exactly' ? `${s.qualifier} ` : '';
  return `${q}${amount}${s.unit ? ` ${s.unit}${(s.value ?? 2) === 1 ? '' : 's'}` : ''}`;
}

/** Prints the current figures as a table, or as JSON lines. */
export async function printFigures(store: EventStore, out: NodeJS.WritableStream, json = false): Promise<number> {
  const figures = await createProjectionReader(store).listFigures();
  if (json) {
    for (const f of figures) out.write(`${JSON.stringify(f)}\n`);
    return figures.length;
  }
  if (figures.length === 0) {
    out.write('No figures yet.\n');
    return 0;
  }
  const rows = figures
    .filter((f) => f.current)
    .sort((a, b) => b.sourceCount - a.sourceCount || a.figureKey.localeCompare(b.figureKey))
    .map((f) => {
      const c = f.current!;
      return [
        f.figureKey,
        statedValue(c),
        c.speaker ? `${c.speaker.name}${c.speaker.role ? ` (${c.speaker.role})` : ''}` : '(unattributed)',
        c.statedAt ?? c.statedFrom ?? '',
        `${f.statementCount} stmt / ${f.sourceCount} src${f.conflictCount ? ` / ${f.conflictCount} conflict` : ''}`,
      ];
    });
  const head = ['figure', 'current', 'said by', 'stated', 'history'];
  const widths = head.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((r) => r[i]!.length))));
  const line = (r: string[]) => `${r.map((c, i) => c.slice(0, widths[i]).padEnd(widths[i]!)).join('  ')}\n`;
  out.write(line(head));
  out.write(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) out.write(line(r));
  return figures.length;
}
