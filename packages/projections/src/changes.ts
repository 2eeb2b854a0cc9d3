/** What a claim says about a move of its figure, besides its value. */
export interface StatedChange {
  value: number | null;
  change: 'up' | 'down' | null;
  changeBy: number | null;
  changeUnit: string | null;
  previous: number | null;
  measure: string | null;
}

/**
 * What a claim's value is: the figure's **level** ("rose 3.5% to $27.2bn" is $27.2bn, with its change
 * beside it; "from £138m to £118m" is £118m, with the level it left), or the **change** itself ("sales
 * rose 5%": the claims extractor then gives the amount as both value and `changeBy`).
 *
 * A direction without an amount or an earlier level is a level when the figure names its measure
 * ("unemployment rose to 5.1%") and a change otherwise: claims of extractors before 2.0 had no
 * measure, and their `change` marked the value as an amount of increase or decrease.
 */
export type ValueMeaning = 'level' | 'change';

export function valueMeaning(c: StatedChange): ValueMeaning {
  if (c.change === null) return 'level';
  if (c.changeBy !== null) return c.value !== null && sameNumber(c.changeBy, c.value) ? 'change' : 'level';
  if (c.previous !== null) return 'level';
  return c.measure !== null ? 'level' : 'change';
}

function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * The change a level states, as a key: its direction, amount and unit, and the earlier level. Null
 * when it states none beyond its value (a change given as the value, or no change at all); two
 * claims with different keys disagree on the move.
 */
export function changeKey(c: StatedChange): string | null {
  if (valueMeaning(c) === 'change') return null;
  if (c.changeBy === null && c.previous === null) return null;
  return `${c.change ?? ''}:${c.changeBy ?? ''}:${c.changeUnit ?? ''}:${c.previous ?? ''}`;
}
