import { peopleUnit } from '../figureUnits.ts';
import type { Entity, EntityMention } from '../gazetteer.ts';
import {
  isActorNoun,
  isCompanyNoun,
  isEventNoun,
  isGoodsNoun,
  isMeasureNoun,
  isPriceNoun,
  isPublisherNoun,
  isThingNoun,
} from '../lexical/nounClass.ts';
import { entityId } from './entityNames.ts';
import { othersReferent } from './figureMeasure.ts';
import { type ArticleFocus, focusEntity, referent } from './focus.ts';
import { isPossessiveMark, phraseEndingAt } from './governor.ts';
import { measureText } from './measure.ts';
import type { SentenceView } from './sentenceView.ts';

/** Subject phrases: where the subject of a verb is, and what it names (who acted, or what was measured). */

const PERSONAL_PRONOUNS = new Set(['it', 'they', 'he', 'she', 'we']);
const PRONOUN_SUBJECTS = new Set(['it', 'its', 'they', 'their', 'itself']);
const PREPOSITIONS_IN_SUBJECT = new Set(['of', 'at', 'in', 'for', 'from', 'on', 'across', 'among']);

/** Token range of the subject of the verb at `v`: back over auxiliaries and adverbs, a parenthesis, then noun phrases linked by prepositions. */
export function subjectPhrase(view: SentenceView, v: number, floor: number, depth = 0): [number, number] | null {
  // "a gunman opened fire, killing two people": a participle after a comma shares the subject of the
  // verb before it.
  if (depth < 2 && /ing$/.test(view.tokens[v]!.lower) && view.tokens[v - 1]?.text === ',') {
    for (let h = v - 2; h >= floor; h--) {
      if (view.pos[h] === 'VERB') return subjectPhrase(view, h, floor, depth + 1);
    }
  }
  let k = v;
  while (k > floor && /^(?:AUX|ADV|PART)$/.test(view.pos[k - 1]!)) k--;
  // "Sir Christopher Ondaatje who gave …", "Howl's Moving Castle, which took …": the antecedent.
  if (k > floor && /^(?:who|which|that)$/.test(view.tokens[k - 1]!.lower)) {
    k--;
    if (view.tokens[k - 1]?.text === ',') k--;
  }
  // "Beijing resume buying", "continued selling": a gerund after a verb shares that verb's subject.
  if (depth < 2 && k === v && /ing$/.test(view.tokens[v]!.lower) && view.pos[v - 1] === 'VERB') {
    return subjectPhrase(view, v - 1, floor, depth + 1);
  }
  // An infinitive takes the subject of the verb that governs it: "the US halted plans to send",
  // "Disney is set to spend", "the company expects to cut".
  for (let hops = 0; hops < 3 && k < v && view.tokens[k]!.lower === 'to' && view.pos[k] === 'PART'; hops++) {
    // "is on track to hit", "was on course to reach": the phrase is as "is set to".
    if (/^(?:track|course|pace)$/.test(view.tokens[k - 1]?.lower ?? '') && view.tokens[k - 2]?.lower === 'on') {
      k -= 2;
      while (k > floor && /^(?:AUX|ADV|PART|VERB)$/.test(view.pos[k - 1]!)) k--;
      continue;
    }
    let h = k - 1;
    while (h > floor && (view.pos[h] === 'NOUN' || view.pos[h] === 'ADJ' || view.pos[h] === 'DET')) h--;
    if (
      h < floor ||
      !(view.pos[h] === 'VERB' || view.pos[h] === 'AUX' || view.pos[h] === 'ADJ' || view.pos[h + 1] === 'NOUN')
    )
      break;
    k = view.pos[h] === 'VERB' || view.pos[h] === 'AUX' ? h : h + 1;
    while (k > floor && /^(?:AUX|ADV|PART|VERB)$/.test(view.pos[k - 1]!)) k--;
  }
  // "Overall UK exports - including goods and services - rose": skip the parenthesis.
  const closing = view.tokens[k - 1]?.text;
  if (closing === '-' || closing === '–' || closing === '—' || closing === ',' || closing === ')') {
    const opener = closing === ')' ? '(' : closing;
    // "Shark Tale, whose cast includes A, B and C, sold": a relative clause opened by a comma may hold
    // commas of its own; its opening comma is the one before "whose/which/who".
    let relativeOpener = -1;
    if (closing === ',') {
      for (let h = k - 2; h > floor; h--) {
        if (view.tokens[h]!.text === ',' && /^(?:whose|which|who|whom)$/.test(view.tokens[h + 1]?.lower ?? '')) {
          relativeOpener = h;
          break;
        }
      }
    }
    if (relativeOpener > floor) k = relativeOpener;
    else {
      for (let h = k - 2; h > floor; h--) {
        if (view.tokens[h]!.text === opener) {
          k = h;
          break;
        }
      }
    }
  }
  // "vehicle unit sales in 2004 were": past the date the subject phrase is dated by.
  let d = k;
  while (d > floor && view.isDate[d - 1]) d--;
  const relative = /^(?:who|which|that)$/.test(view.tokens[k]?.lower ?? '');
  if (!relative && d < k && d > floor && /^(?:in|for|during|of|since)$/.test(view.tokens[d - 1]!.lower)) k = d - 1;
  let np = phraseEndingAt(view, k, floor);
  // "they can save", "it expects": a personal pronoun alone is the subject phrase.
  if (!np) return k > floor && PERSONAL_PRONOUNS.has(view.tokens[k - 1]!.lower) ? [k - 1, k] : null;
  // Extend left over "of/at/in …" chains: "sales at Home Depot's US stores",
  // and over "and" between nouns: "sales of movies on DVD and video".
  for (;;) {
    const p = np[0] - 1;
    const nounAt = (k: number): boolean => view.pos[k] === 'NOUN' || view.pos[k] === 'PROPN';
    const joined = view.tokens[p]?.lower === 'and' && nounAt(p - 1) && view.pos[np[0]] === 'NOUN';
    if (p <= floor || !(PREPOSITIONS_IN_SUBJECT.has(view.tokens[p]!.lower) || joined)) break;
    const more = phraseEndingAt(view, p, floor);
    if (!more) break;
    np = [more[0], np[1]];
  }
  return np;
}

