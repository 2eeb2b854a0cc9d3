import iconv from 'iconv-lite';
import type { ConformanceCase, Expectation, ExpectedItem } from './ConformanceCase.ts';
import { readerCases } from './readerCases.ts';

/**
 * The conformance set: small feed documents, each with the normalised output it must give.
 * Expected values are written by hand from the specifications (RSS 2.0, RFC 822/2822, W3CDTF,
 * Atom RFC 4287, xml:base, JSON Feed 1.1), never taken from a parser's output. `write.ts` stores
 * them under fixtures/conformance so other tools (and people) can read them.
 */

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

const NS =
  ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"' +
  ' xmlns:atom="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"' +
  ' xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:dcterms="http://purl.org/dc/terms/"';

function rss(items: string, channelExtra = '', rssAttrs = ' version="2.0"'): string {
  return (
    `<?xml version="1.0" encoding="utf-8"?>\n<rss${rssAttrs}${NS}><channel><title>Example Feed</title>` +
    `<link>http://example.com/</link><description>An example</description>${channelExtra}${items}</channel></rss>`
  );
}

function atom(entries: string, feedAttrs = '', feedExtra = ''): string {
  return (
    `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"${feedAttrs}>` +
    `<title>Example Feed</title><id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>` +
    `<link href="http://example.com/"/><updated>2024-01-01T00:00:00Z</updated>${feedExtra}${entries}</feed>`
  );
}

const cases: ConformanceCase[] = [];

function add(
  category: string,
  name: string,
  document: string | Uint8Array,
  expect: Expectation,
  options?: ConformanceCase['options'],
  ext: ConformanceCase['ext'] = 'xml',
): void {
  cases.push({
    category,
    name,
    ext,
    document: typeof document === 'string' ? utf8(document) : document,
    expect,
    ...(options ? { options } : {}),
  });
}

const one = (item: ExpectedItem): Expectation => ({ ok: true, itemCount: 1, items: [item] });

// ---------------------------------------------------------------------------------------------
// Dates

const JAN5 = '2004-01-05T12:30:00.000Z';
const rfc822: [string, string | null][] = [
  ['Mon, 05 Jan 2004 12:30:00 GMT', JAN5],
  ['Mon, 05 Jan 2004 12:30:00 +0000', JAN5],
  ['Mon, 05 Jan 2004 12:30:00 -0500', '2004-01-05T17:30:00.000Z'],
  ['Mon, 05 Jan 2004 12:30:00 +0530', '2004-01-05T07:00:00.000Z'],
  ['Mon, 05 Jan 2004 12:30:00 EST', '2004-01-05T17:30:00.000Z'],
  ['Mon, 05 Jan 2004 12:30:00 EDT', '2004-01-05T16:30:00.000Z'],
  ['Mon, 05 Jan 2004 12:30:00 PST', '2004-01-05T20:30:00.000Z'],
  ['Mon, 05 Jan 2004 12:30:00 PDT', '2004-01-05T19:30:00.000Z'],
  ['Mon, 05 Jan 2004 12:30:00 CST', '2004-01-05T18:30:00.000Z'],
  ['Mon, 05 Jan 2004 12:30:00 MDT', '2004-01-05T18:30:00.000Z'],
  ['Mon, 05 Jan 2004 12:30:00 MST', '2004-01-05T19:30:00.000Z'],
  ['Mon, 05 Jan 2004 12:30:00 CDT', '2004-01-05T17:30:00.000Z'],
  ['Mon, 05 Jan 2004 12:30:00 UT', JAN5],
  ['Mon, 05 Jan 2004 12:30:00 UTC', JAN5],
  ['Mon, 05 Jan 2004 12:30:00 Z', JAN5],
  ['05 Jan 2004 12:30:00 GMT', JAN5],
  ['Mon, 5 Jan 2004 12:30:00 GMT', JAN5],
  ['Mon, 05 Jan 04 12:30:00 GMT', JAN5],
  ['Mon, 05 Jan 2004 12:30 GMT', JAN5],
  ['Mon, 05 January 2004 12:30:00 GMT', JAN5],
  ['mon, 05 jan 2004 12:30:00 gmt', JAN5],
  ['Mon,05 Jan 2004 12:30:00 GMT', JAN5],
  ['Mon, 05 Jan 2004 12:30:00', JAN5],
  ['Mon, 05 Jan 2004 12:30:00 +01:00', '2004-01-05T11:30:00.000Z'],
  ['Mon, 05 Jan 2004 12:30:00 CET', '2004-01-05T11:30:00.000Z'],
  ['Mon, 05 Jan 2004 12:30:00 CEST', '2004-01-05T10:30:00.000Z'],
  ['Mon, 05 Jan 2004 12:30:00 BST', '2004-01-05T11:30:00.000Z'],
  ['Mon, 05 Jan 2004 12:30:00 JST', '2004-01-05T03:30:00.000Z'],
  ['Mon, 05 Jan 2004 12:30:00 AEST', '2004-01-05T02:30:00.000Z'],
  ['Mon, 05 Jan 2004 12:30:00 AEDT', '2004-01-05T01:30:00.000Z'],
  ['Mon, 05 Jan 2004 12:30:00 NZDT', '2004-01-04T23:30:00.000Z'],
  ['Mon, 05 Jan 2004 12:30:00 MSK', '2004-01-05T09:30:00.000Z'],
  ['Mon, 05 Jan 2004 12:30:00 EET', '2004-01-05T10:30:00.000Z'],
  ['Mon, 05 Jan 2004 12:30:00 AKST', '2004-01-05T21:30:00.000Z'],
  ['Mon, 05 Jan 2004 12:30:00 HST', '2004-01-05T22:30:00.000Z'],
  ['Mon, 05 Jan 2004 23:30:00 -0800', '2004-01-06T07:30:00.000Z'],
  ['Sun, 29 Feb 2004 12:00:00 GMT', '2004-02-29T12:00:00.000Z'],
  ['Mon, 05 Jan 2004 12:30:00 GMT+0100', '2004-01-05T11:30:00.000Z'],
  ['Mon, 05 Jan 2004 12:30:00 +0000 (UTC)', JAN5],
  ['Sun, 05 Sept 2004 12:30:00 GMT', '2004-09-05T12:30:00.000Z'],
  ['Mon, 05-Jan-2004 12:30:00 GMT', JAN5],
  ['Monday, 05 Jan 2004 12:30:00 GMT', JAN5],
  ['Mon, 05 Jan 2004 1:30:00 GMT', '2004-01-05T01:30:00.000Z'],
  ['Wed, 31 Dec 1969 23:59:59 GMT', '1969-12-31T23:59:59.000Z'],
  ['Tue, 05 Jan 99 12:30:00 GMT', '1999-01-05T12:30:00.000Z'],
  ['Thu, 01 Jan 1970 00:00:00 GMT', '1970-01-01T00:00:00.000Z'],
  ['Tue, 10 Jun 2003 04:00:00 GMT', '2003-06-10T04:00:00.000Z'],
  ['Sat, 07 Sep 2002 00:00:01 GMT', '2002-09-07T00:00:01.000Z'],
  ['Mon, 05 Jan 2004 12:30:00 -0000', JAN5],
  ['Mon, 05 Jan 2004 12:30:00  GMT', JAN5],
  ['Mon, 05 Jan 2004 12:30:00 -03:30', '2004-01-05T16:00:00.000Z'],
  ['Jan 5, 2004 12:30:00 GMT', JAN5],
  ['Mon Jan  5 12:30:00 2004', JAN5],
  ['Mon Jan 5 12:30:00 PST 2004', '2004-01-05T20:30:00.000Z'],
  ['January 5, 2004', '2004-01-05T00:00:00.000Z'],
  ['Jan 5, 2004 12:30 PM EST', '2004-01-05T17:30:00.000Z'],
];
const w3cdtf: [string, string | null][] = [
  ['2004-01-05T12:30:00Z', JAN5],
  ['2004-01-05T12:30:00+01:00', '2004-01-05T11:30:00.000Z'],
  ['2004-01-05T12:30:00-05:00', '2004-01-05T17:30:00.000Z'],
  ['2004-01-05T12:30:00.123Z', '2004-01-05T12:30:00.123Z'],
  ['2004-01-05T12:30Z', JAN5],
  ['2004-01-05', '2004-01-05T00:00:00.000Z'],
  ['2004-01', '2004-01-01T00:00:00.000Z'],
  ['2004', '2004-01-01T00:00:00.000Z'],
  ['2004-01-05T12:30:00', JAN5],
  ['2004-01-05 12:30:00', JAN5],
  ['2004-01-05T12:30:00+0100', '2004-01-05T11:30:00.000Z'],
  ['20040105T123000Z', JAN5],
  ['2004-01-05t12:30:00z', JAN5],
  ['2004-01-05T12:30:00.5+05:30', '2004-01-05T07:00:00.500Z'],
  ['2004-01-05T12:30:00+14:00', '2004-01-04T22:30:00.000Z'],
  ['2004-02-29T12:00:00Z', '2004-02-29T12:00:00.000Z'],
  ['1999-12-31T23:59:59-00:00', '1999-12-31T23:59:59.000Z'],
  ['2004-01-05T12:30:00.123456789Z', '2004-01-05T12:30:00.123Z'],
  ['  2004-01-05T12:30:00Z  ', JAN5],
  ['2004-01-05T12:30:00 EST', '2004-01-05T17:30:00.000Z'],
  ['2000-02-29T00:00:00Z', '2000-02-29T00:00:00.000Z'],
];
const invalidDates: string[] = [
  'Mon, 32 Jan 2004 12:30:00 GMT',
  'Mon, 05 Foo 2004 12:30:00 GMT',
  '2004-13-01T00:00:00Z',
  '2004-02-30T00:00:00Z',
  '2003-02-29',
  '2004-01-05T25:00:00Z',
  '2004-01-05T12:60:00Z',
  'Mon, 05 Jan 2004 24:30:00 GMT',
  'not a date',
  'yesterday',
  '0000-00-00 00:00:00',
  '0000-00-00T00:00:00Z',
  '2004-01-05T12:30:00+25:00',
  'Mon, 05 Jan 2004 12:30:00 XYZ',
  'Mon, 05 Jan 2004 12:30:00 IST',
  '12/01/2004',
  '01/02/03',
  '31 Feb 2004',
  'Sat, 29 Feb 2003 12:00:00 GMT',
  '2004-00-10',
  '1234567890',
  'N/A',
  '2004-01-05T12:30:00Zjunk',
  'Jan 32, 2004',
  'Mon, 05 Janvier 2004 12:30:00 GMT',
  '1900-02-29T00:00:00Z',
  'Mon, 05 Jan 2004 12:30:00 +2500',
];

