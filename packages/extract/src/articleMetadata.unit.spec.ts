import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { dateFromUrl, normalizeDate, readMetadata, stripSiteName } from './articleMetadata.ts';

function metadataOf(html: string, url = 'https://news.example/world/story') {
  const { document } = parseHTML(html);
  return readMetadata(document as unknown as Document, url);
}

interface Sources {
  jsonLd?: boolean;
  openGraph?: boolean;
  meta?: boolean;
  time?: boolean;
}

/** A page carrying a different publication time in each source, so the winner shows which source won. */
function pageWith(sources: Sources): string {
  const head = [
    '<title>Ports reopen after storm | Coast News</title>',
    sources.jsonLd
      ? '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Ports reopen after storm","datePublished":"2023-10-14T09:30:00+03:00"}</script>'
      : '',
    sources.openGraph ? '<meta property="article:published_time" content="2023-10-15T10:00:00Z">' : '',
    sources.meta ? '<meta name="pubdate" content="2023-10-16">' : '',
  ].join('');
  const time = sources.time ? '<time datetime="2023-10-17T08:00:00Z">17 October</time>' : '';
  return `<html><head>${head}</head><body><h1>Ports reopen after storm</h1>${time}<p>Text.</p></body></html>`;
}

describe('publication time, in order of trust', () => {
  const url = 'https://news.example/2023/10/18/ports-reopen';
  const cases: [Sources, string, string][] = [
    [{ jsonLd: true, openGraph: true, meta: true, time: true }, 'json-ld', '2023-10-14T06:30:00.000Z'],
    [{ openGraph: true, meta: true, time: true }, 'opengraph', '2023-10-15T10:00:00.000Z'],
    [{ meta: true, time: true }, 'meta', '2023-10-16T00:00:00.000Z'],
    [{ time: true }, 'time-element', '2023-10-17T08:00:00.000Z'],
    [{}, 'url', '2023-10-18T00:00:00.000Z'],
  ];
  it.each(cases)('with %o the time comes from %s', (sources, source, at) => {
    const meta = metadataOf(pageWith(sources), url);
    expect(meta.publishedAtSource).toBe(source);
    expect(meta.publishedAt).toBe(at);
  });

  it('records none when no source has a date', () => {
    const meta = metadataOf(pageWith({}), 'https://news.example/world/ports-reopen');
    expect(meta).toMatchObject({ publishedAt: null, publishedAtSource: 'none' });
  });

  it('skips a JSON-LD block that does not parse and uses the next source', () => {
    const html = `<html><head><script type="application/ld+json">{"@type": "NewsArticle", "datePublished": </script>
      <meta property="article:published_time" content="2023-10-15T10:00:00Z"></head><body><h1>x</h1></body></html>`;
    expect(metadataOf(html).publishedAtSource).toBe('opengraph');
  });

  it('ignores a masthead date widget above the headline but takes the time under it', () => {
    const html = `<html><body><div class="top"><time datetime="2023-12-04">Monday, December 4, 2023</time></div>
      <h1>Headline</h1><div class="meta"><time datetime="2023-10-13T18:00:00Z">October 13</time></div><p>Text.</p></body></html>`;
    expect(metadataOf(html)).toMatchObject({
      publishedAt: '2023-10-13T18:00:00.000Z',
      publishedAtSource: 'time-element',
    });
  });

  it('ignores times in teasers and related links', () => {
    const html = `<html><body><h1>Headline</h1><p>Text.</p>
      <div class="related-posts"><time datetime="2023-01-01">1 January</time></div></body></html>`;
    expect(metadataOf(html).publishedAtSource).toBe('none');
  });
});

