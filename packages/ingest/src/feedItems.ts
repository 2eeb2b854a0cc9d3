import { createHash } from 'node:crypto';
import { articleIdFor, makeEvent, type NewEvent, type ReasonCode } from '@tally/events';
import { canonicalUrl, type FeedItem, itemKey } from '@tally/feeds';
import type { ArticleState } from './articleState.ts';

/** Longest summary carried by ArticleDiscovered: the article's own text comes with the fetch. */
const SUMMARY_CHARS = 2000;

/** A feed item ready to record. */
export interface ListedItem {
  articleId: string;
  url: string;
  canonicalUrl: string;
  itemKey: string;
  title: string | null;
  publishedAt: string | null;
  summary: string | null;
  /** What an earlier poll that recorded the item in full would have remembered of it. */
  fingerprint: string;
}

/** jsonb cannot hold U+0000 (a JSON Feed can carry it): drop it rather than lose the item. */
export function withoutNul(text: string | null): string | null {
  return text?.includes('\u0000') ? text.replaceAll('\u0000', '') : text;
}

/** The reason code of a feed that did not parse, from the parser's error code. */
export function parseFailureReason(code: string): ReasonCode {
  return code === 'not-a-feed' || code === 'bad-encoding' || code === 'empty' ? code : 'malformed';
}

/** One item's fingerprint: the article it names and what a revision would change. */
export function listingFingerprint(articleId: string, title: string | null, publishedAt: string | null): string {
  return createHash('sha1')
    .update(`${articleId}\u0000${title ?? ''}\u0000${publishedAt ?? ''}`)
    .digest('base64url')
    .slice(0, 16);
}

function listItem(item: FeedItem, feedUrl: string): ListedItem | { skip: 'no-link' | 'bad-link' } {
  if (!item.link) return { skip: 'no-link' };
  const link = canonicalUrl(item.link, feedUrl);
  if (!link) return { skip: 'bad-link' };
  const articleId = articleIdFor(link);
  const title = withoutNul(item.title);
  const publishedAt = item.published ?? item.updated;
  return {
    articleId,
    url: new URL(item.link, feedUrl).toString(),
    canonicalUrl: link,
    itemKey: itemKey(item, feedUrl),
    title,
    publishedAt,
    summary: item.summary ? withoutNul(item.summary.slice(0, SUMMARY_CHARS)) : null,
    fingerprint: listingFingerprint(articleId, title, publishedAt),
  };
}

/**
 * What a feed's items become: one listed item per article (an article listed twice by one feed,
 * an update under a new GUID, is the first, newest, listing), and the items that name no usable
 * link, with why.
 */
export function listItems(
  items: readonly FeedItem[],
  feedUrl: string,
): { listed: ListedItem[]; skipped: { item: FeedItem; reason: 'no-link' | 'bad-link' }[] } {
  const listed: ListedItem[] = [];
  const skipped: { item: FeedItem; reason: 'no-link' | 'bad-link' }[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const l = listItem(item, feedUrl);
    if ('skip' in l) {
      skipped.push({ item, reason: l.skip });
      continue;
    }
    if (seen.has(l.articleId)) continue;
    seen.add(l.articleId);
    listed.push(l);
  }
  return { listed, skipped };
}

/** A new article: `ArticleDiscovered`, idempotent by article id. Throws the schema's ZodError for an item the log would refuse. */
export function discoveredEvent(feedId: string, l: ListedItem): NewEvent {
  return makeEvent(
    'ArticleDiscovered',
    {
      articleId: l.articleId,
      feedId,
      url: l.url,
      canonicalUrl: l.canonicalUrl,
      itemKey: l.itemKey,
      title: l.title,
      publishedAt: l.publishedAt,
      summary: l.summary,
    },
    [l.articleId],
  );
}

function hash(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 16);
}

/**
 * An item whose article the log knew already: another feed's listing (`ArticleListedByFeed`), a
 * changed title or date (`ArticleRevised`), and whether the article still needs fetching (unless
 * known to be done: the fetch job's id is deterministic and the fetcher skips finished articles).
 */
export function decideKnownItem(
  state: ArticleState,
  feedId: string,
  l: ListedItem,
): { events: NewEvent[]; fetch: boolean } {
  const events: NewEvent[] = [];
  if (!state.feedIds.includes(feedId)) {
    events.push(
      makeEvent('ArticleListedByFeed', { articleId: l.articleId, feedId, url: l.url }, [l.articleId, feedId]),
    );
  }
  const seen = state.listing[feedId];
  if (seen && (seen.title !== l.title || seen.publishedAt !== l.publishedAt)) {
    events.push(
      makeEvent('ArticleRevised', { articleId: l.articleId, feedId, title: l.title, publishedAt: l.publishedAt }, [
        l.articleId,
        feedId,
        hash(`${l.title}\u0000${l.publishedAt}`),
      ]),
    );
  }
  return { events, fetch: !state.extracted && !state.permanentFailure };
}
