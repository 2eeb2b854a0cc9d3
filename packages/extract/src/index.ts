export { type ArticleMetadata, normalizeDate, type PublishedAtSource } from './articleMetadata.ts';
export { CLEANING_RULES, type CleaningRule } from './cleaningRules.ts';
export { type DecodedHtml, decodeHtml } from './decodeHtml.ts';
export { ExtractError, type ExtractErrorReason } from './ExtractError.ts';
export { EXTRACTION_STEPS, type ExtractedArticle, type ExtractOptions, extractArticle } from './extractArticle.ts';
export { type ShingleScore, shingleF1, words } from './shingleF1.ts';
export { EXTRACTOR_VERSION } from './version.ts';
