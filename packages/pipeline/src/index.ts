export { type AnalyzerPorts, analyzeArticle } from './analyzer.ts';
export { discoverFeeds, type FeedDiscovery } from './discoverFeeds.ts';
export { createFeedCommands, type FeedCommandPorts, type FeedCommands } from './feedCommands.ts';
export {
  createFeedOperations,
  type FeedChange,
  FeedCommandRefusedError,
  type FeedOperationPorts,
  type FeedOperations,
  type FeedSubscriptionSummary,
  type FeedSummary,
} from './feedOperations.ts';
export { FeedStates } from './feedStates.ts';
export { FeedsFile, FeedsFileError, readFeedsFile, registerConfiguredFeeds } from './feedsFile.ts';
export { type FetchArticleOptions, type FetcherPorts, fetchArticle } from './fetcher.ts';
export { type HubUnsubscriber, openHubUnsubscriber, unsubscribeAtHub } from './hubUnsubscriber.ts';
export { type IngestProgress, type IngestSummary, ingestOnce } from './ingestOnce.ts';
export {
  type HealthCheck,
  type HealthReport,
  type MetricsServer,
  type MetricsServerOptions,
  runtimeHealth,
  startMetricsServer,
} from './metricsServer.ts';
export { type PollerPorts, pollFeed } from './poller.ts';
export { openRuntime, type Runtime, type RuntimeOptions } from './runtime.ts';
export { createStageMetrics, type StageMetrics } from './stageMetrics.ts';
export { sweepUnanalyzed, unanalyzedArticles } from './sweepUnanalyzed.ts';
export {
  createWebSub,
  type DistributionOutcome,
  type HubDistribution,
  type HubVerification,
  type WebSub,
  type WebSubPorts,
} from './websub.ts';
export { type RunningStages, reconcileSchedules, type StageName, stageNames, startStages } from './workers.ts';
