import { singularize } from '../singularize.ts';
import { isCapitalized, type Token } from '../tokenize.ts';
import type { QuantityKind } from '../types.ts';
import { matchCurrencyAfter, matchUnit } from '../units.ts';
import { readChangeBefore } from './change.ts';
import { readCountedNoun, readOfComplement } from './countedNoun.ts';
import { matchWireCurrency } from './newswireUnits.ts';
import { conceptText, readNounPhrase } from './nounPhrase.ts';
import { SCALE_WORD_VALUES } from './numbers.ts';
import { type Context, type Core, type Draft, type NumberHead, round } from './quantityContext.ts';
import {
  CHANGE_NOUNS_DOWN,
  CHANGE_NOUNS_UP,
  DETERMINERS,
  isVerbLike,
  NP_STOP,
  STATE_ADJECTIVES,
} from './quantityLexicon.ts';

// The unit after a number (currency, crowns, measure, percentage, points, a hyphenated noun) and what the
// quantity counts or measures after it.

/** Words of time in a complement: it says when, not what ("in late Thursday trading"). */
const TIME_WORDS =
  /\b(?:morning|afternoon|evening|trading|session|day|week|month|year|quarter|period|time|past|recent|monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b/i;

/** Nordic and Czech crowns: the currency follows the country named in the sentence. */
export const CROWNS: Record<string, string> = { NO: 'NOK', DK: 'DKK', SE: 'SEK', CZ: 'CZK', IS: 'ISK' };
export const CROWN_WORDS: Record<string, string> = {
  crowns: 'NOK',
  crown: 'NOK',
  kroner: 'DKK',
  krone: 'DKK',
  kronor: 'SEK',
  koruna: 'CZK',
  korunas: 'CZK',
};

/** "75 billion crowns" said in a sentence about Norway is NOK. */
export function readCrowns(ctx: Context, j: number): { currency: string; end: number } | null {
  const w = ctx.tokens[j]?.lower ?? '';
  const byWord = CROWN_WORDS[w];
  if (!byWord) return null;
  for (const m of ctx.mentions) {
    const code = CROWNS[m.entity.id];
    if (code) return { currency: code, end: j + 1 };
  }
  return { currency: byWord, end: j + 1 };
}

/** The concept of a money, percent or measure quantity after its unit: "of X", "in X", "worth of X", "on X". */
export function readComplement(
  ctx: Context,
  j: number,
  kind: QuantityKind,
  adjectival: boolean,
): { concept: string; end: number } | null {
  const { tokens } = ctx;
  if (adjectival) return null;
  const w = tokens[j]?.lower ?? '';
  if (w === 'of') return readOfComplement(ctx, j + 1);
  if (kind === 'money' && w === 'worth' && tokens[j + 1]?.lower === 'of') return readOfComplement(ctx, j + 2);
  if (kind === 'money' && (w === 'in' || w === 'on' || w === 'for')) {
    const nx = tokens[j + 1];
    if (nx?.kind !== 'word' || isCapitalized(nx) || ctx.entityToken[j + 1]) return null;
    if (DETERMINERS.has(nx.lower)) return null;
    // "in late morning trading", "in the past five years": when, not what.
    const what = readOfComplement(ctx, j + 1);
    return what && !TIME_WORDS.test(what.concept) ? what : null;
  }
  return null;
}

export function readRate(tokens: Token[], j: number): { per: string; end: number } | null {
  const w = tokens[j]?.lower ?? '';
  const nx = tokens[j + 1];
  if (nx?.kind !== 'word') return null;
  const unit = matchUnit(tokens, j + 1);
  // "$1.17 billion a year earlier": a date, not a rate.
  if (unit?.dimension === 'time' && /^(?:earlier|ago|before|later)$/.test(tokens[unit.end]?.lower ?? '')) return null;
  if (w === 'per' || w === 'a' || w === 'an' || w === 'each' || w === 'every') {
    if (unit && (unit.dimension === 'time' || unit.dimension === 'volume' || unit.dimension === 'mass')) {
      return { per: unit.unit, end: unit.end };
    }
    if (w === 'per') return { per: singularize(nx.lower), end: j + 2 };
    if (
      (w === 'a' || w === 'an') &&
      /^(?:head|person|capita|share|unit|piece|barrel|tonne|ton|litre|gallon)$/.test(nx.lower)
    ) {
      return { per: nx.lower, end: j + 2 };
    }
  }
  return null;
}

/**
 * The unit after a number: a currency word or crowns, a measure or percentage unit, "points", or a
 * hyphenated noun ("a 15-storey building"). Without one the quantity is a count, for now.
 */
export function readUnit(ctx: Context, head: NumberHead): Draft {
  const { tokens } = ctx;
  const { core, start, end } = head;
  let currency = head.currency;
  // Every field written out, in one order: a spread of `head` here made drafts of changing shapes.
  const d: Draft = {
    core: head.core,
    start: head.start,
    end: head.end,
    bound: head.bound,
    qualifierStart: head.qualifierStart,
    currency: head.currency,
    kind: currency ? 'money' : 'count',
    unit: currency,
    concept: null,
    dimension: currency ? 'money' : null,
    change: readChangeBefore(tokens, start),
    spanEnd: end,
    afterUnit: end,
    unitAt: end,
    adjectival: false,
    conceptDone: false,
  };
  if (core.share) {
    d.kind = 'percent';
    d.unit = '%';
    d.dimension = 'percent';
    d.unitAt = end;
    return d;
  }
  let j = end;
  // '"hundreds of millions" of pounds'
  if (core.takesOf && /^["”’']$/.test(tokens[j]?.text ?? '') && tokens[j + 1]?.lower === 'of') j++;
  if (core.takesOf && tokens[j]?.lower === 'of') j++;
  // Units written against the number or hyphenated ("180-mile", "10km", "155mm shells").
  if (tokens[j]?.text === '-' && !tokens[j]!.spaceBefore && tokens[j + 1] && !tokens[j + 1]!.spaceBefore) {
    d.adjectival = true;
    j++;
  }
  const crown = currency ? null : readCrowns(ctx, j);
  const curAfter = currency || crown ? null : (matchCurrencyAfter(tokens, j) ?? matchWireCurrency(tokens, j));
  const unitHit = curAfter || crown ? null : (matchUnit(tokens, j) ?? bracketedUnit(tokens, j));
  if (crown && !d.adjectival) {
    d.kind = 'money';
    currency = crown.currency;
    d.unit = currency;
    d.dimension = 'money';
    d.spanEnd = d.afterUnit = crown.end;
  } else if (curAfter) {
    // "a 12-cent dividend", "a one-yen bid": money too, the noun after is what it is for.
    d.kind = 'money';
    currency = curAfter.subunitOfNamed ? (centsOf(ctx) ?? curAfter.currency) : curAfter.currency;
    d.unit = currency;
    d.dimension = 'money';
    d.spanEnd = d.afterUnit = curAfter.end;
    if (curAfter.factor !== 1) d.core = inSubunits(core, curAfter.factor);
    // "75 USD million": the scale after the currency.
    const scale = SCALE_WORD_VALUES.get(tokens[curAfter.end]?.lower ?? '');
    if (scale !== undefined && scale >= 1e6 && !core.scaled) {
      d.core = inSubunits(d.core, scale);
      d.spanEnd = d.afterUnit = curAfter.end + 1;
    }
  } else if (unitHit && unitHit.unit === 'lb' && core.scaled && tokens[unitHit.end]?.lower !== 'of') {
    // "5 million pounds" is money; "500 pounds of explosives" is weight.
    d.kind = 'money';
    currency = 'GBP';
    d.unit = currency;
    d.dimension = 'money';
    d.spanEnd = d.afterUnit = unitHit.end;
  } else if (unitHit?.unit === 'point' && d.change === null && !/^(?:by|of)$/.test(tokens[start - 1]?.lower ?? '')) {
    // "a 12-point plan", "the plan has 10 points": points counted, not a score.
    d.unit = 'point';
    d.spanEnd = d.afterUnit = unitHit.end;
    if (d.adjectival) {
      const np = readNounPhrase(ctx, d.afterUnit, false);
      if (np) {
        d.concept = conceptText(ctx, np.words);
        d.afterUnit = np.end;
      }
    }
    d.conceptDone = true;
  } else if (unitHit) {
    d.dimension = unitHit.dimension;
    d.kind = d.dimension === 'percent' ? 'percent' : 'measure';
    d.unit = unitHit.unit;
    d.spanEnd = d.afterUnit = unitHit.end;
    // "155mm shells": a unit against the number, then a noun, is a modifier too.
    if (
      !tokens[j]!.spaceBefore &&
      tokens[d.afterUnit]?.kind === 'word' &&
      !NP_STOP.has(tokens[d.afterUnit]!.lower) &&
      d.kind === 'measure'
    ) {
      d.adjectival = true;
    }
  } else if (d.adjectival) {
    const w = tokens[j]!;
    if (
      w.kind === 'word' &&
      /^[a-z]+$/.test(w.text) &&
      !/^(?:strong|odd|plus|fold|year|old|man|person)$/.test(w.lower) &&
      !isVerbLike(w)
    ) {
      // "a 15-storey building", "a 12-seat minibus": the hyphenated noun counts, the noun after is the concept.
      d.unit = singularize(w.lower);
      d.spanEnd = d.afterUnit = j + 1;
      const np = readNounPhrase(ctx, d.afterUnit, true);
      if (np) {
        d.concept = conceptText(ctx, np.words);
        d.afterUnit = np.end;
      }
      d.conceptDone = true;
    } else {
      j--; // the hyphen belongs to a compound like "300-strong"
    }
  }
  d.currency = currency;
  d.unitAt = j;
  // "over five years" is a span of time, not more than five years.
  if (
    d.kind === 'measure' &&
    d.dimension === 'time' &&
    /^(?:over|under)$/.test(tokens[head.qualifierStart ?? -1]?.lower ?? '')
  )
    d.bound = '=';
  return d;
}

const CLOSING = new Map([
  ['(', ')'],
  ['[', ']'],
  ['{', '}'],
  ['<', '>'],
]);

/** "35 (kg)", "35 [kg]": a unit alone in brackets after the number, as tables write it. */
function bracketedUnit(tokens: Token[], j: number): ReturnType<typeof matchUnit> {
  const close = CLOSING.get(tokens[j]?.text ?? '');
  if (!close) return null;
  const hit = matchUnit(tokens, j + 1);
  return hit && tokens[hit.end]?.text === close ? { ...hit, end: hit.end + 1 } : null;
}

/**
 * What a quantity counts or measures after its unit: the counted noun phrase of a count ("300
 * containers of ammunition"), a rate ("$80 a barrel"), an "of" complement ("35% of respondents")
 * or the noun the figure modifies ("a $6 billion aid package", "a 5% increase").
 */
export function readWhatIsCounted(ctx: Context, d: Draft): void {
  const { tokens } = ctx;
  if (d.conceptDone) return;
  if (d.kind === 'count') {
    const np = readCountedNoun(ctx, d.core, d.unitAt);
    if (np) {
      d.unit = np.unit;
      d.concept = np.concept;
      d.spanEnd = np.headEnd;
      d.afterUnit = np.end;
      // "600 breaks a year", "10,000 phones every month": a count over time is a rate.
      const rate = readRate(tokens, d.afterUnit);
      if (rate && d.unit && matchUnit(tokens, d.afterUnit + 1)?.dimension === 'time') {
        d.unit = `${d.unit}/${rate.per}`;
        d.afterUnit = rate.end;
      }
    }
    return;
  }
  // Rate: "barrels per day", "$80 a barrel".
  let rate = readRate(tokens, d.afterUnit);
  if (rate) {
    d.unit = `${d.unit}/${rate.per}`;
    d.afterUnit = rate.end;
  }
  // "$3bn (£1.58bn) in repayments": the complement after a conversion in brackets.
  const afterBrackets = d.kind === 'money' ? afterConversion(tokens, d.afterUnit) : d.afterUnit;
  const comp = readComplement(ctx, afterBrackets, d.kind, d.adjectival);
  if (comp) {
    d.concept = comp.concept;
    d.afterUnit = comp.end;
    rate = rate ? null : readRate(tokens, d.afterUnit);
    if (rate) {
      d.unit = `${d.unit}/${rate.per}`;
      d.afterUnit = rate.end;
    }
  } else if (d.core.share && /^(?:its|their|his|her|the)$/.test(tokens[d.afterUnit]?.lower ?? '')) {
    // "sold half its finance arm": what the share is of.
    const np = readNounPhrase(ctx, d.afterUnit + 1, false);
    if (np) {
      d.concept = conceptText(ctx, np.words);
      d.afterUnit = np.end;
    }
  } else if (d.adjectival || d.kind === 'money' || d.kind === 'percent') {
    // "a $6 billion aid package", "a 5% stake", "a 10-day ceasefire", "155mm shells"; "$168m (£89m)
    // settlement": the noun stands after a conversion in brackets.
    const at = d.kind === 'money' ? afterConversion(tokens, d.afterUnit) : d.afterUnit;
    const np = readNounPhrase(ctx, at, false);
    if (np && np.words.length > 0) {
      const head = np.words[np.words.length - 1]!.lower;
      // "a $111m loss" is a result, the amount lost; "a 5% loss" is a fall.
      const moneyLost = d.kind === 'money' && (head === 'loss' || head === 'losses');
      const dir = moneyLost ? null : CHANGE_NOUNS_UP.has(head) ? 'up' : CHANGE_NOUNS_DOWN.has(head) ? 'down' : null;
      if (dir && np.words.length === 1) {
        d.change = dir;
        // "a 7.5% rise in exports": what rose.
        const of = tokens[np.end]?.lower;
        const what = of === 'in' || of === 'of' ? readOfComplement(ctx, np.end + 1) : null;
        if (what) d.concept = what.concept;
      } else if (!np.words.every((w) => STATE_ADJECTIVES.has(w.lower))) d.concept = conceptText(ctx, np.words);
      if (at === d.afterUnit) d.afterUnit = np.end;
    }
  }
}

/** The currency of cents: the dollar, unless money in another currency with cents was named before. */
function centsOf(ctx: Context): string | null {
  for (let k = ctx.out.length - 1; k >= 0; k--) {
    const q = ctx.out[k]!.quantity;
    if (q.kind === 'money' && q.currency && q.currency !== 'GBP') return q.currency;
  }
  return null;
}

/** "8.5 cents" is 0.085 of the currency. */
function inSubunits(core: Core, factor: number): Core {
  return {
    ...core,
    value: core.value === null ? null : round(core.value * factor),
    range: core.range ? [round(core.range[0] * factor), round(core.range[1] * factor)] : null,
  };
}

/** The token after a bracketed conversion of a sum ("$168m (£89m)"), or `j` when there is none. */
function afterConversion(tokens: Token[], j: number): number {
  if (tokens[j]?.text !== '(') return j;
  for (let k = j + 1; k < Math.min(tokens.length, j + 8); k++) if (tokens[k]!.text === ')') return k + 1;
  return j;
}
