import type { Token } from '../tokenize.ts';
import { type CurrencyMatch, currencyCode } from '../units.ts';

// Money as the wire services abbreviate it: "50 mln dlrs", "25 cts a share", "5 mln stg", and the
// business style of northern Europe that writes the scale into the code: "120 MEUR", "30 MUSD", "800 kSEK".

/** "dlrs", "cts", "stg": the wire services' abbreviations, the currency and what one written unit is worth. */
const ABBREVIATIONS = new Map<string, { currency: string; factor: number }>([
  ['dlrs', { currency: 'USD', factor: 1 }],
  ['dlr', { currency: 'USD', factor: 1 }],
  ['cts', { currency: 'USD', factor: 0.01 }],
  ['ct', { currency: 'USD', factor: 0.01 }],
  ['stg', { currency: 'GBP', factor: 1 }],
]);

/** "Canadian dlrs": the dollars of a country named before the abbreviation. */
const DOLLAR_COUNTRIES = new Map<string, string>([
  ['canadian', 'CAD'],
  ['australian', 'AUD'],
  ['singapore', 'SGD'],
  ['taiwan', 'TWD'],
  ['hk', 'HKD'],
  ['zealand', 'NZD'],
]);

/** A million or a thousand written into an ISO code: "MEUR", "MUSD", "kSEK". */
const SCALED_CODE = /^([MK])([A-Z]{3})$/i;

/**
 * The currency abbreviation at token `i`, after a number; null when there is none. Cents ("cts")
 * take the dollar, as cents written out do, unless the sentence named another currency with cents.
 */
export function matchWireCurrency(tokens: Token[], i: number): CurrencyMatch | null {
  const t = tokens[i];
  if (t?.kind !== 'word') return null;
  let k = i;
  // "U.S. dlrs", "Canadian dlrs", "New Zealand dlrs"
  let country: string | null = null;
  if (t.lower === 'u.s.' || t.lower === 'us') k++;
  else if (DOLLAR_COUNTRIES.has(t.lower)) {
    country = DOLLAR_COUNTRIES.get(t.lower)!;
    k++;
  } else if (t.lower === 'new' && tokens[i + 1]?.lower === 'zealand') {
    country = 'NZD';
    k += 2;
  }
  const abbreviation = ABBREVIATIONS.get(tokens[k]?.lower ?? '');
  if (abbreviation) {
    if (k > i && abbreviation.currency !== 'USD') return null;
    const currency = country && abbreviation.factor === 1 ? country : abbreviation.currency;
    return { currency, end: k + 1, factor: abbreviation.factor, subunitOfNamed: abbreviation.factor !== 1 };
  }
  if (k > i) return null;
  // The scale letter in capitals or the code in capitals: "MEUR", "kSEK", not the word "mead" or "Kerb".
  const scaled = SCALED_CODE.exec(t.text);
  if (!scaled || scaled[2] !== scaled[2]!.toUpperCase()) return null;
  const code = currencyCode(scaled[2]!);
  if (!code) return null;
  return { currency: code, end: i + 1, factor: scaled[1]!.toUpperCase() === 'M' ? 1e6 : 1e3, subunitOfNamed: false };
}
