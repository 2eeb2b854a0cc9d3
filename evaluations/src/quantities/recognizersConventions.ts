/**
 * The conventions of Microsoft Recognizers-Text's English test specifications mapped, once, onto
 * Tally's (`Quantity` in `@tally/claims`, the news-claims README): unit names to ISO currency codes
 * and unit symbols, sub-units of money to the main unit, and which labelled mentions are no
 * quantity to a figure tracker. Where the two disagree on purpose, the reason is written beside the
 * rule; `DISAGREEMENTS` lists them for the report.
 */

/** How a labelled mention is scored. */
export type Disposition =
  /** A quantity to us too: recall counts it, a prediction over it is paired with it. */
  | 'quantity'
  /** No quantity to us (an ordinal, a part of a date or a phone number): a prediction over it is wrong. */
  | 'not-a-quantity'
  /** Not judged either way (a unit named without a number): predictions over it are not scored. */
  | 'ignored';

/** Recognizers' currency names (or ISO codes) → ISO 4217, with the factor of a sub-unit. */
const CURRENCIES: Record<string, { code: string; factor: number }> = {
  Dollar: { code: 'USD', factor: 1 }, // the specs' "$" is the US dollar (Wall Street Journal sentences)
  Cent: { code: 'USD', factor: 0.01 }, // "8.5 cents" → 0.085 USD, as news-claims writes it
  Pound: { code: 'GBP', factor: 1 },
  Pence: { code: 'GBP', factor: 0.01 }, // "10.75p" → 0.1075 GBP
  Penny: { code: 'GBP', factor: 0.01 },
  Franc: { code: 'CHF', factor: 1 }, // ambiguous (French, Swiss, Belgian); any franc code is accepted, see unitsAgree
  Rupee: { code: 'INR', factor: 1 },
  Bitcoin: { code: 'BTC', factor: 1 },
  Satoshi: { code: 'BTC', factor: 1e-8 },
  Sen: { code: 'JPY', factor: 0.01 },
  Peseta: { code: 'ESP', factor: 1 },
  'Finnish markka': { code: 'FIM', factor: 1 },
  'Netherlands guilder': { code: 'NLG', factor: 1 },
};

/** Recognizers' dimension and temperature units → Tally's unit symbols. */
const UNITS: Record<string, string> = {
  Foot: 'ft',
  Meter: 'm',
  Mile: 'mile',
  Inch: 'inch',
  Kilometer: 'km',
  Millimeter: 'mm',
  Decimeter: 'dm',
  Picometer: 'pm',
  'Square meter': 'm2',
  'Square kilometer': 'km2',
  Acre: 'acre',
  Pound: 'lb',
  Ounce: 'oz',
  Ton: 'ton',
  'Metric ton': 'tonne',
  Kilogram: 'kg',
  Gram: 'g',
  Microgram: 'µg',
  Dram: 'dram',
  Gallon: 'gallon',
  Barrel: 'barrel',
  Milliliter: 'ml',
  'Cubic foot': 'ft3',
  Tablespoon: 'tablespoon',
  Teaspoon: 'teaspoon',
  Cup: 'cup',
  'Kilometer per hour': 'km/h',
  'Mile per hour': 'mph',
  'Meter per millisecond': 'm/ms',
  'Centimeter per millisecond': 'cm/ms',
  'Kilometer per millisecond': 'km/ms',
  Bit: 'bit',
  Megabit: 'Mb',
  Megabyte: 'MB',
  Degree: 'degree',
  Radian: 'rad',
  Turn: 'turn',
  C: '°C',
  F: '°F',
  Year: 'year',
  Month: 'month',
  Week: 'week',
  Day: 'day',
  Age: 'year',
};

/** A ton spelled as the metric one: "tonnes", or "t" against the number. */
const METRIC_TON_TEXT = /tonnes?\b|\dt$/i;

/** Notations that name the same unit: compared after mapping both sides through this table. */
const SAME_UNIT: Record<string, string> = {
  'metric ton': 'tonne',
  pound: 'lb',
  megabyte: 'MB',
  kilobyte: 'kB',
  KB: 'kB',
  gigabyte: 'GB',
  kilometre: 'km',
  kilometer: 'km',
  people: 'person',
};

/** A unit in one notation; each part of a rate on its own ("USD/pound" is "USD/lb"). */
export function canonicalUnit(unit: string | null): string | null {
  if (unit === null) return null;
  return unit
    .split('/')
    .map((part) => SAME_UNIT[part] ?? part)
    .join('/');
}

