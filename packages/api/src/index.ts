export { ApiError, type ApiErrorCode, apiErrors, ErrorBody } from './apiErrors.ts';
export { type Access, isLoopbackHost } from './auth.ts';
export { type AppDeps, type AppOptions, buildApp } from './buildApp.ts';
export type { FeedCommands } from './FeedCommands.ts';
export { type FigureChange, FigureChangeFeed, type FigureChangePage, figureChangeTypes } from './FigureChangeFeed.ts';
export { type ProjectionReads, projectionStoreReads } from './ProjectionReads.ts';
export type { FigureStreamOptions } from './routes/figureStream.ts';
