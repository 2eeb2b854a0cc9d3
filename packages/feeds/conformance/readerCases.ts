import type { ConformanceCase, Expectation, ExpectedItem } from './ConformanceCase.ts';

/**
 * Cases for behaviours feed readers in the field rely on beyond the specifications' happy path:
 * date shapes and zones publishers really write, Atom content modes, Atom 0.3 and unregistered Atom
 * namespaces, CDF channels, `dc:author`, references into the windows-1252 range, internal DTD
 * entities, no-break and typographic spaces, and titles that carry HTML. Written by hand, wording
 * our own; expected values follow the specifications where they speak (RFC 822 military zones,
 * RFC 4287's XHTML wrapper div, XML 1.0 internal entities) and the common reading where they don't.
 */

const cases: ConformanceCase[] = [];
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function add(category: string, name: string, document: string, expect: Expectation): void {
  cases.push({ category, name, ext: 'xml', document: utf8(document), expect });
}

const one = (item: ExpectedItem): Expectation => ({ ok: true, itemCount: 1, items: [item] });

const rss = (items: string, doctype = ''): string =>
  `<?xml version="1.0" encoding="utf-8"?>\n${doctype}<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
  `<channel><title>Harbour Notes</title><link>http://harbour.example/</link><description>d</description>${items}</channel></rss>`;

const atom10 = (entries: string, feedTitle = '<title>Harbour Notes</title>'): string =>
  `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">${feedTitle}` +
  `<id>tag:harbour.example,2024:feed</id><updated>2024-03-01T00:00:00Z</updated>${entries}</feed>`;

const atom03 = (entries: string, ns = 'http://purl.org/atom/ns#'): string =>
  `<?xml version="1.0" encoding="utf-8"?>\n<feed version="0.3" xmlns="${ns}"><title>Tide Tables</title>` +
  `<link rel="alternate" type="text/html" href="http://tides.example/"/>${entries}</feed>`;

// ---------------------------------------------------------------------------------------------
// Dates: zones and shapes

const MAR9 = '2004-03-09T10:15:00.000Z';
const dates: [string, string, string | null][] = [
  ['us-at', 'Tue, 09 Mar 2004 06:15:00 AT', MAR9],
  ['us-et', 'Tue, 09 Mar 2004 05:15:00 ET', MAR9],
  ['us-ct', 'Tue, 09 Mar 2004 04:15:00 CT', MAR9],
  ['us-mt', 'Tue, 09 Mar 2004 03:15:00 MT', MAR9],
  ['us-pt', 'Tue, 09 Mar 2004 02:15:00 PT', MAR9],
  ['us-pt-next-day', 'Tue, 09 Mar 2004 20:00:00 PT', '2004-03-10T04:00:00.000Z'],
  ['military-a', 'Tue, 09 Mar 2004 09:15:00 A', MAR9],
  ['military-m', 'Mon, 08 Mar 2004 22:15:00 M', MAR9],
  ['military-n', 'Tue, 09 Mar 2004 11:15:00 N', MAR9],
  ['military-y', 'Tue, 09 Mar 2004 22:15:00 Y', MAR9],
  ['military-z', 'Tue, 09 Mar 2004 10:15:00 Z', MAR9],
  ['etc-gmt', 'Tue, 09 Mar 2004 10:15:00 Etc/GMT', MAR9],
  ['gmt-offset-minutes', 'Tue, 09 Mar 2004 09:14:00 GMT-01:01', MAR9],
  ['comma-after-month', 'Tue, 09 Mar, 2004 10:15:00 UTC', MAR9],
  ['two-digit-year', 'Tue, 09 Mar 04 10:15:00 GMT', MAR9],
  ['year-0100', 'Fri, 01 Jan 0100 00:00:01 +0100', '0099-12-31T23:00:01.000Z'],
  ['slashed', 'Tue, 2004/03/09 05:15:00 EST', MAR9],
  ['slashed-no-weekday', '2004/03/09 10:15:00', MAR9],
  ['ordinal', '2004-069', '2004-03-09T00:00:00.000Z'],
  ['ordinal-basic', '2004069', '2004-03-09T00:00:00.000Z'],
  ['ordinal-with-time', '2004-069T10:15:00Z', MAR9],
  ['ordinal-two-digit-year', '04069', '2004-03-09T00:00:00.000Z'],
  ['compact-yymmdd', '040309', '2004-03-09T00:00:00.000Z'],
  ['hyphenated-yymmdd', '04-03-09', '2004-03-09T00:00:00.000Z'],
  ['year-month-two-digit', '-0403', '2004-03-01T00:00:00.000Z'],
  ['year-month-two-digit-hyphen', '-04-03', '2004-03-01T00:00:00.000Z'],
  ['month-zero-padded-to-three', '2004-003-09T10:15:00+00:00', MAR9],
  ['ordinal-out-of-range', '2003-366', null],
  ['greek', 'Τρι, 09 Μάρ 2004 05:15:00 EST', MAR9],
  ['greek-july', 'Κυρ, 11 Ιούλ 2004 12:00:00 GMT', '2004-07-11T12:00:00.000Z'],
  ['greek-june', 'Παρ, 11 Ιούν 2004 12:00:00 GMT', '2004-06-11T12:00:00.000Z'],
  ['hungarian', '2004-március-09T5:15-05:00', MAR9],
  ['hungarian-september', '2004-szeptember-21T10:00+02:00', '2004-09-21T08:00:00.000Z'],
  ['korean-afternoon', '2004-03-09 오후 7:15:00', MAR9],
  ['korean-morning', '2004-03-09 오전 07:15:00', '2004-03-08T22:15:00.000Z'],
  ['korean-words', '2004년 03월 09일 19:15:00', MAR9],
];
for (const [name, text, iso] of dates) {
  add(
    'dates: zones & shapes',
    `date-${name}`,
    rss(`<item><title>D</title><pubDate>${text}</pubDate></item>`),
    one({ published: iso }),
  );
}

