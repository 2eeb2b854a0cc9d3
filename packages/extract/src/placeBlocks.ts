import { Context, type TextBlock } from './blockText.ts';
import { type RuleBlock, wordsOf } from './cleaningRules.ts';

/** Called with the step and the text of each block a rule removes or a recovery adds. */
export type StepTrace = (step: string, text: string) => void;

/** A block of the article, placed where it stands in the page. */
export interface PlacedBlock extends RuleBlock {
  list: object | null;
  /** Sort key: position in the page. */
  position: number;
  /** The block before this one in the page (not in the article): a teaser's linked headline. */
  before: RuleBlock | null;
}

export const EXCLUDED_CONTEXT = Context.figure | Context.nav | Context.aside | Context.footer | Context.furniture;

function endsLikeSentence(text: string): boolean {
  return /[.!?…"”»)]\s*$/.test(text);
}

/**
 * A paragraph of the text, not a label: the blocks Readability kept that bound the stretch where
 * dropped blocks are recovered and the lead is looked for. A stray label it kept far below the
 * article ("Feedback", a dialog's title) must not open the stretch to everything in between.
 */
function isProse(block: TextBlock): boolean {
  return block.kind !== 'h' && block.linkDensity <= 0.5 && wordsOf(block.text).length >= 10;
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

/** Whether most words of a heading are in the title (an `<h1>` that is the site's name is not). */
function sharesWords(heading: string, titleWords: string | null): boolean {
  if (titleWords === null) return true;
  const title = new Set(titleWords.split(' '));
  const words = wordsOf(heading);
  return words.length > 0 && words.filter((word) => title.has(word)).length * 2 >= words.length;
}

/**
 * Places Readability's blocks back in the page and recovers what it dropped: blocks between two it
 * kept (lists, short paragraphs, subheadings its conditional cleaning removed) and lead paragraphs
 * between the headline and the first block it kept (a standfirst outside the body container).
 */
export function placeBlocks(
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
      const source = original[index]!;
      if (isProse(source)) {
        firstMatched = Math.min(firstMatched, index);
        lastMatched = Math.max(lastMatched, index);
      }
      placed.push({
        text: block.text,
        kind: source.kind,
        linkDensity: source.linkDensity,
        outboundLinkDensity: source.outboundLinkDensity,
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
        outboundLinkDensity: block.outboundLinkDensity,
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
  if (!disabled.has('recover:lead')) {
    // The headline: the heading that reads as the title, else the last `<h1>` above the body (the
    // metadata title is often a shortened or SEO version of it).
    let headline = -1;
    let h1 = -1;
    for (let i = firstMatched - 1; i >= 0 && headline < 0; i--) {
      const block = original[i]!;
      if (block.kind !== 'h') continue;
      if (titleWords !== null && wordsOf(block.text).join(' ') === titleWords) headline = i;
      else if (block.level === 1 && h1 < 0 && sharesWords(block.text, titleWords)) h1 = i;
    }
    if (headline < 0) headline = h1;
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
export function fallbackBlocks(original: TextBlock[]): PlacedBlock[] {
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
