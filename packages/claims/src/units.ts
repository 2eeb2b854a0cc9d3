import { currencyTables } from './currencyNames.ts';
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
  | 'money'
  | 'data'
  | 'frequency'
  | 'charge'
  | 'fuel economy';

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
  square feet | square foot | sq ft => sq_ft area
  hectare | hectares | ha => hectare area
  acre | acres => acre area
  litre | litres | liter | liters | l => litre volume
  gallon | gallons => gallon volume
  barrel | barrels | bbl => barrel volume
  cubic metres | cubic meters | m3 => m3 volume
  cubic feet | cubic foot | cu ft => ft3 volume
  millilitre | millilitres | milliliter | milliliters | ml => ml volume
  bcm | billion cubic metres | billion cubic meters => bcm volume
  kg | kgs | kilogram | kilograms | kilo | kilos => kg mass
  gram | grams | g => g mass
  tonne | tonnes | metric ton | metric tons | t => tonne mass
  ton | tons => ton mass
  megaton | megatons => megaton mass
  kiloton | kilotons => kiloton mass
  pound | pounds | lb | lbs => lb mass
  ounce | ounces | oz => oz mass
  milligram | milligrams | mg => mg mass
  microgram | micrograms | microgramme | microgrammes | µg | μg => µg mass
  second | seconds | sec => second time
  minute | minutes | min | mins => minute time
  hour | hours | hrs | h => hour time
  day | days => day time
  week | weeks => week time
  month | months => month time
  year | years | yr | yrs => year time
  decade | decades => decade time
  century | centuries => century time
  km / h | kph | kmph | km / hr | kilometres per hour | kilometers per hour | kilometres an hour | kilometers an hour => km/h speed
  mph | miles per hour | miles an hour => mph speed
  knot | knots => knot speed
  ° c | °c | ° celsius | degrees celsius | degree celsius | degrees centigrade | degrees c | deg c | deg celsius | celsius | centigrade | celcius => °C temperature
  ° f | °f | ° fahrenheit | degrees fahrenheit | degree fahrenheit | degrees farenheit | degrees f | deg f | deg fahrenheit | fahrenheit | farenheit => °F temperature
  degrees | degree | deg | ° => degree temperature
  mw | megawatt | megawatts => MW power
  gw | gigawatt | gigawatts => GW power
  kw | kilowatt | kilowatts => kW power
  kwh | kilowatt hours => kWh energy
  mwh | megawatt hours => MWh energy
  gwh => GWh energy
  twh | terawatt hours => TWh energy
  kb | kilobyte | kilobytes => kB data
  mb | megabyte | megabytes => MB data
  gb | gigabyte | gigabytes => GB data
  tb | terabyte | terabytes => TB data
  kbps | kbit / s | kb / s => kbps data
  mbps | mbit / s | mb / s => Mbps data
  gbps | gbit / s | gb / s => Gbps data
  hz | hertz => Hz frequency
  khz | kilohertz => kHz frequency
  mhz | megahertz => MHz frequency
  ghz | gigahertz => GHz frequency
  bhp | brake horsepower => bhp power
  hp | horsepower => hp power
  mah => mAh charge
  mpg => mpg fuel_economy
  % | percent | per cent | pct | pc | percents | percentage => % percent
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

/** Sub-units after a number ("8.5 cents", "470 pence"): a hundredth of the currency; a cent is the dollar's unless the sentence says otherwise. */
const SUBUNIT_SPEC = `
  euro cents | euro cent => EUR
  cents | cent => cent
  pence | penny | pennies => GBP
`;

