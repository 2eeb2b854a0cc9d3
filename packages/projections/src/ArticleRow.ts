import type { ArticleAnalyzed, DuplicateMethod, ReasonCode } from '@tally/events';

/**
 * Where an article stands. Stages only move forward: a later stage is never overwritten by an
 * earlier one (a late fetch retry failing after extraction), and within one stage a success
 * replaces a failure but not the other way round. `duplicate` wins over everything: the article is
 * credited to its original.
 */
export type ArticleStatus =
  | 'discovered'
  | 'fetch-failed'
  | 'fetched'
  | 'extraction-failed'
  | 'extracted'
  | 'analyzed'
  | 'duplicate';

export const ARTICLE_FAILURES_KEPT = 10;

export interface ArticleFailure {
  stage: 'fetch' | 'extract';
  reason: ReasonCode;
  message: string;
  httpStatus: number | null;
  permanent: boolean;
  attempt: number | null;
  position: number;
  at: string;
}

/** The article is a copy: credited to `originalId`, the root of its cluster (copies of copies are flattened). */
export interface DuplicateLink {
  originalId: string;
  /** The article the verdict named (differs from `originalId` when that one was itself a copy). */
  directOriginalId: string;
  similarity: number;
  method: DuplicateMethod;
  position: number;
}

/** A copy credited to this article (kept on originals only). */
export interface CopyRef {
  articleId: string;
  directOriginalId: string;
  similarity: number;
  method: DuplicateMethod;
  position: number;
}

export interface ArticleRow {
  articleId: string;
  position: number;
  /** Position of the first event that mentioned the article (the listing order). */
  firstPosition: number;
  status: ArticleStatus;
  /** The reason of the failure that set the status; null when the status is not a failure. */
  reason: ReasonCode | null;
  /** A transient failure: the pipeline retries it. */
  retrying: boolean;
  url: string | null;
  canonicalUrl: string | null;
  finalUrl: string | null;
  title: string | null;
  publishedAt: string | null;
  siteName: string | null;
  byline: string | null;
  lang: string | null;
  /** Feeds that list the article, the discovering feed first. */
  feedIds: string[];
  discoveredAt: string | null;
  fetchedAt: string | null;
  extractedAt: string | null;
  analyzedAt: string | null;
  httpStatus: number | null;
  bytes: number | null;
  contentType: string | null;
  textLength: number | null;
  extractorVersion: string | null;
  fetchAttempts: number;
  failures: ArticleFailure[];
  duplicateOf: DuplicateLink | null;
  copies: CopyRef[];
  claimCount: number | null;
  sentenceCount: number | null;
  quantityCount: number | null;
  /** Sentences the analyzer left unread, by reason (too long, past the article's cap); empty when none. */
  skipped: { reason: ArticleAnalyzed['skipped'][number]['reason']; sentences: number }[];
  analyzerVersion: string | null;
  /** Figures with a claim from this article. */
  figureKeys: string[];
  /** On originals: figures with a claim from this article or one of its copies (what a change here touches). */
  clusterFigureKeys: string[];
}

export function emptyArticle(articleId: string, position: number): ArticleRow {
  return {
    articleId,
    position,
    firstPosition: position,
    status: 'discovered',
    reason: null,
    retrying: false,
    url: null,
    canonicalUrl: null,
    finalUrl: null,
    title: null,
    publishedAt: null,
    siteName: null,
    byline: null,
    lang: null,
    feedIds: [],
    discoveredAt: null,
    fetchedAt: null,
    extractedAt: null,
    analyzedAt: null,
    httpStatus: null,
    bytes: null,
    contentType: null,
    textLength: null,
    extractorVersion: null,
    fetchAttempts: 0,
    failures: [],
    duplicateOf: null,
    copies: [],
    claimCount: null,
    sentenceCount: null,
    quantityCount: null,
    skipped: [],
    analyzerVersion: null,
    figureKeys: [],
    clusterFigureKeys: [],
  };
}
