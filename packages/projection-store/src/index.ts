export {
  type ArticleBrief,
  type ArticlePage,
  type ArticleView,
  createProjectionReader,
  type DuplicateClusterView,
  type FigurePage,
  type FigureSummary,
  type FigureView,
  type ListArticlesOptions,
  type ListFiguresOptions,
  type ProjectionReader,
  type ProjectionStats,
} from './createProjectionReader.ts';
export {
  type BatchInfo,
  createProjector,
  ProjectionVersionError,
  type Projector,
  type ProjectorOptions,
  type RebuildProgress,
  type RebuildResult,
  RebuildSupersededError,
} from './createProjector.ts';
export {
  type ArticleHit,
  InvalidSearchError,
  MAX_SEARCH_QUERY,
  type SearchOptions,
  type SearchPage,
} from './projectionSearch.ts';
export { ProjectionTables, type TableSet, tableSpecs } from './projectionTables.ts';
