import { seedFigureKeys } from '@tally/projections/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, type Harness, startHarness, startSeededHarness } from './harness.ts';

let h: Harness;
let app: FastifyInstance;

beforeAll(async () => {
  ({ h, app } = await startSeededHarness());
});
afterAll(async () => {
  await h?.close();
});

describe('security headers (helmet)', () => {
  it('sends a CSP that lets the pages style themselves and run only their own scripts', async () => {
    const res = await app.inject({ url: '/' });
    expect(res.statusCode).toBe(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});

describe('CORS', () => {
  it('is off by default: no CORS header for another origin', async () => {
    const res = await app.inject({ url: '/figures', headers: { origin: 'https://app.example' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('lets configured origins read, answers their preflight without a token, and no other origin', async () => {
    const open = await h.app({ API_CORS_ORIGINS: 'https://app.example', API_READS_NEED_TOKEN: true });
    const preflight = await open.inject({
      method: 'OPTIONS',
      url: '/figures',
      headers: {
        origin: 'https://app.example',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://app.example');
    expect(String(preflight.headers['access-control-allow-methods'])).toBe('GET, HEAD');
    expect(String(preflight.headers['access-control-allow-headers'])).toContain('authorization');
    const read = await open.inject({ url: '/figures', headers: { origin: 'https://app.example', ...auth } });
    expect(read.statusCode).toBe(200);
    expect(read.headers['access-control-allow-origin']).toBe('https://app.example');
    expect(String(read.headers['access-control-expose-headers'])).toContain('etag');
    const other = await open.inject({ url: '/figures', headers: { origin: 'https://evil.example', ...auth } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('ETag and Cache-Control', () => {
  it('answers 304 to a read whose ETag the client holds, and tells caches to revalidate', async () => {
    const key = encodeURIComponent(seedFigureKeys.containers);
    const first = await app.inject({ url: `/figures/${key}` });
    expect(first.statusCode).toBe(200);
    const tag = first.headers.etag;
    expect(tag).toMatch(/^"/);
    expect(first.headers['cache-control']).toBe('public, no-cache');
    const again = await app.inject({ url: `/figures/${key}`, headers: { 'if-none-match': String(tag) } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const other = await app.inject({ url: '/figures', headers: { 'if-none-match': String(tag) } });
    expect(other.statusCode).toBe(200);
  });

  it('keeps operators’ answers out of caches, and takes a max-age when configured', async () => {
    const events = await app.inject({ url: '/events', headers: auth });
    expect(events.headers['cache-control']).toBe('no-store');
    const cached = await h.app({ API_CACHE_MAX_AGE_SEC: 30 });
    expect((await cached.inject({ url: '/figures' })).headers['cache-control']).toBe('public, max-age=30');
    const tokened = await h.app({ API_CACHE_MAX_AGE_SEC: 30, API_READS_NEED_TOKEN: true });
    expect((await tokened.inject({ url: '/figures', headers: auth })).headers['cache-control']).toBe(
      'private, max-age=30',
    );
  });
});

describe('rate limits', () => {
  it('answers 429 TALLY_ERR_RATE_LIMITED past the limit, per address and per token holder; health stays open', async () => {
    // A harness of its own: counts are kept in Redis under its prefix, apart from the other tests'.
    const own = await startHarness({ API_RATE_LIMIT_MAX: 3, API_RATE_LIMIT_WINDOW_MS: 60_000 });
    try {
      await checkLimits(await own.app());
    } finally {
      await own.close();
    }
  });
});

/** Three requests a window: the fourth from one address is refused, others are counted apart. */
async function checkLimits(limited: FastifyInstance): Promise<void> {
  const from = (ip: string, headers: Record<string, string> = {}) =>
    limited.inject({ url: '/figures', remoteAddress: ip, headers });
  for (let i = 0; i < 3; i++) expect((await from('127.0.0.7')).statusCode).toBe(200);
  const refused = await from('127.0.0.7');
  expect(refused.statusCode).toBe(429);
  expect(refused.json()).toMatchObject({ code: 'TALLY_ERR_RATE_LIMITED', details: { limit: 3 } });
  expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  expect(refused.headers['x-ratelimit-limit']).toBe('3');
  // Another address, and the token's holder on the same address, have counts of their own.
  expect((await from('127.0.0.8')).statusCode).toBe(200);
  expect((await from('127.0.0.7', auth)).statusCode).toBe(200);
  expect((await limited.inject({ url: '/healthz', remoteAddress: '127.0.0.7' })).statusCode).toBe(200);
}

describe('load shedding (under-pressure)', () => {
  it('answers 503 TALLY_ERR_OVERLOADED while over the bound, /readyz included; /healthz and /metrics still answer', async () => {
    // A bound no running process stays under: the first sample of the event loop puts it over.
    const pressed = await h.app({ API_MAX_EVENT_LOOP_DELAY_MS: 0, API_MAX_EVENT_LOOP_UTILIZATION: 0.000001 });
    const shed = await (async () => {
      for (;;) {
        const res = await pressed.inject({ url: '/figures' });
        if (res.statusCode === 503) return res;
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    expect(shed.json()).toMatchObject({ code: 'TALLY_ERR_OVERLOADED' });
    expect(shed.headers['retry-after']).toBe('10');
    expect((await pressed.inject({ url: '/readyz' })).statusCode).toBe(503);
    expect((await pressed.inject({ url: '/healthz' })).statusCode).toBe(200);
    expect((await pressed.inject({ url: '/metrics', headers: auth })).statusCode).toBe(200);
  });
});
