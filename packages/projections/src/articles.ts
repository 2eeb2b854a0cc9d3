import { articleEventTypes, evolveArticleListing, figureEventTypes, type ReasonCode } from '@tally/events';
import {
  ARTICLE_FAILURES_KEPT,
  type ArticleFailure,
  type ArticleRow,
  type ArticleStatus,
  type CopyRef,
  emptyArticle,
} from './ArticleRow.ts';
import { type EventOf, type Projection, type ProjectionLookup, unionSorted, withSorted } from './Projection.ts';

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

/** The article stream's events, and the claims (an article row knows the figures it feeds). */
const handledTypes = [...articleEventTypes, ...figureEventTypes];
type ArticleRowEventType = (typeof handledTypes)[number];
type ArticleRowEvent = EventOf<ArticleRowEventType>;

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
  event: ArticleRowEvent,
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
        ...evolveArticleListing(base, event),
        canonicalUrl: base.canonicalUrl ?? d.canonicalUrl,
        title: base.title ?? d.title,
        publishedAt: base.publishedAt ?? d.publishedAt,
        discoveredAt: base.discoveredAt ?? at,
      };
    }
    case 'ArticleListedByFeed':
      return { ...base, ...evolveArticleListing(base, event) };
    case 'ArticleRevised': {
      const d = event.data;
      return { ...base, title: d.title ?? base.title, publishedAt: d.publishedAt ?? base.publishedAt };
    }
    case 'ArticleFetched': {
      const d = event.data;
      return {
        ...base,
        ...evolveArticleListing(base, event),
        ...withStatus(base, 'fetched', null, false),
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
        ...evolveArticleListing(base, event),
        ...withStatus(base, 'fetch-failed', d.reason, !d.permanent),
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
export const articlesProjection: Projection<ArticleRow, ArticleRowEventType> = {
  name: 'articles',
  // 2: `skipped`, the sentences the analyzer left unread.
  version: 2,
  handles: handledTypes,
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
