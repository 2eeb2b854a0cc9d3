export { type AnalyzerPorts, analyzeArticle } from './analyzer.ts';
export { createFeedCommands, type FeedCommandPorts, type FeedCommands, type FeedSummary } from './feedCommands.ts';
export { FeedStates } from './feedStates.ts';
export { FeedsFile, FeedsFileError, readFeedsFile, registerConfiguredFeeds } from './feedsFile.ts';
export { type FetchArticleOptions, type FetcherPorts, fetchArticle } from './fetcher.ts';
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
export { type RunningStages, reconcileSchedules, type StageName, stageNames, startStages } from './workers.ts';
