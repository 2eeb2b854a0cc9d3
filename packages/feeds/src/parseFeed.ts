import { decodeFeedBytes, stripInvalidXmlChars } from './decodeFeedBytes.ts';
import { findAdvertisedFeeds } from './findAdvertisedFeeds.ts';
import { parseFeedDate } from './parseFeedDate.ts';
import { htmlToText, looksLikeHtml, resolveHtmlUrls, resolveUrl } from './text.ts';
import type { Feed, FeedErrorCode, FeedItem, ParseFeedOptions, ParseResult } from './types.ts';
import {
  buildXmlTree,
  escapeHtml,
  hasElementChildren,
  innerMarkup,
  MAX_DEPTH,
  textOf,
  type XmlElement,
} from './xmlTree.ts';

const MAX_WARNINGS = 20;

class Warnings {
  readonly list: string[] = [];
  private readonly seen = new Set<string>();
  add(message: string): void {
    if (this.list.length < MAX_WARNINGS && !this.seen.has(message)) {
      this.seen.add(message);
      this.list.push(message);
    }
  }
}

function failure(code: FeedErrorCode, message: string, advertisedFeeds: string[] = []): ParseResult {
  return { ok: false, error: { code, message, advertisedFeeds } };
}

/**
 * Parses an RSS 0.9x/1.0/2.0, Atom 0.3/1.0 or JSON Feed 1.x document into the normalised model.
 * Never throws on any input. Bytes are decoded by BOM, then HTTP charset, then XML prolog; a
 * string is taken as already decoded (its `encoding` is reported as `string`).
 */
export function parseFeed(input: Uint8Array | string, options: ParseFeedOptions = {}): ParseResult {
  try {
    return parseDocument(input, options);
  } catch (error) {
    // Nothing here is meant to throw; if some input still finds a way (a stack or memory limit),
    // it is that document's failure, with a reason code, not the caller's crash.
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return failure('malformed', `the document could not be read (${reason.slice(0, 200)})`);
  }
}

function parseDocument(input: Uint8Array | string, options: ParseFeedOptions): ParseResult {
  const warnings = new Warnings();
  let text: string;
  let encoding: string;
  if (typeof input === 'string') {
    text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    encoding = 'string';
  } else {
    const decoded = decodeFeedBytes(input, options.contentType);
    if (!decoded.ok) return failure('bad-encoding', decoded.message);
    text = decoded.value.text;
    encoding = decoded.value.encoding;
    for (const w of decoded.value.warnings) warnings.add(w);
  }
  const stripped = stripInvalidXmlChars(text);
  if (stripped.removed > 0) warnings.add(`removed ${stripped.removed} characters not allowed in XML`);
  text = stripped.text;

  const start = text.search(/\S/);
  if (start === -1) return failure('empty', 'the document is empty');
  const first = text.charCodeAt(start);
  if (first === 123 /* { */ || first === 91 /* [ */) return parseJsonFeed(text, options, encoding, warnings);
  return parseXmlFeed(text, options, encoding, warnings);
}

// ---------------------------------------------------------------------------------------------
// XML feeds

type XmlFormat = 'rss' | 'rdf' | 'atom';

/**
 * The element children of one element, looked up by namespace key and local name (first wins).
 * A linear scan: items have a handful of children, and this allocates nothing per lookup.
 */
class ChildIndex {
  private readonly elements: XmlElement[] = [];
  readonly links: XmlElement[] = [];
  constructor(el: XmlElement) {
    for (const child of el.children) {
      if (typeof child === 'string') continue;
      this.elements.push(child);
      if (child.local === 'link') this.links.push(child);
    }
  }
  get(ns: string, local: string): XmlElement | undefined {
    for (const el of this.elements) if (el.local === local && el.ns === ns) return el;
    return undefined;
  }
  /** For Atom, where documents without the namespace declaration are common. */
  atom(local: string): XmlElement | undefined {
    return this.get('atom', local) ?? this.get('', local);
  }
}

function trimmedText(el: XmlElement | undefined): string | null {
  if (!el) return null;
  const value = textOf(el).trim();
  return value.length > 0 ? value : null;
}

function collapse(text: string | null): string | null {
  if (text === null) return null;
  const value = text.replace(/\s+/g, ' ').trim();
  return value.length > 0 ? value : null;
}

function nonEmpty(text: string | null | undefined): string | null {
  if (text == null) return null;
  const value = text.trim();
  return value.length > 0 ? value : null;
}

