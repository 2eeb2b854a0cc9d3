import { describe, expect, it } from 'vitest';
import { parseCacheMaxAge, parseExpires, parseRetryAfter } from './responseHints.ts';

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-03-01T12:00:00Z');
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });
  it('reads an HTTP date relative to now, never negative', () => {
    expect(parseRetryAfter('Sat, 01 Mar 2025 12:01:30 GMT', now)).toBe(90_000);
    expect(parseRetryAfter('Sat, 01 Mar 2025 11:00:00 GMT', now)).toBe(0);
  });
  it('gives null for nothing usable', () => {
    expect(parseRetryAfter(undefined, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('1.5', now)).toBeNull();
    expect(parseRetryAfter('-5', now)).toBeNull();
  });
});

describe('parseCacheMaxAge', () => {
  it('prefers max-age, falls back to s-maxage, subtracts Age', () => {
    expect(parseCacheMaxAge('public, max-age=600', undefined)).toBe(600);
    expect(parseCacheMaxAge('s-maxage=300, max-age=60', undefined)).toBe(60);
    expect(parseCacheMaxAge('public, s-maxage=300', '100')).toBe(200);
    expect(parseCacheMaxAge('max-age="90"', '200')).toBe(0);
    expect(parseCacheMaxAge('no-cache', undefined)).toBeNull();
    expect(parseCacheMaxAge(undefined, undefined)).toBeNull();
  });
});

describe('parseExpires', () => {
  it('gives an ISO date, or null for "0" and garbage', () => {
    expect(parseExpires('Sat, 01 Mar 2025 12:00:00 GMT')).toBe('2025-03-01T12:00:00.000Z');
    expect(parseExpires('0')).toBeNull();
    expect(parseExpires('-1')).toBeNull();
    expect(parseExpires('never')).toBeNull();
  });
});
