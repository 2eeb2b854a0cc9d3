import { SCALE_SUFFIXES, SCALE_WORDS, SMALL_NUMBERS, TENS, VAGUE_MULTIPLIERS, VAGUE_PLURALS } from '../numberWords.ts';
import { isPlural } from '../singularize.ts';
import { parseDigits, type Token } from '../tokenize.ts';
import { currencyCode, matchCurrencyAfter, matchCurrencyBefore, matchUnit } from '../units.ts';
import { type Context, type Core, core, round } from './quantityContext.ts';

// Number expressions: digits with separators and scale suffixes ("1.5bn", "10K"), spelled-out numbers ("five
// hundred and fifty", "half a million") and vague amounts ("dozens of", "several hundred").

// Maps of the number words: looked up once or more per token, and a Map lookup of a token's text
// is cheaper than a property lookup on an object (which also sees "constructor" and friends).
export const SMALL_NUMBER_VALUES = new Map(Object.entries(SMALL_NUMBERS));
export const SCALE_WORD_VALUES = new Map(Object.entries(SCALE_WORDS));
export const SCALE_SUFFIX_VALUES = new Map(Object.entries(SCALE_SUFFIXES));
export const VAGUE_PLURAL_RANGES = new Map(Object.entries(VAGUE_PLURALS));
export const VAGUE_MULTIPLIER_RANGES = new Map(Object.entries(VAGUE_MULTIPLIERS));

export function parseCore(ctx: Context, i: number): Core | null {
  const { tokens } = ctx;
  const t = tokens[i]!;
  if (t.kind === 'num')
    return parseDigitsCore(
      tokens,
      i,
      ctx.out.some((q) => q.quantity.kind === 'money'),
    );
  if (t.kind !== 'word') {
    const vulgar = VULGAR_FRACTIONS.get(t.text);
    return vulgar === undefined ? null : core(i, i + 1, round(vulgar), {});
  }
  // "RM79", "USD115": a currency written against the digits is one token.
  if (t.text.length > 2 && t.text.charCodeAt(t.text.length - 1) <= 57) {
    const glued = gluedMoney(t.text);
    if (glued) {
      // "USD115.5": the decimals are tokens of their own.
      const dot = tokens[i + 1];
      const decimals = tokens[i + 2];
      if (
        dot?.text === '.' &&
        !dot.spaceBefore &&
        decimals?.kind === 'num' &&
        !decimals.spaceBefore &&
        /^\d+$/.test(decimals.text)
      )
        return core(i, i + 3, round(glued.value + Number(`0.${decimals.text}`)), {
          digits: true,
          currency: glued.currency,
        });
      return core(i, i + 1, glued.value, { digits: true, currency: glued.currency });
    }
  }
  const w = t.lower;
  // "scores of people"; "he scores 20" is a verb.
  if (VAGUE_PLURAL_RANGES.has(w) && (w !== 'scores' || tokens[i + 1]?.lower === 'of')) return parseVague(tokens, i);
  if (w === 'a' || w === 'an' || w === 'half' || w === 'several' || w === 'dozen' || SMALL_NUMBER_VALUES.has(w)) {
    return parseSpelled(tokens, i);
  }
  return null;
}

/**
 * Digits with their scale and fraction. `moneyBefore`: the sentence named money already, so "550m"
 * ("1bn euros now, another 550m later") is a sum, not metres.
 */
