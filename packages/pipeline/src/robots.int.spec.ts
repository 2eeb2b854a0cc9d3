import type { ServerResponse } from 'node:http';
import { articleIdFor, type StoredEvent, streams } from '@tally/events';
import { canonicalUrl } from '@tally/feeds';
import { createRobotsRules } from '@tally/http-fetch';
import type {} from '@tally/local-services/vitest-setup';
import { createProjectionReader } from '@tally/projection-store';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { type ConfigOverrides, type FeedRuntime, openFeedRuntime } from './feedRuntime.ts';
import { rssDocument } from './feedTestServer.ts';
import { fetchArticle, TransientFetchError } from './fetcher.ts';
import { ingestOnce } from './ingestOnce.ts';

/** Four reports on unrelated subjects, so the dedupe index keeps them apart. */
const reports: Record<string, string[]> = {
  harbour: [
    'The harbour authority said container traffic rose in the spring as two new cranes came into service.',
    'Dock workers unloaded more ships in April than in any month of the previous year, the port reported.',
    'Shipping lines added a weekly call from the southern coast, and warehouse space near the quay filled up.',
  ],
  orchard: [
    'Apple growers in the valley expect a smaller harvest after late frost damaged blossom on many farms.',
    'The cooperative said pickers would be hired later than usual and cider makers may import fruit.',
    'Researchers at the agricultural college are testing netting that shields young trees from cold nights.',
  ],
  library: [
    'The city library reopened its reading room after a renovation that replaced the leaking glass roof.',
    'Volunteers catalogued old newspapers from the basement, and a local history archive moved upstairs.',
    'Children borrowed twice as many picture books in the first week as before the building closed.',
  ],
  marathon: [
    'Runners crossed the finish line of the coastal marathon in strong wind and brief showers on Sunday.',
    'The winning time was slower than last year, organisers said, but a record field of amateurs took part.',
    'Medical tents treated blisters and cramp, and the route through the old town drew large crowds.',
  ],
};

function articlePage(res: ServerResponse, subject: string): void {
  const paragraphs = reports[subject]!.map((p) => `<p>${p} ${p}</p>`).join('');
  res
    .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    .end(
      `<!doctype html><html lang="en"><head><title>${subject}</title></head><body><article><h1>On the ${subject}</h1>${paragraphs}</article></body></html>`,
    );
}

/** A runtime fetching from a local site whose robots.txt answers as the test says. */
interface Site extends FeedRuntime {
  feedUrl: string;
  /** The four article URLs as the feed lists them: two allowed, one disallowed, one redirecting into a disallowed path. */
  urls: { harbour: string; orchard: string; library: string; marathon: string };
}

async function openSite(robotsTxt: (res: ServerResponse) => void, overrides: ConfigOverrides = {}): Promise<Site> {
  const h = await openFeedRuntime(
    inject('redisUrl'),
    { HTTP_HOST_CONCURRENCY: 4, EXTRACT_THREADS: 1, ...overrides },
    { extract: true },
  );
  const server = h.server;
  const o = server.origin;
  const urls = {
    harbour: `${o}/news/harbour`,
    orchard: `${o}/news/orchard`,
    library: `${o}/members/library`,
    marathon: `${o}/go/marathon`,
  };
  server.route('/robots.txt', (_req, res) => robotsTxt(res));
  server.route('/news/harbour', (_req, res) => articlePage(res, 'harbour'));
  server.route('/news/orchard', (_req, res) => articlePage(res, 'orchard'));
  server.route('/members/library', (_req, res) => articlePage(res, 'library'));
  server.route('/members/marathon', (_req, res) => articlePage(res, 'marathon'));
  server.route('/go/marathon', (_req, res) => res.writeHead(302, { location: '/members/marathon' }).end());
  const items = Object.entries(urls).map(([subject, link], i) => ({
    title: `On the ${subject}`,
    link,
    guid: `robots-${subject}`,
    pubDate: new Date(Date.UTC(2026, 10, 30, 12 - i)).toUTCString(),
  }));
  server.route('/feed', (_req, res) =>
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rssDocument('Robots Gazette', items)),
  );
  return { ...h, feedUrl: `${o}/feed`, urls };
}

const membersDisallowed = (res: ServerResponse) =>
  res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: TallyBot\nDisallow: /members/\n');

