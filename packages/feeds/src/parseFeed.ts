import { decodeFeedBytes, stripInvalidXmlChars } from './decodeFeedBytes.ts';
import { ChildIndex, nonEmpty, trimmedText } from './elementText.ts';
import { replaceC1Characters } from './entities.ts';
import { FeedWarnings } from './feedWarnings.ts';
import { findAdvertisedFeeds } from './findAdvertisedFeeds.ts';
import { xmlHubLinks } from './hubLinks.ts';
import { isKnownNamespaceKey } from './namespaces.ts';
import { parseJsonFeed } from './parseJsonFeed.ts';
import { resolveUrl } from './text.ts';
import { atomTitle, rssTitle, type TitleText } from './textConstructs.ts';
import type { Feed, FeedErrorCode, FeedItem, ParseFeedOptions, ParseResult } from './types.ts';
import { atomAlternate, atomEntry, cdfBase, channelAuthor, personName, type ReadContext, rssItem } from './xmlItems.ts';
import { buildXmlTree, MAX_DEPTH, type XmlElement } from './xmlTree.ts';

function failure(code: FeedErrorCode, message: string, advertisedFeeds: string[] = []): ParseResult {
  return { ok: false, error: { code, message, advertisedFeeds } };
}

/**
 * Parses an RSS 0.9x/1.0/2.0, Atom 0.3/1.0, CDF or JSON Feed 1.x document into the normalised
 * model. Never throws on any input. Bytes are decoded by BOM, then HTTP charset, then XML prolog;
 * a string is taken as already decoded (its `encoding` is reported as `string`).
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
  const warnings = new FeedWarnings();
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
  // One scan finds both kinds of unwanted character; clean documents (nearly all) pay only that.
  if (SUSPECT_CHARS.test(text)) {
    const stripped = stripInvalidXmlChars(text);
    if (stripped.removed > 0) warnings.add(`removed ${stripped.removed} characters not allowed in XML`);
    const c1 = replaceC1Characters(stripped.text);
    if (c1.replaced > 0) warnings.add(`read ${c1.replaced} C1 control characters as windows-1252 punctuation`);
    text = c1.text;
  }

  const start = text.search(/\S/);
  if (start === -1) return failure('empty', 'the document is empty');
  const first = text.charCodeAt(start);
  if (first === 123 /* { */ || first === 91 /* [ */) return parseJsonFeed(text, options, encoding, warnings);
  return parseXmlFeed(text, options, encoding, warnings);
}

type XmlFormat = 'rss' | 'rdf' | 'atom';

/** Characters XML forbids, and C1 controls (see `replaceC1Characters`). */
const SUSPECT_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u0080-\u009F\uFFFE\uFFFF]/;

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

/** The namespace URI an element's name is in ('' when none is declared). */
function namespaceUri(el: XmlElement): string {
  const colon = el.qname.indexOf(':');
  return el.scope[colon === -1 ? '' : el.qname.slice(0, colon)] ?? '';
}

function titleFields(title: TitleText | null): Pick<Feed, 'title' | 'titleHtml'> {
  return { title: title?.text ?? null, titleHtml: title?.html ?? null };
}

function parseXmlFeed(text: string, options: ParseFeedOptions, encoding: string, warnings: FeedWarnings): ParseResult {
  let format: XmlFormat | null = null;
  let root: XmlElement | null = null;
  let firstElement: XmlElement | null = null;
  let droppedItems = 0;
  // A feed root in a namespace nobody registered (drafts of Atom, `http://example.com/newformat#`)
  // is still that feed: its namespace is read as the format's own for the rest of the document.
  let alias: { from: string; to: string } | null = null;
  const context: ReadContext = { warnings, atom10: false };
  const items: FeedItem[] = [];
  const itemName = (): string => (format === 'atom' ? 'entry' : 'item');

  const tree = buildXmlTree(text, options.url ?? null, {
    onOpen(el) {
      if (alias !== null) {
        if (el.ns === alias.from) el.ns = alias.to;
        return;
      }
      if (firstElement === null) firstElement = el;
      if (format !== null || firstElement.local === 'html') return;
      const candidate = FEED_ROOTS[el.local];
      if (candidate === undefined) return;
      // Junk before the root (a PHP warning in <b>, a stray <br />) must not hide the feed.
      if (el.ns !== '' && el.ns !== 'atom' && el.ns !== 'rdf') {
        if (candidate === 'rdf' || isKnownNamespaceKey(el.ns)) return;
        alias = { from: el.ns, to: candidate === 'atom' ? 'atom' : '' };
        warnings.add(`<${el.qname}> in an unrecognised namespace (${el.ns.slice(0, 80)}) read as ${candidate}`);
        el.ns = alias.to;
      }
      format = candidate;
      root = el;
      context.atom10 =
        candidate === 'atom' && /^https?:\/\/www\.w3\.org\/2005\/atom\/?$/i.test(namespaceUri(el).trim());
    },
    onClose(el) {
      if (format === null || el.local !== itemName()) return false;
      if (format === 'atom' ? el.ns !== 'atom' && el.ns !== '' : el.ns !== '') return false;
      if (!el.closed) {
        droppedItems++;
        return true;
      }
      items.push(format === 'atom' ? atomEntry(el, context) : rssItem(el, context));
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
    const feedAuthor = personName(rootIndex.atom('author'));
    feed = {
      ...titleFields(atomTitle(rootIndex.atom('title'), context)),
      link: atomAlternate(rootIndex.links, false),
      author: feedAuthor,
      format,
      ttlMinutes: syndicationMinutes(rootIndex),
      ...xmlHubLinks(rootIndex.links),
    };
    if (feedAuthor) for (const item of items) item.author ??= feedAuthor;
  } else {
    const c = channel ? new ChildIndex(channel) : rootIndex;
    const linkEl = c.get('', 'link');
    // CDF channels carry their link as an attribute of the channel.
    const rawLink = trimmedText(linkEl) ?? nonEmpty(linkEl?.attrs.href);
    const cdfHref = nonEmpty((channel ?? feedRoot).attrs.href);
    feed = {
      ...titleFields(rssTitle(c.get('', 'title')) ?? rssTitle(c.get('dc', 'title'))),
      link: rawLink
        ? resolveUrl(rawLink, linkEl!.base)
        : (atomAlternate(c.links, true) ?? (cdfHref ? resolveUrl(cdfHref, cdfBase(channel ?? feedRoot)) : null)),
      author: channelAuthor(c),
      format,
      ttlMinutes: rssTtlMinutes(c.get('', 'ttl')) ?? syndicationMinutes(c),
      ...xmlHubLinks(c.links),
    };
  }
  return { ok: true, feed, items, encoding, warnings: warnings.list };
}
