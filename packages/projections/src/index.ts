export {
  ARTICLE_FAILURES_KEPT,
  type ArticleFailure,
  type ArticleRow,
  type ArticleStatus,
  type CopyRef,
  type DuplicateLink,
  emptyArticle,
} from './ArticleRow.ts';
export {
  type ApplyBatchOptions,
  applyBatch,
  type BatchChanges,
  type BatchStats,
  type RowLoader,
} from './applyBatch.ts';
export {
  type ApplyResult,
  applyEvents,
  createProjectionSet,
  createRebuildSet,
  InMemoryProjections,
  keysNamedBy,
  type MissingRows,
  type ProjectionSet,
  type ProjectionSetOptions,
  type RowCache,
} from './applyEvents.ts';
export { articlesProjection, rootOf } from './articles.ts';
export { type StatedChange, type ValueMeaning, valueMeaning } from './changes.ts';
export { type DuplicateClusterRow, duplicatesProjection } from './duplicates.ts';
export { expandStatement, outletOf } from './expandStatement.ts';
export {
  evolveFeedRowSubscription,
  type FeedRowSubscription,
  type FeedSubscriptionState,
  noFeedSubscription,
} from './feedSubscriptionRow.ts';
export {
  emptyFeed,
  FEED_URL_CHANGES_KEPT,
  type FeedHealth,
  type FeedRow,
  type FeedUrlChange,
  feedHealth,
  feedsProjection,
} from './feeds.ts';
export { FigureClaims, type FigureMark, figureArticleFacts, figureMarksProjection } from './figureClaims.ts';
export {
  DEFAULT_STATEMENT_WINDOW_DAYS,
  emptyFigure,
  type FigureArticleFacts,
  type FigureArticleLookup,
  type FigurePending,
  type FigureRow,
  type FiguresOptions,
  figuresProjection,
} from './figures.ts';
export { type FigureSummary, type FigureView, figureSummary, figureView, SUMMARY_SOURCES } from './figureView.ts';
export { type HedgeKind, hedgeKind, hedgeKinds } from './hedges.ts';
export {
  type EventOf,
  handlesEvent,
  type Projection,
  type ProjectionLookup,
  type ProjectionName,
  type ProjectionRow,
  projectionNames,
} from './Projection.ts';
export { periodDays, periodLabel } from './periods.ts';
export { boundsAgree, formatQuantity, qualifierOf } from './qualifiers.ts';
export type {
  AlsoPublishedBy,
  ArticleRefs,
  Conflict,
  ConflictKind,
  ConflictSide,
  FigureArticleRef,
  FigureClaim,
  Statement,
  StatementFields,
  StatementOptions,
  StatementSource,
  StoredSource,
  StoredStatement,
} from './Statement.ts';
export { sameSpeaker, speakerTokens } from './speakerName.ts';
export { deriveStatements, type StatementDelta, updateStatements } from './statements.ts';
export { type TokenRow, tokensProjection } from './tokens.ts';
