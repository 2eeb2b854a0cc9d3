import { decodeHtml, EXTRACTOR_VERSION, ExtractError, extractArticle } from '@tally/extract';
import { corpusDir } from '../corpus.ts';
import { failureCause } from './failureCause.ts';
import { type CorpusPage, loadCorpus, PAGE_URL } from './readabilityCorpus.ts';
import { htmlText, readabilityText } from './readabilityText.ts';
import { tokenF1, tokens } from './tokenF1.ts';

export interface PageResult {
  name: string;
  f1: number;
  precision: number;
  recall: number;
  /** The extraction error's reason, when Tally's extractor threw (scored as an empty text). */
  error: string | null;
  /** Readability's own F1 on this page against its reference, when it was run. */
  readabilityF1: number | null;
  /** Tokens of the reference text. */
  referenceTokens: number;
  cause: string;
}

export interface ExtractionEvaluation {
  /** Mean token F1 of Tally's text against Readability's reference output. */
  extract_f1_vs_readability: number;
  extract_precision: number;
  extract_recall: number;
  /** Mean token F1 of Readability itself (the installed version, on jsdom) against the same reference. */
  readability_f1: number;
  /**
   * The same two means over the pages whose reference holds an article: at least `ARTICLE_MIN_TOKENS`
   * tokens. Below that the extractor answers `empty` by contract (a stub is not an article), and
   * Readability's test suite has a few such pages ("Test", "abc def ghi").
   */
  extract_f1_articles: number;
  readability_f1_articles: number;
  pages: number;
  article_pages: number;
  pages_under_05: number;
  pages_under_06: number;
  extractor_version: string;
  results: PageResult[];
}

export interface EvaluateExtractionOptions {
  /** A folder laid out as `extract-readability/`; defaults to the shared corpus (or `--corpus DIR`). */
  dir?: string;
  /** Also run Readability on every page (slow: jsdom); default true. */
  readability?: boolean;
  /** Steps of `EXTRACTION_STEPS` to switch off, to measure what one is worth. */
  disabledSteps?: readonly string[];
  /**
   * Another build of the extractor to score instead (an earlier commit's `@tally/extract`, loaded by
   * the caller), for measuring a change against the code before it.
   */
  extractor?: Pick<typeof import('@tally/extract'), 'decodeHtml' | 'extractArticle' | 'ExtractError'>;
}

type Extractor = NonNullable<EvaluateExtractionOptions['extractor']>;

function tallyText(
  page: CorpusPage,
  disabledSteps: readonly string[],
  extractor: Extractor,
): { text: string; error: string | null } {
  try {
    const { html } = extractor.decodeHtml(page.source, 'text/html');
    return { text: extractor.extractArticle(html, { url: PAGE_URL, disabledSteps }).text, error: null };
  } catch (err) {
    if (err instanceof extractor.ExtractError) return { text: '', error: err.reason };
    throw err;
  }
}

/** The extractor's floor: fewer words than this is `ExtractError('empty')`, not an article. */
export const ARTICLE_MIN_TOKENS = 15;

const mean = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

/**
 * Runs Tally's extractor over every page of the Readability corpus and scores token F1 against
 * Readability's reference output, beside Readability's own score on the same pages.
 */
export async function evaluateExtraction(options: EvaluateExtractionOptions = {}): Promise<ExtractionEvaluation> {
  const pages = loadCorpus(options.dir ?? corpusDir('extract-readability'));
  const withReadability = options.readability ?? true;
  const extractor = options.extractor ?? { decodeHtml, extractArticle, ExtractError };
  const results: PageResult[] = [];
  for (const page of pages) {
    const reference = htmlText(page.expectedHtml);
    const { text, error } = tallyText(page, options.disabledSteps ?? [], extractor);
    const score = tokenF1(text, reference);
    const readabilityF1 = withReadability
      ? tokenF1(readabilityText(new TextDecoder().decode(page.source), PAGE_URL), reference).f1
      : null;
    results.push({
      name: page.name,
      ...score,
      error,
      readabilityF1,
      referenceTokens: tokens(reference).length,
      cause: failureCause(text, reference, error),
    });
    // Give other work on the machine a turn between pages.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const articles = results.filter((r) => r.referenceTokens >= ARTICLE_MIN_TOKENS);
  return {
    extract_f1_vs_readability: mean(results.map((r) => r.f1)),
    extract_f1_articles: mean(articles.map((r) => r.f1)),
    readability_f1_articles: withReadability ? mean(articles.map((r) => r.readabilityF1 ?? 0)) : Number.NaN,
    article_pages: articles.length,
    extract_precision: mean(results.map((r) => r.precision)),
    extract_recall: mean(results.map((r) => r.recall)),
    readability_f1: withReadability ? mean(results.map((r) => r.readabilityF1 ?? 0)) : Number.NaN,
    pages: results.length,
    pages_under_05: results.filter((r) => r.f1 < 0.5).length,
    pages_under_06: results.filter((r) => r.f1 < 0.6).length,
    extractor_version: EXTRACTOR_VERSION,
    results,
  };
}
