/** Days since 1970-01-01 (UTC). */
const DAY_MS = 86_400_000;

export type DatePrecision = 'year' | 'month' | 'day';

/** The days a date of the given precision may mean: `2024-05` is 2024-05-01 … 2024-05-31. */
export interface DayInterval {
  from: number;
  to: number;
  precision: DatePrecision;
}

const datePrefix = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

/** Reads `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or an ISO instant (its UTC calendar day); null when unreadable. */
export function dayInterval(date: string | null | undefined): DayInterval | null {
  if (!date) return null;
  if (date.length > 10 && date[10] === 'T') {
    const ms = Date.parse(date);
    if (Number.isNaN(ms)) return null;
    const day = Math.floor(ms / DAY_MS);
    return { from: day, to: day, precision: 'day' };
  }
  const m = datePrefix.exec(date);
  if (!m) return null;
  const y = Number(m[1]);
  if (m[2] === undefined) {
    return { from: Date.UTC(y, 0, 1) / DAY_MS, to: Date.UTC(y, 11, 31) / DAY_MS, precision: 'year' };
  }
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return null;
  if (m[3] === undefined) {
    return { from: Date.UTC(y, mo - 1, 1) / DAY_MS, to: Date.UTC(y, mo, 0) / DAY_MS, precision: 'month' };
  }
  const d = Number(m[3]);
  if (d < 1 || d > 31) return null;
  const day = Date.UTC(y, mo - 1, d) / DAY_MS;
  return { from: day, to: day, precision: 'day' };
}

/** Days between two intervals (0 when they overlap). */
export function daysApart(a: DayInterval, b: DayInterval): number {
  return Math.max(0, b.from - a.to, a.from - b.to);
}

const dayStrings = new Map<number, string>();

/** `YYYY-MM-DD` of a day number. */
export function dayString(day: number): string {
  let s = dayStrings.get(day);
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (dayStrings.size > 100_000) dayStrings.clear();
    dayStrings.set(day, s);
  }
  return s;
}

/** Milliseconds of an ISO instant for ordering; null when absent or unreadable. */
export function instantMs(date: string | null | undefined): number | null {
  if (!date) return null;
  const ms = Date.parse(date);
  return Number.isNaN(ms) ? null : ms;
}
