export { canonicalUrl } from './canonicalUrl.ts';
export { findAdvertisedFeeds } from './findAdvertisedFeeds.ts';
export { itemKey } from './itemKey.ts';
export { parseFeed } from './parseFeed.ts';
export { parseFeedDate } from './parseFeedDate.ts';
export type { Feed, FeedError, FeedErrorCode, FeedItem, ParseFeedOptions, ParseResult } from './types.ts';