rfc822.forEach(([text, iso], i) => {
  add(
    'dates: RFC 822',
    `rfc822-${i}`,
    rss(`<item><title>D</title><pubDate>${text}</pubDate></item>`),
    one({ published: iso }),
  );
});
w3cdtf.forEach(([text, iso], i) => {
  add(
    'dates: W3CDTF',
    `w3cdtf-atom-${i}`,
    atom(`<entry><id>urn:e</id><title>D</title><published>${text}</published><updated>${text}</updated></entry>`),
    one({ published: iso, updated: iso }),
  );
  add(
    'dates: W3CDTF',
    `w3cdtf-dc-${i}`,
    rss(`<item><title>D</title><dc:date>${text}</dc:date></item>`),
    one({ published: iso }),
  );
});
invalidDates.forEach((text, i) => {
  add(
    'dates: invalid',
    `invalid-rss-${i}`,
    rss(`<item><title>D</title><pubDate>${text}</pubDate></item>`),
    one({ title: 'D', published: null }),
  );
  add(
    'dates: invalid',
    `invalid-atom-${i}`,
    atom(`<entry><id>urn:e</id><title>D</title><updated>${text}</updated></entry>`),
    one({ title: 'D', updated: null }),
  );
});
add(
  'dates: invalid',
  'one-bad-atom-date-keeps-feed',
  atom(
    '<entry><id>urn:1</id><title>One</title><updated>2004-01-05T12:30:00Z</updated></entry>' +
      '<entry><id>urn:2</id><title>Two</title><updated>garbage</updated></entry>' +
      '<entry><id>urn:3</id><title>Three</title><updated>2004-01-07T12:30:00Z</updated></entry>',
  ),
  {
    ok: true,
    itemCount: 3,
    items: [
      { title: 'One', updated: JAN5 },
      { title: 'Two', updated: null },
      { title: 'Three', updated: '2004-01-07T12:30:00.000Z' },
    ],
  },
);

// ---------------------------------------------------------------------------------------------
// Entities and CDATA

const titled: [string, string, string][] = [
  ['amp', 'Tom &amp; Jerry', 'Tom & Jerry'],
  ['lt-plain', 'a &lt; b', 'a < b'],
  ['quot-apos', '&quot;Quoted&quot; &apos;single&apos;', '"Quoted" \'single\''],
  ['decimal-ref', 'Copyright &#169; 2004', 'Copyright © 2004'],
  ['hex-ref', 'Copyright &#xA9; 2004', 'Copyright © 2004'],
  ['astral-ref', 'Smile &#x1F600;', 'Smile 😀'],
  ['html-entity-eacute', 'Caf&eacute;', 'Café'],
  ['html-entity-hellip', 'Wait&hellip;', 'Wait…'],
  ['html-entity-mdash', 'A&mdash;B', 'A—B'],
  ['html-entity-rsquo', 'It&rsquo;s', 'It’s'],
  ['double-escaped', 'Tom &amp;amp; Jerry', 'Tom & Jerry'],
  ['cdata', '<![CDATA[Tom & Jerry]]>', 'Tom & Jerry'],
  ['cdata-markup', '<![CDATA[<b>Bold</b> move]]>', 'Bold move'],
  ['escaped-markup', '&lt;b&gt;Bold&lt;/b&gt; move', 'Bold move'],
  ['cdata-lt', '<![CDATA[1 < 2]]>', '1 < 2'],
  ['cdata-split', '<![CDATA[a]]]]><![CDATA[>b]]>', 'a]]>b'],
  ['bare-ampersand', 'AT&T news', 'AT&T news'],
  ['cp1252-ref', 'It&#146;s', 'It’s'],
  ['unicode-ref-quote', 'It&#8217;s', 'It’s'],
  ['comment-inside', 'A<!-- hidden -->B', 'AB'],
  ['whitespace', '\n   Spread\n   over   lines\n', 'Spread over lines'],
  ['mixed-cdata-text', 'Part <![CDATA[<one>]]> and two', 'Part <one> and two'],
  ['nbsp', 'A&#160;B', 'A\u00a0B'],
  ['unknown-entity-kept', 'A &bogus; B', 'A &bogus; B'],
  ['numeric-control-dropped', 'A&#1;B', 'AB'],
];
for (const [name, raw, text] of titled) {
  add('entities & CDATA', `rss-title-${name}`, rss(`<item><title>${raw}</title></item>`), one({ title: text }));
}
add(
  'entities & CDATA',
  'feed-title-entity',
  rss('<item><title>x</title></item>').replace('<title>Example Feed</title>', '<title>News &amp; Views</title>'),
  { ok: true, feed: { title: 'News & Views' } },
);
const described: [string, string, string, string?][] = [
  ['cdata-html', '<![CDATA[<p>Hello <b>world</b></p>]]>', 'Hello world', '<b>world</b>'],
  ['escaped-html', '&lt;p&gt;Hello &lt;i&gt;there&lt;/i&gt;&lt;/p&gt;', 'Hello there', '<i>there</i>'],
  ['raw-markup', '<p>Hello <b>raw</b></p>', 'Hello raw', '<b>raw</b>'],
  ['plain', 'Just text', 'Just text'],
  ['double-escaped', '&amp;lt;b&amp;gt;', '<b>'],
  ['entity-in-cdata-kept', '<![CDATA[Fish &amp; Chips]]>', 'Fish & Chips'],
  ['unclosed-br', '<![CDATA[Line one<br>Line two]]>', 'Line one Line two'],
  ['raw-unclosed-br', 'Line one<br>Line two', 'Line one Line two'],
];
for (const [name, raw, text, html] of described) {
  add(
    'entities & CDATA',
    `rss-description-${name}`,
    rss(`<item><title>x</title><description>${raw}</description></item>`),
    one({ summary: text, ...(html ? { summaryHtmlIncludes: html } : {}) }),
  );
}
add(
  'entities & CDATA',
  'link-amp',
  rss('<item><title>x</title><link>http://example.com/?a=1&amp;b=2</link></item>'),
  one({ link: 'http://example.com/?a=1&b=2' }),
);
add(
  'entities & CDATA',
  'link-bare-amp',
  rss('<item><title>x</title><link>http://example.com/?a=1&b=2</link></item>'),
  one({ link: 'http://example.com/?a=1&b=2' }),
);
add(
  'entities & CDATA',
  'atom-href-amp',
  atom('<entry><id>urn:e</id><title>x</title><link href="http://example.com/?a=1&amp;b=2"/></entry>'),
  one({ link: 'http://example.com/?a=1&b=2' }),
);
add(
  'entities & CDATA',
  'content-encoded-cdata',
  rss('<item><title>x</title><content:encoded><![CDATA[<p>Full <em>text</em></p>]]></content:encoded></item>'),
  one({ content: 'Full text', contentHtmlIncludes: '<em>text</em>' }),
);

