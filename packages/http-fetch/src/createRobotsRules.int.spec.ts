import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createHostLimiter, HostUnavailableError } from './createHostLimiter.ts';
import { createHttpClient, type HttpClient } from './createHttpClient.ts';
import { createRobotsRules, productToken, type RobotsRulesOptions } from './createRobotsRules.ts';
import { FetchError } from './FetchError.ts';

const UA = 'TallyBot/0.1 (+https://github.com/tally-news/tally)';

interface Site {
  origin: string;
  /** Requests by path. */
  hits: Map<string, number>;
  /** What /robots.txt answers; swapped by the tests. */
  robots: (req: IncomingMessage, res: ServerResponse) => void;
}

const servers: Server[] = [];
let http: HttpClient;
let redis: Redis;

/** A site of its own on 127.0.0.1 (its own port, so its own origin): pages answer 200, or redirect. */
async function site(robots: Site['robots']): Promise<Site> {
  const s: Site = { origin: '', hits: new Map(), robots };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    s.hits.set(path, (s.hits.get(path) ?? 0) + 1);
    if (path === '/robots.txt') return s.robots(req, res);
    if (path.startsWith('/moved/')) {
      res.writeHead(301, { location: path.replace('/moved/', '/') }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>page</body></html>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  s.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return s;
}

const text =
  (body: string | Buffer, headers: Record<string, string> = {}) =>
  (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'text/plain', ...headers }).end(body);
  };
const status = (code: number) => (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(code, { 'content-type': 'text/plain' }).end('no');
};