// ---------------------------------------------------------------------------------------------
// Atom content modes

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
add(
  'Atom content modes',
  'atom03-base64-plain-title',
  atom03(`<entry><id>tag:t,1</id><title type="text/plain" mode="base64">${b64('Low <tide> at noon')}</title></entry>`),
  one({ title: 'Low <tide> at noon', titleHtml: 'Low &lt;tide&gt; at noon' }),
);
add(
  'Atom content modes',
  'atom03-base64-html-content',
  atom03(
    `<entry><id>tag:t,2</id><title>B</title><content type="text/html" mode="base64">${b64('<p>High <em>water</em></p>')}</content></entry>`,
  ),
  one({ content: 'High water', contentHtml: '<p>High <em>water</em></p>' }),
);
add(
  'Atom content modes',
  'atom10-octet-stream-title',
  atom10(
    `<entry><id>tag:h,1</id><title type="application/octet-stream">${b64('<p>Gale &amp; rain</p>')}</title></entry>`,
  ),
  one({ title: 'Gale & rain' }),
);
add(
  'Atom content modes',
  'atom10-octet-stream-content',
  atom10(
    `<entry><id>tag:h,2</id><title>x</title><content type="application/octet-stream">${b64('Swell of <b>two</b> metres')}</content></entry>`,
  ),
  one({ content: 'Swell of two metres' }),
);
add(
  'Atom content modes',
  'atom10-image-content-no-text',
  atom10(
    `<entry><id>tag:h,3</id><title>x</title><content type="image/png">iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==</content></entry>`,
  ),
  one({ content: null }),
);
add(
  'Atom content modes',
  'atom03-escaped-plain-text',
  atom03(
    '<entry><id>tag:t,3</id><title>x</title><content type="text/plain" mode="escaped">Use &lt;b&gt; for bold</content></entry>',
  ),
  one({ content: 'Use <b> for bold', contentHtml: 'Use &lt;b&gt; for bold' }),
);
add(
  'Atom content modes',
  'atom03-escaped-plain-title',
  atom03('<entry><id>tag:t,4</id><title type="text/plain" mode="escaped">Tags &lt;i&gt; stay</title></entry>'),
  one({ title: 'Tags <i> stay' }),
);
add(
  'Atom content modes',
  'atom03-escaped-html',
  atom03(
    '<entry><id>tag:t,5</id><title>x</title><content type="text/html" mode="escaped">&lt;p&gt;Calm&lt;/p&gt;</content></entry>',
  ),
  one({ contentHtml: '<p>Calm</p>' }),
);
add(
  'Atom content modes',
  'atom10-xhtml-wrapper-dropped',
  atom10(
    '<entry><id>tag:h,4</id><title>x</title><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Fog <b>lifts</b></div></content></entry>',
  ),
  one({ contentHtml: 'Fog <b>lifts</b>' }),
);
add(
  'Atom content modes',
  'atom10-xhtml-two-divs-kept',
  atom10(
    '<entry><id>tag:h,5</id><title>x</title><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">One</div><div xmlns="http://www.w3.org/1999/xhtml">Two</div></content></entry>',
  ),
  one({ contentHtml: '<div>One</div><div>Two</div>' }),
);
add(
  'Atom content modes',
  'atom10-xhtml-inner-div-kept',
  atom10(
    '<entry><id>tag:h,6</id><title>x</title><summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><div class="note">Boxed</div></div></summary></entry>',
  ),
  one({ summaryHtml: '<div class="note">Boxed</div>' }),
);
add(
  'Atom content modes',
  'atom03-xml-mode-div-kept',
  atom03(
    '<entry><id>tag:t,6</id><title>x</title><content type="application/xhtml+xml" mode="xml"><div xmlns="http://www.w3.org/1999/xhtml">Ebb <i>tide</i></div></content></entry>',
  ),
  one({ contentHtml: '<div>Ebb <i>tide</i></div>' }),
);
add(
  'Atom content modes',
  'atom10-text-plain-literal',
  atom10(
    '<entry><id>tag:h,7</id><title type="text/plain">a &lt;b&gt; c</title><summary type="text/plain">x &amp; &lt;y&gt;</summary></entry>',
  ),
  one({ title: 'a <b> c', summary: 'x & <y>', summaryHtml: 'x &amp; &lt;y&gt;' }),
);

