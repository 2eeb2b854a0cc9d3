import { escapeXml as x } from './markup.ts';

export interface FeedEntry {
  title: string;
  /** Absolute URL as listed in the feed (tracking parameters included); null for a broken item. */
  link: string | null;
  /** RSS `guid` / Atom `id`; null leaves it out. */
  id: string | null;
  idIsPermaLink: boolean;
  /** ISO 8601 with offset, or null when `rawDate` (or nothing) is printed instead. */
  publishedAt: string | null;
  /** A date string printed as is, e.g. garbage in a broken item. */
  rawDate: string | null;
  updatedAt: string | null;
  summary: string;
  author: string | null;
  categories: string[];
  /** Full HTML content, for `content:encoded` / Atom `content`. */
  contentHtml: string | null;
}

export interface FeedDocument {
  format: 'rss' | 'atom';
  title: string;
  /** Outlet home page (absolute). */
  homeUrl: string;
  /** The feed's own absolute URL. */
  selfUrl: string;
  description: string;
  lang: string;
  /** Encoding named in the XML prolog; the bytes are encoded by the caller. */
  charset: string;
  updatedAt: string;
  generator: string;
  entries: FeedEntry[];
}

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * RFC 822 date as RSS wants it, keeping the local wall time and offset of the ISO string
 * (`2023-10-14T08:30:00-04:00` → `Sat, 14 Oct 2023 08:30:00 -0400`).
 */
export function rfc822(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`not an ISO 8601 date-time with offset: ${iso}`);
  const [, y, mo, d, hh, mm, ss = '00', zone] = m;
  const weekday = weekdays[new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d))).getUTCDay()];
  const offset = zone === 'Z' ? 'GMT' : zone!.replace(':', '');
  return `${weekday}, ${d} ${months[Number(mo) - 1]} ${y} ${hh}:${mm}:${ss} ${offset}`;
}

function cdata(text: string): string {
  return `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

export function renderRss(feed: FeedDocument): string {
  const items = feed.entries.map((entry) => {
    const lines = [`<item>`, `<title>${x(entry.title)}</title>`];
    if (entry.link) lines.push(`<link>${x(entry.link)}</link>`);
    if (entry.id) lines.push(`<guid isPermaLink="${entry.idIsPermaLink}">${x(entry.id)}</guid>`);
    if (entry.publishedAt) lines.push(`<pubDate>${rfc822(entry.publishedAt)}</pubDate>`);
    else if (entry.rawDate) lines.push(`<pubDate>${x(entry.rawDate)}</pubDate>`);
    if (entry.author) lines.push(`<dc:creator>${cdata(entry.author)}</dc:creator>`);
    for (const category of entry.categories) lines.push(`<category>${cdata(category)}</category>`);
    lines.push(`<description>${cdata(entry.summary)}</description>`);
    if (entry.contentHtml) lines.push(`<content:encoded>${cdata(entry.contentHtml)}</content:encoded>`);
    lines.push(`</item>`);
    return lines.join('\n');
  });
  return `<?xml version="1.0" encoding="${feed.charset}"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${x(feed.title)}</title>
<atom:link href="${x(feed.selfUrl)}" rel="self" type="application/rss+xml"/>
<link>${x(feed.homeUrl)}</link>
<description>${x(feed.description)}</description>
<lastBuildDate>${rfc822(feed.updatedAt)}</lastBuildDate>
<language>${x(feed.lang)}</language>
<generator>${x(feed.generator)}</generator>
<ttl>15</ttl>
${items.join('\n')}
</channel>
</rss>
`;
}

export function renderAtom(feed: FeedDocument): string {
  const entries = feed.entries.map((entry) => {
    const lines = [`<entry>`, `<title type="html">${x(entry.title)}</title>`];
    if (entry.link) lines.push(`<link rel="alternate" type="text/html" href="${x(entry.link)}"/>`);
    if (entry.id) lines.push(`<id>${x(entry.id)}</id>`);
    if (entry.publishedAt) lines.push(`<published>${entry.publishedAt}</published>`);
    else if (entry.rawDate) lines.push(`<published>${x(entry.rawDate)}</published>`);
    const updated = entry.updatedAt ?? entry.publishedAt;
    if (updated) lines.push(`<updated>${updated}</updated>`);
    else if (entry.rawDate) lines.push(`<updated>${x(entry.rawDate)}</updated>`);
    if (entry.author) lines.push(`<author><name>${x(entry.author)}</name></author>`);
    for (const category of entry.categories) lines.push(`<category term="${x(category)}"/>`);
    lines.push(`<summary type="html">${x(entry.summary)}</summary>`);
    if (entry.contentHtml) lines.push(`<content type="html">${x(entry.contentHtml)}</content>`);
    lines.push(`</entry>`);
    return lines.join('\n');
  });
  return `<?xml version="1.0" encoding="${feed.charset}"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${x(feed.lang)}">
<title type="text">${x(feed.title)}</title>
<subtitle type="text">${x(feed.description)}</subtitle>
<id>${x(feed.selfUrl)}</id>
<link rel="alternate" type="text/html" href="${x(feed.homeUrl)}"/>
<link rel="self" type="application/atom+xml" href="${x(feed.selfUrl)}"/>
<updated>${feed.updatedAt}</updated>
<generator>${x(feed.generator)}</generator>
${entries.join('\n')}
</feed>
`;
}