// ---------------------------------------------------------------------------------------------
// Atom text constructs and XHTML

const atomTitles: [string, string, string][] = [
  ['text-type-literal', '<title type="text">A &lt;b&gt; B</title>', 'A <b> B'],
  ['html-type', '<title type="html">A &lt;b&gt;bold&lt;/b&gt; move</title>', 'A bold move'],
  ['html-cdata', '<title type="html"><![CDATA[A <em>big</em> day]]></title>', 'A big day'],
  [
    'xhtml',
    '<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">An <b>XHTML</b> title</div></title>',
    'An XHTML title',
  ],
  [
    'xhtml-prefixed',
    '<title type="xhtml"><xhtml:div xmlns:xhtml="http://www.w3.org/1999/xhtml">Prefixed <xhtml:i>title</xhtml:i></xhtml:div></title>',
    'Prefixed title',
  ],
  ['html-double-escaped', '<title type="html">Fish &amp;amp; Chips</title>', 'Fish & Chips'],
  ['text-amp', '<title>Fish &amp; Chips</title>', 'Fish & Chips'],
  ['text-default-markup-literal', '<title>x &lt;/b&gt; y</title>', 'x </b> y'],
  [
    'xhtml-entity',
    '<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Caf&#233; &amp; bar</div></title>',
    'Café & bar',
  ],
  ['html-entity', '<title type="html">Caf&amp;eacute;</title>', 'Café'],
];
for (const [name, xml, text] of atomTitles) {
  add('Atom text & XHTML', `atom-title-${name}`, atom(`<entry><id>urn:e</id>${xml}</entry>`), one({ title: text }));
}
add(
  'Atom text & XHTML',
  'atom-feed-title-xhtml',
  atom('<entry><id>urn:e</id><title>x</title></entry>').replace(
    '<title>Example Feed</title>',
    '<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">The <b>Feed</b></div></title>',
  ),
  { ok: true, feed: { title: 'The Feed' } },
);
const atomBodies: [string, string, ExpectedItem][] = [
  ['summary-text', '<summary>a &lt; b &amp; c</summary>', { summary: 'a < b & c' }],
  [
    'summary-html',
    '<summary type="html">&lt;p&gt;Para&lt;/p&gt;</summary>',
    { summary: 'Para', summaryHtmlIncludes: '<p>' },
  ],
  [
    'content-xhtml',
    '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>One <b>two</b></p></div></content>',
    { content: 'One two', contentHtmlIncludes: '<b>two</b>' },
  ],
  [
    'content-html-cdata',
    '<content type="html"><![CDATA[<p>CDATA <i>body</i></p>]]></content>',
    { content: 'CDATA body' },
  ],
  ['content-text', '<content type="text">Plain &lt;not a tag&gt;</content>', { content: 'Plain <not a tag>' }],
  ['content-src', '<content src="http://example.com/body" type="text/html"/>', { content: null }],
  ['content-mime-text', '<content type="text/plain">Plain mime</content>', { content: 'Plain mime' }],
  ['content-mime-html', '<content type="text/html">&lt;p&gt;Html mime&lt;/p&gt;</content>', { content: 'Html mime' }],
  [
    'content-mime-xhtml',
    '<content type="application/xhtml+xml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Xhtml mime</p></div></content>',
    { content: 'Xhtml mime' },
  ],
];
for (const [name, xml, item] of atomBodies) {
  add('Atom text & XHTML', `atom-${name}`, atom(`<entry><id>urn:e</id><title>x</title>${xml}</entry>`), one(item));
}
const atom03 = (entry: string): string =>
  '<?xml version="1.0" encoding="utf-8"?>\n<feed version="0.3" xmlns="http://purl.org/atom/ns#">' +
  '<title>Old Atom</title><link rel="alternate" type="text/html" href="http://example.org/"/>' +
  `<modified>2003-12-13T18:30:02Z</modified><author><name>Mark</name></author>${entry}</feed>`;
add(
  'Atom text & XHTML',
  'atom03-escaped',
  atom03(
    '<entry><title>Escaped</title><id>tag:example.org,2003:1</id><issued>2003-12-13T08:29:29-04:00</issued>' +
      '<modified>2003-12-13T18:30:02Z</modified><link rel="alternate" type="text/html" href="http://example.org/1"/>' +
      '<content type="text/html" mode="escaped">&lt;p&gt;Escaped &lt;b&gt;body&lt;/b&gt;&lt;/p&gt;</content></entry>',
  ),
  one({
    title: 'Escaped',
    id: 'tag:example.org,2003:1',
    link: 'http://example.org/1',
    published: '2003-12-13T12:29:29.000Z',
    updated: '2003-12-13T18:30:02.000Z',
    author: 'Mark',
    content: 'Escaped body',
  }),
);
add(
  'Atom text & XHTML',
  'atom03-base64',
  atom03(
    `<entry><title>B64</title><id>tag:example.org,2003:2</id><content type="text/html" mode="base64">${Buffer.from('<p>Decoded <i>base64</i></p>').toString('base64')}</content></entry>`,
  ),
  one({ content: 'Decoded base64', contentHtmlIncludes: '<i>base64</i>' }),
);
add(
  'Atom text & XHTML',
  'atom03-xml-mode',
  atom03(
    '<entry><title>X</title><id>tag:example.org,2003:3</id><content type="application/xhtml+xml" mode="xml">' +
      '<div xmlns="http://www.w3.org/1999/xhtml"><p>Inline <b>xhtml</b></p></div></content></entry>',
  ),
  one({ content: 'Inline xhtml' }),
);
add('Atom text & XHTML', 'atom03-feed', atom03('<entry><title>T</title><id>tag:example.org,2003:4</id></entry>'), {
  ok: true,
  feed: { title: 'Old Atom', link: 'http://example.org/', format: 'atom' },
  itemCount: 1,
});

