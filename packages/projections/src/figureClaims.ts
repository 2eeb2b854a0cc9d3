import type { ClaimExtracted, StoredEvent } from '@tally/events';
import { withClaim } from './claimList.ts';
import {
  claimRecord,
  emptyFigure,
  type FigureArticleFacts,
  type FigureArticleLookup,
  type FigureRow,
  refreshArticles,
} from './figures.ts';
import type { EventOf, Projection } from './Projection.ts';
import type { FigureClaim } from './Statement.ts';

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
 * One figure's claims as gathered, in log order, and whether any of them supersedes another: a
 * claim id that came before, or an article's claims of two extractor versions. While none does,
 * `withClaim` would only append them one after the other, and the list is the figure's claims as
 * it is: the common case, known as the claims come instead of checked (or the list copied once per
 * claim) when the rows are made.
 */
class Gathered {
  readonly claims: FigureClaim[] = [];
  supersedes = false;
  #ids: Set<string> | null = new Set();
  #versions: Map<string, string> | null = new Map();

  add(claim: FigureClaim): void {
    this.claims.push(claim);
    if (this.supersedes) return;
    const version = this.#versions!.get(claim.articleId);
    if (this.#ids!.has(claim.claimId) || (version !== undefined && version !== claim.extractorVersion)) {
      this.supersedes = true;
      this.#ids = null;
      this.#versions = null;
      return;
    }
    this.#ids!.add(claim.claimId);
    if (version === undefined) this.#versions!.set(claim.articleId, claim.extractorVersion);
  }
}

/**
 * The claims of every figure, gathered in log order while a rebuild reads the log, and made into
 * figure rows at the end. `row` gives exactly the row the figures projection folds from the same
 * log (pinned by `figureClaims.unit.spec.ts`): the superseding rules (the same claim id again replaces
 * the claim; a claim of another extractor version replaces the article's claims) are applied in
 * order, and the references are those the figure's claims need, read from the articles as they
 * ended. Live folding keeps them current as it goes; nothing else removes a reference.
 */
export class FigureClaims {
  readonly #figures = new Map<string, Gathered>();
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
    this.addExtracted(event.data, event.position);
  }

  /** Gathers a `ClaimExtracted`'s data, stored at `position`. */
  addExtracted(data: ClaimExtracted, position: number): void {
    let figure = this.#figures.get(data.figureKey);
    if (!figure) {
      figure = new Gathered();
      this.#figures.set(data.figureKey, figure);
    }
    figure.add(claimRecord(data, position));
    this.#count++;
  }

  /**
   * The figure's row as the figures projection folds it, not yet finalized (`finalize` derives the
   * statements), for the figure `mark` describes.
   */
  row(mark: FigureMark, lookup: FigureArticleLookup): FigureRow {
    const gathered = this.#figures.get(mark.figureKey);
    let claims: FigureClaim[] = [];
    if (gathered && !gathered.supersedes) claims = gathered.claims.slice();
    else for (const claim of gathered?.claims ?? []) claims = withClaim(claims, claim).claims;
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
    this.#figures.clear();
    this.#count = 0;
  }
}
