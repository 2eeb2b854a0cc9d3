import { XMLValidator } from 'fast-xml-parser';
import { generateOpml, type Opml, parseOpml } from 'feedsmith';
import { decodeFeedBytes } from './decodeFeedBytes.ts';

/** A feed listed by an OPML subscription list, with the folders (and categories) it sits in as tags. */
export interface OpmlFeed {
  /** `xmlUrl` as written. */
  url: string;
  /** `title`, else `text`; null when both are missing or blank. */
  title: string | null;
  /** `htmlUrl`, the site's page, when given. */
  siteUrl: string | null;
  /** The enclosing folders, outermost first, then the `category` entries' path segments; unique (case-insensitive). */
  tags: string[];
}

export type OpmlErrorCode =
  | 'too-large'
  | 'bad-encoding'
  | 'doctype'
  | 'malformed'
  | 'too-deep'
  | 'not-opml'
  | 'too-many-feeds';

export interface OpmlError {
  code: OpmlErrorCode;
  message: string;
}

export type ReadOpmlResult =
  | { ok: true; title: string | null; feeds: OpmlFeed[]; warnings: string[] }
  | { ok: false; error: OpmlError };

export interface ReadOpmlOptions {
  /** @defaultValue 1_048_576 (1 MiB: some 10,000 feeds) */
  maxBytes?: number;
  /** @defaultValue 10_000 */
  maxFeeds?: number;
  /** Outlines nested deeper than this are refused. @defaultValue 32 */
  maxDepth?: number;
  /** The Content-Type the document came with, for its charset. */
  contentType?: string | null;
}

/** Longest tag kept, in characters, and most tags kept per feed: the event catalog's bounds. */
export const MAX_TAG_LENGTH = 100;
export const MAX_TAGS = 20;

const fail = (code: OpmlErrorCode, message: string): ReadOpmlResult => ({ ok: false, error: { code, message } });

/** Trimmed, inner whitespace collapsed, cut to the bound; null when nothing is left. */
function cleanTag(text: string | undefined): string | null {
  const t = (text ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_TAG_LENGTH).trim();
  return t === '' ? null : t;
}

/** Adds tags not already present (case-insensitive), up to MAX_TAGS. */
function addTags(into: string[], tags: readonly (string | null)[]): void {
  for (const tag of tags) {
    if (!tag || into.length >= MAX_TAGS) continue;
    if (!into.some((t) => t.toLowerCase() === tag.toLowerCase())) into.push(tag);
  }
}

/** OPML 2.0 `category`: comma-separated slash paths (`/News/Economy,/Local`): each segment a tag. */
function categoryTags(category: string | undefined): (string | null)[] {
  if (!category) return [];
  return category.split(',').flatMap((path) => path.split('/').map(cleanTag));
}

/**
 * How deep `<outline>` elements nest, by a linear scan of a document already known to be
 * well-formed: the parser's walk is recursive, so depth is bounded before it runs.
 */
function outlineDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (const m of text.matchAll(/<(\/?)outline\b[^>]*?(\/?)>/gi)) {
    if (m[1]) depth--;
    else if (!m[2]) max = Math.max(max, ++depth);
    else max = Math.max(max, depth + 1);
  }
  return max;
}

/**
 * Reads an OPML subscription list (OPML 1.0 and 2.0, as feed readers export them): every outline
 * with an `xmlUrl` is a feed, the outlines around it are its folders, kept as tags. Hostile or
 * broken input is refused with a reason code before `feedsmith` parses it: over `maxBytes`
 * (`too-large`), any DOCTYPE (`doctype`: OPML needs no DTD, so no entity is declared, expanded or
 * fetched), not well-formed XML (`malformed`), folders deeper than `maxDepth` (`too-deep`), no
 * `<opml>` root (`not-opml`), more than `maxFeeds` feeds (`too-many-feeds`). Never throws.
 */
