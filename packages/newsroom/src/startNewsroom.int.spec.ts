import { gunzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Newsroom, NewsroomArticle } from './Newsroom.ts';
import { defaultSeedsDir, loadSeeds, type Seed } from './Seed.ts';
import { startNewsroom } from './startNewsroom.ts';
import { checkWellFormedXml, decodeEntities, feedItems, itemLink, pageText, rawRequest } from './testSupport.ts';

const expectedDates: Record<string, string> = {
  '000': '2023-12-21T17:24:00+02:00',
  '001': '2023-10-14T08:30:00-04:00',
  '002': '2024-05-03T06:04:00+03:00',
  '003': '2023-10-13T21:40:00+02:00',
  '004': '2023-10-14T10:15:00+03:00',
};

let newsroom: Newsroom;
let seeds: Seed[];

beforeAll(async () => {
  seeds = loadSeeds(defaultSeedsDir());
  newsroom = await startNewsroom();
});

afterAll(async () => {
  await newsroom.close();
});

/** Whitespace-insensitive text: pages and seeds may differ in line breaks and non-breaking spaces. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function original(seedId: string): NewsroomArticle {
  const found = newsroom.articles.find((a) => a.seedId === seedId && !a.syndicatedFrom);
  if (!found) throw new Error(`no page for seed ${seedId}`);
  return found;
}

function jsonLdDates(html: string): string[] {
  const dates: string[] = [];
  for (const m of html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) {
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(visit);
      else if (node && typeof node === 'object') {
        const record = node as Record<string, unknown>;
        if (record['@type'] === 'NewsArticle' && typeof record.datePublished === 'string')
          dates.push(record.datePublished);
        Object.values(record).forEach(visit);
      }
    };
    visit(JSON.parse(m[1]!));
  }
  return dates;
}

describe('the demo newsroom', () => {
  it('listens on loopback and lists the five seeds, two syndicated copies and the troublesome items', () => {
    expect(newsroom.host).toBe('127.0.0.1');
    expect(newsroom.url).toBe(`http://127.0.0.1:${newsroom.port}`);
    expect(seeds.map((s) => s.id)).toEqual(['000', '001', '002', '003', '004']);
    expect(
      newsroom.articles
        .filter((a) => a.seedId && !a.syndicatedFrom)
        .map((a) => a.seedId)
        .sort(),
    ).toEqual(['000', '001', '002', '003', '004']);
    expect(newsroom.articles.filter((a) => a.syndicatedFrom)).toHaveLength(2);
    expect(newsroom.articles.filter((a) => a.kind === 'missing')).toHaveLength(1);
    expect(newsroom.articles.filter((a) => a.kind === 'pdf')).toHaveLength(1);
    expect(new Set(newsroom.articles.map((a) => a.outlet)).size).toBeGreaterThanOrEqual(7);
    expect(newsroom.feeds.filter((f) => f.format === 'rss').length).toBeGreaterThanOrEqual(1);
    expect(newsroom.feeds.filter((f) => f.format === 'atom').length).toBeGreaterThanOrEqual(1);
  });

  it.each(['000', '001', '002', '003', '004'])(
    'serves seed %s as an outlet page carrying every line of its text',
    async (seedId) => {
      const article = original(seedId);
      const res = await fetch(article.url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const html = await res.text();
      const text = flat(pageText(html));
      const seed = seeds.find((s) => s.id === seedId)!;
      for (const line of seed.lines) expect(text).toContain(flat(line));
      // Each line once: furniture is placed, not duplicated by the template.
      const datelines = seed.lines.filter((l) => /\d{2}:\d{2}/.test(l) && l.length < 30);
      for (const line of datelines) expect(text.split(flat(line)).length - 1).toBe(1);
      expect(jsonLdDates(html)).toContain(expectedDates[seedId]);
      expect(article.publishedAt).toBe(expectedDates[seedId]);
      expect(html).toContain(`<link rel="canonical" href="${article.url}">`);
      expect(html).toContain(`<meta property="article:published_time" content="${expectedDates[seedId]}">`);
      expect(html).toMatch(/<meta property="og:site_name" content="[^"]+">/);
      // Page furniture around the article: navigation, share bar, cookie banner, related links, footer.
      expect(html).toMatch(/<nav[\s>]|role="navigation"/);
      expect(html).toMatch(/sharer\.php/);
      expect(html).toMatch(/role="dialog"/);
      expect(html).toMatch(/<footer[\s>]/);
    },
  );

  it('keeps the furniture of seed 003 in the page header and the article date in the metadata', async () => {
    const html = await (await fetch(original('003').url)).text();
    const header = html.slice(0, html.indexOf('<h1'));
    expect(pageText(header)).toContain('7.3 C');
    expect(pageText(header)).toContain('Monday, December 4, 2023');
    expect(jsonLdDates(html)).toEqual(['2023-10-13T21:40:00+02:00']);
  });

  it('gives every outlet its own markup', async () => {
    const bodies = await Promise.all(
      newsroom.articles
        .filter((a) => a.kind === 'article' && a.lang === 'en')
        .map(async (a) => (await fetch(a.url)).text()),
    );
    const bodyClasses = new Set(bodies.map((html) => /<body ([^>]*)>/.exec(html)?.[1]));
    expect(bodyClasses.size).toBe(bodies.length);
  });

  it('serves every feed as well-formed RSS 2.0 or Atom 1.0 whose links resolve as the item kinds say', async () => {
    for (const feed of newsroom.feeds) {
      const res = await rawRequest(feed.url);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(new RegExp(`charset=${feed.charset}$`, 'i'));
      const xml = iconv.decode(res.body, feed.charset);
      expect(xml.startsWith(`<?xml version="1.0" encoding="${feed.charset}"?>`)).toBe(true);
      const root = checkWellFormedXml(xml);
      if (feed.format === 'rss') {
        expect(root).toBe('rss');
        expect(xml).toContain('<rss version="2.0"');
      } else {
        expect(root).toBe('feed');
        expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
      }
      for (const item of feedItems(xml)) {
        const link = itemLink(item);
        if (!link) continue;
        const article = newsroom.articles.find((a) => a.feedLink === link);
        expect(article, link).toBeDefined();
        expect(article!.feedUrls).toContain(feed.url);
        const page = await rawRequest(link);
        if (article!.kind === 'missing') expect(page.status).toBe(404);
        else if (article!.kind === 'pdf') {
          expect(page.status).toBe(200);
          expect(page.headers['content-type']).toBe('application/pdf');
          expect(page.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        } else expect(page.status).toBe(200);
      }
    }
  });

  it('has one broken item without a link and with an unreadable date, while the rest of that feed is sound', async () => {
    const broken: Array<{ item: string; all: string[] }> = [];
    for (const feed of newsroom.feeds) {
      const xml = iconv.decode((await rawRequest(feed.url)).body, feed.charset);
      for (const item of feedItems(xml)) if (!itemLink(item)) broken.push({ item, all: feedItems(xml) });
    }
    expect(broken).toHaveLength(1);
    const { item, all } = broken[0]!;
    const date = /<pubDate>([^<]*)<\/pubDate>/.exec(item)?.[1] ?? '';
    expect(Number.isNaN(Date.parse(date))).toBe(true);
    const others = all.filter((i) => i !== item);
    expect(others.length).toBeGreaterThan(0);
    for (const other of others) {
      expect(itemLink(other)).not.toBeNull();
      expect(Number.isNaN(Date.parse(/<pubDate>([^<]*)<\/pubDate>/.exec(other)?.[1] ?? ''))).toBe(false);
    }
  });

  it('serves the Cyrillic feed and pages in windows-1251, declared in HTTP and in the document', async () => {
    const feed = newsroom.feeds.find((f) => f.charset === 'windows-1251')!;
    expect(feed).toBeDefined();
    const res = await rawRequest(feed.url);
    expect(res.headers['content-type']).toBe('application/rss+xml; charset=windows-1251');
    const prolog = '<?xml version="1.0" encoding="windows-1251"?>';
    expect(res.body.subarray(0, prolog.length).toString('latin1')).toBe(prolog);
    const xml = iconv.decode(res.body, 'windows-1251');
    expect(xml).toContain('<title>Слобідський вісник — Новини</title>');
    // Read as UTF-8 the same bytes are garbage: the encoding really is single-byte.
    expect(res.body.toString('utf8')).not.toContain('Слобідський');
    const titles = feedItems(xml).map((item) => decodeEntities(/<title>([^<]*)<\/title>/.exec(item)?.[1] ?? ''));
    expect(titles.some((t) => /[А-Яа-яІіЇїЄєҐґ]/.test(t))).toBe(true);

    const article = newsroom.articles.find((a) => a.charset === 'windows-1251')!;
    const page = await rawRequest(article.url);
    expect(page.headers['content-type']).toBe('text/html; charset=windows-1251');
    const html = iconv.decode(page.body, 'windows-1251');
    expect(html).toContain('<meta charset="windows-1251">');
    expect(pageText(html)).toContain(article.title);
  });

  it('syndicates seed 002 under two other outlets, with other headlines and tracking parameters in the feed links', async () => {
    const source = original('002');
    const copies = newsroom.articles.filter((a) => a.syndicatedFrom);
    const seedText = seeds.find((s) => s.id === '002')!;
    // The report's paragraphs: long lines, without the donation plea and the photo caption.
    const body = seedText.lines.filter(
      (l) => l.length > 120 && !l.startsWith('You could close') && !l.includes('(Image source'),
    );
    expect(body.length).toBeGreaterThanOrEqual(5);
    const plain = (s: string) => flat(s.replace(/[“”]/g, '"').replace(/[‘’]/g, "'"));
    for (const copy of copies) {
      expect(copy.syndicatedFrom).toBe(source.url);
      expect(copy.seedId).toBe('002');
      expect(copy.outlet).not.toBe(source.outlet);
      expect(copy.title).not.toBe(source.title);
      expect(Date.parse(copy.publishedAt)).toBeGreaterThan(Date.parse(source.publishedAt));
      const link = new URL(copy.feedLink);
      expect(link.searchParams.get('utm_source')).toBeTruthy();
      expect(link.searchParams.get('utm_medium')).toBe('rss');
      expect(`${link.origin}${link.pathname}`).toBe(copy.url);
      const feedXml = await (await fetch(copy.feedUrls[0]!)).text();
      expect(feedXml).toContain(copy.feedLink.replace(/&/g, '&amp;'));
      const html = await (await fetch(copy.feedLink)).text();
      expect(html).toContain(`<link rel="canonical" href="${copy.url}">`);
      const text = plain(pageText(html));
      for (const paragraph of body) expect(text).toContain(plain(paragraph));
      expect(text).not.toContain('You could close this page');
    }
  });
});

describe('the HTTP server', () => {
  it('answers conditional requests with 304 when the ETag or the date still holds', async () => {
    const url = newsroom.feeds[0]!.url;
    const first = await rawRequest(url);
    const etag = first.headers.etag as string;
    const lastModified = first.headers['last-modified'] as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(Number.isNaN(Date.parse(lastModified))).toBe(false);

    const byEtag = await rawRequest(url, { headers: { 'If-None-Match': etag } });
    expect(byEtag.status).toBe(304);
    expect(byEtag.body.length).toBe(0);
    expect(byEtag.headers.etag).toBe(etag);

    const byDate = await rawRequest(url, { headers: { 'If-Modified-Since': lastModified } });
    expect(byDate.status).toBe(304);

    const stale = await rawRequest(url, { headers: { 'If-None-Match': '"something-else"' } });
    expect(stale.status).toBe(200);
    expect(stale.body.equals(first.body)).toBe(true);

    const older = new Date(Date.parse(lastModified) - 1000).toUTCString();
    expect((await rawRequest(url, { headers: { 'If-Modified-Since': older } })).status).toBe(200);
    // If-None-Match wins over If-Modified-Since.
    expect(
      (await rawRequest(url, { headers: { 'If-None-Match': '"x"', 'If-Modified-Since': lastModified } })).status,
    ).toBe(200);
  });

  it('gzips for clients that accept it, with a validator that still matches', async () => {
    const url = original('000').url;
    const identity = await rawRequest(url);
    const gzipped = await rawRequest(url, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers.vary).toBe('Accept-Encoding');
    expect(gunzipSync(gzipped.body).equals(identity.body)).toBe(true);
    expect(gzipped.body.length).toBeLessThan(identity.body.length);
    const etag = gzipped.headers.etag as string;
    expect(etag).toBe(`W/${identity.headers.etag}`);
    expect((await rawRequest(url, { headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': etag } })).status).toBe(304);
    expect(
      (await rawRequest(url, { headers: { 'Accept-Encoding': 'gzip;q=0' } })).headers['content-encoding'],
    ).toBeUndefined();
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const url = newsroom.feeds[1]!.url;
    const get = await rawRequest(url);
    const head = await rawRequest(url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers['content-length']).toBe(String(get.body.length));
    expect(head.headers.etag).toBe(get.headers.etag);
    expect(head.headers['content-type']).toBe(get.headers['content-type']);
  });

  it('answers unknown paths with 404, undecodable ones with 400 and other methods with 405', async () => {
    const missing = await rawRequest(`${newsroom.url}/o/no-such-outlet/anything?utm_source=x`);
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(missing.headers.etag).toBeUndefined();
    expect((await rawRequest(`${newsroom.url}/%E0%A4%A`)).status).toBe(400);
    const post = await rawRequest(newsroom.feeds[0]!.url, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it('advertises each outlet’s feeds on its home page', async () => {
    const feed = newsroom.feeds.find((f) => f.format === 'atom')!;
    const home = `${new URL(feed.url).origin}/o/${new URL(feed.url).pathname.split('/')[2]}/`;
    const html = await (await fetch(home)).text();
    expect(html).toContain(
      `<link rel="alternate" type="application/atom+xml" title="${feed.title}" href="${feed.url}">`,
    );
  });

  it('counts the requests it served', async () => {
    const before = newsroom.stats().requests;
    await rawRequest(`${newsroom.url}/robots.txt`);
    await rawRequest(`${newsroom.url}/nope`);
    const after = newsroom.stats();
    expect(after.requests).toBe(before + 2);
    expect(after.byStatus[404]).toBeGreaterThanOrEqual(1);
  });
});
