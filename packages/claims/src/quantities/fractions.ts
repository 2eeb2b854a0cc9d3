import { TENS } from '../numberWords.ts';
import { isPlural } from '../singularize.ts';
import type { Token } from '../tokenize.ts';

// Fractions: printed ("½"), in digits ("3/4", "2 1/4") and in words ("two thirds", "one eighth",
// "seventeen fifths", "a hundredth", "four and a fifth"). An ordinal word after a number is a
// denominator when the number agrees with it ("one fifth", "two fifths"); "the third day", "a
// second term" and "the past three quarters" stay ordinals and periods (see `wordFractionAllowed`).

/** Vulgar fractions as printed: "½", "¾". */
export const VULGAR_FRACTIONS = new Map([
  ['½', 1 / 2],
  ['¼', 1 / 4],
  ['¾', 3 / 4],
  ['⅓', 1 / 3],
  ['⅔', 2 / 3],
  ['⅕', 1 / 5],
  ['⅖', 2 / 5],
  ['⅗', 3 / 5],
  ['⅘', 4 / 5],
  ['⅙', 1 / 6],
  ['⅚', 5 / 6],
  ['⅛', 1 / 8],
  ['⅜', 3 / 8],
  ['⅝', 5 / 8],
  ['⅞', 7 / 8],
]);

/** The ordinals of one to nine: the last word of a compound denominator ("twenty-first", "thirty fifths"). */
const UNIT_ORDINALS = new Map([
  ['first', 1],
  ['second', 2],
  ['third', 3],
  ['fourth', 4],
  ['fifth', 5],
  ['sixth', 6],
  ['seventh', 7],
  ['eighth', 8],
  ['ninth', 9],
]);

/**
 * Ordinal words that stand alone as denominators. "first" and "second" do not: nobody writes a
 * fraction so, and "one second" is a time.
 */
const DENOMINATORS = new Map<string, number>([
  ['half', 2],
  ['third', 3],
  ['quarter', 4],
  ['fourth', 4],
  ['fifth', 5],
  ['sixth', 6],
  ['seventh', 7],
  ['eighth', 8],
  ['ninth', 9],
  ['tenth', 10],
  ['eleventh', 11],
  ['twelfth', 12],
  ['thirteenth', 13],
  ['fourteenth', 14],
  ['fifteenth', 15],
  ['sixteenth', 16],
  ['seventeenth', 17],
  ['eighteenth', 18],
  ['nineteenth', 19],
  ['twentieth', 20],
  ['thirtieth', 30],
  ['fortieth', 40],
  ['fiftieth', 50],
  ['sixtieth', 60],
  ['seventieth', 70],
  ['eightieth', 80],
  ['ninetieth', 90],
  ['hundredth', 1e2],
  ['thousandth', 1e3],
  ['millionth', 1e6],
  ['billionth', 1e9],
  ['trillionth', 1e12],
]);

/** The tens a compound ordinal opens with ("twenty" of "twenty-fifth"). */
const TENS_VALUES = new Map([...TENS].map((w, k) => [w, 20 + 10 * k]));

export interface Denominator {
  value: number;
  plural: boolean;
  /** "half" and "quarter" also name periods and coins ("the past three quarters"). */
  ambiguous: boolean;
  end: number;
}

function denominatorWord(w: string): { value: number; plural: boolean } | null {
  const single = DENOMINATORS.get(w);
  if (single !== undefined) return { value: single, plural: false };
  if (w === 'halves') return { value: 2, plural: true };
  if (w.endsWith('s')) {
    const v = DENOMINATORS.get(w.slice(0, -1));
    if (v !== undefined) return { value: v, plural: true };
  }
  return null;
}

