import type { HardDoc } from './hardSet.ts';

/** What the index answered for one document (the fields scoring needs). */
export type StreamVerdict =
  | { verdict: 'original'; replaced?: { id: string; similarity: number } }
  | { verdict: 'duplicate'; originalId: string; similarity: number };

export interface FalseLink {
  copy: HardDoc;
  original: HardDoc;
  similarity: number;
}

export interface StreamScore {
  /** Links "copy of" the index made, right and wrong. */
  links: number;
  rightLinks: number;
  /** Documents whose story appeared earlier in the stream, and how many of them were linked to it. */
  copies: number;
  found: number;
  precision: number;
  recall: number;
  /** Copies found, by kind of copy. */
  byKind: Map<string, { copies: number; found: number }>;
  /** Wrong links, by what the two documents have in common. */
  falseByRelation: Map<string, number>;
  falseLinks: FalseLink[];
  missed: HardDoc[];
  /** Similarities of the right links. */
  similarities: number[];
}

function relation(a: HardDoc, b: HardDoc): string {
  const tables = a.kind.startsWith('table') && b.kind.startsWith('table');
  if (tables) return a.host === b.host ? 'tables, same outlet' : 'tables, other outlets';
  return a.host === b.host ? 'different stories, same outlet' : 'different stories, other outlets';
}

/**
 * Scores verdicts given in stream order. A duplicate verdict links the document to its original; an
 * original that replaced an earlier-indexed copy links that copy to it. A link is right when both
 * documents are versions of one story; a copy is found when it is linked to a version of its story.
 */
export function scoreStream(docs: readonly HardDoc[], verdicts: readonly StreamVerdict[]): StreamScore {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const seenStories = new Set<string>();
  const isCopy = new Set<string>();
  for (const d of docs) {
    if (seenStories.has(d.story)) isCopy.add(d.id);
    seenStories.add(d.story);
  }
  const linksOf: [HardDoc, HardDoc, number][] = [];
  verdicts.forEach((v, i) => {
    const d = docs[i]!;
    if (v.verdict === 'duplicate') linksOf.push([d, byId.get(v.originalId)!, v.similarity]);
    else if (v.replaced) linksOf.push([byId.get(v.replaced.id)!, d, v.replaced.similarity]);
  });
  const found = new Set<string>();
  const similarities: number[] = [];
  const falseLinks: FalseLink[] = [];
  const falseByRelation = new Map<string, number>();
  for (const [copy, original, similarity] of linksOf) {
    if (copy.story === original.story) {
      similarities.push(similarity);
      found.add(copy.id);
      found.add(original.id);
    } else {
      falseLinks.push({ copy, original, similarity });
      const k = relation(copy, original);
      falseByRelation.set(k, (falseByRelation.get(k) ?? 0) + 1);
    }
  }
  const byKind = new Map<string, { copies: number; found: number }>();
  const missed: HardDoc[] = [];
  let foundCopies = 0;
  for (const d of docs) {
    if (!isCopy.has(d.id)) continue;
    const k = byKind.get(d.kind) ?? { copies: 0, found: 0 };
    k.copies++;
    if (found.has(d.id)) {
      k.found++;
      foundCopies++;
    } else missed.push(d);
    byKind.set(d.kind, k);
  }
  const rightLinks = linksOf.length - falseLinks.length;
  return {
    links: linksOf.length,
    rightLinks,
    copies: isCopy.size,
    found: foundCopies,
    precision: linksOf.length === 0 ? 1 : rightLinks / linksOf.length,
    recall: isCopy.size === 0 ? 1 : foundCopies / isCopy.size,
    byKind,
    falseByRelation,
    falseLinks,
    missed,
    similarities,
  };
}

/** Several draws' scores as one (counts added). */
export function pooled(scores: readonly StreamScore[]): StreamScore {
  const byKind = new Map<string, { copies: number; found: number }>();
  const falseByRelation = new Map<string, number>();
  for (const s of scores) {
    for (const [k, v] of s.byKind) {
      const t = byKind.get(k) ?? { copies: 0, found: 0 };
      byKind.set(k, { copies: t.copies + v.copies, found: t.found + v.found });
    }
    for (const [k, v] of s.falseByRelation) falseByRelation.set(k, (falseByRelation.get(k) ?? 0) + v);
  }
  const sum = (f: (s: StreamScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  const links = sum((s) => s.links);
  const rightLinks = sum((s) => s.rightLinks);
  const copies = sum((s) => s.copies);
  const found = sum((s) => s.found);
  return {
    links,
    rightLinks,
    copies,
    found,
    precision: links === 0 ? 1 : rightLinks / links,
    recall: copies === 0 ? 1 : found / copies,
    byKind,
    falseByRelation,
    falseLinks: scores.flatMap((s) => s.falseLinks),
    missed: scores.flatMap((s) => s.missed),
    similarities: scores.flatMap((s) => s.similarities),
  };
}
