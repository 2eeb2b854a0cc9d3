import { TENS } from '../numberWords.ts';
import { isPlural } from '../singularize.ts';
import type { Token } from '../tokenize.ts';
import { matchUnit } from '../units.ts';
import {
  type Denominator,
  digitFractionAt,
  fractionValue,
  readDenominator,
  VULGAR_FRACTIONS,
  wordFractionAllowed,
} from './fractions.ts';
import {
  digitWordValue,
  SCALE_WORD_VALUES,
  SMALL_NUMBER_VALUES,
  VAGUE_MULTIPLIER_RANGES,
  VAGUE_PLURAL_RANGES,
  ZERO_WORDS,
} from './numberWordMaps.ts';
import { type Core, core } from './quantityContext.ts';

// Numbers in words: "five hundred and fifty", "half a million", "four hundred point zero six",
// "two hundred and three dozen", "two thirds", "two million and a half"; and vague amounts ("dozens
// of", "several hundred").

/** Ordinal words ("first", "twenty-fifth", "hundredth"), singular or plural. */
const ORDINAL_WORD =
  /^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|[a-z]+teenth|[a-z]+ieth|hundredth|thousandth|millionth|billionth|trillionth)s?$/;

/** "dozens" as a multiple ("three dozens"), and its abbreviations ("5 dozs", "3 dzs"). */
export const DOZENS = /^(?:dozens|doz|dozs|dz|dzs)$/;

const scaleAt =
  (tokens: Token[]) =>
  (k: number): boolean =>
    SCALE_WORD_VALUES.has(tokens[k]?.lower ?? '');

/** One to ninety-nine in words at token `k` ("seven", "fifty-four", "thirty one"). */
export function smallCardinal(tokens: Token[], k: number): { value: number; end: number } | null {
  const v = SMALL_NUMBER_VALUES.get(tokens[k]?.lower ?? '');
  if (v === undefined) return null;
  if (TENS.has(tokens[k]!.lower)) {
    const h = tokens[k + 1]?.text === '-' ? k + 2 : k + 1;
    const u = SMALL_NUMBER_VALUES.get(tokens[h]?.lower ?? '');
    if (u !== undefined && u < 10) return { value: v + u, end: h + 1 };
  }
  return { value: v, end: k + 1 };
}

/** "point zero six", "point sixty-two": the digits of a decimal said in words, after "point". */
function spokenDecimals(tokens: Token[], k: number): { digits: string; end: number } | null {
  const pair = smallCardinal(tokens, k);
  if (pair && pair.value >= 10) return { digits: String(pair.value), end: pair.end };
  let digits = '';
  let j = k;
  for (let d = digitWordValue(tokens[j]?.lower ?? ''); d !== undefined; d = digitWordValue(tokens[j]?.lower ?? '')) {
    digits += d;
    j++;
  }
  return digits === '' ? null : { digits, end: j };
}

/**
 * A fraction added to the whole number that ends before token `j`: "½", " 1/2", "and a half",
 * "and a fifth", "and two thirds", "and thirty-six hundredths". `wholeScale`: the scale word the
 * whole number ended with, when it is a thousand or more; the fraction is of it ("three million and
 * a half" is 3.5 million). Before a scale word ("2 and a half million") the fraction ends before
 * it and the caller scales both; after one, a smaller scale scales the fraction alone ("one billion
 * and a quarter million").
 */
export function fractionAfter(tokens: Token[], j: number, wholeScale = 0): { value: number; end: number } | null {
  const t = tokens[j];
  if (!t) return null;
  const vulgar = VULGAR_FRACTIONS.get(t.text);
  if (vulgar !== undefined) return { value: vulgar, end: j + 1 };
  if (t.kind === 'num') {
    const f = /^\d$/.test(t.text) ? digitFractionAt(tokens, j) : null;
    return f && wholeScale === 0 ? f : null;
  }
  if (t.lower !== 'and') return null;
  const n = tokens[j + 1]?.lower ?? '';
  const numerator = n === 'a' || n === 'an' ? { value: 1, end: j + 2 } : smallCardinal(tokens, j + 1);
  if (!numerator) return null;
  const d = readDenominator(tokens, numerator.end);
  if (!d || numerator.value >= d.value || d.plural === (numerator.value === 1)) return null;
  // "two and a third country" is an ordinal; "two and a third years", "and a half" are fractions.
  const after = tokens[d.end];
  if (
    !d.ambiguous &&
    after?.kind === 'word' &&
    !isPlural(after.lower) &&
    !SCALE_WORD_VALUES.has(after.lower) &&
    !matchUnit(tokens, d.end)
  )
    return null;
  const value = numerator.value / d.value;
  const scale = SCALE_WORD_VALUES.get(after?.lower ?? '');
  if (scale !== undefined) {
    if (wholeScale === 0) return { value, end: d.end };
    return scale < wholeScale ? { value: value * scale, end: d.end + 1 } : null;
  }
  return { value: value * (wholeScale >= 1e3 ? wholeScale : 1), end: d.end };
}

