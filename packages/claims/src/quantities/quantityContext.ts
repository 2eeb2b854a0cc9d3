import type { EntityMention, Gazetteer } from '../gazetteer.ts';
import type { Token } from '../tokenize.ts';
import type { Bound, Quantity, QuantityKind } from '../types.ts';
import type { Dimension } from '../units.ts';

// What the parts of the number reader share: the sentence being read (`Context`), a number expression
// (`Core`), a quantity while it is read (`Draft`) and one found (`Found`).

export interface Core {
  start: number;
  end: number;
  value: number | null;
  range: [number, number] | null;
  vague: boolean;
  /** Plain digits without separators, decimals or scale: candidates for years and identifiers. */
  rawInt: boolean;
  /** Written in digits (not words). */
  digits: boolean;
  /** A bare "one": excluded in idioms ("one of", "no one"). */
  bareOne: boolean;
  scaled: boolean;
  /** The vague or scale word wants "of" before its noun ("thousands of containers"). */
  takesOf: boolean;
  /** A fraction in words or digits ("two thirds", "3/4", "thirty and two fifths"). */
  fraction?: boolean;
  /** A share written as a fraction or proportion ("a third of", "one in five"): the value is its percentage. */
  share?: boolean;
  /** The currency written against the digits in one token ("RM79"). */
  currency?: string;
  /** Scaled by "m" or "b" only because money was named before: a sum in that money. */
  moneySuffix?: boolean;
  /** Not a quantity after all ("72B3", "2nd"): the caller skips past it. */
  skip?: boolean;
}

/**
 * A number expression with what stands around it before any unit is read: the currency symbol,
 * the sign and the qualifier before it, a second number that makes it a range, and a qualifier
 * after it ("nearly $1,000 or more").
 */
export interface NumberHead {
  core: Core;
  /** First token of the span: qualifier, sign, currency or number. */
  start: number;
  /** Token after the number expression and its suffix qualifier. */
  end: number;
  bound: Bound;
  /** Where the qualifier before the number starts, if there is one. */
  qualifierStart: number | null;
  currency: string | null;
}

/** A quantity being read: its number, then its unit, what it counts and its context. */
export interface Draft extends NumberHead {
  kind: QuantityKind;
  unit: string | null;
  concept: string | null;
  dimension: Dimension | null;
  change: 'up' | 'down' | null;
  /** Token after the unit or counted noun: the end of the span. */
  spanEnd: number;
  /** Token after everything read so far, the concept included. */
  afterUnit: number;
  /** Token where the unit or the counted noun is looked for. */
  unitAt: number;
  /** The unit is hyphenated or written against the number and modifies a noun ("180-mile", "155mm shells"). */
  adjectival: boolean;
  /** What is counted is known already ("a 15-storey building"). */
  conceptDone: boolean;
}

export interface Found {
  quantity: Quantity;
  startToken: number;
  endToken: number;
  dimension: Dimension | null;
}

export interface Context {
  sentence: string;
  tokens: Token[];
  masked: Uint8Array;
  /** Token indices that belong to a place or nationality name ("North Korean", "Ukraine"). */
  entityToken: Uint8Array;
  mentions: EntityMention[];
  titleCase: boolean;
  /** The sentence is nothing but a number ("2,345,678", "two thirds", "-4.17"): every number form is read. */
  numberOnly: boolean;
  out: Found[];
  gazetteer: Gazetteer;
}

export function core(start: number, end: number, value: number | null, extra: Partial<Core> = {}): Core {
  return {
    start,
    end,
    value,
    range: null,
    vague: false,
    rawInt: false,
    digits: false,
    bareOne: false,
    scaled: false,
    takesOf: false,
    ...extra,
  };
}

export function firstWordIndex(tokens: Token[]): number {
  let i = 0;
  while (i < tokens.length && tokens[i]!.kind === 'punct') i++;
  return i;
}

export function isSentenceStart(ctx: Context, t: Token): boolean {
  return ctx.tokens.indexOf(t) === firstWordIndex(ctx.tokens);
}

/** To a millionth, and to 15 significant digits so that "£16.9bn" is 16,900,000,000, not …999.998. */
export function round(v: number): number {
  const r = Math.round(v * 1e6) / 1e6;
  return Math.abs(r) < 1e6 || Number.isInteger(r) ? r : Number(r.toPrecision(15));
}
