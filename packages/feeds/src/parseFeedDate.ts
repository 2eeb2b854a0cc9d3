import { fraction, fullYear, toIso, twelveHour, zoneOffset } from './dateFields.ts';
import { parseIsoDate } from './isoDate.ts';
import { greekToEnglish, parseLocalDate } from './localDates.ts';

/**
 * Feed dates to ISO 8601 UTC strings. The rule is "null rather than wrong": a date whose fields are
 * out of range, whose time zone is unknown or ambiguous (IST, CST-as-China), or whose shape is
 * unrecognised gives null. A date without any zone is read as UTC, as feed readers conventionally
 * do (Korean dates, whose country has one zone, as UTC+9).
 */

// RFC 822 / 1123 / 2822 and the variants publishers write: optional weekday, 2-, 3- or 4-digit
// year, optional seconds, '-' separators, full month names, zone as name, offset or missing.
const RFC822 =
  /^(?:[a-z]{2,9}\.?,?\s*)?(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]{3,9})\.?,?[\s-]+(\d{2,4}),?(?:\s+|[T])?(?:(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(z|[a-z]{1,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|etc\/[a-z]{2,4}|[+-]\d{1,2}(?::?\d{2})?)?(?:\s*\([^)]*\))?$/i;

// "Jan 5, 2004 10:00:00 GMT" and ctime "Mon Jan  5 10:00:00 GMT 2004".
const US_STYLE =
  /^(?:[a-z]{2,9}\.?,?\s+)?([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(?:(\d{4}),?\s*)?(?:(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?)?\s*(z|[a-z]{2,5}|[+-]\d{2}:?\d{2})?\s*(\d{4})?$/i;

/**
 * English month names by every accepted spelling: the three-letter abbreviation, `sept`, and any
 * longer prefix of the full name (`janu`, `january`); "Janux" is not January.
 */
const MONTH_NAMES: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>([['sept', 9]]);
  const full = [
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
  ];
  full.forEach((name, i) => {
    for (let length = 3; length <= name.length; length++) map.set(name.slice(0, length), i + 1);
  });
  return map;
})();

function monthNumber(name: string): number | undefined {
  return MONTH_NAMES.get(name.toLowerCase());
}

const NUMERIC_START = /^[\d-]/;

/** Normalises a feed date to an ISO string (UTC), or null when it is missing, invalid or ambiguous. */
export function parseFeedDate(input: string | null | undefined): string | null {
  if (input == null) return null;
  const text = input.trim().replace(/\s+/g, ' ');
  if (text.length === 0 || text.length > 80) return null;

  // ISO 8601 and the numeric local shapes start with a digit or '-'; RFC 822 dates (most of RSS)
  // with a weekday or a day number, so each reader is only tried where it can match.
  const numeric = NUMERIC_START.test(text);
  if (numeric) {
    const iso = parseIsoDate(text);
    if (iso !== undefined) return iso;
  }
  let m = RFC822.exec(text);
  if (!m && !numeric) {
    const english = greekToEnglish(text);
    if (english !== null) m = RFC822.exec(english);
  }
  if (m) {
    const month = monthNumber(m[2]!);
    const offset = zoneOffset(m[8]);
    if (month === undefined || offset === undefined) return null;
    return toIso({
      year: fullYear(m[3]!),
      month,
      day: Number(m[1]),
      hour: m[4] ? Number(m[4]) : 0,
      minute: m[5] ? Number(m[5]) : 0,
      second: m[6] ? Number(m[6]) : 0,
      millisecond: fraction(m[7]),
      offset,
    });
  }
  const local = parseLocalDate(text);
  if (local !== undefined) return local;
  m = US_STYLE.exec(text);
  if (m) {
    const month = monthNumber(m[1]!);
    const yearText = m[3] ?? m[9];
    if (month === undefined || yearText === undefined || (m[3] && m[9])) return null;
    const offset = zoneOffset(m[8]);
    if (offset === undefined) return null;
    let hour: number | undefined = m[4] ? Number(m[4]) : 0;
    if (m[7]) hour = twelveHour(hour, m[7].toLowerCase() === 'pm');
    if (hour === undefined) return null;
    return toIso({
      year: Number(yearText),
      month,
      day: Number(m[2]),
      hour,
      minute: m[5] ? Number(m[5]) : 0,
      second: m[6] ? Number(m[6]) : 0,
      millisecond: 0,
      offset,
    });
  }
  return null;
}
