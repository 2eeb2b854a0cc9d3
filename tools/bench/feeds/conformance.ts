/**
 * Scores @tally/feeds and three npm feed parsers on the conformance fixture set:
 *   npx tsx tools/bench/feeds/conformance.ts [--failures NAME]
 * Other parsers take a string, so they get the bytes decoded as UTF-8 (what `await res.text()`
 * gives most callers); dates they leave as strings are read with `new Date()`, as a caller would.
 * A check a parser has no field for is left out of its score ("mappable" checks only).
 */

import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseFeed as rowanParse } from '@rowanmanning/feed-parser';
import type { parseFeed } from '@tally/feeds';
import {
  type CaseResult,
  loadFixtures,
  type ParserUnderTest,
  parseWith,
  runConformance,
  score,
  tallyParser,
} from '@tally/feeds/conformance';
import { parseFeed as feedsmithParse } from 'feedsmith';
import RssParser from 'rss-parser';

const asText = (bytes: Uint8Array): string => new TextDecoder('utf-8').decode(bytes);
const isAtomDocument = (text: string): boolean => /<(?:[\w-]+:)?feed[\s>]/.test(text) && !/<rss[\s>]/i.test(text);

// biome-ignore lint/suspicious/noExplicitAny: other parsers' outputs are walked defensively, field by field
type Loose = Record<string, any>;

function first<T>(value: T | T[] | undefined): T | undefined {
  return Array.isArray(value) ? value[0] : value;
}

const rssParser = new RssParser();
const rssParserUnderTest: ParserUnderTest = {
  name: 'rss-parser 3.13',
  unmappable: new Set(['feed.format', 'item.updated', 'encoding', 'error.code', 'error.advertisedFeeds']),
  async parse(document) {
    const text = asText(document);
    const feed = (await rssParser.parseString(text)) as Loose;
    const atomDoc = isAtomDocument(text);
    return {
      ok: true,
      feed: { title: feed.title, link: feed.link },
      items: (feed.items as Loose[]).map((it) => ({
        id: it.guid ?? it.id ?? it['rdf:about'],
        title: it.title,
        link: it.link,
        published: it.isoDate,
        author: it.creator ?? it.author,
        summary: atomDoc ? it.summary : it.content,
        content: atomDoc ? it.content : it['content:encoded'],
      })),
    };
  },
};

function fsText(value: unknown): unknown {
  if (value && typeof value === 'object' && 'value' in (value as Loose)) return (value as Loose).value;
  return value;
}

function fsAuthor(value: unknown): unknown {
  const a = first(value as Loose | Loose[]);
  if (a && typeof a === 'object') return a.name ?? a.email;
  return a;
}

function fsAlternate(links: Loose[] | undefined): unknown {
  const alternates = (links ?? []).filter((l) => !l.rel || l.rel === 'alternate');
  return (alternates.find((l) => !l.type || String(l.type).includes('html')) ?? alternates[0])?.href;
}

const feedsmithUnderTest: ParserUnderTest = {
  name: 'feedsmith 3.0',
  unmappable: new Set(['encoding', 'error.code', 'error.advertisedFeeds']),
  parse(document) {
    const { format, feed } = feedsmithParse(asText(document)) as { format: string; feed: Loose };
    if (format === 'atom') {
      return {
        ok: true,
        feed: { title: fsText(feed.title), link: fsAlternate(feed.links), format: 'atom' },
        items: ((feed.entries ?? []) as Loose[]).map((e) => ({
          id: e.id,
          title: fsText(e.title),
          link: fsAlternate(e.links),
          published: e.published ?? e.issued ?? e.created,
          updated: e.updated ?? e.modified,
          author: fsAuthor(e.authors) ?? fsAuthor(feed.authors),
          summary: fsText(e.summary),
          content: fsText(e.content),
        })),
      };
    }
    if (format === 'json') {
      return {
        ok: true,
        feed: { title: feed.title, link: feed.home_page_url, format: 'json' },
        items: ((feed.items ?? []) as Loose[]).map((it) => ({
          id: it.id === undefined ? undefined : String(it.id),
          title: it.title,
          link: it.url ?? it.external_url,
          published: it.date_published,
          updated: it.date_modified,
          author: fsAuthor(it.authors) ?? it.author?.name ?? fsAuthor(feed.authors) ?? feed.author?.name,
          summary: it.summary,
          content: it.content_html ?? it.content_text,
        })),
      };
    }
    return {
      ok: true,
      feed: { title: feed.title, link: feed.link, format: format === 'rdf' ? 'rdf' : 'rss' },
      items: ((feed.items ?? []) as Loose[]).map((it) => ({
        id: fsText(it.guid) ?? it.rdf?.about,
        title: it.title ?? first(it.dc?.titles) ?? it.dc?.title,
        link: it.link ?? fsAlternate(it.atom?.links),
        published: it.pubDate ?? first(it.dc?.dates) ?? it.dc?.date ?? first(it.dcterms?.issued),
        updated: it.atom?.updated ?? first(it.dcterms?.modified),
        author: fsAuthor(it.authors) ?? first(it.dc?.creators) ?? it.dc?.creator ?? it.itunes?.author,
        summary:
          it.description ??
          it.itunes?.summary ??
          it.itunes?.subtitle ??
          fsText(it.media?.description) ??
          fsText(first(it.media?.groups)?.description),
        content: it.content?.encoded,
      })),
    };
  },
};

