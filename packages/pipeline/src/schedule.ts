/**
 * When to poll a feed next: server hints first (Retry-After, Cache-Control max-age, Expires, RSS
 * <ttl>), then the feed's observed item frequency, clamped between bounds; on errors exponential
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
  /** In [0, 1): jitter source. */
  random: number;
}

export interface Schedule {
  nextCheckAt: Date;
  intervalSec: number;
  basis: 'retry-after' | 'backoff' | 'cache' | 'ttl' | 'frequency' | 'default';
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
  const gap = input.itemDates ? medianItemGapSec(input.itemDates) : null;
  // Poll about twice per typical gap between items.
  if (gap !== null) return at(clamp(Math.round(gap / 2), min, max), 'frequency');
  return at(clamp(min * 4, min, max), 'default');
}
