/**
 * JSON-LD as pages write it: parsed leniently, flattened out of arrays and `@graph`s, with the
 * article node and its text fields read the way CMSs escape them.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const ARTICLE_TYPES = new Set([
  'article',
  'newsarticle',
  'reportagenewsarticle',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'backgroundnewsarticle',
  'reviewnewsarticle',
  'askpublicnewsarticle',
  'blogposting',
  'liveblogposting',
  'socialmediaposting',
  'report',
  'scholarlyarticle',
  'techarticle',
  'satiricalarticle',
]);

export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function types(node: JsonObject): string[] {
  const type = node['@type'];
  const list = Array.isArray(type) ? type : [type];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/#:]/, '').toLowerCase());
}

/** Parses JSON-LD leniently: CMSs emit raw newlines in strings, HTML comments and CDATA wrappers. */
export function parseJsonLd(source: string): Json | undefined {
  const trimmed = source
    .trim()
    .replace(/^<!--|-->$/g, '')
    .replace(/^\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>$/g, '')
    .trim();
  if (!trimmed) return undefined;
  try {
    return JSON.parse(trimmed) as Json;
  } catch {
    try {
      return JSON.parse(trimmed.replace(/[\u0000-\u001f]+/g, ' ')) as Json;
    } catch {
      return undefined;
    }
  }
}

/** Every object of every JSON-LD block, flattened out of arrays and `@graph`s. */
export function jsonLdNodes(document: Document): JsonObject[] {
  const nodes: JsonObject[] = [];
  const add = (value: Json | undefined, depth: number): void => {
    if (depth > 6 || value === undefined) return;
    if (Array.isArray(value)) {
      for (const item of value) add(item, depth + 1);
      return;
    }
    if (!isObject(value)) return;
    nodes.push(value);
    const graph = value['@graph'];
    if (graph !== undefined) add(graph, depth + 1);
  };
  for (const script of Array.from(document.querySelectorAll('script[type]'))) {
    const type = (script.getAttribute('type') ?? '').toLowerCase();
    if (!type.includes('ld+json')) continue;
    add(parseJsonLd(script.textContent ?? ''), 0);
  }
  return nodes;
}

export function text(value: Json | undefined): string | null {
  if (typeof value === 'string') {
    const clean = decodeEntities(value).replace(/\s+/g, ' ').trim();
    return clean.length > 0 ? clean : null;
  }
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return text(value[0]);
  return null;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** A numeric reference outside Unicode, a surrogate or NUL is U+FFFD, as the HTML parser reads it. */
function character(code: number): string {
  const valid = Number.isFinite(code) && code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
  return String.fromCodePoint(valid ? code : 0xfffd);
}

/** JSON-LD and meta values are often HTML-escaped twice by the CMS. */
export function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x')) return character(Number.parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return character(Number.parseInt(lower.slice(1), 10));
    return ENTITIES[lower] ?? whole;
  });
}

/** Names of people or organisations: a string, `{ name }`, an `@id` reference, or a list of those. */
export function names(value: Json | undefined, byId: Map<string, JsonObject>, depth = 0): string[] {
  if (value === undefined || value === null || depth > 3) return [];
  if (Array.isArray(value)) return value.flatMap((item) => names(item, byId, depth + 1));
  if (typeof value === 'string') {
    const name = text(value);
    return name && !/^https?:\/\//.test(name) ? [name] : [];
  }
  if (!isObject(value)) return [];
  const name = text(value.name);
  if (name) return [name];
  const id = value['@id'];
  const target = typeof id === 'string' ? byId.get(id) : undefined;
  return target && target !== value ? names(target, byId, depth + 1) : [];
}

/** The node of the article itself (`NewsArticle`, `BlogPosting`, ...), if any. */
export function articleNode(nodes: readonly JsonObject[]): JsonObject | undefined {
  return nodes.find((node) => types(node).some((t) => ARTICLE_TYPES.has(t)));
}

/**
 * The article's `articleBody` as paragraphs: markup some CMSs leave in it becomes paragraph breaks,
 * character references are decoded, line breaks separate paragraphs.
 */
export function articleBodyParagraphs(article: JsonObject | undefined): string[] {
  const body = article?.articleBody;
  if (typeof body !== 'string') return [];
  return decodeEntities(body.replace(/<\/(?:p|div|h[1-6]|li|blockquote)>|<br\s*\/?>/gi, '\n').replace(/<[^>]+>/g, ''))
    .split(/\n+/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0);
}
