import type { ClaimExtracted } from '@tally/events';
import type { ArticleRow } from './ArticleRow.ts';
import { duplicateVerdictApplies, rootOf } from './articles.ts';
import { firstClaimOf, withClaim } from './claimList.ts';
import { type EventOf, type Projection, type ProjectionLookup, unionSorted } from './Projection.ts';
import {
  DEFAULT_STATEMENT_WINDOW_DAYS,
  type FigureArticleRef,
  type FigureClaim,
  type StatementOptions,
  type StoredStatement,
} from './Statement.ts';
import { deriveStatements, type StatementDelta, updateStatements } from './statements.ts';

/**
 * What changed in a figure since `finalize` last derived its statements (null once derived).
 * `full`: derive from scratch (a new figure, or so many changes that that is cheaper); the id lists
 * are then not kept.
 */
export interface FigurePending {
  full: boolean;
  addedClaimIds: string[];
  removedClaimIds: string[];
  articleIds: string[];
}

/** Past this many recorded changes, a figure's statements are derived from scratch. */
const PENDING_LIMIT = 64;

/**
 * One tracked figure. `claims` and `articles` are the folded state; the statements and the
 * figures about them are derived from that state in `finalize`, so a row never depends on how the
 * log was cut into batches.
 */
export interface FigureRow {
  figureKey: string;
  position: number;
  firstPosition: number;
  /** Every claim about the figure, in log order. */
  claims: FigureClaim[];
  /** The articles the claims come from, their originals and their originals' copies, by id. */
  articles: FigureArticleRef[];
  pending: FigurePending | null;
  subject: string | null;
  predicate: string | null;
  recipient: string | null;
  concept: string | null;
  unit: string | null;
  /** What the figure measures ("revenue", "death toll"), as the current statement names it; null when the unit says it all. */
  measure: string | null;
  /** The latest statement (by statement date, then publication); null before any claim. */
  currentStatementId: string | null;
  /** Every statement, oldest first, the current one included (sources as ids: see `figureView`). */
  history: StoredStatement[];
  statementCount: number;
  claimCount: number;
  /** Original articles behind all statements. */
  sourceCount: number;
  conflictCount: number;
}

type FigureEventType =
  | 'ClaimExtracted'
  | 'ArticleDiscovered'
  | 'ArticleListedByFeed'
  | 'ArticleRevised'
  | 'ArticleExtracted'
  | 'ArticleDuplicateDetected';
type FigureEvent = EventOf<FigureEventType>;

export function emptyFigure(figureKey: string, position: number): FigureRow {
  return {
    figureKey,
    position,
    firstPosition: position,
    claims: [],
    articles: [],
    pending: null,
    subject: null,
    predicate: null,
    recipient: null,
    concept: null,
    unit: null,
    measure: null,
    currentStatementId: null,
    history: [],
    statementCount: 0,
    claimCount: 0,
    sourceCount: 0,
    conflictCount: 0,
  };
}

/** A figure's record of a `ClaimExtracted` at `position` (the fold's and a rebuild's gathering alike). */
export function claimRecord(data: ClaimExtracted, position: number): FigureClaim {
  const { figureKey: _key, ...claim } = data;
  // Events stored before these fields existed are read back as stored (schema version 1, not
  // parsed again): their defaults are applied here.
  return {
    ...claim,
    measure: claim.measure ?? null,
    change: claim.change ?? null,
    changeBy: claim.changeBy ?? null,
    changeUnit: claim.changeUnit ?? null,
    previous: claim.previous ?? null,
    period: claim.period ?? null,
    position,
  };
}

/** What a figure reads of an article's row: its references are made from these fields only. */
export type FigureArticleFacts = Pick<
  ArticleRow,
  'articleId' | 'url' | 'canonicalUrl' | 'siteName' | 'publishedAt' | 'feedIds' | 'duplicateOf'
> & { copies: readonly { articleId: string }[] };

/** Read access to the article facts figures need (`ProjectionLookup` is one). */
export interface FigureArticleLookup {
  article(articleId: string): FigureArticleFacts | null;
}

function refOf(
  article: FigureArticleFacts | null,
  articleId: string,
  claims: readonly FigureClaim[],
): FigureArticleRef {
  const claim = article?.url && article.siteName ? undefined : firstClaimOf(claims, articleId);
  return {
    articleId,
    url: article?.url ?? article?.canonicalUrl ?? claim?.url ?? null,
    siteName: article?.siteName ?? claim?.siteName ?? null,
    publishedAt: article?.publishedAt ?? claim?.publishedAt ?? null,
    feedId: article?.feedIds[0] ?? null,
    feedIds: article?.feedIds ?? [],
    duplicateOf: article?.duplicateOf
      ? {
          originalId: article.duplicateOf.originalId,
          directOriginalId: article.duplicateOf.directOriginalId,
          similarity: article.duplicateOf.similarity,
          method: article.duplicateOf.method,
        }
      : null,
    copyIds: article && !article.duplicateOf ? article.copies.map((c) => c.articleId) : [],
  };
}

