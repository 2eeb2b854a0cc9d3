import { createHash } from 'node:crypto';

/** Stream ids: one stream per feed, per article, per figure, per webhook and per API token. */
export const streams = {
  feed: (feedId: string) => `feed-${feedId}`,
  article: (articleId: string) => `article-${articleId}`,
  figure: (figureKey: string) => `figure-${figureKey}`,
  webhook: (webhookId: string) => `webhook-${webhookId}`,
  token: (tokenId: string) => `token-${tokenId}`,
} as const;

/** The category of a stream id: `feed`, `article`, `figure`, `webhook` or `token`. */
export function streamCategory(streamId: string): string {
  const i = streamId.indexOf('-');
  return i < 0 ? streamId : streamId.slice(0, i);
}

function shortHash(s: string): string {
  return createHash('sha256').update(s).digest('base64url').slice(0, 16);
}

/** An article's id: derived from its canonical URL, so every feed that lists it names the same article. */
export function articleIdFor(canonicalUrl: string): string {
  return `a_${shortHash(canonicalUrl)}`;
}

/** A feed's id: derived from the URL it was registered with; it stays when the feed later moves. */
export function feedIdFor(url: string): string {
  return `f_${shortHash(url)}`;
}
