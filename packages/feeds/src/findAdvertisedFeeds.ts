import { decodeEntities } from './entities.ts';

const FEED_TYPES = new Set([
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/feed+json',
  'application/json',
  'application/xml',
  'text/xml',
]);

const LINK_TAG = /<link\b([^>]*)>/gi;
const BASE_TAG = /<base\b([^>]*)>/i;
const ATTRIBUTE = /([^\s=/>"']+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;

function attributesOf(raw: string): Record<string, string> {
  const attrs: Record<string, string> = Object.create(null);
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(raw); m !== null; m = ATTRIBUTE.exec(raw)) {
    const key = m[1]!.toLowerCase();
    if (!(key in attrs)) attrs[key] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '').trim();
  }
  return attrs;
}

/**
 * The feeds an HTML page advertises through `<link rel="alternate" type="application/rss+xml" href>`
 * (and Atom, RDF, JSON Feed), made absolute against `<base href>` and the page URL, in page order.
 */
export function findAdvertisedFeeds(html: string, pageUrl: string | null): string[] {
  let base = pageUrl;
  const baseTag = BASE_TAG.exec(html);
  if (baseTag) {
    const href = attributesOf(baseTag[1]!).href;
    if (href) {
      try {
        base = new URL(href, pageUrl ?? undefined).href;
      } catch {
        // a relative <base> on a page of unknown URL: keep what we have
      }
    }
  }
  const found: string[] = [];
  LINK_TAG.lastIndex = 0;
  for (let m = LINK_TAG.exec(html); m !== null; m = LINK_TAG.exec(html)) {
    const attrs = attributesOf(m[1]!);
    const rel = (attrs.rel ?? '').toLowerCase().split(/\s+/);
    const type = (attrs.type ?? '').toLowerCase().split(';')[0]!.trim();
    if (!attrs.href || !(rel.includes('alternate') || rel.includes('feed')) || !FEED_TYPES.has(type)) continue;
    let url = attrs.href;
    try {
      url = base ? new URL(attrs.href, base).href : new URL(attrs.href).href;
    } catch {
      // keep it as written: the caller can still show it
    }
    if (!found.includes(url)) found.push(url);
  }
  return found;
}
