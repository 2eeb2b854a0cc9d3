import type { EventStore } from '@tally/event-store';
import { createProjectionReader } from '@tally/projection-store';
import { describeQuantity } from '@tally/projections';

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
        describeQuantity(c, c.qualifier, c.concept),
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
