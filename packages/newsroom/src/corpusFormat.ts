import type { Rng } from './Rng.ts';

// Dates, figures and typography as the generated copy writes them.

export const dayMs = 86_400_000;
const weekdayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Calendar days are counted from 1970-01-01; 0 is a Thursday. */
export function dayOf(iso: string): number {
  return Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / dayMs);
}

export function isoDay(day: number): string {
  return new Date(day * dayMs).toISOString().slice(0, 10);
}

export function weekday(day: number): string {
  return weekdayNames[new Date(day * dayMs).getUTCDay()]!;
}

export function withCommas(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function trimDecimal(value: number): string {
  return value.toFixed(1).replace(/\.0$/, '');
}

const smallNumberWords = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** Rounds to the precision news copy uses for a figure of this size. */
export function roundFigure(value: number, unit: string): number {
  const step =
    unit === 'USD' || unit === 'EUR'
      ? value >= 1e9
        ? 1e8
        : 1e7
      : value >= 1e6
        ? 1e5
        : value >= 1e5
          ? 1e4
          : value >= 1e4
            ? 1e3
            : value >= 1e3
              ? 100
              : value >= 100
                ? 10
                : 1;
  return Math.max(step, Math.round(value / step) * step);
}

export function formatValue(value: number, unit: string, rng: Rng): string {
  if (unit === 'USD' || unit === 'EUR') {
    const sign = unit === 'USD' ? '$' : '€';
    return value >= 1e9 ? `${sign}${trimDecimal(value / 1e9)} billion` : `${sign}${trimDecimal(value / 1e6)} million`;
  }
  if (value >= 1e6) {
    const millions = value / 1e6;
    if (Number.isInteger(millions) && millions >= 2 && millions <= 9 && rng.chance(0.4))
      return `${smallNumberWords[millions]} million`;
    return `${trimDecimal(millions)} million`;
  }
  return withCommas(value);
}

export function sentenceCase(text: string): string {
  const cleaned = text
    .replace(/\s+/g, ' ')
    .replace(/ ([,.])/g, '$1')
    .trim();
  const i = cleaned.search(/[A-Za-z]/);
  return i < 0 ? cleaned : cleaned.slice(0, i) + cleaned.charAt(i).toUpperCase() + cleaned.slice(i + 1);
}

/** Straight quotes and hyphens, as a copy desk with an old CMS would leave them. */
export function plainTypography(text: string): string {
  return text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/[–—]/g, '-');
}

// ---------------------------------------------------------------- outlets

export function localIso(day: number, minutes: number, offset: string): string {
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${isoDay(day)}T${hh}:${mm}:00${offset}`;
}