const rowanUnderTest: ParserUnderTest = {
  name: '@rowanmanning/feed-parser 2.1',
  unmappable: new Set(['encoding', 'error.code', 'error.advertisedFeeds']),
  parse(document) {
    const text = asText(document);
    const feed = rowanParse(text) as Loose;
    const json = (typeof feed.toJSON === 'function' ? feed.toJSON() : feed) as Loose;
    return {
      ok: true,
      feed: {
        title: json.title,
        link: json.url,
        format: json.meta?.type === 'atom' ? 'atom' : /<(?:[\w-]+:)?RDF[\s>]/.test(text) ? 'rdf' : 'rss',
      },
      items: ((json.items ?? []) as Loose[]).map((it) => ({
        id: it.id,
        title: it.title,
        link: it.url,
        published: it.published,
        updated: it.updated,
        author: fsAuthor(it.authors),
        summary: it.description,
        content: it.content,
      })),
    };
  },
};

// None of the other parsers keeps a sanitised HTML form of titles beside their text; their adapters
// map no feed-level author.
for (const parser of [rssParserUnderTest, feedsmithUnderTest, rowanUnderTest]) {
  parser.unmappable = new Set([...parser.unmappable, 'item.titleHtml', 'feed.titleHtml', 'feed.author']);
}

export const parsersUnderTest: ParserUnderTest[] = [
  tallyParser,
  rssParserUnderTest,
  feedsmithUnderTest,
  rowanUnderTest,
];

/**
 * `--previous DIR`: a copy of this package from an earlier commit (its `src/`), scored as one more
 * column, so a change is measured against the code before it on the same, current fixture set:
 *   PREV=$(mktemp -d) && git archive <commit> packages/feeds/src | tar -x -C "$PREV" && ln -s "$PWD/node_modules" "$PREV/"
 *   npx tsx tools/bench/feeds/conformance.ts --previous "$PREV/packages/feeds"
 */
async function previousParser(dir: string): Promise<ParserUnderTest> {
  const module = (await import(pathToFileURL(join(resolve(dir), 'src', 'parseFeed.ts')).href)) as {
    parseFeed: typeof parseFeed;
  };
  return { ...tallyParser, name: '@tally/feeds (previous)', parse: (d, o) => parseWith(module.parseFeed, d, o) };
}

function percent(passed: number, total: number): string {
  return total === 0 ? 'n/a' : `${((100 * passed) / total).toFixed(1)}%`;
}

export async function compareParsers(): Promise<{ markdown: string; results: Map<string, CaseResult[]> }> {
  const cases = loadFixtures();
  const categories = [...new Set(cases.map((c) => c.category))];
  const results = new Map<string, CaseResult[]>();
  const previousAt = process.argv.indexOf('--previous');
  const parsers = [...parsersUnderTest];
  if (previousAt !== -1 && process.argv[previousAt + 1]) {
    parsers.splice(1, 0, await previousParser(process.argv[previousAt + 1]!));
  }
  for (const parser of parsers) results.set(parser.name, await runConformance(parser, cases));

  const names = parsers.map((p) => p.name);
  const lines = [`| ${['', ...names].join(' | ')} |`, `|${['---', ...names.map(() => '---:')].join('|')}|`];
  const row = (label: string, cell: (r: CaseResult[]) => string): void => {
    lines.push(`| ${label} | ${names.map((n) => cell(results.get(n)!)).join(' | ')} |`);
  };
  row('**mappable checks passed**', (r) => {
    const s = score(r);
    return `**${percent(s.passed, s.checks)}** (${s.passed}/${s.checks})`;
  });
  row('documents fully right', (r) => {
    const s = score(r);
    return `${s.documentsPassed}/${s.documents}`;
  });
  row('crashes (threw on a feed)', (r) => String(score(r).crashes));
  for (const category of categories) {
    row(category, (r) => {
      const s = score(r, category);
      return percent(s.passed, s.checks);
    });
  }
  return { markdown: lines.join('\n'), results };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // Silence parser libraries that log to the console on bad input.
  const { markdown, results } = await compareParsers();
  console.log(`conformance set: ${loadFixtures().length} documents\n`);
  console.log(markdown);
  const failuresFor = process.argv.indexOf('--failures');
  if (failuresFor !== -1) {
    const wanted = process.argv[failuresFor + 1] ?? '@tally/feeds';
    for (const r of results.get(wanted) ?? []) {
      for (const c of r.checks) {
        if (!c.passed)
          console.log(`${r.name}\t${c.kind}\texpected ${JSON.stringify(c.expected)}\tgot ${JSON.stringify(c.actual)}`);
      }
    }
  }
  const summary = Object.fromEntries(
    [...results].map(([name, r]) => {
      const s = score(r);
      return [name, { pass_rate: Number((s.passed / s.checks).toFixed(4)), crashes: s.crashes }];
    }),
  );
  console.log(JSON.stringify({ bench: 'feeds-conformance', documents: loadFixtures().length, parsers: summary }));
}
