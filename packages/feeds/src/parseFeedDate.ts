/**
 * Feed dates to ISO 8601 UTC strings. The rule is "null rather than wrong": a date whose fields are
 * out of range, whose time zone is unknown or ambiguous (IST, CST-as-China, military letters other
 * than Z), or whose shape is unrecognised gives null. A date without any zone is read as UTC, as
 * feed readers conventionally do.
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

/** Offsets in minutes east of UTC for zone names that mean one thing. */
const ZONES: Record<string, number> = {
  z: 0,
  ut: 0,
  utc: 0,
  gmt: 0,
  wet: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  akst: -540,
  akdt: -480,
  hst: -600,
  ast: -240,
  adt: -180,
  nst: -210,
  ndt: -150,
  bst: 60,
  west: 60,
  cet: 60,
  met: 60,
  mez: 60,
  cest: 120,
  mest: 120,
  mesz: 120,
  eet: 120,
  eest: 180,
  msk: 180,
  msd: 240,
  jst: 540,
  kst: 540,
  hkt: 480,
  sgt: 480,
  awst: 480,
  acst: 570,
  acdt: 630,
  aest: 600,
  aedt: 660,
  nzst: 720,
  nzdt: 780,
};

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Parses `+hh:mm`, `+hhmm`, `+hh`, `Z` or a zone name; undefined when unknown. */
function zoneOffset(zone: string | undefined): number | undefined {
  if (zone === undefined || zone === '') return 0;
  const z = zone.trim().toLowerCase();
  if (z in ZONES) return ZONES[z];
  const m = /^(?:gmt|utc|ut)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(z);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = m[3] ? Number(m[3]) : 0;
  if (hours > 14 || minutes > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  offset: number;
}

function toIso(f: Fields): string | null {
  if (!Number.isInteger(f.year) || f.year < 1000 || f.year > 9999) return null;
  if (f.month < 1 || f.month > 12) return null;
  if (f.day < 1 || f.day > daysInMonth(f.year, f.month)) return null;
  if (f.hour > 23 || f.minute > 59 || f.second > 60) return null;
  // A leap second is read as the last second of its minute rather than rolling into the next.
  const second = f.second === 60 ? 59 : f.second;
  const ms = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, second, f.millisecond) - f.offset * 60_000;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function fraction(digits: string | undefined): number {
  return digits ? Math.floor(Number(`0.${digits}`) * 1000) : 0;
}

// W3CDTF / ISO 8601 / RFC 3339, extended or basic format, with optional trailing zone name.
const ISO =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ]+(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?|[A-Z]{2,5})?$/i;
const ISO_BASIC = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(?:(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

// RFC 822 / 1123 / 2822 and the variants publishers write: optional weekday, 2-, 3- or 4-digit
// year, optional seconds, '-' separators, full month names, zone as name, offset or missing.
const RFC822 =
  /^(?:[a-z]{2,9}\.?,?\s*)?(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]{3,9})\.?,?[\s-]+(\d{2,4}),?(?:\s+|[T])?(?:(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(z|[a-z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{1,2}(?::?\d{2})?)?(?:\s*\([^)]*\))?$/i;

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

function twoDigitYear(text: string): number {
  const y = Number(text);
  if (text.length === 4) return y;
  if (text.length === 3) return 1900 + y;
  return y < 50 ? 2000 + y : 1900 + y;
}

/** Normalises a feed date to an ISO string (UTC), or null when it is missing, invalid or ambiguous. */
export function parseFeedDate(input: string | null | undefined): string | null {
  if (input == null) return null;
  const text = input.trim().replace(/\s+/g, ' ');
  if (text.length === 0 || text.length > 80) return null;

  let m = ISO.exec(text);
  if (m) {
    const offset = zoneOffset(m[8]);
    if (offset === undefined) return null;
    if (m[4] === undefined && m[8] !== undefined) return null; // a zone on a bare date means nothing
    return toIso({
      year: Number(m[1]),
      month: m[2] ? Number(m[2]) : 1,
      day: m[3] ? Number(m[3]) : 1,
      hour: m[4] ? Number(m[4]) : 0,
      minute: m[5] ? Number(m[5]) : 0,
      second: m[6] ? Number(m[6]) : 0,
      millisecond: fraction(m[7]),
      offset,
    });
  }
  m = ISO_BASIC.exec(text);
  if (m) {
    const offset = zoneOffset(m[8]);
    if (offset === undefined) return null;
    return toIso({
      year: Number(m[1]),
      month: Number(m[2]),
      day: Number(m[3]),
      hour: m[4] ? Number(m[4]) : 0,
      minute: m[5] ? Number(m[5]) : 0,
      second: m[6] ? Number(m[6]) : 0,
      millisecond: fraction(m[7]),
      offset,
    });
  }
  m = RFC822.exec(text);
  if (m) {
    const month = monthNumber(m[2]!);
    const offset = zoneOffset(m[8]);
    if (month === undefined || offset === undefined) return null;
    return toIso({
      year: twoDigitYear(m[3]!),
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
    let hour = m[4] ? Number(m[4]) : 0;
    if (m[7]) {
      if (hour < 1 || hour > 12) return null;
      hour = (hour % 12) + (m[7].toLowerCase() === 'pm' ? 12 : 0);
    }
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
