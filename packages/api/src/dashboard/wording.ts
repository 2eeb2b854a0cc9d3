import type { Bound } from '@tally/events';
import { formatNumber } from '@tally/projections';

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

function pluralize(noun: string, one: boolean): string {
  const words = noun.replace(/-/g, ' ').trim();
  if (one || /s$/i.test(words)) return words;
  if (/(?:ch|sh|x|z)$/i.test(words)) return `${words}es`;
  if (/[^aeiou]y$/i.test(words)) return `${words.slice(0, -1)}ies`;
  return `${words}s`;
}

/** The counted thing: "containers", "artillery shells", "$" (currencies go before the number). */
function amount(q: Quantity, concept: string | null): string {
  const number =
    q.value !== null
      ? readableNumber(q.value)
      : q.range
        ? `${readableNumber(q.range[0])}–${readableNumber(q.range[1])}`
        : 'an unknown number of';
  const unit = q.unit?.trim() || null;
  if (unit && /^[A-Z]{3}$/.test(unit)) {
    const symbol = currencySymbols[unit];
    return symbol ? `${symbol}${number}` : `${number} ${unit}`;
  }
  const noun = unit ?? concept;
  if (!noun) return number;
  return `${number} ${pluralize(noun, q.value === 1)}`;
}

/** "nearly 11,000 containers", "more than 1,000 containers", "4 million artillery shells" (an exact figure needs no qualifier). */
export function describeQuantity(q: Quantity, qualifier: string, concept: string | null = null): string {
  const words = amount(q, concept);
  return q.bound === '=' ? words : `${qualifier} ${words}`;
}

/** What a figure counts, in the plural: "containers", "artillery shells", or a currency code. */
export function countedThing(unit: string | null, concept: string | null): string | null {
  const thing = unit?.trim() || concept?.trim() || null;
  if (!thing) return null;
  return /^[A-Z]{3}$/.test(thing) ? thing : pluralize(thing, false);
}

/** A figure key as a heading: `transfer:KP>RU:container` → "transfer · KP → RU · container". */
export function figureKeyLabel(key: string): string {
  return key
    .split(':')
    .map((part) => part.replace(/>/g, ' → ').replace(/-/g, ' '))
    .join(' · ');
}

/** A figure's title from what its statements say: "North Korea → Russia: containers (transfer)". */
export function figureTitle(f: {
  figureKey: string;
  subject: string | null;
  recipient: string | null;
  concept: string | null;
  unit: string | null;
  predicate: string | null;
}): string {
  const parties = [f.subject, f.recipient].filter((p): p is string => !!p).join(' → ');
  // The unit is the counted noun ("container"); the concept qualifies it ("ammunition").
  const what = countedThing(f.unit, f.concept) ?? pluralize(f.figureKey.split(':').at(-1) ?? f.figureKey, false);
  const predicate = f.predicate ?? f.figureKey.split(':')[0] ?? null;
  return `${parties ? `${parties}: ` : ''}${what}${predicate ? ` (${predicate.replace(/-/g, ' ')})` : ''}`;
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2023-10-13" → "13 Oct 2023", "2024-05" → "May 2024", "2023" → "2023"; anything else as given. */
export function readableDate(date: string | null | undefined): string {
  if (!date) return 'undated';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date);
  if (!m) return date;
  const [, y, mo, d] = m;
  if (!mo) return y!;
  const month = months[Number(mo) - 1] ?? mo;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}
