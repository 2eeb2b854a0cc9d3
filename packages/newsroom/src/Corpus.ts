import type { Outlet } from './ArticlePage.ts';
import type { ClaimKind } from './corpusFigures.ts';
import type { BoundSpec } from './corpusPhrases.ts';

// What a generated corpus is: its options, outlets' feeds, articles with their claims, and the
// statements the claims report; and its ground truth as a newsroom serving it publishes it.

export interface CorpusOptions {
  /** Number of feeds; each belongs to its own outlet. @defaultValue 20 */
  feeds?: number;
  /** Items listed by each feed (articles, copies and, when asked for, missing pages and PDFs). @defaultValue 15 */
  articlesPerFeed?: number;
  /** Share of all items that are syndicated copies of an article of another outlet. @defaultValue 0.2 */
  duplicateRate?: number;
  /** Smallest article page, in bytes. @defaultValue 50_000 */
  minBytes?: number;
  /** Largest article page, in bytes. @defaultValue 500_000 */
  maxBytes?: number;
  /** Seed of the pseudo-random generator: the same seed gives the same corpus, byte for byte. @defaultValue 1 */
  seed?: number | string;
  /** Share of items whose link answers 404. @defaultValue 0 */
  missingRate?: number;
  /** Share of items that link to a PDF document. @defaultValue 0 */
  pdfRate?: number;
  /** First publication day, `YYYY-MM-DD`. @defaultValue `2023-09-01` */
  startDate?: string;
  /** Length of the publication period in days. @defaultValue 240 */
  days?: number;
}

export type ResolvedCorpusOptions = Required<CorpusOptions>;

/** The qualifier of a figure as the event catalog writes it. */
export type CorpusBound = BoundSpec['bound'];

/** One statement made by a speaker on a day; several articles may report it. */
export interface CorpusStatement {
  id: string;
  kind: ClaimKind;
  /** Canonical entity names ("North Korea", never "Pyongyang"). */
  subject: string;
  recipient: string | null;
  value: number;
  /** Qualifier of the first report; later reports may word it differently (see each claim). */
  boundWord: string | null;
  bound: CorpusBound;
  /** Normalised unit, singular: `container`, `artillery shell`, `ballistic missile`, `drone`, `tank`, `armoured vehicle`, `air defence missile`, `USD`, `EUR`, `casualty`. */
  unit: string;
  speaker: { name: string; role: string };
  /** `YYYY-MM-DD`. */
  statedAt: string;
}

/** A claim as one article states it. Independent of any figure-key scheme. */
export interface CorpusClaim {
  statementId: string;
  kind: ClaimKind;
  subject: string;
  /** The subject as written ("the DPRK", "Pyongyang"). */
  subjectText: string;
  recipient: string | null;
  recipientText: string | null;
  value: number;
  /** The number as written: "1,200", "1.2 million", "two million", "$2.5 billion", "€800 million". */
  valueText: string;
  /** "more than", "up to", "nearly"…; null when the figure is given as exact. */
  boundWord: string | null;
  /** `=` exact, `>` more than/over, `>=` at least, `<=` up to, `~<` nearly/almost, `~` about/around/roughly. */
  bound: CorpusBound;
  unit: string;
  /** The unit as written ("containers of ammunition"). */
  unitText: string;
  speaker: { name: string; role: string };
  /** `YYYY-MM-DD`: the date phrase resolved against the publication date. */
  statedAt: string;
  /** "on Tuesday" (the latest such weekday on or before the publication day) or "on 12 March" / "on March 12". */
  dateText: string;
  /** The sentence exactly as it appears in the article's text. */
  sentence: string;
}

export type CopyEdit = 'headline' | 'boilerplate' | 'typography' | 'drop-paragraph' | 'add-paragraph' | 'reorder';

export interface CorpusArticle {
  /** Stable id within the corpus: `a00042`. */
  id: string;
  kind: 'article' | 'missing' | 'pdf';
  /** Canonical path (no query). */
  path: string;
  /** Path and query as the feed lists it (tracking parameters included where the outlet adds them). */
  feedLink: string;
  /** Path of the feed listing the item. */
  feedPath: string;
  outlet: string;
  outletSlug: string;
  /** ISO 8601 with the outlet's offset. */
  publishedAt: string;
  title: string;
  standfirst: string | null;
  byline: string;
  /** For a syndicated copy: the original's id. */
  copyOf: string | null;
  /** How a copy differs from its original. Empty for originals. */
  edits: CopyEdit[];
  /** The article text, one string per paragraph (empty for missing pages and PDFs). */
  paragraphs: string[];
  claims: CorpusClaim[];
  /** Size of the page in bytes: the page is padded to exactly this size unless its unpadded HTML is larger. */
  targetBytes: number;
}

export interface CorpusFeed {
  path: string;
  title: string;
  format: 'rss' | 'atom';
  charset: string;
  outlet: string;
  outletSlug: string;
}

export interface Corpus {
  options: ResolvedCorpusOptions;
  outlets: Outlet[];
  feeds: CorpusFeed[];
  /** Every feed item, in id order. */
  articles: CorpusArticle[];
  statements: CorpusStatement[];
}

/** The ground truth of a corpus served at an origin: what end-to-end tests assert against. */
export interface CorpusManifest {
  seed: number | string;
  origin: string;
  feeds: Array<{ url: string; title: string; format: 'rss' | 'atom'; charset: string; outlet: string }>;
  articles: Array<{
    id: string;
    kind: 'article' | 'missing' | 'pdf';
    /** Canonical URL. */
    url: string;
    /** URL as listed in the feed. */
    feedLink: string;
    feed: string;
    outlet: string;
    publishedAt: string;
    title: string;
    /** Canonical URL of the original when this is a syndicated copy. */
    copyOf: string | null;
    edits: CopyEdit[];
    /** Paragraphs joined by blank lines. */
    text: string;
    claims: CorpusClaim[];
    targetBytes: number;
  }>;
  statements: CorpusStatement[];
}
