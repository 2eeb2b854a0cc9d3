import { readOpml } from '@tally/feeds';
import { readerExportOpml } from '@tally/feeds/testing';
import { LogBuilder } from '@tally/projections/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, type Harness, startSeededHarness } from './harness.ts';

const subscriptions = readerExportOpml();

const opml = { ...auth, 'content-type': 'text/x-opml' };

let h: Harness;
let app: FastifyInstance;

beforeAll(async () => {
  ({ h, app } = await startSeededHarness());
});
afterAll(async () => {
  await h?.close();
});

/** Follows `Link: <…>; rel="next"` from `url` to the last page; answers the pages' bodies. */
async function follow<T>(url: string, headers: Record<string, string> = {}): Promise<T[]> {
  const pages: T[] = [];
  let next: string | null = url;
  while (next) {
    const res = await app.inject({ url: next, headers });
    expect(res.statusCode, next).toBe(200);
    pages.push(res.json() as T);
    const link = res.headers.link as string | undefined;
    next = link ? (/^<([^>]+)>; rel="next"$/.exec(link)?.[1] ?? null) : null;
    if (link) expect(next, link).not.toBeNull();
    expect(pages.length).toBeLessThan(100);
  }
  return pages;
}

describe('OPML through the API', () => {
  it('POST /feeds/opml registers the feeds with their folders as tags, schedules their first polls, and registers nothing twice', async () => {
    const res = await app.inject({ method: 'POST', url: '/feeds/opml', headers: opml, payload: subscriptions });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as {
      created: number;
      existing: number;
      feeds: { feedId: string; url: string; tags: string[] }[];
      skipped: unknown[];
    };
    expect(body).toMatchObject({
      created: 3,
      existing: 0,
      skipped: [{ url: 'gopher://old.example/feed', reason: 'invalid-url' }],
    });
    expect(body.feeds.map((f) => [f.url, f.tags])).toEqual([
      ['https://harbour.example/feed', ['News']],
      ['https://wire.example/rss', ['News', 'Economy']],
      ['https://loose.example/atom.xml', []],
    ]);
    const registered = await h.store.readAll({ types: ['FeedRegistered'] });
    const wire = registered.find((e) => (e.data as { url: string }).url === 'https://wire.example/rss');
    expect(wire?.data).toMatchObject({ source: 'api', tags: ['News', 'Economy'], title: 'Market Wire' });
    const polls = await h.runtime.queues.queues.pollFeed.getJobs(['waiting', 'delayed', 'prioritized'], 0, 1000);
    for (const f of body.feeds)
      expect(
        polls.some((j) => j.data.feedId === f.feedId),
        f.url,
      ).toBe(true);

    const again = await app.inject({ method: 'POST', url: '/feeds/opml', headers: opml, payload: subscriptions });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ created: 0, existing: 3 });
  });

  it('GET /feeds.opml writes the registered feeds back (removed ones left out), readable as what was imported', async () => {
    const gone = await app.inject({
      method: 'POST',
      url: '/feeds/opml',
      headers: opml,
      payload:
        '<opml version="2.0"><body><outline text="Old"><outline text="Gone" xmlUrl="https://gone.example/rss"/></outline></body></opml>',
    });
    const goneId = (gone.json() as { feeds: { feedId: string }[] }).feeds[0]!.feedId;
    expect((await app.inject({ method: 'DELETE', url: `/feeds/${goneId}`, headers: auth })).statusCode).toBe(204);

    const res = await app.inject({ url: '/feeds.opml' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/x-opml/);
    const back = readOpml(res.body);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    const byUrl = new Map(back.feeds.map((f) => [f.url, f.tags]));
    expect(byUrl.get('https://harbour.example/feed')).toEqual(['News']);
    expect(byUrl.get('https://wire.example/rss')).toEqual(['News', 'Economy']);
    expect(byUrl.get('https://loose.example/atom.xml')).toEqual([]);
    expect(byUrl.has('https://gone.example/rss')).toBe(false);
  });

  it('refuses bad OPML with a reason code and registers nothing; writes need the token', async () => {
    const head = await h.store.head();
    const refused = async (payload: string, headers: Record<string, string> = opml) => {
      const res = await app.inject({ method: 'POST', url: '/feeds/opml', headers, payload });
      return {
        status: res.statusCode,
        body: res.json() as { code: string; details?: { reason?: string }; message: string },
      };
    };
    const laughs = await refused(
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><opml version="2.0"><body><outline text="&lol2;" xmlUrl="https://a.example/"/></body></opml>',
    );
    expect(laughs).toMatchObject({
      status: 400,
      body: { code: 'TALLY_ERR_INVALID_OPML', details: { reason: 'doctype' } },
    });
    expect(
      await refused('<opml version="2.0"><body><outline text="x" xmlUrl="https://a.example/"></body></opml>'),
    ).toMatchObject({ status: 400, body: { details: { reason: 'malformed' } } });
    expect(await refused('<rss version="2.0"><channel/></rss>')).toMatchObject({
      body: { details: { reason: 'not-opml' } },
    });
    const secret = await refused(
      subscriptions.replace('https://loose.example', 'https://reader:s3cret-pass@loose.example'),
    );
    expect(secret).toMatchObject({ status: 400, body: { code: 'TALLY_ERR_FEED_URL_CREDENTIALS' } });
    expect(secret.body.message).not.toContain('s3cret-pass');
    expect(await refused(`<opml version="2.0"><body>${' '.repeat(1_100_000)}</body></opml>`)).toMatchObject({
      status: 413,
      body: { code: 'TALLY_ERR_BODY_TOO_LARGE' },
    });
    expect(await refused(subscriptions, { ...auth, 'content-type': 'text/plain' })).toMatchObject({
      status: 415,
      body: { code: 'TALLY_ERR_UNSUPPORTED_MEDIA_TYPE' },
    });
    expect(
      await refused(JSON.stringify({ opml: subscriptions }), { ...auth, 'content-type': 'application/json' }),
    ).toMatchObject({ status: 415, body: { code: 'TALLY_ERR_UNSUPPORTED_MEDIA_TYPE' } });
    expect(await refused(subscriptions, { 'content-type': 'text/x-opml' })).toMatchObject({
      status: 401,
      body: { code: 'TALLY_ERR_UNAUTHORIZED' },
    });
    expect(await h.store.head()).toBe(head);
  });

  it('documents both routes in the OpenAPI document', async () => {
    const doc = (await app.inject({ url: '/docs/json' })).json() as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths['/feeds/opml'] ?? {})).toContain('post');
    expect(Object.keys(doc.paths['/feeds.opml'] ?? {})).toContain('get');
  });
});

