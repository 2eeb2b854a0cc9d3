import type { Bound, Quantity, QuantityKind } from '../types.ts';
import type { Dimension } from '../units.ts';
import { readAge } from './ages.ts';
import { addSmallerUnit } from './compoundAmounts.ts';
import { collectLeft, readConceptBefore } from './conceptBefore.ts';
import { CASUALTY_STATES } from './countedNoun.ts';
import { readNumberHead } from './numberHead.ts';
import type { Context, Core, Draft, Found } from './quantityContext.ts';
import { CHANGE_NOUNS_DOWN, CHANGE_NOUNS_UP, TRANSITIVE_CHANGE } from './quantityLexicon.ts';
import { readUnit, readWhatIsCounted } from './unitAfter.ts';

/**
 * Reads a quantity starting at token `i`; returns the token index after it, or `i` if none. In
 * order: the number with its qualifiers, an age, the unit, what is counted or measured, whether it
 * is a change, and what the sentence around it says (the unit and concept of the figure it is
 * chained to, the concept named before it).
 */
export function readQuantity(ctx: Context, i: number): number {
  const head = readNumberHead(ctx, i);
  if (typeof head === 'number') return head;

  // Age: "45-year-old", "45 years old", "aged 45", "Kim Jong Un, 40,".
  const age = readAge(ctx, head.start, head.end, head.core);
  if (age) {
    pushQuantity(ctx, {
      core: head.core,
      start: age.start,
      end: age.end,
      bound: head.bound,
      change: null,
      unit: 'year',
      // "The average age of respondents was 29.6 years": an age as a statistic names what it is.
      concept: ageStatistic(ctx, age.start),
      kind: 'age',
      currency: null,
      dimension: 'time',
    });
    return age.end;
  }

  const d = readUnit(ctx, head);
  addSmallerUnit(ctx, d);
  readWhatIsCounted(ctx, d);
  settleChange(ctx, d);
  readFromSentence(ctx, d);

  pushQuantity(ctx, {
    core: d.core,
    start: d.start,
    end: d.spanEnd,
    bound: d.bound,
    change: d.change,
    unit: d.unit,
    concept: d.concept,
    kind: d.kind,
    currency: d.currency,
    dimension: d.dimension,
  });
  // Continue right after the number and its unit: a calibre inside the noun phrase ("3.4 million
  // 155mm rounds") is a quantity of its own; model numbers there are skipped as identifiers.
  return d.kind === 'count' ? head.end : Math.max(d.spanEnd, head.end);
}

/** "The average age of respondents was 29.6": the statistic an age is, if the sentence names one. */
function ageStatistic(ctx: Context, start: number): string | null {
  const concept = readConceptBefore(ctx, start, 'age');
  return concept && /\bage\b/.test(concept) ? concept : null;
}

const LOSS = /^loss(?:es)?$/;

/** A change noun after the figure ("a 5% increase"); durations and objects of "lost"/"added" are no changes. */
function settleChange(ctx: Context, d: Draft): void {
  const { tokens } = ctx;
  if (d.change === null && d.kind !== 'count') {
    const nx = tokens[d.afterUnit]?.lower ?? '';
    if (CHANGE_NOUNS_UP.has(nx)) d.change = 'up';
    else if (CHANGE_NOUNS_DOWN.has(nx)) d.change = 'down';
  }
  // "closed up 0.5%", "ended down 3 cents": a market's close, not a particle verb.
  if (
    d.change === null &&
    (d.kind === 'percent' || d.kind === 'money') &&
    /^(?:up|down)$/.test(tokens[d.start - 1]?.lower ?? '') &&
    /^(?:closed|ended|finished|opened|traded|closing|ending|finishing|trading|shot|shooting)$/.test(
      tokens[d.start - 2]?.lower ?? '',
    )
  )
    d.change = tokens[d.start - 1]!.lower === 'up' ? 'up' : 'down';
  if (d.kind === 'measure' && d.dimension === 'time') d.change = null;
  // "a loss of $387m", "a $111m loss": money lost is a result, a level of loss, not a fall; "a loss of 5%" falls.
  if (
    d.change === 'down' &&
    d.kind === 'money' &&
    (LOSS.test(tokens[d.afterUnit]?.lower ?? '') ||
      (tokens[d.start - 1]?.lower === 'of' && LOSS.test(tokens[d.start - 2]?.lower ?? '')))
  )
    d.change = null;
  // "lost 300 tanks", "added 60 carriers": amounts, not changes; "lost 5%" is a fall.
  if (d.change !== null && d.kind !== 'percent' && TRANSITIVE_CHANGE.has(tokens[d.start - 1]?.lower ?? ''))
    d.change = null;
}

