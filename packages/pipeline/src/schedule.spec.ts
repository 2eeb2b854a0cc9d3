import { describe, expect, it } from 'vitest';
import { medianItemGapSec, nextCheck } from './schedule.ts';

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

  it('falls back to a default when nothing is known', () => {
    expect(nextCheck({ ...bounds, consecutiveErrors: 0 }).basis).toBe('default');
  });
});

describe('medianItemGapSec', () => {
  it('needs two dated items', () => {
    expect(medianItemGapSec(['2024-01-01T00:00:00Z'])).toBeNull();
    expect(medianItemGapSec(['2024-01-01T00:00:00Z', '2024-01-01T00:10:00Z'])).toBe(600);
  });
});
