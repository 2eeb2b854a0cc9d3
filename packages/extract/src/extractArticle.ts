import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { type ArticleMetadata, type PublishedAtSource, readMetadata } from './articleMetadata.ts';
import { collectBlocks, type TextBlock } from './blockText.ts';
import { cleanBlocks, renderText } from './cleanBlocks.ts';
import { CLEANING_RULES, wordsOf } from './cleaningRules.ts';
import { boundToDeclaredBody } from './declaredBody.ts';
import { ExtractError } from './ExtractError.ts';
import { isFurnitureElement, removeFurniture } from './furniture.ts';
import { fallbackBlocks, type PlacedBlock, placeBlocks, type StepTrace } from './placeBlocks.ts';
import { removePreviewCards } from './previewCards.ts';

export type { PlacedBlock, StepTrace } from './placeBlocks.ts';

export interface ExtractedArticle {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  /** BCP 47 language tag, e.g. `en`, `en-GB`, `uk`. */
  lang: string | null;
  canonicalUrl: string | null;
  /** ISO 8601 UTC. */
  publishedAt: string | null;
  /** Where `publishedAt` came from. `feed` is never set here: the pipeline sets it when it falls back to the feed's date. */
  publishedAtSource: PublishedAtSource;
  modifiedAt: string | null;
  /** The article's text: paragraphs separated by a blank line, list items as `- item` lines. */
  text: string;
  /** Length of `text` in characters. */
  length: number;
}

/** The steps and rules that can be switched off one at a time to measure what each is worth. */
export const EXTRACTION_STEPS = [
  'dom:furniture-class',
  'dom:furniture-tag',
  'dom:preview-card',
  'dom:overlay',
  'dom:declared-body',
  'recover:lead',
  'recover:gap',
  'recover:json-ld-body',
  'text:pull-quote',
  'text:comments-tail',
  'text:about-boilerplate',
  ...CLEANING_RULES.map((rule) => `text:${rule.name}`),
] as const;

export interface ExtractOptions {
  /** The page's URL: resolves relative canonical links and gives the URL date. */
  url: string;
  /** Steps of `EXTRACTION_STEPS` to skip; for measuring rules on the fixture set, not for production. */
  disabledSteps?: readonly string[];
  /** Called with the step and the text of each block a rule removes or a recovery adds. */
  trace?: StepTrace;
}

/** Fewer words than this is not an article (a stub, a login wall, a listing's leftovers). */
const MIN_WORDS = 15;

function readabilityBlocks(document: Document): TextBlock[] | null {
  const reader = new Readability<Element>(document, {
    serializer: (node) => node as Element,
    // News briefs are short; the default (500 characters) sends them through Readability's retry loop.
    charThreshold: 300,
  });
  const article = reader.parse();
  if (!article?.content) return null;
  return collectBlocks(article.content);
}

/**
 * Comments, scripts (but JSON-LD), styles and inline SVG, matched in one pass so that whichever
 * starts first wins, as in the HTML tokenizer: a `<script>` inside a comment is part of the comment.
 */
const NON_CONTENT =
  /<!--[\s\S]*?-->|<script\b([^>]*)>[\s\S]*?<\/script\s*>|<style\b[^>]*>[\s\S]*?<\/style\s*>|<svg\b[\s\S]*?<\/svg\s*>/gi;

/** Most of a real page's bytes are scripts and styles: dropping them before parsing halves the parse. */
function stripNonContent(html: string): string {
  return html.replace(NON_CONTENT, (match, scriptAttributes: string | undefined) =>
    scriptAttributes !== undefined && /ld\+json/i.test(scriptAttributes) ? match : '',
  );
}

function parse(html: string): Document {
  const stripped = stripNonContent(html);
  // Fragments get a document shell so that `body` exists.
  const source = /<html[\s>]|<body[\s>]/i.test(stripped)
    ? stripped
    : `<!DOCTYPE html><html><head></head><body>${stripped}</body></html>`;
  const { document } = parseHTML(source);
  return document as unknown as Document;
}

/**
 * Extracts the article text and metadata of an HTML page. Pure: no I/O, the same input gives the
 * same output.
 *
 * Steps: parse with linkedom; read metadata (before anything is removed); remove furniture the
 * markup names (nav, share bars, ads, comments, captions...); run Readability; place its blocks back
 * in the page and recover leads and lists it dropped; drop blocks whose whole text is furniture
 * (see `CLEANING_RULES`); join paragraphs with a blank line.
 *
 * @throws ExtractError `empty` when the page holds too little text, `extract-error` when the DOM
 * or Readability fails on it.
 */