// ---------------------------------------------------------------------------------------------
// Atom 0.3 and unregistered Atom namespaces

const oldAtomEntry =
  '<entry><id>tag:t,9</id><title>Neap tide</title><link rel="alternate" type="text/html" href="http://tides.example/neap"/>' +
  '<issued>2004-03-09T10:15:00Z</issued><modified>2004-03-10T10:15:00Z</modified></entry>';
const neap: ExpectedItem = {
  title: 'Neap tide',
  link: 'http://tides.example/neap',
  published: MAR9,
  updated: '2004-03-10T10:15:00.000Z',
};
const namespaces: [string, string][] = [
  ['atom03', 'http://purl.org/atom/ns#'],
  ['draft-namespace', 'http://purl.org/atom/ns#draft-ietf-atompub-format-08'],
  ['unregistered-namespace', 'http://harbour.example/newformat#'],
  ['pie-namespace', 'http://purl.org/pie/'],
  ['echo-namespace', 'http://example.org/echo'],
];
for (const [name, ns] of namespaces) {
  add('Atom namespaces', `atom-ns-${name}`, atom03(oldAtomEntry, ns), {
    ok: true,
    feed: { title: 'Tide Tables', link: 'http://tides.example/', format: 'atom' },
    itemCount: 1,
    items: [neap],
  });
}
add(
  'Atom namespaces',
  'atom-ns-prefixed-unregistered',
  '<?xml version="1.0"?><t:feed xmlns:t="http://harbour.example/feedformat"><t:title>Prefixed</t:title><t:entry><t:id>p1</t:id><t:title>Inside</t:title></t:entry></t:feed>',
  { ok: true, feed: { title: 'Prefixed', format: 'atom' }, itemCount: 1, items: [{ id: 'p1', title: 'Inside' }] },
);

// ---------------------------------------------------------------------------------------------
// CDF (Channel Definition Format)

add(
  'CDF',
  'cdf-channel',
  '<?xml version="1.0"?>\n<CHANNEL HREF="http://ferry.example/" LASTMOD="2004-03-09T10:15">' +
    '<TITLE>Ferry Times</TITLE><ABSTRACT>Crossings and delays</ABSTRACT>' +
    '<ITEM HREF="http://ferry.example/monday" LASTMOD="2004-03-09T10:15"><TITLE>Monday sailings</TITLE>' +
    '<ABSTRACT>Two crossings cancelled</ABSTRACT></ITEM>' +
    '<ITEM HREF="http://ferry.example/tuesday"><TITLE>Tuesday sailings</TITLE></ITEM></CHANNEL>',
  {
    ok: true,
    feed: { title: 'Ferry Times', link: 'http://ferry.example/' },
    itemCount: 2,
    items: [
      {
        title: 'Monday sailings',
        link: 'http://ferry.example/monday',
        updated: MAR9,
        summary: 'Two crossings cancelled',
      },
      { title: 'Tuesday sailings', link: 'http://ferry.example/tuesday' },
    ],
  },
);
add(
  'CDF',
  'cdf-relative-href-against-base',
  '<CHANNEL HREF="http://ferry.example/" BASE="http://ferry.example/timetables/"><TITLE>Ferry</TITLE><ITEM HREF="winter.html"><TITLE>A</TITLE></ITEM></CHANNEL>',
  one({ link: 'http://ferry.example/timetables/winter.html' }),
);

