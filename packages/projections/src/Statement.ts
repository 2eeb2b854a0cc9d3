import type { Bound, ClaimExtracted, DuplicateMethod, Period, Speaker } from '@tally/events';
import type { ValueMeaning } from './changes.ts';
import type { HedgeKind } from './hedges.ts';

export type ConflictKind = 'bound' | 'value' | 'statedAt' | 'negation' | 'change' | 'period';

/** One side of a disagreement and the sources on it. */
export interface ConflictSide {
  label: string;
  bound: Bound | null;
  /** The original articles on this side (a copy's claim counts for its original). */
  articleIds: string[];
}

/** Sources of one statement that cannot all be right. Listed, never resolved silently. */
export interface Conflict {
  kind: ConflictKind;
  detail: string;
  sides: ConflictSide[];
}

/** A claim as the figures projection keeps it: the event's data and its log position. */
export type FigureClaim = Omit<ClaimExtracted, 'figureKey'> & { position: number };

/** What a figure needs to know of an article (read from the articles projection). */
export interface FigureArticleRef {
  articleId: string;
  url: string | null;
  siteName: string | null;
  publishedAt: string | null;
  /** The feed that discovered the article. */
  feedId: string | null;
  feedIds: string[];
  duplicateOf: { originalId: string; directOriginalId: string; similarity: number; method: DuplicateMethod } | null;
  /** On originals: their copies, in verdict order. */
  copyIds: string[];
}

/** A copy of a source's article: listed under the original, never counted as another outlet. */
export interface AlsoPublishedBy {
  articleId: string;
  outlet: string;
  siteName: string | null;
  url: string | null;
  feedId: string | null;
  similarity: number | null;
  method: DuplicateMethod | null;
  /** The copy's own claim for this statement, when it was analysed. */
  claimId: string | null;
  bound: Bound | null;
  qualifier: string | null;
}

/** One independent source of a statement: an original article (copies are credited to it). */
export interface StatementSource {
  articleId: string;
  /** The outlet: the site's name, else the URL's host. */
  outlet: string;
  siteName: string | null;
  url: string | null;
  feedId: string | null;
  feedIds: string[];
  publishedAt: string | null;
  claimId: string;
  sentence: string;
  span: [number, number];
  /**
   * The source's own qualifier, which may disagree with other sources (see `conflicts`); null for a
   * plain number (bound `=`): the source gave no qualifier.
   */
  bound: Bound;
  qualifier: string | null;
  value: number | null;
  range: [number, number] | null;
  statedAt: string | null;
  speaker: Speaker | null;
  /** The source's own change, period and modality, which may differ from the statement's (see `conflicts`). */
  change: 'up' | 'down' | null;
  changeBy: number | null;
  changeUnit: string | null;
  previous: number | null;
  period: Period | null;
  hedged: boolean;
  /** When the original carries no claim for this statement: the copy whose sentence is shown. */
  quotedFrom: string | null;
  /** Claims of this statement from this article and its copies. */
  mentions: number;
  alsoPublishedBy: AlsoPublishedBy[];
}

/**
 * A source as a figure stores it: ids only. `expandStatement` fills in outlet, URL, feed, sentence
 * and qualifier from the figure's claims and article references, so no text is stored twice.
 */
export interface StoredSource {
  /** The original article (copies are credited to it). */
  articleId: string;
  /** The claim shown for the source: the original's own, else its first copy's. */
  claimId: string;
  mentions: number;
  /** The original's copies and, when a copy was analysed, its claim for this statement. */
  copies: { articleId: string; claimId: string | null }[];
}

/** One statement: the same figure stated by the same speaker at about the same time, with all its sources. */
export interface Statement extends StatementFields {
  sources: StatementSource[];
}

/** A statement as a figure stores it (see `StoredSource`). */
export interface StoredStatement extends StatementFields {
  sources: StoredSource[];
}

export interface StatementFields {
  statementId: string;
  /** The statement's date as the sources give it (the most precise, then earliest); null when only publication dates are known. */
  statedAt: string | null;
  /** The days the statement date may mean (from publication dates when no source dates it). */
  statedFrom: string | null;
  statedTo: string | null;
  speaker: Speaker | null;
  subject: string | null;
  predicate: string;
  recipient: string | null;
  concept: string | null;
  /** The value and qualifier most independent sources give (ties: the earliest published source). */
  value: number | null;
  range: [number, number] | null;
  bound: Bound;
  /** "more than", "about", …; null for a plain number (bound `=`): no source gave a qualifier. */
  qualifier: string | null;
  unit: string | null;
  /** What the figure measures ("revenue", "death toll"); null when its unit says it all. */
  measure: string | null;
  /** Whether `value` is the figure's level, or itself a change of it ("sales rose 5%"): see `valueMeaning`. */
  valueIs: ValueMeaning;
  /**
   * The move stated with the value: its direction; for a level, the amount (`changeBy`, in
   * `changeUnit`: "%", "percentage point" or the figure's unit) and the earlier level (`previous`)
   * when a source gives them. Taken from the source giving the statement's value that says most.
   */
  change: 'up' | 'down' | null;
  changeBy: number | null;
  changeUnit: string | null;
  previous: number | null;
  /** The period the figure is about ("Q4 2019"), as most sources that give one give it; null when none does. */
  period: Period | null;
  negated: boolean;
  /** A forecast, target, plan or possibility, not a fact: every source hedges it. */
  hedged: boolean;
  /** What kind of hedged figure it is (`hedgeKind`); null when not hedged. */
  hedge: HedgeKind | null;
  firstPublishedAt: string | null;
  lastPublishedAt: string | null;
  /** Original articles among the sources. */
  independentSources: number;
  /** Distinct outlets among the original articles. */
  independentOutlets: number;
  claimIds: string[];
  conflicts: Conflict[];
}

export interface StatementOptions {
  /**
   * Claims whose statement dates are at most this many days apart can be one statement.
   * @defaultValue 3
   */
  statementWindowDays?: number;
}

export const DEFAULT_STATEMENT_WINDOW_DAYS = 3;

/** The articles a figure knows, by id. */
export type ArticleRefs = ReadonlyMap<string, FigureArticleRef>;
