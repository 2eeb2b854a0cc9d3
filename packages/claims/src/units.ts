import { phraseLines } from './lexicon.ts';
import type { Token } from './tokenize.ts';

export type Dimension =
  | 'length'
  | 'area'
  | 'volume'
  | 'mass'
  | 'time'
  | 'speed'
  | 'temperature'
  | 'energy'
  | 'power'
  | 'percent'
  | 'money';

export interface UnitEntry {
  /** The normalised unit name ("km", "tonne", "%", "USD"). */
  unit: string;
  dimension: Dimension;
}

export interface UnitMatch extends UnitEntry {
  /** Token index after the unit. */
  end: number;
}

/**
 * Unit words as they follow a number, as token sequences in lower case (so "km / h" is the three
 * tokens of "km/h"), each line `phrases => unit dimension`.
 */
const UNIT_SPEC = `
  km | kms | kilometre | kilometres | kilometer | kilometers => km length
  mile | miles | mi => mile length
  nautical mile | nautical miles | nm => nautical_mile length
  m | metre | metres | meter | meters => m length
  cm | centimetre | centimetres | centimeter | centimeters => cm length
  mm | millimetre | millimetres | millimeter | millimeters => mm length
  foot | feet | ft => ft length
  yard | yards => yard length
  inch | inches => inch length
  square kilometres | square kilometers | square kilometre | square kilometer | sq km | km2 | km² => km2 area
  square miles | square mile | sq miles => sq_mile area
  square metres | square meters | sq m | m2 | m² => m2 area
  hectare | hectares | ha => hectare area
  acre | acres => acre area
  litre | litres | liter | liters | l => litre volume
  gallon | gallons => gallon volume
  barrel | barrels | bbl => barrel volume
  cubic metres | cubic meters | m3 => m3 volume
  bcm | billion cubic metres | billion cubic meters => bcm volume
  kg | kgs | kilogram | kilograms | kilo | kilos => kg mass
  gram | grams | g => g mass
  tonne | tonnes | metric ton | metric tons | t => tonne mass
  ton | tons => ton mass
  megaton | megatons => megaton mass
  kiloton | kilotons => kiloton mass
  pound | pounds | lb | lbs => lb mass
  ounce | ounces | oz => oz mass
  second | seconds | sec => second time
  minute | minutes | min | mins => minute time
  hour | hours | hrs | h => hour time
  day | days => day time
  week | weeks => week time
  month | months => month time
  year | years | yr | yrs => year time
  decade | decades => decade time
  century | centuries => century time
  km / h | kph | kilometres per hour | kilometers per hour => km/h speed
  mph | miles per hour => mph speed
  knot | knots => knot speed
  ° c | °c | degrees celsius | degrees c => °C temperature
  ° f | °f | degrees fahrenheit | degrees f => °F temperature
  degrees | degree => degree temperature
  mw | megawatt | megawatts => MW power
  gw | gigawatt | gigawatts => GW power
  kw | kilowatt | kilowatts => kW power
  kwh | kilowatt hours => kWh energy
  mwh | megawatt hours => MWh energy
  gwh => GWh energy
  twh | terawatt hours => TWh energy
  % | percent | per cent | pct => % percent
  percentage point | percentage points => percentage_point percent
  basis point | basis points | bps => basis_point percent
  point | points => point percent
`;

/** Currency words after a number ("300 million euros"). */
const CURRENCY_AFTER_SPEC = `
  us dollars | us dollar | u.s. dollars | american dollars | dollars | dollar | usd => USD
  danish crowns | danish kroner | danish krone => DKK
  norwegian crowns | norwegian kroner | norwegian krone => NOK
  swedish crowns | swedish kronor | swedish krona => SEK
  czech crowns | czech korunas | czech koruna => CZK
  canadian dollars => CAD
  australian dollars => AUD
  hong kong dollars => HKD
  new zealand dollars => NZD
  singapore dollars => SGD
  taiwan dollars => TWD
  euros | euro | eur => EUR
  pounds sterling | sterling | british pounds | gbp => GBP
  hryvnias | hryvnia | hryvnas | hryvni | uah => UAH
  rubles | ruble | roubles | rouble | rub => RUB
  yuan | renminbi | cny => CNY
  yen | jpy => JPY
  won => KRW
  rupees | rupee => INR
  swiss francs | francs | chf => CHF
  shekels | shekel => ILS
  lira | liras => TRY
  rials | rial => IRR
  zlotys | zloty => PLN
  kronor => SEK
`;

