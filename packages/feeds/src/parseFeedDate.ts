import { fraction, fullYear, toIso, twelveHour, zoneOffset } from './dateFields.ts';
import { parseIsoDate } from './isoDate.ts';
import { greekToEnglish, parseLocalDate } from './localDates.ts';

/**
 * Feed dates to ISO 8601 UTC strings. The rule is "null rather than wrong": a date whose fields are
 * out of range, whose time zone is unknown or ambiguous (IST, CST-as-China), or whose shape is
 * unrecognised gives null. A date without any zone is read as UTC, as feed readers conventionally
 * do (Korean dates, whose country has one zone, as UTC+9).
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

// RFC 822 / 1123 / 2822 and the variants publishers write: optional weekday, 2-, 3- or 4-digit
// year, optional seconds, '-' separators, full month names, zone as name, offset or missing.
const RFC822 =
  /^(?:[a-z]{2,9}\.?,?\s*)?(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]{3,9})\.?,?[\s-]+(\d{2,4}),?(?:\s+|[T])?(?:(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(z|[a-z]{1,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|etc\/[a-z]{2,4}|[+-]\d{1,2}(?::?\d{2})?)?(?:\s*\([^)]*\))?$/i;

// "Jan 5, 2004 10:00:00 GMT" and ctime "Mon Jan  5 10:00:00 GMT 2004".
const US_STYLE =
  /^(?:[a-z]{2,9}\.?,?\s+)?([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(?:(\d{4}),?\s*)?(?:(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?)?\s*(z|[a-z]{2,5}|[+-]\d{2}:?\d{2})?\s*(\d{4})?$/i;

function monthNumber(name: string): number | undefined {
  const key = name.toLowerCase();
  const short = MONTHS[key.slice(0, key === 'sept' ? 4 : 3)];
  if (short === undefined) return undefined;
  // A full name must actually be the month's name ("Janux" is not January).
  if (key.length > 4 && !FULL_MONTHS[short - 1]!.startsWith(key)) return undefined;
  return short;
}

const FULL_MONTHS = [
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

/** Normalises a feed date to an ISO string (UTC), or null when it is missing, invalid or ambiguous. */
export function parseFeedDate(input: string | null | undefined): string | null {
  if (input == null) return null;
  const text = input.trim().replace(/\s+/g, ' ');
  if (text.length === 0 || text.length > 80) return null;

  const iso = parseIsoDate(text);
  if (iso !== undefined) return iso;
  const local = parseLocalDate(text);
  if (local !== undefined) return local;
  const english = greekToEnglish(text);
  const rfc = english ?? text;
  let m = RFC822.exec(rfc);
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
