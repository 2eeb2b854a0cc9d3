import type { Bound } from '@tally/events';
import { describeMove } from '@tally/figure-wording';
import { changeKey } from './changes.ts';
import { periodLabel } from './periods.ts';
import { boundsAgree, formatQuantity, qualifierOf } from './qualifiers.ts';
import type { Conflict, ConflictSide } from './Statement.ts';
import { dayString } from './statedDate.ts';
import type { Item } from './statementItems.ts';

/** The value of a claim as a key: two claims with different keys give different values. */
export function quantityKey(c: { value: number | null; range: [number, number] | null }): string {
  return c.value !== null ? `v${c.value}` : c.range ? `r${c.range[0]}:${c.range[1]}` : 'none';
}

function sidesOf(
  items: readonly Item[],
  keyOf: (i: Item) => string,
  labelOf: (i: Item) => string,
  boundOf: (i: Item) => Bound | null = () => null,
): ConflictSide[] {
  const sides = new Map<string, ConflictSide>();
  for (const i of items) {
    const k = keyOf(i);
    let side = sides.get(k);
    if (!side) {
      side = { label: labelOf(i), bound: boundOf(i), articleIds: [] };
      sides.set(k, side);
    }
    // A copy's claim stands on its original's side: it is not another source.
    if (!side.articleIds.includes(i.origin)) side.articleIds.push(i.origin);
  }
  return [...sides.values()];
}

function describe(sides: readonly ConflictSide[]): string {
  return sides
    .map((s) => `${s.label} (${s.articleIds.length} ${s.articleIds.length === 1 ? 'source' : 'sources'})`)
    .join(' vs ');
}

/** Disagreements among the claims of one statement (copies included: an edited copy can disagree too). */
export function conflictsOf(items: readonly Item[], value: number | null, range: [number, number] | null): Conflict[] {
  const conflicts: Conflict[] = [];
  const point = value ?? (range ? range[0] : 0);
  const bounds = [...new Set(items.map((i) => i.claim.bound))];
  if (bounds.some((a, n) => bounds.slice(n + 1).some((b) => !boundsAgree(a, b, point)))) {
    const sides = sidesOf(
      items,
      (i) => i.claim.bound,
      (i) => [qualifierOf[i.claim.bound], formatQuantity(value, range)].filter(Boolean).join(' '),
      (i) => i.claim.bound,
    );
    conflicts.push({ kind: 'bound', detail: `sources disagree: ${describe(sides)}`, sides });
  }
  if (new Set(items.map((i) => quantityKey(i.claim))).size > 1) {
    const sides = sidesOf(
      items,
      (i) => quantityKey(i.claim),
      (i) => formatQuantity(i.claim.value, i.claim.range),
    );
    conflicts.push({ kind: 'value', detail: `sources give different values: ${describe(sides)}`, sides });
  }
  const days = items.filter((i) => i.datedBy === 'statement' && i.date?.precision === 'day');
  if (new Set(days.map((i) => i.date!.from)).size > 1) {
    const sides = sidesOf(
      days,
      (i) => dayString(i.date!.from),
      (i) => dayString(i.date!.from),
    );
    conflicts.push({ kind: 'statedAt', detail: `sources date the statement differently: ${describe(sides)}`, sides });
  }
  if (new Set(items.map((i) => i.claim.negated)).size > 1) {
    const sides = sidesOf(
      items,
      (i) => String(i.claim.negated),
      (i) => (i.claim.negated ? 'denied' : 'stated'),
    );
    conflicts.push({ kind: 'negation', detail: `sources disagree on a denial: ${describe(sides)}`, sides });
  }
  // Only sources that state a move can disagree on it: "$27.2bn" does not deny "up 3.5% to $27.2bn".
  const moves = items.filter((i) => changeKey(i.claim) !== null);
  if (new Set(moves.map((i) => changeKey(i.claim))).size > 1) {
    const sides = sidesOf(
      moves,
      (i) => changeKey(i.claim)!,
      (i) => describeMove(i.claim, i.claim.unit) ?? 'no change',
    );
    conflicts.push({ kind: 'change', detail: `sources state the change differently: ${describe(sides)}`, sides });
  }
  const periods = items.filter((i) => i.period !== null);
  if (new Set(periods.map((i) => i.period)).size > 1) {
    const sides = sidesOf(
      periods,
      (i) => i.period!,
      (i) => periodLabel(i.claim.period) ?? 'no period',
    );
    conflicts.push({ kind: 'period', detail: `sources give different periods: ${describe(sides)}`, sides });
  }
  return conflicts;
}
