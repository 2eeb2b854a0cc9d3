import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Report, stories } from './stories.ts';

/**
 * The labelled set: pairs of texts, each marked as near-duplicates (one is a copy or an updated
 * version of the other) or not (different articles, most of them on the same story). Built
 * deterministically from `stories.ts` and, when present, the five seed reports, by applying the
 * edits that syndication and republishing make: another headline, page furniture added or
 * removed, tracking links, typographic changes, a paragraph dropped, added or moved.
 */

export interface LabelledPair {
  a: string;
  b: string;
  duplicate: boolean;
  /** What differs between `a` and `b`: the edit for positives, the relation for negatives. */
  kind: string;
  /** Which base texts the pair came from (story/outlet or seed file). */
  source: string;
}

export interface LabelledSetOptions {
  /** PRNG seed. @defaultValue 20231013 */
  seed?: number;
  /**
   * Directory of the seed reports (`*.txt`); `null` leaves them out.
   * @defaultValue the repository's sibling `shared/seeds` directory when it exists
   */
  seedsDir?: string | null;
}

/** Where the seed reports live beside the repository. */
export function defaultSeedsDir(): string | null {
  const dir = fileURLToPath(new URL('../../../../shared/seeds/', import.meta.url));
  return existsSync(dir) ? dir : null;
}

/** mulberry32: small, fast, good enough to pick edits. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Doc {
  headline: string | null;
  top: string[];
  paragraphs: string[];
  bottom: string[];
  sep: string;
}

interface Base {
  source: string;
  story: string;
  outlet: string;
  doc: Doc;
  /** Headlines another outlet could give the same text. */
  otherHeadlines: string[];
  updates: string[];
}

function render(d: Doc): string {
  return [...(d.headline === null ? [] : [d.headline]), ...d.top, ...d.paragraphs, ...d.bottom].join(d.sep);
}

const clone = (d: Doc): Doc => ({ ...d, top: [...d.top], paragraphs: [...d.paragraphs], bottom: [...d.bottom] });

const OUTLETS = [
  'Global Times Wire',
  'The Evening Sentinel',
  'Metro Daily',
  'Newsline 24',
  'The Provincial',
  'Inside Report',
  'Westside Herald',
  'NewsFront',
];

/** Page furniture an extractor can leave in: labels, share bars, newsletter prompts, credits. */
function furniture(outlet: string, r: () => number, otherHeadline: string): { top: string[]; bottom: string[] } {
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  const top = [
    pick(['Advertisement', '- Advertisement -', 'Sponsored', 'Must read', 'Breaking']),
    pick([
      `By ${outlet} staff`,
      `${outlet} | Updated ${1 + Math.floor(r() * 12)}:${10 + Math.floor(r() * 49)} GMT`,
      'Share on Facebook · Share on X · Email',
      'Listen to this article · 4 min',
      'Photo: Reuters/handout',
    ]),
  ];
  const bottom = [
    pick([
      `Sign up to the ${outlet} morning briefing and get the day's top stories in your inbox.`,
      `Follow ${outlet} on Facebook and X for the latest news and analysis.`,
      'If you found a mistake in this article, please select it and press Ctrl+Enter to let our editors know.',
      `Support independent journalism: become a member of ${outlet} today for less than the price of a coffee a month.`,
    ]),
    pick([`Read more: ${otherHeadline}`, 'Related articles', 'Comments (14)', 'Most read', 'Source link']),
    `© 2024 ${outlet}. All rights reserved.`,
  ];
  return { top, bottom };
}

function trackingLines(outlet: string, r: () => number): string[] {
  const host = `${outlet.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example`;
  const slug = Math.floor(r() * 1e9).toString(36);
  return [
    `Originally published at https://www.${host}/news/${slug}?utm_source=rss&utm_medium=syndication&utm_campaign=wire&fbclid=IwAR${slug}`,
    `Share: https://${host}/s/${slug}?ref=share&utm_content=article-bottom`,
  ];
}

