import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from './generateCorpus.ts';
import type { Newsroom } from './Newsroom.ts';
import { startNewsroom } from './startNewsroom.ts';
import { checkWellFormedXml, feedItems, itemLink, pageText, rawRequest } from './testSupport.ts';

const corpus = generateCorpus({
  feeds: 5,
  articlesPerFeed: 8,
  minBytes: 30_000,
  maxBytes: 60_000,
  seed: 'served',
  missingRate: 0.05,
  pdfRate: 0.05,
});
let newsroom: Newsroom;

beforeAll(async () => {
  newsroom = await startNewsroom({ corpus });
});

afterAll(async () => {
  await newsroom.close();
});

describe('a generated corpus served by the newsroom', () => {
  it('replaces the demo outlets with the corpus and exposes its manifest', () => {
    expect(newsroom.feeds).toHaveLength(5);
    expect(newsroom.articles).toHaveLength(40);
    expect(newsroom.articles.some((a) => a.seedId)).toBe(false);
    expect(newsroom.manifest?.origin).toBe(newsroom.url);
    expect(newsroom.manifest?.articles.map((a) => a.url)).toEqual(newsroom.articles.map((a) => a.url));
    const copy = newsroom.articles.find((a) => a.syndicatedFrom)!;
    expect(newsroom.manifest?.articles.find((a) => a.url === copy.url)?.copyOf).toBe(copy.syndicatedFrom);
  });

  it('lists every item in its feed, and every link answers as its kind says', async () => {
    let seen = 0;
    for (const feed of newsroom.feeds) {
      const res = await rawRequest(feed.url);
      expect(res.status).toBe(200);
      const xml = res.body.toString('utf8');
      expect(checkWellFormedXml(xml)).toBe(feed.format === 'rss' ? 'rss' : 'feed');
      const links = feedItems(xml).map(itemLink);
      expect(links).toHaveLength(8);
      for (const link of links) {
        const article = newsroom.articles.find((a) => a.feedLink === link)!;
        expect(article, String(link)).toBeDefined();
        const page = await rawRequest(link!);
        seen++;
        if (article.kind === 'missing') expect(page.status).toBe(404);
        else if (article.kind === 'pdf') expect(page.headers['content-type']).toBe('application/pdf');
        else {
          expect(page.status).toBe(200);
          const entry = newsroom.manifest!.articles.find((a) => a.url === article.url)!;
          expect(page.body.length).toBe(entry.targetBytes);
          const text = pageText(page.body.toString('utf8')).replace(/\s+/g, ' ');
          for (const claim of entry.claims) expect(text).toContain(claim.sentence);
        }
      }
    }
    expect(seen).toBe(40);
  });

  it('serves the same bytes for a page every time, and honours its validators', async () => {
    const article = newsroom.articles.find((a) => a.kind === 'article')!;
    const first = await rawRequest(article.url);
    const second = await rawRequest(article.url);
    expect(second.body.equals(first.body)).toBe(true);
    expect((await rawRequest(article.url, { headers: { 'If-None-Match': first.headers.etag as string } })).status).toBe(
      304,
    );
  });

  it('can leave compression off for benchmarks', async () => {
    const plain = await startNewsroom({ corpus, gzip: false });
    try {
      const res = await rawRequest(plain.articles[0]!.url.replace(/^.*?\/c\//, `${plain.url}/c/`), {
        headers: { 'Accept-Encoding': 'gzip' },
      });
      expect(res.headers['content-encoding']).toBeUndefined();
    } finally {
      await plain.close();
    }
  });

  it('serves pages rendered up front byte for byte as those rendered on request, and hands out their bytes', async () => {
    const ready = await startNewsroom({ corpus, gzip: false, prerender: true });
    try {
      for (const article of ready.articles) {
        const path = new URL(article.url).pathname;
        const [onRequest, upFront] = await Promise.all([
          rawRequest(`${newsroom.url}${path}`),
          rawRequest(`${ready.url}${path}`),
        ]);
        expect(upFront.status).toBe(onRequest.status);
        if (article.kind !== 'article') continue;
        // Same page but for the origin in its links, plain and URL-encoded (each newsroom has its own port).
        const asServedBy = (html: string, from: string, to: string) =>
          html.replaceAll(from, to).replaceAll(encodeURIComponent(from), encodeURIComponent(to));
        expect(asServedBy(upFront.body.toString('utf8'), ready.url, newsroom.url)).toBe(
          onRequest.body.toString('utf8'),
        );
        expect(ready.body(path)?.equals(upFront.body)).toBe(true);
      }
      expect(ready.body('/nowhere')).toBeUndefined();
    } finally {
      await ready.close();
    }
  });
});
