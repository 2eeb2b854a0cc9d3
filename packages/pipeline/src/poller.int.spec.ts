import { gzipSync } from 'node:zlib';
import type { EventStore } from '@tally/event-store';
import { articleIdFor, makeEvent, type StoredEvent, streams } from '@tally/events';
import { canonicalUrl } from '@tally/feeds';
import type {} from '@tally/local-services/vitest-setup';
import { type Logger, silentLogger } from '@tally/logger';
import { createProjectionReader, createProjector } from '@tally/projection-store';
import { describe, expect, inject, it } from 'vitest';
import { createFeedCommands } from './feedCommands.ts';
import { forSuite, openFeedRuntime } from './feedRuntime.ts';
import { conditional, numberedItems, rssDocument, type TestItem } from './feedTestServer.ts';
import { type PollOutcome, pollFeed } from './poller.ts';
import type { Runtime } from './runtime.ts';

/** Feed commands over a log, without a poller of their own. */
const feedsOf = (store: EventStore) => createFeedCommands({ store });

interface LogRecord {
  level: string;
  msg: string;
  [key: string]: unknown;
}

/** A logger that keeps its records in memory, so a test can read what was logged and why. */
function recordingLogger(records: LogRecord[], bindings: Record<string, unknown> = {}): Logger {
  const at =
    (level: string) =>
    (obj: Record<string, unknown> | string, msg?: string): void => {
      if (typeof obj === 'string') records.push({ level, ...bindings, msg: obj });
      else records.push({ level, ...bindings, ...obj, msg: msg ?? '' });
    };
  return {
    level: 'debug',
    child: (more: Record<string, unknown>) => recordingLogger(records, { ...bindings, ...more }),
    isLevelEnabled: () => true,
    fatal: at('fatal'),
    error: at('error'),
    warn: at('warn'),
    info: at('info'),
    debug: at('debug'),
    trace: at('trace'),
  } as unknown as Logger;
}

/**
 * The poller against a local HTTP server, through `pollFeed` on a real runtime (real Redis, the
 * embedded log): every way a feed can answer ends as an event with a reason code, and the poller
 * goes on to the next feed.
 */