export function extractArticle(html: string, options: ExtractOptions): ExtractedArticle {
  const disabled = new Set(options.disabledSteps ?? []);
  return finishArticle(draftArticle(html, options.url, disabled, options.trace), disabled, options.trace);
}

/** A page after parsing, metadata and Readability: the blocks the text rules will judge. */
export interface ArticleDraft {
  metadata: ArticleMetadata;
  titleWords: string | null;
  placed: PlacedBlock[];
}

/** Everything up to the text rules (the expensive part), so rules can be measured one by one. */
export function draftArticle(
  html: string,
  url: string,
  disabled: ReadonlySet<string>,
  trace?: StepTrace,
): ArticleDraft {
  let metadata: ArticleMetadata;
  let original: TextBlock[];
  let read: TextBlock[] | null;
  try {
    const document = parse(html);
    if (!document.body) throw new ExtractError('not-html', 'the page has no body');
    metadata = readMetadata(document, url);
    if (!disabled.has('dom:preview-card')) {
      removePreviewCards(document.body, (text) => trace?.('dom:preview-card', text));
    }
    removeFurniture(document, {
      furnitureClass: !disabled.has('dom:furniture-class'),
      furnitureTag: !disabled.has('dom:furniture-tag'),
      overlay: !disabled.has('dom:overlay'),
    });
    original = collectBlocks(document.body, isFurnitureElement);
    read = readabilityBlocks(document);
  } catch (err) {
    if (err instanceof ExtractError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    throw new ExtractError('extract-error', `extraction failed: ${message}`, { cause: err });
  }
  const titleWords = metadata.title ? wordsOf(metadata.title).join(' ') : null;
  let placed =
    read !== null && read.length > 0
      ? placeBlocks(original, read, titleWords, disabled, trace)
      : fallbackBlocks(original);
  if (!disabled.has('dom:declared-body')) placed = boundToDeclaredBody(original, placed, trace);
  return { metadata, titleWords, placed };
}

/** Fewer words than this in a JSON-LD `articleBody` is a summary, not the article. */
const MIN_BODY_WORDS = 50;

/**
 * Whether the page's JSON-LD `articleBody` is the article and the text found in the markup is not:
 * a page rendered by scripts shows only its furniture (a footer, a menu) in the HTML, and a
 * paywalled page only its first paragraphs, while the JSON-LD holds the whole text. The markup's
 * text wins unless it covers less than half of the declared body's words and is shorter than it.
 */
function missesDeclaredBody(text: string, articleBody: readonly string[]): boolean {
  const body = articleBody.flatMap((paragraph) => wordsOf(paragraph));
  if (body.length < MIN_BODY_WORDS) return false;
  const found = wordsOf(text);
  if (found.length >= body.length) return false;
  const have = new Map<string, number>();
  for (const word of found) have.set(word, (have.get(word) ?? 0) + 1);
  let covered = 0;
  for (const word of body) {
    const left = have.get(word) ?? 0;
    if (left > 0) {
      covered++;
      have.set(word, left - 1);
    }
  }
  return covered * 2 < body.length;
}

/** The text rules, the rendering and the result. */
export function finishArticle(draft: ArticleDraft, disabled: ReadonlySet<string>, trace?: StepTrace): ExtractedArticle {
  const { metadata } = draft;
  const { kept, byline } = cleanBlocks(draft.placed, draft.titleWords, disabled, trace);
  let text = renderText(kept);
  if (!disabled.has('recover:json-ld-body') && missesDeclaredBody(text, metadata.articleBody)) {
    text = metadata.articleBody.join('\n\n');
    trace?.('recover:json-ld-body', text);
  }
  const wordCount = wordsOf(text).length;
  if (wordCount < MIN_WORDS) {
    throw new ExtractError('empty', `no article text found (${wordCount} words)`);
  }
  return {
    title: metadata.title,
    byline: metadata.byline ?? byline,
    siteName: metadata.siteName,
    lang: metadata.lang,
    canonicalUrl: metadata.canonicalUrl,
    publishedAt: metadata.publishedAt,
    publishedAtSource: metadata.publishedAtSource,
    modifiedAt: metadata.modifiedAt,
    text,
    length: text.length,
  };
}
