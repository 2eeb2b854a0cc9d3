/**
 * When to poll a feed next: server hints first (Retry-After, Cache-Control max-age, Expires, RSS
 * <ttl> / sy:updatePeriod), then the feed's observed item frequency, then the interval the last
 * poll chose (a 304 carries no items to learn from), clamped between bounds; on errors exponential
 * backoff with jitter, capped. Pure: the caller passes `now` and `random`.
 */
export interface ScheduleInput {
  now: Date;
  minIntervalSec: number;
  maxIntervalSec: number;
  maxBackoffSec: number;
  /** Consecutive failed polls including this one (0 after a success). */
  consecutiveErrors: number;
  retryAfterMs?: number | null;
  cacheMaxAgeSec?: number | null;
  expiresAt?: string | null;
  ttlMinutes?: number | null;
  /** Publication dates of the feed's recent items (ISO). */
  itemDates?: readonly (string | null)[];
  /** The interval the last successful poll chose, kept when nothing newer is known (a 304). */
  previousIntervalSec?: number | null;
  /** In [0, 1): jitter source. */
  random: number;
}

export interface Schedule {
  nextCheckAt: Date;
  intervalSec: number;
  basis: 'retry-after' | 'backoff' | 'cache' | 'ttl' | 'frequency' | 'previous' | 'default';
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

/** Median gap between consecutive item dates, in seconds (null when fewer than 2 dated items). */
export function medianItemGapSec(dates: readonly (string | null)[]): number | null {
  const ts = dates
    .map((d) => (d ? Date.parse(d) : Number.NaN))
    .filter((t) => Number.isFinite(t))
    .sort((a, b) => b - a);
  if (ts.length < 2) return null;
  const gaps: number[] = [];
  for (let i = 1; i < ts.length; i++) gaps.push((ts[i - 1]! - ts[i]!) / 1000);
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)] ?? null;
}

/**
 * The gap to expect before the feed's next item: the median gap between its items, or the time
 * since its newest item when that is longer (a feed that went quiet is polled less and less, and
 * picks up speed again with its next items). Null when fewer than 2 items are dated.
 */
export function expectedItemGapSec(dates: readonly (string | null)[], now: Date): number | null {
  const median = medianItemGapSec(dates);
  if (median === null) return null;
  let newest = Number.NEGATIVE_INFINITY;
  for (const d of dates) {
    const t = d ? Date.parse(d) : Number.NaN;
    if (Number.isFinite(t) && t > newest) newest = t;
  }
  const sinceNewest = (now.getTime() - newest) / 1000;
  return Math.max(median, sinceNewest);
}

export function nextCheck(input: ScheduleInput): Schedule {
  const { now, minIntervalSec: min, maxIntervalSec: max } = input;
  const at = (sec: number, basis: Schedule['basis']): Schedule => ({
    nextCheckAt: new Date(now.getTime() + sec * 1000),
    intervalSec: sec,
    basis,
  });
  if (input.retryAfterMs && input.retryAfterMs > 0) {
    // The server asked: never earlier than it said, even below our own minimum.
    return at(Math.min(Math.ceil(input.retryAfterMs / 1000), input.maxBackoffSec), 'retry-after');
  }
  if (input.consecutiveErrors > 0) {
    const base = min * 2 ** Math.min(input.consecutiveErrors - 1, 20);
    const capped = Math.min(base, input.maxBackoffSec);
    // Full jitter on the upper half keeps many failing feeds from retrying in lockstep.
    return at(Math.round(capped / 2 + (capped / 2) * input.random), 'backoff');
  }
  if (input.cacheMaxAgeSec && input.cacheMaxAgeSec > 0) return at(clamp(input.cacheMaxAgeSec, min, max), 'cache');
  if (input.expiresAt) {
    const sec = (Date.parse(input.expiresAt) - now.getTime()) / 1000;
    if (Number.isFinite(sec) && sec > 0) return at(clamp(Math.round(sec), min, max), 'cache');
  }
  if (input.ttlMinutes && input.ttlMinutes > 0) return at(clamp(input.ttlMinutes * 60, min, max), 'ttl');
  const gap = input.itemDates ? expectedItemGapSec(input.itemDates, now) : null;
  // Poll about twice per expected gap between items.
  if (gap !== null) return at(clamp(Math.round(gap / 2), min, max), 'frequency');
  if (input.previousIntervalSec && input.previousIntervalSec > 0) {
    return at(clamp(Math.round(input.previousIntervalSec), min, max), 'previous');
  }
  return at(clamp(min * 4, min, max), 'default');
}
