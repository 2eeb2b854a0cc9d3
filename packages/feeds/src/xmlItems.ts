import { ChildIndex, collapse, nonEmpty, trimmedText } from './elementText.ts';
import type { FeedWarnings } from './feedWarnings.ts';
import { parseFeedDate } from './parseFeedDate.ts';
import { resolveUrl } from './text.ts';
import {
  type AtomDialect,
  atomHtml,
  atomTitle,
  plainAsHtml,
  rssHtml,
  rssTitle,
  type TitleText,
  xhtmlBody,
} from './textConstructs.ts';
import type { FeedItem } from './types.ts';
import { hasElementChildren } from './xmlMarkup.ts';
import type { XmlElement } from './xmlTree.ts';

/** One RSS, RDF, CDF or Atom item element read into the model. */

/**
 * CDF gives its channels a `BASE` attribute (its own, older than xml:base) for the relative `HREF`s
 * inside; the nearest one applies, resolved against xml:base and the feed URL.
 */
export function cdfBase(el: XmlElement): string | null {
  for (let at: XmlElement | null = el; at !== null; at = at.parent) {
    const base = nonEmpty(at.attrs.base);
    if (base !== null) return resolveUrl(base, at.base);
  }
  return el.base;
}

export interface ReadContext extends AtomDialect {
  warnings: FeedWarnings;
}

/** The alternate link among Atom `<link>` elements: rel alternate (or none), HTML preferred. */
export function atomAlternate(links: XmlElement[], requireAtomNs: boolean): string | null {
  let best: XmlElement | undefined;
  let bestScore = -1;
  for (const link of links) {
    if (requireAtomNs && link.ns !== 'atom') continue;
    // Some publishers write the address as the element's text instead of an `href`.
    const href = nonEmpty(link.attrs.href) ?? (link.children.length > 0 ? trimmedText(link) : null);
    if (href === null) continue;
    const rel = (link.attrs.rel ?? 'alternate').trim().toLowerCase();
    if (rel !== 'alternate' && rel !== 'http://www.iana.org/assignments/relation/alternate') continue;
    const type = (link.attrs.type ?? '').toLowerCase();
    const score = type === '' || type.includes('html') ? 2 : 1;
    if (score > bestScore) {
      best = link;
      bestScore = score;
    }
  }
  if (!best) return null;
  return resolveUrl(nonEmpty(best.attrs.href) ?? trimmedText(best)!, best.base);
}

export function personName(el: XmlElement | undefined): string | null {
  if (!el) return null;
  const idx = new ChildIndex(el);
  const name = collapse(trimmedText(idx.atom('name')));
  if (name) return name;
  const email = trimmedText(idx.atom('email'));
  if (email) return email;
  return hasElementChildren(el) ? null : rssAuthor(trimmedText(el));
}

const EMAIL = /<?(?:mailto:)?[^\s@<>()"',;]+@[^\s@<>()"',;]+\.[^\s@<>()"',;]+>?/;

/**
 * A person as RSS writes one: `jo@example.com (Jo Smith)`, `Jo Smith <jo@example.com>` and
 * `Jo Smith (jo@example.com)` all name Jo Smith; an address alone is kept as the name.
 */
