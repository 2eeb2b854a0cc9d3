import { decodeEntities } from './entities.ts';

const CLOSING_TAG = /<\/[a-z][a-z0-9]*\s*>/i;
const LONE_TAG = /<(?:br|img|hr)\b[^>]*>/i;
const REFERENCE = /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i;

/** Whether a nominally plain string is really HTML: it closes a tag, has a void tag or a character reference. */
export function looksLikeHtml(text: string): boolean {
  if (text.indexOf('<') === -1 && text.indexOf('&') === -1) return false;
  return CLOSING_TAG.test(text) || LONE_TAG.test(text) || REFERENCE.test(text);
}

// Tags that break a line when rendered; every other tag joins its neighbours without a space.
const BLOCK_TAG =
  /<\/?(?:br|p|div|li|ul|ol|h[1-6]|tr|td|th|table|blockquote|pre|hr|section|article|header|footer|dd|dt|dl|figure|figcaption)\b[^>]*>/gi;

/** The visible text of an HTML fragment: comments, scripts and tags removed, references decoded. */
export function htmlToText(html: string): string {
  const stripped = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(BLOCK_TAG, ' ')
    .replace(/<\/?[a-z][^>]*>/gi, '');
  // XML whitespace only: a no-break space in a title is the publisher's choice and stays.
  return decodeEntities(stripped)
    .replace(/[ \t\n\r]+/g, ' ')
    .trim();
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Resolves `url` against `base` when it is relative; absolute or unresolvable URLs come back trimmed. */
export function resolveUrl(url: string, base: string | null | undefined): string {
  const value = url.trim();
  if (!base || SCHEME.test(value)) return value;
  try {
    return new URL(value, base).href;
  } catch {
    return value;
  }
}

const URL_ATTRIBUTE = /(\s(?:href|src)\s*=\s*)(?:"([^"]*)"|'([^']*)')/gi;

/** Makes relative `href`/`src` attributes in an HTML fragment absolute against `base`. */
export function resolveHtmlUrls(html: string, base: string | null | undefined): string {
  if (!base || (html.indexOf('href') === -1 && html.indexOf('src') === -1)) return html;
  return html.replace(URL_ATTRIBUTE, (whole, lead: string, dq: string | undefined, sq: string | undefined) => {
    const value = dq ?? sq ?? '';
    const trimmed = value.trim();
    if (trimmed === '' || trimmed.startsWith('#') || SCHEME.test(trimmed)) return whole;
    const resolved = resolveUrl(trimmed.replace(/&amp;/g, '&'), base).replace(/&/g, '&amp;');
    return `${lead}"${resolved.replace(/"/g, '%22')}"`;
  });
}