// ---------------------------------------------------------------------------------------------
// Relative links and xml:base

const baseCases: [string, string, ExpectedItem, ConformanceCase['options']?][] = [
  [
    'feed-base',
    atom('<entry><id>urn:e</id><title>x</title><link href="post/1"/></entry>', ' xml:base="http://ex.org/blog/"'),
    { link: 'http://ex.org/blog/post/1' },
  ],
  [
    'entry-base-relative-to-feed-base',
    atom(
      '<entry xml:base="/2004/"><id>urn:e</id><title>x</title><link href="post"/></entry>',
      ' xml:base="http://ex.org/blog/"',
    ),
    { link: 'http://ex.org/2004/post' },
  ],
  [
    'link-own-base',
    atom('<entry><id>urn:e</id><title>x</title><link xml:base="http://other.org/x/" href="y"/></entry>'),
    { link: 'http://other.org/x/y' },
  ],
  [
    'nested-relative-bases',
    atom(
      '<entry xml:base="b/"><id>urn:e</id><title>x</title><link xml:base="c/" href="d"/></entry>',
      ' xml:base="http://ex.org/a/"',
    ),
    { link: 'http://ex.org/a/b/c/d' },
  ],
  [
    'feed-url-fallback',
    atom('<entry><id>urn:e</id><title>x</title><link href="/posts/9"/></entry>'),
    { link: 'https://feeds.ex.org/posts/9' },
    { url: 'https://feeds.ex.org/atom.xml' },
  ],
  [
    'base-overrides-feed-url',
    atom('<entry><id>urn:e</id><title>x</title><link href="p"/></entry>', ' xml:base="http://base.ex.org/dir/"'),
    { link: 'http://base.ex.org/dir/p' },
    { url: 'https://feeds.ex.org/atom.xml' },
  ],
  [
    'relative-base-with-feed-url',
    atom('<entry><id>urn:e</id><title>x</title><link href="p"/></entry>', ' xml:base="sub/"'),
    { link: 'https://feeds.ex.org/sub/p' },
    { url: 'https://feeds.ex.org/atom.xml' },
  ],
  [
    'parent-path',
    atom('<entry><id>urn:e</id><title>x</title><link href="../up"/></entry>', ' xml:base="http://ex.org/a/b/"'),
    {
      link: 'http://ex.org/a/up',
    },
  ],
  [
    'query-only',
    atom('<entry><id>urn:e</id><title>x</title><link href="?p=1"/></entry>', ' xml:base="http://ex.org/index.php"'),
    {
      link: 'http://ex.org/index.php?p=1',
    },
  ],
  [
    'protocol-relative',
    atom('<entry><id>urn:e</id><title>x</title><link href="//cdn.ex.org/x"/></entry>', ' xml:base="https://ex.org/"'),
    { link: 'https://cdn.ex.org/x' },
  ],
  [
    'content-img-src',
    atom(
      '<entry><id>urn:e</id><title>x</title><content type="html">&lt;img src="img/a.png"&gt;</content></entry>',
      ' xml:base="http://ex.org/blog/"',
    ),
    { contentHtmlIncludes: 'src="http://ex.org/blog/img/a.png"' },
  ],
  [
    'content-xhtml-href',
    atom(
      '<entry><id>urn:e</id><title>x</title><content type="xhtml" xml:base="http://ex.org/c/"><div xmlns="http://www.w3.org/1999/xhtml"><a href="more">more</a></div></content></entry>',
    ),
    { contentHtmlIncludes: 'href="http://ex.org/c/more"' },
  ],
  [
    'rss-item-link-feed-url',
    rss('<item><title>x</title><link>/a/1</link></item>'),
    { link: 'http://feeds.ex.org/a/1' },
    {
      url: 'http://feeds.ex.org/rss',
    },
  ],
  [
    'rss-channel-xml-base',
    rss('<item><title>x</title><link>a/1</link></item>').replace(
      '<channel>',
      '<channel xml:base="http://ex.org/news/">',
    ),
    { link: 'http://ex.org/news/a/1' },
  ],
  [
    'rss-description-relative-img',
    rss('<item><title>x</title><description>&lt;img src="/i.png"&gt;</description></item>'),
    { summaryHtmlIncludes: 'src="http://ex.org/i.png"' },
    { url: 'http://ex.org/feed' },
  ],
  [
    'absolute-untouched',
    atom('<entry><id>urn:e</id><title>x</title><link href="http://abs.org/x"/></entry>', ' xml:base="http://ex.org/"'),
    {
      link: 'http://abs.org/x',
    },
  ],
  [
    'no-base-kept-relative',
    atom('<entry><id>urn:e</id><title>x</title><link href="post/1"/></entry>'),
    { link: 'post/1' },
  ],
];
for (const [name, doc, item, options] of baseCases)
  add('xml:base & relative links', `base-${name}`, doc, one(item), options);
add(
  'xml:base & relative links',
  'base-feed-link',
  atom('<entry><id>urn:e</id><title>x</title></entry>', ' xml:base="http://ex.org/blog/"').replace(
    '<link href="http://example.com/"/>',
    '<link href="./"/>',
  ),
  { ok: true, feed: { link: 'http://ex.org/blog/' } },
);

// ---------------------------------------------------------------------------------------------
// Versions and formats

