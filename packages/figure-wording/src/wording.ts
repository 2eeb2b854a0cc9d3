import { vagueAmountWords } from '@tally/claims';
import type { Bound } from '@tally/events';

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

/** 1000 → "1,000", 0.5 → "0.5"; no locale data involved, so output is the same everywhere. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const [int, frac] = String(Math.abs(n)).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (n < 0 ? '-' : '') + grouped + (frac ? `.${frac}` : '');
}

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

/** Nouns of counted figures whose plural takes no -s. */
const irregularPlurals: Record<string, string> = { person: 'people', child: 'children', man: 'men', woman: 'women' };

export function pluralize(noun: string, one: boolean): string {
  const words = noun.replace(/-/g, ' ').trim();
  if (one || /s$/i.test(words)) return words;
  const last = /(\S+)$/.exec(words)?.[1] ?? '';
  const irregular = irregularPlurals[last.toLowerCase()];
  if (irregular) return words.slice(0, words.length - last.length) + irregular;
  if (/(?:ch|sh|x|z)$/i.test(words)) return `${words}es`;
  if (/[^aeiou]y$/i.test(words)) return `${words.slice(0, -1)}ies`;
  return `${words}s`;
}

/** "dozens of ballistic missiles": a vague amount in the report's words, with what it counts. */
function vagueAmount(vague: string, unit: string | null, concept: string | null): string {
  const noun = countedThing(unit, concept);
  return noun ? `${vague} ${noun}` : vague.replace(/ of$/, '');
}

/** A number with its unit: "$6 billion", "5.1%", "3 percentage points", "$55.12 per barrel", "12 people". */
function withUnit(number: string, one: boolean, unit: string | null, concept: string | null): string {
  if (unit === '%') return `${number}%`;
  if (unit && isCurrency(unit)) {
    const symbol = currencySymbols[unit];
    return symbol ? `${symbol}${number}` : `${number} ${unit}`;
  }
  const rate = unit ? /^([^/]+)\/([^/]+)$/.exec(unit) : null;
  if (rate) return `${withUnit(number, one, rate[1]!.trim(), null)} per ${rate[2]!.trim()}`;
  const noun = unit ?? concept;
  if (!noun) return number;
  return `${number} ${pluralize(noun, one)}`;
}

/** The counted thing: "containers", "artillery shells", "$" (currencies go before the number). */
function amount(q: Quantity, concept: string | null): string {
  const number =
    q.value !== null
      ? readableNumber(q.value)
      : q.range
        ? `${readableNumber(q.range[0])}–${readableNumber(q.range[1])}`
        : 'an unknown number of';
  return withUnit(number, q.value === 1, q.unit?.trim() || null, concept);
}

/**
 * "nearly 11,000 containers", "more than 1,000 containers", "4 million artillery shells" (an exact
 * figure needs no qualifier), "dozens of ballistic missiles" (a vague amount reads as reported:
 * its words are already the qualifier).
 */
export function describeQuantity(q: Quantity, qualifier: string | null, concept: string | null = null): string {
  const vague = q.value === null && q.range ? vagueAmountWords(q.range) : null;
  if (vague) return vagueAmount(vague, q.unit?.trim() || null, concept);
  const words = amount(q, concept);
  return q.bound === '=' || !qualifier ? words : `${qualifier} ${words}`;
}

/** What a figure counts, in the plural: "containers", "artillery shells", or a currency code. */
export function countedThing(unit: string | null, concept: string | null): string | null {
  const thing = unit?.trim() || concept?.trim() || null;
  if (!thing) return null;
  // Currencies, percentages and rates ("USD/barrel") are named as written.
  return isCurrency(thing) || thing === '%' || thing.includes('/') ? thing : pluralize(thing, false);
}

/** A unit that is a currency code ("USD"). */
function isCurrency(unit: string): boolean {
  return /^[A-Z]{3}$/.test(unit);
}

/** What a statement says of its figure's move, besides its value (see `valueMeaning`). */
export interface FigureMove {
  value: number | null;
  change: 'up' | 'down' | null;
  changeBy: number | null;
  changeUnit: string | null;
  previous: number | null;
}

/** The direction of a level's move: as stated, else from the earlier level. */
export function directionOf(c: Pick<FigureMove, 'value' | 'change' | 'previous'>): 'up' | 'down' | null {
  if (c.change) return c.change;
  if (c.previous === null || c.value === null || c.previous === c.value) return null;
  return c.value > c.previous ? 'up' : 'down';
}

const relativeUnits = new Set(['%', 'percentage point', 'basis point']);

/** An amount of change in its unit, without its sign: "3.5%", "0.2 percentage points", "$3". */
function changeAmount(by: number, unit: string | null): string {
  const n = Math.abs(by);
  return withUnit(readableNumber(n), n === 1, unit?.trim() || null, null);
}

/**
 * The move a level states: "up 3.5%", "down from £138 million", "down 14.5% from £138 million" (a
 * relative change says more than the difference the earlier level gives), "up" (a direction alone);
 * null when it states none. `unit` is the figure's own, for an amount given without one.
 */
export function describeMove(m: FigureMove, unit: string | null): string | null {
  const direction = directionOf(m);
  const word = direction ?? 'changed';
  const by = m.changeBy !== null ? changeAmount(m.changeBy, m.changeUnit ?? unit) : null;
  if (m.previous !== null) {
    const relative = by !== null && m.changeUnit !== null && relativeUnits.has(m.changeUnit);
    const from = withUnit(readableNumber(m.previous), m.previous === 1, unit?.trim() || null, null);
    return `${word}${relative ? ` ${by}` : ''} from ${from}`;
  }
  if (by !== null) return `${word} ${by}`;
  return direction;
}

/** What the wording of a statement or of one of its sources needs. */
export interface FigureWording extends Quantity, FigureMove {
  /** Whether `value` is the figure's level or a change of it: the statement's `valueIs`. */
  valueIs: 'level' | 'change';
}

/**
 * A statement's figure as a reader wants it, its change shown with its level: "$27.2 billion, up
 * 3.5%", "£118 million, down from £138 million", "nearly 11,000 containers"; a figure that is itself
 * a change reads as one: "up 5%", "down more than 2.1%".
 */
export function describeFigure(s: FigureWording, qualifier: string | null, concept: string | null = null): string {
  const quantity = describeQuantity(s, qualifier, concept);
  if (s.valueIs === 'change') return s.change ? `${s.change} ${quantity}` : quantity;
  const move = describeMove(s, s.unit);
  return move ? `${quantity}, ${move}` : quantity;
}
