import type { SentenceInfo } from '../article/sentenceInfo.ts';
import { type CalendarDay, resolveDate } from '../dateExpressions.ts';
import type { Period } from '../types.ts';

export function periodOf(info: SentenceInfo, clause: [number, number], now: CalendarDay | null): Period | null {
  const { tokens, sentence } = info;
  const stated = new Set<number>();
  for (const a of info.attributions) {
    for (const d of info.dateTokens) {
      if ((d.start >= a.npEnd && d.end <= a.verbStart) || (d.start >= a.verbEnd && d.start <= a.verbEnd + 6))
        stated.add(d.start);
    }
  }
  const candidates = info.dateTokens.filter(
    (d) =>
      !stated.has(d.start) &&
      d.start >= clause[0] - 8 &&
      d.end <= clause[1] &&
      (d.expr.kind === 'date' || d.expr.kind === 'month' || d.expr.kind === 'year' || d.expr.kind === 'relative'),
  );
  for (let i = 0; i < candidates.length; i++) {
    const d = candidates[i]!;
    const before = tokens[d.start - 1]?.lower ?? '';
    const next = candidates[i + 1];
    const textFrom = (a: number, b: number): string => sentence.text.slice(tokens[a]!.start, tokens[b - 1]!.end);
    if (before === 'between' && next && tokens[d.end]?.lower === 'and' && next.start === d.end + 1) {
      return { from: resolveDate(d.expr, now), to: resolveDate(next.expr, now), text: textFrom(d.start - 1, next.end) };
    }
    if (
      before === 'from' &&
      next &&
      /^(?:to|until|through|till)$/.test(tokens[d.end]?.lower ?? '') &&
      next.start === d.end + 1
    ) {
      return { from: resolveDate(d.expr, now), to: resolveDate(next.expr, now), text: textFrom(d.start - 1, next.end) };
    }
    if (before === 'since') {
      return { from: resolveDate(d.expr, now), to: null, text: textFrom(d.start - 1, d.end) };
    }
    if (/^(?:in|during|by|of|throughout)$/.test(before) || d.expr.kind === 'relative') {
      const r = resolveDate(d.expr, now);
      const start = /^(?:in|during|by|of|throughout)$/.test(before) ? d.start - 1 : d.start;
      return { from: r, to: r, text: textFrom(start, d.end) };
    }
  }
  return null;
}
