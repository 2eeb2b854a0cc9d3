import { isPlural } from '../singularize.ts';
import { parseDigits, type Token } from '../tokenize.ts';
import { currencyCode, matchCurrencyAfter, matchCurrencyBefore, matchUnit } from '../units.ts';
import { digitFractionAt, VULGAR_FRACTIONS } from './fractions.ts';
import {
  SCALE_SUFFIX_VALUES,
  SCALE_WORD_VALUES,
  SMALL_NUMBER_VALUES,
  VAGUE_PLURAL_RANGES,
  ZERO_WORDS,
} from './numberWordMaps.ts';
import { type Context, type Core, core, round } from './quantityContext.ts';
import { fractionAfter, parseSpelled, parseVague, smallCardinal } from './spelledNumbers.ts';

export {
  SCALE_SUFFIX_VALUES,
  SCALE_WORD_VALUES,
  SMALL_NUMBER_VALUES,
  VAGUE_MULTIPLIER_RANGES,
  VAGUE_PLURAL_RANGES,
} from './numberWordMaps.ts';

// Number expressions: digits with separators, exponents and scale suffixes ("1.5bn", "10K", "1e9",
// "12,34,567"), spelled-out numbers ("five hundred and fifty", "half a million", see spelledNumbers.ts),
// fractions (fractions.ts) and vague amounts ("dozens of", "several hundred").