/** Currency symbols and codes before a number ("$6 billion", "US$5", "EUR 300 million"). */
const CURRENCY_BEFORE_SPEC = `
  us $ | $ | usd | usd $ => USD
  a $ | au $ | aud $ => AUD
  c $ | cad $ => CAD
  hk $ => HKD
  nz $ | nzd $ => NZD
  s $ | sgd $ => SGD
  mxn $ | mex $ => MXN
  r $ => BRL
  nt $ => TWD
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
const ADJACENT_ONLY = new Set(['m', 't', 'h', 'l', 'g', 'mi', 'nm', 'ha', 'min', 'sec', 'pc', 'mg', 'ml']);

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
    const [unit, dimension] = v.split(' ') as [string, string];
    return [phrase, { unit: unit.replace(/_/g, ' '), dimension: dimension.replace(/_/g, ' ') as Dimension }];
  }),
);
const CURRENCIES_AFTER = phraseTable(phraseLines(CURRENCY_AFTER_SPEC));
const CURRENCIES_BEFORE = phraseTable(phraseLines(CURRENCY_BEFORE_SPEC));
const SUBUNITS = phraseTable(phraseLines(SUBUNIT_SPEC));

/** Symbols most currencies share, after a number ("10 €"); unique symbols come from the country data. */
const COMMON_SYMBOLS = new Map([
  ['$', 'USD'],
  ['£', 'GBP'],
  ['€', 'EUR'],
  ['¥', 'JPY'],
  ['元', 'CNY'],
  ['₿', 'BTC'],
]);

/** ISO codes that are also English words in capitals ("ALL 5 solutions", "TOP 10"): codes only as words of a phrase table. */
const CODE_WORDS = new Set(['ALL', 'CUP', 'TOP', 'MOP', 'PEN', 'BOB', 'SOS', 'TRY', 'GEL', 'MAD', 'BAM', 'ANG', 'WST']);

let currencyNameTable: PhraseTable<string> | null = null;

/** The country data's currency names as a phrase table, built on first use. */
function currencyNames(): PhraseTable<string> {
  currencyNameTable ??= phraseTable([...currencyTables().names]);
  return currencyNameTable;
}

/** Video resolutions are no pence ("1080p"). */
const VIDEO_LINES = /^(?:240|360|480|576|720|1080|1440|2160|4320)$/;

/** Two-token prefixes before "$" that need no capitals: they are no English words ("hk $", "c $"). */
const LOWER_CASE_PREFIXES = new Set(['hk', 'c', 'nz', 'usd', 'aud', 'cad', 'nzd', 'sgd', 'mxn', 'mex', 'au', 'nt']);

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

export interface CurrencyMatch {
  currency: string;
  /** Token index after the currency. */
  end: number;
  /** What one unit written is worth in the currency: 0.01 for cents and pence. */
  factor: number;
  /** Cents, whose currency is the dollar unless the sentence names another. */
  subunitOfNamed: boolean;
}

/** A currency word, code, symbol or sub-unit after a number ("300 million euros", "50 million USD", "10 €", "8.5 cents", "548p"). */
export function matchCurrencyAfter(tokens: Token[], i: number): CurrencyMatch | null {
  const t = tokens[i];
  if (!t) return null;
  const hit = matchPhrase(CURRENCIES_AFTER, tokens, i);
  if (hit) return { currency: hit.value, end: hit.end, factor: 1, subunitOfNamed: false };
  const sub = matchPhrase(SUBUNITS, tokens, i);
  if (sub) {
    const cent = sub.value === 'cent';
    return { currency: cent ? 'USD' : sub.value, end: sub.end, factor: 0.01, subunitOfNamed: cent };
  }
  // "548p", "10.75p": pence written against the number.
  if (t.text === 'p' && !t.spaceBefore && tokens[i - 1]?.kind === 'num' && !VIDEO_LINES.test(tokens[i - 1]!.text))
    return { currency: 'GBP', end: i + 1, factor: 0.01, subunitOfNamed: false };
  const tables = currencyTables();
  // "100元": a symbol the tokenizer reads as a letter.
  const written = COMMON_SYMBOLS.get(t.text);
  if (written && t.kind === 'word') return { currency: written, end: i + 1, factor: 1, subunitOfNamed: false };
  if (t.kind === 'word') {
    // "Turkish lira", "Costa Rican colóns": a name ends in a lower-case word ("Afghanis" are people).
    const named = matchPhrase(currencyNames(), tokens, i);
    const last = named ? tokens[named.end - 1]! : null;
    if (named && last && last.text === last.lower)
      return { currency: named.value, end: named.end, factor: 1, subunitOfNamed: false };
    if (/^[A-Z]{3}$/.test(t.text) && tables.codes.has(t.text) && !CODE_WORDS.has(t.text))
      return { currency: t.text, end: i + 1, factor: 1, subunitOfNamed: false };
    return null;
  }
  // "10 €", "100 ₡": a symbol after the number, unless it opens the next amount.
  const symbol = COMMON_SYMBOLS.get(t.text) ?? tables.symbols.get(t.text);
  if (symbol && tokens[i + 1]?.kind !== 'num')
    return { currency: symbol, end: i + 1, factor: 1, subunitOfNamed: false };
  return null;
}

/** A currency symbol or code ending right before token `numberAt` ("$", "US$", "EUR"). */
export function matchCurrencyBefore(tokens: Token[], numberAt: number): { currency: string; start: number } | null {
  for (let start = Math.max(0, numberAt - 2); start < numberAt; start++) {
    const hit = matchPhrase(CURRENCIES_BEFORE, tokens, start);
    if (!hit || hit.end !== numberAt) continue;
    // "A$5", "US$5" are written together and in capitals; "a $325 million package" is dollars.
    if (
      numberAt - start === 2 &&
      !LOWER_CASE_PREFIXES.has(tokens[start]!.lower) &&
      (tokens[start + 1]!.spaceBefore || !/^[A-Z]+$/.test(tokens[start]!.text))
    )
      continue;
    return { currency: hit.value, start };
  }
  const prev = tokens[numberAt - 1];
  if (!prev) return null;
  const tables = currencyTables();
  // "CHF 5", "SEK 200 million", "₦500": a code in capitals or a currency's own symbol.
  if (/^[A-Z]{3}$/.test(prev.text) && tables.codes.has(prev.text) && !CODE_WORDS.has(prev.text))
    return { currency: prev.text, start: numberAt - 1 };
  const symbol =
    tables.symbols.get(prev.text) ??
    (prev.text === '₿' || prev.text === '元' ? COMMON_SYMBOLS.get(prev.text) : undefined);
  if (symbol) return { currency: symbol, start: numberAt - 1 };
  return null;
}

/** An ISO 4217 code in use that is no English word in capitals ("USD", not "ALL"), or null. */
export function currencyCode(text: string): string | null {
  return currencyTables().codes.has(text) && !CODE_WORDS.has(text) ? text : null;
}