/** RSS titles are nominally plain text but often carry (escaped) HTML; read them as HTML when they look like it. */
function rssTitle(el: XmlElement | undefined): string | null {
  if (!el) return null;
  const raw = hasElementChildren(el) ? innerMarkup(el) : textOf(el);
  return collapse(looksLikeHtml(raw) ? htmlToText(raw) : raw);
}

/** RSS description / content:encoded: HTML carried as escaped text, CDATA, or (invalidly) raw markup. */
function rssHtml(el: XmlElement | undefined): string | null {
  if (!el) return null;
  const html = hasElementChildren(el) ? innerMarkup(el) : textOf(el);
  return nonEmpty(resolveHtmlUrls(html, el.base));
}

/** A plain-text element rendered as an HTML fragment. */
function plainAsHtml(el: XmlElement | undefined): string | null {
  const value = trimmedText(el);
  return value === null ? null : escapeHtml(value);
}

interface TextConstruct {
  value: string;
  html: boolean;
}

const BASE64 = /^[A-Za-z0-9+/=\s]*$/;

/**
 * Atom 1.0 text constructs (`type` text | html | xhtml) and Atom 0.3 content (`type` a MIME type,
 * `mode` xml | escaped | base64), read into either plain text or HTML.
 */
function atomText(el: XmlElement | undefined): TextConstruct | null {
  if (!el) return null;
  if (el.attrs.src !== undefined && el.children.length === 0) return null; // out-of-line content
  const type = (el.attrs.type ?? 'text').trim().toLowerCase();
  const mode = (el.attrs.mode ?? '').trim().toLowerCase();
  if (mode === 'base64' || (!isTextual(type) && BASE64.test(textOf(el)))) {
    if (!isTextual(type)) return null; // binary content (an image) has no text to offer
    const decoded = Buffer.from(textOf(el).replace(/\s+/g, ''), 'base64').toString('utf8');
    return { value: decoded, html: type.includes('html') };
  }
  if (type === 'xhtml' || type === 'application/xhtml+xml' || mode === 'xml' || hasElementChildren(el)) {
    if (type === 'text' || type === 'text/plain') return { value: textOf(el), html: false };
    const div = el.children.find((c): c is XmlElement => typeof c !== 'string' && c.local === 'div');
    const onlyDiv =
      div !== undefined && el.children.every((c) => c === div || (typeof c === 'string' && c.trim() === ''));
    return { value: innerMarkup(onlyDiv ? div : el), html: true };
  }
  if (type === 'html' || type === 'text/html' || mode === 'escaped') return { value: textOf(el), html: true };
  return { value: textOf(el), html: false };
}

function isTextual(type: string): boolean {
  return (
    type === 'text' ||
    type === 'html' ||
    type === 'xhtml' ||
    type.startsWith('text/') ||
    type.endsWith('+xml') ||
    type.endsWith('/xml')
  );
}

function atomTitle(el: XmlElement | undefined): string | null {
  const t = atomText(el);
  if (!t) return null;
  return collapse(t.html ? htmlToText(t.value) : t.value);
}

function atomHtml(el: XmlElement | undefined): string | null {
  const t = atomText(el);
  if (!t) return null;
  const value = nonEmpty(t.value);
  if (value === null) return null;
  return t.html ? resolveHtmlUrls(value, el!.base) : escapeHtml(value);
}

/** The alternate link among Atom `<link>` elements: rel alternate (or none), HTML preferred. */
function atomAlternate(links: XmlElement[], requireAtomNs: boolean): string | null {
  let best: XmlElement | undefined;
  let bestScore = -1;
  for (const link of links) {
    if (requireAtomNs && link.ns !== 'atom') continue;
    const href = link.attrs.href;
    if (!href || href.trim() === '') continue;
    const rel = (link.attrs.rel ?? 'alternate').trim().toLowerCase();
    if (rel !== 'alternate' && rel !== 'http://www.iana.org/assignments/relation/alternate') continue;
    const type = (link.attrs.type ?? '').toLowerCase();
    const score = type === '' || type.includes('html') ? 2 : 1;
    if (score > bestScore) {
      best = link;
      bestScore = score;
    }
  }
  return best ? resolveUrl(best.attrs.href!, best.base) : null;
}

function personName(el: XmlElement | undefined): string | null {
  if (!el) return null;
  const idx = new ChildIndex(el);
  const name = collapse(trimmedText(idx.atom('name')));
  if (name) return name;
  const email = trimmedText(idx.atom('email'));
  if (email) return email;
  return hasElementChildren(el) ? null : rssAuthor(trimmedText(el));
}

