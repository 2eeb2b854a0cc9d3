import type { Entity } from '../gazetteer.ts';
import { isActorNoun, isGivenNoun, isOrganisationNoun } from '../lexical/nounClass.ts';
import { isPossessiveMark } from './governor.ts';
import type { SentenceView } from './sentenceView.ts';
import { commonActor, lastNoun, mentionsIn, subjectText } from './subjects.ts';

/** Whose a figure is when no subject phrase says it: the agent of a passive, the things counted, the people a share is of, the owner of what moved. */

/**
 * The agent of a passive after token `from`: "by Fiat", "by the Electoral Commission", "by 16
 * political parties", "by the government" (a name, else people or a body named by a common noun).
 */
export function agentOf(view: SentenceView, from: number, clauseEnd: number): Entity | null {
  let k = from + 1;
  while (k < clauseEnd && view.tokens[k]!.lower !== 'by') {
    if (view.pos[k] === 'VERB' || view.tokens[k]!.text === ',') return null;
    k++;
  }
  if (k >= clauseEnd) return null;
  const named = view.mentions.find((m) => m.start > k && m.start <= k + 2);
  if (named) return named.entity;
  let a = k + 1;
  while (view.pos[a] === 'DET') a++;
  let b = a;
  while (b < clauseEnd && !view.isDate[b] && (/^(?:NOUN|ADJ|NUM)$/.test(view.pos[b]!) || view.quantityAt[b]! >= 0)) b++;
  const head = lastNoun(view, a, b);
  if (head < 0 || !(isActorNoun(view.lemma[head]!) || isOrganisationNoun(view.lemma[head]!))) return null;
  const phrase = subjectText(view, a, b, true);
  return phrase ? commonActor(phrase) : null;
}

/** "there are", "there will be", "there have been": the verb at `v` says that something exists. */
export function existential(view: SentenceView, v: number, floor: number): boolean {
  let k = v - 1;
  while (k > floor && (view.pos[k] === 'AUX' || view.pos[k] === 'ADV')) k--;
  return view.tokens[k]?.lower === 'there';
}

/** The things a figure counts, as written after its number: "mobile phones" of "167 million mobile phones". */
export function countedThing(view: SentenceView, s: number, e: number): Entity | null {
  // Only a count counts things: "$500m has been retrieved" is an amount.
  if (view.quantities[view.quantityAt[s]!]?.kind !== 'count') return null;
  let a = s;
  for (let k = s; k < e; k++) if (view.pos[k] === 'NUM' || view.tokens[k]!.kind === 'num') a = k + 1;
  const head = lastNoun(view, a, e);
  // People hurt or counted are no subject of their own figure (see the speaker's place).
  if (head < 0 || view.pos[head] !== 'NOUN' || isActorNoun(view.lemma[head]!) || mentionsIn(view, a, e).length > 0)
    return null;
  const phrase = subjectText(view, a, e, true);
  return phrase ? commonActor(phrase) : null;
}

const GENERIC_PEOPLE = new Set(['people', 'person', 'persons', 'population', 'public']);

/**
 * "a third of children do", "more than 50% of mobile owners reported", "80% of UK adults own": a
 * share of people is about those people; of people in general ("2% of people"), about the place
 * the sentence names.
 */
export function shareGroupAfter(view: SentenceView, e: number): Entity | null {
  if (view.tokens[e]?.lower !== 'of') return null;
  let a = e + 1;
  while (view.pos[a] === 'DET') a++;
  let b = a;
  while (b < view.tokens.length && /^(?:NOUN|PROPN|ADJ)$/.test(view.pos[b]!) && view.quantityAt[b]! < 0) b++;
  const head = lastNoun(view, a, b);
  // "half of the country's car sales": a share of what the group owns, not of the group.
  if (head < 0 || head !== b - 1 || !isActorNoun(view.lemma[head]!) || isPossessiveMark(view, b)) return null;
  const names = mentionsIn(view, a, b);
  if (names.some((m) => m.entity.kind)) return null;
  if (GENERIC_PEOPLE.has(view.tokens[head]!.lower) && names.length === 0) {
    const place = view.mentions.find((m) => !m.entity.kind && view.tokens[m.start - 1]?.lower === 'in');
    return place?.entity ?? null;
  }
  const phrase = subjectText(view, a, b);
  return phrase ? commonActor(phrase) : null;
}

/** The name that owns a phrase: "Lenovo's shares", "Yoon's approval rating", "GM's stake". */
export function ownerOfPhrase(view: SentenceView, span: [number, number] | null): Entity | null {
  if (!span) return null;
  const [a, b] = span;
  const m = view.mentions.find(
    (m) => (m.start >= a || m.end === a - 1) && m.end < b && isPossessiveMark(view, m.end) && m.entity.kind !== 'group',
  );
  return m?.entity ?? null;
}

/**
 * Who gave or offered the amount: "a bequest from Ruth Beardmore of nearly £400,000", "a $3 billion
 * takeover offer from Facebook". The noun of the giving is next to the figure ("of" between them,
 * or the figure before it), "from" a name after it.
 */
export function giverOf(view: SentenceView, s: number, e: number, clauseEnd: number): Entity | null {
  if (view.quantities[view.quantityAt[s]!]?.kind !== 'money') return null;
  // The noun of the giving: right after the figure ("$3bn takeover offer from"), or before "… of" it.
  let noun = -1;
  let k = e;
  while (k < clauseEnd && (view.pos[k] === 'NOUN' || view.pos[k] === 'ADJ')) k++;
  if (k > e && view.tokens[k]?.lower === 'from') noun = k - 1;
  let from = noun >= 0 ? k : -1;
  if (noun < 0 && view.tokens[s - 1]?.lower === 'of') {
    // "a bequest from Ruth Beardmore of nearly £400,000": back over the name to "from" and the noun.
    const m = view.mentions.find((x) => x.end === s - 1);
    if (m && view.tokens[m.start - 1]?.lower === 'from' && view.pos[m.start - 2] === 'NOUN') {
      noun = m.start - 2;
      from = m.start - 1;
    }
  }
  if (noun < 0 || !isGivenNoun(view.lemma[noun] ?? '')) return null;
  const giver = view.mentions.find((x) => x.start === from + 1 && x.entity.kind !== 'group');
  return giver?.entity ?? null;
}
