import { describe, expect, it } from 'vitest';
import { expectedItemGapSec, medianItemGapSec, nextCheck } from './schedule.ts';

const now = new Date('2024-05-03T12:00:00Z');
const bounds = { now, minIntervalSec: 300, maxIntervalSec: 86_400, maxBackoffSec: 86_400, random: 0.5 };

describe('nextCheck', () => {
  it('honours Retry-After even below the minimum interval', () => {
    const s = nextCheck({ ...bounds, consecutiveErrors: 1, retryAfterMs: 120_000 });
    expect(s.basis).toBe('retry-after');
    expect(s.intervalSec).toBe(120);
  });

  it('backs off exponentially on consecutive errors, capped, with jitter in the upper half', () => {
    const first = nextCheck({ ...bounds, consecutiveErrors: 1, random: 0 });
    const third = nextCheck({ ...bounds, consecutiveErrors: 3, random: 0 });
    expect(first.basis).toBe('backoff');
    expect(third.intervalSec).toBe(first.intervalSec * 4);
    const capped = nextCheck({ ...bounds, consecutiveErrors: 40, random: 0.999 });
    expect(capped.intervalSec).toBeLessThanOrEqual(86_400);
    expect(capped.intervalSec).toBeGreaterThanOrEqual(43_200);
  });

  it('uses Cache-Control max-age clamped to the bounds', () => {
    expect(nextCheck({ ...bounds, consecutiveErrors: 0, cacheMaxAgeSec: 60 }).intervalSec).toBe(300);
    expect(nextCheck({ ...bounds, consecutiveErrors: 0, cacheMaxAgeSec: 1800 }).intervalSec).toBe(1800);
    expect(nextCheck({ ...bounds, consecutiveErrors: 0, cacheMaxAgeSec: 10 ** 7 }).intervalSec).toBe(86_400);
  });

  it('uses Expires when no max-age is given', () => {
    const s = nextCheck({ ...bounds, consecutiveErrors: 0, expiresAt: '2024-05-03T13:00:00Z' });
    expect(s).toMatchObject({ basis: 'cache', intervalSec: 3600 });
  });

  it('uses the RSS ttl in minutes', () => {
    expect(nextCheck({ ...bounds, consecutiveErrors: 0, ttlMinutes: 60 })).toMatchObject({
      basis: 'ttl',
      intervalSec: 3600,
    });
  });

  it('polls about twice per typical gap between items', () => {
    const hourly = ['2024-05-03T11:00:00Z', '2024-05-03T10:00:00Z', '2024-05-03T09:00:00Z', null, 'garbage'];
    expect(nextCheck({ ...bounds, consecutiveErrors: 0, itemDates: hourly })).toMatchObject({
      basis: 'frequency',
      intervalSec: 1800,
    });
  });

  it('polls a feed that went quiet less often: the time since its newest item counts as the gap', () => {
    const quiet = ['2024-04-03T11:00:00Z', '2024-04-03T10:00:00Z', '2024-04-03T09:00:00Z'];
    // Hourly items, but the newest is a month old: clamp(month / 2) = the maximum interval.
    expect(nextCheck({ ...bounds, consecutiveErrors: 0, itemDates: quiet })).toMatchObject({
      basis: 'frequency',
      intervalSec: 86_400,
    });
  });

  it('clamps a busy feed to the minimum interval', () => {
    const busy = ['2024-05-03T11:59:00Z', '2024-05-03T11:58:00Z', '2024-05-03T11:57:00Z'];
    expect(nextCheck({ ...bounds, consecutiveErrors: 0, itemDates: busy })).toMatchObject({ intervalSec: 300 });
  });

  it('keeps the previous interval when a 304 gives nothing newer to go by', () => {
    expect(nextCheck({ ...bounds, consecutiveErrors: 0, previousIntervalSec: 5400 })).toMatchObject({
      basis: 'previous',
      intervalSec: 5400,
    });
    expect(nextCheck({ ...bounds, consecutiveErrors: 0, previousIntervalSec: 5400, cacheMaxAgeSec: 900 }).basis).toBe(
      'cache',
    );
  });

  it('ranks server hints: Retry-After, then backoff, then Cache-Control, then ttl, then item frequency', () => {
    const hourly = ['2024-05-03T11:00:00Z', '2024-05-03T10:00:00Z'];
    const all = { ...bounds, retryAfterMs: 60_000, cacheMaxAgeSec: 900, ttlMinutes: 120, itemDates: hourly };
    expect(nextCheck({ ...all, consecutiveErrors: 2 }).basis).toBe('retry-after');
    expect(nextCheck({ ...all, retryAfterMs: null, consecutiveErrors: 2 }).basis).toBe('backoff');
    expect(nextCheck({ ...all, retryAfterMs: null, consecutiveErrors: 0 }).basis).toBe('cache');
    expect(nextCheck({ ...all, retryAfterMs: null, cacheMaxAgeSec: null, consecutiveErrors: 0 }).basis).toBe('ttl');
  });

  it('caps a Retry-After at the longest backoff', () => {
    expect(nextCheck({ ...bounds, consecutiveErrors: 1, retryAfterMs: 30 * 86_400_000 }).intervalSec).toBe(86_400);
  });

  it('spreads the retries of many failing feeds over the upper half of the backoff', () => {
    const spread = [0, 0.25, 0.5, 0.75, 0.999].map(
      (random) => nextCheck({ ...bounds, consecutiveErrors: 2, random }).intervalSec,
    );
    expect(new Set(spread).size).toBe(spread.length);
    expect(Math.min(...spread)).toBeGreaterThanOrEqual(300);
    expect(Math.max(...spread)).toBeLessThanOrEqual(600);
  });

  it('falls back to a default when nothing is known', () => {
    expect(nextCheck({ ...bounds, consecutiveErrors: 0 }).basis).toBe('default');
  });
});

describe('expectedItemGapSec', () => {
  it('ignores items dated in the future', () => {
    expect(expectedItemGapSec(['2024-06-01T00:00:00Z', '2024-05-31T23:00:00Z'], now)).toBe(3600);
  });
});

describe('medianItemGapSec', () => {
  it('needs two dated items', () => {
    expect(medianItemGapSec(['2024-01-01T00:00:00Z'])).toBeNull();
    expect(medianItemGapSec(['2024-01-01T00:00:00Z', '2024-01-01T00:10:00Z'])).toBe(600);
  });
});
