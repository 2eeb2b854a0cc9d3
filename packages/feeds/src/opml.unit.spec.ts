import { describe, expect, it } from 'vitest';
import { type OpmlErrorCode, readOpml, writeOpml } from './opml.ts';

/** A subscription list as feed readers export it: folders, a nested folder, a feed at the top, a category. */
const readerExport = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>My subscriptions &amp; more</title></head>
  <body>
    <outline text="News" title="News">
      <outline type="rss" text="Harbour Times" title="Harbour Times" xmlUrl="https://harbour.example/feed?x=1&amp;y=2" htmlUrl="https://harbour.example/"/>
      <outline text="  Economy   news ">
        <outline type="rss" text="Market Wire" xmlUrl="https://wire.example/rss"/>
      </outline>
    </outline>
    <outline text="Sport">
      <outline type="rss" text="Harbour Times" xmlUrl="https://harbour.example/feed?x=1&amp;y=2"/>
    </outline>
    <outline type="rss" text="Loose feed" xmlUrl="https://loose.example/atom.xml" category="/Local/Weather,/news"/>
    <outline text="Empty folder"/>
  </body>
</opml>`;

function errorOf(input: string | Uint8Array, options = {}): { code: OpmlErrorCode; message: string } {
  const r = readOpml(input, options);
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

describe('readOpml', () => {
  it('reads every feed with its folders (outermost first) and categories as tags; a feed in two folders once', () => {
    const r = readOpml(readerExport);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.title).toBe('My subscriptions & more');
    expect(r.feeds).toEqual([
      {
        url: 'https://harbour.example/feed?x=1&y=2',
        title: 'Harbour Times',
        siteUrl: 'https://harbour.example/',
        tags: ['News', 'Sport'],
      },
      { url: 'https://wire.example/rss', title: 'Market Wire', siteUrl: null, tags: ['News', 'Economy news'] },
      { url: 'https://loose.example/atom.xml', title: 'Loose feed', siteUrl: null, tags: ['Local', 'Weather', 'news'] },
    ]);
  });

  it('reads OPML 1.0 from bytes in another encoding, by its prolog', () => {
    const text = `<?xml version="1.0" encoding="ISO-8859-1"?><opml version="1.0"><body><outline text="Caf\u00e9s"><outline text="Le caf\u00e9" xmlUrl="https://cafe.example/rss"/></outline></body></opml>`;
    const r = readOpml(Buffer.from(text, 'latin1'));
    expect(r.ok && r.feeds).toEqual([
      { url: 'https://cafe.example/rss', title: 'Le caf\u00e9', siteUrl: null, tags: ['Caf\u00e9s'] },
    ]);
  });

  it('refuses a DOCTYPE, so no entity expands or reaches outside (billion laughs, external entities)', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><opml version="2.0"><body><outline text="&lol2;" xmlUrl="https://a.example/"/></body></opml>`;
    const external = `<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY secret SYSTEM "file:///etc/passwd">]><opml version="2.0"><body><outline text="&secret;" xmlUrl="https://a.example/"/></body></opml>`;
    expect(errorOf(laughs).code).toBe('doctype');
    expect(errorOf(external).code).toBe('doctype');
    expect(errorOf(external).message).toMatch(/DOCTYPE/);
  });

  it('refuses what is not well-formed, naming where', () => {
    const e = errorOf('<opml version="2.0"><body><outline text="x" xmlUrl="https://a.example/"></body></opml>');
    expect(e.code).toBe('malformed');
    expect(e.message).toMatch(/line 1/);
  });

  it('refuses documents that are not OPML, or empty', () => {
    expect(errorOf('<rss version="2.0"><channel><title>x</title></channel></rss>').code).toBe('not-opml');
    expect(errorOf('<opml version="2.0"><head/></opml>').code).toBe('not-opml');
    expect(errorOf('   ').code).toBe('not-opml');
  });

  it('bounds size, depth and count before and while reading', () => {
    // Refused on its size alone, before any parsing.
    const big = `<opml version="2.0"><body>${' '.repeat(1_048_576)}</body></opml>`;
    expect(errorOf(big).code).toBe('too-large');
    expect(errorOf(big).message).toMatch(/1048576-byte limit/);
    const deep = `<opml version="2.0"><body>${'<outline text="d">'.repeat(5000)}<outline text="f" xmlUrl="https://a.example/"/>${'</outline>'.repeat(5000)}</body></opml>`;
    expect(errorOf(deep).code).toBe('too-deep');
    const many = (n: number) =>
      `<opml version="2.0"><body>${Array.from({ length: n }, (_, i) => `<outline text="f${i}" xmlUrl="https://a.example/${i}"/>`).join('')}</body></opml>`;
    expect(errorOf(many(11), { maxFeeds: 10 }).code).toBe('too-many-feeds');
    expect(readOpml(many(10), { maxFeeds: 10 }).ok).toBe(true);
  });

  it('bounds tags: trimmed, at most 100 characters and 20 per feed, unique without regard to case', () => {
    const category = Array.from({ length: 30 }, (_, i) => `/t${i}`).join(',');
    const r = readOpml(
      `<opml version="2.0"><body><outline text="${'x'.repeat(150)}"><outline text="NEWS"><outline text="f" xmlUrl="https://a.example/" category="/news,${category}"/></outline></outline></body></opml>`,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const tags = r.feeds[0]!.tags;
    expect(tags).toHaveLength(20);
    expect(tags[0]).toBe('x'.repeat(100));
    expect(tags[1]).toBe('NEWS');
    expect(tags.filter((t) => t.toLowerCase() === 'news')).toHaveLength(1);
  });
});

describe('writeOpml', () => {
  it('writes folders by first tag and the other tags as categories, which readOpml reads back the same', () => {
    const feeds = [
      {
        url: 'https://harbour.example/feed?x=1&y=2',
        title: 'Harbour & <Times>',
        siteUrl: 'https://harbour.example/',
        tags: ['News', 'Sport'],
      },
      { url: 'https://wire.example/rss', title: null, tags: ['Economy'] },
      { url: 'https://loose.example/atom.xml', title: 'Loose', tags: [] },
      { url: 'https://second.example/rss', title: 'Second', tags: ['News'] },
    ];
    const xml = writeOpml(feeds, { title: 'Tally feeds', dateCreated: new Date('2026-12-06T00:00:00Z') });
    expect(xml).toContain('<opml version="2.0">');
    expect(xml).toContain('xmlUrl="https://harbour.example/feed?x=1&amp;y=2"');
    const back = readOpml(xml);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.title).toBe('Tally feeds');
    expect(back.feeds).toEqual([
      {
        url: 'https://harbour.example/feed?x=1&y=2',
        title: 'Harbour & <Times>',
        siteUrl: 'https://harbour.example/',
        tags: ['News', 'Sport'],
      },
      { url: 'https://second.example/rss', title: 'Second', siteUrl: null, tags: ['News'] },
      { url: 'https://wire.example/rss', title: 'https://wire.example/rss', siteUrl: null, tags: ['Economy'] },
      { url: 'https://loose.example/atom.xml', title: 'Loose', siteUrl: null, tags: [] },
    ]);
  });
});
