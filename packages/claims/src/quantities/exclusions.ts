import { isPlural } from '../singularize.ts';
import { isCapitalized, parseDigits, type Token } from '../tokenize.ts';
import { matchCurrencyAfter, matchCurrencyBefore, matchUnit } from '../units.ts';
import { readDenominator } from './fractions.ts';
import { SCALE_SUFFIX_VALUES, SCALE_WORD_VALUES, SMALL_NUMBER_VALUES, ZERO_WORDS } from './numberWordMaps.ts';
import { type Context, type Core, firstWordIndex } from './quantityContext.ts';
import {
  CAPITALIZED_OK_BEFORE_NUMBER,
  IDENTIFIER_NOUNS,
  isVerbLike,
  LEVEL_VERBS,
  NP_STOP,
  VERB_WORDS,
} from './quantityLexicon.ts';
import { matchQualifier } from './ranges.ts';

// Numbers that are no quantity: model names and identifiers, idiomatic "one", proportions and multipliers,
// years, page furniture.

/** Page furniture: "12 comments", "3 min read", "Listen to this article, 4 min". */
export const FURNITURE =
  /\b\d+\s*(?:comments?|shares?|views?|likes?|replies|retweets|followers|min(?:ute)?s?(?:\s+read)?)\s*$/i;

/** Model names, identifiers, page numbers: "F-16", "Su-35", "Resolution 2231", "No. 5", "Leopard 2", "Air Force One". */
export function isIdentifier(ctx: Context, c: Core): boolean {
  const { tokens } = ctx;
  const first = tokens[c.start]!;
  const prev = tokens[c.start - 1];
  if (!prev) return false;
  // "USD 200", "CHF 5": a currency code, not a name.
  if (matchCurrencyBefore(tokens, c.start)) return false;
  if (c.digits) {
    if (!first.spaceBefore && (prev.text === '-' || prev.text === '–')) {
      const before = tokens[c.start - 2];
      if (before && !prev.spaceBefore && before.kind === 'word' && !SMALL_NUMBER_VALUES.has(before.lower)) return true;
    }
    if (!first.spaceBefore && (prev.text === '#' || prev.text === '№')) return true;
    // "No. 5", "nrs. 14,18,23": every number of a list after the abbreviation.
    let k = c.start - 1;
    while (tokens[k]?.text === ',' && !tokens[k]!.spaceBefore && tokens[k - 1]?.kind === 'num' && !first.spaceBefore)
      k -= 2;
    if (tokens[k]?.text === '.' && /^(?:no|nos|nr|nrs)$/.test(tokens[k - 1]?.lower ?? '')) return true;
    if (!c.rawInt) return false;
    if (prev.kind === 'word' && IDENTIFIER_NOUNS.has(prev.lower) && !matchQualifier(tokens, c.start)) return true;
  } else if (!isCapitalized(first) || c.start === firstWordIndex(tokens)) {
    return false;
  }
  // "iPhone 11", "eBay 2": a product name in camel case.
  if (prev.kind === 'word' && /^[a-z]+[A-Z]/.test(prev.text) && c.rawInt) return true;
  // "S&P 500", "AT&T 5": a name joined by "&".
  if (/^[A-Z]$/.test(prev.text) && tokens[c.start - 2]?.text === '&' && !prev.spaceBefore) return true;
  // "Nikkei 225 index dropped": a capitalised first word and a number before a singular noun is a name.
  const after = tokens[c.end];
  const singularAfter = after?.kind === 'word' && after.text === after.lower && !isPlural(after.lower);
  const opensName = c.start - 1 === firstWordIndex(tokens) && c.rawInt && singularAfter && !matchUnit(tokens, c.end);
  // "BBC Two", "Channel Five": a capitalised number word after a capitalised word is a name wherever it stands.
  const namedWord = !c.digits && isCapitalized(first) && c.start > firstWordIndex(tokens);
  if (isCapitalized(prev) && !ctx.titleCase && (c.start - 1 > firstWordIndex(tokens) || opensName || namedWord)) {
    if (CAPITALIZED_OK_BEFORE_NUMBER.has(prev.text)) return false;
    if (ctx.entityToken[c.start - 1]) return false;
    // "FTSE", "Nikkei", "PlayStation"
    if (/^(?:[A-Z]{2,}|[A-Z][a-z]+|[A-Z][a-z]+(?:[A-Z][a-z]+)+)$/.test(prev.text) && !isMonthOrDay(prev.text))
      return true;
  }
  return false;
}

