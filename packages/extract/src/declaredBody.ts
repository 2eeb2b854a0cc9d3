import { Context, type TextBlock } from './blockText.ts';
import { EXCLUDED_CONTEXT, type PlacedBlock, type StepTrace } from './placeBlocks.ts';
import { wordsOf } from './words.ts';

/**
 * The article's body as the page declares it with schema.org microdata (`itemprop="articleBody"`),
 * held against the container Readability chose. Readability scores text density and knows nothing of
 * the declaration: on a page whose body is short and whose comment thread or teaser column is long, it
 * takes their common parent, or the thread alone. The declaration is trusted only when it names a real
 * body (50+ words of text outside furniture).
 */

/** Fewer words than this in the declared body is a summary or an empty wrapper, not the article. */
const MIN_DECLARED_WORDS = 50;

/** Share of the declared body's words the chosen text must hold for it to count as the article. */
const HOLDS_BODY = 0.8;
/** Below this share, the chosen text is another part of the page. */
const MISSES_BODY = 0.5;

function declaredText(block: TextBlock): boolean {
  if (!(block.context & Context.declaredBody) || block.context & EXCLUDED_CONTEXT) return false;
  return block.kind === 'li' || block.kind === 'h' || block.linkDensity <= 0.5;
}

/** How many words of `body` the blocks hold (each word counted as often as it occurs). */
function coverage(body: readonly string[], blocks: readonly PlacedBlock[]): number {
  const have = new Map<string, number>();
  for (const block of blocks) for (const word of wordsOf(block.text)) have.set(word, (have.get(word) ?? 0) + 1);
  let covered = 0;
  for (const word of body) {
    const left = have.get(word) ?? 0;
    if (left > 0) {
      covered++;
      have.set(word, left - 1);
    }
  }
  return covered / body.length;
}

/**
 * When the chosen blocks hold the declared body, the blocks placed after its end are the page around
 * the article (a comment thread, teasers, an author's bio) and go; when they miss most of it, the
 * declared body's own blocks are the article, provided they are one stretch of the page (most blocks
 * between its first and last are its own: teasers that each declare a body are scattered). Blocks
 * above the body stay: a standfirst is often set outside it.
 */
export function boundToDeclaredBody(
  original: readonly TextBlock[],
  placed: PlacedBlock[],
  trace?: StepTrace,
): PlacedBlock[] {
  let first = -1;
  let last = -1;
  const body: string[] = [];
  const declared: PlacedBlock[] = [];
  original.forEach((block, i) => {
    if (!declaredText(block)) return;
    if (first < 0) first = i;
    last = i;
    body.push(...wordsOf(block.text));
    declared.push({ ...block, position: i, before: original[i - 1] ?? null });
  });
  if (body.length < MIN_DECLARED_WORDS) return placed;
  const share = coverage(body, placed);
  if (share >= HOLDS_BODY) {
    return placed.filter((block) => {
      if (block.position < last + 1) return true;
      trace?.('dom:declared-body', block.text);
      return false;
    });
  }
  if (share < MISSES_BODY && declared.length * 2 > last - first + 1) {
    for (const block of declared) trace?.('dom:declared-body', block.text);
    return declared;
  }
  return placed;
}
