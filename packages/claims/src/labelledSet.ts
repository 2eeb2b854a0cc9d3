import { readFileSync } from 'node:fs';
import { singularize } from './singularize.ts';
import type { Bound, Quantity } from './types.ts';

/**
 * The labelled sentences under `fixtures/` and how extracted quantities are scored against them.
 * Used by the tests (which pin the figures) and by the benchmark (which prints them).
 */
export interface GoldQuantity {
  /** The mention's surface in the sentence; `occurrence` picks among repeats (0-based). */
  text: string;
  occurrence: number;
  value: number | null;
  range: [number, number] | null;
  bound: Bound;
  change: 'up' | 'down' | null;
  unit: string | null;
  concept: string | null;
  kind: Quantity['kind'];
}

export interface LabelledSentence {
  id: string;
  topic: string | null;
  text: string;
  quantities: GoldQuantity[];
}

export function loadLabelledSet(file: string): LabelledSentence[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as LabelledSentence);
}

export interface FieldScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export type Field = 'value' | 'valueUnit' | 'valueBound' | 'valueChange' | 'concept';

export interface Score {
  sentences: number;
  gold: number;
  predicted: number;
  fields: Record<Field, FieldScore>;
  /** Per sentence: what was missed or wrong, for reading the errors. */
  errors: Array<{
    id: string;
    text: string;
    missing: GoldQuantity[];
    spurious: PredictedQuantity[];
    wrong: Array<{ gold: GoldQuantity; predicted: PredictedQuantity; fields: string[] }>;
  }>;
}

/** The fields of a predicted quantity that are scored (the baseline fills only some). */
export type PredictedQuantity = Pick<Quantity, 'value' | 'range' | 'bound' | 'change' | 'unit' | 'concept' | 'span'>;

const STOP = new Set(['the', 'a', 'an', 'of', 'for', 'in', 'and', 'or', 'to', 'on', 'its', 'their']);

function contentWords(s: string): Set<string> {
  return new Set(
    s
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w && !STOP.has(w))
      .map((w) => singularize(w)),
  );
}

/** Concepts match partially when they share a content word ("annual inflation" ~ "inflation"). */
export function conceptsMatch(a: string, b: string): boolean {
  const wa = contentWords(a);
  for (const w of contentWords(b)) if (wa.has(w)) return true;
  return false;
}

function sameNumber(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function valueMatches(g: GoldQuantity, p: PredictedQuantity): boolean {
  if (!sameNumber(g.value, p.value)) return false;
  if (g.range === null || p.range === null) return g.range === p.range;
  return sameNumber(g.range[0], p.range[0]) && sameNumber(g.range[1], p.range[1]);
}

function goldSpan(text: string, g: GoldQuantity): [number, number] {
  let at = -1;
  for (let i = 0; i <= g.occurrence; i++) at = text.indexOf(g.text, at + 1);
  if (at < 0) throw new Error(`gold mention not found: ${g.text}`);
  return [at, at + g.text.length];
}

function score(tp: number, predicted: number, gold: number): FieldScore {
  // Predicting nothing where something was to be found is no precision at all.
  const precision = predicted === 0 ? (gold === 0 ? 1 : 0) : tp / predicted;
  const recall = gold === 0 ? 1 : tp / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp: predicted - tp, fn: gold - tp, precision, recall, f1 };
}

/**
 * Scores an extractor on a labelled set. A predicted quantity is paired with a gold one when their
 * spans overlap (one to one, value-equal pairs first). Value counts a pair whose value (or range)
 * is equal; value+unit, value+bound and value+change also need that field equal (null = null);
 * concept is scored over the quantities that have one, with a partial match.
 */
export function scoreExtractor(set: LabelledSentence[], extract: (sentence: string) => PredictedQuantity[]): Score {
  let gold = 0;
  let predicted = 0;
  const tp: Record<Field, number> = { value: 0, valueUnit: 0, valueBound: 0, valueChange: 0, concept: 0 };
  let goldConcepts = 0;
  let predictedConcepts = 0;
  const errors: Score['errors'] = [];
  for (const s of set) {
    const preds = extract(s.text);
    gold += s.quantities.length;
    predicted += preds.length;
    goldConcepts += s.quantities.filter((g) => g.concept !== null).length;
    predictedConcepts += preds.filter((p) => p.concept !== null).length;
    const used = new Set<number>();
    const missing: GoldQuantity[] = [];
    const wrong: Score['errors'][number]['wrong'] = [];
    for (const g of s.quantities) {
      const [a, b] = goldSpan(s.text, g);
      const overlapping = preds
        .map((p, i) => ({ p, i }))
        .filter(({ p, i }) => !used.has(i) && p.span[0] < b && p.span[1] > a);
      const pick = overlapping.find(({ p }) => valueMatches(g, p)) ?? overlapping[0];
      if (!pick) {
        missing.push(g);
        continue;
      }
      used.add(pick.i);
      const p = pick.p;
      const fields: string[] = [];
      if (!valueMatches(g, p)) {
        wrong.push({ gold: g, predicted: p, fields: ['value'] });
        continue;
      }
      tp.value++;
      if (g.unit === p.unit) tp.valueUnit++;
      else fields.push('unit');
      if (g.bound === p.bound) tp.valueBound++;
      else fields.push('bound');
      if (g.change === p.change) tp.valueChange++;
      else fields.push('change');
      if (g.concept !== null && p.concept !== null && conceptsMatch(g.concept, p.concept)) tp.concept++;
      else if (g.concept !== null || p.concept !== null) fields.push('concept');
      if (fields.length > 0) wrong.push({ gold: g, predicted: p, fields });
    }
    const spurious = preds.filter((_, i) => !used.has(i));
    if (missing.length || spurious.length || wrong.length)
      errors.push({ id: s.id, text: s.text, missing, spurious, wrong });
  }
  return {
    sentences: set.length,
    gold,
    predicted,
    fields: {
      value: score(tp.value, predicted, gold),
      valueUnit: score(tp.valueUnit, predicted, gold),
      valueBound: score(tp.valueBound, predicted, gold),
      valueChange: score(tp.valueChange, predicted, gold),
      concept: score(tp.concept, predictedConcepts, goldConcepts),
    },
    errors,
  };
}

/** The plain baseline: every run of digits (with separators) is a quantity, nothing more. */
export function baselineQuantities(sentence: string): PredictedQuantity[] {
  const out: PredictedQuantity[] = [];
  for (const m of sentence.matchAll(/\d+(?:[.,]\d+)*/g)) {
    out.push({
      value: Number(m[0].replace(/,/g, '')),
      range: null,
      bound: '=',
      change: null,
      unit: null,
      concept: null,
      span: [m.index, m.index + m[0].length],
    });
  }
  return out;
}