export function isMonthOrDay(w: string): boolean {
  return /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/.test(
    w,
  );
}

export function isIdiomaticOne(tokens: Token[], c: Core): boolean {
  const prev = tokens[c.start - 1]?.lower ?? '';
  const next = tokens[c.end]?.lower ?? '';
  // "one of its two factories", "one of the 12 ships": one of a counted set is a count.
  if (next === 'of') {
    let k = c.end + 1;
    if (/^(?:the|its|their|his|her|our|these|those)$/.test(tokens[k]?.lower ?? '')) k++;
    const t = tokens[k];
    if (t && (t.kind === 'num' || (SMALL_NUMBER_VALUES.has(t.lower) && t.lower !== 'one'))) return false;
  }
  if (/^(?:no|any|every|each|the|this|that|which|someone|anyone|everyone|only|at|for|as|such|with|like)$/.test(prev))
    return true;
  if (
    /^(?:of|another|or|hand|side|way|thing|day|after|by|point|time|who|that|which|is|was|in|on|at|from|with|for|to|,|\.|'s|’s)$/.test(
      next,
    )
  )
    return true;
  // "what one needs": a pronoun before a verb.
  const after = tokens[c.end];
  if (
    after?.kind === 'word' &&
    after.text === after.lower &&
    (VERB_WORDS.has(after.lower) || LEVEL_VERBS.has(after.lower))
  )
    return true;
  // "the now-infamous one struck with …", "a new one": "one" after a determiner and its adjectives is a pronoun.
  for (let k = c.start - 1; k >= Math.max(0, c.start - 5); k--) {
    const t = tokens[k]!;
    if (/^(?:the|a|an|this|that)$/.test(t.lower)) return true;
    const adjective =
      t.kind === 'word' &&
      t.text === t.lower &&
      !isVerbLike(t) &&
      !/(?:ed|ing)$/.test(t.lower) &&
      (!NP_STOP.has(t.lower) || /^(?:now|very|just|most|same|other|last|next)$/.test(t.lower));
    if (!(t.text === '-' || adjective)) break;
  }
  // "a one-yen bid", "a one-day strike": one joined to its unit.
  if (
    next === '-' &&
    !tokens[c.end]!.spaceBefore &&
    tokens[c.end + 1]?.kind === 'word' &&
    !tokens[c.end + 1]!.spaceBefore
  )
    return false;
  return next === '' || tokens[c.end]?.kind === 'punct';
}

/** "two-thirds of Germans", "one in five Ukrainians", "three in four voters": proportions, not counts. */
export function isFractionOrRatio(tokens: Token[], c: Core): boolean {
  if (c.digits || c.vague || c.value === null) return false;
  const a = tokens[c.end];
  const b = tokens[c.end + 1];
  const FRACTION = /^(?:thirds?|quarters?|fifths?|sixths?|tenths?|halves)$/;
  if (a?.text === '-' && b && FRACTION.test(b.lower)) return true;
  if (a && FRACTION.test(a.lower)) return true;
  if (a?.lower === 'in' && b && SMALL_NUMBER_VALUES.has(b.lower) && c.value < 10) return true;
  // "three times more than": a multiplier.
  if (
    a?.lower === 'times' &&
    b &&
    /^(?:more|less|higher|lower|larger|bigger|smaller|as|the|greater|fewer|over)$/.test(b.lower)
  )
    return true;
  return false;
}

