import type { SentenceInfo } from '../article/sentenceInfo.ts';
import { type CalendarDay, resolveDate } from '../dateExpressions.ts';
import type { Period } from '../types.ts';
import { periodPhrase } from './periodPhrases.ts';

/**
 * The period of a figure in `clause`: a reporting period named in it ("the fourth quarter"), else
 * the date nearest the figure — the first after it before the next figure ("rise to 85% by 2008 and
 * 100% by 2010"), else the nearest before it — when `figure` (its token range) is given.
 */
export function periodOf(
  info: SentenceInfo,
  clause: [number, number],
  now: CalendarDay | null,
  figure: [number, number] | null = null,
): Period | null {
  const { tokens, sentence } = info;
  const clauseText = sentence.text.slice(
    tokens[clause[0]]?.start ?? 0,
    tokens[clause[1] - 1]?.end ?? sentence.text.length,
  );
  const phrase = periodPhrase(clauseText, now);
  if (phrase) return phrase;
  const found = datedPeriod(info, clause, now, figure);
  return found ? { ...found, label: labelOf(found) } : null;
}

/** A period's normalised label: one date when it starts and ends in the same one, else both ends. */
function labelOf(p: Period): string {
  if (p.from && p.to && p.from === p.to) return p.from;
  if (p.from && p.to) return `${p.from} to ${p.to}`;
  if (p.from) return `since ${p.from}`;
  return p.text;
}

function datedPeriod(
  info: SentenceInfo,
  clause: [number, number],
  now: CalendarDay | null,
  figure: [number, number] | null,
): Period | null {
  const { tokens, sentence } = info;
  const stated = new Set<number>();
  for (const a of info.attributions) {
    for (const d of info.dateTokens) {
      if ((d.start >= a.npEnd && d.end <= a.verbStart) || (d.start >= a.verbEnd && d.start <= a.verbEnd + 6))
        stated.add(d.start);
    }
  }
  // Dates of the comparison are not the figure's: "up 10% on 2003", "from 62% at the end of 2003",
  // "compared with a loss a year earlier".
  let comparisonFrom = clause[1];
  for (let k = clause[0]; k < clause[1]; k++) {
    const w = tokens[k]!.lower;
    if (
      w === 'compared' ||
      w === 'against' ||
      w === 'than' ||
      w === 'versus' ||
      (w === 'from' && info.quantities.length > 1)
    ) {
      comparisonFrom = k;
      break;
    }
  }
  const candidates = info.dateTokens.filter(
    (d) =>
      !stated.has(d.start) &&
      (d.start < comparisonFrom || tokens[d.start - 1]?.lower === 'to') &&
      tokens[d.start - 1]?.lower !== 'on' &&
      d.start >= clause[0] - 8 &&
      d.end <= clause[1] &&
      (d.expr.kind === 'date' || d.expr.kind === 'month' || d.expr.kind === 'year' || d.expr.kind === 'relative'),
  );
  for (const i of nearestFirst(info, candidates, figure)) {
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
    // "in 2004", "for 2004" ("net income for 2004 was"), "during", "throughout".
    if (/^(?:in|during|by|of|throughout|for)$/.test(before) || d.expr.kind === 'relative') {
      const r = resolveDate(d.expr, now);
      const start = /^(?:in|during|by|of|throughout|for)$/.test(before) ? d.start - 1 : d.start;
      return { from: r, to: r, text: textFrom(start, d.end) };
    }
  }
  return null;
}

/** Candidate dates in the order they are tried: after the figure up to the next figure, then before it nearest first, then the rest. */
function nearestFirst(
  info: SentenceInfo,
  candidates: ReadonlyArray<{ start: number; end: number }>,
  figure: [number, number] | null,
): number[] {
  const all = candidates.map((_, i) => i);
  if (!figure) return all;
  const [fs, fe] = figure;
  // The next figure's first character after this one's end: dates from there on are its.
  const end = info.tokens[fe - 1]?.end ?? 0;
  let nextFigure = Number.POSITIVE_INFINITY;
  for (const q of info.quantities) if (q.span[0] >= end && q.span[0] < nextFigure) nextFigure = q.span[0];
  const after = all.filter((i) => candidates[i]!.start >= fe && info.tokens[candidates[i]!.start]!.start < nextFigure);
  const before = all.filter((i) => candidates[i]!.end <= fs).reverse();
  return [...after, ...before, ...all.filter((i) => !after.includes(i) && !before.includes(i))];
}

/** How many sentences a period stated once still covers the figures that state none. */
const PERIOD_CARRY = 4;

/**
 * The reporting period an article has set: "Net income for 2004 was $3.5bn … turnover rose $7.2bn"
 * — the second figure is of 2004 too. A period of one stretch (a year, a quarter, a month) carries
 * to the figures of the next sentences of its paragraph that state none; "by 2010" or "since 1997"
 * does not.
 */
export class PeriodContext {
  private last: { period: Period; line: number; index: number } | null = null;

  constructor(private readonly now: CalendarDay | null) {}

  /** Takes the period a sentence states, if any, before its figures are read. */
  read(info: SentenceInfo): void {
    // Periods set by figures: a sentence without one ("reported fourth-quarter and full-year
    // profits") names periods it then leaves to the figures after it to pick between.
    if (info.titleLike || info.quantities.length === 0) return;
    const p = periodOf(info, [0, info.tokens.length], this.now);
    if (p && isStretch(p)) this.last = { period: p, line: info.line, index: info.index };
  }

  carried(info: SentenceInfo): Period | null {
    const l = this.last;
    if (!l || l.line !== info.line || info.index - l.index > PERIOD_CARRY || info.index === l.index) return null;
    return l.period;
  }
}

function isStretch(p: Period): boolean {
  if (/^(?:since|by|until|from|between)\b/i.test(p.text)) return false;
  return p.from === p.to || /^[QH]\d/.test(p.label ?? '') || /months to/.test(p.label ?? '');
}
