import type { BaseText } from './baseTexts.ts';
import { syndicatedCopy, updatedVersion } from './edits.ts';
import { createOutlet, type Outlet, printStory, type Story } from './outlets.ts';
import { int, pick, type Random, seeded, shuffled } from './random.ts';
import { boxScores, leagueTables, namePool, type TableSeries } from './tables.ts';

/** One document of the hard set, in the order the stream delivers them. */
export interface HardDoc {
  id: string;
  url: string;
  text: string;
  publishedAt: string;
  /** Gold: the story this text is a version of; documents of one story are near-duplicates. */
  story: string;
  /** `original` for a story's first document; otherwise what kind of copy it is. */
  kind: string;
  /** Edits applied to a copy. */
  edits: string[];
  host: string;
}

const HOUR = 3_600_000;
const START = Date.UTC(2026, 2, 2, 6);
const SPAN_DAYS = 12;

interface Pending {
  at: number;
  outlet: Outlet;
  story: Story;
  storyId: string;
  kind: string;
  edits: string[];
  author?: string;
}

const wordCount = (ps: readonly string[]) => ps.reduce((n, p) => n + p.split(/\s+/).length, 0);
const sentenceParagraphs = (b: BaseText) =>
  b.paragraphs.filter((p) => /[.!?]["'”’)]*$/.test(p) && p.split(' ').length >= 12);

/**
 * One to three paragraphs of another article on the same topic, together at most `share` of the
 * story's length (a paragraph too long for that is cut to its first sentences): an update adds to a
 * story, it does not become another one.
 */
function relatedParagraphs(r: Random, base: BaseText, bases: readonly BaseText[], share: number): string[] {
  const sameTopic = bases.filter((b) => b !== base && b.category === base.category && sentenceParagraphs(b).length > 0);
  const other = pick(r, sameTopic.length > 0 ? sameTopic : bases.filter((b) => b !== base));
  const pool = sentenceParagraphs(other);
  const start = int(r, 0, Math.max(0, pool.length - 3));
  const out: string[] = [];
  let budget = wordCount(base.paragraphs) * share;
  for (const p of pool.slice(start, start + int(r, 1, 3))) {
    let kept = '';
    for (const sentence of p.split(/(?<=[.!?]["'”’)]*)\s+/)) {
      const words = sentence.split(/\s+/).length;
      if (words > budget) break;
      kept = kept ? `${kept} ${sentence}` : sentence;
      budget -= words;
    }
    if (kept) out.push(kept);
    if (kept !== p) break;
  }
  return out;
}

function otherOutlet(r: Random, outlets: readonly Outlet[], not: Outlet): Outlet {
  return pick(
    r,
    outlets.filter((o) => o !== not),
  );
}

/**
 * A draw of the hard set: 12 invented outlets publish the real base texts (each printed with its
 * boilerplate), other outlets syndicate about half of them with edits, a third are updated (mostly
 * by their own outlet, at a new address), and results desks publish league tables and box scores
 * with some copies and corrections. Deterministic for a seed.
 */
export function buildHardSet(bases: readonly BaseText[], seed: number): HardDoc[] {
  const r = seeded(seed);
  const taken = new Set<string>();
  const outlets = Array.from({ length: 12 }, () => createOutlet(r, taken));
  const pending: Pending[] = [];
  const span = SPAN_DAYS * 24 * HOUR;

  for (const base of shuffled(r, bases)) {
    const owner = pick(r, outlets);
    const at = START + Math.floor(r() * span);
    const story: Story = { title: base.title, paragraphs: base.paragraphs };
    pending.push({ at, outlet: owner, story, storyId: base.id, kind: 'original', edits: [] });
    const copies = r() < 0.5 ? (r() < 0.3 ? 2 : 1) : 0;
    for (let i = 0; i < copies; i++) {
      const copy = syndicatedCopy(r, story, owner.identity);
      pending.push({
        at: at + int(r, 10, 36 * 60) * 60_000,
        outlet: otherOutlet(r, outlets, owner),
        story: copy.story,
        storyId: base.id,
        kind: 'syndicated',
        edits: copy.edits,
      });
    }
    if (r() < 0.35) {
      const sameOutlet = r() < 0.6;
      const outlet = sameOutlet ? owner : otherOutlet(r, outlets, owner);
      let when = at + int(r, 1, 48) * HOUR;
      const author = pick(r, owner.identity.authors);
      const first = updatedVersion(r, story, relatedParagraphs(r, base, bases, 0.3), new Date(when));
      const kind = sameOutlet ? 'update-same-outlet' : 'update-other-outlet';
      pending.push({ at: when, outlet, story: first.story, storyId: base.id, kind, edits: first.edits, author });
      if (r() < 0.3) {
        when += int(r, 1, 24) * HOUR;
        const second = updatedVersion(r, first.story, relatedParagraphs(r, base, bases, 0.15), new Date(when));
        pending.push({
          at: when,
          outlet,
          story: second.story,
          storyId: base.id,
          kind: `${kind}-again`,
          edits: second.edits,
          author,
        });
      }
    }
  }

  const names = namePool(bases);
  const desks = shuffled(r, outlets).slice(0, 3);
  const seriesList: { desk: Outlet; id: string; series: TableSeries }[] = [
    { desk: desks[0]!, id: 'league-a', series: leagueTables(r, names, desks[0]!.tableStyle, 6) },
    { desk: desks[1]!, id: 'league-b', series: leagueTables(r, names, desks[1]!.tableStyle, 5) },
    { desk: desks[2]!, id: 'box-scores', series: boxScores(r, names, desks[2]!.tableStyle, 6) },
  ];
  for (const { desk, id, series } of seriesList) {
    series.stories.forEach((story, i) => {
      const at = START + Math.floor(((i + r()) / series.stories.length) * span);
      const storyId = `${id}-${i}`;
      pending.push({ at, outlet: desk, story, storyId, kind: 'table-original', edits: [] });
      if (r() < 0.4) {
        const outlet = otherOutlet(r, outlets, desk);
        const copy = series.render(i, outlet.tableStyle);
        pending.push({
          at: at + int(r, 30, 600) * 60_000,
          outlet,
          story: { title: `${copy.title} (${desk.identity.name})`, paragraphs: copy.paragraphs },
          storyId,
          kind: 'table-syndicated',
          edits: [`rendered-${outlet.tableStyle}`],
        });
      }
      if (r() < 0.2) {
        pending.push({
          at: at + int(r, 1, 12) * HOUR,
          outlet: desk,
          story: series.corrected(i, desk.tableStyle, r),
          storyId,
          kind: 'table-corrected',
          edits: ['cell-corrected'],
        });
      }
    });
  }

  pending.sort((a, b) => a.at - b.at);
  const turns = new Map<Outlet, number>();
  const headlines = new Map<Outlet, string>();
  return pending.map((p, n) => {
    const turn = turns.get(p.outlet) ?? 0;
    turns.set(p.outlet, turn + 1);
    const published = new Date(p.at);
    const text = printStory(p.outlet, r, p.story, {
      author: p.author ?? pick(r, p.outlet.identity.authors),
      published,
      otherHeadline: headlines.get(p.outlet) ?? 'Most read this week',
      turn,
    });
    headlines.set(p.outlet, p.story.title);
    const slug = p.story.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60);
    return {
      id: `d${seed}-${String(n).padStart(4, '0')}`,
      url: `https://${p.outlet.identity.host}/${published.toISOString().slice(0, 10).replace(/-/g, '/')}/${slug}-${n}`,
      text,
      publishedAt: published.toISOString(),
      story: p.storyId,
      kind: p.kind,
      edits: p.edits,
      host: p.outlet.identity.host,
    };
  });
}