export function parseDigitsCore(tokens: Token[], i: number, moneyBefore = false): Core {
  const t = tokens[i]!;
  // "a 1/4 mile oval", "1/2 cup": a fraction before its unit.
  if (tokens[i + 1]?.text === '/' && /^\d$/.test(t.text) && tokens[i + 2]?.kind === 'num') {
    const d = tokens[i + 2]!;
    const n = Number(t.text);
    const den = Number(d.text);
    if (!tokens[i + 1]!.spaceBefore && !d.spaceBefore && n < den && den <= 16 && matchUnit(tokens, i + 3))
      return core(i, i + 3, round(n / den), { digits: true });
  }
  let value = parseDigits(t.text);
  let rawInt = /^\d+$/.test(t.text);
  let scaled = false;
  let moneySuffix = false;
  let j = i + 1;
  // "40 000", "1 414 021 100": thousands grouped by single spaces, as SI style and much of Europe write them.
  if (rawInt && t.text.length <= 3) {
    let digits = t.text;
    while (
      tokens[j]?.kind === 'num' &&
      tokens[j]!.start === tokens[j - 1]!.end + 1 &&
      /^\d{3}(?:\.\d+)?$/.test(tokens[j]!.text) &&
      digits.indexOf('.') < 0 &&
      // "20 787-9 jets": a group joined to more is a model number, no thousands.
      !(tokens[j + 1] && !tokens[j + 1]!.spaceBefore && /^[-–/:]$/.test(tokens[j + 1]!.text))
    ) {
      digits += tokens[j]!.text;
      j++;
    }
    if (j > i + 1) {
      value = Number(digits);
      rawInt = /^\d+$/.test(digits);
    }
  }
  const nx = tokens[j];
  // "$458 m": a scale letter apart from the number, after a currency.
  if (nx?.spaceBefore && (nx.lower === 'm' || nx.lower === 'b') && matchCurrencyBefore(tokens, i)) {
    value *= nx.lower === 'm' ? 1e6 : 1e9;
    return core(i, j + 1, round(value), { digits: true, scaled: true });
  }
  if (nx && !nx.spaceBefore && nx.kind === 'word') {
    const suf = nx.lower;
    const scale = SCALE_SUFFIX_VALUES.get(suf);
    const modelLike = tokens[i - 1]?.text === '-' && !t.spaceBefore;
    if (scale !== undefined && !modelLike) {
      const money = matchCurrencyBefore(tokens, i) !== null;
      const ambiguous = suf === 'm' || suf === 'b';
      const nounAfter = tokens[j + 1]?.kind === 'word' && isPlural(tokens[j + 1]!.lower);
      const afterMoney = moneyBefore && ambiguous && !money && !matchCurrencyAfter(tokens, j + 1);
      if (!ambiguous || money || nounAfter || afterMoney || matchCurrencyAfter(tokens, j + 1)) {
        value *= scale;
        rawInt = false;
        scaled = true;
        moneySuffix = afterMoney;
        j++;
      }
    } else if (
      modelLike ||
      (!matchUnit(tokens, j) && !matchCurrencyAfter(tokens, j) && !(suf === 's' && isPluralOfNumberedName(tokens, i)))
    ) {
      // "72B3", "5G", "T-90M", "2nd", "1990s": a name or an ordinal, not a quantity.
      return core(i, j + 1, null, { rawInt: true, digits: true, skip: true });
    }
  }
  // "6 ½ minutes", "10 1/2 miles", "2 and a half years"
  const fraction = fractionAfter(tokens, j);
  if (fraction) {
    value += fraction.value;
    rawInt = false;
    j = fraction.end;
  }
  while (tokens[j] && tokens[j]!.kind === 'word' && SCALE_WORD_VALUES.has(tokens[j]!.lower)) {
    value *= SCALE_WORD_VALUES.get(tokens[j]!.lower)!;
    rawInt = false;
    scaled = true;
    j++;
  }
  // "3 dozen", "3 dozens"
  if (tokens[j]?.lower === 'dozen' || (tokens[j]?.lower === 'dozens' && tokens[j + 1]?.lower !== 'of')) {
    value *= 12;
    rawInt = false;
    j++;
  }
  return core(i, j, round(value), { rawInt, digits: true, scaled, moneySuffix });
}

/** Ordinal words ("first", "twenty-fifth", "hundredth"), singular or plural. */
const ORDINAL_WORD =
  /^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|[a-z]+teenth|[a-z]+ieth|hundredth|thousandth|millionth|billionth|trillionth)s?$/;

/** "RM79" → 79 MYR, "USD115.5" → 115.5 USD: an ISO code in capitals or a lettered symbol, then digits. */
function gluedMoney(text: string): { value: number; currency: string } | null {
  const m = /^([A-Z][A-Za-z]{1,2})(\d+(?:\.\d+)?)$/.exec(text);
  if (!m) return null;
  const currency = LETTERED_SYMBOLS.get(m[1]!) ?? (/^[A-Z]{3}$/.test(m[1]!) ? currencyCode(m[1]!) : null);
  return currency ? { value: Number(m[2]), currency } : null;
}

/** Currency symbols written in letters that stand against the digits ("RM79", "Rp5,000", "Rs 500"). */
const LETTERED_SYMBOLS = new Map([
  ['RM', 'MYR'],
  ['Rp', 'IDR'],
  ['Rs', 'INR'],
]);

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

/** A fraction added to the number before it: "½", " 1/2", "and a half", "and a quarter". */
function fractionAfter(tokens: Token[], j: number): { value: number; end: number } | null {
  const t = tokens[j];
  if (!t) return null;
  const vulgar = VULGAR_FRACTIONS.get(t.text);
  if (vulgar !== undefined) return { value: vulgar, end: j + 1 };
  if (t.kind === 'num' && tokens[j + 1]?.text === '/' && /^\d$/.test(t.text)) {
    const d = tokens[j + 2];
    if (d?.kind === 'num' && !tokens[j + 1]!.spaceBefore && !d.spaceBefore && /^\d{1,2}$/.test(d.text)) {
      const n = Number(t.text);
      const den = Number(d.text);
      if (n < den && den <= 16) return { value: n / den, end: j + 3 };
    }
    return null;
  }
  if (t.lower === 'and' && (tokens[j + 1]?.lower === 'a' || tokens[j + 1]?.lower === 'one')) {
    const f = tokens[j + 2]?.lower;
    if ((f === 'half' || f === 'quarter') && !SCALE_WORD_VALUES.has(tokens[j + 3]?.lower ?? ''))
      return { value: f === 'half' ? 0.5 : 0.25, end: j + 3 };
  }
  return null;
}