/** What the sentence around says of the figure: the figure it is chained to, the concept named before it. */
function readFromSentence(ctx: Context, d: Draft): void {
  const { tokens } = ctx;
  const { start } = d;
  // A bare number after "from", "to" or "and" takes the unit of the quantity it goes with: "52 hryvnias, up from 33".
  const prev = previousInClause(ctx, start);
  if (
    d.kind === 'count' &&
    d.unit === null &&
    prev &&
    start - prev.endToken <= 4 &&
    (prev.quantity.kind === 'money' ||
      prev.quantity.kind === 'percent' ||
      // "passed by 235 votes to 190", "12 people, up from 8"
      (prev.quantity.kind === 'count' && prev.quantity.unit !== null))
  ) {
    const link = tokens[start - 1]?.lower ?? '';
    // "fell 0.9% to 27,934.02": the level a percentage change leads to is no percentage.
    const levelAfterChange = link === 'to' && prev.quantity.kind === 'percent' && prev.quantity.change !== null;
    if ((link === 'from' || link === 'to' || link === 'against') && !levelAfterChange) {
      d.kind = prev.quantity.kind;
      d.unit = prev.quantity.unit;
      d.currency = prev.quantity.currency ?? null;
      d.dimension = prev.dimension;
      if (d.kind === 'count') d.concept ??= prev.quantity.concept;
    }
  }

  // "1bn euros immediately, with another 550m to follow": the sum is in the money named before.
  if (d.kind === 'count' && d.unit === null && d.core.moneySuffix) {
    const money = ctx.out.findLast((q) => q.quantity.kind === 'money');
    if (money) {
      d.kind = 'money';
      d.unit = money.quantity.unit;
      d.currency = money.quantity.currency ?? null;
      d.dimension = 'money';
    }
  }

  if (
    d.concept === null &&
    d.kind === 'measure' &&
    /^(?:long|wide|high|deep|tall|thick|across)$/.test(tokens[d.afterUnit]?.lower ?? '') &&
    tokens[start - 1]?.text === ','
  ) {
    d.concept = collectLeft(ctx, start - 2, false)?.text ?? null;
  }
  const casualties = d.unit === 'person' && CASUALTY_STATES.has(tokens[d.spanEnd - 1]?.lower ?? '');
  if (d.concept === null && (d.kind !== 'count' || d.unit === null || casualties || d.change !== null)) {
    d.concept = readConceptBefore(ctx, start, d.kind);
    // Chained figures: "fell 2.3% to $78.40", "rose 0.5% month on month and 5.1% year on year".
    if (
      d.concept === null &&
      prev &&
      prev.quantity.kind !== 'age' &&
      tokens[d.afterUnit]?.lower !== 'of' &&
      (d.kind !== 'count' || prev.quantity.kind === d.kind || d.unit === null)
    ) {
      const link = tokens[start - 1]?.lower ?? '';
      // "$168m (£89m)": a conversion in brackets is the same figure; "Turnout was 67.5%, up 2.1 points".
      const afterComma = tokens[start - 2]?.text === ',' && (link === 'up' || link === 'down');
      // "or" restates the figure before in another unit of its kind, or a change as a percentage ("350
      // points, or 1.1%", "rose 4p or nearly 1%"); "6% of
      // GDP, or about 10.8 trillion roubles" restates the spending, not the GDP.
      const restated =
        link === 'or' && (prev.quantity.kind === d.kind || (prev.quantity.change !== null && d.kind === 'percent'));
      if (
        /^(?:to|from|and|at|\()$/.test(link) ||
        restated ||
        afterComma ||
        (link === 'by' && prev.quantity.change !== null)
      )
        d.concept = prev.quantity.concept;
    }
  }
  // "rose 0.5% month on month and 5.1% year on year"; "fell 350 points, or 1.1%": the same change.
  const link = tokens[start - 1]?.lower;
  if (
    d.change === null &&
    prev?.quantity.change &&
    ((link === 'and' && prev.quantity.unit === d.unit) || link === 'or')
  )
    d.change = prev.quantity.change;
  // "the number of Japanese films released rose to 310": the count counts films.
  if (d.kind === 'count' && d.unit === null && d.concept) {
    const counted = /^(?:total |overall )?number of ((?:[a-z-]+ ){0,2}[a-z-]+)/.exec(d.concept);
    if (counted) d.unit = counted[1]!;
  }
}

/** The quantity read last, when it stands in the same clause and at most 12 tokens before `start`. */
export function previousInClause(ctx: Context, start: number): Found | null {
  const prev = ctx.out[ctx.out.length - 1];
  if (!prev) return null;
  for (let k = prev.endToken; k < start; k++) if (/^[;.]$/.test(ctx.tokens[k]!.text)) return null;
  return start - prev.endToken <= 12 ? prev : null;
}

export function pushQuantity(
  ctx: Context,
  q: {
    core: Core;
    start: number;
    end: number;
    bound: Bound;
    change: 'up' | 'down' | null;
    unit: string | null;
    concept: string | null;
    kind: QuantityKind;
    currency: string | null;
    dimension: Dimension | null;
  },
): void {
  const { tokens, sentence } = ctx;
  const a = tokens[q.start]!.start;
  const b = tokens[Math.max(q.start, q.end - 1)]!.end;
  const quantity: Quantity = {
    value: q.core.value,
    range: q.core.range,
    bound: q.bound,
    change: q.change,
    unit: q.unit,
    concept: q.concept,
    span: [a, b],
    text: sentence.slice(a, b),
    kind: q.kind,
    currency: q.kind === 'money' ? q.currency : null,
    linkedTo: null,
  };
  ctx.out.push({ quantity, startToken: q.start, endToken: q.end, dimension: q.dimension });
}