export function parseCore(ctx: Context, i: number): Core | null {
  const { tokens } = ctx;
  const t = tokens[i]!;
  if (t.kind === 'num')
    return parseDigitsCore(
      tokens,
      i,
      ctx.out.some((q) => q.quantity.kind === 'money'),
      ctx.numberOnly,
    );
  if (t.kind !== 'word') {
    const vulgar = VULGAR_FRACTIONS.get(t.text);
    if (vulgar !== undefined) return core(i, i + 1, round(vulgar), {});
    return t.text === '.' ? leadingPoint(tokens, i) : null;
  }
  // "RM79", "USD240": a currency written against the digits is one token.
  if (t.text.length > 2 && t.text.charCodeAt(t.text.length - 1) <= 57) {
    const glued = gluedMoney(t.text);
    if (glued) {
      // "USD240.5": the decimals are tokens of their own.
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
  if (
    w === 'a' ||
    w === 'an' ||
    w === 'half' ||
    w === 'quarter' ||
    w === 'hundred' ||
    w === 'several' ||
    w === 'dozen' ||
    SMALL_NUMBER_VALUES.has(w) ||
    ZERO_WORDS.has(w)
  ) {
    return parseSpelled(tokens, i, ctx.numberOnly);
  }
  return null;
}

/** ".06", "$.50": a decimal written without its leading zero, after a space, the start or a currency. */
function leadingPoint(tokens: Token[], i: number): Core | null {
  const d = tokens[i + 1];
  if (d?.kind !== 'num' || d.spaceBefore || !/^\d+$/.test(d.text)) return null;
  const prev = tokens[i - 1];
  if (prev && !tokens[i]!.spaceBefore && !matchCurrencyBefore(tokens, i)) return null;
  if (tokens[i + 2]?.text === '.' && !tokens[i + 2]!.spaceBefore && tokens[i + 3]?.kind === 'num') return null;
  return core(i, i + 2, Number(`0.${d.text}`), { digits: true });
}

/** "45,67,890.12", "1,00,000": digits grouped the South Asian way (lakhs and crores), as one number. */
function southAsianGroups(tokens: Token[], i: number): { digits: string; end: number } | null {
  let digits = tokens[i]!.text;
  let k = i + 1;
  while (tokens[k]?.text === ',' && !tokens[k]!.spaceBefore && tokens[k + 1] && !tokens[k + 1]!.spaceBefore) {
    const g = tokens[k + 1]!.text;
    if (/^\d{2}$/.test(g)) {
      digits += g;
      k += 2;
      continue;
    }
    // The tokenizer reads the last two groups as thousands ("34,567.89").
    if (/^\d{2},\d{3}(?:\.\d+)?$/.test(g)) return { digits: digits + g.replace(',', ''), end: k + 2 };
    return null;
  }
  return null;
}

/** "1e9", "3.5e+12", "15e-1": the power of ten written after the digits, or null. */
function exponentAt(tokens: Token[], j: number): { power: number; end: number } | null {
  const e = tokens[j];
  if (!e || e.spaceBefore || e.kind !== 'word') return null;
  const glued = /^[eE](\d{1,3})$/.exec(e.text);
  if (glued) return { power: Number(glued[1]), end: j + 1 };
  const sign = tokens[j + 1];
  const p = tokens[j + 2];
  if (
    (e.text === 'e' || e.text === 'E') &&
    (sign?.text === '+' || sign?.text === '-') &&
    !sign.spaceBefore &&
    p?.kind === 'num' &&
    !p.spaceBefore &&
    /^\d{1,3}$/.test(p.text)
  )
    return { power: sign.text === '-' ? -Number(p.text) : Number(p.text), end: j + 3 };
  return null;
}

/** Abbreviations of a dozen after a number: "3 dozen", "3 dozens", "3 doz", "5 dzs". */
const DOZEN = /^(?:dozens?|doz|dozs|dz|dzs)$/;

/**
 * Digits with their scale and fraction. `moneyBefore`: the sentence named money already, so "550m"
 * ("1bn euros now, another 550m later") is a sum, not metres. `numberOnly`: the sentence is nothing
 * but the number, so "3.4b" and "3/4" are numbers whatever would follow in running text.
 */
export function parseDigitsCore(tokens: Token[], i: number, moneyBefore = false, numberOnly = false): Core {
  const t = tokens[i]!;
  // "a 1/4 mile oval", "1/2 cup", "3/4": a fraction before its unit or standing alone.
  const fraction = digitFractionAt(tokens, i);
  if (fraction) {
    const next = tokens[fraction.end];
    // "1/2 cup", "3/4": before a noun or standing alone ("on 3/4" is a date).
    const alone = !next || (next.kind === 'punct' && next.text !== '/') || next.kind === 'word' || numberOnly;
    if (matchUnit(tokens, fraction.end) || (alone && tokens[i - 1]?.lower !== 'on'))
      return core(i, fraction.end, round(fraction.value), { digits: true, fraction: true });
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
    } else if (t.text.length <= 2 && tokens[j]?.text === ',') {
      const grouped = southAsianGroups(tokens, i);
      if (grouped) {
        value = Number(grouped.digits);
        rawInt = false;
        j = grouped.end;
      }
    }
  }
  const exponent = exponentAt(tokens, j);
  if (exponent) return core(i, exponent.end, Number((value * 10 ** exponent.power).toPrecision(15)), { digits: true });
  const nx = tokens[j];
  // "$458 m": a scale letter apart from the number, after a currency; "4.75 k".
  if (nx?.spaceBefore && (nx.lower === 'm' || nx.lower === 'b') && matchCurrencyBefore(tokens, i)) {
    value *= nx.lower === 'm' ? 1e6 : 1e9;
    return core(i, j + 1, round(value), { digits: true, scaled: true });
  }
  if (nx?.spaceBefore && nx.text === 'k' && tokens[j + 1]?.kind !== 'word')
    return core(i, j + 1, round(value * 1e3), { digits: true, scaled: true });
  if (nx && !nx.spaceBefore && nx.kind === 'word') {
    const suf = nx.lower;
    const capital = capitalScale(tokens, j, rawInt && t.text.length === 1);
    const scale = SCALE_SUFFIX_VALUES.get(suf) ?? capital;
    // "T-90M", "Su-35"; but "5k-20k" is a range of amounts.
    const modelLike =
      tokens[i - 1]?.text === '-' && !t.spaceBefore && !SCALE_SUFFIX_VALUES.has(tokens[i - 2]?.lower ?? '');
    if (scale !== undefined && !modelLike) {
      const money = matchCurrencyBefore(tokens, i) !== null;
      const ambiguous = (suf === 'm' || suf === 'b') && capital === undefined;
      const nounAfter = tokens[j + 1]?.kind === 'word' && isPlural(tokens[j + 1]!.lower);
      const afterMoney = moneyBefore && ambiguous && !money && !matchCurrencyAfter(tokens, j + 1);
      if (!ambiguous || money || nounAfter || afterMoney || numberOnly || matchCurrencyAfter(tokens, j + 1)) {
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
  const fractionPart = fractionAfter(tokens, j);
  if (fractionPart) {
    value += fractionPart.value;
    rawInt = false;
    j = fractionPart.end;
  }
  let lastScale = 0;
  while (tokens[j] && tokens[j]!.kind === 'word' && SCALE_WORD_VALUES.has(tokens[j]!.lower)) {
    lastScale = SCALE_WORD_VALUES.get(tokens[j]!.lower)!;
    value *= lastScale;
    rawInt = false;
    scaled = true;
    j++;
  }
  if (lastScale > 0) {
    // "5 thousand 2 hundred and 40", "7 million and a half"
    const more = digitsAfterScale(tokens, j, lastScale) ?? fractionAfter(tokens, j, lastScale);
    if (more) {
      value += more.value;
      j = more.end;
    }
  }
  // "3 dozen", "3 dozens", "5 dzs"
  if (DOZEN.test(tokens[j]?.lower ?? '') && tokens[j + 1]?.lower !== 'of') {
    value *= 12;
    rawInt = false;
    j++;
  }
  // Digits as written keep every decimal ("9.2321312"); arithmetic is rounded.
  const exact = j === i + 1 ? value : round(value);
  return core(i, j, exact, { rawInt, digits: true, scaled, moneySuffix });
}

/**
 * A scale written in capitals against the digits where "m" would be a metre: "40M", "US$ 3MM" (the
 * financial million). A single digit with a capital is a name ("3M", "5G") and stays one.
 */
function capitalScale(tokens: Token[], j: number, singleDigit: boolean): number | undefined {
  const text = tokens[j]!.text;
  if (text === 'MM') return 1e6;
  if (text !== 'M' || singleDigit) return undefined;
  const after = tokens[j + 1];
  return !after || after.kind === 'punct' ? 1e6 : undefined;
}

/** "2 hundred and 45" after "4 thousand": digits, and a smaller scale, continuing a number in words. */
function digitsAfterScale(tokens: Token[], j: number, lastScale: number): { value: number; end: number } | null {
  let k = j;
  const and = tokens[k]?.lower === 'and';
  if (and) k++;
  const d = tokens[k];
  // Digits, or words after "and" ("2 hundred and one", "4 crore and three hundred").
  const said = and ? smallCardinal(tokens, k) : null;
  if (!said && (d?.kind !== 'num' || !/^\d{1,3}$/.test(d.text))) return null;
  const n = said ? said.value : Number(d!.text);
  const after = said ? said.end : k + 1;
  const scale = SCALE_WORD_VALUES.get(tokens[after]?.lower ?? '');
  if (scale !== undefined && scale < lastScale) {
    const rest = and ? null : digitsAfterScale(tokens, after + 1, scale);
    return { value: n * scale + (rest?.value ?? 0), end: rest?.end ?? after + 1 };
  }
  // "and 21" after "hundred" only: "2 million and 300" is two numbers.
  if (and && lastScale === 100 && n < 100 && scale === undefined) return { value: n, end: after };
  return null;
}

/** "RM79" → 79 MYR, "USD240.5" → 115.5 USD: an ISO code in capitals or a lettered symbol, then digits. */
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

/** "F-16s": the plural of a numbered name. */
export function isPluralOfNumberedName(tokens: Token[], i: number): boolean {
  return tokens[i - 1]?.text === '-' && !tokens[i]!.spaceBefore;
}
