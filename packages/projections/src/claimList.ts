import type { FigureClaim } from './Statement.ts';

/**
 * Where a lineage of claims arrays keeps its claims: each array of the lineage extends the one
 * before by one claim (`appendClaim`), so one index serves them all, an array of length `n` using
 * the entries below `n`. Only the longest array (`length`) may be extended sharing the index; any
 * other new array gets an index of its own when first asked. Without it every claim scanned all
 * the figure's claims: running stories hold thousands, and that scan was most of a rebuild's time.
 */
interface ClaimIndex {
  length: number;
  byClaimId: Map<string, number[]>;
  byArticle: Map<string, number[]>;
}

const claimIndexes = new WeakMap<readonly FigureClaim[], ClaimIndex>();

function addToIndex(index: Map<string, number[]>, key: string, at: number): void {
  const list = index.get(key);
  if (list) list.push(at);
  else index.set(key, [at]);
}

function claimIndexOf(claims: readonly FigureClaim[]): ClaimIndex {
  let index = claimIndexes.get(claims);
  if (!index) {
    index = { length: claims.length, byClaimId: new Map(), byArticle: new Map() };
    for (let i = 0; i < claims.length; i++) {
      addToIndex(index.byClaimId, claims[i]!.claimId, i);
      addToIndex(index.byArticle, claims[i]!.articleId, i);
    }
    claimIndexes.set(claims, index);
  }
  return index;
}

/** Ids of the claims `claim` replaces (same id, or its article's claims of another extractor version), in order. */
function supersededBy(claims: readonly FigureClaim[], claim: FigureClaim): string[] {
  if (claims.length === 0) return [];
  const index = claimIndexOf(claims);
  const at: number[] = [];
  for (const i of index.byClaimId.get(claim.claimId) ?? []) {
    if (i < claims.length && claims[i]!.claimId === claim.claimId) at.push(i);
  }
  for (const i of index.byArticle.get(claim.articleId) ?? []) {
    const c = claims[i];
    if (i < claims.length && c!.articleId === claim.articleId && c!.extractorVersion !== claim.extractorVersion) {
      at.push(i);
    }
  }
  if (at.length === 0) return [];
  return [...new Set(at)].sort((a, b) => a - b).map((i) => claims[i]!.claimId);
}

/** The first of the claims from `articleId`, as `claims.find` would give it. */
export function firstClaimOf(claims: readonly FigureClaim[], articleId: string): FigureClaim | undefined {
  if (claims.length === 0) return undefined;
  for (const i of claimIndexOf(claims).byArticle.get(articleId) ?? []) {
    // Indices are ascending: the first one inside this array is the first claim.
    if (i < claims.length && claims[i]!.articleId === articleId) return claims[i];
  }
  return undefined;
}

/** `[...claims, claim]`, sharing the index of `claims` when it is the longest of its lineage. */
function appendClaim(claims: readonly FigureClaim[], claim: FigureClaim): FigureClaim[] {
  const next = [...claims, claim];
  const index = claimIndexes.get(claims);
  if (index && index.length === claims.length) {
    index.length = next.length;
    addToIndex(index.byClaimId, claim.claimId, claims.length);
    addToIndex(index.byArticle, claim.articleId, claims.length);
    claimIndexes.set(next, index);
  }
  return next;
}

/**
 * The claims after `claim`: a re-analysis with another extractor version supersedes the article's
 * older claims; the same claim id again replaces the claim; the claim goes last. Also the ids it
 * removed. The figures fold and a rebuild's `FigureClaims` both keep a figure's claims this way.
 */
export function withClaim(
  claims: readonly FigureClaim[],
  claim: FigureClaim,
): { claims: FigureClaim[]; removed: string[] } {
  const removed = supersededBy(claims, claim);
  return {
    claims:
      removed.length > 0 ? [...claims.filter((c) => !removed.includes(c.claimId)), claim] : appendClaim(claims, claim),
    removed,
  };
}