/** "4 out of 10 respondents": a proportion; both numbers are skipped. */
export function isOutOf(tokens: Token[], c: Core): boolean {
  const whole = tokens[c.end + 2];
  return (
    tokens[c.end]?.lower === 'out' &&
    tokens[c.end + 1]?.lower === 'of' &&
    whole?.kind === 'num' &&
    // "15 out of 12" is no proportion: two numbers.
    !(c.value !== null && parseDigits(whole.text) < c.value)
  );
}

export function skipRatio(tokens: Token[], c: Core): number {
  const a = tokens[c.end]?.lower;
  if (a === 'out') return c.end + 3;
  return a === '-' || a === 'in' || a === 'times' ? c.end + 2 : c.end + 1;
}

/** A four-digit number between 1800 and 2100 is a year unless a unit or a counted noun follows. */
export function looksLikeYear(ctx: Context, c: Core): boolean {
  const t = ctx.tokens[c.start]!;
  if (t.text.length !== 4) return false;
  const v = Number(t.text);
  if (v < 1800 || v > 2100) return false;
  const next = ctx.tokens[c.end];
  if (!next) return true;
  if (matchUnit(ctx.tokens, c.end) || matchCurrencyAfter(ctx.tokens, c.end)) return false;
  if (next.kind === 'word' && next.text[0] === next.lower[0] && isPlural(next.lower) && !NP_STOP.has(next.lower))
    return false;
  return true;
}

export function isPageFurniture(sentence: string, tokens: Token[]): boolean {
  const words = tokens.filter((t) => t.kind === 'word');
  if (words.length <= 2 && !words.some((t) => t.lower === t.text && t.text.length >= 3)) return !isNumberOnly(tokens);
  return words.length <= 6 && FURNITURE.test(sentence);
}

/** Words that may stand in a sentence that is nothing but a number: "minus", "point", "and", "a". */
const NUMBER_GRAMMAR = new Set(['a', 'an', 'and', 'point', 'minus', 'negative', 'half', 'quarter', 'dozen', 'dozens']);

/**
 * A sentence that is nothing but a number: digits, signs and number words ("2,345,678", "-4.17",
 * "two thirds", "10k", "$20", "two hundred and three quarters"). A word written against digits
 * ("75ml", "USD240") belongs to the number. Such a line is read, not taken for page furniture.
 */
export function isNumberOnly(tokens: Token[]): boolean {
  let number = false;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind === 'num') {
      number = true;
      continue;
    }
    if (t.kind !== 'word') continue;
    const w = t.lower;
    if (SMALL_NUMBER_VALUES.has(w) || ZERO_WORDS.has(w) || SCALE_WORD_VALUES.has(w) || readDenominator(tokens, k)) {
      number = true;
      continue;
    }
    if (NUMBER_GRAMMAR.has(w)) continue;
    // "USD240", "e10": letters and digits in one word.
    if (t.text.charCodeAt(t.text.length - 1) <= 57) {
      number = true;
      continue;
    }
    const glued =
      (!t.spaceBefore && tokens[k - 1]?.kind === 'num') ||
      (tokens[k + 1]?.kind === 'num' && !tokens[k + 1]!.spaceBefore);
    if (glued || SCALE_SUFFIX_VALUES.has(w)) continue;
    return false;
  }
  return number;
}

export function isTitleCase(tokens: Token[]): boolean {
  let long = 0;
  let caps = 0;
  for (const t of tokens) {
    if (t.kind !== 'word' || t.text.length < 4) continue;
    long++;
    if (isCapitalized(t)) caps++;
  }
  return long >= 3 && caps / long >= 0.75;
}

/** Verbs and nouns before a number that is dialled, not counted: "call 999", "dial 911". */
const DIALLED_AFTER = new Set([
  'call',
  'calling',
  'dial',
  'dialled',
  'dialed',
  'dialling',
  'dialing',
  'ring',
  'phone',
  'text',
  'hotline',
  'helpline',
]);