/** Two units agree when their canonical forms are equal; any franc code stands for "Franc". */
export function unitsAgree(gold: string | null, predicted: string | null): boolean {
  const g = canonicalUnit(gold);
  const p = canonicalUnit(predicted);
  if (g === p) return true;
  return g === 'CHF' && p !== null && /^(?:CHF|FRF|BEF|LUF|XOF|XAF)$/.test(p);
}

export interface MappedResolution {
  value: number | null;
  range: [number, number] | null;
  /** Bound of an open interval of NumberRangeModel ("more than 30" → `>`). */
  bound: string;
  unit: string | null;
}

/** A Recognizers result's resolution in Tally's terms. `unit` is null where the model labels none. */
export function mapResolution(
  typeName: string,
  resolution: { value?: string | null; unit?: string; isoCurrency?: string } | undefined,
  text = '',
): MappedResolution | null {
  const raw = resolution?.value ?? null;
  if (raw === null) return null;
  if (typeName === 'numberrange') return mapInterval(raw);
  if (typeName === 'percentage') {
    const v = Number(raw.replace(/%$/, ''));
    return Number.isFinite(v) ? { value: v, range: null, bound: '=', unit: '%' } : null;
  }
  const v = Number(raw);
  if (!Number.isFinite(v)) return null;
  if (typeName === 'currency') {
    const name = resolution?.unit ?? '';
    const known = CURRENCIES[name];
    const code = known?.code ?? resolution?.isoCurrency ?? null;
    return { value: roundValue(v * (known?.factor ?? 1)), range: null, bound: '=', unit: code };
  }
  if (typeName === 'dimension' || typeName === 'temperature' || typeName === 'age') {
    const name = resolution?.unit ?? '';
    // The specifications write "tonnes" and "100t" as "Ton" too; a tonne is the metric ton ("Metric ton").
    if (name === 'Ton' && METRIC_TON_TEXT.test(text)) return { value: v, range: null, bound: '=', unit: 'tonne' };
    return { value: v, range: null, bound: '=', unit: UNITS[name] ?? name.toLowerCase() };
  }
  return { value: v, range: null, bound: '=', unit: null };
}

/** "(20,35]" → range 20–35; "(30,)" → more than 30; "(,100]" → at most 100; "[170,170]" → 170. */
function mapInterval(raw: string): MappedResolution | null {
  const m = /^([[(])\s*([^,]*)\s*,\s*([^\])]*)\s*([\])])$/.exec(raw.trim());
  if (!m) return null;
  const lo = m[2] === '' ? null : Number(m[2]);
  const hi = m[3] === '' ? null : Number(m[3]);
  if (lo !== null && hi !== null) {
    if (lo === hi) return { value: lo, range: null, bound: '=', unit: null };
    return { value: null, range: [lo, hi], bound: '=', unit: null };
  }
  if (lo !== null) return { value: lo, range: null, bound: m[1] === '(' ? '>' : '>=', unit: null };
  if (hi !== null) return { value: hi, range: null, bound: m[4] === ')' ? '<' : '<=', unit: null };
  return null;
}

function roundValue(v: number): number {
  return Math.round(v * 1e9) / 1e9;
}

/** Parts of dates, clock times, phone numbers, addresses and version strings: no quantity to a figure tracker. */
const DATE_LIKE = /\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}/;
const PHONE_LIKE = /\+\d[\d\s-]*[-/]\d{3,}/;
const DOTTED_ADDRESS = /\b\d{1,3}(?:\.\d{1,3}){3}\b/;
const NUMBERED_NAME = /(?:\b[A-Za-z]{2,}-\d+[A-Za-z]?\b|\b(?:nrs?|nos?|version|exercises?)\.?\s+[\d,]*$)/i;

/**
 * Whether a labelled mention is a quantity to us. `model` is the spec file's model name
 * ("NumberModel"), `input` the sentence, `start`/`end` the mention's offsets (end exclusive).
 */