const idOf = (url: string) => articleIdFor(canonicalUrl(url)!);
const fetchFailures = (events: StoredEvent[]) => events.filter((e) => e.type === 'ArticleFetchFailed');

describe('article fetches obey robots.txt', () => {
  let s: Site | null = null;

  afterEach(async () => {
    await s?.close();
    s = null;
  });

  it('ends a disallowed article (and one redirected into a disallowed path) with robots-disallowed, once, and loses nothing else', async () => {
    s = await openSite(membersDisallowed);
    const summary = await ingestOnce(s.rt, [{ url: s.feedUrl, title: 'Robots Gazette' }]);

    expect(summary.articles.discovered).toBe(4);
    expect(summary.articles.extracted).toBe(2);
    expect(summary.failuresByReason).toEqual({ 'robots-disallowed': 2 });
    // The disallowed pages were never requested; robots.txt was read once for the whole run.
    expect(s.server.hits('/members/library')).toBe(0);
    expect(s.server.hits('/members/marathon')).toBe(0);
    expect(s.server.hits('/go/marathon')).toBe(1);
    expect(s.server.hits('/robots.txt')).toBe(1);

    for (const url of [s.urls.library, s.urls.marathon]) {
      const failures = fetchFailures(await s.store.readStream(streams.article(idOf(url))));
      expect(failures, url).toHaveLength(1); // permanent: no retry
      expect(failures[0]!.data).toMatchObject({ reason: 'robots-disallowed', permanent: true, attempt: 1 });
      expect((failures[0]!.data as { message: string }).message).toContain('/members/');
    }
    for (const url of [s.urls.harbour, s.urls.orchard]) {
      const types = (await s.store.readStream(streams.article(idOf(url)))).map((e) => e.type);
      expect(types, url).toEqual(expect.arrayContaining(['ArticleFetched', 'ArticleExtracted', 'ArticleAnalyzed']));
      expect(types, url).not.toContain('ArticleFetchFailed');
    }

    // The articles list (API, dashboard) shows the reason as such.
    const reader = createProjectionReader(s.store);
    const failed = await reader.listArticles({ status: 'fetch-failed', limit: 10 });
    expect(failed.items.map((a) => [a.url, a.reason]).sort()).toEqual(
      [
        [s.urls.library, 'robots-disallowed'],
        [s.urls.marathon, 'robots-disallowed'],
      ].sort(),
    );
  });

  it('fetches every article when ROBOTS_TXT is off (private feeds), without asking for robots.txt', async () => {
    s = await openSite(membersDisallowed, { ROBOTS_TXT: false });
    const summary = await ingestOnce(s.rt, [{ url: s.feedUrl, title: 'Robots Gazette' }]);
    expect(summary.articles.extracted).toBe(4);
    expect(summary.failuresByReason).toEqual({});
    expect(s.server.hits('/robots.txt')).toBe(0);
  });

  it('records robots-unavailable as transient while robots.txt answers 503, permanent on the last attempt, and fetches once it reads', async () => {
    let robotsStatus = 503;
    s = await openSite((res) => {
      if (robotsStatus === 200) membersDisallowed(res);
      else res.writeHead(robotsStatus).end();
    });
    // A cache that forgets at once, so each attempt asks robots.txt again.
    s.rt.robots = createRobotsRules({ http: s.rt.http, userAgent: s.rt.config.HTTP_USER_AGENT, unavailableTtlMs: 0 });
    const job = { articleId: idOf(s.urls.harbour), url: s.urls.harbour, feedId: 'f_robots', runId: null };

    await expect(fetchArticle(s.rt, job, 1, false)).rejects.toBeInstanceOf(TransientFetchError);
    expect(await fetchArticle(s.rt, job, 2, true)).toBe('failed');
    const failures = fetchFailures(await s.store.readStream(streams.article(job.articleId)));
    expect(failures.map((f) => f.data)).toMatchObject([
      { reason: 'robots-unavailable', permanent: false, httpStatus: 503, attempt: 1 },
      { reason: 'robots-unavailable', permanent: true, attempt: 2 },
    ]);
    expect(s.server.hits('/news/harbour')).toBe(0);

    // Another article of the site, once robots.txt reads again.
    robotsStatus = 200;
    const orchard = { articleId: idOf(s.urls.orchard), url: s.urls.orchard, feedId: 'f_robots', runId: null };
    expect(await fetchArticle(s.rt, orchard, 1, false)).toBe('extracted');
  });
});