export function mentionsIn(view: SentenceView, a: number, b: number): EntityMention[] {
  return view.mentions.filter((m) => m.start >= a && m.end <= b);
}

/** The head chunk of a phrase: up to its first preposition ("sales" of "sales at Home Depot's stores"). */
export function headChunk(view: SentenceView, a: number, b: number): [number, number] {
  for (let k = a; k < b; k++) if (view.pos[k] === 'ADP' && view.tokens[k]!.lower !== 'of') return [a, k];
  return [a, b];
}

/** The head noun of a phrase: its last noun before any "of" ("share" of "share of the audience"). */
export function lastNoun(view: SentenceView, a: number, b: number): number {
  let end = b;
  for (let k = a + 1; k < b; k++) {
    if (view.tokens[k]!.lower === 'of') {
      end = k;
      break;
    }
  }
  for (let k = end - 1; k >= a; k--) if (view.pos[k] === 'NOUN' || view.pos[k] === 'PROPN') return k;
  return -1;
}

/** A phrase that refers back to a named company: "it", "its", "the company", "the bank's" (not "the senate"). */
export function refersBack(view: SentenceView, a: number, b: number): boolean {
  const words: number[] = [];
  for (let k = a; k < b; k++) if (view.pos[k] !== 'PART') words.push(k);
  if (words.length === 1 && PRONOUN_SUBJECTS.has(view.tokens[words[0]!]!.lower)) return true;
  if (PRONOUN_SUBJECTS.has(view.tokens[a]!.lower)) return true;
  return (
    words.length === 2 &&
    view.tokens[words[0]!]!.lower === 'the' &&
    view.pos[words[1]!] === 'NOUN' &&
    (isCompanyNoun(view.lemma[words[1]!]!) || isPublisherNoun(view.lemma[words[1]!]!))
  );
}

const isDefinite = (view: SentenceView, a: number): boolean => /^(?:the|this|that)$/.test(view.tokens[a]!.lower);

