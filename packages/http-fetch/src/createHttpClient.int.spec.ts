import type { lookup as dnsLookup, LookupAddress } from 'node:dns';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createHostLimiter } from './createHostLimiter.ts';
import { createHttpClient, type HttpClient, type HttpClientOptions } from './createHttpClient.ts';
import { FetchError } from './FetchError.ts';

const MiB = 1024 * 1024;
const feedXml = '<?xml version="1.0"?><rss version="2.0"><channel><title>Local news</title></channel></rss>';
const feedEtag = '"feed-v1"';
const feedLastModified = 'Wed, 01 Jan 2025 08:00:00 GMT';

/** Requests seen by the server, by path. */
const hits = new Map<string, number>();
const userAgents: string[] = [];
let server: Server;
let base: string;
let port: number;
// 16 MiB of zeros as one gzip member (about 16 KiB); 64 members back to back are a valid 1 GiB gzip body.
const bombMember = gzipSync(Buffer.alloc(16 * MiB));

async function writeWithBackpressure(res: ServerResponse, chunk: Buffer, times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    if (res.destroyed || res.writableEnded) return;
    if (!res.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    }
  }
  if (!res.destroyed) res.end();
}

function route(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', base);
  const path = url.pathname;
  hits.set(path, (hits.get(path) ?? 0) + 1);
  userAgents.push(req.headers['user-agent'] ?? '');
  const send = (status: number, headers: Record<string, string | number> = {}, body: string | Buffer = '') => {
    res.writeHead(status, headers);
    res.end(body);
  };

  switch (true) {
    case path === '/feed':
      send(
        200,
        {
          'content-type': 'application/rss+xml; charset=utf-8',
          'cache-control': 'public, max-age=900',
          age: '100',
          expires: 'Wed, 01 Jan 2025 09:00:00 GMT',
        },
        feedXml,
      );
      return;
    case path === '/etag':
      if (req.headers['if-none-match'] === feedEtag) send(304, { etag: feedEtag });
      else send(200, { etag: feedEtag, 'content-type': 'application/rss+xml' }, feedXml);
      return;
    case path === '/etag-quiet-304':
      // Some servers answer 304 without repeating the validator.
      if (req.headers['if-none-match'] === feedEtag) send(304);
      else send(200, { etag: feedEtag }, feedXml);
      return;
    case path === '/last-modified':
      if (req.headers['if-modified-since'] === feedLastModified) send(304);
      else send(200, { 'last-modified': feedLastModified }, feedXml);
      return;
    case path === '/429':
      send(429, { 'retry-after': '120' }, 'slow down');
      return;
    case path === '/429-date':
      send(429, { 'retry-after': new Date(Date.now() + 3_600_000).toUTCString() });
      return;
    case path === '/503':
      send(503, { 'retry-after': '30' }, 'maintenance');
      return;
    case path === '/500':
      send(500, {}, 'boom');
      return;
    case path.startsWith('/status/'):
      send(Number(path.slice('/status/'.length)), {}, 'status page');
      return;
    // relative, then absolute, then the document: one 302 in the chain
    case path === '/chain/start':
      send(302, { location: 'next?from=start' });
      return;
    case path === '/chain/next':
      send(301, { location: `${base}/chain/end` });
      return;
    case path === '/chain/end':
      send(200, { 'content-type': 'text/plain' }, 'end of chain');
      return;
    case path === '/moved/a':
      send(301, { location: '/moved/b' });
      return;
    case path === '/moved/b':
      send(308, { location: `${base}/feed` });
      return;
    case path === '/loop/a':
      send(302, { location: '/loop/b' });
      return;
    case path === '/loop/b':
      send(302, { location: '/loop/a' });
      return;
    case path.startsWith('/hops/'): {
      // /hops/N redirects N more times, then serves the document.
      const left = Number(path.slice('/hops/'.length));
      if (left === 0) send(200, {}, 'arrived');
      else send(302, { location: `/hops/${left - 1}` });
      return;
    }
    case path === '/redirect-no-location':
      send(302);
      return;
    case path === '/redirect-to-ftp':
      send(302, { location: 'ftp://files.example/feed.xml' });
      return;
    case path === '/redirect-to-ipv6-loopback':
      send(302, { location: `http://[::1]:${port}/feed` });
      return;
    case path === '/redirect-to-internal-name':
      send(301, { location: `http://intranet.test:${port}/admin` });
      return;
    case path === '/redirect-to-mapped-loopback':
      send(302, { location: `http://[::ffff:127.0.0.2]:${port}/feed` });
      return;
    case path === '/slow': {
      // 5 chunks, 60 ms apart: slow, but well within the budget.
      res.writeHead(200, { 'content-type': 'text/plain' });
      let n = 0;
      const timer = setInterval(() => {
        n++;
        res.write(`chunk ${n}\n`);
        if (n === 5) {
          clearInterval(timer);
          res.end();
        }
      }, 60);
      res.on('close', () => clearInterval(timer));
      return;
    }
    case path === '/stall-after-headers':
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('a first line, then nothing\n');
      return; // never ends
    case path === '/stall-before-headers':
      return; // never answers
    case path === '/big-declared':
      res.writeHead(200, { 'content-length': 8 * MiB });
      res.write(Buffer.alloc(64 * 1024)); // then waits: the client must not wait for the rest
      return;
    case path === '/big-chunked':
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      void writeWithBackpressure(res, Buffer.alloc(64 * 1024, 0x61), 64); // 4 MiB, no length
      return;
    case path === '/gzip-bomb':
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' });
      void writeWithBackpressure(res, bombMember, 64); // 1 GiB once inflated
      return;
    case path === '/deflate-raw-bomb':
      res.writeHead(200, { 'content-encoding': 'deflate' });
      res.end(deflateRawSync(Buffer.alloc(32 * MiB)));
      return;
    case path === '/gzip':
      send(200, { 'content-encoding': 'gzip' }, gzipSync(feedXml));
      return;
    case path === '/deflate':
      send(200, { 'content-encoding': 'deflate' }, deflateSync(feedXml));
      return;
    case path === '/deflate-raw':
      send(200, { 'content-encoding': 'deflate' }, deflateRawSync(feedXml));
      return;
    case path === '/br':
      send(200, { 'content-encoding': 'br' }, brotliCompressSync(feedXml));
      return;
    case path === '/gzip-corrupt':
      send(
        200,
        { 'content-encoding': 'gzip' },
        Buffer.concat([gzipSync(feedXml).subarray(0, 10), Buffer.from('garbage!')]),
      );
      return;
    case path === '/reset':
      req.socket.destroy();
      return;
    default:
      send(404, {}, 'no such page');
  }
}

