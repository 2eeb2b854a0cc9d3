import type { Token } from '../tokenize.ts';
import { matchCurrencyAfter, matchUnit } from '../units.ts';
import { type Context, type Draft, round } from './quantityContext.ts';
import { smallCardinal } from './spelledNumbers.ts';

// Amounts in two units, read as one in the larger: "4 dollars 25 cents" 4.25 USD, "thirteen dollars
// and forty-five cents", "15 dollars 50", "6 feet 1 inch" 6.08 ft, "6 ft 2 in", "8 lb 2 oz".

/** How many of the smaller unit make one of the larger, by the larger unit. */
const SMALLER_UNITS: Record<string, { unit: string; per: number }> = {
  ft: { unit: 'inch', per: 12 },
  lb: { unit: 'oz', per: 16 },
};

/** Determiners and the like after "in": "6 ft 2 in the garden" is no height in inches. */
const NOT_INCHES = /^(?:the|a|an|his|her|its|their|this|that|these|those|which|what|whose|our|my|your)$/;

/** The number at token `k` (digits or words), below `limit`, or null. */
function smallAmount(tokens: Token[], k: number, limit: number): { value: number; end: number } | null {
  const t = tokens[k];
  if (!t) return null;
  if (t.kind === 'num') {
    if (!/^\d{1,2}(?:\.\d+)?$/.test(t.text)) return null;
    const v = Number(t.text);
    return v < limit ? { value: v, end: k + 1 } : null;
  }
  const words = smallCardinal(tokens, k);
  return words && words.value < limit ? words : null;
}

/** The smaller unit at token `k` for a larger `unit`, as its end, or null. */
function smallerUnitEnd(tokens: Token[], k: number, kind: string, unit: string): number | null {
  if (kind === 'money') {
    const sub = matchCurrencyAfter(tokens, k);
    return sub && sub.factor === 0.01 ? sub.end : null;
  }
  const smaller = SMALLER_UNITS[unit];
  if (!smaller) return null;
  const hit = matchUnit(tokens, k);
  if (hit?.unit === smaller.unit) return hit.end;
  // "6 ft 2 in", "10 ft 2\"": inches by their abbreviation or sign.
  const t = tokens[k];
  if (smaller.unit === 'inch' && (t?.text === '"' || t?.text === '″') && !t.spaceBefore) return k + 1;
  if (smaller.unit === 'inch' && t?.lower === 'in') {
    const next = tokens[k + 1];
    if (
      !next ||
      next.kind === 'punct' ||
      (next.text === next.lower && next.kind === 'word' && !NOT_INCHES.test(next.lower))
    )
      return k + 1;
  }
  return null;
}

/**
 * After a sum or a length in its larger unit, the rest in the smaller one: the value becomes one
 * number in the larger unit and the span takes both. Money takes a bare number of cents at the end
 * of a clause too ("It costs 12 dollars 75."); a count or a range never takes any.
 */
export function addSmallerUnit(ctx: Context, d: Draft): void {
  const { tokens } = ctx;
  const value = d.core.value;
  if (value === null || d.core.range !== null || d.unit === null || d.adjectival) return;
  if (d.kind !== 'money' && !(d.kind === 'measure' && SMALLER_UNITS[d.unit])) return;
  if (!Number.isInteger(value) || d.core.scaled) return;
  let k = d.spanEnd;
  if (tokens[k]?.lower === 'and') k++;
  const per = d.kind === 'money' ? 100 : SMALLER_UNITS[d.unit]!.per;
  const amount = smallAmount(tokens, k, per);
  if (!amount) return;
  let end = smallerUnitEnd(tokens, amount.end, d.kind, d.unit);
  if (end === null && d.kind === 'money' && tokens[amount.end - 1]?.kind === 'num') {
    const after = tokens[amount.end];
    if (!after || (after.kind === 'punct' && after.text !== '-' && after.text !== '%')) end = amount.end;
  }
  if (end === null) return;
  d.core = { ...d.core, value: round(value + amount.value / per) };
  d.spanEnd = end;
  d.afterUnit = Math.max(d.afterUnit, end);
}