/**
 * Numbers that name rather than count, as the token index to go on from (0 when the number is an
 * amount): scores and model numbers joined by a hyphen to a number no larger ("2-1", "1-1",
 * "787-9"); numbers dialled ("call 999") and telephone numbers written in groups with a leading
 * zero ("0800 123 4567"); a number between a determiner and a capitalised name ("the 787
 * Dreamliner").
 */
export function numbersThatName(ctx: Context, c: Core): number {
  const { tokens } = ctx;
  const first = tokens[c.start]!;
  // "a one-two punch": spelled numbers joined by a hyphen name a compound.
  const joint = tokens[c.end];
  if (
    !c.digits &&
    joint?.text === '-' &&
    !joint.spaceBefore &&
    SMALL_NUMBER_VALUES.has(tokens[c.end + 1]?.lower ?? '') &&
    !tokens[c.end + 1]!.spaceBefore
  )
    return c.end + 2;
  // "10^5 * 300", "2^15 - 1": written arithmetic; "1.8.3": a version.
  if (tokens[c.end]?.text === '^') return c.end + 2;
  if (tokens[c.start - 1]?.text === '^') return c.end;
  // "24/7", "9/11", "3333/3333": digits after a slash against digits are part of a name or a code.
  if (
    c.digits &&
    tokens[c.start - 1]?.text === '/' &&
    !first.spaceBefore &&
    !tokens[c.start - 1]!.spaceBefore &&
    tokens[c.start - 2]?.kind === 'num'
  )
    return c.end;
  if (
    c.digits &&
    tokens[c.end]?.text === '.' &&
    !tokens[c.end]!.spaceBefore &&
    tokens[c.end + 1]?.kind === 'num' &&
    !tokens[c.end + 1]!.spaceBefore
  )
    return c.end + 2;
  // "Seven Mile Bridge": a capitalised number word before a capitalised word is a name.
  const nextWord = tokens[c.end];
  if (!c.digits && isCapitalized(first) && c.start > firstWordIndex(tokens) && nextWord && isCapitalized(nextWord))
    return c.end;
  // "the combination of the two": a number word after "the" with no noun after it is a pronoun.
  if (
    !c.digits &&
    c.value !== null &&
    c.value < 20 &&
    tokens[c.start - 1]?.lower === 'the' &&
    (!nextWord ||
      (nextWord.kind === 'punct' && nextWord.text !== '-') ||
      NP_STOP.has(nextWord.lower) ||
      isVerbLike(nextWord))
  )
    return c.end;
  // "Five's proportion": a number with a possessive is a name.
  if (/^(?:'s|’s)$/.test(tokens[c.end]?.lower ?? '')) return c.end + 1;
  if (!c.digits || c.value === null) return 0;
  const dash = tokens[c.end];
  const next = tokens[c.end + 1];
  if (
    c.rawInt &&
    dash &&
    (dash.text === '-' || dash.text === '–') &&
    !dash.spaceBefore &&
    next?.kind === 'num' &&
    !next.spaceBefore &&
    /^\d+$/.test(next.text) &&
    Number(next.text) <= c.value
  )
    return c.end + 2;
  if (c.rawInt && (DIALLED_AFTER.has(tokens[c.start - 1]?.lower ?? '') || /^0\d{2,}$/.test(first.text))) {
    let k = c.end;
    while (tokens[k]?.kind === 'num' && tokens[k]!.spaceBefore && /^\d+$/.test(tokens[k]!.text)) k++;
    return k;
  }
  const after = tokens[c.end];
  if (
    c.rawInt &&
    /^(?:the|a|an|its|their|his|her)$/.test(tokens[c.start - 1]?.lower ?? '') &&
    after &&
    isCapitalized(after) &&
    !ctx.entityToken[c.end] &&
    !isPlural(after.lower) &&
    !(tokens[c.end + 1]?.kind === 'word' && isPlural(tokens[c.end + 1]!.lower)) &&
    !matchUnit(tokens, c.end) &&
    !matchCurrencyAfter(tokens, c.end)
  )
    return c.end + 1;
  return 0;
}