export function readOpml(input: Uint8Array | string, options: ReadOpmlOptions = {}): ReadOpmlResult {
  const maxBytes = options.maxBytes ?? 1_048_576;
  const maxFeeds = options.maxFeeds ?? 10_000;
  const maxDepth = options.maxDepth ?? 32;
  const size = typeof input === 'string' ? Buffer.byteLength(input) : input.byteLength;
  if (size > maxBytes) return fail('too-large', `the OPML document is ${size} bytes, over the ${maxBytes}-byte limit`);
  let text: string;
  if (typeof input === 'string') {
    text = input.replace(/^\uFEFF/, '');
  } else {
    const decoded = decodeFeedBytes(input, options.contentType);
    if (!decoded.ok) return fail('bad-encoding', decoded.message);
    text = decoded.value.text;
  }
  if (text.trim() === '') return fail('not-opml', 'the document is empty');
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) {
    return fail(
      'doctype',
      'the document declares a DOCTYPE: OPML needs none, and entity declarations are refused so that none can expand or reach outside',
    );
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    return fail('malformed', `not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`);
  }
  const depth = outlineDepth(text);
  if (depth > maxDepth) return fail('too-deep', `outlines nest ${depth} deep, over the limit of ${maxDepth}`);

  let doc: Opml.Document<string>;
  try {
    doc = parseOpml(text);
  } catch {
    return fail('not-opml', 'the document is XML but not OPML (no <opml> root with a <body>)');
  }
  if (!doc.body) return fail('not-opml', 'the document has no <body> of outlines');

  const warnings: string[] = [];
  const byUrl = new Map<string, OpmlFeed>();
  let refusedForCount = false;
  const walk = (outlines: readonly Opml.Outline<string>[], folders: readonly string[]) => {
    for (const o of outlines) {
      const url = o.xmlUrl?.trim();
      if (url) {
        const existing = byUrl.get(url);
        if (existing) {
          // The same feed in two folders: one feed with both tags.
          addTags(existing.tags, [...folders, ...categoryTags(o.category)]);
          continue;
        }
        if (byUrl.size >= maxFeeds) {
          refusedForCount = true;
          return;
        }
        const tags: string[] = [];
        addTags(tags, [...folders, ...categoryTags(o.category)]);
        byUrl.set(url, {
          url,
          title: cleanTag(o.title) ?? cleanTag(o.text),
          siteUrl: o.htmlUrl?.trim() || null,
          tags,
        });
        if (o.outlines?.length) warnings.push(`outlines inside the feed ${url} are read as outlines of its folder`);
        if (o.outlines) walk(o.outlines, folders);
        continue;
      }
      if (o.outlines?.length) {
        const folder = cleanTag(o.text) ?? cleanTag(o.title);
        walk(o.outlines, folder ? [...folders, folder] : folders);
      }
    }
  };
  walk(doc.body.outlines ?? [], []);
  if (refusedForCount) return fail('too-many-feeds', `the document lists more than ${maxFeeds} feeds`);
  return { ok: true, title: cleanTag(doc.head?.title), feeds: [...byUrl.values()], warnings };
}

/** A feed to write into an OPML document. */
export interface OpmlFeedOut {
  url: string;
  title: string | null;
  siteUrl?: string | null;
  tags: readonly string[];
}

export interface WriteOpmlOptions {
  title: string;
  /** @defaultValue now */
  dateCreated?: Date;
}

/**
 * Writes an OPML 2.0 subscription list with `feedsmith`: each feed under a folder named by its
 * first tag (feeds without tags at the top level), its other tags in `category` (`/Economy,/Local`),
 * so `readOpml` gives the same tags back. Folders and feeds keep the order given.
 */
export function writeOpml(feeds: readonly OpmlFeedOut[], options: WriteOpmlOptions): string {
  const outline = (f: OpmlFeedOut): Opml.Outline<Date> => {
    const extra = f.tags.slice(1).filter((t) => !/[,/]/.test(t));
    return {
      text: f.title ?? f.url,
      ...(f.title ? { title: f.title } : {}),
      type: 'rss',
      xmlUrl: f.url,
      ...(f.siteUrl ? { htmlUrl: f.siteUrl } : {}),
      ...(extra.length > 0 ? { category: extra.map((t) => `/${t}`).join(',') } : {}),
    };
  };
  const top: Opml.Outline<Date>[] = [];
  const folders = new Map<string, Opml.Outline<Date>[]>();
  for (const f of feeds) {
    const folder = f.tags[0];
    if (!folder) {
      top.push(outline(f));
      continue;
    }
    let list = folders.get(folder);
    if (!list) {
      list = [];
      folders.set(folder, list);
      top.push({ text: folder, outlines: list });
    }
    list.push(outline(f));
  }
  return generateOpml({
    head: { title: options.title, dateCreated: options.dateCreated ?? new Date() },
    body: { outlines: top },
  });
}
