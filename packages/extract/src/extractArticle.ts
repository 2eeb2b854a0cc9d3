import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { type ArticleMetadata, type PublishedAtSource, readMetadata } from './articleMetadata.ts';
import { Context, collectBlocks, type TextBlock } from './blockText.ts';
import { CLEANING_RULES, type CleaningRule, isCommentsHeading, type RuleBlock, wordsOf } from './cleaningRules.ts';
import { ExtractError } from './ExtractError.ts';
import { isFurnitureElement, removeFurniture } from './furniture.ts';

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
  'recover:lead',
  'recover:gap',
  'text:repeated-paragraph',
  'text:comments-tail',
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

export type StepTrace = (step: string, text: string) => void;

/** Fewer words than this is not an article (a stub, a login wall, a listing's leftovers). */
const MIN_WORDS = 15;

export interface PlacedBlock extends RuleBlock {
  list: object | null;
  /** Sort key: position in the page. */
  position: number;
  /** The block before this one in the page (not in the article): a teaser's linked headline. */
  before: RuleBlock | null;
}

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

const EXCLUDED_CONTEXT = Context.figure | Context.nav | Context.aside | Context.footer | Context.furniture;

function endsLikeSentence(text: string): boolean {
  return /[.!?…"”»)]\s*$/.test(text);
}

/** A block Readability dropped between two it kept: a list, a subheading, a short paragraph. */
function recoverableInGap(block: TextBlock): boolean {
  if (block.context & EXCLUDED_CONTEXT) return false;
  const count = wordsOf(block.text).length;
  switch (block.kind) {
    case 'li':
      return block.linkDensity <= 0.5 && count >= 1;
    case 'h':
      return block.linkDensity <= 0.5 && count >= 1 && count <= 20;
    case 'cell':
      return block.linkDensity <= 0.5 && count >= 1;
    case 'p':
    case 'quote':
      return block.linkDensity <= 0.35 && count >= 3;
    default:
      return false;
  }
}

/** A standfirst or lead paragraph between the headline and the body Readability chose. */
function leadLike(block: TextBlock): boolean {
  if (block.context & EXCLUDED_CONTEXT) return false;
  if (block.linkDensity > 0.2) return false;
  const count = wordsOf(block.text).length;
  // Summary bullets under the headline ("key points") are sentences without a full stop.
  if (block.kind === 'li') return count >= 6;
  if (block.kind !== 'p' && block.kind !== 'h' && block.kind !== 'quote' && block.kind !== 'cell') return false;
  return count >= 12 || (count >= 7 && endsLikeSentence(block.text));
}

/**
 * Places Readability's blocks back in the page and recovers what it dropped: blocks between two it
 * kept (lists, short paragraphs, subheadings its conditional cleaning removed) and lead paragraphs
 * between the headline and the first block it kept (a standfirst outside the body container).
 */
function assemble(
  original: TextBlock[],
  read: TextBlock[],
  titleWords: string | null,
  disabled: ReadonlySet<string>,
  trace?: StepTrace,
): PlacedBlock[] {
  const byText = new Map<string, number[]>();
  original.forEach((block, i) => {
    const list = byText.get(block.text);
    if (list) list.push(i);
    else byText.set(block.text, [i]);
  });
  const used = new Uint8Array(original.length);
  const placed: PlacedBlock[] = [];
  let last = -1;
  let firstMatched = Number.POSITIVE_INFINITY;
  let lastMatched = -1;
  let drift = 0;
  for (const block of read) {
    const candidates = byText.get(block.text);
    let index = -1;
    if (candidates) {
      index = candidates.find((i) => used[i] === 0 && i > last) ?? candidates.find((i) => used[i] === 0) ?? -1;
    }
    if (index >= 0) {
      used[index] = 1;
      last = index;
      drift = 0;
      firstMatched = Math.min(firstMatched, index);
      lastMatched = Math.max(lastMatched, index);
      const source = original[index]!;
      placed.push({
        text: block.text,
        kind: source.kind,
        linkDensity: source.linkDensity,
        list: source.list,
        position: index,
        before: original[index - 1] ?? null,
      });
    } else {
      // Text Readability reshaped (merged inline runs, split a `<br>` block): keep it after its predecessor.
      drift += 1e-3;
      placed.push({
        text: block.text,
        kind: block.kind,
        linkDensity: block.linkDensity,
        list: block.list,
        position: last + drift,
        before: placed[placed.length - 1] ?? null,
      });
    }
  }
  if (lastMatched < 0) return placed;

  if (!disabled.has('recover:gap')) {
    for (let i = firstMatched + 1; i < lastMatched; i++) {
      const block = original[i]!;
      if (used[i] === 0 && recoverableInGap(block)) {
        used[i] = 1;
        trace?.('recover:gap', block.text);
        placed.push({ ...block, position: i, before: original[i - 1] ?? null });
      }
    }
  }
  if (!disabled.has('recover:lead') && titleWords !== null) {
    let headline = -1;
    for (let i = firstMatched - 1; i >= 0 && headline < 0; i--) {
      const block = original[i]!;
      if (block.kind === 'h' && wordsOf(block.text).join(' ') === titleWords) headline = i;
    }
    if (headline >= 0) {
      for (let i = headline + 1; i < firstMatched; i++) {
        const block = original[i]!;
        if (used[i] === 0 && leadLike(block)) {
          used[i] = 1;
          trace?.('recover:lead', block.text);
          // A standfirst set as a subheading is a paragraph of the text; key-point bullets stay a list.
          placed.push({
            ...block,
            kind: block.kind === 'li' ? 'li' : 'p',
            position: i,
            before: original[i - 1] ?? null,
          });
        }
      }
    }
  }
  placed.sort((a, b) => a.position - b.position);
  return placed;
}

/** Without a Readability verdict, the page's paragraph-like blocks outside furniture. */
function fallbackBlocks(original: TextBlock[]): PlacedBlock[] {
  const placed: PlacedBlock[] = [];
  original.forEach((block, i) => {
    if (block.context & EXCLUDED_CONTEXT || block.linkDensity > 0.35) return;
    const count = wordsOf(block.text).length;
    if ((block.kind === 'h' && count <= 20) || count >= 6) {
      placed.push({ ...block, position: i, before: original[i - 1] ?? null });
    }
  });
  return placed;
}

function clean(
  blocks: PlacedBlock[],
  titleWords: string | null,
  disabled: ReadonlySet<string>,
  trace?: StepTrace,
): { kept: PlacedBlock[]; byline: string | null } {
  const rules = CLEANING_RULES.filter((rule) => !disabled.has(`text:${rule.name}`));
  const kept: PlacedBlock[] = [];
  let byline: string | null = null;
  let wordsKept = 0;
  const seen = new Set<string>();
  const firstDropping = (block: RuleBlock, index: number, previous: RuleBlock | null): CleaningRule | undefined => {
    const context = { title: titleWords, index, count: blocks.length, wordCount: wordsOf(block.text).length, previous };
    return rules.find((r) => r.drops(block, context));
  };
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!;
    const previous = block.before;
    // The comment section opens with its heading; below it, readers' posts look like paragraphs.
    if (
      !disabled.has('text:comments-tail') &&
      wordsKept >= 50 &&
      block.kind !== 'li' &&
      isCommentsHeading(block.text)
    ) {
      for (const rest of blocks.slice(index)) trace?.('text:comments-tail', rest.text);
      break;
    }
    const rule = firstDropping(block, index, previous);
    if (rule) {
      trace?.(`text:${rule.name}`, block.text);
      if (rule.name === 'byline-line' && byline === null) byline = block.text.replace(/^\S+\s*:?\s+/, '');
      continue;
    }
    let text = block.text;
    // Lines of a block broken by <br> are judged one by one: a headline and a date line above the text.
    if (block.kind !== 'li' && block.kind !== 'pre' && text.includes('\n')) {
      text = text
        .split('\n')
        .filter((line) => {
          const lineRule = firstDropping({ ...block, text: line }, index, previous);
          if (lineRule) trace?.(`text:${lineRule.name}`, line);
          return lineRule === undefined;
        })
        .join('\n');
      if (text.length === 0) continue;
    }
    const wordCount = wordsOf(text).length;
    // A paragraph repeated word for word (a pull quote, a mobile/desktop twin) is kept once.
    if (wordCount >= 8 && !disabled.has('text:repeated-paragraph')) {
      if (seen.has(text)) {
        trace?.('text:repeated-paragraph', text);
        continue;
      }
      seen.add(text);
    }
    wordsKept += wordCount;
    kept.push(text === block.text ? block : { ...block, text });
  }
  return { kept, byline };
}