/** Typographic variants: quote style, dashes, spacing, case of the headline, hard wrapping. */
function retype(text: string, r: () => number): string {
  let s = text;
  if (r() < 0.5) {
    s = s
      .replace(/(^|[\s(])"/g, '$1\u201c')
      .replace(/"/g, '\u201d')
      .replace(/'/g, '\u2019');
  } else {
    s = s.replace(/[\u201c\u201d\u201e]/g, '"').replace(/[\u2018\u2019]/g, "'");
  }
  s = s.replace(/ - /g, r() < 0.5 ? ' \u2014 ' : ' \u2013 ');
  s = s.replace(/(\d),(\d{3})/g, r() < 0.5 ? '$1\u202f$2' : '$1,$2');
  s = s.replace(/\. /g, () => (r() < 0.3 ? '.  ' : '. '));
  s = s.replace(/ (per cent|a\.m\.|p\.m\.)/g, '\u00a0$1');
  if (r() < 0.3) s = s.replace(/\.\.\./g, '\u2026');
  if (r() < 0.4) {
    // one paragraph per line becomes lines wrapped at 72 columns, blank line between paragraphs
    s = s
      .split(/\n+/)
      .map((p) => wrap(p, 72))
      .join('\n\n');
  }
  return s;
}

function wrap(p: string, width: number): string {
  const out: string[] = [];
  let line = '';
  for (const w of p.split(' ')) {
    if (line && line.length + 1 + w.length > width) {
      out.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) out.push(line);
  return out.join('\n');
}

/** A syndicating outlet's house style: spelling, abbreviations, units. */
function houseStyle(p: string): string {
  return p
    .replace(/ per cent/g, '%')
    .replace(/\b(Dr|Mr|Mrs|Ms)\. /g, '$1 ')
    .replace(/\ba\.m\./g, 'am')
    .replace(/\bp\.m\./g, 'pm')
    .replace(/\bUS\b/g, 'U.S.')
    .replace(/metres\b/g, 'meters')
    .replace(/kilometres\b/g, 'kilometers')
    .replace(/\b(organi|recogni|criticis|apologi|reali)s(e|ed|es|ing)\b/g, '$1z$2')
    .replace(/\bcentre/g, 'center')
    .replace(/\blabour\b/g, 'labor');
}

function indexOfLongest(paragraphs: string[], r: () => number, minWords = 20): number {
  const candidates = paragraphs.map((p, i) => [p, i] as const).filter(([p]) => p.split(/\s+/).length >= minWords);
  if (candidates.length === 0) return Math.floor(r() * paragraphs.length);
  return candidates[Math.floor(r() * candidates.length)]![1];
}

type Edit = (d: Doc, b: Base, r: () => number) => Doc;

const edits: Record<string, Edit> = {
  headline: (d, b, r) => ({ ...clone(d), headline: b.otherHeadlines[Math.floor(r() * b.otherHeadlines.length)]! }),
  'boilerplate-added': (d, b, r) => {
    const outlet = OUTLETS[Math.floor(r() * OUTLETS.length)]!;
    const f = furniture(outlet, r, b.otherHeadlines[0]!);
    return { ...clone(d), top: [...d.top, ...f.top], bottom: [...d.bottom, ...f.bottom] };
  },
  'boilerplate-removed': (d) => ({ ...clone(d), top: [], bottom: [] }),
  tracking: (d, _b, r) => {
    const outlet = OUTLETS[Math.floor(r() * OUTLETS.length)]!;
    return { ...clone(d), bottom: [...d.bottom, ...trackingLines(outlet, r)] };
  },
  'paragraph-dropped': (d, _b, r) => {
    const c = clone(d);
    c.paragraphs.splice(indexOfLongest(c.paragraphs, r), 1);
    return c;
  },
  'paragraph-added': (d, b, r) => {
    const c = clone(d);
    const update = b.updates[Math.floor(r() * b.updates.length)]!;
    if (r() < 0.5) c.paragraphs.push(update);
    else c.paragraphs.splice(1, 0, update);
    return c;
  },
  'house-style': (d) => ({ ...clone(d), paragraphs: d.paragraphs.map(houseStyle) }),
  'paragraphs-reordered': (d, _b, r) => {
    const c = clone(d);
    const i = indexOfLongest(c.paragraphs, r);
    const [moved] = c.paragraphs.splice(i, 1);
    let j = Math.floor(r() * (c.paragraphs.length + 1));
    if (j === i) j = (j + 2) % (c.paragraphs.length + 1);
    c.paragraphs.splice(j, 0, moved!);
    return c;
  },
};

/** Applies the named edits in order; `typography` applies to the rendered text. */
function variant(b: Base, names: string[], r: () => number): string {
  let d = clone(b.doc);
  for (const n of names) if (n !== 'typography') d = edits[n]!(d, b, r);
  if (r() < 0.5) d.sep = d.sep === '\n' ? '\n\n' : '\n';
  const text = render(d);
  return names.includes('typography') ? retype(text, r) : text;
}

/** Positive edits, one pair each per base text. */
const POSITIVE_EDITS: string[][] = [
  ['headline', 'boilerplate-added', 'tracking'],
  ['typography'],
  ['paragraph-dropped'],
  ['paragraph-added'],
  ['paragraphs-reordered'],
  ['boilerplate-removed', 'headline'],
  ['headline', 'boilerplate-added', 'tracking', 'typography', 'paragraph-dropped'],
  ['paragraph-added', 'boilerplate-added', 'typography', 'paragraphs-reordered'],
  ['house-style', 'headline'],
  ['headline', 'paragraph-dropped', 'paragraph-dropped', 'boilerplate-added', 'house-style'],
];

function reportBase(storyId: string, report: Report, all: Report[], updates: string[], r: () => number): Base {
  const f = furniture(report.outlet, r, `${report.outlet}: more on this story`);
  const withFurniture = r() < 0.5;
  return {
    source: `${storyId}/${report.outlet}`,
    story: storyId,
    outlet: report.outlet,
    doc: {
      headline: report.headline,
      top: withFurniture ? f.top : [],
      paragraphs: report.paragraphs,
      bottom: withFurniture ? f.bottom : [],
      sep: r() < 0.5 ? '\n' : '\n\n',
    },
    otherHeadlines: all.filter((o) => o !== report).map((o) => o.headline),
    updates,
  };
}

const SEED_HEADLINES = [
  'North Korea has sent Russia 1,000 containers of weapons, US says',
  'Pyongyang ships munitions to Moscow as war drags on',
  'US: North Korean arms deliveries to Russia continue',
];
const SEED_UPDATES = [
  'Update: Russia\'s foreign ministry dismissed the US statement as "unfounded speculation" and said its cooperation with North Korea did not violate any international agreements.',
  "South Korea's defence ministry said separately on Monday that it had observed a sharp increase in rail traffic between the two countries in recent weeks.",
];

function seedBases(dir: string): Base[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const lines = readFileSync(`${dir}/${file}`, 'utf8')
        .split(/\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '');
      return {
        source: `seed/${file}`,
        story: 'seeds',
        outlet: file,
        doc: { headline: null, top: [], paragraphs: lines, bottom: [], sep: '\n\n' },
        otherHeadlines: SEED_HEADLINES,
        updates: SEED_UPDATES,
      };
    });
}

/** Another article borrows one paragraph (a quote, a background paragraph) from this one. */
function borrowParagraph(from: Base, into: Base, r: () => number): string {
  const d = clone(into.doc);
  const p = from.doc.paragraphs[indexOfLongest(from.doc.paragraphs, r)]!;
  d.paragraphs.splice(Math.floor(r() * d.paragraphs.length), 0, p);
  return render(d);
}

export function generateLabelledSet(options: LabelledSetOptions = {}): LabelledPair[] {
  const r = rng(options.seed ?? 20231013);
  const seedsDir = options.seedsDir === undefined ? defaultSeedsDir() : options.seedsDir;
  const bases: Base[] = [];
  for (const s of stories) for (const rep of s.reports) bases.push(reportBase(s.id, rep, s.reports, s.updates, r));
  if (seedsDir) bases.push(...seedBases(seedsDir));

  const pairs: LabelledPair[] = [];
  const original = (b: Base) => render(b.doc);

  // Positives: base against each edited copy, and two differently edited copies against each other.
  for (const b of bases) {
    for (const names of POSITIVE_EDITS) {
      pairs.push({ a: original(b), b: variant(b, names, r), duplicate: true, kind: names.join('+'), source: b.source });
    }
    pairs.push({
      a: variant(b, POSITIVE_EDITS[0]!, r),
      b: variant(b, POSITIVE_EDITS[2]!, r),
      duplicate: true,
      kind: 'copy-vs-copy',
      source: b.source,
    });
  }

  // Hard negatives: different reports of one story, as published and as syndicated copies, and a
  // report that borrows one paragraph from the other.
  for (let i = 0; i < bases.length; i++) {
    for (let j = i + 1; j < bases.length; j++) {
      const x = bases[i]!;
      const y = bases[j]!;
      if (x.story !== y.story) continue;
      const source = `${x.source} | ${y.source}`;
      pairs.push({ a: original(x), b: original(y), duplicate: false, kind: 'same-story', source });
      pairs.push({
        a: variant(x, POSITIVE_EDITS[6]!, r),
        b: original(y),
        duplicate: false,
        kind: 'same-story-copy',
        source,
      });
      pairs.push({
        a: variant(x, POSITIVE_EDITS[3]!, r),
        b: variant(y, POSITIVE_EDITS[0]!, r),
        duplicate: false,
        kind: 'same-story-both-copies',
        source,
      });
      pairs.push({ a: original(x), b: borrowParagraph(x, y, r), duplicate: false, kind: 'borrowed-paragraph', source });
    }
  }
  // Easy negatives: reports of different stories.
  for (let n = 0; n < 40; n++) {
    const x = bases[Math.floor(r() * bases.length)]!;
    let y = bases[Math.floor(r() * bases.length)]!;
    while (y.story === x.story) y = bases[Math.floor(r() * bases.length)]!;
    pairs.push({
      a: original(x),
      b: original(y),
      duplicate: false,
      kind: 'other-story',
      source: `${x.source} | ${y.source}`,
    });
  }
  return pairs;
}
