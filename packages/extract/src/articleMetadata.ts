/**
 * Article metadata read from the page before any cleaning: JSON-LD, OpenGraph and other meta tags,
 * `<time datetime>` and the URL. Each field takes the first source that yields a valid value, in the
 * order of trust documented on each reader below and in the package README.
 */

import { articleBodyParagraphs, articleNode, isObject, type JsonObject, jsonLdNodes, names, text } from './jsonLd.ts';
import { normalizeDate } from './normalizeDate.ts';
import { timeElementDates } from './timeElementDates.ts';

export { normalizeDate } from './normalizeDate.ts';

export type PublishedAtSource = 'json-ld' | 'opengraph' | 'meta' | 'time-element' | 'url' | 'feed' | 'none';

export interface ArticleMetadata {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  lang: string | null;
  canonicalUrl: string | null;
  publishedAt: string | null;
  publishedAtSource: PublishedAtSource;
  modifiedAt: string | null;
  description: string | null;
  /** JSON-LD `articleBody` as paragraphs (empty when the page has none). */
  articleBody: string[];
}

// ---------------------------------------------------------------- dates

/**
 * A date in the URL path: `/2023/10/14/`, `/2023-10-14`, `/20231014/`, `/14/10/2023/`. A year and
 * month alone (`/2023/10/slug`) is not a date. Only http(s) URLs count.
 */
export function dateFromUrl(url: string): string | null {
  let path: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  const patterns: [RegExp, (m: RegExpExecArray) => [string, string, string]][] = [
    [/(?:^|\/)((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})(?=\/|$|[._-])/, (m) => [m[1]!, m[2]!, m[3]!]],
    [/(?:^|[/_-])((?:19|20)\d{2})-(\d{2})-(\d{2})(?=\/|$|[._-])/, (m) => [m[1]!, m[2]!, m[3]!]],
    [/(?:^|[/_-])((?:19|20)\d{2})(\d{2})(\d{2})(?=\/|$|[._-])/, (m) => [m[1]!, m[2]!, m[3]!]],
    [/(?:^|\/)(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d{2})(?=\/|$)/, (m) => [m[3]!, m[2]!, m[1]!]],
  ];
  for (const [pattern, parts] of patterns) {
    const match = pattern.exec(path);
    if (!match) continue;
    const [y, mo, d] = parts(match);
    const date = normalizeDate(`${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`);
    if (date) return date;
  }
  return null;
}

// ---------------------------------------------------------------- meta tags

/** `<meta>` content by lower-cased `property`, `name` or `itemprop`; the first occurrence wins. */
function metaTags(document: Document): Map<string, string> {
  const map = new Map<string, string>();
  for (const meta of Array.from(document.querySelectorAll('meta'))) {
    const content = meta.getAttribute('content');
    if (content === null || content.trim() === '') continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = meta.getAttribute(attr);
      if (!key) continue;
      for (const k of key.toLowerCase().split(/\s+/)) if (k && !map.has(k)) map.set(k, content.trim());
    }
  }
  return map;
}

function first(map: Map<string, string>, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = map.get(key);
    if (value) return value;
  }
  return null;
}

function firstDate(map: Map<string, string>, keys: readonly string[]): string | null {
  for (const key of keys) {
    const date = normalizeDate(map.get(key));
    if (date) return date;
  }
  return null;
}

const OPENGRAPH_PUBLISHED = ['article:published_time', 'og:published_time', 'og:article:published_time'];
const OPENGRAPH_MODIFIED = ['article:modified_time', 'og:updated_time', 'og:modified_time', 'og:article:modified_time'];
const META_PUBLISHED = [
  'datepublished',
  'date',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'published_time',
  'publication_date',
  'article.published',
  'article_date_original',
  'dc.date.issued',
  'dc.date',
  'dcterms.date',
  'dcterms.created',
  'dcterms.issued',
  'sailthru.date',
  'parsely-pub-date',
  'cxenseparse:recs:publishtime',
];
const META_MODIFIED = ['datemodified', 'last-modified', 'dcterms.modified', 'article.updated', 'lastmod'];

// ---------------------------------------------------------------- the other fields

const TITLE_SEPARATORS = /\s+(?:[|–—\-:·•»«/]|::)\s+/;
const SEPARATOR_AT_END = /\s+(?:[|–—\-:·•»«/]|::)\s*$/;
const SEPARATOR_AT_START = /^\s*(?:[|–—\-:·•»«/]|::)\s+/;

