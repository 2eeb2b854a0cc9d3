import { parseDigits, type Token } from '../tokenize.ts';
import { digitFractionAt } from './fractions.ts';
import { SMALL_NUMBER_VALUES } from './numberWordMaps.ts';
import { type Context, type Core, core } from './quantityContext.ts';
import { parseSpelled } from './spelledNumbers.ts';

// Shares written as fractions or proportions, read as percentages (the news-claims convention):
// "a quarter of the market" 25 %, "half of", "nearly two-thirds" 66.7 %, "one in three" 33.3 %,
// "4 out of 10" 40 %, "dropped by a third" 33.3 %. "a third night", "the third quarter" and "in
// three quarters" stay ordinals and periods: a fraction word is a share only before "of"/"the", after
// "by", or hyphenated to its number.

const DENOMINATORS = new Map<string, number>([
  ['half', 2],
  ['halves', 2],
  ['third', 3],
  ['thirds', 3],
  ['quarter', 4],
  ['quarters', 4],
  ['fourth', 4],
  ['fourths', 4],
  ['fifth', 5],
  ['fifths', 5],
  ['sixth', 6],
  ['sixths', 6],
  ['seventh', 7],
  ['sevenths', 7],
  ['eighth', 8],
  ['eighths', 8],
  ['ninth', 9],
  ['ninths', 9],
  ['tenth', 10],
  ['tenths', 10],
]);

/** Words before a fraction word that make it a period ("the first half") or an ordinal. */
const PERIOD_BEFORE = new Set([
  'the',
  'first',
  'second',
  'third',
  'fourth',
  'final',
  'last',
  'latter',
  'each',
  'every',
  'next',
  'previous',
]);

/** The percentage of a share, to a tenth as reports print it ("one in three" 33.3 %). */
function percentOf(numerator: number, denominator: number): number {
  return Math.round((numerator / denominator) * 1000) / 10;
}

function share(start: number, end: number, numerator: number, denominator: number): Core {
  return core(start, end, percentOf(numerator, denominator), { share: true });
}

/** A fraction word stands for a share where what it is a share of follows, or as the amount of a change. */
function shareContext(tokens: Token[], start: number, end: number): boolean {
  const next = tokens[end]?.lower ?? '';
  if (next === 'of' || next === 'the' || next === 'its' || next === 'their' || next === 'all') return true;
  return tokens[start - 1]?.lower === 'by';
}

function smallNumber(t: Token | undefined): number | null {
  if (!t) return null;
  if (t.kind === 'num') return /^\d{1,3}$/.test(t.text) ? parseDigits(t.text) : null;
  return SMALL_NUMBER_VALUES.get(t.lower) ?? null;
}

/** The whole of a proportion at token `k`: "10", "1,000", "twenty-one", "five hundred". */
function wholeAt(tokens: Token[], k: number): { value: number; end: number } | null {
  const t = tokens[k];
  if (!t) return null;
  if (t.kind === 'num') return /^\d{1,3}(?:,\d{3})*$/.test(t.text) ? { value: parseDigits(t.text), end: k + 1 } : null;
  const c = SMALL_NUMBER_VALUES.has(t.lower) ? parseSpelled(tokens, k) : null;
  return c && c.value !== null && !c.skip ? { value: c.value, end: c.end } : null;
}

/**
 * A share starting at token `i`, or null: "a third of", "one-fifth", "two thirds of", "half of",
 * "one in five", "4 out of 10".
 */
export function parseShare(ctx: Context, i: number): Core | null {
  const { tokens } = ctx;
  const t = tokens[i]!;
  const w = t.lower;
  // Most tokens start no share: decide that first, with one lookup.
  if (w === 'a' || w === 'an') {
    if (!DENOMINATORS.has(tokens[i + 1]?.lower ?? '')) return null;
  } else if (w !== 'half' && t.kind !== 'num' && !SMALL_NUMBER_VALUES.has(w)) return null;
  // "the first half of the year", "the second quarter": periods, not shares.
  if (PERIOD_BEFORE.has(tokens[i - 1]?.lower ?? '')) return null;
  // "half of India's car sales", "cut by half"
  if (w === 'half') return shareContext(tokens, i, i + 1) ? share(i, i + 1, 1, 2) : null;
  const n = w === 'a' || w === 'an' ? 1 : smallNumber(t);
  if (n === null) return null;
  const a = tokens[i + 1];
  // "two-thirds", "one-fifth": a hyphenated fraction is a share wherever it stands.
  if (a?.text === '-' && !a.spaceBefore && t.kind === 'word') {
    const d = DENOMINATORS.get(tokens[i + 2]?.lower ?? '');
    if (d !== undefined && !tokens[i + 2]!.spaceBefore && n < d) return share(i, i + 3, n, d);
    return null;
  }
  // "a third of those screened", "two thirds of its Bradleys", "by a fifth"
  const d = DENOMINATORS.get(a?.lower ?? '');
  if (d !== undefined && t.kind === 'word' && n < d && (n === 1) === !/s$/.test(a!.lower)) {
    // "a quarter of a million soldiers" is a number.
    if (tokens[i + 2]?.lower === 'of' && /^(?:a|an)$/.test(tokens[i + 3]?.lower ?? '')) return null;
    return shareContext(tokens, i, i + 2) ? share(i, i + 2, n, d) : null;
  }
  if (w === 'a' || w === 'an') return null;
  // "one in three", "4 in 10 voters", "1 in thirty-two"
  if (a?.lower === 'in') {
    const m = wholeAt(tokens, i + 2);
    if (m !== null && m.value > n && m.value <= 1000 && tokens[m.end]?.lower !== 'years')
      return share(i, m.end, n, m.value);
  }
  // "4 out of 10 respondents", "three out of four hundred"; "16 out of the top 20 titles" is a count of the titles.
  if (a?.lower === 'out' && tokens[i + 2]?.lower === 'of') {
    const m = wholeAt(tokens, i + 3);
    if (m !== null && m.value > n) return share(i, m.end, n, m.value);
  }
  // "3/4 of the vote"
  const f = t.kind === 'num' ? digitFractionAt(tokens, i) : null;
  if (f && shareContext(tokens, i, f.end)) return share(i, f.end, Number(t.text), Number(tokens[i + 2]!.text));
  return null;
}
