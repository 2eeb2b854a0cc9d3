import { daysInMonth, fraction, fullYear, toIso, zoneOffset } from './dateFields.ts';

/**
 * ISO 8601 in the shapes feeds use: W3CDTF and RFC 3339 (`2004-01-05T12:30:00Z`), the basic format
 * (`20040105T123000Z`), ordinal dates (`2004-005`, `2004005`), the two-digit-year forms of ISO
 * 8601:1988 (`040105`, `04-01-05`, `04005`, `-0401`), and a month padded to three digits
 * (`2004-001-05`), which one large publisher emitted for years. Time: `hh[:mm[:ss[.f]]]`, basic or
 * extended; zone `Z`, `±hh[:mm]` or a name. Forms without a year (`--01-05`) are not read: they
 * would need a guess at the year.
 */
const SHAPE =
  /^(-?[0-9-]{2,11})(?:(?:t|\s+)(\d{2})(?::?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?)?\s*(z|[+-]\d{2}(?::?\d{2})?|[a-z]{2,5}|etc\/[a-z]{2,4})?$/i;

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

function ordinal(year: number, dayOfYear: number): CalendarDate | null {
  let day = dayOfYear;
  for (let month = 1; month <= 12; month++) {
    const length = daysInMonth(year, month);
    if (day >= 1 && day <= length) return { year, month, day };
    day -= length;
  }
  return null;
}

const FULL = /^(\d{4})-0?(\d{2})-(\d{2})$/;
const FULL_BASIC = /^(\d{4})(\d{2})(\d{2})$/;
const YEAR_MONTH = /^(\d{4})-(\d{2})$/;
const YEAR = /^(\d{4})$/;
const ORDINAL = /^(\d{4})-?(\d{3})$/;
const SHORT = /^(\d{2})-?(\d{2})-?(\d{2})$/;
const SHORT_ORDINAL = /^(\d{2})-?(\d{3})$/;
const SHORT_YEAR_MONTH = /^-(\d{2})-?(\d{2})$/;

/** The calendar date of an ISO date part, or null when it has none of the shapes above. */
function calendarDate(part: string): CalendarDate | null {
  let m = FULL.exec(part) ?? FULL_BASIC.exec(part);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  m = YEAR_MONTH.exec(part);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: 1 };
  m = YEAR.exec(part);
  if (m) return { year: Number(m[1]), month: 1, day: 1 };
  m = ORDINAL.exec(part);
  if (m) return ordinal(Number(m[1]), Number(m[2]));
  m = SHORT.exec(part);
  if (m) return { year: fullYear(m[1]!), month: Number(m[2]), day: Number(m[3]) };
  m = SHORT_ORDINAL.exec(part);
  if (m) return ordinal(fullYear(m[1]!), Number(m[2]));
  m = SHORT_YEAR_MONTH.exec(part);
  if (m) return { year: fullYear(m[1]!), month: Number(m[2]), day: 1 };
  return null;
}

/**
 * The instant of an ISO 8601 date, null when it has an ISO shape but is invalid, undefined when it
 * is not ISO 8601 at all (so other readers may try).
 */
export function parseIsoDate(text: string): string | null | undefined {
  const m = SHAPE.exec(text);
  if (!m) return undefined;
  const date = calendarDate(m[1]!);
  if (date === null) return /^\d{4}/.test(m[1]!) ? null : undefined;
  const hasTime = m[2] !== undefined;
  if (!hasTime && m[6] !== undefined) return null; // a zone on a bare date means nothing
  const offset = zoneOffset(m[6]);
  if (offset === undefined) return null;
  return toIso({
    year: date.year,
    month: date.month,
    day: date.day,
    hour: hasTime ? Number(m[2]) : 0,
    minute: m[3] ? Number(m[3]) : 0,
    second: m[4] ? Number(m[4]) : 0,
    millisecond: fraction(m[5]),
    offset,
  });
}