function render(blocks: PlacedBlock[]): string {
  const paragraphs: string[] = [];
  let openList: object | null = null;
  for (const block of blocks) {
    if (block.kind === 'li') {
      const line = `- ${block.text.replace(/\n/g, ' ')}`;
      if (openList !== null && block.list === openList && paragraphs.length > 0) {
        paragraphs[paragraphs.length - 1] += `\n${line}`;
      } else {
        paragraphs.push(line);
      }
      openList = block.list ?? {};
      continue;
    }
    openList = null;
    paragraphs.push(block.text);
  }
  return paragraphs.join('\n\n');
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
    removeFurniture(document, {
      furnitureClass: !disabled.has('dom:furniture-class'),
      furnitureTag: !disabled.has('dom:furniture-tag'),
    });
    original = collectBlocks(document.body, isFurnitureElement);
    read = readabilityBlocks(document);
  } catch (err) {
    if (err instanceof ExtractError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    throw new ExtractError('extract-error', `extraction failed: ${message}`, { cause: err });
  }
  const titleWords = metadata.title ? wordsOf(metadata.title).join(' ') : null;
  const placed =
    read !== null && read.length > 0 ? assemble(original, read, titleWords, disabled, trace) : fallbackBlocks(original);
  return { metadata, titleWords, placed };
}

/** The text rules, the rendering and the result. */
export function finishArticle(draft: ArticleDraft, disabled: ReadonlySet<string>, trace?: StepTrace): ExtractedArticle {
  const { metadata } = draft;
  const { kept, byline } = clean(draft.placed, draft.titleWords, disabled, trace);
  const text = render(kept);
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
