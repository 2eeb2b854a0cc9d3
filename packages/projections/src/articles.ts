import type { ArticleAnalyzed, DuplicateMethod, ReasonCode } from '@tally/events';
import { type EventOf, type Projection, type ProjectionLookup, unionSorted, withSorted } from './Projection.ts';

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

const stageRank: Record<ArticleStatus, number> = {
  discovered: 0,
  'fetch-failed': 1,
  fetched: 1,
  'extraction-failed': 2,
  extracted: 2,
  analyzed: 3,
  duplicate: 4,
};
const failures: ReadonlySet<ArticleStatus> = new Set(['fetch-failed', 'extraction-failed']);

/** How many failures an article row keeps (the latest). */
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

type ArticleEventType =
  | 'ArticleDiscovered'
  | 'ArticleListedByFeed'
  | 'ArticleRevised'
  | 'ArticleFetched'
  | 'ArticleFetchFailed'
  | 'ArticleExtracted'
  | 'ArticleExtractionFailed'
  | 'ArticleDuplicateDetected'
  | 'ArticleAnalyzed'
  | 'ClaimExtracted';
type ArticleEvent = EventOf<ArticleEventType>;

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

/**
 * The original an article is credited to: itself when it is not a copy. Any lookup of article
 * facts will do (a rebuild's figures read only some fields of each article).
 */
export function rootOf(
  lookup: { article(articleId: string): Pick<ArticleRow, 'duplicateOf'> | null },
  articleId: string,
): string {
  return lookup.article(articleId)?.duplicateOf?.originalId ?? articleId;
}

/** Moves the status if the stage rules allow it. */
function withStatus(
  row: ArticleRow,
  status: ArticleStatus,
  reason: ReasonCode | null,
  retrying: boolean,
): Pick<ArticleRow, 'status' | 'reason' | 'retrying'> {
  const cur = stageRank[row.status];
  const next = stageRank[status];
  const allowed =
    row.status !== 'duplicate' && (next > cur || (next === cur && (!failures.has(status) || failures.has(row.status))));
  if (!allowed) return { status: row.status, reason: row.reason, retrying: row.retrying };
  return { status, reason, retrying };
}

function withFailure(list: readonly ArticleFailure[], failure: ArticleFailure): ArticleFailure[] {
  const next = [...list, failure];
  return next.length > ARTICLE_FAILURES_KEPT ? next.slice(next.length - ARTICLE_FAILURES_KEPT) : next;
}

function withFeed(feedIds: readonly string[], feedId: string): string[] {
  return feedIds.includes(feedId) ? (feedIds as string[]) : [...feedIds, feedId];
}

function byPositionThenId(a: CopyRef, b: CopyRef): number {
  return a.position - b.position || (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0);
}

/**
 * Whether a duplicate verdict can be applied: not a self-reference, and not one that would make an
 * article a copy of its own copy.
 */
export function duplicateVerdictApplies(event: EventOf<'ArticleDuplicateDetected'>, lookup: ProjectionLookup): boolean {
  const { articleId, originalId } = event.data;
  return articleId !== originalId && rootOf(lookup, originalId) !== articleId;
}

function evolveDuplicate(
  row: ArticleRow | null,
  event: EventOf<'ArticleDuplicateDetected'>,
  key: string,
  lookup: ProjectionLookup,
): ArticleRow | null {
  if (!duplicateVerdictApplies(event, lookup)) return row;
  const { articleId: copyId, originalId, similarity, method } = event.data;
  const copy = lookup.article(copyId);
  const root = rootOf(lookup, originalId);
  const base = row ?? emptyArticle(key, event.position);
  if (key === copyId) {
    return {
      ...base,
      status: 'duplicate',
      reason: null,
      retrying: false,
      duplicateOf: { originalId: root, directOriginalId: originalId, similarity, method, position: event.position },
      copies: [],
      clusterFigureKeys: [],
    };
  }
  if (key === root) {
    const moved = (copy?.copies ?? []).map((c) => ({ ...c }));
    const kept = base.copies.filter((c) => c.articleId !== copyId && !moved.some((m) => m.articleId === c.articleId));
    const copies = [
      ...kept,
      ...moved,
      { articleId: copyId, directOriginalId: originalId, similarity, method, position: event.position },
    ].sort(byPositionThenId);
    const clusterFigureKeys = unionSorted(
      unionSorted(base.clusterFigureKeys, copy?.figureKeys ?? []),
      copy?.clusterFigureKeys ?? [],
    );
    return { ...base, copies, clusterFigureKeys };
  }
  if (base.duplicateOf && copy?.copies.some((c) => c.articleId === key)) {
    // A copy of the article that has just become a copy: credited to the new root now.
    return { ...base, duplicateOf: { ...base.duplicateOf, originalId: root } };
  }
  if (base.copies.some((c) => c.articleId === copyId)) {
    // The copy's previous original: it moves to another cluster.
    return { ...base, copies: base.copies.filter((c) => c.articleId !== copyId) };
  }
  return row;
}

