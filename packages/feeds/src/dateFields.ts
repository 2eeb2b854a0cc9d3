/**
 * The shared end of every date reader: fields checked for range, then one UTC instant as ISO 8601.
 * Also the zone table, which every textual form shares.
 */

/** Offsets in minutes east of UTC for zone names that mean one thing. */
const ZONES: Record<string, number> = {
  z: 0,
  ut: 0,
  utc: 0,
  gmt: 0,
  wet: 0,
  'etc/gmt': 0,
  'etc/utc': 0,
  'etc/uct': 0,
  'etc/zulu': 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  // Zone names without the standard/daylight letter, as US publishers write them: read as standard
  // time, which is what RFC 822 readers have always done with them.
  at: -240,
  et: -300,
  ct: -360,
  mt: -420,
  pt: -480,
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

/**
 * RFC 822 military zones: A–I and K–M are one to twelve hours west, N–Y one to twelve east, Z is
 * UTC. RFC 2822 later noted that RFC 822 had the signs inverted and advised reading them as
 * unknown; feeds that use them were written against RFC 822, so its table is the one followed.
 */
function militaryOffset(letter: string): number | undefined {
  const c = letter.charCodeAt(0);
  if (c >= 97 && c <= 105) return -(c - 96) * 60; // a–i: -1…-9
  if (c >= 107 && c <= 109) return -(c - 97) * 60; // k–m: -10…-12
  if (c >= 110 && c <= 121) return (c - 109) * 60; // n–y: +1…+12
  return undefined;
}

/** Parses `+hh:mm`, `+hhmm`, `+hh`, `Z`, a zone name or a military letter; undefined when unknown. */
export function zoneOffset(zone: string | undefined): number | undefined {
  if (zone === undefined || zone === '') return 0;
  const z = zone.trim().toLowerCase();
  const named = ZONES[z];
  if (named !== undefined) return named;
  if (z.length === 1) return militaryOffset(z);
  const m = /^(?:gmt|utc|ut)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(z);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = m[3] ? Number(m[3]) : 0;
  if (hours > 14 || minutes > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

export interface DateFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Minutes east of UTC. */
  offset: number;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Milliseconds from a fraction's digits (`5` is 500 ms, `1234` is 123 ms). */
export function fraction(digits: string | undefined): number {
  return digits ? Math.floor(Number(`0.${digits}`) * 1000) : 0;
}

/** Two-digit years as RFC 2822 reads them: 00–49 are 2000–2049, 50–99 are 1950–1999. */
export function fullYear(text: string): number {
  const y = Number(text);
  if (text.length >= 4) return y;
  if (text.length === 3) return 1900 + y;
  return y < 50 ? 2000 + y : 1900 + y;
}

/** The instant, or null when any field is out of range. Years 1–9999 are accepted as written. */
export function toIso(f: DateFields): string | null {
  if (!Number.isInteger(f.year) || f.year < 1 || f.year > 9999) return null;
  if (f.month < 1 || f.month > 12) return null;
  if (f.day < 1 || f.day > daysInMonth(f.year, f.month)) return null;
  if (f.hour > 23 || f.minute > 59 || f.second > 60) return null;
  // A leap second is read as the last second of its minute rather than rolling into the next.
  const second = f.second === 60 ? 59 : f.second;
  let local = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, second, f.millisecond);
  if (f.year < 100) {
    // Date.UTC reads years 0–99 as 1900–1999; setUTCFullYear takes them as written.
    const early = new Date(local);
    early.setUTCFullYear(f.year);
    local = early.getTime();
  }
  const date = new Date(local - f.offset * 60_000);
  const ms = date.getTime();
  if (Number.isNaN(ms) || date.getUTCFullYear() < 1 || date.getUTCFullYear() > 9999) return null;
  return date.toISOString();
}

/** `pm`/`am` (or their Korean forms) applied to a 12-hour clock; undefined when the hour is not 1–12. */
export function twelveHour(hour: number, pm: boolean): number | undefined {
  if (hour < 1 || hour > 12) return undefined;
  return (hour % 12) + (pm ? 12 : 0);
}