/** A clock the tests move by hand: expiry is tested without waiting. */
function clock() {
  let t = Date.parse('2026-12-06T12:00:00Z');
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

function rules(extra: Partial<RobotsRulesOptions> = {}) {
  return createRobotsRules({ http, userAgent: UA, ...extra });
}

async function refusal(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof FetchError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

beforeAll(() => {
  http = createHttpClient({
    userAgent: UA,
    connectTimeoutMs: 2000,
    totalTimeoutMs: 1500,
    maxBodyBytes: 5 * 1024 * 1024,
    maxRedirects: 5,
    allow: ['127.0.0.1'],
  });
  redis = new Redis(inject('redisUrl'), { maxRetriesPerRequest: 1 });
});
afterAll(async () => {
  await http.close();
  await redis.quit();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

const groups = [
  'User-agent: *',
  'Disallow: /private/',
  '',
  'User-agent: tallybot',
  'Disallow: /archive/',
  'Allow: /archive/open/',
  '',
  'User-agent: OtherBot',
  'Disallow: /',
].join('\n');

describe('createRobotsRules', () => {
  it('takes the product token from the User-Agent', () => {
    expect(productToken(UA)).toBe('TallyBot');
    expect(productToken('  NewsReader bot')).toBe('NewsReader');
    expect(() => productToken('   ')).toThrow(RangeError);
  });

  it("obeys the group naming its product token (case-insensitive) over *, and not other bots' groups", async () => {
    const s = await site(text(groups));
    const robots = rules();
    const disallowed = await refusal(robots.check(`${s.origin}/archive/2024/story`));
    expect(disallowed).toMatchObject({ reason: 'robots-disallowed', permanent: true });
    expect(disallowed.message).toContain('/archive/2024/story');
    expect(disallowed.message).toContain('TallyBot');
    await robots.check(`${s.origin}/archive/open/story`); // the longer Allow wins
    await robots.check(`${s.origin}/private/story`); // * does not apply: our group exists
    await robots.check(`${s.origin}/news/story`);
    // One fetch of robots.txt for all four checks.
    expect(s.hits.get('/robots.txt')).toBe(1);
  });

  it('falls back to the * group when no group names the token', async () => {
    const s = await site(text('User-agent: *\nDisallow: /private/\n'));
    const robots = rules();
    expect(await refusal(robots.check(`${s.origin}/private/a`))).toMatchObject({ reason: 'robots-disallowed' });
    await robots.check(`${s.origin}/public/a`);
  });

  it('allows everything when robots.txt is missing (404, 410, other 4xx)', async () => {
    for (const code of [404, 410, 403]) {
      const s = await site(status(code));
      const robots = rules();
      await robots.check(`${s.origin}/anything`);
      await robots.check(`${s.origin}/else`);
      expect(s.hits.get('/robots.txt'), String(code)).toBe(1);
    }
  });

  it('disallows everything while robots.txt answers 5xx or 429 (transiently), and obeys it once it reads', async () => {
    const c = clock();
    const s = await site(status(503));
    const robots = rules({ now: c.now, unavailableTtlMs: 10_000 });
    const unavailable = await refusal(robots.check(`${s.origin}/news/a`));
    expect(unavailable).toMatchObject({ reason: 'robots-unavailable', permanent: false, httpStatus: 503 });
    // Remembered for a while: no request per check.
    await refusal(robots.check(`${s.origin}/news/b`));
    expect(s.hits.get('/robots.txt')).toBe(1);

    s.robots = status(429);
    c.advance(10_001);
    expect(await refusal(robots.check(`${s.origin}/news/a`))).toMatchObject({ reason: 'robots-unavailable' });

    s.robots = text('User-agent: *\nDisallow: /private/\n');
    c.advance(10_001);
    await robots.check(`${s.origin}/news/a`);
    expect(await refusal(robots.check(`${s.origin}/private/a`))).toMatchObject({ reason: 'robots-disallowed' });
  });

  it('disallows everything while robots.txt times out', async () => {
    const s = await site(() => {
      // Never answers: the client's total timeout ends it.
    });
    expect(await refusal(rules().check(`${s.origin}/news/a`))).toMatchObject({
      reason: 'robots-unavailable',
      permanent: false,
    });
  });

  it('keeps an earlier copy in force while robots.txt cannot be read', async () => {
    const c = clock();
    const s = await site(text('User-agent: *\nDisallow: /private/\n', { 'cache-control': 'max-age=300' }));
    const robots = rules({ now: c.now });
    await robots.check(`${s.origin}/news/a`);
    s.robots = status(500);
    c.advance(301_000);
    await robots.check(`${s.origin}/news/b`);
    expect(await refusal(robots.check(`${s.origin}/private/a`))).toMatchObject({ reason: 'robots-disallowed' });
    expect(s.hits.get('/robots.txt')).toBe(2);
  });

  it('believes a copy for as long as its HTTP caching says, within 1 minute and 24 hours', async () => {
    const c = clock();
    const s = await site(text('User-agent: *\nDisallow: /old/\n', { 'cache-control': 'public, max-age=600' }));
    const robots = rules({ now: c.now });
    await refusal(robots.check(`${s.origin}/old/a`));
    s.robots = text('User-agent: *\nDisallow: /new/\n', { 'cache-control': 'no-cache' });
    c.advance(599_000);
    await refusal(robots.check(`${s.origin}/old/a`)); // still the first copy
    c.advance(2000);
    await robots.check(`${s.origin}/old/a`); // the second copy
    await refusal(robots.check(`${s.origin}/new/a`));
    expect(s.hits.get('/robots.txt')).toBe(2);
    // no-cache is held for the lower bound, not refetched before every page.
    c.advance(30_000);
    await refusal(robots.check(`${s.origin}/new/b`));
    expect(s.hits.get('/robots.txt')).toBe(2);
    c.advance(31_000);
    await refusal(robots.check(`${s.origin}/new/b`));
    expect(s.hits.get('/robots.txt')).toBe(3);

    // A year of max-age is held for a day at most.
    s.robots = text('User-agent: *\nDisallow: /year/\n', { 'cache-control': 'max-age=31536000' });
    c.advance(61_000);
    await refusal(robots.check(`${s.origin}/year/a`));
    c.advance(86_400_001);
    s.robots = status(404);
    await robots.check(`${s.origin}/year/a`);
    expect(s.hits.get('/robots.txt')).toBe(5);
  });

  it('reads robots.txt up to 500 KiB and ignores the rest', async () => {
    const filler = `# ${'x'.repeat(98)}\n`.repeat(5200); // 520,000 bytes of comments
    const body = `User-agent: *\nDisallow: /early/\n${filler}Disallow: /late/\n`;
    for (const compressed of [false, true]) {
      const s = await site(compressed ? text(gzipSync(body), { 'content-encoding': 'gzip' }) : text(body));
      const robots = rules();
      expect(await refusal(robots.check(`${s.origin}/early/a`))).toMatchObject({ reason: 'robots-disallowed' });
      await robots.check(`${s.origin}/late/a`);
    }
  });

  it('shares one fetch among concurrent checks of an origin', async () => {
    const s = await site((_req, res) => {
      setTimeout(() => res.writeHead(200).end('User-agent: *\nDisallow: /x/\n'), 50);
    });
    const robots = rules();
    await Promise.all(Array.from({ length: 8 }, (_, i) => robots.check(`${s.origin}/page/${i}`)));
    expect(s.hits.get('/robots.txt')).toBe(1);
  });

  it('checks every redirect hop of a page fetch, before its request is sent', async () => {
    const s = await site(text('User-agent: *\nDisallow: /hidden/\n'));
    const robots = rules();
    const res = await http.get({ url: `${s.origin}/moved/news/a`, beforeHop: robots.check });
    expect(res.status).toBe(200);
    const refused = await refusal(http.get({ url: `${s.origin}/moved/hidden/a`, beforeHop: robots.check }));
    expect(refused).toMatchObject({ reason: 'robots-disallowed', url: `${s.origin}/hidden/a` });
    expect(s.hits.get('/moved/hidden/a')).toBe(1);
    expect(s.hits.get('/hidden/a')).toBeUndefined();
  });

  it("widens the host's interval by its Crawl-delay for every worker sharing the limiter", async () => {
    const prefix = `test-robots-${randomUUID()}`;
    const limiter = createHostLimiter(redis, { prefix, concurrency: 4, intervalMs: 0, maxWaitMs: 0 });
    const other = createHostLimiter(redis, { prefix, concurrency: 4, intervalMs: 0, maxWaitMs: 0 });
    // Without a delay, back-to-back slots are granted.
    await (await other.acquire('127.0.0.1'))();
    await (await other.acquire('127.0.0.1'))();

    const s = await site(text('User-agent: TallyBot\nCrawl-delay: 5\nDisallow: /x/\n'));
    await rules({ limiter }).check(`${s.origin}/news/a`);
    await (await other.acquire('127.0.0.1'))();
    const waited = await other.acquire('127.0.0.1').then(
      () => null,
      (err: unknown) => err,
    );
    expect(waited).toBeInstanceOf(HostUnavailableError);
    expect((waited as HostUnavailableError).penalized).toBe(false);
    // Other hosts keep their own pace.
    await (await other.acquire('news.example'))();
    await (await other.acquire('news.example'))();
  });
});