// ---------------------------------------------------------------------------------------------
// Authors

add(
  'identity & authors',
  'dc-author',
  rss('<item><title>x</title><dc:author>Ines Marlow</dc:author></item>'),
  one({ author: 'Ines Marlow' }),
);
add(
  'identity & authors',
  'dc-author-name-then-email',
  rss('<item><title>x</title><dc:author>Ines Marlow (ines@harbour.example)</dc:author></item>'),
  one({ author: 'Ines Marlow' }),
);
add(
  'identity & authors',
  'author-name-then-email-in-parens',
  rss('<item><title>x</title><author>Ines Marlow (ines@harbour.example)</author></item>'),
  one({ author: 'Ines Marlow' }),
);

add(
  'identity & authors',
  'channel-dc-author',
  rss('<dc:author>Harbour desk</dc:author><item><title>x</title></item>'),
  { ok: true, feed: { author: 'Harbour desk' }, items: [{ author: null }] },
);
add(
  'identity & authors',
  'channel-managing-editor',
  rss('<managingEditor>desk@harbour.example (Harbour desk)</managingEditor><item><title>x</title></item>'),
  { ok: true, feed: { author: 'Harbour desk' } },
);
add(
  'identity & authors',
  'atom-feed-author',
  atom10('<author><name>Tide office</name></author><entry><id>tag:h,20</id><title>x</title></entry>'),
  { ok: true, feed: { author: 'Tide office' }, items: [{ author: 'Tide office' }] },
);
add(
  'identity & authors',
  'atom-link-address-as-text',
  atom10(
    '<entry><id>tag:h,21</id><title>x</title><link rel="enclosure" type="audio/mpeg">http://harbour.example/a.mp3</link>' +
      '<link rel="alternate" type="text/html">http://harbour.example/story</link></entry>',
  ),
  one({ link: 'http://harbour.example/story' }),
);

// ---------------------------------------------------------------------------------------------
// Entities: the windows-1252 range and internal DTD entities

add(
  'entities & CDATA',
  'c1-reference-in-title',
  rss('<item><title>Captain&#146;s log &#150; day&#160;2</title></item>'),
  one({ title: 'Captain\u2019s log \u2013 day\u00a02' }),
);
add(
  'entities & CDATA',
  'c1-reference-in-escaped-html',
  rss(
    '<item><title>x</title><description>&lt;p&gt;It&amp;#146;s &amp;#x93;calm&amp;#x94;&lt;/p&gt;</description></item>',
  ),
  one({ summaryHtml: '<p>It\u2019s \u201ccalm\u201d</p>' }),
);
add(
  'entities & CDATA',
  'c1-character-in-utf8-text',
  rss('<item><title>Skipper\u0092s note</title><description>\u0093Fair\u0094 winds</description></item>'),
  one({ title: 'Skipper\u2019s note', summary: '\u201cFair\u201d winds' }),
);
add(
  'entities & CDATA',
  'reference-to-no-character',
  rss('<item><title>a &#1114112; b &#xD800; c</title></item>'),
  one({ title: 'a \ufffd b \ufffd c' }),
);
add(
  'entities & CDATA',
  'internal-entity',
  rss(
    '<item><title>&port; arrivals</title><description>From &port;, &copyright;</description></item>',
    '<!DOCTYPE rss [\n<!ENTITY port "Kirkwall">\n<!ENTITY copyright "&#169; 2004 Harbour Notes">\n]>\n',
  ),
  one({ title: 'Kirkwall arrivals', summary: 'From Kirkwall, © 2004 Harbour Notes' }),
);
add(
  'entities & CDATA',
  'internal-entity-referring-to-another-not-expanded',
  rss('<item><title>&twice; end</title></item>', '<!DOCTYPE rss [<!ENTITY once "a"><!ENTITY twice "&once;&once;">]>'),
  one({ title: '&twice; end' }),
);

// ---------------------------------------------------------------------------------------------
// Spaces

