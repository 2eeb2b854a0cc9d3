export { canonicalUrl } from './canonicalUrl.ts';
export { findAdvertisedFeeds } from './findAdvertisedFeeds.ts';
export { type HubLinks, headerHubLinks, mergeHubLinks } from './hubLinks.ts';
export { itemKey } from './itemKey.ts';
export {
  MAX_TAG_LENGTH,
  MAX_TAGS,
  type OpmlError,
  type OpmlErrorCode,
  type OpmlFeed,
  type OpmlFeedOut,
  type ReadOpmlOptions,
  type ReadOpmlResult,
  readOpml,
  type WriteOpmlOptions,
  writeOpml,
} from './opml.ts';
export { parseFeed } from './parseFeed.ts';
export { parseFeedDate } from './parseFeedDate.ts';
export type { Feed, FeedError, FeedErrorCode, FeedItem, ParseFeedOptions, ParseResult } from './types.ts';