function evolveArticle(
  row: ArticleRow | null,
  event: ArticleEvent,
  key: string,
  lookup: ProjectionLookup,
): ArticleRow | null {
  if (event.type === 'ArticleDuplicateDetected') return evolveDuplicate(row, event, key, lookup);
  const base = row ?? emptyArticle(key, event.position);
  const at = event.recordedAt;
  switch (event.type) {
    case 'ArticleDiscovered': {
      const d = event.data;
      return {
        ...base,
        url: base.url ?? d.url,
        canonicalUrl: base.canonicalUrl ?? d.canonicalUrl,
        title: base.title ?? d.title,
        publishedAt: base.publishedAt ?? d.publishedAt,
        feedIds: withFeed(base.feedIds, d.feedId),
        discoveredAt: base.discoveredAt ?? at,
      };
    }
    case 'ArticleListedByFeed':
      return { ...base, url: base.url ?? event.data.url, feedIds: withFeed(base.feedIds, event.data.feedId) };
    case 'ArticleRevised': {
      const d = event.data;
      return { ...base, title: d.title ?? base.title, publishedAt: d.publishedAt ?? base.publishedAt };
    }
    case 'ArticleFetched': {
      const d = event.data;
      return {
        ...base,
        ...withStatus(base, 'fetched', null, false),
        url: base.url ?? d.url,
        finalUrl: d.finalUrl,
        httpStatus: d.httpStatus,
        bytes: d.bytes,
        contentType: d.contentType,
        fetchedAt: at,
        fetchAttempts: base.fetchAttempts + 1,
      };
    }
    case 'ArticleFetchFailed': {
      const d = event.data;
      return {
        ...base,
        ...withStatus(base, 'fetch-failed', d.reason, !d.permanent),
        url: base.url ?? d.url,
        httpStatus: d.httpStatus ?? base.httpStatus,
        fetchAttempts: base.fetchAttempts + 1,
        failures: withFailure(base.failures, {
          stage: 'fetch',
          reason: d.reason,
          message: d.message,
          httpStatus: d.httpStatus,
          permanent: d.permanent,
          attempt: d.attempt,
          position: event.position,
          at,
        }),
      };
    }
    case 'ArticleExtracted': {
      const d = event.data;
      return {
        ...base,
        ...withStatus(base, 'extracted', null, false),
        canonicalUrl: d.canonicalUrl ?? base.canonicalUrl,
        title: d.title ?? base.title,
        byline: d.byline,
        siteName: d.siteName ?? base.siteName,
        lang: d.lang,
        publishedAt: d.publishedAt ?? base.publishedAt,
        textLength: d.length,
        extractorVersion: d.extractorVersion,
        extractedAt: at,
      };
    }
    case 'ArticleExtractionFailed': {
      const d = event.data;
      return {
        ...base,
        ...withStatus(base, 'extraction-failed', d.reason, false),
        extractorVersion: d.extractorVersion,
        failures: withFailure(base.failures, {
          stage: 'extract',
          reason: d.reason,
          message: d.message,
          httpStatus: null,
          permanent: true,
          attempt: null,
          position: event.position,
          at,
        }),
      };
    }
    case 'ArticleAnalyzed': {
      const d = event.data;
      return {
        ...base,
        ...withStatus(base, 'analyzed', null, false),
        claimCount: d.claimCount,
        sentenceCount: d.sentenceCount,
        quantityCount: d.quantityCount,
        // Events stored before `skipped` existed are read back without it.
        skipped: d.skipped ?? [],
        analyzerVersion: d.analyzerVersion,
        analyzedAt: at,
      };
    }
    case 'ClaimExtracted': {
      const d = event.data;
      if (key === d.articleId) {
        const figureKeys = withSorted(base.figureKeys, d.figureKey);
        const clusterFigureKeys = base.duplicateOf
          ? base.clusterFigureKeys
          : withSorted(base.clusterFigureKeys, d.figureKey);
        if (row && figureKeys === base.figureKeys && clusterFigureKeys === base.clusterFigureKeys) return row;
        return { ...base, figureKeys, clusterFigureKeys };
      }
      // The claim's article is a copy of this one.
      const clusterFigureKeys = withSorted(base.clusterFigureKeys, d.figureKey);
      return row && clusterFigureKeys === base.clusterFigureKeys ? row : { ...base, clusterFigureKeys };
    }
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

/**
 * Articles: one row per article, its status through each stage with reason codes, the feeds that
 * list it, its duplicate link or its copies, and the figures it feeds.
 */
export const articlesProjection: Projection<ArticleRow, ArticleEventType> = {
  name: 'articles',
  // 2: `skipped`, the sentences the analyzer left unread.
  version: 2,
  handles: [
    'ArticleDiscovered',
    'ArticleListedByFeed',
    'ArticleRevised',
    'ArticleFetched',
    'ArticleFetchFailed',
    'ArticleExtracted',
    'ArticleExtractionFailed',
    'ArticleDuplicateDetected',
    'ArticleAnalyzed',
    'ClaimExtracted',
  ],
  keysOf(event, lookup) {
    switch (event.type) {
      case 'ClaimExtracted': {
        const { articleId } = event.data;
        const root = rootOf(lookup, articleId);
        return root === articleId ? [articleId] : [articleId, root];
      }
      case 'ArticleDuplicateDetected': {
        const { articleId, originalId } = event.data;
        if (!duplicateVerdictApplies(event, lookup)) return [articleId];
        const copy = lookup.article(articleId);
        const keys = new Set([articleId, rootOf(lookup, originalId)]);
        if (copy?.duplicateOf) keys.add(copy.duplicateOf.originalId);
        for (const c of copy?.copies ?? []) keys.add(c.articleId);
        return [...keys];
      }
      default:
        return [event.data.articleId];
    }
  },
  evolve: evolveArticle,
  finalize: (row) => row,
};