add(
  'versions',
  'rss-090',
  '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">' +
    '<channel><title>Mozilla Dot Org</title><link>http://www.mozilla.org</link><description>d</description></channel>' +
    '<item><title>New Status Updates</title><link>http://www.mozilla.org/status/</link></item>' +
    '<item><title>Bugzilla Reorganized</title><link>http://www.mozilla.org/bugs/</link></item></rdf:RDF>',
  {
    ok: true,
    feed: { title: 'Mozilla Dot Org', link: 'http://www.mozilla.org', format: 'rdf' },
    itemCount: 2,
    items: [{ title: 'New Status Updates', link: 'http://www.mozilla.org/status/' }, { title: 'Bugzilla Reorganized' }],
  },
);
add(
  'versions',
  'rss-091-netscape',
  '<?xml version="1.0" encoding="ISO-8859-1" ?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n' +
    '<rss version="0.91"><channel><title>WriteTheWeb</title><link>http://writetheweb.com</link><description>News</description><language>en-us</language>' +
    '<item><title>Giving the world a pluggable Gnutella</title><link>http://writetheweb.com/read.php?item=24</link><description>WorldOS is a framework&#8230;</description></item></channel></rss>',
  {
    ok: true,
    feed: { title: 'WriteTheWeb', link: 'http://writetheweb.com', format: 'rss' },
    items: [
      {
        title: 'Giving the world a pluggable Gnutella',
        link: 'http://writetheweb.com/read.php?item=24',
        summary: 'WorldOS is a framework…',
      },
    ],
  },
);
add(
  'versions',
  'rss-092-description-only',
  '<rss version="0.92"><channel><title>Dave</title><link>http://www.scripting.com/</link><description>d</description>' +
    '<item><description>An item without a title.</description></item></channel></rss>',
  { ok: true, itemCount: 1, items: [{ title: null, summary: 'An item without a title.' }] },
);
for (const version of ['0.93', '0.94', '2.0', '2.0.1', '2']) {
  add(
    'versions',
    `rss-version-${version}`,
    rss('<item><title>Versioned</title><link>http://example.com/v</link></item>', '', ` version="${version}"`),
    {
      ok: true,
      feed: { format: 'rss', title: 'Example Feed' },
      items: [{ title: 'Versioned', link: 'http://example.com/v' }],
    },
  );
}
add(
  'versions',
  'rss-no-version',
  rss('<item><title>No version</title><link>http://example.com/nv</link></item>', '', ''),
  {
    ok: true,
    feed: { format: 'rss', title: 'Example Feed' },
    items: [{ title: 'No version', link: 'http://example.com/nv' }],
  },
);
add(
  'versions',
  'rss-10',
  '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
    '<channel rdf:about="http://www.xml.com/xml/news.rss"><title>XML.com</title><link>http://xml.com/pub</link><description>d</description>' +
    '<items><rdf:Seq><rdf:li resource="http://xml.com/pub/2000/08/09/xslt/xslt.html" /></rdf:Seq></items></channel>' +
    '<item rdf:about="http://xml.com/pub/2000/08/09/xslt/xslt.html"><title>Processing Inclusions with XSLT</title>' +
    '<link>http://xml.com/pub/2000/08/09/xslt/xslt.html</link><description>Processing document inclusions</description>' +
    '<dc:date>2000-08-09T12:00:00-05:00</dc:date><dc:creator>Bob DuCharme</dc:creator></item></rdf:RDF>',
  {
    ok: true,
    feed: { title: 'XML.com', link: 'http://xml.com/pub', format: 'rdf' },
    itemCount: 1,
    items: [
      {
        id: 'http://xml.com/pub/2000/08/09/xslt/xslt.html',
        title: 'Processing Inclusions with XSLT',
        link: 'http://xml.com/pub/2000/08/09/xslt/xslt.html',
        published: '2000-08-09T17:00:00.000Z',
        author: 'Bob DuCharme',
        summary: 'Processing document inclusions',
      },
    ],
  },
);
add(
  'versions',
  'atom-10-full',
  atom(
    '<entry><title>Atom-Powered Robots Run Amok</title><link href="http://example.org/2003/12/13/atom03"/>' +
      '<id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id><updated>2003-12-13T18:30:02Z</updated>' +
      '<published>2003-12-13T08:29:29-04:00</published><author><name>John Doe</name></author><summary>Some text.</summary></entry>',
  ),
  {
    ok: true,
    feed: { title: 'Example Feed', link: 'http://example.com/', format: 'atom' },
    items: [
      {
        id: 'urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a',
        title: 'Atom-Powered Robots Run Amok',
        link: 'http://example.org/2003/12/13/atom03',
        updated: '2003-12-13T18:30:02.000Z',
        published: '2003-12-13T12:29:29.000Z',
        author: 'John Doe',
        summary: 'Some text.',
      },
    ],
  },
);
add(
  'versions',
  'atom-no-namespace',
  '<feed><title>Bare</title><link href="http://bare.org/"/><entry><id>b1</id><title>Bare entry</title><link href="http://bare.org/1"/></entry></feed>',
  {
    ok: true,
    feed: { title: 'Bare', link: 'http://bare.org/', format: 'atom' },
    items: [{ id: 'b1', title: 'Bare entry', link: 'http://bare.org/1' }],
  },
);
add(
  'versions',
  'atom-prefixed',
  '<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>Prefixed</a:title><a:entry><a:id>p1</a:id><a:title>Prefixed entry</a:title><a:link href="http://p.org/1"/></a:entry></a:feed>',
  {
    ok: true,
    feed: { title: 'Prefixed', format: 'atom' },
    items: [{ id: 'p1', title: 'Prefixed entry', link: 'http://p.org/1' }],
  },
);
add(
  'versions',
  'rss-userland-namespace',
  '<rss version="2.0" xmlns="http://backend.userland.com/rss2"><channel><title>Userland</title><link>http://u.org/</link><item><title>U1</title></item></channel></rss>',
  { ok: true, feed: { title: 'Userland', format: 'rss' }, items: [{ title: 'U1' }] },
);
add('versions', 'rss-empty-channel', rss(''), { ok: true, feed: { title: 'Example Feed' }, itemCount: 0 });
add(
  'versions',
  'rss-many-items',
  rss(Array.from({ length: 25 }, (_, i) => `<item><title>Item ${i}</title><guid>g${i}</guid></item>`).join('')),
  { ok: true, itemCount: 25, items: [{ id: 'g0', title: 'Item 0' }] },
);
add(
  'versions',
  'rss-uppercase-elements',
  '<RSS version="2.0"><CHANNEL><TITLE>Upper</TITLE><ITEM><TITLE>Shouting</TITLE><PUBDATE>Mon, 05 Jan 2004 12:30:00 GMT</PUBDATE></ITEM></CHANNEL></RSS>',
  { ok: true, feed: { title: 'Upper' }, items: [{ title: 'Shouting', published: JAN5 }] },
);
const jsonFeed = (doc: unknown): string => JSON.stringify(doc);
add(
  'versions',
  'json-11',
  jsonFeed({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'JSON Example',
    home_page_url: 'https://example.org/',
    items: [
      {
        id: '2',
        url: 'https://example.org/second',
        title: 'Second',
        content_html: '<p>Hello, <b>world</b>!</p>',
        summary: 'A summary',
        date_published: '2010-02-07T14:04:00-05:00',
        date_modified: '2010-02-08T09:00:00Z',
        authors: [{ name: 'Brent' }],
      },
    ],
  }),
  {
    ok: true,
    feed: { title: 'JSON Example', link: 'https://example.org/', format: 'json' },
    items: [
      {
        id: '2',
        link: 'https://example.org/second',
        title: 'Second',
        content: 'Hello, world!',
        summary: 'A summary',
        published: '2010-02-07T19:04:00.000Z',
        updated: '2010-02-08T09:00:00.000Z',
        author: 'Brent',
      },
    ],
  },
  undefined,
  'json',
);
add(
  'versions',
  'json-10-author',
  jsonFeed({
    version: 'https://jsonfeed.org/version/1',
    title: 'Old JSON',
    author: { name: 'Feed Person' },
    items: [{ id: 42, url: 'https://example.org/42', content_text: 'Text only & plain' }],
  }),
  {
    ok: true,
    feed: { title: 'Old JSON', format: 'json' },
    items: [
      { id: '42', link: 'https://example.org/42', content: 'Text only & plain', author: 'Feed Person', title: null },
    ],
  },
  undefined,
  'json',
);
add(
  'versions',
  'json-relative-url',
  jsonFeed({ version: 'https://jsonfeed.org/version/1.1', title: 'Rel', items: [{ id: 'r', url: '/r/1' }] }),
  { ok: true, items: [{ link: 'https://j.example.org/r/1' }] },
  { url: 'https://j.example.org/feed.json' },
  'json',
);
add(
  'versions',
  'json-invalid-date',
  jsonFeed({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'D',
    items: [{ id: 'd', date_published: 'someday' }],
  }),
  { ok: true, items: [{ id: 'd', published: null }] },
  undefined,
  'json',
);

// ---------------------------------------------------------------------------------------------
// Namespaces