export function parseVague(tokens: Token[], i: number): Core | null {
  const w = tokens[i]!.lower;
  let range = VAGUE_PLURAL_RANGES.get(w)!;
  let j = i + 1;
  if (w === 'tens' || w === 'hundreds' || w === 'dozens') {
    const of = tokens[j]?.lower === 'of';
    const next = tokens[j + 1]?.lower ?? '';
    if (of && (next === 'thousands' || next === 'millions' || next === 'billions')) {
      const inner = VAGUE_PLURAL_RANGES.get(next)!;
      range = [range[0] * inner[0], range[0] * inner[1]];
      j += 2;
    } else if (w === 'tens') {
      return null;
    }
  }
  return core(i, j, null, { range, vague: true, scaled: true, takesOf: true });
}

/** "a few hundred", "a couple of thousand", "several thousand", "several dozen". */
function parseMultiplied(tokens: Token[], i: number): Core | null {
  const w0 = tokens[i]!.lower;
  const mult = VAGUE_MULTIPLIER_RANGES.get(w0 === 'several' ? 'several' : tokens[i + 1]!.lower)!;
  let j = w0 === 'several' ? i + 1 : i + 2;
  if (tokens[j]?.lower === 'of') j++;
  let lo = mult[0];
  let hi = mult[1];
  let any = false;
  while (tokens[j] && (SCALE_WORD_VALUES.has(tokens[j]!.lower) || tokens[j]!.lower === 'dozen')) {
    const s = tokens[j]!.lower === 'dozen' ? 12 : SCALE_WORD_VALUES.get(tokens[j]!.lower)!;
    lo *= s;
    hi *= s;
    any = true;
    j++;
  }
  if (!any) return null;
  return core(i, j, null, { range: [lo, hi], vague: true, scaled: true, takesOf: true });
}

/** "half a million", "half a dozen", "half million"; "half an hour" before its unit. */
function parseHalf(tokens: Token[], i: number): Core | null {
  const a = tokens[i + 1]?.lower;
  if (SCALE_WORD_VALUES.has(a ?? '') && a !== 'hundred')
    return core(i, i + 2, 0.5 * SCALE_WORD_VALUES.get(a!)!, { scaled: true, takesOf: true });
  const s = tokens[i + 2]?.lower ?? '';
  if ((a === 'a' || a === 'an') && (SCALE_WORD_VALUES.has(s) || s === 'dozen')) {
    const scale = s === 'dozen' ? 12 : SCALE_WORD_VALUES.get(s)!;
    return core(i, i + 3, 0.5 * scale, { scaled: true, takesOf: true });
  }
  if ((a === 'a' || a === 'an') && matchUnit(tokens, i + 2)) return core(i, i + 2, 0.5);
  return null;
}

/**
 * "a quarter of a million", "a half million", "quarter million"; or, after "a", a fraction ("a
 * fifth", "a hundredth", "a thirty-first") where nothing but a number follows.
 */
function parseArticle(tokens: Token[], i: number, numberOnly: boolean): Core | null {
  const s = tokens[i + 1]?.lower ?? '';
  const quarterOrHalf = s === 'quarter' || s === 'half';
  if (quarterOrHalf && tokens[i + 2]?.lower === 'of' && tokens[i + 3]?.lower === 'a') {
    const sc = tokens[i + 4]?.lower ?? '';
    if (SCALE_WORD_VALUES.has(sc))
      return core(i, i + 5, (s === 'quarter' ? 0.25 : 0.5) * SCALE_WORD_VALUES.get(sc)!, {
        scaled: true,
        takesOf: true,
      });
  }
  const sc2 = tokens[i + 2]?.lower ?? '';
  if (quarterOrHalf && SCALE_WORD_VALUES.has(sc2))
    return core(i, i + 3, (s === 'quarter' ? 0.25 : 0.5) * SCALE_WORD_VALUES.get(sc2)!, {
      scaled: true,
      takesOf: true,
    });
  const d = readDenominator(tokens, i + 1);
  if (d && wordFractionAllowed(tokens, d, true, false, numberOnly, scaleAt(tokens)))
    return core(i, d.end, fractionValue(1, d.value), { fraction: true });
  return null;
}

