import {
  changeMatches,
  entityMatches,
  measureMatches,
  periodMatches,
  predicateMatches,
  speakerMatches,
  statedMatches,
  unitMatches,
  valueMatches,
} from './fieldMatch.ts';
import type { GoldClaim } from './newsClaims.ts';
import type { OutputClaim } from './outputClaim.ts';

export const FIELDS = [
  'subject',
  'predicate',
  'measure',
  'bound',
  'unit',
  'change',
  'period',
  'hedged',
  'speaker',
  'statedAt',
] as const;
export type Field = (typeof FIELDS)[number];

/** `figure`: a real figure of the text; `misread`: a real figure with its value or unit read wrong; `junk`: no figure at all. */
export type Verdict = 'figure' | 'misread' | 'junk';

/** A person's verdict on a system claim that matches no gold claim: a real figure, or not a figure at all. */
export interface Judgment {
  article: string;
  value: string;
  sentence: string;
  verdict: Verdict;
  note?: string;
}

export function judgmentKey(article: string, value: string, sentence: string): string {
  return `${article}|${value}|${sentence.slice(0, 80)}`;
}

export function valueText(c: { value: number | null; range: [number, number] | null }): string {
  return c.value !== null ? String(c.value) : c.range ? `${c.range[0]}-${c.range[1]}` : '?';
}

export function fieldRight(
  f: Field,
  g: GoldClaim,
  o: OutputClaim,
  sameEntity?: (a: string, b: string) => boolean,
): boolean {
  switch (f) {
    case 'subject':
      return entityMatches(g.subject, o.subject, sameEntity);
    case 'predicate':
      return predicateMatches(g.predicate, o.predicate);
    case 'measure':
      return measureMatches(g.measure, o.measure);
    case 'bound':
      return g.bound === o.bound;
    case 'unit':
      return unitMatches(g.unit, o.unit);
    case 'change':
      return changeMatches(g.change, o.change);
    case 'period':
      return periodMatches(g.period, o.period);
    case 'hedged':
      return g.hedged === o.hedged;
    case 'speaker':
      return speakerMatches(g.speaker, o.speaker);
    case 'statedAt':
      return statedMatches(g.statedAt, o.statedAt);
  }
}

/** Strict: value, bound, unit, subject and measure right. */
export function strictlyRight(g: GoldClaim, o: OutputClaim, sameEntity?: (a: string, b: string) => boolean): boolean {
  return (
    g.bound === o.bound &&
    unitMatches(g.unit, o.unit) &&
    entityMatches(g.subject, o.subject, sameEntity) &&
    measureMatches(g.measure, o.measure)
  );
}

export interface Pair {
  gold: GoldClaim;
  output: OutputClaim;
}

const overlaps = (a: [number, number], b: [number, number]): boolean => a[0] < b[1] && b[0] < a[1];

/**
 * Pairs gold and system claims one to one: a pair needs the same article, overlapping sentences and
 * the value read right; among candidates the pair with more fields right wins.
 */
export function matchClaims(
  gold: GoldClaim[],
  output: OutputClaim[],
  sameEntity?: (a: string, b: string) => boolean,
): Pair[] {
  const candidates: Array<{ g: number; o: number; score: number }> = [];
  gold.forEach((g, gi) => {
    output.forEach((o, oi) => {
      if (o.article !== g.article || !overlaps(o.sentenceSpan, g.sentenceSpan) || !valueMatches(g, o)) return;
      const score = FIELDS.filter((f) => fieldRight(f, g, o, sameEntity)).length;
      candidates.push({ g: gi, o: oi, score });
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.g - b.g || a.o - b.o);
  const usedG = new Set<number>();
  const usedO = new Set<number>();
  const pairs: Pair[] = [];
  for (const c of candidates) {
    if (usedG.has(c.g) || usedO.has(c.o)) continue;
    usedG.add(c.g);
    usedO.add(c.o);
    pairs.push({ gold: gold[c.g]!, output: output[c.o]! });
  }
  return pairs;
}

export interface ClaimsScore {
  articles: number;
  gold: number;
  output: number;
  matched: number;
  strict: number;
  judgedFigure: number;
  judgedJunk: number;
  judgedMisread: number;
  unjudged: number;
  recallLenient: number;
  recallStrict: number;
  /** (matched + judged real figures) / output; unjudged claims count as not real. */
  precision: number;
  junkRate: number;
  /** Per field: right / matched claims the field applies to. */
  fields: Record<Field, { right: number; of: number }>;
  pairs: Pair[];
  unmatched: Array<{ claim: OutputClaim; verdict: Verdict | null; note?: string }>;
  missed: GoldClaim[];
}

export function scoreClaims(
  articles: number,
  gold: GoldClaim[],
  output: OutputClaim[],
  judgments: ReadonlyMap<string, Judgment>,
  sameEntity?: (a: string, b: string) => boolean,
): ClaimsScore {
  const pairs = matchClaims(gold, output, sameEntity);
  const matchedOut = new Set(pairs.map((p) => p.output));
  const matchedGold = new Set(pairs.map((p) => p.gold));
  const fields = Object.fromEntries(FIELDS.map((f) => [f, { right: 0, of: 0 }])) as ClaimsScore['fields'];
  for (const p of pairs) {
    for (const f of FIELDS) {
      // Speaker accuracy is over claims that have one; every other field over all matched claims.
      if (f === 'speaker' && (p.gold.speaker === null || p.gold.speaker.toLowerCase() === 'report')) continue;
      fields[f].of++;
      if (fieldRight(f, p.gold, p.output, sameEntity)) fields[f].right++;
    }
  }
  const unmatched = output
    .filter((o) => !matchedOut.has(o))
    .map((claim) => {
      const j = judgments.get(judgmentKey(claim.article, valueText(claim), claim.sentence));
      return { claim, verdict: j?.verdict ?? null, ...(j?.note ? { note: j.note } : {}) };
    });
  const judgedFigure = unmatched.filter((u) => u.verdict === 'figure').length;
  const judgedJunk = unmatched.filter((u) => u.verdict === 'junk').length;
  const judgedMisread = unmatched.filter((u) => u.verdict === 'misread').length;
  const strict = pairs.filter((p) => strictlyRight(p.gold, p.output, sameEntity)).length;
  const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);
  return {
    articles,
    gold: gold.length,
    output: output.length,
    matched: pairs.length,
    strict,
    judgedFigure,
    judgedJunk,
    judgedMisread,
    unjudged: unmatched.length - judgedFigure - judgedJunk - judgedMisread,
    recallLenient: ratio(pairs.length, gold.length),
    recallStrict: ratio(strict, gold.length),
    precision: ratio(pairs.length + judgedFigure, output.length),
    junkRate: ratio(judgedJunk, output.length),
    fields,
    pairs,
    unmatched,
    missed: gold.filter((g) => !matchedGold.has(g)),
  };
}
