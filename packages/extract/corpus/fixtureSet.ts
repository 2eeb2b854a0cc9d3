import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import type { ArticleSource } from './articleSource.ts';
import { generateArticle } from './generatedArticles.ts';
import { HANDWRITTEN_ARTICLES } from './handwrittenArticles.ts';
import { type ExpectedMetadata, OUTLET_TEMPLATES, type OutletTemplate, type RenderedPage } from './outletTemplates.ts';
import { Random } from './random.ts';

/** One page of the fixture set: its bytes as a server would send them and what extraction must yield. */
export interface FixturePage {
  name: string;
  template: string;
  url: string;
  contentType: string | null;
  charset: string;
  bytes: Uint8Array;
  text: string;
  expected: ExpectedMetadata;
}

export interface ManifestEntry {
  name: string;
  template: string;
  url: string;
  contentType: string | null;
  charset: string;
  expected: ExpectedMetadata;
}

function seedOf(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}

/**
 * Encodes a page in a single-byte charset. Characters the charset lacks (KOI8-R has no « » or curly
 * quotes) become numeric character references, as CMSs write them.
 */
export function encodePage(html: string, charset: string): Uint8Array {
  if (charset === 'utf-8') return new TextEncoder().encode(html);
  let safe = '';
  for (const char of html) {
    if (char.charCodeAt(0) < 0x80) {
      safe += char;
      continue;
    }
    const roundTrip = iconv.decode(iconv.encode(char, charset), charset);
    safe += roundTrip === char ? char : `&#${char.codePointAt(0)};`;
  }
  return new Uint8Array(iconv.encode(safe, charset));
}

/** Which templates an article can be wrapped in: those of its language. */
function templatesFor(article: ArticleSource): OutletTemplate[] {
  return OUTLET_TEMPLATES.filter((t) => t.langs.includes(article.lang));
}

/** The articles of the fixture set: the hand-written ones and generated reports in three languages. */
export function fixtureArticles(): ArticleSource[] {
  const rng = new Random(20240503);
  const articles = [...HANDWRITTEN_ARTICLES];
  for (let i = 0; i < 36; i++) articles.push(generateArticle(rng, 'en', i));
  for (let i = 0; i < 8; i++) articles.push(generateArticle(rng, 'ru', i));
  for (let i = 0; i < 8; i++) articles.push(generateArticle(rng, 'uk', i));
  return articles;
}

/**
 * The generated part of the fixture set: each article wrapped in one template of its language,
 * templates taken in turn so every template gets several articles.
 */
export function renderFixturePages(): RenderedPage[] {
  const turn = new Map<string, number>();
  return fixtureArticles().map((article) => {
    const choices = templatesFor(article);
    const n = turn.get(article.lang) ?? 0;
    turn.set(article.lang, n + 1);
    const template = choices[n % choices.length]!;
    return template.render(article, new Random(seedOf(`${template.name}/${article.id}`)), { bulk: 0 });
  });
}

export function pageName(index: number, page: RenderedPage, articleId: string): string {
  return `${String(index + 1).padStart(3, '0')}-${page.template}-${articleId}`;
}

const FIXTURES = new URL('../fixtures/', import.meta.url);

/**
 * The stored fixture set, with expected text: generated pages (`pages`), hand-written edge pages
 * the rules were developed on (`edge`), and hand-written pages kept out of rule development
 * (`holdout`, scored once when written and reported apart).
 */
export function loadFixtures(
  dirs: readonly ('pages' | 'edge' | 'holdout')[] = ['pages', 'edge', 'holdout'],
): FixturePage[] {
  const pages: FixturePage[] = [];
  for (const dir of dirs) {
    const manifest = JSON.parse(readFileSync(new URL(`${dir}/manifest.json`, FIXTURES), 'utf8')) as ManifestEntry[];
    for (const entry of manifest) {
      pages.push({
        ...entry,
        bytes: new Uint8Array(readFileSync(new URL(`${dir}/${entry.name}.html`, FIXTURES))),
        text: readFileSync(new URL(`${dir}/${entry.name}.txt`, FIXTURES), 'utf8').trimEnd(),
      });
    }
  }
  return pages;
}