function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Drops a site name glued to a title with a separator ("Headline | Site", "Site :: Headline"):
 * the part equal to the site name when it is known, else a trailing part of at most four words
 * that is shorter than the rest.
 */
export function stripSiteName(title: string, siteName: string | null): string {
  const parts = title.split(TITLE_SEPARATORS);
  if (parts.length < 2) return title;
  const last = parts[parts.length - 1]!;
  const head = parts[0]!;
  if (siteName) {
    const site = squash(siteName);
    if (squash(last) === site) return title.slice(0, title.lastIndexOf(last)).replace(SEPARATOR_AT_END, '');
    if (squash(head) === site) return title.slice(head.length).replace(SEPARATOR_AT_START, '');
    return title;
  }
  const rest = title.slice(0, title.lastIndexOf(last)).replace(SEPARATOR_AT_END, '');
  const lastWords = last.split(/\s+/).length;
  if (lastWords <= 4 && last.length < rest.length) return rest;
  return title;
}

function normalizeLang(value: string | null | undefined): string | null {
  if (!value) return null;
  const tag = value
    .trim()
    .split(/[,;\s]/)[0]!
    .replace(/_/g, '-');
  if (!/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(tag)) return null;
  const [primary, ...rest] = tag.split('-');
  return [primary!.toLowerCase(), ...rest.map((p) => (p.length === 2 ? p.toUpperCase() : p))].join('-');
}

function absoluteHttpUrl(value: string | null | undefined, base: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim(), base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}

/**
 * A canonical link pointing at the site's front page from a deeper page is a CMS template bug, not a
 * statement that the article is the front page.
 */
function plausibleCanonical(canonical: string | null, pageUrl: string): string | null {
  if (canonical === null) return null;
  try {
    const page = new URL(pageUrl);
    const target = new URL(canonical);
    if ((target.pathname === '/' || target.pathname === '') && page.pathname.length > 1 && !target.search) return null;
  } catch {
    return null;
  }
  return canonical;
}

