import { directionOf } from '../lexical/vocabulary.ts';
import type { Quantity } from '../types.ts';
import { clauseAround, type SentenceView } from './sentenceView.ts';

/**
 * A figure's statement: its level and, where the sentence gives them, its change and the level it
 * came from. "rose 3.5% to $27.2bn" is one statement of the level $27.2bn with the change +3.5%;
 * "fell from £138m to £118m" of £118m with the previous level £138m; "Non-EU imports rose 3%" of
 * the change alone.
 */
export interface Statement {
  /** The quantity that is the figure's value: the level, or the change when no level is given. */
  value: number;
  /** The quantity that states the change, when it is not the value itself. */
  change: number | null;
  /** The quantity of the earlier level ("from £138m", "down from October's £3.6bn"). */
  previous: number | null;
  /** The value is itself a change (no level given). */
  changeOnly: boolean;
  /** Up or down, when the words say so. */
  direction: 'up' | 'down' | null;
  /** Token of a noun that names the change ("a 7.5% rise", "an increase of 4%"): it governs the figure. */
  changeNoun: number | null;
}

type Role = 'level' | 'change' | 'previous';

/** Words right before a figure that make it the earlier level. */
const PREVIOUS_OPENERS = new Set(['from', 'against', 'versus', 'vs', 'vs.']);
/** Nouns after or before a figure that make it a change: "a 7.5% rise", "an increase of 4%". */
const COMPARATIVES: Record<string, 'up' | 'down'> = {
  higher: 'up',
  more: 'up',
  greater: 'up',
  bigger: 'up',
  larger: 'up',
  lower: 'down',
  less: 'down',
  fewer: 'down',
  smaller: 'down',
};

interface RoleReading {
  role: Role;
  direction: 'up' | 'down' | null;
  noun?: number;
}

/** What a quantity is in its sentence: a level, a change, or an earlier level. */
function roleOf(view: SentenceView, qi: number): RoleReading {
  const q = view.quantities[qi]!;
  const [s, e] = view.quantityTokens[qi]!;
  const { tokens, lemma } = view;
  // Back over a possessive date or name: "from October's £3.6bn", "from a year earlier's".
  let p = s - 1;
  while (
    p > 0 &&
    (view.isDate[p] || tokens[p]!.lower === "'s" || tokens[p]!.lower === '’s' || tokens[p]!.lower === 'the')
  )
    p--;
  const before = tokens[p]?.lower ?? '';
  if (PREVIOUS_OPENERS.has(before) && !(before === 'from' && q.range)) return { role: 'previous', direction: null };
  if (
    (before === 'with' || before === 'to') &&
    /^(?:compared|compare|comparison|relative)$/.test(tokens[p - 1]?.lower ?? '') &&
    !otherGroup(view, e)
  )
    return { role: 'previous', direction: null };
  // "a 7.5% rise in exports", "a £4.5bn increase": the noun of the change governs the figure.
  const next = lemma[e] ?? '';
  if (view.pos[e] === 'NOUN' && directionOf(next)) return { role: 'change', direction: directionOf(next), noun: e };
  if (q.change) return { role: 'change', direction: q.change };
  // "fell 102.2 points, or 0.36%, to 27,934.02": the same change again in other units.
  if (before === 'or' && tokens[p - 1]?.text === ',' && qi > 0 && view.quantities[qi - 1]!.change) {
    return { role: 'change', direction: view.quantities[qi - 1]!.change };
  }
  if (before === 'up' || before === 'down') return { role: 'change', direction: before };
  // "less than 1% up on the year before", "5% down from a year ago".
  const after = tokens[e]?.lower ?? '';
  if ((after === 'up' || after === 'down') && /^(?:on|from|against|year|compared)$/.test(tokens[e + 1]?.lower ?? ''))
    return { role: 'change', direction: after };
  if (before === 'by') {
    // "rose by 3%", "raising its interim dividend by 10%": the verb of the move a few words back.
    for (let h = p - 1; h >= Math.max(0, p - 5); h--) {
      const d = directionOf(lemma[h] ?? '');
      if (d) return { role: 'change', direction: d };
      if (view.pos[h] === 'VERB' || view.tokens[h]!.text === ',') break;
    }
  }
  // "an increase of 4%", "a fall of £20m"
  if (before === 'of' && view.pos[p - 1] === 'NOUN' && directionOf(lemma[p - 1] ?? ''))
    return { role: 'change', direction: directionOf(lemma[p - 1]!), noun: p - 1 };
  // "£4.5bn higher than the same period", "300 fewer than last year"
  const comparative = COMPARATIVES[tokens[e]?.lower ?? ''];
  if (comparative && tokens[e + 1]?.lower === 'than') return { role: 'change', direction: comparative };
  return { role: 'level', direction: null };
}

/**
 * A clause of its own between two quantities: a conjunction, then a verb ("a loss of $470m and its
 * sales dipped 3.8%"). "were sold …, 26% more", "rising 4%" after a comma are none.
 */
function verbBetween(view: SentenceView, a: number, b: number): boolean {
  let joined = false;
  for (let k = view.quantityTokens[a]![1]; k < view.quantityTokens[b]![0]; k++) {
    if (view.pos[k] === 'CCONJ') joined = true;
    else if (joined && view.pos[k] === 'VERB' && !/ing$/.test(view.tokens[k]!.lower)) return true;
  }
  return false;
}