function sameRef(a: FigureArticleRef, b: FigureArticleRef): boolean {
  return (
    a.url === b.url &&
    a.siteName === b.siteName &&
    a.publishedAt === b.publishedAt &&
    a.feedId === b.feedId &&
    sameList(a.feedIds, b.feedIds) &&
    sameList(a.copyIds, b.copyIds) &&
    a.duplicateOf?.originalId === b.duplicateOf?.originalId &&
    a.duplicateOf?.directOriginalId === b.duplicateOf?.directOriginalId &&
    a.duplicateOf?.similarity === b.duplicateOf?.similarity &&
    a.duplicateOf?.method === b.duplicateOf?.method
  );
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function indexOfRef(refs: readonly FigureArticleRef[], articleId: string): number {
  let lo = 0;
  let hi = refs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (refs[mid]!.articleId < articleId) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Re-reads from the articles projection the clusters (original and copies) of the given articles.
 * With `prune`, also drops references no claim needs any more (a verdict can move articles out).
 * Returns the same array when nothing changed, and the ids whose reference changed.
 */
export function refreshArticles(
  refs: readonly FigureArticleRef[],
  claims: readonly FigureClaim[],
  articleIds: readonly string[],
  lookup: FigureArticleLookup,
  prune: boolean,
): { refs: FigureArticleRef[]; changed: string[] } {
  let next = refs as FigureArticleRef[];
  const changed: string[] = [];
  const put = (ref: FigureArticleRef) => {
    const i = indexOfRef(next, ref.articleId);
    const old = next[i];
    if (old && old.articleId === ref.articleId) {
      if (sameRef(old, ref)) return;
      if (next === refs) next = [...refs];
      next[i] = ref;
    } else {
      if (next === refs) next = [...refs];
      next.splice(i, 0, ref);
    }
    changed.push(ref.articleId);
  };
  for (const id of articleIds) {
    const root = rootOf(lookup, id);
    const rootRow = lookup.article(root);
    put(refOf(lookup.article(id), id, claims));
    if (root !== id) put(refOf(rootRow, root, claims));
    if (rootRow && !rootRow.duplicateOf) {
      for (const c of rootRow.copies)
        if (c.articleId !== id) put(refOf(lookup.article(c.articleId), c.articleId, claims));
    }
  }
  if (prune) {
    const byId = new Map(next.map((r) => [r.articleId, r]));
    const needed = new Set<string>();
    for (const c of claims) {
      needed.add(c.articleId);
      const root = byId.get(c.articleId)?.duplicateOf?.originalId ?? c.articleId;
      needed.add(root);
      for (const copy of byId.get(root)?.copyIds ?? []) needed.add(copy);
    }
    if (next.some((r) => !needed.has(r.articleId))) {
      for (const r of next) if (!needed.has(r.articleId)) changed.push(r.articleId);
      next = next.filter((r) => needed.has(r.articleId));
    }
  }
  return { refs: next, changed };
}

const FULL: FigurePending = { full: true, addedClaimIds: [], removedClaimIds: [], articleIds: [] };

function withPending(row: FigureRow, delta: Partial<StatementDelta>): FigurePending {
  if (row.pending?.full || row.history.length === 0) return FULL;
  const p = row.pending ?? { full: false, addedClaimIds: [], removedClaimIds: [], articleIds: [] };
  const next = {
    full: false,
    addedClaimIds: delta.addedClaimIds?.length ? [...p.addedClaimIds, ...delta.addedClaimIds] : p.addedClaimIds,
    removedClaimIds: delta.removedClaimIds?.length
      ? [...p.removedClaimIds, ...delta.removedClaimIds]
      : p.removedClaimIds,
    articleIds: delta.articleIds?.length ? [...p.articleIds, ...delta.articleIds] : p.articleIds,
  };
  const size = next.addedClaimIds.length + next.removedClaimIds.length + next.articleIds.length;
  return size > PENDING_LIMIT ? FULL : next;
}

function evolveFigure(
  row: FigureRow | null,
  event: FigureEvent,
  key: string,
  lookup: ProjectionLookup,
): FigureRow | null {
  switch (event.type) {
    case 'ClaimExtracted': {
      const base = row ?? emptyFigure(key, event.position);
      const claim = claimRecord(event.data, event.position);
      const { claims, removed } = withClaim(base.claims, claim);
      const articles = refreshArticles(base.articles, claims, [claim.articleId], lookup, removed.length > 0);
      return {
        ...base,
        claims,
        articles: articles.refs,
        pending: withPending(base, {
          addedClaimIds: [claim.claimId],
          removedClaimIds: removed.filter((id) => id !== claim.claimId),
          articleIds: articles.changed,
        }),
      };
    }
    case 'ArticleDiscovered':
    case 'ArticleListedByFeed':
    case 'ArticleRevised':
    case 'ArticleExtracted': {
      if (!row) return null;
      const articles = refreshArticles(row.articles, row.claims, [event.data.articleId], lookup, false);
      if (articles.changed.length === 0) return row;
      return { ...row, articles: articles.refs, pending: withPending(row, { articleIds: articles.changed }) };
    }
    case 'ArticleDuplicateDetected': {
      if (!row) return null;
      const { articleId, originalId } = event.data;
      const ids = [articleId, originalId];
      const formerRoot = row.articles[indexOfRef(row.articles, articleId)];
      if (formerRoot?.articleId === articleId && formerRoot.duplicateOf) ids.push(formerRoot.duplicateOf.originalId);
      const articles = refreshArticles(row.articles, row.claims, ids, lookup, true);
      // A verdict routed here is one of the figure's changes (its position) even when no reference moved.
      if (articles.changed.length === 0) return { ...row };
      return { ...row, articles: articles.refs, pending: withPending(row, { articleIds: articles.changed }) };
    }
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

/**
 * A figure's position is its last claim or duplicate verdict, the changes `FigureChangeFeed` streams;
 * an article event that refreshes a reference (an outlet, a feed, a date) does not move it. So the
 * position can be known without folding references, which a rebuild gathers once at the end.
 */
function figureChangeMovesPosition(event: FigureEvent): boolean {
  return event.type === 'ClaimExtracted' || event.type === 'ArticleDuplicateDetected';
}

/** The figures a change to this article's data touches: those with a claim from its cluster. */
function figuresOfCluster(lookup: ProjectionLookup, articleId: string): string[] {
  const article = lookup.article(articleId);
  const root = lookup.article(rootOf(lookup, articleId));
  return unionSorted(root?.clusterFigureKeys ?? [], article?.figureKeys ?? []);
}

export interface FiguresOptions extends StatementOptions {}

/**
 * Figures: one row per figure key with its statements (claims grouped as in `deriveStatements`),
 * the current one, the history, and per statement its sources with copies credited to originals.
 */
export function figuresProjection(options: FiguresOptions = {}): Projection<FigureRow, FigureEventType> {
  const statementOptions: StatementOptions = {
    statementWindowDays: options.statementWindowDays ?? DEFAULT_STATEMENT_WINDOW_DAYS,
  };
  return {
    name: 'figures',
    // 2: repetitions inside an article join the statement of the named speaker they repeat.
    // 3: collective speakers for the same state or organisation ("US officials", "White House") are one voice.
    // 4: a figure's position is its last claim or duplicate verdict (article events refresh references only).
    // 5: figures of any beat: measure, period (the timeline and the current figure follow it), a
    //    level's stated change, hedged statements not current while a statement stands.
    // 6: a statement about a period open at its end is a running total as of its statement.
    // 7: a plain number has no qualifier (null, was "exactly": no source said so).
    version: 7,
    handles: [
      'ClaimExtracted',
      'ArticleDiscovered',
      'ArticleListedByFeed',
      'ArticleRevised',
      'ArticleExtracted',
      'ArticleDuplicateDetected',
    ],
    keysOf(event, lookup) {
      switch (event.type) {
        case 'ClaimExtracted':
          return [event.data.figureKey];
        case 'ArticleDuplicateDetected': {
          if (!duplicateVerdictApplies(event, lookup)) return [];
          const { articleId, originalId } = event.data;
          return unionSorted(figuresOfCluster(lookup, articleId), figuresOfCluster(lookup, originalId));
        }
        default:
          return figuresOfCluster(lookup, event.data.articleId);
      }
    },
    evolve: evolveFigure,
    movesPosition: figureChangeMovesPosition,
    finalize(row) {
      if (!row.pending && row.history.length > 0) return row;
      const refs = new Map(row.articles.map((r) => [r.articleId, r]));
      const { history, current } =
        row.pending && !row.pending.full && row.history.length > 0
          ? updateStatements(row.history, row.claims, refs, row.pending, statementOptions)
          : deriveStatements(row.claims, refs, statementOptions);
      return {
        ...row,
        pending: null,
        subject: current?.subject ?? null,
        predicate: current?.predicate ?? null,
        recipient: current?.recipient ?? null,
        concept: current?.concept ?? null,
        unit: current?.unit ?? null,
        measure: current?.measure ?? null,
        currentStatementId: current?.statementId ?? null,
        history,
        statementCount: history.length,
        claimCount: row.claims.length,
        sourceCount: new Set(history.flatMap((s) => s.sources.map((src) => src.articleId))).size,
        conflictCount: history.reduce((n, s) => n + s.conflicts.length, 0),
      };
    },
  };
}

export { DEFAULT_STATEMENT_WINDOW_DAYS };