add(
  'whitespace',
  'nbsp-kept-in-title',
  rss('<item><title>Pier&#160;4 closed</title></item>'),
  one({ title: 'Pier\u00a04 closed' }),
);
add(
  'whitespace',
  'typographic-spaces-kept',
  rss('<item><title>10\u2009km of\u2003coast</title></item>'),
  one({ title: '10\u2009km of\u2003coast' }),
);
add(
  'whitespace',
  'nbsp-kept-in-html-title',
  atom10('<entry><id>tag:h,8</id><title type="html">&lt;b&gt;Berth&lt;/b&gt;&amp;nbsp;7</title></entry>'),
  one({ title: 'Berth\u00a07' }),
);
add(
  'whitespace',
  'narrow-nbsp-kept-in-summary',
  rss('<item><title>x</title><description>5\u202f%</description></item>'),
  one({ summary: '5\u202f%' }),
);

// ---------------------------------------------------------------------------------------------
// Titles that carry HTML: plain text plus a sanitised HTML form

add(
  'title HTML',
  'atom-html-title-markup-kept',
  atom10('<entry><id>tag:h,9</id><title type="html">Storm &lt;b&gt;warning&lt;/b&gt; lifted</title></entry>'),
  one({ title: 'Storm warning lifted', titleHtml: 'Storm <b>warning</b> lifted' }),
);
add(
  'title HTML',
  'atom-xhtml-title-markup-kept',
  atom10(
    '<entry><id>tag:h,10</id><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">H<sub>2</sub>O levels</div></title></entry>',
  ),
  one({ title: 'H2O levels', titleHtml: 'H<sub>2</sub>O levels' }),
);
add(
  'title HTML',
  'atom-html-title-script-removed',
  atom10(
    '<entry><id>tag:h,11</id><title type="html">Tide &lt;script&gt;alert(1)&lt;/script&gt;&lt;i onclick="x()"&gt;table&lt;/i&gt;</title></entry>',
  ),
  one({ title: 'Tide table', titleHtml: 'Tide <i>table</i>' }),
);
add(
  'title HTML',
  'rss-escaped-markup-title',
  rss('<item><title>New &lt;em&gt;ferry&lt;/em&gt; route</title></item>'),
  one({ title: 'New ferry route', titleHtml: 'New <em>ferry</em> route' }),
);
add(
  'title HTML',
  'plain-title-escaped',
  rss('<item><title>Q&amp;A: the &lt;harbour&gt;</title></item>'),
  one({ title: 'Q&A: the <harbour>', titleHtml: 'Q&amp;A: the &lt;harbour&gt;' }),
);
add(
  'title HTML',
  'html-title-javascript-link-dropped',
  atom10(
    '<entry><id>tag:h,12</id><title type="html">&lt;a href="javascript:go()"&gt;Charts&lt;/a&gt; and &lt;a href="http://harbour.example/maps"&gt;maps&lt;/a&gt;</title></entry>',
  ),
  one({ title: 'Charts and maps', titleHtml: '<a>Charts</a> and <a href="http://harbour.example/maps">maps</a>' }),
);
add(
  'title HTML',
  'atom03-xhtml-title-relative-link',
  atom03(
    '<entry><id>tag:t,10</id><title type="application/xhtml+xml" mode="xml" xml:base="http://tides.example/charts/"><div xmlns="http://www.w3.org/1999/xhtml">See <a href="spring.html">spring tides</a></div></title></entry>',
  ),
  one({
    title: 'See spring tides',
    titleHtml: '<div>See <a href="http://tides.example/charts/spring.html">spring tides</a></div>',
  }),
);
add(
  'title HTML',
  'escaped-title-references-kept',
  atom03(
    '<entry><id>tag:t,11</id><title type="text/html" mode="escaped">&lt;em&gt;Rock &amp;#38; pool&lt;/em&gt;</title></entry>',
  ),
  one({ title: 'Rock & pool', titleHtml: '<em>Rock &#38; pool</em>' }),
);
add(
  'title HTML',
  'atom03-xml-title-div-kept',
  atom03(
    '<entry><id>tag:t,12</id><title type="application/xhtml+xml" mode="xml"><div xmlns="http://www.w3.org/1999/xhtml">Sand &#x26; <b>shingle</b></div></title></entry>',
  ),
  one({ title: 'Sand & shingle', titleHtml: '<div>Sand &amp; <b>shingle</b></div>' }),
);
add(
  'title HTML',
  'feed-title-html',
  atom10(
    '<entry><id>tag:h,13</id><title>x</title></entry>',
    '<title type="html">Harbour &lt;i&gt;Notes&lt;/i&gt;</title>',
  ),
  { ok: true, feed: { title: 'Harbour Notes', titleHtml: 'Harbour <i>Notes</i>' } },
);

export function readerCases(): ConformanceCase[] {
  return cases;
}
