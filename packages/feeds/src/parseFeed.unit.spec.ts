import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseFeed } from './parseFeed.ts';
import type { ParseResult } from './types.ts';
import { MAX_DEPTH } from './xmlTree.ts';

function feedOf(result: ParseResult) {
  if (!result.ok) throw new Error(`expected a feed, got ${result.error.code}: ${result.error.message}`);
  return result;
}

const rssItems = (items: string): string =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title><link>http://example.com/</link>${items}</channel></rss>`;

describe('parseFeed on hostile input', () => {
  it('does not expand nested entity definitions (billion laughs)', () => {
    const defs = Array.from({ length: 10 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const doc = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">${defs}]>${rssItems('<item><title>T &l10;</title><description>&l10;&l10;</description></item>')}`;
    const result = feedOf(parseFeed(doc));
    expect(result.items).toHaveLength(1);
    expect(result.items[0]!.title).toBe('T &l10;');
    expect(JSON.stringify(result).length).toBeLessThan(2000);
    expect(result.warnings.join(' ')).toMatch(/not expanded/);
  });

  it('never resolves external entities', () => {
    const doc = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/hostname"><!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd"> %p;]>${rssItems('<item><title>&xxe;</title></item>')}`;
    const result = feedOf(parseFeed(doc));
    expect(result.items[0]!.title).toBe('&xxe;');
  });

  it('keeps the complete items of a truncated feed and says it was cut', () => {
    const full = rssItems(
      Array.from({ length: 5 }, (_, i) => `<item><guid>g${i}</guid><title>Item ${i}</title></item>`).join(''),
    );
    const cut = full.slice(0, full.indexOf('<title>Item 4') + 10);
    const result = feedOf(parseFeed(cut));
    expect(result.items.map((i) => i.id)).toEqual(['g0', 'g1', 'g2', 'g3']);
    expect(result.warnings.some((w) => w.includes('truncated'))).toBe(true);
  });

  it('answers an HTML page with not-a-feed and the feeds it advertises', () => {
    const page =
      '<!DOCTYPE html><html><head><title>Blog</title>' +
      '<link rel="alternate" type="application/rss+xml" href="/feed.xml">' +
      '<link rel="alternate" type="application/atom+xml" href="https://other.example.org/atom">' +
      '<link rel="stylesheet" href="/site.css"></head><body><p>Hi</p></body></html>';
    const result = parseFeed(page, { url: 'https://blog.example.org/post/1', contentType: 'text/html; charset=utf-8' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'not-a-feed',
        message: expect.any(String),
        advertisedFeeds: ['https://blog.example.org/feed.xml', 'https://other.example.org/atom'],
      },
    });
  });

  it('classifies empty, malformed and foreign documents', () => {
    expect(parseFeed('')).toMatchObject({ ok: false, error: { code: 'empty' } });
    expect(parseFeed(new Uint8Array([0xef, 0xbb, 0xbf, 0x20]))).toMatchObject({ ok: false, error: { code: 'empty' } });
    expect(parseFeed('<?xml version="1.0"?>')).toMatchObject({ ok: false, error: { code: 'malformed' } });
    expect(parseFeed('{"items": [')).toMatchObject({ ok: false, error: { code: 'malformed' } });
    expect(parseFeed('<opml version="2.0"><body/></opml>')).toMatchObject({ ok: false, error: { code: 'not-a-feed' } });
    expect(parseFeed('{"hello": "world"}')).toMatchObject({ ok: false, error: { code: 'not-a-feed' } });
  });

  // A generous timeout: this asserts completeness, and a shared machine may be slow at any moment.
  it('parses a 100,000-item feed (about 50 MB) completely', { timeout: 120_000 }, () => {
    const body = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(6);
    const parts: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      parts.push(
        `<item><title>Story number ${i} &amp; more</title><link>https://news.example.org/story/${i}?utm_source=rss</link>` +
          `<guid isPermaLink="false">story-${i}</guid><pubDate>Mon, 05 Jan 2004 12:30:00 GMT</pubDate>` +
          `<description><![CDATA[<p>${body}</p>]]></description></item>`,
      );
    }
    const doc = rssItems(parts.join('\n'));
    expect(doc.length).toBeGreaterThan(45_000_000);
    const result = feedOf(parseFeed(doc));
    expect(result.items).toHaveLength(100_000);
    expect(result.items[99_999]).toMatchObject({ id: 'story-99999', title: 'Story number 99999 & more' });
  });

  it('stays linear on stray end tags and on nesting up to the depth limit', { timeout: 60_000 }, () => {
    const open = MAX_DEPTH - 3; // rss, channel and item are open too
    const doc = `<rss><channel><title>Deep</title>${'</b>'.repeat(50_000)}<item><title>Before</title></item><item>${'<a>'.repeat(open)}x${'</a>'.repeat(open)}<title>After</title></item></channel></rss>`;
    const result = feedOf(parseFeed(doc));
    expect(result.items.map((i) => i.title)).toEqual(['Before', 'After']);
  });
});

