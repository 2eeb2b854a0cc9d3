/**
 * The figures of the extractor before the current rules (extractor 1.1.0, commit 23afbe5), measured
 * with this evaluation on the same corpus (that commit's `packages/extract` loaded through the
 * `extractor` option of `evaluateExtraction`), so that every run prints them beside its own.
 * Extractor 1.0.0 (commit 9a391b0) scored 0.8758 on all pages and 0.9036 on the articles.
 */
export const EXTRACT_BEFORE = {
  commit: '23afbe5',
  extractor_version: '1.1.0',
  extract_f1_vs_readability: 0.9437,
  extract_f1_articles: 0.9737,
  extract_precision: 0.9583,
  extract_recall: 0.9351,
  pages_under_05: 5,
  pages_under_06: 7,
  article_pages_under_05: 1,
  article_pages_under_06: 3,
  /** Pages scored 0 because extraction threw (`empty` or `extract-error`). */
  pages_failed: 4,
} as const;