/** Whether a second quantity in parentheses right after a first one restates it in another unit: "£3.1bn ($5.8bn)". */
export function isConversion(view: SentenceView, qi: number): boolean {
  if (qi === 0) return false;
  const [s] = view.quantityTokens[qi]!;
  const [, pe] = view.quantityTokens[qi - 1]!;
  const prev = view.quantities[qi - 1]!;
  const q = view.quantities[qi]!;
  if (prev.kind !== q.kind || q.kind === 'count') return false;
  if (view.tokens[s - 1]?.text === '(' && pe === s - 1) return true;
  // "($54.98m; £29.32m)": each restatement in the brackets after the first.
  return /^[;,]$/.test(view.tokens[s - 1]?.text ?? '') && pe === s - 1 && isConversion(view, qi - 1);
}

/**
 * The statements of a sentence. A change attaches to the level that follows it after "to" ("rose
 * 3.5% to $27.2bn") or that it follows ("$3.65bn, up 26%"); an earlier level to the level it leads
 * to ("from £138m to £118m") or follows ("£3.1bn, down from £3.6bn"). Only quantities of one clause
 * pair. A restatement in parentheses is no statement of its own.
 */
export function statementsOf(view: SentenceView, claimable: (q: Quantity, qi: number) => boolean): Statement[] {
  const roles: Array<RoleReading | null> = view.quantities.map((q, qi) =>
    claimable(q, qi) && !isConversion(view, qi) ? roleOf(view, qi) : null,
  );
  const used = new Set<number>();
  const out: Statement[] = [];
  const clauseOf = (qi: number): [number, number] => clauseAround(view, ...view.quantityTokens[qi]!);
  for (let qi = 0; qi < roles.length; qi++) {
    if (roles[qi]?.role !== 'level') continue;
    const clause = clauseOf(qi);
    const inClause = (j: number): boolean =>
      roles[j] !== null &&
      !used.has(j) &&
      view.quantityTokens[j]![0] >= clause[0] &&
      view.quantityTokens[j]![1] <= clause[1];
    const st: Statement = {
      value: qi,
      change: null,
      previous: null,
      changeOnly: false,
      direction: null,
      changeNoun: null,
    };
    // A change or an earlier level right before: "rose 3.5% to", "from £138m to".
    const prev = qi - 1;
    if (prev >= 0 && inClause(prev) && view.tokens[view.quantityTokens[qi]![0] - 1]?.lower === 'to') {
      if (roles[prev]!.role === 'change') {
        st.change = prev;
        // "fell 102.2 points, or 0.36%, to": the first statement of the change is the figure's.
        const first = prev - 1;
        if (
          first >= 0 &&
          inClause(first) &&
          roles[first]!.role === 'change' &&
          view.tokens[view.quantityTokens[prev]![0] - 1]?.lower === 'or'
        ) {
          used.add(prev);
          st.change = first;
        }
      } else if (roles[prev]!.role === 'previous') st.previous = prev;
      // "rose by 3.2% from £22bn to £24.8bn"
      const prev2 = qi - 2;
      if (st.previous !== null && prev2 >= 0 && inClause(prev2) && roles[prev2]!.role === 'change') st.change = prev2;
    }
    // A change or an earlier level after: "£3.65bn, up 26%", "£3.1bn, down from £3.6bn".
    // Not past a verb of its own: "a loss of $470m and its US sales dipped 3.8%" are two figures.
    // Restatements in brackets between are passed over: "HK$327m (US$42m; £22m), less than 1% up".
    let reach = qi + 2;
    for (let j = qi + 1; j < roles.length && j <= reach; j++) {
      if (isConversion(view, j)) {
        reach++;
        continue;
      }
      if (!inClause(j) || roles[j]!.role === 'level' || verbBetween(view, qi, j)) break;
      if (roles[j]!.role === 'change' && st.change === null) st.change = j;
      else if (roles[j]!.role === 'previous' && st.previous === null) st.previous = j;
    }
    if (st.change !== null) {
      used.add(st.change);
      st.direction = roles[st.change]!.direction;
      st.changeNoun = roles[st.change]!.noun ?? null;
    }
    if (st.previous !== null) used.add(st.previous);
    out.push(st);
  }
  // Changes no level took are statements of their own: "Non-EU imports rose 3%".
  for (let qi = 0; qi < roles.length; qi++) {
    if (roles[qi]?.role !== 'change' || used.has(qi)) continue;
    out.push({
      value: qi,
      change: null,
      previous: null,
      changeOnly: true,
      direction: roles[qi]!.direction,
      changeNoun: roles[qi]!.noun ?? null,
    });
  }
  return out.sort((a, b) => a.value - b.value);
}

/**
 * "compared to about 17% of kids who didn't eat them": a share of a group the sentence defines
 * apart (a relative clause after "of …") is a figure of that group, not an earlier level.
 */
function otherGroup(view: SentenceView, e: number): boolean {
  if (view.tokens[e]?.lower !== 'of') return false;
  for (let k = e + 1; k < Math.min(view.tokens.length, e + 7); k++) {
    const w = view.tokens[k]!.lower;
    if (/^(?:who|whom|whose|that|which)$/.test(w)) return true;
    if (view.tokens[k]!.text === ',' || view.quantityAt[k]! >= 0) return false;
  }
  return false;
}