const nsItems: [string, string, ExpectedItem][] = [
  ['dc-creator', '<dc:creator>Dee Creator</dc:creator>', { author: 'Dee Creator' }],
  ['dc-date', '<dc:date>2004-01-05T12:30:00Z</dc:date>', { published: JAN5 }],
  ['dcterms-modified', '<dcterms:modified>2004-01-05T12:30:00Z</dcterms:modified>', { updated: JAN5 }],
  ['content-encoded', '<content:encoded>&lt;p&gt;Encoded&lt;/p&gt;</content:encoded>', { content: 'Encoded' }],
  ['media-description', '<media:description>Media words</media:description>', { summary: 'Media words' }],
  [
    'media-group-description',
    '<media:group><media:description>Grouped words</media:description></media:group>',
    { summary: 'Grouped words' },
  ],
  ['itunes-author', '<itunes:author>Pod Caster</itunes:author>', { author: 'Pod Caster' }],
  ['itunes-summary', '<itunes:summary>Episode summary</itunes:summary>', { summary: 'Episode summary' }],
  ['itunes-subtitle', '<itunes:subtitle>Episode subtitle</itunes:subtitle>', { summary: 'Episode subtitle' }],
  [
    'atom-link-in-rss',
    '<atom:link rel="alternate" href="http://example.com/atomlink"/>',
    { link: 'http://example.com/atomlink' },
  ],
  ['atom-updated-in-rss', '<atom:updated>2004-01-05T12:30:00Z</atom:updated>', { updated: JAN5 }],
  [
    'feedburner-origlink',
    '<link>http://feeds.feedburner.com/~r/x/~3/abc/</link><feedburner:origLink xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0">http://example.com/real</feedburner:origLink>',
    { link: 'http://example.com/real' },
  ],
  [
    'xhtml-body',
    '<body xmlns="http://www.w3.org/1999/xhtml"><p>XHTML <b>body</b></p></body>',
    { content: 'XHTML body', contentHtmlIncludes: '<b>body</b>' },
  ],
  [
    'redeclared-prefix',
    '<foo:creator xmlns:foo="http://purl.org/dc/elements/1.1/">Foo Creator</foo:creator>',
    { author: 'Foo Creator' },
  ],
  [
    'description-beats-itunes',
    '<description>Desc</description><itunes:summary>Sum</itunes:summary>',
    { summary: 'Desc' },
  ],
  [
    'author-beats-dc',
    '<author>a@b.org (Real Author)</author><dc:creator>Other</dc:creator>',
    { author: 'Real Author' },
  ],
];
for (const [name, xml, item] of nsItems) {
  add('namespaces', `ns-${name}`, rss(`<item><title>x</title>${xml}</item>`), one(item));
}
add(
  'namespaces',
  'ns-undeclared-dc',
  '<rss version="2.0"><channel><title>T</title><item><title>x</title><dc:creator>Undeclared</dc:creator></item></channel></rss>',
  one({ author: 'Undeclared' }),
);
add(
  'namespaces',
  'ns-media-no-trailing-slash',
  '<rss version="2.0" xmlns:m="http://search.yahoo.com/mrss"><channel><title>T</title><item><title>x</title><m:description>No slash</m:description></item></channel></rss>',
  one({ summary: 'No slash' }),
);
add(
  'namespaces',
  'ns-channel-atom-self-not-link',
  rss(
    '<item><title>x</title></item>',
    '<atom:link rel="self" href="http://example.com/feed.xml" type="application/rss+xml"/>',
  ),
  { ok: true, feed: { link: 'http://example.com/' } },
);
add(
  'namespaces',
  'ns-image-title-not-feed-title',
  '<rss version="2.0"><channel><image><title>Logo</title><url>http://e.com/l.png</url></image><title>Real Title</title><item><title>x</title></item></channel></rss>',
  { ok: true, feed: { title: 'Real Title' } },
);
add(
  'namespaces',
  'ns-item-source-not-title',
  rss('<item><source url="http://other.org/rss">Other Site</source><title>Item Title</title></item>'),
  one({ title: 'Item Title' }),
);

// ---------------------------------------------------------------------------------------------
// Identity and authors

const idItems: [string, string, ExpectedItem][] = [
  ['guid', '<guid>abc-123</guid>', { id: 'abc-123' }],
  [
    'guid-permalink-becomes-link',
    '<guid>http://example.com/p/1</guid>',
    { id: 'http://example.com/p/1', link: 'http://example.com/p/1' },
  ],
  [
    'guid-not-permalink',
    '<guid isPermaLink="false">http://example.com/p/2</guid>',
    { id: 'http://example.com/p/2', link: null },
  ],
  ['guid-unquoted-attr', '<guid isPermaLink=false>tag-9</guid>', { id: 'tag-9' }],
  ['guid-trimmed', '<guid>\n   spaced-id \n</guid>', { id: 'spaced-id' }],
  [
    'link-beats-guid',
    '<guid>http://example.com/g</guid><link>http://example.com/l</link>',
    { link: 'http://example.com/l' },
  ],
  ['author-email-name', '<author>jo@example.com (Jo Smith)</author>', { author: 'Jo Smith' }],
  ['author-email-only', '<author>jo@example.com</author>', { author: 'jo@example.com' }],
  ['author-name-angle', '<author>Jo Smith &lt;jo@example.com&gt;</author>', { author: 'Jo Smith' }],
  ['no-author', '', { author: null }],
];
for (const [name, xml, item] of idItems)
  add('identity & authors', `id-${name}`, rss(`<item><title>x</title>${xml}</item>`), one(item));
add(
  'identity & authors',
  'atom-author-email-only',
  atom('<entry><id>urn:e</id><title>x</title><author><email>only@example.com</email></author></entry>'),
  one({ author: 'only@example.com' }),
);
add(
  'identity & authors',
  'atom-author-inherited',
  atom('<entry><id>urn:e</id><title>x</title></entry>', '', '<author><name>Feed Level</name></author>'),
  one({ author: 'Feed Level' }),
);
add(
  'identity & authors',
  'atom-author-after-entries',
  atom('<entry><id>urn:e</id><title>x</title></entry><author><name>Late Author</name></author>'),
  one({ author: 'Late Author' }),
);
add(
  'identity & authors',
  'atom-source-author',
  atom('<entry><id>urn:e</id><title>x</title><source><author><name>Source Person</name></author></source></entry>'),
  one({ author: 'Source Person' }),
);
add(
  'identity & authors',
  'atom-id-trimmed',
  atom('<entry><id>\n  tag:example.com,2004:7\n</id><title>x</title></entry>'),
  one({ id: 'tag:example.com,2004:7' }),
);
add(
  'identity & authors',
  'atom-links-prefer-alternate-html',
  atom(
    '<entry><id>urn:e</id><title>x</title><link rel="self" href="http://e.org/self"/><link rel="enclosure" href="http://e.org/a.mp3"/>' +
      '<link rel="alternate" type="application/pdf" href="http://e.org/x.pdf"/><link rel="alternate" type="text/html" href="http://e.org/x.html"/></entry>',
  ),
  one({ link: 'http://e.org/x.html' }),
);
add(
  'identity & authors',
  'atom-link-no-rel',
  atom(
    '<entry><id>urn:e</id><title>x</title><link rel="replies" href="http://e.org/c"/><link href="http://e.org/norel"/></entry>',
  ),
  one({ link: 'http://e.org/norel' }),
);

// ---------------------------------------------------------------------------------------------
// Encodings (bytes as a server would send them)

