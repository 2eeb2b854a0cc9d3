import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFeed } from '../src/parseFeed.ts';
import { htmlToText } from '../src/text.ts';
import type { ConformanceCase, Expectation, ExpectedItem } from './ConformanceCase.ts';

export const FIXTURE_DIR = fileURLToPath(new URL('../fixtures/conformance/', import.meta.url));

export interface ManifestEntry {
  name: string;
  category: string;
  file: string;
  options?: ConformanceCase['options'];
  expect: Expectation;
}

export function fixtureFileName(c: Pick<ConformanceCase, 'name' | 'ext'>): string {
  return `${c.name}.${c.ext}`;
}

export function manifestOf(cases: ConformanceCase[]): ManifestEntry[] {
  return cases.map((c) => ({
    name: c.name,
    category: c.category,
    file: fixtureFileName(c),
    ...(c.options ? { options: c.options } : {}),
    expect: c.expect,
  }));
}

export interface LoadedCase extends ManifestEntry {
  document: Uint8Array;
}

/** The fixture set as stored on disk: manifest.json plus one document per case. */
export function loadFixtures(): LoadedCase[] {
  const manifest = JSON.parse(readFileSync(join(FIXTURE_DIR, 'manifest.json'), 'utf8')) as ManifestEntry[];
  return manifest.map((entry) => ({
    ...entry,
    document: new Uint8Array(readFileSync(join(FIXTURE_DIR, 'docs', entry.file))),
  }));
}

/** What a parser under comparison returns, mapped onto Tally's model (missing = not provided). */
export type Normalised =
  | {
      ok: true;
      feed: Record<string, unknown>;
      items: Record<string, unknown>[];
      encoding?: unknown;
    }
  | { ok: false; code?: unknown; advertisedFeeds?: unknown };

export interface ParserUnderTest {
  name: string;
  /** Check kinds this parser has no way to express; they are left out of its score. */
  unmappable: ReadonlySet<string>;
  /** May throw: a throw on a document that is a feed counts as a crash. */
  parse(document: Uint8Array, options: ConformanceCase['options']): Promise<Normalised> | Normalised;
}

export interface CheckResult {
  kind: string;
  passed: boolean;
  expected: unknown;
  actual: unknown;
}

export interface CaseResult {
  name: string;
  category: string;
  crashed: boolean;
  checks: CheckResult[];
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** Other parsers sometimes hand back objects (an unparsed XML node) where a string belongs. */
function asString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  try {
    return `[unexpected ${JSON.stringify(value)}]`;
  } catch {
    return '[unexpected value]';
  }
}

/** XML whitespace only: a no-break or typographic space is content and must survive. */
function collapse(value: unknown): string | null {
  if (isBlank(value)) return null;
  return asString(value)
    .replace(/[ \t\n\r]+/g, ' ')
    .trim();
}