/**
 * Number words from token `i`: "five hundred and fifty", "twenty-five", "sixty - three", "a
 * thousand", "two hundred and three dozen", "four hundred point zero six", "zero", and the
 * fractions they open ("two thirds", "two hundred and three quarters", "two million and a half").
 * `numberOnly`: the sentence is nothing but a number, so a fraction word is one wherever it stands.
 */
export function parseSpelled(tokens: Token[], i: number, numberOnly = false): Core | null {
  const w0 = tokens[i]!.lower;
  if (
    w0 === 'several' ||
    ((w0 === 'a' || w0 === 'an') && (tokens[i + 1]?.lower === 'few' || tokens[i + 1]?.lower === 'couple'))
  )
    return parseMultiplied(tokens, i);
  if (w0 === 'half') return parseHalf(tokens, i);
  // "quarter million"
  if (w0 === 'quarter') {
    const sc = SCALE_WORD_VALUES.get(tokens[i + 1]?.lower ?? '');
    return sc !== undefined && sc >= 1e3 ? core(i, i + 2, 0.25 * sc, { scaled: true, takesOf: true }) : null;
  }
  let total = 0;
  let current = 0;
  let any = false;
  let lastScale = false;
  let words = 0;
  let j = i;
  // The words said since the last scale or "and" ("two" of "two hundred and three dozen").
  let lastAdded = 0;
  // The largest scale of a thousand or more so far, and the number before the last "and".
  let bigScale = 0;
  let lastScaleWord = 0;
  let lastGroup = 0;
  let beforeAnd: { value: number; scale: number } | null = null;
  if (w0 === 'a' || w0 === 'an') {
    const s = tokens[i + 1]?.lower ?? '';
    if (!SCALE_WORD_VALUES.has(s) && s !== 'dozen') return parseArticle(tokens, i, numberOnly);
    current = 1;
    any = true;
    j = i + 1;
  } else if (w0 === 'hundred') {
    // "hundred thousand euros"
    if ((SCALE_WORD_VALUES.get(tokens[i + 1]?.lower ?? '') ?? 0) < 1e3) return null;
    current = 100;
    any = true;
    j = i + 1;
  } else if (ZERO_WORDS.has(w0)) {
    any = true;
    words = 1;
    j = i + 1;
  }
  for (; j < tokens.length && !ZERO_WORDS.has(w0); j++) {
    const t = tokens[j]!;
    const w = t.lower;
    if (t.kind !== 'word' && t.text !== '-') break;
    const n = SMALL_NUMBER_VALUES.get(w);
    if (n !== undefined) {
      if (!any || lastScale) {
        current += n;
        lastAdded = n;
      }
      // "twenty-five", "thirty one", "sixty - three"
      else if (
        n < 10 &&
        current % 10 === 0 &&
        current % 100 >= 20 &&
        (tokens[j - 1]?.text === '-' || TENS.has(tokens[j - 1]?.lower ?? ''))
      ) {
        current += n;
        lastAdded += n;
      } else break;
      any = true;
      lastScale = false;
      words++;
      continue;
    }
    if (
      w === '-' &&
      any &&
      TENS.has(tokens[j - 1]?.lower ?? '') &&
      t.spaceBefore === (tokens[j + 1]?.spaceBefore ?? !t.spaceBefore) &&
      (SMALL_NUMBER_VALUES.get(tokens[j + 1]?.lower ?? '') ?? 10) < 10
    )
      continue;
    if (!any) break;
    if (w === 'hundred') {
      current = (current || 1) * 100;
      lastScale = true;
      lastAdded = 0;
      lastScaleWord = 100;
      continue;
    }
    // "three dozen"; "two hundred and three dozen" is 200 + 36.
    if (w === 'dozen' || (DOZENS.test(w) && tokens[j + 1]?.lower !== 'of')) {
      current = lastAdded > 0 && current > lastAdded ? current - lastAdded + lastAdded * 12 : (current || 1) * 12;
      lastScale = false;
      lastAdded = 0;
      continue;
    }
    const scale = SCALE_WORD_VALUES.get(w);
    if (scale !== undefined) {
      // "two lakh crore", "a thousand billion": a scale of a scale multiplies the group before it.
      if (lastScale && current === 0 && scale > lastScaleWord && lastGroup > 0) {
        total += lastGroup * (scale - 1);
        lastGroup *= scale;
      } else {
        lastGroup = (current || 1) * scale;
        total += lastGroup;
      }
      current = 0;
      lastScale = true;
      lastAdded = 0;
      lastScaleWord = scale;
      if (scale >= 1e3) bigScale = scale;
      continue;
    }
    if (w === 'and' && lastScale && SMALL_NUMBER_VALUES.has(tokens[j + 1]?.lower ?? '')) {
      // "between two hundred and three hundred": a second number, not a continuation.
      const next = smallCardinal(tokens, j + 1)!;
      const nextScale = SCALE_WORD_VALUES.get(tokens[next.end]?.lower ?? '');
      if (nextScale !== undefined && nextScale === lastScaleWord) break;
      beforeAnd = { value: total + current, scale: current > 0 ? 1 : bigScale };
      continue;
    }
    // "one and a half million"
    if (
      w === 'and' &&
      tokens[j + 1]?.lower === 'a' &&
      tokens[j + 2]?.lower === 'half' &&
      SCALE_WORD_VALUES.has(tokens[j + 3]?.lower ?? '')
    ) {
      total += (current + 0.5) * SCALE_WORD_VALUES.get(tokens[j + 3]!.lower)!;
      current = 0;
      j += 3;
      lastScale = true;
      continue;
    }
    break;
  }
  if (!any) return null;
  let end = j;
  while (end > i && tokens[end - 1]!.text === '-') end--;
  let value = total + current;
  // "four hundred point zero six", "nought point five"
  if (tokens[end]?.lower === 'point' && end === j) {
    const decimals = spokenDecimals(tokens, end + 1);
    if (decimals) return core(i, decimals.end, Number(`${value}.${decimals.digits}`), { scaled: value >= 100 });
  }
  const fraction = readWordFraction(tokens, end, value, words, beforeAnd, numberOnly);
  if (fraction) return core(i, fraction.end, fraction.value, { fraction: true, scaled: fraction.value >= 100 });
  // "twenty-first", "two hundredth", "one fifth": the words make an ordinal or a fraction, no amount.
  const after = tokens[j]?.text === '-' && !tokens[j]!.spaceBefore ? tokens[j + 1] : tokens[j];
  if (after && ORDINAL_WORD.test(after.lower) && after.lower !== 'seconds')
    return core(i, j + (after === tokens[j] ? 1 : 2), null, { skip: true });
  // "two and a half years", "two million and a half", "thirty and two fifths"
  const added = end === j ? fractionAfter(tokens, end, bigScale > 0 && current === 0 ? bigScale : 0) : null;
  if (added && added.end > end + 1) {
    value += added.value;
    end = added.end;
  }
  const bareOne = value === 1 && words === 1 && end === i + 1;
  return core(i, end, value, { bareOne, scaled: total > 0 || value >= 100 });
}