function encoded(label: string, title: string, encoding = label, prolog = true): Uint8Array {
  const doc =
    (prolog ? `<?xml version="1.0" encoding="${label}"?>\n` : '') +
    `<rss version="2.0"><channel><title>${title}</title><item><title>${title}</title></item></channel></rss>`;
  return iconv.encode(doc, encoding);
}
const encodings: [string, string, string][] = [
  ['windows-1251', 'Новости дня', 'windows-1251'],
  ['koi8-r', 'Новости дня', 'koi8-r'],
  ['iso-8859-1', 'Café crème', 'windows-1252'],
  ['iso-8859-2', 'Łódź i Kraków', 'iso-8859-2'],
  ['iso-8859-15', 'Prix 10 €', 'iso-8859-15'],
  ['iso-8859-7', 'Ειδήσεις', 'iso-8859-7'],
  ['iso-8859-5', 'Новости', 'iso-8859-5'],
  ['windows-1252', 'It’s “quoted”', 'windows-1252'],
  ['windows-1250', 'Příliš žluťoučký', 'windows-1250'],
  ['shift_jis', 'ニュース', 'shift_jis'],
  ['gbk', '新闻', 'gbk'],
  ['big5', '新聞', 'big5'],
  ['euc-kr', '뉴스', 'euc-kr'],
  ['euc-jp', 'ニュース', 'euc-jp'],
];
for (const [label, title, reported] of encodings) {
  add('encodings', `prolog-${label}`, encoded(label, title), {
    ok: true,
    feed: { title },
    items: [{ title }],
    encoding: reported,
  });
}
add(
  'encodings',
  'iso-8859-1-smart-quote-0x92',
  Uint8Array.from([
    ...utf8('<?xml version="1.0" encoding="iso-8859-1"?><rss><channel><title>It'),
    0x92,
    ...utf8('s</title></channel></rss>'),
  ]),
  { ok: true, feed: { title: 'It’s' } },
);
const russian = 'Новости';
add(
  'encodings',
  'http-charset-windows-1251',
  encoded('x', russian, 'windows-1251', false),
  { ok: true, feed: { title: russian } },
  {
    contentType: 'application/rss+xml; charset=windows-1251',
  },
);
add(
  'encodings',
  'http-charset-beats-prolog',
  iconv.encode(
    `<?xml version="1.0" encoding="windows-1251"?><rss><channel><title>${russian}</title></channel></rss>`,
    'koi8-r',
  ),
  { ok: true, feed: { title: russian } },
  { contentType: 'text/xml; charset="KOI8-R"' },
);
add(
  'encodings',
  'http-latin1-default-vs-utf8-prolog',
  utf8(`<?xml version="1.0" encoding="utf-8"?><rss><channel><title>Café ${russian}</title></channel></rss>`),
  { ok: true, feed: { title: `Café ${russian}` } },
  { contentType: 'text/xml; charset=ISO-8859-1' },
);
add(
  'encodings',
  'utf8-bom',
  Uint8Array.from([
    0xef,
    0xbb,
    0xbf,
    ...utf8(`<?xml version="1.0"?><rss><channel><title>BOM ${russian}</title></channel></rss>`),
  ]),
  { ok: true, feed: { title: `BOM ${russian}` } },
);
for (const [name, enc, bom] of [
  ['utf16le-bom', 'utf-16le', [0xff, 0xfe]],
  ['utf16be-bom', 'utf-16be', [0xfe, 0xff]],
] as const) {
  add(
    'encodings',
    name,
    Uint8Array.from([
      ...bom,
      ...iconv.encode(
        `<?xml version="1.0" encoding="utf-16"?><rss><channel><title>UTF-16 ${russian}</title></channel></rss>`,
        enc,
      ),
    ]),
    { ok: true, feed: { title: `UTF-16 ${russian}` }, encoding: enc },
  );
}
add(
  'encodings',
  'utf16le-no-bom',
  iconv.encode(
    `<?xml version="1.0" encoding="utf-16"?><rss><channel><title>No BOM ${russian}</title></channel></rss>`,
    'utf-16le',
  ),
  { ok: true, feed: { title: `No BOM ${russian}` } },
);
add(
  'encodings',
  'undeclared-latin1-fallback',
  iconv.encode('<rss><channel><title>Café sans déclaration</title></channel></rss>', 'latin1'),
  { ok: true, feed: { title: 'Café sans déclaration' } },
);
add(
  'encodings',
  'control-characters-stripped',
  utf8('<rss><channel><title>A\u0001B\u000bC\u001fD</title><item><title>x\u0000y</title></item></channel></rss>'),
  { ok: true, feed: { title: 'ABCD' }, items: [{ title: 'xy' }] },
);
add(
  'encodings',
  'unknown-label-utf8-bytes',
  utf8(`<?xml version="1.0" encoding="x-made-up"?><rss><channel><title>Still ${russian}</title></channel></rss>`),
  { ok: true, feed: { title: `Still ${russian}` } },
);
add(
  'encodings',
  'unknown-label-undecodable',
  Uint8Array.from([
    ...utf8('<?xml version="1.0" encoding="x-made-up"?><rss><channel><title>'),
    0xff,
    0xfe,
    0xc3,
    ...utf8('</title></channel></rss>'),
  ]),
  { ok: false, code: 'bad-encoding' },
);

// ---------------------------------------------------------------------------------------------
// Hostile and broken input

const laughs =
  '<?xml version="1.0"?>\n<!DOCTYPE rss [\n <!ENTITY lol "lol">\n' +
  Array.from({ length: 9 }, (_, i) => ` <!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('\n') +
  '\n]>\n<rss version="2.0"><channel><title>Laughs</title><item><title>After laughs</title><description>&lol9;</description></item></channel></rss>';
add('hostile', 'billion-laughs', laughs, {
  ok: true,
  feed: { title: 'Laughs' },
  itemCount: 1,
  items: [{ title: 'After laughs' }],
});
add(
  'hostile',
  'external-entity',
  '<?xml version="1.0"?>\n<!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n' +
    '<rss version="2.0"><channel><title>XXE</title><item><title>After xxe</title><description>&xxe;</description></item></channel></rss>',
  { ok: true, itemCount: 1, items: [{ title: 'After xxe' }] },
);
add(
  'hostile',
  'parameter-entity',
  '<?xml version="1.0"?>\n<!DOCTYPE rss [ <!ENTITY % remote SYSTEM "http://127.0.0.1:1/evil.dtd"> %remote; ]>\n' +
    '<rss version="2.0"><channel><title>PE</title><item><title>Still here</title></item></channel></rss>',
  { ok: true, itemCount: 1, items: [{ title: 'Still here' }] },
);
const three = rss(
  Array.from(
    { length: 4 },
    (_, i) => `<item><title>Item ${i}</title><guid>t${i}</guid><description>Body ${i}</description></item>`,
  ).join(''),
);
const cutInside = (marker: string): string => three.slice(0, three.indexOf(marker) + marker.length);
add('hostile', 'truncated-mid-item', cutInside('<title>Item 3</ti'), {
  ok: true,
  itemCount: 3,
  items: [{ title: 'Item 0' }],
});
add('hostile', 'truncated-mid-text', cutInside('<description>Body 3'), { ok: true, itemCount: 3 });
add('hostile', 'truncated-after-item', cutInside('<description>Body 2</description></item>'), {
  ok: true,
  itemCount: 3,
});
add('hostile', 'truncated-mid-attribute', `${cutInside('Body 1</description></item>')}<item><guid isPermaLink="fa`, {
  ok: true,
  itemCount: 2,
});
add(
  'hostile',
  'truncated-in-cdata',
  rss('<item><title>Whole</title></item><item><title>Cut</title><description><![CDATA[<p>never ends').replace(
    /<\/channel><\/rss>$/,
    '',
  ),
  { ok: true, itemCount: 1, items: [{ title: 'Whole' }] },
);
add(
  'hostile',
  'truncated-atom',
  atom('<entry><id>urn:1</id><title>First</title></entry><entry><id>urn:2</id><title>Sec').replace(/<\/feed>$/, ''),
  { ok: true, itemCount: 1, items: [{ title: 'First' }] },
);
add(
  'hostile',
  'truncated-before-items',
  '<?xml version="1.0"?><rss version="2.0"><channel><title>Only a title</title>',
  {
    ok: true,
    feed: { title: 'Only a title' },
    itemCount: 0,
  },
);
const htmlPage = (head: string): string =>
  `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>A blog</title>${head}</head><body><p>Hello</p></body></html>`;