/** Currency symbols and codes before a number ("$6 billion", "US$5", "EUR 300 million"). */
const CURRENCY_BEFORE_SPEC = `
  us $ | $ | usd => USD
  a $ => AUD
  c $ => CAD
  hk $ => HKD
  nz $ => NZD
  s $ => SGD
  € | eur => EUR
  £ | gbp => GBP
  ₴ | uah => UAH
  ₽ | rub => RUB
  ¥ | jpy => JPY
  cny | rmb => CNY
  ₹ | inr | rs => INR
  ₩ | krw => KRW
  ₪ => ILS
  ₺ => TRY
  chf => CHF
`;

/** Symbols that are units only when written against the number ("10m", "5t", "3h"). */
const ADJACENT_ONLY = new Set(['m', 't', 'h', 'l', 'g', 'mi', 'nm', 'ha', 'min', 'sec']);

type PhraseTable<T> = Map<string, Array<{ words: string[]; value: T }>>;

function phraseTable<T>(entries: Array<[string, T]>): PhraseTable<T> {
  const table: PhraseTable<T> = new Map();
  for (const [phrase, value] of entries) {
    const words = phrase.split(' ');
    const list = table.get(words[0]!) ?? [];
    list.push({ words, value });
    table.set(words[0]!, list);
  }
  for (const list of table.values()) list.sort((a, b) => b.words.length - a.words.length);
  return table;
}

const UNITS = phraseTable<UnitEntry>(
  phraseLines(UNIT_SPEC).map(([phrase, v]) => {
    const [unit, dimension] = v.split(' ') as [string, Dimension];
    return [phrase, { unit: unit.replace(/_/g, ' '), dimension }];
  }),
);
const CURRENCIES_AFTER = phraseTable(phraseLines(CURRENCY_AFTER_SPEC));
const CURRENCIES_BEFORE = phraseTable(phraseLines(CURRENCY_BEFORE_SPEC));

function matchPhrase<T>(table: PhraseTable<T>, tokens: Token[], i: number): { value: T; end: number } | null {
  const first = tokens[i];
  if (!first) return null;
  const list = table.get(first.lower);
  if (!list) return null;
  outer: for (const { words, value } of list) {
    for (let k = 1; k < words.length; k++) {
      if (tokens[i + k]?.lower !== words[k]) continue outer;
    }
    return { value, end: i + words.length };
  }
  return null;
}

/** The measure or percent unit starting at token `i` (directly after a number). */
export function matchUnit(tokens: Token[], i: number): UnitMatch | null {
  const hit = matchPhrase(UNITS, tokens, i);
  if (!hit) return null;
  const first = tokens[i]!;
  if (ADJACENT_ONLY.has(first.lower) && first.spaceBefore) return null;
  return { ...hit.value, end: hit.end };
}

/** A currency word after a number ("300 million euros"). */
export function matchCurrencyAfter(tokens: Token[], i: number): { currency: string; end: number } | null {
  const hit = matchPhrase(CURRENCIES_AFTER, tokens, i);
  return hit ? { currency: hit.value, end: hit.end } : null;
}

/** A currency symbol or code ending right before token `numberAt` ("$", "US$", "EUR"). */
export function matchCurrencyBefore(tokens: Token[], numberAt: number): { currency: string; start: number } | null {
  for (let start = Math.max(0, numberAt - 2); start < numberAt; start++) {
    const hit = matchPhrase(CURRENCIES_BEFORE, tokens, start);
    if (!hit || hit.end !== numberAt) continue;
    // "A$5", "US$5" are written together and in capitals; "a $325 million package" is dollars.
    if (numberAt - start === 2 && (tokens[start + 1]!.spaceBefore || !/^[A-Z]+$/.test(tokens[start]!.text))) continue;
    return { currency: hit.value, start };
  }
  return null;
}
