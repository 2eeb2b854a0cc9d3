import { vagueAmountWords } from '@tally/claims';
import type { Bound } from '@tally/events';
import { formatNumber } from './qualifiers.ts';

/** What a figure's wording needs of a statement or a source. */
export interface Quantity {
  value: number | null;
  range: readonly [number, number] | null;
  bound: Bound;
  unit: string | null;
}

const currencySymbols: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', UAH: '₴', RUB: '₽', JPY: '¥' };
const scales: [number, string][] = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
];

/** 6000000000 → "6 billion", 11000 → "11,000": large round numbers read the way reports write them. */
export function readableNumber(n: number): string {
  for (const [scale, word] of scales) {
    if (Math.abs(n) >= scale) {
      const x = n / scale;
      if (Math.abs(Math.round(x * 100) - x * 100) < 1e-6) return `${formatNumber(Math.round(x * 100) / 100)} ${word}`;
    }
  }
  return formatNumber(n);
}

export function pluralize(noun: string, one: boolean): string {
  const words = noun.replace(/-/g, ' ').trim();
  if (one || /s$/i.test(words)) return words;
  if (/(?:ch|sh|x|z)$/i.test(words)) return `${words}es`;
  if (/[^aeiou]y$/i.test(words)) return `${words.slice(0, -1)}ies`;
  return `${words}s`;
}

/** "dozens of ballistic missiles": a vague amount in the report's words, with what it counts. */
function vagueAmount(vague: string, unit: string | null, concept: string | null): string {
  const noun = countedThing(unit, concept);
  return noun ? `${vague} ${noun}` : vague.replace(/ of$/, '');
}

/** The counted thing: "containers", "artillery shells", "$" (currencies go before the number). */
function amount(q: Quantity, concept: string | null): string {
  const unit = q.unit?.trim() || null;
  const number =
    q.value !== null
      ? readableNumber(q.value)
      : q.range
        ? `${readableNumber(q.range[0])}–${readableNumber(q.range[1])}`
        : 'an unknown number of';
  if (unit && isCurrency(unit)) {
    const symbol = currencySymbols[unit];
    return symbol ? `${symbol}${number}` : `${number} ${unit}`;
  }
  const noun = unit ?? concept;
  if (!noun) return number;
  return `${number} ${pluralize(noun, q.value === 1)}`;
}

/**
 * "nearly 11,000 containers", "more than 1,000 containers", "4 million artillery shells" (an exact
 * figure needs no qualifier), "dozens of ballistic missiles" (a vague amount reads as reported:
 * its words are already the qualifier).
 */
export function describeQuantity(q: Quantity, qualifier: string, concept: string | null = null): string {
  const vague = q.value === null && q.range ? vagueAmountWords(q.range) : null;
  if (vague) return vagueAmount(vague, q.unit?.trim() || null, concept);
  const words = amount(q, concept);
  return q.bound === '=' ? words : `${qualifier} ${words}`;
}

/** What a figure counts, in the plural: "containers", "artillery shells", or a currency code. */
export function countedThing(unit: string | null, concept: string | null): string | null {
  const thing = unit?.trim() || concept?.trim() || null;
  if (!thing) return null;
  return isCurrency(thing) ? thing : pluralize(thing, false);
}

/** A unit that is a currency code ("USD"). */
function isCurrency(unit: string): boolean {
  return /^[A-Z]{3}$/.test(unit);
}
