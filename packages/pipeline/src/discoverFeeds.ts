import { parseFeed } from '@tally/feeds';
import { FetchError, type HttpClient } from '@tally/http-fetch';
import { type FeedDiscovery, parseFailureReason, withoutNul } from '@tally/ingest';

export type { FeedDiscovery } from '@tally/ingest';

/** The media types a feed fetch asks for, feeds first. */
export const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

/**
 * Fetches a URL through the guarded HTTP client (private addresses refused, bounded size and time)
 * and says what it offers: a feed, or the feeds an HTML page advertises with
 * `<link rel="alternate" type="application/rss+xml|atom+xml|feed+json">`. Nothing is written.
 */
export async function discoverFeeds(http: Pick<HttpClient, 'get'>, url: string): Promise<FeedDiscovery> {
  let res: Awaited<ReturnType<HttpClient['get']>>;
  try {
    res = await http.get({ url, accept: `${FEED_ACCEPT}, text/html;q=0.8` });
  } catch (err) {
    if (err instanceof FetchError) return { url, kind: 'none', feeds: [], reason: err.reason, message: err.message };
    throw err;
  }
  const parsed = parseFeed(res.body, { contentType: res.contentType, url: res.url });
  if (parsed.ok)
    return {
      url,
      kind: 'feed',
      feeds: [{ url: res.url, title: withoutNul(parsed.feed.title) }],
      reason: null,
      message: null,
    };
  const advertised = parsed.error.advertisedFeeds;
  if (advertised.length > 0 || /^\s*text\/html/i.test(res.contentType ?? '')) {
    return {
      url,
      kind: 'page',
      feeds: advertised.map((u) => ({ url: u, title: null })),
      reason: advertised.length > 0 ? null : 'not-a-feed',
      message: parsed.error.message,
    };
  }
  return { url, kind: 'none', feeds: [], reason: parseFailureReason(parsed.error.code), message: parsed.error.message };
}
