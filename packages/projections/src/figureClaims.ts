import type { StoredEvent } from '@tally/events';
import {
  emptyFigure,
  type FigureArticleFacts,
  type FigureArticleLookup,
  type FigureRow,
  refreshArticles,
  withClaim,
} from './figures.ts';
import type { EventOf, Projection } from './Projection.ts';
import type { FigureClaim } from './statements.ts';

/**
 * What a rebuild keeps of a figure while it reads the log: its key and the positions of its first
 * and last change (a claim or a duplicate verdict routed to it, as the figures projection routes
 * them). The claims are gathered beside it (`FigureClaims`), the article references read once at
 * the end: `FigureClaims.row` makes the figure's row from the three.
 */
export interface FigureMark {
  figureKey: string;
  position: number;
  firstPosition: number;
}

/**
 * The figures projection as a rebuild folds it: marks instead of rows (same name, version, keys and
 * positions). Folding each claim and each article event of a cluster into a figure's row rebuilt
 * the row immutably every time (claims, references, pending changes): more than half of a
 * rebuild's folding, and most of what survived its young-generation collections.
 */
export function figureMarksProjection(
  figures: Projection<FigureRow>,
): Projection<FigureMark, 'ClaimExtracted' | 'ArticleDuplicateDetected'> {
  const keysOf = figures.keysOf as Projection<FigureMark, 'ClaimExtracted' | 'ArticleDuplicateDetected'>['keysOf'];
  return {
    name: 'figures',
    version: figures.version,
    handles: ['ClaimExtracted', 'ArticleDuplicateDetected'],
    keysOf,
    evolve(row, event, key) {
      // The caller stamps the event's position on the new object.
      if (event.type === 'ClaimExtracted') {
        return row ? { ...row } : { figureKey: key, position: event.position, firstPosition: event.position };
      }
      return row ? { ...row } : null;
    },
    finalize: (row) => row,
  };
}

/** The fields of an article row a figure reads (see `FigureArticleFacts`), or null when it reads none. */
export function figureArticleFacts(
  row: FigureArticleFacts & { figureKeys: readonly string[]; clusterFigureKeys: readonly string[] },
): FigureArticleFacts | null {
  // Only articles with claims, originals of such clusters and copies are ever looked up.
  if (
    row.figureKeys.length === 0 &&
    row.clusterFigureKeys.length === 0 &&
    !row.duplicateOf &&
    row.copies.length === 0
  ) {
    return null;
  }
  return {
    articleId: row.articleId,
    url: row.url,
    canonicalUrl: row.canonicalUrl,
    siteName: row.siteName,
    publishedAt: row.publishedAt,
    feedIds: row.feedIds,
    duplicateOf: row.duplicateOf,
    copies: row.copies.map((c) => ({ articleId: c.articleId })),
  };
}

/**
 * Whether no claim of `claims` (in log order) supersedes another: every claim id comes once, and
 * each article's claims share one extractor version. Then `withClaim` only appends, one claim after
 * the other, and the list is the figure's claims as it is: the common case, checked in one pass
 * instead of copying the list once per claim.
 */
function noneSupersedes(claims: readonly FigureClaim[]): boolean {
  const ids = new Set<string>();
  const versions = new Map<string, string>();
  for (const c of claims) {
    if (ids.has(c.claimId)) return false;
    ids.add(c.claimId);
    const version = versions.get(c.articleId);
    if (version === undefined) versions.set(c.articleId, c.extractorVersion);
    else if (version !== c.extractorVersion) return false;
  }
  return true;
}

/**
 * The claims of every figure, gathered in log order while a rebuild reads the log, and made into
 * figure rows at the end. `row` gives exactly the row the figures projection folds from the same
 * log (pinned by `figureClaims.spec.ts`): the superseding rules (the same claim id again replaces
 * the claim; a claim of another extractor version replaces the article's claims) are applied in
 * order, and the references are those the figure's claims need, read from the articles as they
 * ended. Live folding keeps them current as it goes; nothing else removes a reference.
 */
export class FigureClaims {
  readonly #claims = new Map<string, FigureClaim[]>();
  #count = 0;

  /** Claims gathered so far. */
  get size(): number {
    return this.#count;
  }

  /** Gathers the claims among `events` (in log order). */
  addEvents(events: readonly StoredEvent[]): void {
    for (const event of events) if (event.type === 'ClaimExtracted') this.add(event);
  }

  add(event: EventOf<'ClaimExtracted'>): void {
    const { figureKey, ...claim } = event.data;
    this.addClaim(figureKey, { ...claim, position: event.position });
  }

  addClaim(figureKey: string, claim: FigureClaim): void {
    const list = this.#claims.get(figureKey);
    if (list) list.push(claim);
    else this.#claims.set(figureKey, [claim]);
    this.#count++;
  }

  /**
   * The figure's row as the figures projection folds it, not yet finalized (`finalize` derives the
   * statements), for the figure `mark` describes.
   */
  row(mark: FigureMark, lookup: FigureArticleLookup): FigureRow {
    const gathered = this.#claims.get(mark.figureKey) ?? [];
    let claims: FigureClaim[];
    if (noneSupersedes(gathered)) claims = gathered.slice();
    else {
      claims = [];
      for (const claim of gathered) claims = withClaim(claims, claim).claims;
    }
    const articleIds: string[] = [];
    const seen = new Set<string>();
    for (const c of claims) {
      if (seen.has(c.articleId)) continue;
      seen.add(c.articleId);
      articleIds.push(c.articleId);
    }
    const { refs } = refreshArticles([], claims, articleIds, lookup, false);
    return { ...emptyFigure(mark.figureKey, mark.firstPosition), position: mark.position, claims, articles: refs };
  }

  clear(): void {
    this.#claims.clear();
    this.#count = 0;
  }
}
