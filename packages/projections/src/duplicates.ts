import type { CopyRef } from './ArticleRow.ts';
import { duplicateVerdictApplies, rootOf } from './articles.ts';
import type { Projection } from './Projection.ts';

/**
 * One cluster of near-identical reports: the original (the earliest published copy, as the
 * duplicate detector decided) and every copy credited to it. Copies of copies are flattened onto
 * the root. The outlet, URL and title of each member are read from the articles projection when
 * listed, so they are never stale here.
 */
export interface DuplicateClusterRow {
  originalId: string;
  position: number;
  firstPosition: number;
  copies: CopyRef[];
}

function sameCopies(a: readonly CopyRef[], b: readonly CopyRef[]): boolean {
  return (
    a.length === b.length &&
    a.every((c, i) => {
      const d = b[i]!;
      return (
        c.articleId === d.articleId &&
        c.directOriginalId === d.directOriginalId &&
        c.similarity === d.similarity &&
        c.method === d.method &&
        c.position === d.position
      );
    })
  );
}

/**
 * Duplicates: clusters keyed by their original. The cluster is the original's `copies` in the
 * articles projection (which this fold reads after it applied the same verdict); a cluster whose
 * original became a copy itself is merged into the new root and deleted.
 */
export const duplicatesProjection: Projection<DuplicateClusterRow, 'ArticleDuplicateDetected'> = {
  name: 'duplicates',
  version: 1,
  handles: ['ArticleDuplicateDetected'],
  keysOf(event, lookup) {
    if (!duplicateVerdictApplies(event, lookup)) return [];
    const { articleId, originalId } = event.data;
    const keys = new Set([rootOf(lookup, originalId)]);
    const copy = lookup.article(articleId);
    if (copy?.duplicateOf) keys.add(copy.duplicateOf.originalId);
    if (copy && copy.copies.length > 0) keys.add(articleId);
    return [...keys];
  },
  evolve(row, event, key, lookup) {
    const original = lookup.article(key);
    const copies = original && !original.duplicateOf ? original.copies : [];
    if (copies.length === 0) return null;
    if (row && sameCopies(row.copies, copies)) return row;
    return { originalId: key, position: event.position, firstPosition: row?.firstPosition ?? event.position, copies };
  },
  finalize: (row) => row,
};