/** The denominator starting at token `j`: "fifths", "hundredth", "twenty-firsts", "thirty fifths". */
export function readDenominator(tokens: Token[], j: number): Denominator | null {
  const t = tokens[j];
  if (t?.kind !== 'word') return null;
  const tens = TENS_VALUES.get(t.lower);
  if (tens !== undefined) {
    const k = tokens[j + 1]?.text === '-' ? j + 2 : j + 1;
    const w = tokens[k]?.lower ?? '';
    const plural = w.endsWith('s') && UNIT_ORDINALS.has(w.slice(0, -1));
    const unit = UNIT_ORDINALS.get(plural ? w.slice(0, -1) : w);
    return unit === undefined ? null : { value: tens + unit, plural, ambiguous: false, end: k + 1 };
  }
  const d = denominatorWord(t.lower);
  if (!d) return null;
  const ambiguous = d.value === 2 || t.lower.startsWith('quarter');
  return { ...d, ambiguous, end: j + 1 };
}

/** An ordinal word at token `j` ("seventh", "twenty-first", "hundredth"): its number and the token after it. */
export function readOrdinal(tokens: readonly Token[], j: number): { value: number; end: number } | null {
  const t = tokens[j];
  if (t?.kind !== 'word') return null;
  const tens = TENS_VALUES.get(t.lower);
  if (tens !== undefined) {
    const k = tokens[j + 1]?.text === '-' ? j + 2 : j + 1;
    const unit = UNIT_ORDINALS.get(tokens[k]?.lower ?? '');
    return unit === undefined ? null : { value: tens + unit, end: k + 1 };
  }
  // "half" and "quarter" are denominators, never ordinals.
  const value =
    UNIT_ORDINALS.get(t.lower) ?? (/^(?:half|quarter)$/.test(t.lower) ? undefined : DENOMINATORS.get(t.lower));
  return value === undefined ? null : { value, end: j + 1 };
}

/** Fractions of amounts that are tiny ("a trillionth") keep their digits; `round` would make them 0. */
export function fractionValue(numerator: number, denominator: number): number {
  return Number((numerator / denominator).toPrecision(15));
}

/**
 * Whether number words and the denominator after them make a fraction here. `one`: the numerator is
 * "a", "an" or "one"; `mixed`: the fraction follows a whole number ("four and a fifth");
 * `numberOnly`: the sentence is nothing but the number. A singular denominator after "a"/"one" is
 * an ordinal before a noun ("a third term"), and "quarters"/"halves" name periods and sides ("the
 * last three quarters"): they are fractions only where nothing but a number follows.
 */
export function wordFractionAllowed(
  tokens: Token[],
  d: Denominator,
  one: boolean,
  mixed: boolean,
  numberOnly: boolean,
  scaleAt: (k: number) => boolean,
): boolean {
  if (d.plural === one) return false;
  if (numberOnly) return true;
  const next = tokens[d.end];
  const nothingAfter = !next || (next.kind === 'punct' && next.text !== '-') || scaleAt(d.end);
  if (d.ambiguous) return nothingAfter && (mixed || scaleAt(d.end));
  if (one) return nothingAfter || (mixed && next!.kind === 'word' && isPlural(next!.lower));
  return true;
}

/**
 * "3/4", "2/3": a digit fraction, numerator below denominator and the denominator at most 16 (as
 * recipes, measures and shares write them; "9/11" and "24/7" are names, "3/4/2020" a date).
 */
export function digitFractionAt(tokens: Token[], i: number): { value: number; end: number } | null {
  const t = tokens[i];
  const slash = tokens[i + 1];
  const d = tokens[i + 2];
  if (t?.kind !== 'num' || slash?.text !== '/' || d?.kind !== 'num') return null;
  if (slash.spaceBefore || d.spaceBefore || !/^\d{1,2}$/.test(t.text) || !/^\d{1,2}$/.test(d.text)) return null;
  const n = Number(t.text);
  const den = Number(d.text);
  if (!(n < den && den <= 16 && n > 0)) return null;
  // "3/4/2020", "1/2-inch": a date or a part of something longer.
  const after = tokens[i + 3];
  if (after && !after.spaceBefore && (after.text === '/' || after.kind === 'num')) return null;
  if (tokens[i - 1]?.text === '/' && !t.spaceBefore) return null;
  return { value: n / den, end: i + 3 };
}
