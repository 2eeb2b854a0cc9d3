const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?(Z|[+-]\d{2}:?\d{2})?$/;

function plausible(date: Date): boolean {
  const year = date.getUTCFullYear();
  return !Number.isNaN(date.getTime()) && year >= 1990 && year <= 2100;
}

/**
 * An ISO 8601 UTC timestamp from the forms pages use: ISO 8601 with or without time and zone,
 * compact `20231014T123000Z`, and RFC 2822 (`Sat, 14 Oct 2023 09:30:00 GMT`). A time without a zone
 * is read as UTC (the page gives nothing better, and the result must not depend on the machine's
 * zone); a date without a time is midnight UTC.
 */
export function normalizeDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const raw = value.trim();
  const match = ISO.exec(raw) ?? COMPACT.exec(raw);
  if (match) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone = ''] = match;
    const ms = Math.round(Number(`0.${frac || '0'}`) * 1000);
    let time = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
    const check = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
    if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d)) return null;
    if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) return null;
    const offset = /^[+-]/.exec(zone) ? zone.replace(':', '') : '';
    if (offset) {
      const sign = offset.startsWith('-') ? -1 : 1;
      const hours = Number(offset.slice(1, 3));
      const minutes = offset.length > 3 ? Number(offset.slice(3, 5)) : 0;
      time -= sign * (hours * 60 + minutes) * 60_000;
    }
    const date = new Date(time);
    return plausible(date) ? date.toISOString() : null;
  }
  // RFC 2822 and other textual forms: only with an explicit zone, else as UTC.
  if (!/[a-z]{3}/i.test(raw)) return null;
  const zoned = /\b(?:GMT|UTC|UT|Z)\b|[+-]\d{4}\b/.test(raw) ? raw : `${raw} UTC`;
  const parsed = Date.parse(zoned);
  if (Number.isNaN(parsed)) return null;
  const date = new Date(parsed);
  return plausible(date) ? date.toISOString() : null;
}