function cleanByline(value: string | null): string | null {
  if (!value) return null;
  const byline = value
    .replace(/\s+/g, ' ')
    .replace(/^(?:by|from|автор|авторка|written by)\s*:?\s+/i, '')
    .trim();
  if (!byline || byline.length > 200 || /^https?:\/\//.test(byline)) return null;
  return byline;
}

/**
 * Reads the metadata of a page. Orders of trust (first valid value wins):
 * - publishedAt: JSON-LD `datePublished` of the article node → OpenGraph `article:published_time`
 *   → other meta (`itemprop=datePublished`, `pubdate`, Dublin Core, Parse.ly...) → `<time datetime>`
 *   in the article → a date in the URL path → none. `publishedAtSource` records which.
 * - modifiedAt: JSON-LD `dateModified` → OpenGraph `article:modified_time` / `og:updated_time`
 *   → other meta → an "updated" `<time datetime>` in the article.
 * - title: JSON-LD `headline` → `og:title` → `twitter:title` → the first `<h1>` → `<title>`; a
 *   site name glued on with a separator is cut off.
 * - byline: JSON-LD `author` names → `<meta name=author>` / `article:author` (when not a URL)
 *   → a `rel=author` link or `.byline`/`.author` element.
 * - siteName: `og:site_name` → JSON-LD `publisher.name` → `application-name`.
 * - lang: `<html lang>` → `content-language` → `og:locale` → JSON-LD `inLanguage`.
 * - canonicalUrl: `<link rel=canonical>` → `og:url` → JSON-LD `url` / `mainEntityOfPage`; relative
 *   values are resolved against the page URL; a canonical pointing at the front page is ignored.
 */
export function readMetadata(document: Document, url: string): ArticleMetadata {
  const nodes = jsonLdNodes(document);
  const byId = new Map<string, JsonObject>();
  for (const node of nodes) {
    const id = node['@id'];
    if (typeof id === 'string') byId.set(id, node);
  }
  const article = articleNode(nodes);
  const meta = metaTags(document);

  const publisher = article ? names(article.publisher, byId)[0] : undefined;
  const siteName = text(meta.get('og:site_name')) ?? publisher ?? text(meta.get('application-name'));

  const titleTag = text(document.querySelector('title')?.textContent ?? null);
  const h1 = text(document.querySelector('h1')?.textContent ?? null);
  // Old themes put the site's name in the only <h1>, and the <title> says "Headline – Site Name".
  const titleParts = titleTag ? titleTag.split(TITLE_SEPARATORS) : [];
  const h1IsSiteName =
    h1 !== null &&
    titleParts.length >= 2 &&
    [titleParts[0]!, titleParts[titleParts.length - 1]!].some((part) => squash(part) === squash(h1)) &&
    h1.length * 2 < titleTag!.length;
  const h1Fits = h1 !== null && !h1IsSiteName && (titleTag === null || squash(titleTag).includes(squash(h1)));
  const titleCandidates = [
    article ? text(article.headline) : null,
    text(meta.get('og:title')),
    text(meta.get('twitter:title')),
    h1Fits ? h1 : null,
    titleTag,
  ];
  let title: string | null = null;
  for (const candidate of titleCandidates) {
    if (candidate) {
      title = stripSiteName(candidate, siteName ?? (h1IsSiteName ? h1 : null));
      break;
    }
  }

  const jsonLdAuthors = article ? names(article.author, byId) : [];
  const authorElement = document.querySelector(
    '[rel="author"], [itemprop="author"] [itemprop="name"], .byline, .author',
  );
  const byline =
    cleanByline(jsonLdAuthors.length > 0 ? [...new Set(jsonLdAuthors)].join(', ') : null) ??
    cleanByline(first(meta, ['author', 'article:author', 'byl', 'dc.creator', 'parsely-author', 'sailthru.author'])) ??
    cleanByline(authorElement?.textContent ?? null);

  const lang =
    normalizeLang(document.documentElement?.getAttribute('lang')) ??
    normalizeLang(document.documentElement?.getAttribute('xml:lang')) ??
    normalizeLang(meta.get('content-language')) ??
    normalizeLang(meta.get('og:locale')) ??
    normalizeLang(article ? text(article.inLanguage) : null);

  const mainEntity = article?.mainEntityOfPage;
  const canonicalUrl = plausibleCanonical(
    absoluteHttpUrl(document.querySelector('link[rel~="canonical"]')?.getAttribute('href'), url) ??
      absoluteHttpUrl(meta.get('og:url'), url) ??
      absoluteHttpUrl(article ? text(article.url) : null, url) ??
      absoluteHttpUrl(isObject(mainEntity) ? text(mainEntity['@id']) : text(mainEntity), url),
    url,
  );

  let publishedAt: string | null = null;
  let publishedAtSource: PublishedAtSource = 'none';
  const times = timeElementDates(document);
  const publishedSources: [PublishedAtSource, () => string | null][] = [
    ['json-ld', () => (article ? normalizeDate(text(article.datePublished) ?? text(article.dateCreated)) : null)],
    ['opengraph', () => firstDate(meta, OPENGRAPH_PUBLISHED)],
    ['meta', () => firstDate(meta, META_PUBLISHED) ?? itempropDate(document, 'datePublished')],
    ['time-element', () => times.published],
    ['url', () => dateFromUrl(url)],
  ];
  for (const [source, read] of publishedSources) {
    const date = read();
    if (date) {
      publishedAt = date;
      publishedAtSource = source;
      break;
    }
  }

  const modifiedAt =
    (article ? normalizeDate(text(article.dateModified)) : null) ??
    firstDate(meta, OPENGRAPH_MODIFIED) ??
    firstDate(meta, META_MODIFIED) ??
    itempropDate(document, 'dateModified') ??
    times.modified;

  const description = text(meta.get('og:description')) ?? text(meta.get('description'));

  const articleBody = articleBodyParagraphs(article);
  return {
    title,
    byline,
    siteName,
    lang,
    canonicalUrl,
    publishedAt,
    publishedAtSource,
    modifiedAt,
    description,
    articleBody,
  };
}

/** Microdata on an element other than `<meta>`: `<time itemprop="datePublished" datetime>`, `<span content>`. */
function itempropDate(document: Document, prop: string): string | null {
  for (const element of Array.from(document.querySelectorAll(`[itemprop="${prop}"]`))) {
    const date = normalizeDate(element.getAttribute('datetime') ?? element.getAttribute('content'));
    if (date) return date;
  }
  return null;
}
