import LinkHeader from 'http-link-header';
import { nonEmpty } from './elementText.ts';
import { resolveUrl } from './text.ts';
import type { XmlElement } from './xmlTree.ts';

/**
 * Where a feed says it is published through WebSub (W3C WebSub §4, PubSubHubbub before it): its
 * hubs (`rel="hub"`, one or more) and its own URL (`rel="self"`), the topic a subscription names.
 */
export interface HubLinks {
  /** Absolute http(s) URLs, in document order, each once. */
  hubs: string[];
  /** The feed's canonical URL as it names itself; null when it does not. */
  self: string | null;
}

/** At most this many hubs are kept: a feed naming more is not asking to be subscribed to by all. */
const MAX_HUBS = 4;

function httpUrl(href: string | null | undefined, base: string | null): string | null {
  const value = nonEmpty(href);
  if (value === null) return null;
  const url = resolveUrl(value, base);
  return /^https?:\/\//i.test(url) ? url : null;
}

function relsOf(rel: string | undefined): string[] {
  return (rel ?? '').toLowerCase().split(/\s+/).filter(Boolean);
}

function collect(found: { rels: string[]; url: string | null }[]): HubLinks {
  const hubs: string[] = [];
  let self: string | null = null;
  for (const { rels, url } of found) {
    if (url === null) continue;
    if (rels.includes('hub') && !hubs.includes(url) && hubs.length < MAX_HUBS) hubs.push(url);
    if (rels.includes('self') && self === null) self = url;
  }
  return { hubs, self };
}

/** `<link rel="hub">` and `<link rel="self">` among a feed root's (or RSS channel's) link elements. */
export function xmlHubLinks(links: readonly XmlElement[]): HubLinks {
  return collect(links.map((l) => ({ rels: relsOf(l.attrs.rel), url: httpUrl(l.attrs.href, l.base) })));
}

/** JSON Feed: `hubs: [{ type: "WebSub", url }]` and `feed_url`. */
export function jsonHubLinks(obj: Record<string, unknown>, base: string | null): HubLinks {
  const found: { rels: string[]; url: string | null }[] = [];
  if (Array.isArray(obj.hubs)) {
    for (const h of obj.hubs) {
      if (!h || typeof h !== 'object') continue;
      const { type, url } = h as Record<string, unknown>;
      // The type names the protocol; an untyped hub is taken as WebSub, the only one in use.
      if (typeof type === 'string' && !/^(websub|pubsubhubbub)$/i.test(type.trim())) continue;
      found.push({ rels: ['hub'], url: typeof url === 'string' ? httpUrl(url, base) : null });
    }
  }
  const feedUrl = typeof obj.feed_url === 'string' ? httpUrl(obj.feed_url, base) : null;
  found.push({ rels: ['self'], url: feedUrl });
  return collect(found);
}

/**
 * The hubs and self URL of an HTTP `Link` header (RFC 8288; WebSub discovery's first place), read
 * with `http-link-header`; relative targets resolve against `base`. A header that does not parse
 * names none.
 */
export function headerHubLinks(header: string | null | undefined, base: string | null): HubLinks {
  if (!header) return { hubs: [], self: null };
  let parsed: LinkHeader;
  try {
    parsed = LinkHeader.parse(header);
  } catch {
    return { hubs: [], self: null };
  }
  return collect(parsed.refs.map((r) => ({ rels: relsOf(r.rel), url: httpUrl(r.uri, base) })));
}

/**
 * A feed's WebSub links: the HTTP `Link` header's first (the specification's order of discovery),
 * then the document's. Hubs are kept from the first source that names any, as is the self URL.
 */
export function mergeHubLinks(header: HubLinks, document: HubLinks): HubLinks {
  return {
    hubs: header.hubs.length > 0 ? header.hubs : document.hubs,
    self: header.self ?? document.self,
  };
}
