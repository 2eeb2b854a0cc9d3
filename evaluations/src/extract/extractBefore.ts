/**
 * The figures of the extractor before the rules for real pages (extractor 1.0.0, commit 9a391b0),
 * measured with this evaluation on the same corpus (that commit's `packages/extract` loaded through
 * the `extractor` option of `evaluateExtraction`), so that every run prints them beside its own.
 */
export const EXTRACT_BEFORE = {
  commit: '9a391b0',
  extractor_version: '1.0.0',
  extract_f1_vs_readability: 0.8758,
  extract_f1_articles: 0.9036,
  extract_precision: 0.9434,
  extract_recall: 0.8437,
  pages_under_05: 11,
  pages_under_06: 14,
  article_pages_under_05: 7,
  article_pages_under_06: 10,
  /** Pages scored 0 because extraction threw (`empty` or `extract-error`). */
  pages_failed: 5,
} as const;