/**
 * The denominator after number words, making them a fraction: "two thirds" 2/3, "twenty-three
 * fifths" 23/5, "two hundred and three quarters" 200 + 3/4 (a numerator after "and" smaller than
 * its denominator is the fraction of a mixed number), "four million and two fifths" 4.4 million,
 * "three quarters million" 750,000.
 */
function readWordFraction(
  tokens: Token[],
  at: number,
  value: number,
  words: number,
  beforeAnd: { value: number; scale: number } | null,
  numberOnly: boolean,
): { value: number; end: number } | null {
  // "one - fourth", "three - eighths": a hyphen set apart by spaces on both sides.
  const hyphen = tokens[at]?.text === '-' && tokens[at]!.spaceBefore && tokens[at + 1]?.spaceBefore;
  const d: Denominator | null = readDenominator(tokens, hyphen ? at + 1 : at);
  if (!d) return null;
  const numerator = beforeAnd ? value - beforeAnd.value : value;
  const mixed = beforeAnd !== null && numerator < d.value;
  const one = numerator === 1 && (mixed || words === 1);
  if (!wordFractionAllowed(tokens, d, one, mixed, numberOnly, scaleAt(tokens))) return null;
  let end = d.end;
  // "three quarters million", "two thirds of a billion"; "two billion and a quarter million".
  const ofA = tokens[end]?.lower === 'of' && /^an?$/.test(tokens[end + 1]?.lower ?? '');
  const scale = SCALE_WORD_VALUES.get(tokens[ofA ? end + 2 : end]?.lower ?? '');
  let v: number;
  if (mixed) {
    const of = scale !== undefined && !ofA && scale < beforeAnd!.scale ? scale : Math.max(1, beforeAnd!.scale);
    v = beforeAnd!.value + (numerator / d.value) * of;
    if (of === scale) end++;
  } else {
    v = value / d.value;
    if (scale !== undefined) {
      v *= scale;
      end += ofA ? 3 : 1;
    }
  }
  return { value: Number(v.toPrecision(15)), end };
}