/** "F-16s": the plural of a numbered name. */
export function isPluralOfNumberedName(tokens: Token[], i: number): boolean {
  return tokens[i - 1]?.text === '-' && !tokens[i]!.spaceBefore;
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

export function parseSpelled(tokens: Token[], i: number): Core | null {
  let j = i;
  const w0 = tokens[i]!.lower;
  // "a few hundred", "a couple of thousand", "several thousand", "several dozen"
  if (
    w0 === 'several' ||
    ((w0 === 'a' || w0 === 'an') && (tokens[i + 1]?.lower === 'few' || tokens[i + 1]?.lower === 'couple'))
  ) {
    const mult = VAGUE_MULTIPLIER_RANGES.get(w0 === 'several' ? 'several' : tokens[i + 1]!.lower)!;
    j = w0 === 'several' ? i + 1 : i + 2;
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
  // "half a million", "half a dozen"; "half a percentage point", "half an hour"; "half million"
  if (w0 === 'half') {
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
  let total = 0;
  let current = 0;
  let any = false;
  let lastScale = false;
  let words = 0;
  if (w0 === 'a' || w0 === 'an') {
    const s = tokens[i + 1]?.lower ?? '';
    // "a quarter of a million", "a half million"
    if ((s === 'quarter' || s === 'half') && tokens[i + 2]?.lower === 'of' && tokens[i + 3]?.lower === 'a') {
      const sc = tokens[i + 4]?.lower ?? '';
      if (SCALE_WORD_VALUES.has(sc))
        return core(i, i + 5, (s === 'quarter' ? 0.25 : 0.5) * SCALE_WORD_VALUES.get(sc)!, {
          scaled: true,
          takesOf: true,
        });
    }
    const sc2 = tokens[i + 2]?.lower ?? '';
    if ((s === 'quarter' || s === 'half') && SCALE_WORD_VALUES.has(sc2)) {
      return core(i, i + 3, (s === 'quarter' ? 0.25 : 0.5) * SCALE_WORD_VALUES.get(sc2)!, {
        scaled: true,
        takesOf: true,
      });
    }
    if (!SCALE_WORD_VALUES.has(s) && s !== 'dozen') return null;
    current = 1;
    any = true;
    j = i + 1;
  }
  for (; j < tokens.length; j++) {
    const t = tokens[j]!;
    const w = t.lower;
    if (t.kind !== 'word' && t.text !== '-') break;
    if (SMALL_NUMBER_VALUES.has(w)) {
      const n = SMALL_NUMBER_VALUES.get(w)!;
      if (!any || lastScale) current += n;
      // "twenty-five", "thirty one"
      else if (
        n < 10 &&
        current % 10 === 0 &&
        current % 100 >= 20 &&
        (tokens[j - 1]?.text === '-' || TENS.has(tokens[j - 1]?.lower ?? ''))
      )
        current += n;
      else break;
      any = true;
      lastScale = false;
      words++;
      continue;
    }
    if (w === '-' && !t.spaceBefore && any && TENS.has(tokens[j - 1]?.lower ?? '') && !tokens[j + 1]?.spaceBefore)
      continue;
    if (!any) break;
    if (w === 'hundred') {
      current = (current || 1) * 100;
      lastScale = true;
      continue;
    }
    if (w === 'dozen' || (w === 'dozens' && tokens[j + 1]?.lower !== 'of')) {
      current = (current || 1) * 12;
      lastScale = false;
      continue;
    }
    if (SCALE_WORD_VALUES.has(w)) {
      total += (current || 1) * SCALE_WORD_VALUES.get(w)!;
      current = 0;
      lastScale = true;
      continue;
    }
    if (w === 'and' && lastScale && SMALL_NUMBER_VALUES.has(tokens[j + 1]?.lower ?? '')) continue;
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
  // "twenty-first", "two hundredth", "one fifth": the words make an ordinal or a fraction, no amount.
  const after = tokens[j]?.text === '-' && !tokens[j]!.spaceBefore ? tokens[j + 1] : tokens[j];
  if (after && ORDINAL_WORD.test(after.lower) && after.lower !== 'seconds')
    return core(i, j + (after === tokens[j] ? 1 : 2), null, { skip: true });
  let value = total + current;
  // "two and a half years"
  const fraction = end === j ? fractionAfter(tokens, end) : null;
  if (fraction && fraction.end > end + 1) {
    value += fraction.value;
    end = fraction.end;
  }
  const bareOne = value === 1 && words === 1 && end === i + 1;
  return core(i, end, value, { bareOne, scaled: total > 0 || value >= 100 });
}
