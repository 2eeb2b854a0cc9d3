/**
 * Namespaces as short keys: RSS 0.90/1.0/2.0 share '' and both Atom versions share `atom`, so the
 * readers work with one vocabulary; an unknown URI stays as its own key.
 */

const KNOWN_NAMESPACES: Record<string, string> = {
  'http://www.w3.org/2005/atom': 'atom',
  'http://purl.org/atom/ns': 'atom',
  'http://purl.org/rss/1.0': '',
  'http://my.netscape.com/rdf/simple/0.9': '',
  'http://backend.userland.com/rss2': '',
  'http://backend.userland.com/rss': '',
  'http://blogs.law.harvard.edu/tech/rss': '',
  'http://purl.org/net/rss1.1': '',
  'http://purl.org/dc/elements/1.1': 'dc',
  'http://purl.org/dc/elements/1.0': 'dc',
  'http://purl.org/dc/terms': 'dcterms',
  'http://purl.org/rss/1.0/modules/content': 'content',
  'http://purl.org/rss/1.0/modules/syndication': 'sy',
  'http://search.yahoo.com/mrss': 'media',
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'https://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'http://www.w3.org/1999/xhtml': 'xhtml',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns': 'rdf',
  'http://www.w3.org/xml/1998/namespace': 'xml',
  'http://rssnamespace.org/feedburner/ext/1.0': 'feedburner',
  'http://www.google.com/schemas/play-podcasts/1.0': 'googleplay',
};

/** Prefixes feeds use without declaring them; accepted under their usual meaning. */
export const WELL_KNOWN_PREFIXES: Record<string, string> = {
  atom: 'atom',
  atom10: 'atom',
  a10: 'atom',
  dc: 'dc',
  dcterms: 'dcterms',
  content: 'content',
  sy: 'sy',
  media: 'media',
  itunes: 'itunes',
  xhtml: 'xhtml',
  rdf: 'rdf',
  xml: 'xml',
  feedburner: 'feedburner',
  googleplay: 'googleplay',
};

const KNOWN_KEYS = new Set([...Object.values(KNOWN_NAMESPACES), ...Object.values(WELL_KNOWN_PREFIXES)]);

/** Whether a namespace key is one this parser knows (`atom`, `dc`, '' for RSS, …) rather than a raw URI. */
export function isKnownNamespaceKey(ns: string): boolean {
  return KNOWN_KEYS.has(ns);
}

const nsKeyCache = new Map<string, string>();

export function namespaceKey(uri: string): string {
  let key = nsKeyCache.get(uri);
  if (key === undefined) {
    const normal = uri
      .trim()
      .toLowerCase()
      .replace(/[/#]+$/, '');
    key = KNOWN_NAMESPACES[normal] ?? uri;
    if (nsKeyCache.size < 1000) nsKeyCache.set(uri, key);
  }
  return key;
}
