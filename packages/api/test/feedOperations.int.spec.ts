import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { feedIdFor, makeEvent, streams } from '@tally/events';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, type Harness, startHarness } from './harness.ts';

/** A feed and a site advertising it, on loopback. */
async function startSite(): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (req.url === '/feed.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Gazette</title><link>http://x/</link></channel></rss>',
      );
    } else if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        '<!doctype html><html><head><title>Gazette</title><link rel="alternate" type="application/rss+xml" title="News" href="/feed.xml"><link rel="alternate" type="application/feed+json" href="/feed.json"></head><body></body></html>',
      );
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

interface Changed {
  changed: boolean;
  feed: {
    feedId: string;
    title: string | null;
    tags: string[];
    paused: boolean;
    consecutiveErrors: number;
    nextCheckAt: string | null;
  };
}

describe.each(['embedded', 'postgres'] as const)('operating feeds through the API (%s log)', (log) => {
  let h: Harness;
  let app: FastifyInstance;
  let site: Awaited<ReturnType<typeof startSite>>;
  let feedId: string;

  beforeAll(async () => {
    site = await startSite();
    h = await startHarness({ HTTP_ALLOW: '127.0.0.1', HTTP_HOST_INTERVAL_MS: 0 }, { log });
    app = await h.app();
    const res = await app.inject({
      method: 'POST',
      url: '/feeds',
      headers: auth,
      payload: { url: `${site.origin}/feed.xml`, title: 'Gazette' },
    });
    expect(res.statusCode).toBe(201);
    feedId = (res.json() as { feedId: string }).feedId;
  });
  afterAll(async () => {
    await h?.close();
    await site?.close();
  });

  const call = async (
    method: 'PATCH' | 'POST',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = auth,
  ) => {
    const res = await app.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    return { status: res.statusCode, body: res.json() as Changed & { code?: string; message?: string } };
  };
  const feedEvents = async () => (await h.store.readStream(streams.feed(feedId))).map((e) => e.type);
  const pollJobs = async () =>
    (await h.runtime.queues.queues.pollFeed.getJobs(['waiting', 'delayed', 'prioritized'], 0, 1000)).filter(
      (j) => j.data.feedId === feedId,
    );

  it('PATCH /feeds/:id edits title, tags and bounds as one event, and GET /feeds shows them', async () => {
    const res = await call('PATCH', `/feeds/${feedId}`, {
      title: 'Harbour Gazette',
      tags: ['Local', ' Ports ', 'Local'],
      minIntervalSec: 600,
      maxIntervalSec: 7200,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ changed: true, feed: { title: 'Harbour Gazette', tags: ['Local', 'Ports'] } });
    expect((await call('PATCH', `/feeds/${feedId}`, { tags: ['Local', 'Ports'] })).body.changed).toBe(false);
    expect(await feedEvents()).toEqual(['FeedRegistered', 'FeedEdited']);
    await h.project();
    const { feeds } = (await app.inject({ url: '/feeds' })).json() as { feeds: Record<string, unknown>[] };
    expect(feeds.find((f) => f.feedId === feedId)).toMatchObject({
      title: 'Harbour Gazette',
      tags: ['Local', 'Ports'],
      minIntervalSec: 600,
      maxIntervalSec: 7200,
      paused: false,
    });
  });

  it('refuses bad edits with 400, unknown feeds with 404, and anyone without the token with 401, writing nothing', async () => {
    const head = await h.store.head();
    const refusals: [string, unknown, number, string][] = [
      [`/feeds/${feedId}`, {}, 400, 'TALLY_ERR_VALIDATION'],
      [`/feeds/${feedId}`, { title: 'a\u0000b' }, 400, 'TALLY_ERR_VALIDATION'],
      [`/feeds/${feedId}`, { title: 'x'.repeat(301) }, 400, 'TALLY_ERR_VALIDATION'],
      [`/feeds/${feedId}`, { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 400, 'TALLY_ERR_VALIDATION'],
      [`/feeds/${feedId}`, { tags: ['x'.repeat(101)] }, 400, 'TALLY_ERR_VALIDATION'],
      [`/feeds/${feedId}`, { minIntervalSec: 5 }, 400, 'TALLY_ERR_VALIDATION'],
      [`/feeds/${feedId}`, { url: 'https://elsewhere.example/' }, 400, 'TALLY_ERR_VALIDATION'],
      [`/feeds/${feedId}`, { minIntervalSec: 9000 }, 400, 'TALLY_ERR_INVALID_POLL_BOUNDS'],
      ['/feeds/f_unknown', { title: 'x' }, 404, 'TALLY_ERR_FEED_NOT_FOUND'],
      [`/feeds/${'x'.repeat(201)}`, { title: 'x' }, 400, 'TALLY_ERR_VALIDATION'],
    ];
    for (const [url, payload, status, code] of refusals) {
      const res = await call('PATCH', url, payload);
      expect([res.status, res.body.code], JSON.stringify(payload)).toEqual([status, code]);
    }
    for (const action of ['pause', 'resume', 'poll', 'clear-errors']) {
      expect((await call('POST', `/feeds/f_unknown/${action}`)).status, action).toBe(404);
      expect((await call('POST', `/feeds/${feedId}/${action}`, undefined, {})).status, action).toBe(401);
    }
    expect((await call('POST', `/feeds/${feedId}/pause?reason=a%00b`)).status).toBe(400);
    expect(await h.store.head()).toBe(head);
  });

  it('pauses (polls refused with 409), resumes with its poll scheduled, and polls now', async () => {
    for (const job of await pollJobs()) await job.remove();
    const paused = await call('POST', `/feeds/${feedId}/pause?reason=noisy`);
    expect(paused).toMatchObject({ status: 200, body: { changed: true, feed: { paused: true } } });
    expect((await call('POST', `/feeds/${feedId}/pause`)).body.changed).toBe(false);
    expect(await call('POST', `/feeds/${feedId}/poll`)).toMatchObject({
      status: 409,
      body: { code: 'TALLY_ERR_FEED_PAUSED' },
    });
    await h.project();
    const row = ((await app.inject({ url: '/feeds' })).json() as { feeds: Record<string, unknown>[] }).feeds.find(
      (f) => f.feedId === feedId,
    );
    expect(row).toMatchObject({ paused: true, health: 'paused', pausedReason: 'noisy' });

    const resumed = await call('POST', `/feeds/${feedId}/resume`);
    expect(resumed.body).toMatchObject({ changed: true, feed: { paused: false } });
    expect((await pollJobs()).map((j) => j.data.slot)).toContain(resumed.body.feed.nextCheckAt);

    const now = await call('POST', `/feeds/${feedId}/poll`);
    expect(now.status).toBe(200);
    expect((await pollJobs()).map((j) => j.data)).toContainEqual(
      expect.objectContaining({ slot: now.body.feed.nextCheckAt, reschedule: true }),
    );
    expect(await feedEvents()).toEqual([
      'FeedRegistered',
      'FeedEdited',
      'FeedPaused',
      'FeedResumed',
      'FeedPollRequested',
    ]);
  });

  it('clears a failing feed’s errors and plans its poll at once', async () => {
    const failing = feedIdFor('https://failing.example/rss');
    const registered = await call('POST', '/feeds', { url: 'https://failing.example/rss' });
    expect(registered.status).toBe(201);
    await h.append(
      [1, 2, 3].map((n) => ({
        streamId: streams.feed(failing),
        event: makeEvent(
          'FeedPollFailed',
          {
            feedId: failing,
            url: 'https://failing.example/rss',
            slot: `s${n}`,
            reason: 'http-5xx',
            message: 'bad gateway',
            httpStatus: 502,
            consecutiveErrors: n,
            nextCheckAt: '2099-01-01T00:00:00.000Z',
            advertisedFeeds: [],
          },
          [failing, `s${n}`],
        ),
      })),
    );
    const cleared = await call('POST', `/feeds/${failing}/clear-errors`);
    expect(cleared.body).toMatchObject({ changed: true, feed: { consecutiveErrors: 0, lastReason: null } });
    expect(Date.parse(cleared.body.feed.nextCheckAt!)).toBeLessThan(Date.parse('2099-01-01T00:00:00.000Z'));
    expect((await call('POST', `/feeds/${failing}/clear-errors`)).body.changed).toBe(false);
    const events = await h.store.readStream(streams.feed(failing));
    expect(events.at(-1)).toMatchObject({
      type: 'FeedErrorsCleared',
      data: { consecutiveErrors: 3, lastReason: 'http-5xx' },
    });
  });

  it('POST /feeds/discover finds the feeds a site advertises, and the feed a URL is', async () => {
    const page = await app.inject({
      method: 'POST',
      url: '/feeds/discover',
      headers: auth,
      payload: { url: `${site.origin}/` },
    });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({
      kind: 'page',
      feeds: [{ url: `${site.origin}/feed.xml` }, { url: `${site.origin}/feed.json` }],
    });
    const feed = await app.inject({
      method: 'POST',
      url: '/feeds/discover',
      headers: auth,
      payload: { url: `${site.origin}/feed.xml` },
    });
    expect(feed.json()).toMatchObject({ kind: 'feed', feeds: [{ title: 'Harbour Gazette' }] });
    const secret = await app.inject({
      method: 'POST',
      url: '/feeds/discover',
      headers: auth,
      payload: { url: 'https://user:s3cret@site.example/' },
    });
    expect(secret.json()).toMatchObject({ code: 'TALLY_ERR_FEED_URL_CREDENTIALS' });
    expect(secret.body).not.toContain('s3cret');
  });

  it('names every new operation in the OpenAPI document', async () => {
    const doc = (await app.inject({ url: '/docs/json' })).json() as {
      paths: Record<string, Record<string, { operationId?: string }>>;
    };
    expect(doc.paths['/feeds/{id}']?.patch?.operationId).toBe('editFeed');
    expect(doc.paths['/feeds/{id}/poll']?.post?.operationId).toBe('pollFeedNow');
    expect(doc.paths['/feeds/{id}/clear-errors']?.post?.operationId).toBe('clearFeedErrors');
    expect(doc.paths['/feeds/discover']?.post?.operationId).toBe('discoverFeeds');
  });

  it('the feeds page lists the feeds, and its forms act and come back to it', async () => {
    const listed = await app.inject({ url: '/feeds/page', headers: auth });
    expect(listed.statusCode).toBe(200);
    expect(listed.body).toContain(`data-feed-id="${feedId}"`);
    const form = { ...auth, 'content-type': 'application/x-www-form-urlencoded' };
    const pause = await app.inject({ method: 'POST', url: `/feeds/page/${feedId}/pause`, headers: form, payload: '' });
    expect(pause.statusCode).toBe(303);
    expect(pause.headers.location).toBe(`/feeds/page?done=pause&feed=${feedId}#feed-${feedId}`);
    const after = await app.inject({ url: pause.headers.location as string, headers: auth });
    expect(after.body).toMatch(new RegExp(`data-feed-id="${feedId}" data-health="paused"`));
    const crossed = await app.inject({
      method: 'POST',
      url: `/feeds/page/${feedId}/edit`,
      headers: form,
      payload: 'title=&tags=a%2C+b&minIntervalSec=9000&maxIntervalSec=600',
    });
    expect(crossed.statusCode).toBe(400);
    expect(crossed.body).toContain('class="notice error"');
    const added = await app.inject({
      method: 'POST',
      url: '/feeds/page/add',
      headers: form,
      payload: new URLSearchParams({ url: `${site.origin}/` }).toString(),
    });
    expect(added.statusCode).toBe(200);
    expect(added.body).toContain(`value="${site.origin}/feed.json"`);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/feeds/page/${feedId}/resume`,
          headers: { 'content-type': form['content-type'] },
          payload: '',
        })
      ).statusCode,
    ).toBe(401);
  });
});
