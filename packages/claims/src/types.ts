/**
 * How a stated figure relates to the true one: `~<` is "nearly / almost / close to" (approximate,
 * from below), `~>` "just over / just above" (approximate, from above).
 */
export type Bound = '=' | '>' | '>=' | '<' | '<=' | '~' | '~<' | '~>';

export type QuantityKind = 'count' | 'money' | 'percent' | 'measure' | 'age';

/** One quantity mention in a sentence. Offsets are into the sentence. */
export interface Quantity {
  /** The point value, or null when only a range is known ("dozens", "between 300 and 500"). */
  value: number | null;
  range: [number, number] | null;
  bound: Bound;
  /** The quantity is an amount of increase or decrease ("rose by 5%"), not a level. */
  change: 'up' | 'down' | null;
  /** Normalised unit: a counted noun ("container", "artillery shell"), a measure ("km"), "%", or a currency code. */
  unit: string | null;
  /** What is counted or measured beyond the unit ("ammunition" in "containers of ammunition"). */
  concept: string | null;
  span: [number, number];
  text: string;
  kind: QuantityKind;
  /** ISO 4217 code for money. */
  currency?: string | null;
  /** Index (in the same result) of the same measure in another unit: "180 miles (290 kilometers)". */
  linkedTo?: number | null;
}

export interface Speaker {
  name: string;
  role: string | null;
}

export interface Period {
  from: string | null;
  to: string | null;
  /** As the report writes it ("the fourth quarter", "last year"). */
  text: string;
  /** Normalised, where the dates allow: "Q4 2004", "2019", "2023-09-07 to 2023-10-01". */
  label?: string;
}

/** A figure stated in a text: who did what to whom, how much, said by whom, when. */
export interface Claim {
  /** `predicate:subject>recipient:unit[:scope]`, see the README. */
  figureKey: string;
  /** Normalised entity names ("North Korea"); their ids are in the figure key. */
  subject: string | null;
  predicate: string;
  recipient: string | null;
  value: number | null;
  range: [number, number] | null;
  bound: Bound;
  unit: string | null;
  concept: string | null;
  /** What the figure measures, as the report names it ("net income", "death toll"); null when the unit says it all. */
  measure: string | null;
  change: 'up' | 'down' | null;
  /** The stated amount of the change ("rose 3.5%" → 3.5) or the difference from the earlier level. */
  changeBy: number | null;
  /** Unit of `changeBy`: "%", "percentage point", or the figure's own unit. */
  changeUnit: string | null;
  /** The earlier level the figure moved from ("from £138m to £118m" → 138000000). */
  previous: number | null;
  negated: boolean;
  hedged: boolean;
  speaker: Speaker | null;
  /** YYYY-MM-DD, YYYY-MM or YYYY, resolved against the publication date. */
  statedAt: string | null;
  period: Period | null;
  sentence: string;
  /** Offsets of the quantity in the whole text. */
  span: [number, number];
  sentenceSpan: [number, number];
}
