import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One page of the corpus: the page as fetched and what Readability's test suite expects from it. */
export interface CorpusPage {
  name: string;
  source: Uint8Array;
  /** Readability's reference output (HTML). */
  expectedHtml: string;
}

/** The address Readability's test suite gives every page (relative links resolve against it). */
export const PAGE_URL = 'http://fakehost/test/page.html';

/** Every folder of the corpus that holds a page and its reference, by name. */
export function loadCorpus(dir: string): CorpusPage[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, 'expected.html')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({
      name,
      source: readFileSync(path.join(dir, name, 'source.html')),
      expectedHtml: readFileSync(path.join(dir, name, 'expected.html'), 'utf8'),
    }));
}
