import { collapse, nonEmpty, trimmedText } from './elementText.ts';
import { fixC1References } from './entities.ts';
import { sanitizeInlineHtml } from './sanitizeInlineHtml.ts';
import { htmlToText, looksLikeHtml, resolveHtmlUrls } from './text.ts';
import { escapeHtml, hasElementChildren, innerMarkup, textOf } from './xmlMarkup.ts';
import type { XmlElement } from './xmlTree.ts';

/**
 * Text constructs: how a title, summary or content element becomes plain text or an HTML fragment.
 * RSS carries HTML as escaped text or CDATA; Atom says what it carries with `type` (1.0: text | html
 * | xhtml | a MIME type) and, in 0.3, `mode` (xml | escaped | base64).
 */

/** A title in both forms: plain text, and sanitised inline HTML (escaped text when it had no markup). */
export interface TitleText {
  text: string;
  html: string;
}

interface Construct {
  value: string;
  html: boolean;
}

/** What the document says about itself that changes how Atom constructs are read. */
export interface AtomDialect {
  /** RFC 4287 (the 2005 namespace); Atom 0.3 and unversioned documents keep XHTML wrappers. */
  atom10: boolean;
}

const BASE64 = /^[A-Za-z0-9+/=\s]*$/;
type Kind = 'text' | 'html' | 'xhtml' | 'binary';

function kindOf(type: string): Kind {
  if (type === 'text' || type === 'text/plain') return 'text';
  if (type === 'html' || type === 'text/html') return 'html';
  if (type === 'xhtml' || type === 'application/xhtml+xml') return 'xhtml';
  if (type.startsWith('text/')) return 'text';
  if (type.endsWith('+xml') || type.endsWith('/xml')) return 'xhtml';
  return 'binary';
}

function decodeBase64(text: string): string | null {
  if (!BASE64.test(text)) return null;
  const decoded = Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('utf8');
  // Bytes that are not UTF-8 text (an image) have nothing to offer a reader.
  return decoded.includes('\ufffd') ? null : decoded;
}

/** The single `div` an Atom 1.0 XHTML construct wraps its content in, if that is all there is. */
function wrapperDiv(el: XmlElement): XmlElement | undefined {
  let div: XmlElement | undefined;
  for (const child of el.children) {
    if (typeof child === 'string') {
      if (child.trim() !== '') return undefined;
    } else if (div !== undefined || child.local !== 'div') return undefined;
    else div = child;
  }
  return div;
}

function atomConstruct(el: XmlElement | undefined, dialect: AtomDialect): Construct | null {
  if (!el) return null;
  if (el.attrs.src !== undefined && el.children.length === 0) return null; // out-of-line content
  const typeAttr = (el.attrs.type ?? 'text').trim().toLowerCase();
  const mode = (el.attrs.mode ?? '').trim().toLowerCase();
  const kind = kindOf(typeAttr);
  if (mode === 'base64' || (kind === 'binary' && !hasElementChildren(el))) {
    const decoded = decodeBase64(textOf(el));
    if (decoded === null) return kind === 'binary' ? null : { value: textOf(el), html: kind !== 'text' };
    const html = kind === 'html' || kind === 'xhtml' || (kind === 'binary' && looksLikeHtml(decoded));
    return { value: decoded, html };
  }
  if (mode === 'escaped') return { value: textOf(el), html: kind !== 'text' };
  if (kind === 'text') return { value: textOf(el), html: false };
  if (kind === 'xhtml' || mode === 'xml' || hasElementChildren(el)) {
    // RFC 4287 wraps XHTML in one div that is not content; Atom 0.3 had no such rule, so its div is
    // the publisher's own markup and stays.
    const unwrap = typeAttr === 'xhtml' || (dialect.atom10 && kind === 'xhtml');
    const div = unwrap ? wrapperDiv(el) : undefined;
    return { value: innerMarkup(div ?? el), html: true };
  }
  return { value: textOf(el), html: true };
}

function titleOf(value: string, html: boolean, base: string | null): TitleText | null {
  if (!html) {
    const text = collapse(value);
    return text === null ? null : { text, html: escapeHtml(text) };
  }
  const text = collapse(htmlToText(value));
  if (text === null) return null;
  const sanitized = collapse(sanitizeInlineHtml(value));
  return { text, html: sanitized === null ? escapeHtml(text) : resolveHtmlUrls(sanitized, base) };
}

export function atomTitle(el: XmlElement | undefined, dialect: AtomDialect): TitleText | null {
  const t = atomConstruct(el, dialect);
  return t ? titleOf(t.value, t.html, el!.base) : null;
}

export function atomHtml(el: XmlElement | undefined, dialect: AtomDialect): string | null {
  const t = atomConstruct(el, dialect);
  if (!t) return null;
  const value = nonEmpty(t.value);
  if (value === null) return null;
  return t.html ? fixC1References(resolveHtmlUrls(value, el!.base)) : escapeHtml(value);
}

/** RSS titles are nominally plain text but often carry (escaped) HTML; read them as HTML when they look like it. */
export function rssTitle(el: XmlElement | undefined): TitleText | null {
  if (!el) return null;
  const raw = hasElementChildren(el) ? innerMarkup(el) : textOf(el);
  return titleOf(raw, looksLikeHtml(raw), el.base);
}

/** RSS description / content:encoded: HTML carried as escaped text, CDATA, or (invalidly) raw markup. */
export function rssHtml(el: XmlElement | undefined): string | null {
  if (!el) return null;
  const html = hasElementChildren(el) ? innerMarkup(el) : textOf(el);
  return nonEmpty(fixC1References(resolveHtmlUrls(html, el.base)));
}

/** A plain-text element rendered as an HTML fragment. */
export function plainAsHtml(el: XmlElement | undefined): string | null {
  const value = trimmedText(el);
  return value === null ? null : escapeHtml(value);
}

export function xhtmlBody(el: XmlElement | undefined): string | null {
  if (!el) return null;
  return nonEmpty(resolveHtmlUrls(innerMarkup(el), el.base));
}
