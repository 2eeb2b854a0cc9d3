export {
  ANALYZER_VERSION,
  analysisNeeded,
  type DuplicateFound,
  decideAnalysis,
  MAX_SENTENCES_PER_ARTICLE,
  type RecordAnalysis,
  readArticleClaims,
  type StreamEvents,
} from './analysisDecision.ts';
export { type ArticleState, emptyArticle, evolveArticle, foldArticle } from './articleState.ts';
export {
  decideKnownItem,
  discoveredEvent,
  type ListedItem,
  listItems,
  listingFingerprint,
  parseFailureReason,
  withoutNul,
} from './feedItems.ts';
export {
  decideClearFeedErrors,
  decideEditFeed,
  decidePauseFeed,
  decideRequestPoll,
  decideResumeFeed,
  type EditFeed,
  FeedCommandRefusedError,
  normalTags,
} from './feedManagement.ts';
export { evolveFeed, type FeedState, foldFeed, type PolledSlot, RECENT_SLOTS, slotPolled } from './feedState.ts';
export {
  decideHubsSeen,
  decideRequestSubscription,
  decideSubscriptionAnswer,
  evolveSubscription,
  type FeedSubscription,
  type HubsSeen,
  QUIET_AFTER_MISSED_POLLS,
  RESUBSCRIBE_AFTER_SEC,
  type RequestSubscription,
  type SubscriptionDue,
  subscriptionLive,
  VERIFY_WITHIN_SEC,
} from './feedSubscription.ts';
export {
  type FeedChange,
  type FeedDiscovery,
  type FeedSubscriptionSummary,
  type FeedSummary,
  summaryOf,
} from './feedSummary.ts';
export { FEED_URL_CREDENTIALS, hasUrlCredentials, withoutUrlCredentials } from './feedUrlCredentials.ts';
export {
  contentHashOf,
  decideExtracted,
  decideExtractionFailed,
  decideFetchFailed,
  type FetchAttempt,
  type FetchedPage,
  fetchNeeded,
  isHtml,
} from './fetchDecision.ts';
export {
  type DistributionRefusal,
  decideDistribution,
  decideIntentVerification,
  distributingSubscription,
  type IntentVerification,
  verifyHubSignature,
} from './hubCallbacks.ts';
export {
  type OpmlImport,
  OpmlImportError,
  type OpmlImportedFeed,
  opmlOfFeeds,
  opmlRegistrations,
} from './opmlFeeds.ts';
export {
  decidePoll,
  type FeedAnswer,
  FIRST_SLOT,
  type Observation,
  type PollBounds,
  type PollOutcome,
  pollSlot,
  type RecordPoll,
  skippedPoll,
} from './pollDecision.ts';
export {
  decideRegisterFeed,
  decideRemoveFeed,
  type FeedRegistration,
  InvalidFeedUrlError,
  type RegisterFeed,
  type RegistrationSource,
  registerFeedCommand,
} from './registration.ts';
export { expectedItemGapSec, medianItemGapSec, nextCheck, type Schedule, type ScheduleInput } from './schedule.ts';
export {
  decideIssueToken,
  decideRevokeToken,
  evolveToken,
  foldToken,
  type IssueToken,
  issueTokenCommand,
  maskIssuedTokens,
  normalScopes,
  TOKEN_PREFIX,
  TokenCommandRefusedError,
  type TokenState,
  tokenSha256,
} from './tokenIssuance.ts';
export { decideUnsubscribeOnRemoval, type Unsubscription } from './unsubscription.ts';