export function disposition(
  model: string,
  input: string,
  start: number,
  end: number,
  mapped: MappedResolution | null,
): Disposition {
  // Ordinals are positions ("the third", "11th"), not amounts; but an ordinal word after a number or
  // "and a" is the denominator of a fraction ("fifty one and a third"), which NumberModel reads as a number.
  if (model === 'OrdinalModel') return isDenominator(input, start, end) ? 'ignored' : 'not-a-quantity';
  // A unit or a percent sign named without a number ("convert to fahrenheit", "a small percent").
  if (mapped === null) return 'ignored';
  const around = input.slice(Math.max(0, start - 16), Math.min(input.length, end + 16));
  const before = input.slice(0, end);
  if (model === 'NumberModel') {
    if (DATE_LIKE.test(around) || PHONE_LIKE.test(around) || DOTTED_ADDRESS.test(around)) return 'not-a-quantity';
    if (NUMBERED_NAME.test(before)) return 'not-a-quantity';
    // Written arithmetic ("1.1^23", "2000 over 3", "1.3x10^6") is no reported figure either way.
    if (/\^|\bover\b|\dx10/.test(input.slice(start, end))) return 'ignored';
  }
  return 'quantity';
}

const DENOMINATOR_WORD =
  /^(?:third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|[a-z]+teenth|[a-z]+ieth|hundredth|thousandth|millionth|half|quarter)s?$/i;
const NUMBER_WORD_BEFORE =
  /(?:\band an?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)|\d)$/i;

/** An ordinal word standing as a fraction's denominator: "two thirds", "fifty one and a third". */
function isDenominator(input: string, start: number, end: number): boolean {
  return DENOMINATOR_WORD.test(input.slice(start, end)) && NUMBER_WORD_BEFORE.test(input.slice(0, start).trimEnd());
}

/** Which of our predictions a model's specification is entitled to judge when they overlap no labelled mention. */
export function inScope(
  model: string,
  q: { kind: string; unit: string | null; range: [number, number] | null; bound: string },
): boolean {
  switch (model) {
    case 'NumberModel':
      // Every written number is labelled, but a number with a unit is the business of the unit models.
      return q.kind === 'count';
    case 'NumberRangeModel':
      return q.range !== null || q.bound !== '=';
    case 'PercentModel':
      return q.kind === 'percent' && q.unit === '%';
    case 'CurrencyModel':
      return q.kind === 'money';
    case 'DimensionModel':
      return q.kind === 'measure' && !TIME_OR_TEMPERATURE.has(q.unit ?? '');
    case 'TemperatureModel':
      return q.unit === '°C' || q.unit === '°F' || q.unit === 'degree';
    case 'AgeModel':
      return q.kind === 'age';
    default:
      // OrdinalModel labels no cardinal number: only predictions over its ordinals are judged.
      return false;
  }
}

const TIME_OR_TEMPERATURE = new Set([
  'second',
  'minute',
  'hour',
  'day',
  'week',
  'month',
  'year',
  'decade',
  'century',
  '°C',
  '°F',
  'degree',
]);

/**
 * A value we write differently: a share as a percentage ("half" 0.5 → 50 %, "one in three" →
 * 33.3 %), money in its main unit. The gold value, if any, that a prediction in `%` stands for.
 */
export function valuesAgree(gold: number, predicted: number, predictedUnit: string | null): boolean {
  if (sameNumber(gold, predicted)) return true;
  if (predictedUnit === '%' && gold > 0 && gold < 1) return Math.abs(gold * 100 - predicted) < 0.05 + 1e-9;
  return false;
}

export function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Where Tally and the Recognizers specifications disagree on purpose (printed by the evaluation). */
export const DISAGREEMENTS: string[] = [
  'ordinals ("11th", "the third", "last") are positions, not quantities: a prediction over one is wrong; an ordinal word that is the denominator of a fraction ("fifty one and a third", NumberModel 51.33) is judged by NumberModel, not OrdinalModel',
  'numbers inside dates, phone numbers, dotted addresses and numbered names ("SCP-173", "nrs. 22", "version two") are no quantities',
  'sub-units of money are written in the main unit: "50 cents" is 0.5 USD, "470 pence" 4.7 GBP',
  'a share is a percentage: "half" (0.5 to them) is 50 %, "three out of four hundred" 0.75 %',
  'a price or amount per unit is a compound unit to us ("$98 a share" USD/share, "500,000 barrels a day" barrel/day); the specifications label the first part, and that part is compared',
  'written arithmetic ("1.1^23", "2000 over 3", "1.3x10^6") is judged neither way',
  'a number written against its unit ("the 180ml liquid") is a measure to us; NumberModel labels none there, so a measure, money or percentage is judged only by its own model',
];
