import { decodeHtml, ExtractError, extractArticle, shingleF1 } from '../src/index.ts';
import type { FixturePage } from './fixtureSet.ts';

export interface PageScore {
  name: string;
  precision: number;
  recall: number;
  f1: number;
  /** The extraction error's reason, when extraction failed (scored as an empty text). */
  error: string | null;
}

export interface SetScore {
  f1: number;
  precision: number;
  recall: number;
  pages: PageScore[];
}

/** Turns a page into text: Tally's extractor, or another one to compare with. */
export type Extractor = (page: FixturePage) => string;

export const tallyExtractor =
  (disabledSteps: readonly string[] = []): Extractor =>
  (page) => {
    const { html } = decodeHtml(page.bytes, page.contentType);
    return extractArticle(html, { url: page.url, disabledSteps }).text;
  };

/** Mean token F1 (word 4-gram shingles) over the pages; a failed extraction scores zero. */
export function evaluate(pages: readonly FixturePage[], extract: Extractor): SetScore {
  const scores = pages.map((page): PageScore => {
    try {
      return { name: page.name, ...shingleF1(extract(page), page.text), error: null };
    } catch (err) {
      if (!(err instanceof ExtractError)) throw err;
      return { name: page.name, ...shingleF1('', page.text), error: err.reason };
    }
  });
  const mean = (key: 'f1' | 'precision' | 'recall') =>
    scores.reduce((sum, s) => sum + s[key], 0) / Math.max(1, scores.length);
  return { f1: mean('f1'), precision: mean('precision'), recall: mean('recall'), pages: scores };
}