describe('pollFeed against a local feed server', () => {
  let slotCounter = 0;
  const TOTAL_TIMEOUT_MS = 1000;
  const MAX_BODY = 256 * 1024;
  const h = forSuite(() =>
    openFeedRuntime(inject('redisUrl'), {
      HTTP_HOST_CONCURRENCY: 8,
      HTTP_TOTAL_TIMEOUT_MS: TOTAL_TIMEOUT_MS,
      HTTP_CONNECT_TIMEOUT_MS: 1000,
      HTTP_MAX_BODY_BYTES: MAX_BODY,
    }),
  );

  const nextSlot = () => new Date(Date.UTC(2024, 0, 1) + ++slotCounter * 1000).toISOString();
  const register = async (url: string) => (await feedsOf(h.store).register({ url }, 'cli')).feedId;
  const pollOnce = (feedId: string, runtime: Runtime = h.rt, slot = nextSlot()): Promise<PollOutcome> =>
    pollFeed(runtime, { feedId, slot, reschedule: false, runId: null });
  const feedEvents = (feedId: string) => h.store.readStream(streams.feed(feedId));
  const lastOf = async <T extends StoredEvent['type']>(feedId: string, type: T) => {
    const found = (await feedEvents(feedId)).filter((e): e is Extract<StoredEvent, { type: T }> => e.type === type);
    return found.at(-1);
  };
  const lastFailure = async (feedId: string) => {
    const f = await lastOf(feedId, 'FeedPollFailed');
    expect(f, 'a FeedPollFailed event').toBeDefined();
    return f!.data;
  };
  const discoveredFor = async (links: readonly string[]) => {
    const out: StoredEvent[] = [];
    for (const link of links)
      out.push(...(await h.store.readStream(streams.article(articleIdFor(canonicalUrl(link)!)))));
    return out;
  };
  const serveRss = (path: string, items: readonly TestItem[]) =>
    h.server.route(path, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rssDocument(path, items));
    });

  describe('feed registry', () => {
    it('registers a feed once, and again after it was removed', async () => {
      const url = `${h.server.origin}/registry?b=2&a=1`;
      const first = await feedsOf(h.store).register({ url, title: 'Registry' }, 'cli');
      expect(first.created).toBe(true);
      expect((await feedsOf(h.store).register({ url }, 'api')).created).toBe(false);
      expect(await feedsOf(h.store).remove(first.feedId, 'test')).toBe(true);
      expect(await feedsOf(h.store).remove(first.feedId, 'test')).toBe(false);
      expect(await feedsOf(h.store).register({ url }, 'config')).toEqual({ feedId: first.feedId, created: true });
      expect((await feedsOf(h.store).register({ url }, 'cli')).created).toBe(false);
      const listed = (await feedsOf(h.store).list()).find((f) => f.feedId === first.feedId);
      expect(listed).toMatchObject({ removed: false, registrations: 2, url });
    });
  });

  describe('conditional GET', () => {
    it('answers the second poll with a 304 that records no item and parses nothing', async () => {
      const items = numberedItems('etag.example', 3);
      h.server.route(
        '/etag',
        conditional(() => rssDocument('ETag feed', items), { etag: () => '"v1"' }),
      );
      const feedId = await register(`${h.server.origin}/etag`);
      const first = await pollOnce(feedId);
      expect(first).toMatchObject({ status: 'polled', items: 3, newItems: 3 });
      expect((await lastOf(feedId, 'FeedPolled'))?.data).toMatchObject({
        notModified: false,
        etag: '"v1"',
        itemCount: 3,
      });
      const second = await pollOnce(feedId);
      expect(second).toMatchObject({ status: 'not-modified', items: 0, newItems: 0 });
      expect(h.server.requests.filter((r) => r.path === '/etag').at(-1)?.headers['if-none-match']).toBe('"v1"');
      const polled = await lastOf(feedId, 'FeedPolled');
      expect(polled?.data).toMatchObject({
        httpStatus: 304,
        notModified: true,
        itemCount: 0,
        newItemCount: 0,
        etag: '"v1"',
      });
      expect(
        (await discoveredFor(items.map((i) => i.link!))).filter((e) => e.type === 'ArticleDiscovered'),
      ).toHaveLength(3);
    });

    it('uses Last-Modified when the server gives no ETag', async () => {
      const lastModified = 'Fri, 03 May 2024 10:00:00 GMT';
      h.server.route(
        '/lm',
        conditional(() => rssDocument('LM feed', numberedItems('lm.example', 2)), { lastModified }),
      );
      const feedId = await register(`${h.server.origin}/lm`);
      expect((await pollOnce(feedId)).status).toBe('polled');
      expect((await pollOnce(feedId)).status).toBe('not-modified');
      expect(h.server.requests.filter((r) => r.path === '/lm').at(-1)?.headers['if-modified-since']).toBe(lastModified);
      expect((await lastOf(feedId, 'FeedPolled'))?.data).toMatchObject({ notModified: true, lastModified });
    });

    it('keeps the interval it learned from the items through later 304s', async () => {
      // Items six hours apart, newest just now: poll every three hours, 304 or not.
      const now = Date.now();
      const items = [0, 1, 2].map((n) => ({
        title: `Slow ${n}`,
        link: `https://slow.example/${n}`,
        pubDate: new Date(now - n * 6 * 3_600_000).toUTCString(),
      }));
      h.server.route(
        '/slow-cadence',
        conditional(() => rssDocument('Slow', items), { etag: () => '"s"' }),
      );
      const feedId = await register(`${h.server.origin}/slow-cadence`);
      await pollOnce(feedId);
      await pollOnce(feedId);
      const polls = (await feedEvents(feedId)).filter((e) => e.type === 'FeedPolled');
      expect(polls.map((p) => p.data.notModified)).toEqual([false, true]);
      for (const p of polls) {
        const intervalSec = (Date.parse(p.data.nextCheckAt) - Date.parse(p.recordedAt)) / 1000;
        expect(intervalSec).toBeGreaterThan(3 * 3600 - 60);
        expect(intervalSec).toBeLessThan(3 * 3600 + 60);
      }
    });

    it('takes the next check from the RSS ttl', async () => {
      h.server.route('/ttl', (_req, res) => {
        res.writeHead(200).end(rssDocument('TTL', numberedItems('ttl.example', 1), '<ttl>90</ttl>'));
      });
      const feedId = await register(`${h.server.origin}/ttl`);
      const before = Date.now();
      const outcome = await pollOnce(feedId);
      const next = Date.parse(outcome.nextCheckAt!);
      expect(next).toBeGreaterThanOrEqual(before + 90 * 60_000);
      expect(next).toBeLessThanOrEqual(Date.now() + 90 * 60_000);
    });
  });

  describe('politeness', () => {
    it('records a 429 with its reason, checks again after Retry-After, and leaves the host alone meanwhile', async () => {
      // A runtime of its own: the 429 puts its host under penalty in this runtime's limiter.
      const own = await h.openRuntime();
      h.server.route('/busy', (_req, res) => {
        res.writeHead(429, { 'retry-after': '120' }).end('slow down');
      });
      const feedId = await register(`${h.server.origin}/busy`);
      const before = Date.now();
      const outcome = await pollOnce(feedId, own);
      const after = Date.now();
      expect(outcome).toMatchObject({ status: 'failed', reason: 'http-429' });
      const failed = await lastFailure(feedId);
      expect(failed).toMatchObject({ reason: 'http-429', httpStatus: 429, consecutiveErrors: 1 });
      const next = Date.parse(failed.nextCheckAt);
      expect(next).toBeGreaterThanOrEqual(before + 120_000);
      expect(next).toBeLessThanOrEqual(after + 121_000);
      // Polled again before then (another slot): no request reaches the host, the failure counts.
      await pollOnce(feedId, own);
      expect(h.server.hits('/busy')).toBe(1);
      expect(await lastFailure(feedId)).toMatchObject({ reason: 'http-429', consecutiveErrors: 2 });
    });
  });

  describe('redirects', () => {
    it('follows a chain of temporary redirects without moving the feed', async () => {
      h.server.route('/chain/1', (_req, res) => res.writeHead(302, { location: '/chain/2' }).end());
      h.server.route('/chain/2', (_req, res) =>
        res.writeHead(307, { location: `${h.server.origin}/chain/feed` }).end(),
      );
      serveRss('/chain/feed', numberedItems('chain.example', 2));
      const feedId = await register(`${h.server.origin}/chain/1`);
      expect(await pollOnce(feedId)).toMatchObject({ status: 'polled', newItems: 2 });
      expect(await lastOf(feedId, 'FeedUrlChanged')).toBeUndefined();
    });

    it('records a 301 as FeedUrlChanged and polls the new URL from then on', async () => {
      h.server.route('/moved/old', (_req, res) => res.writeHead(301, { location: '/moved/new' }).end());
      serveRss('/moved/new', numberedItems('moved.example', 2));
      const feedId = await register(`${h.server.origin}/moved/old`);
      await pollOnce(feedId);
      expect((await lastOf(feedId, 'FeedUrlChanged'))?.data).toMatchObject({
        from: `${h.server.origin}/moved/old`,
        to: `${h.server.origin}/moved/new`,
        httpStatus: 301,
      });
      await pollOnce(feedId);
      await pollOnce(feedId);
      expect(h.server.hits('/moved/old')).toBe(1);
      expect(h.server.hits('/moved/new')).toBe(3);
      expect((await feedEvents(feedId)).filter((e) => e.type === 'FeedUrlChanged')).toHaveLength(1);
    });

    it('fails a redirect loop and a chain longer than five hops, with their reasons', async () => {
      h.server.route('/loop/a', (_req, res) => res.writeHead(302, { location: '/loop/b' }).end());
      h.server.route('/loop/b', (_req, res) => res.writeHead(302, { location: '/loop/a' }).end());
      for (let i = 0; i < 7; i++) {
        h.server.route(`/long/${i}`, (_req, res) => res.writeHead(302, { location: `/long/${i + 1}` }).end());
      }
      serveRss('/long/7', numberedItems('long.example', 1));
      const loop = await register(`${h.server.origin}/loop/a`);
      const long = await register(`${h.server.origin}/long/0`);
      expect(await pollOnce(loop)).toMatchObject({ status: 'failed', reason: 'redirect-loop' });
      expect(await pollOnce(long)).toMatchObject({ status: 'failed', reason: 'too-many-redirects' });
      expect(h.server.hits('/long/6')).toBe(0);
    });
  });

  describe('slow and hostile servers', () => {
    it('gives up on a body that trickles in slower than the time limit', async () => {
      h.server.route('/trickle', (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Slow</title>');
        const timer = setInterval(() => res.write('<!-- . -->'), 100);
        res.on('close', () => clearInterval(timer));
      });
      const feedId = await register(`${h.server.origin}/trickle`);
      expect(await pollOnce(feedId)).toMatchObject({ status: 'failed', reason: 'timeout' });
      expect(await lastFailure(feedId)).toMatchObject({ reason: 'timeout', consecutiveErrors: 1 });
    });

    it('gives up on a server that never answers', async () => {
      h.server.route('/stalled', () => {});
      const feedId = await register(`${h.server.origin}/stalled`);
      expect(await pollOnce(feedId)).toMatchObject({ status: 'failed', reason: 'timeout' });
    });

    it('stops a gzip bomb at the size cap', async () => {
      const bomb = gzipSync(Buffer.alloc(32 * 1024 * 1024, 0x20));
      expect(bomb.length).toBeLessThan(MAX_BODY);
      h.server.route('/bomb', (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }).end(bomb);
      });
      const feedId = await register(`${h.server.origin}/bomb`);
      expect(await pollOnce(feedId)).toMatchObject({ status: 'failed', reason: 'too-large' });
    });

    it('refuses bodies over the cap, declared or not', async () => {
      const big = rssDocument('Big', numberedItems('big.example', 1)).replace(
        '</channel>',
        `<!-- ${'x'.repeat(MAX_BODY)} --></channel>`,
      );
      h.server.route('/big-declared', (_req, res) =>
        res.writeHead(200, { 'content-length': Buffer.byteLength(big) }).end(big),
      );
      h.server.route('/big-chunked', (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        for (let i = 0; i < big.length; i += 16 * 1024) res.write(big.slice(i, i + 16 * 1024));
        res.end();
      });
      for (const path of ['/big-declared', '/big-chunked']) {
        const feedId = await register(`${h.server.origin}${path}`);
        expect(await pollOnce(feedId), path).toMatchObject({ status: 'failed', reason: 'too-large' });
      }
    });

    it('refuses a host name that resolves to a loopback address when it is not allowlisted', async () => {
      const guarded = await h.openRuntime({ HTTP_ALLOW: [] });
      h.server.route('/private', (_req, res) =>
        res.writeHead(200).end(rssDocument('Private', numberedItems('p.example', 1))),
      );
      const feedId = await register(`http://localhost:${h.server.port}/private`);
      expect(await pollOnce(feedId, guarded)).toMatchObject({ status: 'failed', reason: 'refused-address' });
      expect(h.server.hits('/private')).toBe(0);
    });
  });

  describe('what comes back is not a good feed', () => {
    it('records an HTML page as not-a-feed with the feeds it advertises', async () => {
      h.server.route('/page', (_req, res) => {
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(
            '<!doctype html><html><head><title>Home</title><link rel="alternate" type="application/rss+xml" href="/rss.xml"></head><body>Hello</body></html>',
          );
      });
      const feedId = await register(`${h.server.origin}/page`);
      expect(await pollOnce(feedId)).toMatchObject({ status: 'failed', reason: 'not-a-feed' });
      expect(await lastFailure(feedId)).toMatchObject({
        reason: 'not-a-feed',
        httpStatus: 200,
        advertisedFeeds: [`${h.server.origin}/rss.xml`],
      });
    });

    it('records a malformed feed', async () => {
      h.server.route('/broken-json', (_req, res) => {
        res
          .writeHead(200, { 'content-type': 'application/feed+json' })
          .end('{"version":"https://jsonfeed.org/version/1.1","items":[{"id":');
      });
      const feedId = await register(`${h.server.origin}/broken-json`);
      expect(await pollOnce(feedId)).toMatchObject({ status: 'failed', reason: 'malformed' });
    });

    it('discovers the good items of a feed with broken ones and logs why the others were skipped', async () => {
      const records: LogRecord[] = [];
      const log = recordingLogger(records);
      const logged = await h.openRuntime({}, { log });
      const good = numberedItems('mixed.example', 2);
      h.server.route('/mixed', (_req, res) => {
        const doc = rssDocument('Mixed', [
          good[0]!,
          { title: 'No link at all', guid: 'nolink-1' },
          { title: 'Script link', link: 'javascript:alert(1)' },
          { title: 'Bad date', link: 'https://mixed.example/bad-date', pubDate: 'the day after tomorrow' },
          good[1]!,
        ]);
        // And one item whose markup is cut off mid-way, with an unclosed element inside.
        res
          .writeHead(200)
          .end(
            doc.replace(
              '</channel>',
              '<item><title>Cut <b>off</title><link>https://mixed.example/cut</link></item></channel>',
            ),
          );
      });
      const feedId = await register(`${h.server.origin}/mixed`);
      const outcome = await pollOnce(feedId, logged);
      expect(outcome).toMatchObject({ status: 'polled', skippedItems: 2 });
      const links = [good[0]!.link!, good[1]!.link!, 'https://mixed.example/bad-date', 'https://mixed.example/cut'];
      const discovered = (await discoveredFor(links)).filter((e) => e.type === 'ArticleDiscovered');
      expect(discovered).toHaveLength(4);
      expect(discovered.find((e) => e.data.url === 'https://mixed.example/bad-date')?.data.publishedAt).toBeNull();
      const skipped = records.filter((l) => l.msg === 'feed item skipped');
      expect(skipped.map((l) => [l.reason, l.title])).toEqual([
        ['no-link', 'No link at all'],
        ['bad-link', 'Script link'],
      ]);
    });

    it('records the other items of a poll when the log refuses one of them', async () => {
      const records: LogRecord[] = [];
      const logged = await h.openRuntime({}, { log: recordingLogger(records) });
      const good = numberedItems('refused.example', 3);
      const tooLong = `https://refused.example/${'x'.repeat(9000)}`;
      h.server.route('/refused', (_req, res) => {
        res
          .writeHead(200)
          .end(rssDocument('Refused', [good[0]!, { title: 'Too long', link: tooLong }, good[1]!, good[2]!]));
      });
      const feedId = await register(`${h.server.origin}/refused`);
      const outcome = await pollOnce(feedId, logged);
      expect(outcome).toMatchObject({ status: 'polled', newItems: 3, skippedItems: 1 });
      const links = good.map((i) => i.link!);
      expect((await discoveredFor(links)).filter((e) => e.type === 'ArticleDiscovered')).toHaveLength(3);
      expect(records.filter((l) => l.msg === 'feed item skipped').map((l) => l.reason)).toEqual(['invalid']);
    });

    it('goes on polling after errors, backing off, and a success clears the feed health', async () => {
      let status = 500;
      h.server.route('/flaky', (_req, res) => {
        if (status === 200) res.writeHead(200).end(rssDocument('Flaky', numberedItems('flaky.example', 1)));
        else res.writeHead(status).end('nope');
      });
      const feedId = await register(`${h.server.origin}/flaky`);
      const intervals: number[] = [];
      for (const s of [500, 503, 404]) {
        status = s;
        const started = Date.now();
        const o = await pollOnce(feedId);
        intervals.push(Date.parse(o.nextCheckAt!) - started);
      }
      const failures = (await feedEvents(feedId)).filter((e) => e.type === 'FeedPollFailed');
      expect(failures.map((f) => [f.data.reason, f.data.consecutiveErrors])).toEqual([
        ['http-5xx', 1],
        ['http-5xx', 2],
        ['http-404', 3],
      ]);
      // Exponential backoff with jitter in the upper half: each interval at least the last one.
      expect(intervals[1]!).toBeGreaterThanOrEqual(intervals[0]! * 0.99);
      expect(intervals[2]!).toBeGreaterThanOrEqual(intervals[1]! * 0.99);
      const projector = createProjector(h.store, { logger: silentLogger }).start();
      try {
        await projector.caughtUp();
        let row = (await createProjectionReader(h.store).listFeeds()).find((f) => f.feedId === feedId);
        expect(row).toMatchObject({
          health: 'failing',
          consecutiveErrors: 3,
          lastReason: 'http-404',
          lastHttpStatus: 404,
        });
        status = 200;
        expect((await pollOnce(feedId)).status).toBe('polled');
        await projector.caughtUp();
        row = (await createProjectionReader(h.store).listFeeds()).find((f) => f.feedId === feedId);
        expect(row).toMatchObject({ health: 'ok', consecutiveErrors: 0 });
        expect(row?.lastSuccessAt).not.toBeNull();
      } finally {
        await projector.stop();
      }
    });
  });

  describe('item identity', () => {
    it('discovers an article listed by two feeds once and records it with both', async () => {
      const link = 'https://shared.example/story/1';
      serveRss('/shared/a', [{ title: 'Shared story', link, guid: 'a-1' }]);
      serveRss('/shared/b', [{ title: 'Shared story', link: `${link}?utm_source=feed#top`, guid: 'b-77' }]);
      const a = await register(`${h.server.origin}/shared/a`);
      const b = await register(`${h.server.origin}/shared/b`);
      expect((await pollOnce(a)).newItems).toBe(1);
      expect((await pollOnce(b)).newItems).toBe(0);
      await pollOnce(b);
      const events = await discoveredFor([link]);
      expect(events.map((e) => [e.type, 'feedId' in e.data ? e.data.feedId : null])).toEqual([
        ['ArticleDiscovered', a],
        ['ArticleListedByFeed', b],
      ]);
    });

    it('records a title edit as a revision of the same article, once', async () => {
      let title = 'Minister resigns';
      const link = 'https://edit.example/story/9';
      h.server.route('/edited', (_req, res) =>
        res.writeHead(200).end(rssDocument('Edits', [{ title, link, guid: 'e-9' }])),
      );
      const feedId = await register(`${h.server.origin}/edited`);
      await pollOnce(feedId);
      title = 'Minister resigns after vote';
      await pollOnce(feedId);
      await pollOnce(feedId);
      const events = await discoveredFor([link]);
      expect(events.map((e) => e.type)).toEqual(['ArticleDiscovered', 'ArticleRevised']);
      expect(events[1]!.data).toMatchObject({ title: 'Minister resigns after vote' });
    });

    it('appends nothing when a feed without validators answers 200 with the same items again', async () => {
      serveRss('/same', numberedItems('same.example', 20));
      const feedId = await register(`${h.server.origin}/same`);
      expect((await pollOnce(feedId)).newItems).toBe(20);
      const head = await h.store.head();
      const again = await pollOnce(feedId);
      expect(again).toMatchObject({ status: 'polled', items: 20, newItems: 0 });
      // The second poll's own FeedPolled, nothing else.
      expect((await h.store.head()) - head).toBe(1);
    });
  });

  describe('the feed changing under a poll', () => {
    it('records no poll and schedules none for a feed removed while it was being polled', async () => {
      let feedId = '';
      h.server.route('/removed-meanwhile', (_req, res) => {
        void feedsOf(h.store)
          .remove(feedId, 'test')
          .then(() => res.writeHead(200).end(rssDocument('Going', numberedItems('going.example', 1))));
      });
      feedId = await register(`${h.server.origin}/removed-meanwhile`);
      const outcome = await pollFeed(h.rt, { feedId, slot: nextSlot(), reschedule: true, runId: null });
      expect(outcome.status).toBe('skipped');
      expect((await feedEvents(feedId)).map((e) => e.type)).toEqual(['FeedRegistered', 'FeedRemoved']);
      const delayed = await h.rt.queues.queues.pollFeed.getJobs(['delayed']);
      expect(delayed.filter((j) => j.data.feedId === feedId)).toHaveLength(0);
    });

    it('stops polling a removed feed and polls it again once it is registered again', async () => {
      serveRss('/comeback', numberedItems('comeback.example', 1));
      const url = `${h.server.origin}/comeback`;
      const feedId = await register(url);
      expect((await pollOnce(feedId)).status).toBe('polled');
      await h.rt.feedCommands.remove(feedId, 'paused');
      expect((await pollOnce(feedId)).status).toBe('skipped');
      await feedsOf(h.store).register({ url }, 'cli');
      expect((await pollOnce(feedId)).status).toBe('polled');
      expect(h.server.hits('/comeback')).toBe(2);
    });

    it('counts the failures of two polls of one feed running at once one after the other', async () => {
      h.server.route('/down-twice', (_req, res) => void setTimeout(() => res.writeHead(502).end(), 30));
      const feedId = await register(`${h.server.origin}/down-twice`);
      await Promise.all([pollOnce(feedId), pollOnce(feedId)]);
      const failures = (await feedEvents(feedId)).filter((e) => e.type === 'FeedPollFailed');
      expect(failures.map((f) => f.data.consecutiveErrors)).toEqual([1, 2]);
    });

    it('polls a feed with a long history (12,000 polls) with its latest validators', async () => {
      h.server.route(
        '/old-feed',
        conditional(() => rssDocument('Old', numberedItems('old.example', 1)), { etag: () => '"latest"' }),
      );
      const feedId = await register(`${h.server.origin}/old-feed`);
      const url = `${h.server.origin}/old-feed`;
      for (let batch = 0; batch < 6; batch++) {
        await h.store.append(
          streams.feed(feedId),
          Array.from({ length: 2000 }, (_, k) => {
            const n = batch * 2000 + k;
            return makeEvent(
              'FeedPolled',
              {
                feedId,
                url,
                slot: `history-${n}`,
                httpStatus: 200,
                notModified: false,
                feedTitle: 'Old',
                itemCount: 1,
                newItemCount: 0,
                etag: n === 11_999 ? '"latest"' : `"v${n}"`,
                lastModified: null,
                nextCheckAt: new Date(Date.UTC(2023, 0, 1) + n * 300_000).toISOString(),
                durationMs: 3,
              },
              [feedId, `history-${n}`],
            );
          }),
        );
      }
      const outcome = await pollOnce(feedId);
      expect(outcome).toMatchObject({ status: 'not-modified' });
      expect(h.server.requests.filter((r) => r.path === '/old-feed').at(-1)?.headers['if-none-match']).toBe('"latest"');
      // The registry (what schedules are reconciled from) sees the latest poll too.
      expect((await feedsOf(h.store).list()).find((f) => f.feedId === feedId)?.nextCheckAt).toBe(outcome.nextCheckAt);
      // And a retried job of its last slot is still recognised.
      expect((await pollOnce(feedId, h.rt, 'history-11999')).status).toBe('skipped');
    });
  });

  describe('trouble inside Tally', () => {
    it('records a poll that failed on the way to the queue as internal, and the next poll enqueues what was missed', async () => {
      const items = numberedItems('hiccup.example', 3);
      serveRss('/hiccup', items);
      const feedId = await register(`${h.server.origin}/hiccup`);
      // The fetch queue refuses once, as Redis would while it fails over.
      const broken: Runtime = {
        ...h.rt,
        queues: { ...h.rt.queues, enqueueMany: () => Promise.reject(new Error('connection lost')) },
      };
      expect(await pollOnce(feedId, broken)).toMatchObject({ status: 'failed', reason: 'internal' });
      expect(await lastFailure(feedId)).toMatchObject({ reason: 'internal', consecutiveErrors: 1 });
      expect(await pollOnce(feedId)).toMatchObject({ status: 'polled', newItems: 0, items: 3 });
      const fetchJobs = await h.rt.queues.queues.fetchArticle.getJobs(['waiting'], 0, 10_000);
      const ids = new Set(fetchJobs.map((j) => j.data.articleId as string));
      for (const item of items) expect(ids.has(articleIdFor(canonicalUrl(item.link!)!)), item.link!).toBe(true);
    });
  });

  describe('one poll per slot', () => {
    it('does not poll a slot again when its job is retried', async () => {
      serveRss('/retried', numberedItems('retried.example', 2));
      const feedId = await register(`${h.server.origin}/retried`);
      const slot = nextSlot();
      const first = await pollOnce(feedId, h.rt, slot);
      const second = await pollOnce(feedId, h.rt, slot);
      expect(first.status).toBe('polled');
      expect(second).toMatchObject({ status: 'skipped', nextCheckAt: first.nextCheckAt });
      expect(h.server.hits('/retried')).toBe(1);
      expect((await feedEvents(feedId)).filter((e) => e.type === 'FeedPolled')).toHaveLength(1);
    });
  });
});