/** `jo@example.com (Jo Smith)` and `Jo Smith <jo@example.com>` both name Jo Smith. */
function rssAuthor(value: string | null): string | null {
  if (value === null) return null;
  const paren = /^\S+@\S+\s*\((.+)\)$/.exec(value);
  if (paren?.[1]?.trim()) return collapse(paren[1]);
  const angle = /^(.+?)\s*<\S+@\S+>$/.exec(value);
  if (angle?.[1]?.trim()) return collapse(angle[1].replace(/^["']|["']$/g, ''));
  return collapse(value);
}

function dateOf(el: XmlElement | undefined, warnings: Warnings): string | null {
  const raw = trimmedText(el);
  if (raw === null) return null;
  const iso = parseFeedDate(raw);
  if (iso === null) warnings.add(`unreadable date "${raw.slice(0, 60)}" left empty`);
  return iso;
}

function firstDate(candidates: (XmlElement | undefined)[], warnings: Warnings): string | null {
  for (const el of candidates) {
    const iso = dateOf(el, warnings);
    if (iso !== null) return iso;
  }
  return null;
}

function rssItem(el: XmlElement, warnings: Warnings): FeedItem {
  const c = new ChildIndex(el);
  const guidEl = c.get('', 'guid');
  const guid = trimmedText(guidEl);
  const about = nonEmpty(el.attrs['rdf:about'] ?? el.attrs.about);
  const id = guid ?? about ?? trimmedText(c.get('dc', 'identifier'));

  let link: string | null = null;
  const origLink = trimmedText(c.get('feedburner', 'origlink'));
  const linkEl = c.get('', 'link');
  const rawLink = origLink ?? trimmedText(linkEl) ?? nonEmpty(linkEl?.attrs.href);
  if (rawLink) link = resolveUrl(rawLink, (origLink ? c.get('feedburner', 'origlink') : linkEl)!.base);
  if (!link && guid && guidEl && (guidEl.attrs.ispermalink ?? 'true').trim().toLowerCase() !== 'false') {
    if (/^https?:\/\//i.test(guid)) link = guid;
  }
  if (!link) link = atomAlternate(c.links, true);
  if (!link && about && /^https?:\/\//i.test(about)) link = about;

  const title = rssTitle(c.get('', 'title')) ?? rssTitle(c.get('dc', 'title')) ?? atomTitle(c.get('atom', 'title'));
  const published = firstDate(
    [
      c.get('', 'pubdate'),
      c.get('dc', 'date'),
      c.get('dcterms', 'issued'),
      c.get('dcterms', 'created'),
      c.get('atom', 'published'),
      c.get('dcterms', 'date'),
    ],
    warnings,
  );
  const updated = firstDate([c.get('atom', 'updated'), c.get('dcterms', 'modified')], warnings);
  const author =
    rssAuthor(trimmedText(c.get('', 'author'))) ??
    collapse(trimmedText(c.get('dc', 'creator'))) ??
    collapse(trimmedText(c.get('itunes', 'author'))) ??
    personName(c.get('atom', 'author'));
  const summary =
    rssHtml(c.get('', 'description')) ??
    plainAsHtml(c.get('itunes', 'summary')) ??
    plainAsHtml(c.get('itunes', 'subtitle')) ??
    mediaDescription(c) ??
    atomHtml(c.get('atom', 'summary')) ??
    rssHtml(c.get('dc', 'description'));
  const content =
    rssHtml(c.get('content', 'encoded')) ??
    xhtmlBody(c.get('xhtml', 'body') ?? c.get('xhtml', 'div')) ??
    atomHtml(c.get('atom', 'content'));
  return { id, title, link, published, updated, author, summary, content };
}

function mediaDescription(c: ChildIndex): string | null {
  let el = c.get('media', 'description');
  if (!el) {
    const group = c.get('media', 'group') ?? c.get('media', 'content');
    if (group) el = new ChildIndex(group).get('media', 'description');
  }
  if (!el) return null;
  if ((el.attrs.type ?? '').toLowerCase() === 'html') return rssHtml(el);
  return plainAsHtml(el);
}

function xhtmlBody(el: XmlElement | undefined): string | null {
  if (!el) return null;
  return nonEmpty(resolveHtmlUrls(innerMarkup(el), el.base));
}

function atomEntry(el: XmlElement, warnings: Warnings): FeedItem {
  const c = new ChildIndex(el);
  const source = c.atom('source');
  return {
    id: trimmedText(c.atom('id')),
    title: atomTitle(c.atom('title')),
    link: atomAlternate(c.links, false),
    published: firstDate(
      [c.atom('published'), c.atom('issued'), c.atom('created'), c.get('dc', 'date'), c.get('', 'pubdate')],
      warnings,
    ),
    updated: firstDate([c.atom('updated'), c.atom('modified')], warnings),
    author:
      personName(c.atom('author')) ??
      collapse(trimmedText(c.get('dc', 'creator'))) ??
      (source ? personName(new ChildIndex(source).atom('author')) : null),
    summary: atomHtml(c.atom('summary')),
    content: atomHtml(c.atom('content')),
  };
}

/** A year: a longer cache lifetime is a typo, not a promise. */
const MAX_TTL_MINUTES = 525_600;

/** RSS `<ttl>`: whole minutes, positive; anything else is unreadable. */
function rssTtlMinutes(el: XmlElement | undefined): number | null {
  const text = trimmedText(el);
  if (text === null || !/^\d{1,9}$/.test(text)) return null;
  const minutes = Number(text);
  return minutes > 0 ? Math.min(minutes, MAX_TTL_MINUTES) : null;
}

const SY_PERIOD_MINUTES: Record<string, number> = {
  hourly: 60,
  daily: 1440,
  weekly: 10_080,
  monthly: 43_200,
  yearly: 525_600,
};

/** The syndication module: `updatePeriod` (default daily) divided by `updateFrequency` (default 1). */
function syndicationMinutes(c: ChildIndex): number | null {
  const periodEl = c.get('sy', 'updateperiod');
  const frequencyEl = c.get('sy', 'updatefrequency');
  if (!periodEl && !frequencyEl) return null;
  const period = periodEl ? SY_PERIOD_MINUTES[(trimmedText(periodEl) ?? '').toLowerCase()] : 1440;
  if (period === undefined) return null;
  const frequencyText = trimmedText(frequencyEl) ?? '1';
  if (!/^\d{1,6}$/.test(frequencyText) || Number(frequencyText) === 0) return null;
  return Math.max(1, Math.round(period / Number(frequencyText)));
}

const FEED_ROOTS: Record<string, XmlFormat> = { rss: 'rss', rdf: 'rdf', feed: 'atom', channel: 'rss' };

function parseXmlFeed(text: string, options: ParseFeedOptions, encoding: string, warnings: Warnings): ParseResult {
  let format: XmlFormat | null = null;
  let root: XmlElement | null = null;
  let firstElement: XmlElement | null = null;
  let droppedItems = 0;
  const items: FeedItem[] = [];
  const itemName = (): string => (format === 'atom' ? 'entry' : 'item');

  const tree = buildXmlTree(text, options.url ?? null, {
    onOpen(el) {
      if (firstElement === null) firstElement = el;
      if (format !== null || firstElement.local === 'html') return;
      const candidate = FEED_ROOTS[el.local];
      // Junk before the root (a PHP warning in <b>, a stray <br />) must not hide the feed.
      if (candidate !== undefined && (el.ns === '' || el.ns === 'atom' || el.ns === 'rdf')) {
        format = candidate;
        root = el;
      }
    },
    onClose(el) {
      if (format === null || el.local !== itemName()) return false;
      if (format === 'atom' ? el.ns !== 'atom' && el.ns !== '' : el.ns !== '') return false;
      if (!el.closed) {
        droppedItems++;
        return true;
      }
      items.push(format === 'atom' ? atomEntry(el, warnings) : rssItem(el, warnings));
      return true;
    },
  });
  for (const w of tree.warnings) warnings.add(w);
  if (tree.tooDeep) return failure('malformed', `elements nested more than ${MAX_DEPTH} deep`);

  if (format === null || root === null) {
    const first = firstElement as XmlElement | null;
    const looksHtml =
      first?.local === 'html' ||
      (tree.doctype !== null && /^html\b/i.test(tree.doctype)) ||
      /^\s*text\/html/i.test(options.contentType ?? '');
    if (looksHtml) {
      const advertised = findAdvertisedFeeds(text, options.url ?? null);
      return failure(
        'not-a-feed',
        advertised.length > 0
          ? `an HTML page, which advertises ${advertised.length} feed(s)`
          : 'an HTML page, which advertises no feed',
        advertised,
      );
    }
    if (first === null) {
      if (text.includes('<')) {
        return failure('malformed', tree.truncated ? 'the document ends before its root element' : 'no XML element');
      }
      return failure('not-a-feed', 'not XML, not JSON: no element found');
    }
    return failure('not-a-feed', `the root element <${first.qname}> is not RSS, RDF or Atom`);
  }
  const feedRoot = root as XmlElement;
  if (tree.truncated) {
    warnings.add(
      droppedItems > 0
        ? `the document is truncated; kept the ${items.length} complete item(s) before the cut`
        : 'the document is truncated',
    );
  }

  const rootIndex = new ChildIndex(feedRoot);
  const channel = feedRoot.local === 'channel' ? feedRoot : (rootIndex.get('', 'channel') ?? null);
  let feed: Feed;
  if (format === 'atom') {
    feed = {
      title: atomTitle(rootIndex.atom('title')),
      link: atomAlternate(rootIndex.links, false),
      format,
      ttlMinutes: syndicationMinutes(rootIndex),
    };
    const feedAuthor = personName(rootIndex.atom('author'));
    if (feedAuthor) for (const item of items) item.author ??= feedAuthor;
  } else {
    const c = channel ? new ChildIndex(channel) : rootIndex;
    const linkEl = c.get('', 'link');
    const rawLink = trimmedText(linkEl) ?? nonEmpty(linkEl?.attrs.href);
    feed = {
      title: rssTitle(c.get('', 'title')) ?? rssTitle(c.get('dc', 'title')),
      link: rawLink ? resolveUrl(rawLink, linkEl!.base) : atomAlternate(c.links, true),
      format,
      ttlMinutes: rssTtlMinutes(c.get('', 'ttl')) ?? syndicationMinutes(c),
    };
  }
  return { ok: true, feed, items, encoding, warnings: warnings.list };
}

// ---------------------------------------------------------------------------------------------
// JSON Feed

function str(value: unknown): string | null {
  if (typeof value === 'string') return nonEmpty(value);
  return null;
}

function jsonAuthor(obj: Record<string, unknown>): string | null {
  const authors = obj.authors;
  if (Array.isArray(authors)) {
    for (const a of authors) {
      if (a && typeof a === 'object') {
        const name = str((a as Record<string, unknown>).name);
        if (name) return collapse(name);
      }
    }
  }
  const author = obj.author;
  if (author && typeof author === 'object') return collapse(str((author as Record<string, unknown>).name));
  return null;
}

function jsonDate(value: unknown, warnings: Warnings): string | null {
  const raw = str(value);
  if (raw === null) return null;
  const iso = parseFeedDate(raw);
  if (iso === null) warnings.add(`unreadable date "${raw.slice(0, 60)}" left empty`);
  return iso;
}

function parseJsonFeed(text: string, options: ParseFeedOptions, encoding: string, warnings: Warnings): ParseResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return failure('malformed', `invalid JSON: ${(error as Error).message}`);
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return failure('not-a-feed', 'JSON, but not a JSON Feed');
  const obj = doc as Record<string, unknown>;
  const version = typeof obj.version === 'string' ? obj.version : '';
  if (!/jsonfeed\.org\/version\//i.test(version) && !Array.isArray(obj.items)) {
    return failure('not-a-feed', 'JSON, but not a JSON Feed');
  }
  const base = options.url ?? str(obj.feed_url);
  const feedAuthor = jsonAuthor(obj);
  const items: FeedItem[] = [];
  for (const raw of Array.isArray(obj.items) ? obj.items : []) {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) continue;
    const it = raw as Record<string, unknown>;
    const id = typeof it.id === 'number' && Number.isFinite(it.id) ? String(it.id) : str(it.id);
    const url = str(it.url) ?? str(it.external_url);
    const contentHtml = str(it.content_html);
    const contentText = str(it.content_text);
    const summary = str(it.summary);
    items.push({
      id,
      title: collapse(str(it.title)),
      link: url ? resolveUrl(url, base) : null,
      published: jsonDate(it.date_published, warnings),
      updated: jsonDate(it.date_modified, warnings),
      author: jsonAuthor(it) ?? feedAuthor,
      summary: summary === null ? null : escapeHtml(summary),
      content: contentHtml ? resolveHtmlUrls(contentHtml, base) : contentText === null ? null : escapeHtml(contentText),
    });
  }
  const home = str(obj.home_page_url);
  return {
    ok: true,
    feed: {
      title: collapse(str(obj.title)),
      link: home ? resolveUrl(home, base) : null,
      format: 'json',
      ttlMinutes: null,
    },
    items,
    encoding,
    warnings: warnings.list,
  };
}