export function rssAuthor(value: string | null): string | null {
  if (value === null) return null;
  if (value.indexOf('@') === -1) return collapse(value);
  const email = EMAIL.exec(value);
  if (email === null) return collapse(value);
  const rest = value
    .replace(email[0], ' ')
    .replace(/\(\s*\)|<\s*>|\[\s*\]/g, ' ')
    .trim()
    .replace(/^\((.*)\)$/, '$1')
    .replace(/^["']|["']$/g, '');
  return collapse(rest) ?? collapse(email[0].replace(/^<|>$/g, '').replace(/^mailto:/i, ''));
}

/**
 * Who an RSS channel names as its author: `dc:creator`/`dc:author`, `itunes:author`, an `atom:author`,
 * else the managing editor (RSS 2.0's only person for the channel). Items do not inherit it: in RSS
 * the channel's editor is not each item's writer.
 */
export function channelAuthor(c: ChildIndex): string | null {
  return (
    rssAuthor(trimmedText(c.get('dc', 'creator'))) ??
    rssAuthor(trimmedText(c.get('dc', 'author'))) ??
    collapse(trimmedText(c.get('itunes', 'author'))) ??
    personName(c.get('atom', 'author')) ??
    rssAuthor(trimmedText(c.get('', 'managingeditor')))
  );
}

function dateOf(raw: string | null, warnings: FeedWarnings): string | null {
  if (raw === null) return null;
  const iso = parseFeedDate(raw);
  if (iso === null) warnings.add(`unreadable date "${raw.slice(0, 60)}" left empty`);
  return iso;
}

function firstDate(candidates: (XmlElement | undefined)[], warnings: FeedWarnings): string | null {
  for (const el of candidates) {
    const iso = dateOf(trimmedText(el), warnings);
    if (iso !== null) return iso;
  }
  return null;
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

function titleFields(title: TitleText | null): Pick<FeedItem, 'title' | 'titleHtml'> {
  return { title: title?.text ?? null, titleHtml: title?.html ?? null };
}

export function rssItem(el: XmlElement, context: ReadContext): FeedItem {
  const { warnings } = context;
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
  // CDF (Channel Definition Format) items carry their link as an attribute.
  const cdfHref = nonEmpty(el.attrs.href);
  if (!link && cdfHref) link = resolveUrl(cdfHref, cdfBase(el));

  const title =
    rssTitle(c.get('', 'title')) ?? rssTitle(c.get('dc', 'title')) ?? atomTitle(c.get('atom', 'title'), context);
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
  const updated =
    firstDate([c.get('atom', 'updated'), c.get('dcterms', 'modified')], warnings) ??
    dateOf(nonEmpty(el.attrs.lastmod), warnings);
  const author =
    rssAuthor(trimmedText(c.get('', 'author'))) ??
    rssAuthor(trimmedText(c.get('dc', 'creator'))) ??
    rssAuthor(trimmedText(c.get('dc', 'author'))) ??
    collapse(trimmedText(c.get('itunes', 'author'))) ??
    personName(c.get('atom', 'author'));
  const summary =
    rssHtml(c.get('', 'description')) ??
    plainAsHtml(c.get('itunes', 'summary')) ??
    plainAsHtml(c.get('itunes', 'subtitle')) ??
    mediaDescription(c) ??
    atomHtml(c.get('atom', 'summary'), context) ??
    rssHtml(c.get('dc', 'description')) ??
    rssHtml(c.get('', 'abstract'));
  const content =
    rssHtml(c.get('content', 'encoded')) ??
    xhtmlBody(c.get('xhtml', 'body') ?? c.get('xhtml', 'div')) ??
    atomHtml(c.get('atom', 'content'), context);
  return { id, ...titleFields(title), link, published, updated, author, summary, content };
}

export function atomEntry(el: XmlElement, context: ReadContext): FeedItem {
  const { warnings } = context;
  const c = new ChildIndex(el);
  const source = c.atom('source');
  return {
    id: trimmedText(c.atom('id')),
    ...titleFields(atomTitle(c.atom('title'), context)),
    link: atomAlternate(c.links, false),
    published: firstDate(
      [c.atom('published'), c.atom('issued'), c.atom('created'), c.get('dc', 'date'), c.get('', 'pubdate')],
      warnings,
    ),
    updated: firstDate([c.atom('updated'), c.atom('modified')], warnings),
    author:
      personName(c.atom('author')) ??
      rssAuthor(trimmedText(c.get('dc', 'creator'))) ??
      rssAuthor(trimmedText(c.get('dc', 'author'))) ??
      (source ? personName(new ChildIndex(source).atom('author')) : null),
    summary: atomHtml(c.atom('summary'), context),
    content: atomHtml(c.atom('content'), context),
  };
}
