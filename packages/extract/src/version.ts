/**
 * The version of the extraction rules. Bump it whenever a rule changes what text or metadata a page
 * yields: re-extracting an article with a new version appends a new `ArticleExtracted` event.
 */
export const EXTRACTOR_VERSION = '1.2.0';
