export { analyzeArticle, ANALYZER_VERSION } from './analyzer.ts';
export { type FeedRegistration, InvalidFeedUrlError, listFeeds, registerFeed, removeFeed } from './feedRegistry.ts';
export { fetchArticle } from './fetcher.ts';
export { type IngestProgress, type IngestSummary, ingestOnce } from './ingest.ts';
export { pollFeed } from './poller.ts';
export { openRuntime, type Runtime, type RuntimeOptions } from './runtime.ts';
export { medianItemGapSec, nextCheck, type Schedule, type ScheduleInput } from './schedule.ts';
export { type ArticleState, type FeedState, foldArticle, foldFeed } from './state.ts';
export { reconcileSchedules, type RunningStages, type StageName, stageNames, startStages } from './workers.ts';