const clients: HttpClient[] = [];
function client(overrides: Partial<HttpClientOptions> = {}): HttpClient {
  const c = createHttpClient({
    userAgent: 'TallyTest/1.0 (+https://example.org/tally)',
    connectTimeoutMs: 1_000,
    totalTimeoutMs: 2_000,
    maxBodyBytes: MiB,
    maxRedirects: 5,
    allow: ['127.0.0.1'],
    ...overrides,
  });
  clients.push(c);
  return c;
}

/** A resolver that knows only the names given (and answers ENOTFOUND for the rest). */
function fakeLookup(names: Record<string, string[]>, calls?: string[]): typeof dnsLookup {
  const fake = (hostname: string, _options: unknown, callback: (...args: unknown[]) => void) => {
    calls?.push(hostname);
    const addresses = names[hostname];
    if (!addresses) {
      callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname }));
      return;
    }
    const all: LookupAddress[] = addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    setImmediate(() => callback(null, all));
  };
  return fake as unknown as typeof dnsLookup;
}

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof FetchError) return err;
    throw err;
  }
  throw new Error('expected the fetch to fail');
}

beforeAll(async () => {
  server = createServer(route);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('a plain fetch', () => {
  it('returns the body with the server hints, and says who is asking', async () => {
    const res = await client().get({ url: `${base}/feed#ignored-fragment` });
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe(feedXml);
    expect(res.url).toBe(`${base}/feed`);
    expect(res.contentType).toBe('application/rss+xml; charset=utf-8');
    expect(res.cacheMaxAgeSec).toBe(800);
    expect(res.expiresAt).toBe('2025-01-01T09:00:00.000Z');
    expect(res.notModified).toBe(false);
    expect(res.redirects).toEqual([]);
    expect(res.permanentRedirectTo).toBeNull();
    expect(res.durationMs).toBeGreaterThanOrEqual(0);
    expect(userAgents.at(-1)).toBe('TallyTest/1.0 (+https://example.org/tally)');
  });

  it.each(['gzip', 'deflate', 'deflate-raw', 'br'])('decodes a %s body', async (encoding) => {
    const res = await client().get({ url: `${base}/${encoding}` });
    expect(res.body.toString()).toBe(feedXml);
  });

  it('rejects a corrupt gzip body as bad-encoding', async () => {
    const err = await failure(client().get({ url: `${base}/gzip-corrupt` }));
    expect(err.reason).toBe('bad-encoding');
  });
});

describe('conditional GET', () => {
  it('sends the ETag back and takes 304 as "not modified", not as an error', async () => {
    const c = client();
    const first = await c.get({ url: `${base}/etag` });
    expect(first.etag).toBe(feedEtag);
    const second = await c.get({ url: `${base}/etag`, etag: first.etag });
    expect(second.status).toBe(304);
    expect(second.notModified).toBe(true);
    expect(second.body.length).toBe(0);
    expect(second.etag).toBe(feedEtag);
  });

  it('keeps the ETag that was sent when the 304 does not repeat it', async () => {
    const res = await client().get({ url: `${base}/etag-quiet-304`, etag: feedEtag });
    expect(res.notModified).toBe(true);
    expect(res.etag).toBe(feedEtag);
  });

  it('sends Last-Modified back as If-Modified-Since', async () => {
    const c = client();
    const first = await c.get({ url: `${base}/last-modified` });
    expect(first.lastModified).toBe(feedLastModified);
    const second = await c.get({ url: `${base}/last-modified`, lastModified: first.lastModified });
    expect(second.notModified).toBe(true);
    expect(second.lastModified).toBe(feedLastModified);
  });
});

describe('HTTP errors', () => {
  it('429 is transient and carries Retry-After in seconds', async () => {
    const err = await failure(client().get({ url: `${base}/429` }));
    expect(err).toMatchObject({ reason: 'http-429', httpStatus: 429, retryAfterMs: 120_000, permanent: false });
  });

  it('429 with an HTTP-date Retry-After', async () => {
    const err = await failure(client().get({ url: `${base}/429-date` }));
    expect(err.reason).toBe('http-429');
    expect(err.retryAfterMs).toBeGreaterThan(3_500_000);
    expect(err.retryAfterMs).toBeLessThanOrEqual(3_600_000);
  });

  it('503 is a transient http-5xx with its Retry-After; 500 too, without one', async () => {
    const c = client();
    expect(await failure(c.get({ url: `${base}/503` }))).toMatchObject({
      reason: 'http-5xx',
      httpStatus: 503,
      retryAfterMs: 30_000,
      permanent: false,
    });
    expect(await failure(c.get({ url: `${base}/500` }))).toMatchObject({
      reason: 'http-5xx',
      retryAfterMs: null,
      permanent: false,
    });
  });

  it.each([
    [404, 'http-404', true],
    [410, 'http-410', true],
    [403, 'http-4xx', true],
    [451, 'http-4xx', true],
    [408, 'timeout', false],
  ])('%i → %s (permanent: %s)', async (status, reason, permanent) => {
    const err = await failure(client().get({ url: `${base}/status/${status}` }));
    expect(err).toMatchObject({ reason, permanent, httpStatus: status, url: `${base}/status/${status}` });
  });
});

describe('redirects', () => {
  it('follows relative and absolute Locations and records each hop', async () => {
    const res = await client().get({ url: `${base}/chain/start` });
    expect(res.body.toString()).toBe('end of chain');
    expect(res.url).toBe(`${base}/chain/end`);
    expect(res.redirects).toEqual([
      { url: `${base}/chain/start`, status: 302 },
      { url: `${base}/chain/next?from=start`, status: 301 },
    ]);
    expect(res.permanentRedirectTo).toBeNull(); // a 302 in the chain: the old URL stays
  });

  it('reports where a chain of 301/308 leads, so the feed URL can move', async () => {
    const res = await client().get({ url: `${base}/moved/a` });
    expect(res.redirects.map((r) => r.status)).toEqual([301, 308]);
    expect(res.permanentRedirectTo).toBe(`${base}/feed`);
  });

  it('stops a loop as redirect-loop', async () => {
    const err = await failure(client().get({ url: `${base}/loop/a` }));
    expect(err).toMatchObject({ reason: 'redirect-loop', permanent: true });
  });

  it('follows exactly maxRedirects hops, and fails one beyond', async () => {
    const c = client({ maxRedirects: 5 });
    expect((await c.get({ url: `${base}/hops/5` })).body.toString()).toBe('arrived');
    const err = await failure(c.get({ url: `${base}/hops/6` }));
    expect(err).toMatchObject({ reason: 'too-many-redirects', permanent: true });
  });

  it('refuses a redirect to a non-http scheme and one without Location', async () => {
    const c = client();
    expect((await failure(c.get({ url: `${base}/redirect-to-ftp` }))).reason).toBe('invalid-url');
    expect((await failure(c.get({ url: `${base}/redirect-no-location` }))).reason).toBe('malformed');
  });
});

describe('timeouts', () => {
  it('waits for a slow response that keeps coming', async () => {
    const res = await client({ totalTimeoutMs: 5_000 }).get({ url: `${base}/slow` });
    expect(res.body.toString().split('\n').filter(Boolean)).toHaveLength(5);
  });

  it('gives up on a body that stalls after its headers', async () => {
    const err = await failure(client({ totalTimeoutMs: 300 }).get({ url: `${base}/stall-after-headers` }));
    expect(err).toMatchObject({ reason: 'timeout', permanent: false });
  });

  it('counts name resolution in the connect timeout', { timeout: 5_000 }, async () => {
    const hanging = ((_host: string, _options: unknown, _callback: unknown) => {}) as unknown as typeof dnsLookup;
    const c = client({ connectTimeoutMs: 200, totalTimeoutMs: 60_000, lookup: hanging });
    const err = await failure(c.get({ url: 'http://hangs.test/feed' }));
    expect(err).toMatchObject({ reason: 'timeout', permanent: false });
  });

  it('gives up on a server that never answers', async () => {
    const err = await failure(client({ totalTimeoutMs: 300 }).get({ url: `${base}/stall-before-headers` }));
    expect(err.reason).toBe('timeout');
  });
});

describe('size caps', () => {
  it('refuses a body whose Content-Length is over the cap without reading it', async () => {
    const err = await failure(client().get({ url: `${base}/big-declared` }));
    expect(err).toMatchObject({ reason: 'too-large', permanent: true });
  });

  it('stops a body without Content-Length once it passes the cap', async () => {
    const err = await failure(client().get({ url: `${base}/big-chunked` }));
    expect(err.reason).toBe('too-large');
  });

  it('takes a per-request cap over the client one', async () => {
    const res = await client({ maxBodyBytes: 10 }).get({ url: `${base}/feed`, maxBodyBytes: MiB });
    expect(res.body.toString()).toBe(feedXml);
    expect((await failure(client().get({ url: `${base}/feed`, maxBodyBytes: 10 }))).reason).toBe('too-large');
  });

  it('stops a gzip bomb (1 GiB of zeros) at the decompressed cap', async () => {
    const err = await failure(client().get({ url: `${base}/gzip-bomb` }));
    expect(err.reason).toBe('too-large');
    expect(err.message).toContain('(decoded)'); // caught while inflating, not by the wire count
  });

  it('stops a raw-deflate bomb whose compressed size is under the cap', async () => {
    const err = await failure(client().get({ url: `${base}/deflate-raw-bomb` }));
    expect(err.reason).toBe('too-large');
    expect(err.message).toContain('(decoded)');
  });
});

describe('SSRF guard', () => {
  it('refuses localhost unless allowlisted', async () => {
    const before = hits.get('/feed') ?? 0;
    const err = await failure(client({ allow: [] }).get({ url: `http://localhost:${port}/feed` }));
    expect(err).toMatchObject({ reason: 'refused-address', permanent: true });
    expect(hits.get('/feed') ?? 0).toBe(before); // never reached the server
    const allowed = await client({ allow: ['localhost'] }).get({ url: `http://localhost:${port}/feed` });
    expect(allowed.body.toString()).toBe(feedXml);
  });

  it('refuses a name that resolves to 127.0.0.1 unless its address or name is allowlisted', async () => {
    const lookup = fakeLookup({ 'news.test': ['127.0.0.1'] });
    const url = `http://news.test:${port}/feed`;
    expect((await failure(client({ allow: [], lookup }).get({ url }))).reason).toBe('refused-address');
    expect((await client({ allow: ['127.0.0.1'], lookup }).get({ url })).body.toString()).toBe(feedXml);
    expect((await client({ allow: ['news.test'], lookup }).get({ url })).body.toString()).toBe(feedXml);
  });

  it('refuses the whole name when any of its addresses is refused', async () => {
    // 127.0.0.1 is allowed here, 127.0.0.2 is not: one bad answer spoils the name.
    const lookup = fakeLookup({ 'mixed.test': ['127.0.0.1', '127.0.0.2'] });
    const err = await failure(client({ allow: ['127.0.0.1'], lookup }).get({ url: `http://mixed.test:${port}/feed` }));
    expect(err.reason).toBe('refused-address');
  });

  it('resolves a name once per connection and connects to what it checked', async () => {
    const calls: string[] = [];
    const lookup = fakeLookup({ 'once.test': ['127.0.0.1'] }, calls);
    const res = await client({ lookup }).get({ url: `http://once.test:${port}/feed` });
    expect(res.status).toBe(200);
    expect(calls).toEqual(['once.test']);
  });

  it('refuses IPv6 loopback, literal or resolved, and IPv4-mapped loopback', async () => {
    const c = client({ allow: [], lookup: fakeLookup({ 'six.test': ['::1'] }) });
    expect((await failure(c.get({ url: `http://[::1]:${port}/feed` }))).reason).toBe('refused-address');
    expect((await failure(c.get({ url: `http://[::ffff:127.0.0.1]:${port}/feed` }))).reason).toBe('refused-address');
    expect((await failure(c.get({ url: `http://six.test:${port}/feed` }))).reason).toBe('refused-address');
    // 2130706433 is 127.0.0.1 written as one number; URL parsing normalises it before the guard looks.
    expect((await failure(c.get({ url: `http://2130706433:${port}/feed` }))).reason).toBe('refused-address');
  });

  it('lets an address or name allowlisted with a port through on that port only', async () => {
    // A second server on loopback stands for another service of the machine (Tally's own API).
    const other = createServer((_req, res) => res.writeHead(200).end('operator page'));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const otherPort = (other.address() as AddressInfo).port;
    try {
      const byAddress = client({ allow: [`127.0.0.1:${port}`] });
      expect((await byAddress.get({ url: `http://127.0.0.1:${port}/feed` })).body.toString()).toBe(feedXml);
      const before = hits.get('/feed') ?? 0;
      expect(await failure(byAddress.get({ url: `http://127.0.0.1:${otherPort}/pipeline` }))).toMatchObject({
        reason: 'refused-address',
      });
      // A name resolving to the address is not the address: the port entry names a URL's address.
      const lookup = fakeLookup({ 'news.test': ['127.0.0.1'] });
      const viaName = client({ allow: [`127.0.0.1:${port}`], lookup });
      expect((await failure(viaName.get({ url: `http://news.test:${port}/feed` }))).reason).toBe('refused-address');
      expect(hits.get('/feed') ?? 0).toBe(before);

      const byName = client({ allow: [`news.test:${port}`], lookup });
      expect((await byName.get({ url: `http://news.test:${port}/feed` })).body.toString()).toBe(feedXml);
      expect((await failure(byName.get({ url: `http://news.test:${otherPort}/pipeline` }))).reason).toBe(
        'refused-address',
      );
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it('checks every redirect hop: an allowed host cannot redirect into a refused one', async () => {
    // Refused targets stay on loopback (127.0.0.2 is not allowlisted), so a broken guard cannot send traffic out.
    const lookup = fakeLookup({ 'intranet.test': ['127.0.0.2'] });
    const c = client({ allow: ['127.0.0.1'], lookup });
    const toLoopback6 = await failure(c.get({ url: `${base}/redirect-to-ipv6-loopback` }));
    expect(toLoopback6).toMatchObject({ reason: 'refused-address', url: `http://[::1]:${port}/feed` });
    const toIntranet = await failure(c.get({ url: `${base}/redirect-to-internal-name` }));
    expect(toIntranet).toMatchObject({ reason: 'refused-address', url: `http://intranet.test:${port}/admin` });
    const toMapped = await failure(c.get({ url: `${base}/redirect-to-mapped-loopback` }));
    expect(toMapped.reason).toBe('refused-address');
    expect(hits.get('/admin')).toBeUndefined();
  });
});

describe('network failures', () => {
  it('an unknown name is dns', async () => {
    const err = await failure(client({ lookup: fakeLookup({}) }).get({ url: 'http://nowhere.test/feed' }));
    expect(err).toMatchObject({ reason: 'dns', permanent: false });
  });

  it('a refused connection and a reset are connection', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const c = client();
    expect(await failure(c.get({ url: `http://127.0.0.1:${closedPort}/` }))).toMatchObject({
      reason: 'connection',
      permanent: false,
    });
    expect((await failure(c.get({ url: `${base}/reset` }))).reason).toBe('connection');
  });

  it.each(['not a url', 'ftp://files.example/feed.xml', 'file:///etc/passwd', 'javascript:alert(1)', 'http://'])(
    'invalid URL %j is invalid-url',
    async (url) => {
      const err = await failure(client().get({ url }));
      expect(err).toMatchObject({ reason: 'invalid-url', permanent: true });
    },
  );
});

describe('with a host limiter', () => {
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(inject('redisUrl'), { maxRetriesPerRequest: 1 });
  });
  afterAll(async () => {
    await redis.quit();
  });

  it('a 429 puts the host on hold for every client sharing the limiter', async () => {
    const prefix = `test-http-${process.pid}-${Date.now()}`;
    const limiterA = createHostLimiter(redis, { prefix, concurrency: 2, intervalMs: 0, maxWaitMs: 100 });
    const limiterB = createHostLimiter(redis, { prefix, concurrency: 2, intervalMs: 0, maxWaitMs: 100 });
    const first = await failure(client({ limiter: limiterA }).get({ url: `${base}/429` }));
    expect(first.retryAfterMs).toBe(120_000);

    const served = hits.get('/feed') ?? 0;
    const held = await failure(client({ limiter: limiterB }).get({ url: `${base}/feed` }));
    expect(held.reason).toBe('http-429');
    expect(held.httpStatus).toBeNull(); // the host was never asked
    expect(held.retryAfterMs).toBeGreaterThan(100_000);
    expect(hits.get('/feed') ?? 0).toBe(served);
  });
});
