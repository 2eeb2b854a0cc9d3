import { authorBio, type BlockKind, boilerplateBlock } from './boilerplateBlocks.ts';
import { createIdentity, type OutletIdentity } from './outletIdentity.ts';
import { int, pick, type Random, sample } from './random.ts';

/**
 * An invented outlet with its own boilerplate and page furniture. What it prints around every article
 * is fixed when the outlet is made (one wording per outlet); per article only the author's bio, the
 * newsletter box (some outlets rotate two or three) and dated lines change.
 */
export interface Outlet {
  identity: OutletIdentity;
  /** Blocks above the body (consent notices, standing disclaimers). */
  top: string[][];
  /** Newsletter boxes set inside the body after the `middleAfter`-th paragraph, one per article in turn. */
  middle: string[][];
  middleAfter: number;
  bottom: string[][];
  bios: Map<string, string>;
  /** Prints "This article was published on …" under the body (a sentence that differs per article). */
  datedLine: boolean;
  /** Its extraction runs the closing prompt into the last body paragraph instead of a paragraph of its own. */
  gluesPrompt: string | null;
  /** Paragraph separator of its extracted text. */
  separator: string;
  /** How its pages render a table once extracted. */
  tableStyle: TableStyle;
}

export type TableStyle = 'cells' | 'pipes' | 'tabs' | 'spaces';

const TOP_KINDS: BlockKind[] = ['consent', 'disclaimer'];
const BOTTOM_KINDS: BlockKind[] = ['appeal', 'about', 'disclaimer', 'standards', 'legal', 'app', 'comments'];

/**
 * An outlet of one of three weights: light (one or two short blocks), medium, heavy (five to seven
 * blocks, several hundred words: what an article of a few hundred words then shares with every other
 * article of the same outlet is most of its text).
 */
export function createOutlet(r: Random, taken: Set<string>): Outlet {
  const identity = createIdentity(r, taken);
  const weight = pick(r, ['light', 'medium', 'medium', 'heavy', 'heavy'] as const);
  const blockCount = weight === 'light' ? int(r, 1, 2) : weight === 'medium' ? int(r, 3, 4) : int(r, 5, 7);
  const kinds = sample(r, [...TOP_KINDS, ...BOTTOM_KINDS, 'newsletter'], blockCount) as BlockKind[];
  const top: string[][] = [];
  const bottom: string[][] = [];
  const middle: string[][] = [];
  for (const kind of kinds) {
    if (kind === 'newsletter') {
      const rotating = int(r, 1, 3);
      for (let i = 0; i < rotating; i++) middle.push(boilerplateBlock(kind, r, identity, identity.beats[i]!));
      continue;
    }
    const block = boilerplateBlock(kind, r, identity, identity.beats[0]!);
    if (kind === 'consent' || (kind === 'disclaimer' && r() < 0.4)) top.push(block);
    else bottom.push(block);
  }
  const bios = new Map<string, string>();
  if (r() < 0.5) for (const a of identity.authors) bios.set(a, authorBio(r, identity, a));
  return {
    identity,
    top,
    middle,
    middleAfter: int(r, 2, 4),
    bottom,
    bios,
    datedLine: r() < 0.3,
    gluesPrompt:
      r() < 0.25
        ? pick(r, [
            `Follow ${identity.name} for more updates on this story.`,
            `Stay with ${identity.name} for the latest.`,
            `Got a news tip? Email ${identity.email}.`,
          ])
        : null,
    separator: r() < 0.7 ? '\n\n' : '\n',
    tableStyle: pick(r, ['cells', 'cells', 'pipes', 'tabs', 'spaces'] as const),
  };
}

export interface Story {
  title: string;
  paragraphs: string[];
}

export interface Printing {
  author: string;
  published: Date;
  /** Headline of another story of the outlet, for a "Read more" line. */
  otherHeadline: string;
  /** Which of the outlet's newsletter boxes this page shows. */
  turn: number;
}

const date = (d: Date) =>
  d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const time = (d: Date) => d.toISOString().slice(11, 16);

/** The text an extractor would give of the outlet's page for a story: furniture, boilerplate and body. */
export function printStory(o: Outlet, r: Random, story: Story, p: Printing): string {
  const lines: string[] = [];
  if (r() < 0.6) lines.push(pick(r, ['Advertisement', 'Share this article', 'Listen to this article', 'Save']));
  lines.push(story.title);
  if (r() < 0.7) lines.push(`By ${p.author}`);
  if (r() < 0.6) lines.push(`${date(p.published)} · ${time(p.published)} GMT`);
  for (const block of o.top) lines.push(...block);
  const body = [...story.paragraphs];
  if (o.gluesPrompt && body.length > 0) body[body.length - 1] = `${body[body.length - 1]} ${o.gluesPrompt}`;
  // a newsletter box goes between text paragraphs (never inside a table), after the middleAfter-th
  let sentences = 0;
  body.forEach((para, i) => {
    lines.push(para);
    if (/[.!?]["'”’)]*$/.test(para)) sentences++;
    if (sentences === o.middleAfter && o.middle.length > 0 && i + 2 < body.length) {
      lines.push(...o.middle[p.turn % o.middle.length]!);
      sentences++;
    }
  });
  if (o.datedLine) {
    lines.push(
      `This article was published on ${date(p.published)} at ${time(p.published)} and last updated shortly after.`,
    );
  }
  const bio = o.bios.get(p.author);
  if (bio) lines.push(bio);
  for (const block of o.bottom) lines.push(...block);
  if (r() < 0.5) lines.push(`Read more: ${p.otherHeadline}`);
  if (r() < 0.3) lines.push(pick(r, ['Topics', 'Related', 'Most read', 'Comments']));
  return lines.join(o.separator);
}