const htmlCases: [string, string, string[], ConformanceCase['options']?][] = [
  [
    'rss-and-atom',
    htmlPage(
      '<link rel="alternate" type="application/rss+xml" title="RSS" href="https://blog.example.org/feed.xml">' +
        '<link rel="alternate" type="application/atom+xml" href="https://blog.example.org/atom.xml">',
    ),
    ['https://blog.example.org/feed.xml', 'https://blog.example.org/atom.xml'],
  ],
  [
    'relative-href',
    htmlPage('<link rel="alternate" type="application/rss+xml" href="/feed/">'),
    ['https://blog.example.org/feed/'],
    { url: 'https://blog.example.org/2024/post.html' },
  ],
  [
    'base-href',
    htmlPage(
      '<base href="https://cdn.example.org/site/"><link rel="alternate" type="application/atom+xml" href="atom.xml">',
    ),
    ['https://cdn.example.org/site/atom.xml'],
    { url: 'https://blog.example.org/' },
  ],
  ['none', htmlPage('<link rel="stylesheet" href="/s.css">'), []],
  [
    'ignores-non-feeds',
    htmlPage(
      '<link rel="alternate stylesheet" type="text/css" href="/alt.css"><link rel="alternate" hreflang="fr" href="/fr/">' +
        '<link rel="alternate" type="application/feed+json" href="https://blog.example.org/feed.json">',
    ),
    ['https://blog.example.org/feed.json'],
  ],
  [
    'xhtml-page',
    '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><link rel="alternate" type="application/rss+xml" href="http://x.org/rss"/></head><body/></html>',
    ['http://x.org/rss'],
  ],
  [
    'no-doctype-uppercase',
    '<HTML><HEAD><LINK REL="Alternate" TYPE="application/rss+xml" HREF="http://up.org/rss"></HEAD></HTML>',
    ['http://up.org/rss'],
  ],
  [
    'entity-in-href',
    htmlPage('<link rel="alternate" type="application/rss+xml" href="https://e.org/?feed=rss2&amp;cat=3">'),
    ['https://e.org/?feed=rss2&cat=3'],
  ],
];
for (const [name, doc, feeds, options] of htmlCases) {
  add('hostile', `html-${name}`, doc, { ok: false, code: 'not-a-feed', advertisedFeeds: feeds }, options, 'html');
}
add(
  'hostile',
  'opml-not-a-feed',
  '<?xml version="1.0"?><opml version="2.0"><head><title>Subs</title></head><body/></opml>',
  {
    ok: false,
    code: 'not-a-feed',
  },
);
add('hostile', 'svg-not-a-feed', '<svg xmlns="http://www.w3.org/2000/svg"><title>Pic</title></svg>', {
  ok: false,
  code: 'not-a-feed',
});
add('hostile', 'plain-text', 'Service Unavailable', { ok: false, code: 'not-a-feed' }, undefined, 'txt');
add('hostile', 'json-not-feed', '{"error":"not found"}', { ok: false, code: 'not-a-feed' }, undefined, 'json');
add('hostile', 'empty', '', { ok: false, code: 'empty' }, undefined, 'txt');
add('hostile', 'whitespace-only', ' \n\t\n ', { ok: false, code: 'empty' }, undefined, 'txt');
add('hostile', 'bom-only', Uint8Array.from([0xef, 0xbb, 0xbf]), { ok: false, code: 'empty' }, undefined, 'txt');
add('hostile', 'prolog-only', '<?xml version="1.0" encoding="utf-8"?>', { ok: false, code: 'malformed' });
add(
  'hostile',
  'truncated-json',
  '{"version":"https://jsonfeed.org/version/1.1","title":"Cut","items":[{"id":"1"',
  { ok: false, code: 'malformed' },
  undefined,
  'json',
);

// Robustness: what real publishers get wrong.
add(
  'robustness',
  'junk-before-prolog',
  '<br />\n<b>Warning</b>:  Cannot modify header information in <b>feed.php</b><br />\n' +
    rss('<item><title>Survived</title></item>'),
  one({ title: 'Survived' }),
);
add(
  'robustness',
  'whitespace-before-prolog',
  `\n\n   ${rss('<item><title>Spaced</title></item>')}`,
  one({ title: 'Spaced' }),
);
add(
  'robustness',
  'mismatched-tags-in-description',
  rss('<item><title>One</title><description><b><i>bad</b></i></description></item><item><title>Two</title></item>'),
  { ok: true, itemCount: 2, items: [{ title: 'One' }, { title: 'Two' }] },
);
add(
  'robustness',
  'stray-end-tags',
  rss('<item><title>One</title></span></div></item><item><title>Two</title></item>'),
  { ok: true, itemCount: 2, items: [{ title: 'One' }, { title: 'Two' }] },
);
add(
  'robustness',
  'duplicate-title-first-wins',
  rss('<item><title>First</title><title>Second</title></item>'),
  one({ title: 'First' }),
);
add(
  'robustness',
  'unescaped-lt-in-text',
  rss('<item><title>1 < 2 and 3 > 2</title></item>'),
  one({ title: '1 < 2 and 3 > 2' }),
);
add(
  'robustness',
  'items-outside-channel',
  '<rss version="0.91"><channel><title>Outside</title></channel><item><title>Stray item</title></item></rss>',
  { ok: true, itemCount: 1, items: [{ title: 'Stray item' }] },
);
add(
  'robustness',
  'single-quoted-attributes',
  atom(
    "<entry><id>urn:e</id><title type='html'>&lt;b&gt;Single&lt;/b&gt;</title><link rel='alternate' href='http://e.org/sq'/></entry>",
  ),
  one({ title: 'Single', link: 'http://e.org/sq' }),
);
add(
  'robustness',
  'enclosure-only-item',
  rss('<item><enclosure url="http://e.org/ep.mp3" length="1" type="audio/mpeg"/><guid>ep1</guid></item>'),
  one({ id: 'ep1', title: null }),
);
add(
  'robustness',
  'long-title',
  rss(`<item><title>${'word '.repeat(2000)}</title></item>`),
  one({ title: 'word '.repeat(2000).trim() }),
);
add(
  'robustness',
  'comments-and-pis-everywhere',
  '<?xml version="1.0"?><!-- top --><?xml-stylesheet href="s.xsl" type="text/xsl"?><rss version="2.0"><!-- c --><channel><title>Commented</title><?pi x?><item><!-- i --><title>Kept</title></item></channel></rss>',
  { ok: true, feed: { title: 'Commented' }, items: [{ title: 'Kept' }] },
);
add(
  'robustness',
  'rss-link-href-attribute',
  rss('<item><title>x</title><link href="http://e.org/from-attr"/></item>'),
  one({ link: 'http://e.org/from-attr' }),
);
add(
  'robustness',
  'rss-whitespace-link',
  rss('<item><title>x</title><link>\n   http://e.org/spaced   \n</link></item>'),
  one({ link: 'http://e.org/spaced' }),
);

export function conformanceCases(): ConformanceCase[] {
  return [...cases, ...readerCases()];
}
