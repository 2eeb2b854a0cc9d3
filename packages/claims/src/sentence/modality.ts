import type { SentenceView } from './sentenceView.ts';

/**
 * Modality of a figure: hedged when it is a forecast, target, plan, proposal or possibility;
 * negated when the sentence denies it. Read from lemmas, so every inflection counts.
 */

/** Auxiliaries and verbs before the governing verb that make the figure not (yet) a fact. */
const HEDGE_LEMMAS = new Set([
  'could',
  'may',
  'might',
  'would',
  'will',
  'shall',
  'should',
  "'ll",
  'expect',
  'forecast',
  'predict',
  'project',
  'plan',
  'aim',
  'target',
  'hope',
  'want',
  'seek',
  'propose',
  'suggest',
  'intend',
  'anticipate',
  'envisage',
  'consider',
  'likely',
  'unlikely',
  'possibly',
  'potentially',
  'probably',
  'reportedly',
  'allegedly',
  'if',
  'unless',
]);

/** Nouns a figure can fill that make it a forecast or a goal: "a target of 85%", "forecasts of $2bn". */
const HEDGE_NOUNS = new Set([
  'forecast',
  'target',
  'goal',
  'projection',
  'plan',
  'proposal',
  'aim',
  'ambition',
  'prediction',
  'expectation',
  'budget',
  'pledge',
  'promise',
  'offer',
  'bid',
]);

/** "is set to", "is due to", "on course to", "on track to", "poised to". */
function setPhraseBefore(view: SentenceView, k: number, floor: number): boolean {
  for (let h = k - 1; h > floor; h--) {
    if (view.tokens[h]!.lower !== 'to') continue;
    const w = view.lemma[h - 1] ?? '';
    if (
      w === 'set' ||
      w === 'due' ||
      w === 'poise' ||
      w === 'poised' ||
      w === 'course' ||
      w === 'track' ||
      w === 'likely'
    )
      return true;
  }
  return false;
}

const NEGATIONS = new Set(['not', "n't", 'never', 'no', 'neither', 'nor', 'deny', 'refuse', 'fail', 'reject']);

/**
 * Whether the figure at tokens [s, e), governed by the verb `v` (or only by a noun `nominal`), is
 * hedged or negated, reading the clause from its start to the verb (or to the figure).
 */
export function modalityOf(
  view: SentenceView,
  v: number,
  s: number,
  clauseStart: number,
  nominal: [number, number] | null,
): { hedged: boolean; negated: boolean } {
  const to = v >= 0 ? v : s;
  let hedged = false;
  let negated = false;
  for (let h = clauseStart; h <= to && h < view.tokens.length; h++) {
    if (view.quantityAt[h]! >= 0) continue;
    const lemma = view.lemma[h]!;
    const pos = view.pos[h];
    const modalPos =
      pos === 'VERB' || pos === 'AUX' || pos === 'ADV' || pos === 'SCONJ' || pos === 'ADJ' || pos === 'PART';
    if (modalPos && (HEDGE_LEMMAS.has(lemma) || HEDGE_LEMMAS.has(view.tokens[h]!.lower))) hedged = true;
    if (h >= to - 4 && (NEGATIONS.has(lemma) || view.tokens[h]!.lower.endsWith("n't"))) negated = true;
  }
  if (setPhraseBefore(view, to, clauseStart)) hedged = true;
  if (nominal) for (let h = nominal[0]; h < nominal[1]; h++) if (HEDGE_NOUNS.has(view.lemma[h]!)) hedged = true;
  return { hedged, negated };
}
