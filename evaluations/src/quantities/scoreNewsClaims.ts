import type { GoldClaim } from '../claims/newsClaims.ts';
import { sameNumber, unitsAgree } from './recognizersConventions.ts';
import type { Extract, ScoredQuantity } from './scoreRecognizers.ts';

/** Recall over gold claims: how many have a quantity in their sentence that agrees on each field. */
export interface Recall {
  right: number;
  of: number;
  recall: number;
}

export interface NewsClaimsMiss {
  gid: string;
  sentence: string;
  gold: {
    value: number | null;
    range: [number, number] | null;
    unit: string | null;
    measure: string | null;
    /** The gold claim's direction, and the change the reader should carry (see `expectedChange`). */
    change: 'up' | 'down' | null;
    expectedChange: 'up' | 'down' | null;
  };
  /** The quantity of the sentence that agrees on the value, if any; else every quantity found. */
  predicted: ScoredQuantity[];
  field: 'value' | 'unit' | 'change' | 'concept';
}

export interface NewsClaimsScore {
  claims: number;
  value: Recall;
  valueUnit: Recall;
  /**
   * A value-equal quantity that is read as a change in the gold claim's direction when the claim is
   * only a change ("exports rose 2%"), and as no change otherwise (see `expectedChange`).
   */
  valueChange: Recall;
  /** A value-equal quantity with the gold claim's direction as news-claims writes it, levels included (for reference). */
  valueDirection: Recall;
  /** Over gold claims with a `measure`: a value-equal quantity whose concept shares a content word with it. */
  concept: Recall;
  /** The same, where a count without a concept is taken to measure its counted noun (its unit). */
  conceptOrCounted: Recall;
  misses: NewsClaimsMiss[];
}

function recall(right: number, of: number): Recall {
  return { right, of, recall: of === 0 ? 0 : right / of };
}

/** Percentages are printed to a tenth ("one in three" is 33.3 %): agree within half of that. */
function valueAgrees(g: GoldClaim, q: ScoredQuantity): boolean {
  if (g.range !== null || q.range !== null) {
    if (g.range === null || q.range === null) return false;
    return sameNumber(g.range[0], q.range[0]) && sameNumber(g.range[1], q.range[1]);
  }
  if (g.value === null || q.value === null) return false;
  if (g.unit === '%' && q.unit === '%') return Math.abs(g.value - q.value) < 0.05 + 1e-9;
  return sameNumber(g.value, q.value);
}

const STOP = new Set(['the', 'a', 'an', 'of', 'for', 'in', 'and', 'or', 'to', 'on', 'by', 'its', 'their', 'per']);

function contentWords(s: string): Set<string> {
  return new Set(
    s
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w !== '' && !STOP.has(w))
      .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w)),
  );
}

/** The concept names what the measure names when they share a content word ("annual inflation" ~ "inflation rate"). */
export function conceptMatches(measure: string, concept: string | null | undefined): boolean {
  if (!concept) return false;
  const m = contentWords(measure);
  for (const w of contentWords(concept)) if (m.has(w)) return true;
  return false;
}

/**
 * The change a quantity of the reader should carry for a gold claim. news-claims gives a claim the
 * direction of its move whether the figure is the move itself ("EU exports rose 2%": value 2, change
 * up by 2) or the level it led to ("rose 3.5% to $27.2bn": value 27.2bn, change up by 3.5 %). To the
 * reader `change` says that the number is an amount of increase or decrease, not a level (`Quantity`
 * in `@tally/claims`); pairing a level with the move before it is the claim layer's work, scored by
 * eval:claims. So a claim whose value is its change's size (the README: "`value` repeats it") needs
 * that direction, and a level needs no change.
 */
export function expectedChange(g: GoldClaim): 'up' | 'down' | null {
  const c = g.change;
  if (c === null || c.by === null || g.value === null) return null;
  return sameNumber(g.value, c.by) ? c.direction : null;
}

/**
 * Scores an extractor on the `value`, `unit` and `measure` fields of news-claims gold claims: each
 * gold claim's sentence is read alone, and the claim counts when one of the sentence's quantities
 * has its value (value+unit: and its unit; concept: and a concept sharing a word with `measure`).
 */
export function scoreNewsClaims(gold: GoldClaim[], extract: Extract): NewsClaimsScore {
  let value = 0;
  let valueUnit = 0;
  let valueChange = 0;
  let valueDirection = 0;
  let concept = 0;
  let conceptOrCounted = 0;
  let withMeasure = 0;
  const misses: NewsClaimsMiss[] = [];
  const cache = new Map<string, ScoredQuantity[]>();
  for (const g of gold) {
    let found = cache.get(g.sentence);
    if (!found) {
      found = extract(g.sentence);
      cache.set(g.sentence, found);
    }
    const same = found.filter((q) => valueAgrees(g, q));
    const direction = g.change?.direction ?? null;
    const goldView = {
      value: g.value,
      range: g.range,
      unit: g.unit,
      measure: g.measure,
      change: direction,
      expectedChange: expectedChange(g),
    };
    if (g.measure) withMeasure++;
    if (same.length === 0) {
      misses.push({ gid: g.gid, sentence: g.sentence, gold: goldView, predicted: found, field: 'value' });
      continue;
    }
    value++;
    if (same.some((q) => unitsAgree(g.unit, q.unit))) valueUnit++;
    else misses.push({ gid: g.gid, sentence: g.sentence, gold: goldView, predicted: same, field: 'unit' });
    if (same.some((q) => (q.change ?? null) === direction)) valueDirection++;
    const expected = expectedChange(g);
    if (same.some((q) => (q.change ?? null) === expected)) valueChange++;
    else misses.push({ gid: g.gid, sentence: g.sentence, gold: goldView, predicted: same, field: 'change' });
    if (g.measure) {
      if (same.some((q) => conceptMatches(g.measure!, q.concept))) concept++;
      else misses.push({ gid: g.gid, sentence: g.sentence, gold: goldView, predicted: same, field: 'concept' });
      const counted = (q: ScoredQuantity): string | null | undefined =>
        q.concept ?? (q.kind === 'count' ? q.unit : null);
      if (same.some((q) => conceptMatches(g.measure!, counted(q)))) conceptOrCounted++;
    }
  }
  return {
    claims: gold.length,
    value: recall(value, gold.length),
    valueUnit: recall(valueUnit, gold.length),
    valueChange: recall(valueChange, gold.length),
    valueDirection: recall(valueDirection, gold.length),
    concept: recall(concept, withMeasure),
    conceptOrCounted: recall(conceptOrCounted, withMeasure),
    misses,
  };
}
