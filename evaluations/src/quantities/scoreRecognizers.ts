import { inScope, sameNumber, unitsAgree, valuesAgree } from './recognizersConventions.ts';
import type { GoldMention, SpecSentence } from './recognizersSpecs.ts';

/** The fields of a quantity that the evaluation reads (a `Quantity` of `@tally/claims` has them all). */
export interface ScoredQuantity {
  value: number | null;
  range: [number, number] | null;
  bound: string;
  change?: 'up' | 'down' | null;
  unit: string | null;
  concept?: string | null;
  kind: string;
  span: [number, number];
}

export type Extract = (sentence: string) => ScoredQuantity[];

export interface Prf {
  tp: number;
  predicted: number;
  gold: number;
  precision: number;
  recall: number;
  f1: number;
}

export function prf(tp: number, predicted: number, gold: number): Prf {
  const precision = predicted === 0 ? (gold === 0 ? 1 : 0) : tp / predicted;
  const recall = gold === 0 ? 1 : tp / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, predicted, gold, precision, recall, f1 };
}

export interface Miss {
  model: string;
  input: string;
  gold: GoldMention | null;
  predicted: ScoredQuantity | null;
  why: 'missed' | 'wrong value' | 'wrong unit' | 'spurious' | 'not a quantity';
}

export interface RecognizersScore {
  sentences: number;
  value: Prf;
  /** Over the models that label a unit (currency, dimension, temperature, age, percent). */
  valueUnit: Prf;
  byModel: Record<string, { value: Prf; valueUnit: Prf | null }>;
  misses: Miss[];
}

const UNIT_MODELS = new Set(['CurrencyModel', 'DimensionModel', 'TemperatureModel', 'AgeModel', 'PercentModel']);

function overlaps(a: [number, number], b: [number, number]): boolean {
  return a[0] < b[1] && b[0] < a[1];
}

function valueMatches(g: GoldMention, p: ScoredQuantity): boolean {
  const gold = g.gold!;
  if (gold.range !== null || p.range !== null) {
    if (gold.range === null || p.range === null) return false;
    return sameNumber(gold.range[0], p.range[0]) && sameNumber(gold.range[1], p.range[1]);
  }
  return gold.value !== null && p.value !== null && valuesAgree(gold.value, p.value, p.unit);
}

/** "$98 a share" is USD/share to us and the currency alone to the specifications: the rate's first part. */
function rateOf(gold: string | null, predicted: string | null): boolean {
  const slash = predicted?.indexOf('/') ?? -1;
  return slash > 0 && unitsAgree(gold, predicted!.slice(0, slash));
}

interface Tally {
  tp: number;
  tpUnit: number;
  predicted: number;
  gold: number;
}

/**
 * Scores an extractor on the Recognizers specifications. A prediction is paired with a labelled
 * mention when their spans overlap (one to one, value-equal pairs first). A prediction over a
 * mention that is no quantity to us, or in a model's scope and over no mention, counts against
 * precision; one over an unjudged mention or outside the model's scope is not scored.
 */
export function scoreRecognizers(specs: SpecSentence[], extract: Extract): RecognizersScore {
  const byModel = new Map<string, Tally>();
  const misses: Miss[] = [];
  for (const s of specs) {
    const t = byModel.get(s.model) ?? { tp: 0, tpUnit: 0, predicted: 0, gold: 0 };
    byModel.set(s.model, t);
    const predictions = extract(s.input);
    const gold = s.mentions.filter((m) => m.disposition === 'quantity');
    t.gold += gold.length;
    const pairedGold = new Set<GoldMention>();
    const pairedPrediction = new Set<ScoredQuantity>();
    // Value-equal pairs first, then any overlapping pair.
    for (const pass of [true, false]) {
      for (const g of gold) {
        if (pairedGold.has(g)) continue;
        const p = predictions.find(
          (q) => !pairedPrediction.has(q) && overlaps(q.span, g.span) && (!pass || valueMatches(g, q)),
        );
        if (!p) continue;
        pairedGold.add(g);
        pairedPrediction.add(p);
        t.predicted++;
        if (valueMatches(g, p)) {
          t.tp++;
          if (unitsAgree(g.gold!.unit, p.unit) || rateOf(g.gold!.unit, p.unit)) t.tpUnit++;
          else if (UNIT_MODELS.has(s.model))
            misses.push({ model: s.model, input: s.input, gold: g, predicted: p, why: 'wrong unit' });
        } else misses.push({ model: s.model, input: s.input, gold: g, predicted: p, why: 'wrong value' });
      }
    }
    for (const g of gold)
      if (!pairedGold.has(g)) misses.push({ model: s.model, input: s.input, gold: g, predicted: null, why: 'missed' });
    for (const p of predictions) {
      if (pairedPrediction.has(p)) continue;
      const over = s.mentions.find((m) => overlaps(m.span, p.span));
      if (over?.disposition === 'not-a-quantity') {
        t.predicted++;
        misses.push({ model: s.model, input: s.input, gold: over, predicted: p, why: 'not a quantity' });
      } else if (over === undefined && inScope(s.model, p)) {
        t.predicted++;
        misses.push({ model: s.model, input: s.input, gold: null, predicted: p, why: 'spurious' });
      }
    }
  }
  const total: Tally = { tp: 0, tpUnit: 0, predicted: 0, gold: 0 };
  const unitTotal: Tally = { tp: 0, tpUnit: 0, predicted: 0, gold: 0 };
  const models: RecognizersScore['byModel'] = {};
  for (const [model, t] of [...byModel].sort((a, b) => a[0].localeCompare(b[0]))) {
    for (const k of ['tp', 'tpUnit', 'predicted', 'gold'] as const) total[k] += t[k];
    const unitModel = UNIT_MODELS.has(model);
    if (unitModel) for (const k of ['tp', 'tpUnit', 'predicted', 'gold'] as const) unitTotal[k] += t[k];
    models[model] = {
      value: prf(t.tp, t.predicted, t.gold),
      valueUnit: unitModel ? prf(t.tpUnit, t.predicted, t.gold) : null,
    };
  }
  return {
    sentences: specs.length,
    value: prf(total.tp, total.predicted, total.gold),
    valueUnit: prf(unitTotal.tpUnit, unitTotal.predicted, unitTotal.gold),
    byModel: models,
    misses,
  };
}