/** A common-noun subject as written, with names kept in their case: "former Enron directors". */
export function subjectText(view: SentenceView, a: number, b: number, withinFigure = false): string | null {
  const words: string[] = [];
  for (let k = a; k < b; k++) {
    const p = view.pos[k];
    if (p === 'DET' || p === 'PRON' || (!withinFigure && view.quantityAt[k]! >= 0)) continue;
    if (p === 'PART' || isPossessiveMark(view, k)) {
      if (words.length > 0) words[words.length - 1] += view.tokens[k]!.text;
      continue;
    }
    // "Decade-old flaw": words joined by a hyphen stay one word.
    const glued =
      words.length > 0 && !view.tokens[k]!.spaceBefore && (view.tokens[k]!.text === '-' || words.at(-1)!.endsWith('-'));
    if (glued) {
      words[words.length - 1] += view.tokens[k]!.text === '-' ? '-' : view.tokens[k]!.lower;
      continue;
    }
    words.push(
      view.pos[k] === 'PROPN' || /^\p{Lu}{2,}/u.test(view.tokens[k]!.text)
        ? view.tokens[k]!.text
        : view.tokens[k]!.lower,
    );
  }
  const t = words.join(' ');
  return t === '' ? null : t;
}

/** The people or groups a figure counts, as written after its number: "opposition parties" of "Six opposition parties". */
export function countedActor(view: SentenceView, s: number, e: number): Entity | null {
  // The words after the number: "more than 10,000 civilians" counts civilians.
  let a = s;
  for (let k = s; k < e; k++) if (view.pos[k] === 'NUM' || view.tokens[k]!.kind === 'num') a = k + 1;
  const head = lastNoun(view, a, e);
  // "Two gunmen died, and three others escaped": the others are of the people counted before.
  if (head >= 0 && /^others?$/.test(view.tokens[head]!.lower)) {
    const referent = othersReferent(view, view.quantities[view.quantityAt[s]!]!);
    if (!referent) return null;
    const [ps, pe] = view.quantityTokens[view.quantities.indexOf(referent)]!;
    return countedActor(view, ps, pe);
  }
  // "41 Britons": a people WordNet knows only by its capitalised name is people too.
  if (head < 0 || !(isActorNoun(view.lemma[head]!) || peopleUnit(view.tokens[head]!.text) === 'person')) return null;
  const phrase = subjectText(view, a, e, true);
  return phrase ? commonActor(phrase) : null;
}

export const commonActor = (phrase: string): Entity => ({ id: entityId(phrase), name: phrase, kind: 'group' });

