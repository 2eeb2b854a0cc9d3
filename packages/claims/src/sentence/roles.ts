import type { Entity, EntityMention } from '../gazetteer.ts';
import {
  isActorNoun,
  isCompanyNoun,
  isEventNoun,
  isMeasureNoun,
  isOrganisationNoun,
  isThingNoun,
} from '../lexical/nounClass.ts';
import { type ArticleNames, entityId } from './entityNames.ts';
import type { Governor } from './governor.ts';
import { isPossessiveMark, phraseEndingAt } from './governor.ts';
import { measureText } from './measure.ts';
import { isAdjective } from './namedMentions.ts';
import { type SentenceView, textOf } from './sentenceView.ts';

/** Who a figure is about (or who acted), who was on the other side, and what it measures. */
export interface Roles {
  subject: Entity | null;
  recipient: Entity | null;
  /** What the figure measures as the sentence names it ("net income"), or null. */
  measure: string | null;
  /** The subject phrase names who acted (an actor), not what was measured. */
  actorSubject: boolean;
  /** The subject phrase was a personal pronoun alone ("they", "he"): lower-cased, else null. */
  pronoun: string | null;
  /** A name owning the object or noun the figure fills: "sent Lenovo's shares up 6%" → Lenovo. */
  measureOwner: Entity | null;
  /** The people a share is of: "a third of children", "80% of UK adults" → the group. */
  shareGroup: Entity | null;
}

/** What the article has said so far: the entity a pronoun or "the company" refers back to. */
export interface ArticleFocus {
  /** The entity the article is about: the one named most, the headline and lead counting double. */
  topic: Entity | null;
  /** The subject of the last figure found. */
  last: Entity | null;
  /** The last subject found that is a name (a company, a body, a state), not people or a group. */
  lastNamed?: Entity | null;
  /** The article's names: "the department" is the one named "Department of …". */
  names?: ArticleNames;
}

/** Verbs by which a measure moves or is: their subject is what is measured, never an actor of its own. */
const STATE_VERBS = new Set([
  'be',
  'rise',
  'fall',
  'grow',
  'increase',
  'decrease',
  'decline',
  'remain',
  'stand',
  'reach',
  'total',
  'climb',
  'drop',
  'jump',
  'surge',
  'soar',
  'slip',
  'ease',
  'narrow',
  'widen',
  'hit',
  'top',
  'exceed',
  'double',
  'halve',
]);

const PERSONAL_PRONOUNS = new Set(['it', 'they', 'he', 'she', 'we']);
const PRONOUN_SUBJECTS = new Set(['it', 'its', 'they', 'their', 'itself']);
const PREPOSITIONS_IN_SUBJECT = new Set(['of', 'at', 'in', 'for', 'from', 'on', 'across', 'among']);
/** Prepositions that name the other party of a directed figure: "paid $1bn to Fiat", "sold to Verizon". */
const RECIPIENT_PREPOSITIONS = new Set(['to', 'for', 'into', 'in']);

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
    for (let h = k - 2; h > floor; h--) {
      if (view.tokens[h]!.text === opener) {
        k = h;
        break;
      }
    }
  }
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

function mentionsIn(view: SentenceView, a: number, b: number): EntityMention[] {
  return view.mentions.filter((m) => m.start >= a && m.end <= b);
}

/** The head chunk of a phrase: up to its first preposition ("sales" of "sales at Home Depot's stores"). */
function headChunk(view: SentenceView, a: number, b: number): [number, number] {
  for (let k = a; k < b; k++) if (view.pos[k] === 'ADP' && view.tokens[k]!.lower !== 'of') return [a, k];
  return [a, b];
}