describe('list routes page with Link headers', () => {
  it('GET /feeds pages in feed id order, each page linking the next, every feed once; unpaged it is every feed at once', async () => {
    await h.project();
    const all = (await app.inject({ url: '/feeds' })).json() as { feeds: { feedId: string }[]; next: null };
    expect(all.next).toBeNull();
    expect(all.feeds.length).toBeGreaterThanOrEqual(5);
    expect((await app.inject({ url: '/feeds' })).headers.link).toBeUndefined();

    const pages = await follow<{ feeds: { feedId: string }[]; next: string | null }>('/feeds?limit=2');
    expect(pages.length).toBe(Math.ceil(all.feeds.length / 2));
    const ids = pages.flatMap((p) => p.feeds.map((f) => f.feedId));
    expect(ids).toEqual(all.feeds.map((f) => f.feedId).sort());
    expect(pages.at(-1)!.next).toBeNull();
    for (const p of pages.slice(0, -1)) expect(p.next).toBe(p.feeds.at(-1)!.feedId);
    expect((await app.inject({ url: '/feeds?limit=0' })).statusCode).toBe(400);
  });

  it('GET /figures, /articles and /events link their next page too, keeping the other parameters', async () => {
    const figures = await follow<{ figures: { figureKey: string }[] }>('/figures?limit=2');
    const everyFigure = (await app.inject({ url: '/figures' })).json() as { figures: { figureKey: string }[] };
    // The store links a page after every full one: an even count ends on an empty page.
    expect(figures.length).toBeGreaterThanOrEqual(Math.ceil(everyFigure.figures.length / 2));
    expect(figures.length).toBeGreaterThan(1);
    expect(figures.flatMap((p) => p.figures.map((f) => f.figureKey))).toEqual(
      everyFigure.figures.map((f) => f.figureKey),
    );

    const first = await app.inject({ url: '/articles?status=analyzed&limit=1' });
    expect(first.headers.link).toMatch(/^<\/articles\?status=analyzed&limit=1&after=\d+>; rel="next"$/);
    const articles = await follow<{ articles: { articleId: string; status: string }[] }>(
      '/articles?status=analyzed&limit=1',
    );
    const everyArticle = (await app.inject({ url: '/articles?status=analyzed&limit=500' })).json() as {
      articles: { articleId: string }[];
    };
    expect(articles.flatMap((p) => p.articles.map((a) => a.articleId))).toEqual(
      everyArticle.articles.map((a) => a.articleId),
    );

    const events = await follow<{ events: { position: number }[] }>('/events?limit=2&types=FeedRegistered', auth);
    const positions = events.flatMap((p) => p.events.map((e) => e.position));
    expect(positions.length).toBe((await h.store.readAll({ types: ['FeedRegistered'] })).length);
    expect(new Set(positions).size).toBe(positions.length);
  });
});

describe('a page disallowed by robots.txt', () => {
  it('shows as robots-disallowed in the articles list, the article, and the pipeline page', async () => {
    const url = 'https://gazette.example/members/story';
    const log = new LogBuilder()
      .articleDiscovered({ articleId: 'a_robots', feedId: 'f_robots', url, title: 'Members only' })
      .articleFetchFailed('a_robots', url, 'robots-disallowed', true);
    await h.append(log.entries);
    await h.project();

    const failed = (await app.inject({ url: '/articles?status=fetch-failed&limit=500' })).json() as {
      articles: { articleId: string; reason: string | null }[];
    };
    expect(failed.articles.find((a) => a.articleId === 'a_robots')).toMatchObject({ reason: 'robots-disallowed' });
    const one = (await app.inject({ url: '/articles/a_robots' })).json() as {
      article: { status: string; reason: string };
    };
    expect(one.article).toMatchObject({ status: 'fetch-failed', reason: 'robots-disallowed' });
    const page = await app.inject({ url: '/pipeline', headers: auth });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<tr data-outcome="robots-disallowed">[\s\S]*?<td class="num">1<\/td>/);
  });
});