/** Reads subject, actor-ness and measure from a subject phrase [a, b). */
export function readSubject(
  view: SentenceView,
  a: number,
  b: number,
  focus: ArticleFocus,
  actsOnFigure = false,
  measuredAct: false | 'amount' | 'count' = false,
): { subject: Entity | null; measure: string | null; actor: boolean } {
  const [ha, hb] = headChunk(view, a, b);
  const ms = mentionsIn(view, a, b);
  const inMention = (k: number): boolean => ms.some((m) => k >= m.start && k < m.end);
  const head = lastNoun(view, ha, hb);
  const headIsName = head >= 0 && inMention(head);
  const back = refersBack(view, ha, hb);
  const possessorOrName = ms[0]?.entity ?? null;
  if (head < 0 || headIsName) {
    // "Ford reported", "American Airlines' parent AMR reported": the name at the head (or a pronoun).
    const atHead = ms.find((m) => head >= m.start && head < m.end)?.entity;
    return {
      subject: atHead ?? possessorOrName ?? (back ? referent(view, a, focus) : null),
      measure: null,
      actor: true,
    };
  }
  const headLemma = view.lemma[head]!;
  if (isActorNoun(headLemma) && !back) {
    // "Ford's chief executive" is Ford's; "former Enron directors" are the directors, not Enron.
    const possessor = ms.find((m) => isPossessiveMark(view, m.end));
    if (possessor) return { subject: possessor.entity, measure: null, actor: true };
    // "the department", "the agency": the organisation the article named with that word.
    const named =
      ms.length === 0 && isDefinite(view, ha)
        ? focus.names?.withWord(view.tokens[head]!.lower, new Set(view.tokens.map((t) => t.lower)))
        : null;
    if (named)
      return {
        subject: { id: named.id, name: named.name, kind: named.person ? 'person' : 'named' },
        measure: null,
        actor: true,
      };
    const phrase = subjectText(view, ha, hb);
    return { subject: phrase ? commonActor(phrase) : (possessorOrName ?? null), measure: null, actor: true };
  }
  if (back && ms.length === 0) {
    // "the government", "the company" with nothing to refer back to: the phrase itself.
    const pronoun = PRONOUN_SUBJECTS.has(view.tokens[ha]!.lower);
    const phrase = pronoun ? null : subjectText(view, ha, hb);
    const owner = pronoun ? referent(view, a, focus) : focusEntity(focus);
    // "Its share of the audience soared": the owner's measure.
    if (pronoun && head > ha && !isActorNoun(headLemma)) {
      const measure = measureText(view, ha, b, (k) => PRONOUN_SUBJECTS.has(view.tokens[k]!.lower));
      return { subject: owner, measure, actor: false };
    }
    return { subject: owner ?? (phrase ? commonActor(phrase) : null), measure: null, actor: true };
  }
  // "The plague outbreak has killed 12 people": an event that acts is its figure's subject.
  // "The plague outbreak has killed 12 people", "the film took 20bn yen": an event, or a thing that
  // is no measure, doing an act that names its own measure is its figure's subject.
  if (
    ms.length === 0 &&
    actsOnFigure &&
    (isEventNoun(headLemma) || (measuredAct && (!isMeasureNoun(headLemma) || measuredAct === 'count')))
  ) {
    const phrase = subjectText(view, ha, hb);
    return { subject: phrase ? commonActor(phrase) : null, measure: null, actor: true };
  }
  if (ms.length === 0 && isThingNoun(headLemma)) {
    // "The depot is 180 miles from the border", "Handsets in use will reach 2bn": the thing itself.
    const phrase = measureText(view, ha, hb, () => false);
    return { subject: phrase ? commonActor(phrase) : null, measure: null, actor: false };
  }
  // "its US sales", "their UK exports": the owner is the entity referred back to; the place names a
  // part of the measure.
  if (ms.length > 0 && ms.every((m) => !m.entity.kind) && /^(?:its|their)$/.test(view.tokens[ha]!.lower)) {
    const owner = referent(view, a, focus);
    if (owner) return { subject: owner, measure: measureText(view, ha, hb, (k) => k === ha), actor: false };
  }
  // The measure is the head of the phrase with its "of" complement ("exports of goods"), not the
  // places and owners after other prepositions ("sales at Home Depot's US stores" → sales).
  const measure = measureText(view, ha, hb, (k) => inMention(k) || PRONOUN_SUBJECTS.has(view.tokens[k]!.lower));
  // "The price of oil": the price of goods nobody is named to own is the goods'.
  const goods = ms.length === 0 ? goodsPriced(view, head, hb) : null;
  if (goods) return { subject: goods, measure, actor: false };
  // A bare measure belongs to a name earlier in its sentence ("Southwest Airlines saw its 2004
  // profits fall"), else to the article's focus.
  return { subject: possessorOrName ?? referent(view, a, focus), measure, actor: false };
}

/** The goods of "<price> of <goods>" ("the price of oil", "the cost of wheat"): a price word, "of", a noun WordNet knows as goods. */
function goodsPriced(view: SentenceView, head: number, end: number): Entity | null {
  if (view.tokens[head + 1]?.lower !== 'of' || !isPriceNoun(view.lemma[head] ?? '')) return null;
  let k = head + 2;
  while (k < end && view.pos[k] === 'DET') k++;
  let b = k;
  while (b < end && (view.pos[b] === 'NOUN' || view.pos[b] === 'ADJ')) b++;
  if (b === k || view.pos[b - 1] !== 'NOUN' || !isGoodsNoun(view.lemma[b - 1]!)) return null;
  return commonActor(
    view.tokens
      .slice(k, b)
      .map((t) => t.lower)
      .join(' '),
  );
}