function instant(value: unknown): string | null {
  if (isBlank(value)) return null;
  const date = value instanceof Date ? value : new Date(asString(value));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function visible(value: unknown): string | null {
  if (isBlank(value)) return null;
  const text = htmlToText(asString(value));
  return text === '' ? null : text;
}

const COMPARE: Record<string, (actual: unknown, expected: unknown) => boolean> = {
  title: (a, e) => collapse(a) === collapse(e),
  author: (a, e) => collapse(a) === collapse(e),
  id: (a, e) => collapse(a) === collapse(e),
  link: (a, e) => collapse(a) === collapse(e),
  format: (a, e) => a === e,
  published: (a, e) => instant(a) === e,
  updated: (a, e) => instant(a) === e,
  summary: (a, e) => visible(a) === collapse(e),
  content: (a, e) => visible(a) === collapse(e),
  summaryHtmlIncludes: (a, e) => typeof a === 'string' && a.includes(String(e)),
  contentHtmlIncludes: (a, e) => typeof a === 'string' && a.includes(String(e)),
  titleHtml: (a, e) => collapse(a) === collapse(e),
  summaryHtml: (a, e) => collapse(a) === collapse(e),
  contentHtml: (a, e) => collapse(a) === collapse(e),
};

function itemValue(item: Record<string, unknown> | undefined, key: string): unknown {
  if (!item) return undefined;
  if (key === 'summaryHtmlIncludes') return item.summary;
  if (key === 'contentHtmlIncludes' || key === 'contentHtml') return item.content;
  if (key === 'summaryHtml') return item.summary;
  return item[key];
}

/** Runs one parser over the cases and scores every expectation it can express. */
export async function runConformance(parser: ParserUnderTest, cases: LoadedCase[]): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const c of cases) {
    const checks: CheckResult[] = [];
    const check = (kind: string, passed: boolean, expected: unknown, actual: unknown): void => {
      if (!parser.unmappable.has(kind)) checks.push({ kind, passed, expected, actual });
    };
    let out: Normalised | null = null;
    let crashed = false;
    try {
      out = await parser.parse(c.document, c.options);
    } catch (error) {
      out = { ok: false, code: (error as Error)?.message };
      crashed = c.expect.ok;
    }
    const expect = c.expect;
    if (!expect.ok) {
      check('rejected', !out.ok, 'rejected', out.ok ? 'parsed' : 'rejected');
      check('error.code', !out.ok && out.code === expect.code, expect.code, out.ok ? undefined : out.code);
      if (expect.advertisedFeeds) {
        const actual = out.ok ? undefined : out.advertisedFeeds;
        check(
          'error.advertisedFeeds',
          JSON.stringify(actual) === JSON.stringify(expect.advertisedFeeds),
          expect.advertisedFeeds,
          actual,
        );
      }
      results.push({ name: c.name, category: c.category, crashed, checks });
      continue;
    }
    const parsed = out.ok ? out : null;
    for (const [key, expected] of Object.entries(expect.feed ?? {})) {
      const actual = parsed?.feed[key];
      check(`feed.${key}`, parsed !== null && COMPARE[key]!(actual, expected), expected, actual);
    }
    if (expect.itemCount !== undefined) {
      check('itemCount', parsed?.items.length === expect.itemCount, expect.itemCount, parsed?.items.length);
    }
    if (expect.encoding !== undefined)
      check('encoding', parsed?.encoding === expect.encoding, expect.encoding, parsed?.encoding);
    (expect.items ?? []).forEach((item: ExpectedItem, i) => {
      for (const [key, expected] of Object.entries(item)) {
        const actual = itemValue(parsed?.items[i], key);
        check(
          `item.${key}`,
          parsed !== null && parsed.items[i] !== undefined && COMPARE[key]!(actual, expected),
          expected,
          actual,
        );
      }
    });
    results.push({ name: c.name, category: c.category, crashed, checks });
  }
  return results;
}

export interface Score {
  checks: number;
  passed: number;
  documents: number;
  documentsPassed: number;
  crashes: number;
}

export function score(results: CaseResult[], category?: string): Score {
  const scoped = category ? results.filter((r) => r.category === category) : results;
  const s: Score = { checks: 0, passed: 0, documents: scoped.length, documentsPassed: 0, crashes: 0 };
  for (const r of scoped) {
    s.checks += r.checks.length;
    s.passed += r.checks.filter((c) => c.passed).length;
    if (r.checks.length > 0 && r.checks.every((c) => c.passed)) s.documentsPassed++;
    if (r.crashed) s.crashes++;
  }
  return s;
}

/** Scores any version of `parseFeed` (this one, or an earlier commit's) as the harness expects. */
export function parseWith(
  parse: typeof parseFeed,
  document: Uint8Array,
  options: ConformanceCase['options'],
): Normalised {
  const result = parse(document, options ?? {});
  if (!result.ok) return { ok: false, code: result.error.code, advertisedFeeds: result.error.advertisedFeeds };
  return {
    ok: true,
    feed: { ...result.feed },
    items: result.items as unknown as Record<string, unknown>[],
    encoding: result.encoding,
  };
}

/** Tally's own parser, as scored by the harness. */
export const tallyParser: ParserUnderTest = {
  name: '@tally/feeds',
  unmappable: new Set(),
  parse: (document, options) => parseWith(parseFeed, document, options),
};
