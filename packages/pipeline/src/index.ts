export { ANALYZER_VERSION, analyzeArticle } from './analyzer.ts';
export { type FeedRegistration, InvalidFeedUrlError, listFeeds, registerFeed, removeFeed } from './feedRegistry.ts';
export { FeedsFile, FeedsFileError, readFeedsFile, registerConfiguredFeeds } from './feedsFile.ts';
export { exportOpml, importOpml, type OpmlImport, OpmlImportError, type OpmlImportedFeed } from './feedsOpml.ts';
export { type FetchArticleOptions, fetchArticle } from './fetcher.ts';
export { type IngestProgress, type IngestSummary, ingestOnce } from './ingest.ts';
export {
  type HealthCheck,
  type HealthReport,
  type MetricsServer,
  type MetricsServerOptions,
  runtimeHealth,
  startMetricsServer,
} from './metricsServer.ts';
export { pollFeed } from './poller.ts';
export { openRuntime, type Runtime, type RuntimeOptions } from './runtime.ts';
export { medianItemGapSec, nextCheck, type Schedule, type ScheduleInput } from './schedule.ts';
export { runService, type ServiceOptions, untilShutdownSignal } from './service.ts';
export { createStageMetrics, type StageMetrics } from './stageMetrics.ts';
export { type ArticleState, type FeedState, foldArticle, foldFeed } from './state.ts';
export { sweepUnanalyzed, unanalyzedArticles } from './sweepUnanalyzed.ts';
export { type RunningStages, reconcileSchedules, type StageName, stageNames, startStages } from './workers.ts';
