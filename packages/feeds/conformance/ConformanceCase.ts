/** A conformance case: a small feed document and the normalised output it must give. */

export interface ExpectedItem {
  id?: string | null;
  title?: string | null;
  /** Compared exactly (XML whitespace collapsed). */
  titleHtml?: string | null;
  link?: string | null;
  published?: string | null;
  updated?: string | null;
  author?: string | null;
  /** Compared as visible text (tags stripped, references decoded, whitespace collapsed). */
  summary?: string | null;
  content?: string | null;
  /** Substrings the raw HTML must contain (e.g. a resolved `src`). */
  summaryHtmlIncludes?: string;
  contentHtmlIncludes?: string;
  /** The whole HTML fragment, compared exactly (XML whitespace collapsed). */
  summaryHtml?: string | null;
  contentHtml?: string | null;
}

export type Expectation =
  | {
      ok: true;
      feed?: {
        title?: string | null;
        titleHtml?: string | null;
        link?: string | null;
        author?: string | null;
        format?: 'rss' | 'rdf' | 'atom' | 'json';
      };
      itemCount?: number;
      /** Index-aligned with the parsed items. */
      items?: ExpectedItem[];
      encoding?: string;
    }
  | { ok: false; code: 'not-a-feed' | 'malformed' | 'bad-encoding' | 'empty'; advertisedFeeds?: string[] };

export interface ConformanceCase {
  name: string;
  category: string;
  /** File extension of the stored document. */
  ext: 'xml' | 'json' | 'html' | 'txt';
  document: Uint8Array;
  options?: { contentType?: string; url?: string };
  expect: Expectation;
}
