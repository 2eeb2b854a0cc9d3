import type { Entity } from '../gazetteer.ts';
import type { Quantity } from '../types.ts';

/** A figure found in a sentence, before speakers, dates and periods are added. */
export interface FigureFound {
  /** The quantity that is the figure's value. */
  quantity: Quantity;
  /** Its token range in the sentence. */
  qStart: number;
  qEnd: number;
  /** The vocabulary predicate ("rise", "sell", "transfer"). */
  predicate: string;
  /** The first part of the figure key: `level`, `change`, or the predicate. */
  family: string;
  /** The figure has another party (recipient), keyed `subject>recipient`. */
  directed: boolean;
  subject: Entity | null;
  /** The subject phrase was this personal pronoun alone ("they can save"): the speaker may be who it means. */
  subjectPronoun?: string;
  recipient: Entity | null;
  /** The unit in the key: a family of materiel ("tank"), a currency, "%". */
  unit: string | null;
  concept: string | null;
  /** What is measured ("net income", "death toll"), as written; its lemmas join the key. */
  measure: string | null;
  scope: string | null;
  change: 'up' | 'down' | null;
  /** The amount of the change and its unit, when the sentence states it. */
  changeBy: number | null;
  changeUnit: string | null;
  /** The earlier level the figure moved from, in the figure's unit. */
  previous: number | null;
  negated: boolean;
  hedged: boolean;
  clause: [number, number];
  /** Token of the governing word. */
  trigger: number;
  /** Lemma of the governing verb ("report", "rise"), or "" when a noun governs. */
  governorLemma: string;
}
