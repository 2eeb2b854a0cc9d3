import type { SentenceView } from './sentenceView.ts';

/** Counts over time: "10,000 phones are lost every month", "about 500 leaks in a typical month". */

const TIME_UNITS = new Map([
  ['hour', 'hour'],
  ['hours', 'hour'],
  ['day', 'day'],
  ['days', 'day'],
  ['week', 'week'],
  ['weeks', 'week'],
  ['month', 'month'],
  ['months', 'month'],
  ['year', 'year'],
  ['years', 'year'],
  ['quarter', 'quarter'],
]);

/** Words after a time that make it a point or a span, not a rate: "a year ago", "a month later". */
const NOT_A_RATE = /^(?:ago|earlier|later|before|after|since|on|from|of)$/;

/**
 * The time a count is counted per, from the words of its clause after it: "every month", "each
 * year", "a week", "per day", "in a typical month" → `month`. Null when none, or when the time is a
 * span ("for a year") or a point ("a year ago").
 */
export function rateTime(view: SentenceView, e: number, clauseEnd: number): string | null {
  let end = Math.min(clauseEnd, view.tokens.length, e + 10);
  // "about 500 leaks — most of them nonemergencies — in a typical month": past a dashed aside.
  const dash = (k: number): boolean => /^[—–]$/.test(view.tokens[k]?.text ?? '');
  if (dash(clauseEnd) && clauseEnd < e + 4) {
    let close = clauseEnd + 1;
    while (close < view.tokens.length && close < clauseEnd + 12 && !dash(close)) close++;
    if (dash(close)) end = Math.min(view.tokens.length, close + 6);
  }
  for (let k = e; k < end; k++) {
    if (dash(k)) {
      while (k + 1 < end && !dash(k + 1)) k++;
      k++;
      continue;
    }
    if (k > e && view.quantityAt[k]! >= 0) return null;
    const w = view.tokens[k]!.lower;
    if (!/^(?:every|each|a|an|per)$/.test(w)) continue;
    let t = k + 1;
    // "in a typical month", "an average year": one adjective between.
    if (view.pos[t] === 'ADJ' && /^(?:a|an)$/.test(w)) t++;
    const time = TIME_UNITS.get(view.tokens[t]?.lower ?? '');
    if (!time) continue;
    // "a years-long" and plural times only after "every"/"per" ("every two weeks" is not read).
    if (/s$/.test(view.tokens[t]!.lower) && time !== 'quarter') continue;
    if (NOT_A_RATE.test(view.tokens[t + 1]?.lower ?? '')) continue;
    if (/^(?:for|within|over|in)$/.test(view.tokens[k - 1]?.lower ?? '') && !/^(?:every|each|per)$/.test(w)) {
      // "in a typical month" is a rate; "for a year", "within a month" are spans.
      if (!(view.tokens[k - 1]!.lower === 'in' && t === k + 2)) continue;
    }
    return time;
  }
  return null;
}
