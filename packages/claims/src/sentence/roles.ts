import type { Entity } from '../gazetteer.ts';
import type { ArticleFocus } from './focus.ts';
import { referent } from './focus.ts';
import { type Governor, isPossessiveMark } from './governor.ts';
import { agentOf, countedThing, existential, giverOf, ownerOfPhrase, shareGroupAfter } from './owners.ts';
import { type SentenceView, textOf } from './sentenceView.ts';
import { countedActor, readSubject, subjectPhrase } from './subjects.ts';

export type { ArticleFocus } from './focus.ts';

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

/** Prepositions that name the other party of a directed figure: "paid $1bn to Fiat", "sold to Verizon". */
const RECIPIENT_PREPOSITIONS = new Set(['to', 'for', 'into', 'in']);

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
  measuredAct: false | 'amount' | 'count' = false,
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
  // "a bequest from Ruth Beardmore of £400,000", "a $3bn offer from Facebook": the giver is the figure's.
  const giver = giverOf(view, s, e, clause[1]);
  if (giver && giver.id !== subject?.id) {
    subject = giver;
    actorSubject = true;
  }
  const recipient = directed ? recipientOf(view, gov, e, clause[1], subject) : null;
  const measureOwner = ownerOfPhrase(view, gov.object ?? gov.nominal);
  return { subject, recipient, measure, actorSubject, pronoun, measureOwner, shareGroup: shareGroupAfter(view, e) };
}

export { textOf };