describe('the other fields', () => {
  it('reads byline and site name through @id references in a Yoast-style @graph', () => {
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'Organization', '@id': 'https://x.example/#org', name: 'The Daily Ledger' },
        {
          '@type': 'Article',
          headline: 'A headline',
          datePublished: '2024-02-22T19:12:00+00:00',
          dateModified: '2024-02-23T07:30:00+00:00',
          author: [{ '@id': 'https://x.example/#p1' }, { '@id': 'https://x.example/#p2' }],
          publisher: { '@id': 'https://x.example/#org' },
          inLanguage: 'en-GB',
        },
        { '@type': 'Person', '@id': 'https://x.example/#p1', name: 'Jane Doe' },
        { '@type': 'Person', '@id': 'https://x.example/#p2', name: 'John Roe' },
      ],
    };
    const meta = metadataOf(
      `<html><head><script type="application/ld+json">${JSON.stringify(graph)}</script></head><body></body></html>`,
    );
    expect(meta).toMatchObject({
      title: 'A headline',
      byline: 'Jane Doe, John Roe',
      siteName: 'The Daily Ledger',
      lang: 'en-GB',
      publishedAt: '2024-02-22T19:12:00.000Z',
      modifiedAt: '2024-02-23T07:30:00.000Z',
    });
  });

  it('cuts the site name off the title and takes the language from <html lang>', () => {
    const meta = metadataOf(
      '<html lang="uk"><head><title>Ціни на хліб зросли | Вісті</title><meta property="og:site_name" content="Вісті"></head><body></body></html>',
    );
    expect(meta).toMatchObject({ title: 'Ціни на хліб зросли', siteName: 'Вісті', lang: 'uk' });
  });

  it('normalises og:locale to a language tag', () => {
    expect(metadataOf('<html><head><meta property="og:locale" content="en_GB"></head><body></body></html>').lang).toBe(
      'en-GB',
    );
  });

  it('prefers the <title> when the only <h1> is the site name', () => {
    const meta = metadataOf(
      '<html><head><title>Water outage ends after 40 hours – Field Notes</title></head><body><h1>Field Notes</h1></body></html>',
    );
    expect(meta.title).toBe('Water outage ends after 40 hours');
  });

  it('resolves a relative canonical link and ignores one pointing at the front page', () => {
    expect(
      metadataOf('<html><head><link rel="canonical" href="/world/story-1"></head><body></body></html>').canonicalUrl,
    ).toBe('https://news.example/world/story-1');
    expect(
      metadataOf('<html><head><link rel="canonical" href="https://news.example/"></head><body></body></html>')
        .canonicalUrl,
    ).toBeNull();
  });

  it('takes a byline from meta author but not when it is a profile URL', () => {
    expect(
      metadataOf('<html><head><meta name="author" content="By Amelia Hart"></head><body></body></html>').byline,
    ).toBe('Amelia Hart');
    expect(
      metadataOf(
        '<html><head><meta property="article:author" content="https://facebook.com/someone"></head><body></body></html>',
      ).byline,
    ).toBeNull();
  });
});

describe('normalizeDate', () => {
  it('reads offsets, UTC and zone-less times (as UTC)', () => {
    expect(normalizeDate('2023-10-14T09:30:00+03:00')).toBe('2023-10-14T06:30:00.000Z');
    expect(normalizeDate('2023-10-14T09:30:00Z')).toBe('2023-10-14T09:30:00.000Z');
    expect(normalizeDate('2023-10-14 09:30')).toBe('2023-10-14T09:30:00.000Z');
    expect(normalizeDate('2023-10-14')).toBe('2023-10-14T00:00:00.000Z');
    expect(normalizeDate('20231014')).toBe('2023-10-14T00:00:00.000Z');
    expect(normalizeDate('Sat, 14 Oct 2023 09:30:00 GMT')).toBe('2023-10-14T09:30:00.000Z');
    expect(normalizeDate('Sat, 14 Oct 2023 09:30:00 +0200')).toBe('2023-10-14T07:30:00.000Z');
  });

  it('rejects what is not a date', () => {
    expect(normalizeDate('2023-02-30')).toBeNull();
    expect(normalizeDate('yesterday')).toBeNull();
    expect(normalizeDate('0001-01-01T00:00:00Z')).toBeNull();
    expect(normalizeDate('')).toBeNull();
  });
});

describe('dateFromUrl', () => {
  it('finds dates in the path in the usual forms', () => {
    expect(dateFromUrl('https://a.example/news/2023/10/14/story')).toBe('2023-10-14T00:00:00.000Z');
    expect(dateFromUrl('https://a.example/news/2023-10-14-story.html')).toBe('2023-10-14T00:00:00.000Z');
    expect(dateFromUrl('https://a.example/news/20231014/1234/')).toBe('2023-10-14T00:00:00.000Z');
  });

  it('does not take a year and month, an id or a non-web URL for a date', () => {
    expect(dateFromUrl('https://a.example/2023/10/story')).toBeNull();
    expect(dateFromUrl('https://a.example/news/3500123-story.html')).toBeNull();
    expect(dateFromUrl('file:///home/me/2023/10/14/page.html')).toBeNull();
  });
});

describe('stripSiteName', () => {
  it('removes the site name at either end, and a short trailing part when the site is unknown', () => {
    expect(stripSiteName('Headline here | Site', 'Site')).toBe('Headline here');
    expect(stripSiteName('Site :: Headline here', 'Site')).toBe('Headline here');
    expect(stripSiteName('Число дорог выросло на 45,7% — Северный портал', null)).toBe('Число дорог выросло на 45,7%');
    expect(stripSiteName('Biden: we will rebuild', null)).toBe('Biden: we will rebuild');
  });
});

describe('metadata with broken character references', () => {
  it('reads a numeric reference outside Unicode as U+FFFD instead of failing the page', () => {
    const meta = metadataOf(
      '<html><head><meta property="og:title" content="Bad &#xFFFFFFFF; &#1114112; reference"></head><body><p>Text.</p></body></html>',
    );
    expect(meta.title).toBe('Bad \uFFFD \uFFFD reference');
  });
});