describe('parseFeed encodings', () => {
  const russian = 'Новости дня';
  const doc = (label: string) =>
    `<?xml version="1.0" encoding="${label}"?><rss version="2.0"><channel><title>${russian}</title><item><title>${russian}</title></item></channel></rss>`;

  it('decodes windows-1251 declared in the prolog', () => {
    const result = feedOf(parseFeed(iconv.encode(doc('windows-1251'), 'windows-1251')));
    expect(result.feed.title).toBe(russian);
    expect(result.encoding).toBe('windows-1251');
  });

  it('decodes koi8-r declared only by the HTTP charset', () => {
    const bytes = iconv.encode(doc('utf-8').replace(' encoding="utf-8"', ''), 'koi8-r');
    const result = feedOf(parseFeed(bytes, { contentType: 'application/rss+xml; charset=KOI8-R' }));
    expect(result.items[0]!.title).toBe(russian);
    expect(result.encoding).toBe('koi8-r');
  });

  it('lets the HTTP charset win over a contradicting prolog', () => {
    const bytes = iconv.encode(doc('windows-1251'), 'koi8-r');
    expect(feedOf(parseFeed(bytes, { contentType: 'text/xml; charset=koi8-r' })).feed.title).toBe(russian);
  });

  it('decodes UTF-16 with either BOM, and without one', () => {
    for (const [encoding, bom] of [
      ['utf-16le', [0xff, 0xfe]],
      ['utf-16be', [0xfe, 0xff]],
    ] as const) {
      const bytes = Uint8Array.from([...bom, ...iconv.encode(doc('utf-16'), encoding)]);
      expect(feedOf(parseFeed(bytes)).feed.title).toBe(russian);
    }
    expect(feedOf(parseFeed(iconv.encode(doc('utf-16'), 'utf-16le'))).feed.title).toBe(russian);
  });

  it('reads iso-8859-1 as windows-1252 so smart quotes survive', () => {
    const bytes = iconv.encode(doc('iso-8859-1').replace(russian, 'It’s café').replace(russian, 'x'), 'windows-1252');
    expect(feedOf(parseFeed(bytes)).feed.title).toBe('It’s café');
  });

  it('strips characters XML forbids and reports it', () => {
    const result = feedOf(parseFeed(rssItems('<item><title>a\u0000b\u0007c\u001bd</title></item>')));
    expect(result.items[0]!.title).toBe('abcd');
    expect(result.warnings.join(' ')).toMatch(/removed 3 characters/);
  });

  it('refuses bytes in an unknown encoding that are not UTF-8 either', () => {
    const bytes = Uint8Array.from([
      ...new TextEncoder().encode('<?xml version="1.0" encoding="x-nope"?><rss><channel><title>'),
      0xff,
      0xc3,
      0x28,
    ]);
    expect(parseFeed(bytes)).toMatchObject({ ok: false, error: { code: 'bad-encoding' } });
  });
});

describe('parseFeed normalisation', () => {
  it('gives one model for RSS, Atom and JSON Feed', () => {
    const rss = feedOf(
      parseFeed(
        rssItems(
          '<item><title>Hello</title><link>/a</link><guid>urn:a</guid><pubDate>Mon, 05 Jan 2004 12:30:00 EST</pubDate>' +
            '<author>jo@example.com (Jo)</author><description>&lt;p&gt;Hi&lt;/p&gt;</description></item>',
        ),
        { url: 'https://example.com/feed' },
      ),
    );
    const atom = feedOf(
      parseFeed(
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://example.com/"><title>Feed</title><link href="/"/>' +
          '<entry><id>urn:a</id><title>Hello</title><link href="a"/><published>2004-01-05T17:30:00Z</published>' +
          '<author><name>Jo</name></author><summary type="html">&lt;p&gt;Hi&lt;/p&gt;</summary></entry></feed>',
      ),
    );
    const json = feedOf(
      parseFeed(
        JSON.stringify({
          version: 'https://jsonfeed.org/version/1.1',
          title: 'Feed',
          items: [
            {
              id: 'urn:a',
              title: 'Hello',
              url: 'https://example.com/a',
              date_published: '2004-01-05T12:30:00-05:00',
              authors: [{ name: 'Jo' }],
              summary: 'Hi',
            },
          ],
        }),
      ),
    );
    const expected = {
      id: 'urn:a',
      title: 'Hello',
      link: 'https://example.com/a',
      published: '2004-01-05T17:30:00.000Z',
      author: 'Jo',
    };
    expect(rss.items[0]).toMatchObject({ ...expected, summary: '<p>Hi</p>', content: null, updated: null });
    expect(atom.items[0]).toMatchObject({ ...expected, summary: '<p>Hi</p>' });
    expect(json.items[0]).toMatchObject({ ...expected, summary: 'Hi' });
    expect([rss.feed.format, atom.feed.format, json.feed.format]).toEqual(['rss', 'atom', 'json']);
  });

  it('escapes plain-text constructs so summary and content are always HTML', () => {
    const atom = feedOf(
      parseFeed(
        '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>x</id><summary>1 &lt; 2 &amp; 3</summary></entry></feed>',
      ),
    );
    expect(atom.items[0]!.summary).toBe('1 &lt; 2 &amp; 3');
  });

  it('never returns a wrong date: unreadable ones are null with a warning', () => {
    const result = feedOf(
      parseFeed(rssItems('<item><title>x</title><pubDate>Mon, 05 Jan 2004 12:30:00 IST</pubDate></item>')),
    );
    expect(result.items[0]!.published).toBeNull();
    expect(result.warnings.join(' ')).toMatch(/unreadable date/);
  });
});
