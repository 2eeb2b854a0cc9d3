import { createHash } from 'node:crypto';
import { canonicalUrl } from './canonicalUrl.ts';
import type { FeedItem } from './types.ts';

/** Identifiers that are unique on their own: URLs, URNs, tag: URIs, message ids. */
function isGloballyUnique(id: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(id) || /@/.test(id);
}

/**
 * A stable identity for an item, used to discover it once however often it is polled and however
 * its title is edited:
 * - its GUID / Atom id: an http(s) id is canonicalised (`url:`) so it meets the same article's link
 *   from another feed; other ids that are unique on their own are used as is (`id:`); short ids
 *   such as `12345` are scoped to the feed (`id:<feed>#12345`) because two feeds may both have a 12345;
 * - else its canonical link (`url:`), resolved against the feed URL when relative;
 * - else a hash of title and date (and the feed, when given): `hash:<sha256 hex>`.
 */
export function itemKey(item: FeedItem, feedUrl?: string): string {
  const id = item.id?.trim();
  if (id) {
    if (/^https?:\/\//i.test(id)) {
      const canonical = canonicalUrl(id);
      if (canonical) return `url:${canonical}`;
    }
    if (isGloballyUnique(id) || !feedUrl) return `id:${id}`;
    return `id:${canonicalUrl(feedUrl) ?? feedUrl}#${id}`;
  }
  const link = item.link?.trim();
  if (link) {
    const canonical = canonicalUrl(link, feedUrl);
    if (canonical) return `url:${canonical}`;
  }
  const hash = createHash('sha256');
  hash.update(feedUrl ? (canonicalUrl(feedUrl) ?? feedUrl) : '');
  hash.update('\n');
  hash.update(item.title?.trim() ?? '');
  hash.update('\n');
  hash.update(item.published ?? item.updated ?? '');
  if (!item.title && !item.published && !item.updated) {
    // Nothing else to tell items apart: fall back to what they say.
    hash.update('\n');
    hash.update(item.summary ?? item.content ?? link ?? '');
  }
  return `hash:${hash.digest('hex')}`;
}
