import { CLEANING_RULES, type CleaningRule, isTeaserCard, type RuleBlock, wordsOf } from './cleaningRules.ts';
import type { PlacedBlock, StepTrace } from './placeBlocks.ts';
import { aboutHeadingName, isCommentsHeading, speaksOf } from './sectionCuts.ts';

/**
 * Where "About <Name>" boilerplate starting at `index` ends (exclusive), or -1 when the block does not
 * open such a section: a heading naming a company, publisher or author, late in the article, whose
 * next paragraph speaks of that name. The section runs to the next heading.
 */
function aboutSectionEnd(blocks: readonly PlacedBlock[], index: number): number {
  const name = aboutHeadingName(blocks[index]!.text, blocks[index]!.kind);
  const next = blocks[index + 1];
  if (name === null || next === undefined || next.kind === 'h' || !speaksOf(next.text, name)) return -1;
  let end = index + 1;
  while (end < blocks.length && blocks[end]!.kind !== 'h' && aboutHeadingName(blocks[end]!.text, 'p') === null) end++;
  return end;
}

/** Lists with an item that is a sentence of a few words and hardly a link: lists of the text, not of links. */
function listsWithProse(blocks: readonly PlacedBlock[]): Set<object> {
  const lists = new Set<object>();
  for (const block of blocks) {
    if (block.kind === 'li' && block.list !== null && block.linkDensity < 0.5 && wordsOf(block.text).length >= 4) {
      lists.add(block.list);
    }
  }
  return lists;
}

/**
 * Subheadings of the text: headings below a paragraph of the text, followed up to the next heading by
 * 2+ paragraphs (of 10+ words) or 60+ words of hardly linked prose. (A linked heading above all text is the post's own
 * headline, which is the title and not the text.)
 */
function headingsOverSections(blocks: readonly PlacedBlock[]): Set<number> {
  const headings = new Set<number>();
  const firstProse = blocks.findIndex(
    (block) => block.kind === 'p' && block.linkDensity <= 0.3 && wordsOf(block.text).length >= 10,
  );
  if (firstProse < 0) return headings;
  for (let i = firstProse + 1; i < blocks.length; i++) {
    if (blocks[i]!.kind !== 'h') continue;
    let paragraphs = 0;
    let words = 0;
    for (let j = i + 1; j < blocks.length && blocks[j]!.kind !== 'h'; j++) {
      const block = blocks[j]!;
      const count = wordsOf(block.text).length;
      if (block.kind !== 'p' || block.linkDensity > 0.3 || count < 10) continue;
      paragraphs++;
      words += count;
    }
    if (paragraphs >= 2 || words >= 60) headings.add(i);
  }
  return headings;
}

/** Drops the blocks the text rules call furniture, "About <company>" boilerplate and the comment section. */
export function cleanBlocks(
  blocks: PlacedBlock[],
  titleWords: string | null,
  disabled: ReadonlySet<string>,
  trace?: StepTrace,
): { kept: PlacedBlock[]; byline: string | null } {
  const rules = CLEANING_RULES.filter((rule) => !disabled.has(`text:${rule.name}`));
  const kept: PlacedBlock[] = [];
  let byline: string | null = null;
  let wordsKept = 0;
  const quotesKept = new Set<string>();
  const bodyWords = ` ${blocks
    .filter((block) => block.kind !== 'quote')
    .map((block) => wordsOf(block.text).join(' '))
    .join(' ')} `;
  const totalWords = blocks.reduce((sum, block) => sum + wordsOf(block.text).length, 0);
  const teaserCards = blocks.filter((block, i) =>
    isTeaserCard(block, block.before, blocks[i + 1] ?? null, wordsOf(block.text).length),
  ).length;
  const proseLists = listsWithProse(blocks);
  const sectionHeadings = headingsOverSections(blocks);
  const firstDropping = (block: RuleBlock, index: number, previous: RuleBlock | null): CleaningRule | undefined => {
    const wordCount = wordsOf(block.text).length;
    const next = blocks[index + 1] ?? null;
    const list = blocks[index]!.list;
    const inProseList = block.kind === 'li' && list !== null && proseLists.has(list);
    const context = {
      title: titleWords,
      index,
      count: blocks.length,
      wordCount,
      previous,
      next,
      teaserCards,
      inProseList,
      opensSection: block.kind === 'h' && sectionHeadings.has(index),
    };
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
      isCommentsHeading(block.text, block.kind)
    ) {
      for (const rest of blocks.slice(index)) trace?.('text:comments-tail', rest.text);
      break;
    }
    // Boilerplate about the company, the publisher or the author closes press releases and posts.
    if (!disabled.has('text:about-boilerplate') && wordsKept >= 50 && wordsKept * 2 >= totalWords) {
      const end = aboutSectionEnd(blocks, index);
      if (end > index) {
        for (const about of blocks.slice(index, end)) trace?.('text:about-boilerplate', about.text);
        index = end - 1;
        continue;
      }
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
          // A line is not a teaser's summary on its own: its block was judged whole above.
          const lineRule = firstDropping({ ...block, text: line }, index, null);
          if (lineRule) trace?.(`text:${lineRule.name}`, line);
          return lineRule === undefined;
        })
        .join('\n');
      if (text.length === 0) continue;
    }
    const words = wordsOf(text);
    const wordCount = words.length;
    // A pull quote prints again, set as a quote, words the body already holds. A paragraph the page
    // itself repeats (a refrain, a question asked twice) is content and stays.
    if (block.kind === 'quote' && wordCount >= 8 && !disabled.has('text:pull-quote')) {
      const joined = words.join(' ');
      if (bodyWords.includes(` ${joined} `) || quotesKept.has(joined)) {
        trace?.('text:pull-quote', text);
        continue;
      }
      quotesKept.add(joined);
    }
    wordsKept += wordCount;
    kept.push(text === block.text ? block : { ...block, text });
  }
  return { kept, byline };
}

/** Paragraphs joined by a blank line, consecutive items of one list as `- item` lines. */
export function renderText(blocks: PlacedBlock[]): string {
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
