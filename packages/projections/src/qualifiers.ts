import type { Bound } from '@tally/events';
import { formatNumber } from '@tally/figure-wording';

/**
 * How a bound reads in a sentence: the words a source put before or after its number. A plain
 * number (`=`) has none: a report that writes "4 million shells" did not say "exactly", and the
 * claims carry no sign of the rare one that did, so nothing here claims precision no source gave.
 */
export const qualifierOf: Record<Bound, string | null> = {
  '=': null,
  '>': 'more than',
  '>=': 'at least',
  '<': 'less than',
  '<=': 'up to',
  '~': 'about',
  '~<': 'nearly',
  '~>': 'just over',
};

/** The relative width read into "about" and "nearly". */
const APPROX = 0.1;

interface Interval {
  lo: number;
  hi: number;
  loOpen: boolean;
  hiOpen: boolean;
}

/** The values a bound on `v` allows: "more than 1,000" is (1000, ∞), "up to 1,000" is (-∞, 1000]. */
function allowed(bound: Bound, v: number): Interval {
  const t = Math.abs(v) * APPROX;
  switch (bound) {
    case '=':
      return { lo: v, hi: v, loOpen: false, hiOpen: false };
    case '>':
      return { lo: v, hi: Number.POSITIVE_INFINITY, loOpen: true, hiOpen: false };
    case '>=':
      return { lo: v, hi: Number.POSITIVE_INFINITY, loOpen: false, hiOpen: false };
    case '<':
      return { lo: Number.NEGATIVE_INFINITY, hi: v, loOpen: false, hiOpen: true };
    case '<=':
      return { lo: Number.NEGATIVE_INFINITY, hi: v, loOpen: false, hiOpen: false };
    case '~':
      return { lo: v - t, hi: v + t, loOpen: false, hiOpen: false };
    case '~<':
      return { lo: v - t, hi: v, loOpen: false, hiOpen: false };
    case '~>':
      return { lo: v, hi: v + t, loOpen: true, hiOpen: false };
    default: {
      const unknown: never = bound;
      return unknown;
    }
  }
}

/**
 * Whether two qualifiers on the same number can both be true: "up to 1,000" and "more than 1,000"
 * cannot (a conflict), "about 1,000" and "more than 1,000" can.
 */
export function boundsAgree(a: Bound, b: Bound, value: number): boolean {
  if (a === b) return true;
  const x = allowed(a, value);
  const y = allowed(b, value);
  const lo = Math.max(x.lo, y.lo);
  const hi = Math.min(x.hi, y.hi);
  if (lo < hi) return true;
  if (lo > hi) return false;
  const closedAt = (i: Interval) => (i.lo === lo ? !i.loOpen : true) && (i.hi === hi ? !i.hiOpen : true);
  return closedAt(x) && closedAt(y);
}

/** "1,000" or "24–99". */
export function formatQuantity(value: number | null, range: readonly [number, number] | null): string {
  if (value !== null) return formatNumber(value);
  if (range) return `${formatNumber(range[0])}–${formatNumber(range[1])}`;
  return 'an unknown number';
}