/** The head noun of a phrase: its last noun before any "of" ("share" of "share of the audience"). */
function lastNoun(view: SentenceView, a: number, b: number): number {
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
function refersBack(view: SentenceView, a: number, b: number): boolean {
  const words: number[] = [];
  for (let k = a; k < b; k++) if (view.pos[k] !== 'PART') words.push(k);
  if (words.length === 1 && PRONOUN_SUBJECTS.has(view.tokens[words[0]!]!.lower)) return true;
  if (PRONOUN_SUBJECTS.has(view.tokens[a]!.lower)) return true;
  return (
    words.length === 2 &&
    view.tokens[words[0]!]!.lower === 'the' &&
    view.pos[words[1]!] === 'NOUN' &&
    isCompanyNoun(view.lemma[words[1]!]!)
  );
}

/**
 * The entity a bare measure ("Net profit rose 70%") or "the company" is about: the last named
 * subject (a company discussed in its own paragraph), else the article's topic, else the last
 * subject of any kind.
 */
function focusEntity(focus: ArticleFocus): Entity | null {
  if (focus.last?.kind === 'named') return focus.last;
  // People and groups named by a common noun ("police", "gunmen") own no bare measure.
  if (focus.topic) return focus.topic;
  if (focus.last?.kind !== 'person' && focus.last?.kind !== 'group' && focus.last) return focus.last;
  return focus.lastNamed ?? null;
}

/**
 * What "it", "its", "they" or "their" at token `a` refers to: the nearest name before it in the same
 * sentence that is no person ("BP added that it was increasing its dividend", "Southwest Airlines saw
 * its profits fall"), else the article's focus.
 */
function referent(view: SentenceView, a: number, focus: ArticleFocus): Entity | null {
  for (let i = view.mentions.length - 1; i >= 0; i--) {
    const m = view.mentions[i]!;
    if (m.end > a) continue;
    // "Inbev's European business": a nationality qualifying a noun owns nothing.
    if (qualifiesNext(view, m)) continue;
    if (m.entity.kind !== 'person' && m.entity.kind !== 'group') return m.entity;
  }
  return focusEntity(focus);
}

/** A one-word name used as an adjective before a lower-case noun: "European business", "English bill". */
function qualifiesNext(view: SentenceView, m: EntityMention): boolean {
  const next = view.tokens[m.end];
  return (
    m.end - m.start === 1 &&
    next?.kind === 'word' &&
    /^\p{Ll}/u.test(next.text) &&
    (m.form === 'demonym' || isAdjective(view.tokens[m.start]!.text))
  );
}

const isDefinite = (view: SentenceView, a: number): boolean => /^(?:the|this|that)$/.test(view.tokens[a]!.lower);

/** A common-noun subject as written, with names kept in their case: "former Enron directors". */
function subjectText(view: SentenceView, a: number, b: number, withinFigure = false): string | null {
  const words: string[] = [];
  for (let k = a; k < b; k++) {
    const p = view.pos[k];
    if (p === 'DET' || p === 'PRON' || (!withinFigure && view.quantityAt[k]! >= 0)) continue;
    if (p === 'PART' || isPossessiveMark(view, k)) {
      if (words.length > 0) words[words.length - 1] += view.tokens[k]!.text;
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
function countedActor(view: SentenceView, s: number, e: number): Entity | null {
  // The words after the number: "more than 10,000 civilians" counts civilians.
  let a = s;
  for (let k = s; k < e; k++) if (view.pos[k] === 'NUM' || view.tokens[k]!.kind === 'num') a = k + 1;
  const head = lastNoun(view, a, e);
  if (head < 0 || !isActorNoun(view.lemma[head]!)) return null;
  const phrase = subjectText(view, a, e, true);
  return phrase ? commonActor(phrase) : null;
}

/**
 * The agent of a passive after token `from`: "by Fiat", "by the Electoral Commission", "by 16
 * political parties", "by the government" (a name, else people or a body named by a common noun).
 */
function agentOf(view: SentenceView, from: number, clauseEnd: number): Entity | null {
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
function existential(view: SentenceView, v: number, floor: number): boolean {
  let k = v - 1;
  while (k > floor && (view.pos[k] === 'AUX' || view.pos[k] === 'ADV')) k--;
  return view.tokens[k]?.lower === 'there';
}

/** The things a figure counts, as written after its number: "mobile phones" of "167 million mobile phones". */
function countedThing(view: SentenceView, s: number, e: number): Entity | null {
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

const commonActor = (phrase: string): Entity => ({ id: entityId(phrase), name: phrase, kind: 'group' });

/** Reads subject, actor-ness and measure from a subject phrase [a, b). */
function readSubject(
  view: SentenceView,
  a: number,
  b: number,
  focus: ArticleFocus,
  actsOnFigure = false,
  measuredAct = false,
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
    const named = ms.length === 0 && isDefinite(view, ha) ? focus.names?.withWord(view.tokens[head]!.lower) : null;
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
  if (ms.length === 0 && actsOnFigure && (isEventNoun(headLemma) || (measuredAct && !isMeasureNoun(headLemma)))) {
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
  // A bare measure belongs to a name earlier in its sentence ("Southwest Airlines saw its 2004
  // profits fall"), else to the article's focus.
  return { subject: possessorOrName ?? referent(view, a, focus), measure, actor: false };
}

/** The entity right after a directed verb, or after "to/for" past the figure: "paid Fiat $1.55bn", "sold it to Verizon". */
function recipientOf(
  view: SentenceView,
  gov: Governor,
  figureEnd: number,
  clauseEnd: number,
  subject: Entity | null,
): Entity | null {
  if (gov.verb < 0) return null;
  for (const m of view.mentions) {
    if (m.start <= gov.verb || m.start >= clauseEnd) continue;
    if (subject && m.entity.id === subject.id) continue;
    const before = view.tokens[m.start - 1]?.lower === 'the' ? m.start - 2 : m.start - 1;
    const prep = view.tokens[before]?.lower ?? '';
    if (before === gov.verb || (before === gov.verb + 1 && gov.particle)) return m.entity;
    if (RECIPIENT_PREPOSITIONS.has(prep) && (m.start >= figureEnd || prep === 'to')) return m.entity;
  }
  return null;
}

/**
 * The roles of a figure with tokens [s, e) under `gov` in clause `clause`. The subject phrase of the
 * verb gives the subject (its first name, a pronoun's referent, or — for "the dealers", "gunmen" —
 * the phrase itself) and, when its head is not an actor, the measure ("Ford's net income"). A
 * passive's "by X" is its subject. `directed` asks for the other party as well.
 */
export function rolesOf(
  view: SentenceView,
  gov: Governor,
  s: number,
  e: number,
  clause: [number, number],
  focus: ArticleFocus,
  directed: boolean,
  /** The act names its own measure ("took" → takings, "sold" → sales): its subject acts. */
  measuredAct = false,
): Roles {
  let subject: Entity | null = null;
  let measure: string | null = null;
  let actorSubject = false;
  let pronoun: string | null = null;
  if (gov.verb >= 0 && !gov.figureFirst) {
    const np = subjectPhrase(view, gov.verb, clause[0]);
    if (np && np[1] - np[0] === 1 && /^(?:he|she|they|we)$/.test(view.tokens[np[0]]!.lower))
      pronoun = view.tokens[np[0]]!.lower;
    if (np) {
      const r = readSubject(
        view,
        np[0],
        np[1],
        focus,
        !STATE_VERBS.has(gov.lemma) && (gov.object !== null || gov.nominal === null),
        measuredAct,
      );
      subject = r.subject;
      measure = r.measure;
      actorSubject = r.actor;
    }
  }
  if (gov.passive || gov.figureFirst) {
    const agent = agentOf(view, Math.max(gov.verb, e), clause[1]);
    if (agent) {
      subject = agent;
      actorSubject = true;
    }
  }
  if (gov.figureFirst && !subject) {
    // "30,000 American troops are stationed": a name on the figure's own phrase; else the people it
    // counts ("Two gunmen died", "Six opposition parties began").
    // Those killed, sold or shipped are no subject of their own figure: only an active verb's are.
    const own = view.mentions.find((m) => m.start >= s && m.start <= e + 2);
    // "13,000 US troops remain": the state whose people are counted.
    const state = own && !own.entity.kind ? own.entity : null;
    subject = state ?? (gov.passive ? null : countedActor(view, s, e)) ?? own?.entity ?? null;
    // "170 million cinema admissions were made in Japan": where it happened, when nobody did it.
    if (!subject && gov.passive) {
      const place = view.mentions.find(
        (m) => m.start > gov.verb && m.start < clause[1] && view.tokens[m.start - 1]?.lower === 'in' && !m.entity.kind,
      );
      subject = place?.entity ?? null;
    }
    // "167 million mobile phones were sold", "10,000 phones are lost": what is counted, when nobody
    // and nowhere is named.
    if (!subject && gov.passive) subject = countedThing(view, s, e);
  }
  // "there will be two billion handsets in use": what is counted exists. When someone named says so
  // ("there were 750 leaks, the utility's officials said"), the figure is theirs: see the speakers.
  const named = view.attributions.some((a) => a.name !== null);
  if (!subject && !named && gov.verb >= 0 && gov.lemma === 'be' && existential(view, gov.verb, clause[0]))
    subject = countedThing(view, s, e);
  // "Yahoo's $4.8 billion sale": the owner named right before the figure.
  const owner = view.mentions.find((m) => m.end === s - 1 && isPossessiveMark(view, m.end));
  if (!subject && owner) subject = owner.entity;
  if (!subject && gov.verb >= 0 && !gov.figureFirst && !actorSubject) subject = referent(view, gov.verb, focus);
  const recipient = directed ? recipientOf(view, gov, e, clause[1], subject) : null;
  const measureOwner = ownerOfPhrase(view, gov.object ?? gov.nominal);
  return { subject, recipient, measure, actorSubject, pronoun, measureOwner, shareGroup: shareGroupAfter(view, e) };
}

const GENERIC_PEOPLE = new Set(['people', 'person', 'persons', 'population', 'public']);

/**
 * "a third of children do", "more than 50% of mobile owners reported", "80% of UK adults own": a
 * share of people is about those people; of people in general ("2% of people"), about the place
 * the sentence names.
 */
function shareGroupAfter(view: SentenceView, e: number): Entity | null {
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
function ownerOfPhrase(view: SentenceView, span: [number, number] | null): Entity | null {
  if (!span) return null;
  const [a, b] = span;
  const m = view.mentions.find(
    (m) => (m.start >= a || m.end === a - 1) && m.end < b && isPossessiveMark(view, m.end) && m.entity.kind !== 'group',
  );
  return m?.entity ?? null;
}

export { textOf };
