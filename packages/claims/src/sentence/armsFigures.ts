import type { SentenceInfo } from '../article/sentenceInfo.ts';
import { figureUnit } from '../figureUnits.ts';
import type { Entity, Gazetteer } from '../gazetteer.ts';
import { wordSet } from '../lexicon.ts';
import {
  AID_NOUNS,
  CASUALTY_UNITS,
  FUTURE_AUXILIARIES,
  HALT_WORDS,
  HEDGES,
  NEGATIONS,
  type Predicate,
  TRIGGERS,
  type Trigger,
} from '../predicates.ts';
import type { Token } from '../tokenize.ts';
import type { Quantity } from '../types.ts';
import { rolesFor, tokenIndexAt } from './armsRoles.ts';
import { clausesOf } from './clauses.ts';

/** Measures that can be a claimed amount (tonnes of weaponry, barrels of oil); distances and durations cannot. */
const CLAIMABLE_MEASURES = /^(?:tonne|ton|kg|lb|g|barrel|litre|gallon|bcm|m3|megaton|kiloton|oz)(?:\/|$)/;

/** Words that end a clause for subject and trigger search. */
const CLAUSE_BREAKS = wordSet(`
  ; but while whereas although though which —
`);

/** Past participles: "killed", "supplied"; the irregular ones are listed. */
const PARTICIPLE = /(?:ed|en)$/;
const IRREGULAR_PARTICIPLES = wordSet(`
  sent sold held made built shot hit brought kept given stolen bought fought struck dealt lost
`);

const TROOP_UNITS = wordSet(`
  troop soldier personnel serviceman servicemen marine mercenary paratrooper sailor conscript reservist
  worker
`);

const SHIPMENT_SCOPE =
  /\b(?:one|a single|each|every|per|the first|the last|a)\s+(?:load|shipment|batch|consignment|convoy|trainload|shipload|tranche)\b|\bassembled for (?:transport|shipment|shipping)\b|\bloaded (?:onto|on|aboard)\b/i;

const POLL_CUES =
  /\b(?:support|supports|supported|approve|approves|approval|oppose|opposes|respondents|voters|poll|polls|survey|surveyed|favour|favor|back|backs|backed|trust|trusts)\b/i;

export interface Frame {
  subject: Entity | null;
  recipient: Entity | null;
}

export interface FoundClaim {
  quantity: Quantity;
  concept: string | null;
  qStart: number;
  qEnd: number;
  predicate: Predicate;
  subject: Entity | null;
  recipient: Entity | null;
  unit: string | null;
  scope: string | null;
  negated: boolean;
  hedged: boolean;
  clause: [number, number];
  trigger: number;
}

export function armsFiguresOf(info: SentenceInfo, gazetteer: Gazetteer, frames: Map<Predicate, Frame>): FoundClaim[] {
  const { tokens } = info;
  const out: FoundClaim[] = [];
  const quantityTokens = info.quantities.map(
    (q) => [tokenIndexAt(tokens, q.span[0]), tokenIndexAt(tokens, q.span[1] - 1) + 1] as const,
  );

  // Frames without a quantity still set the scene: "accused North Korea of providing … to Russia".
  if (info.quantities.length === 0) {
    for (let k = 0; k < tokens.length; k++) {
      const trig = TRIGGERS.get(tokens[k]!.lower);
      if (trig?.predicate !== 'transfer' || trig.noun || trig.adjacentOnly) continue;
      const clause = clauseAround(tokens, k, k + 1);
      if (isNegatedOrHedged(tokens, k, clause[0]).some(Boolean)) continue;
      const roles = rolesFor(info, trig, k, k, k + 1, clause, gazetteer);
      if (roles.subject && roles.recipient && roles.subject.id !== roles.recipient.id) {
        frames.set('transfer', { subject: roles.subject, recipient: roles.recipient });
      }
    }
    return out;
  }

  for (let qi = 0; qi < info.quantities.length; qi++) {
    const q = info.quantities[qi]!;
    const [qs, qe] = quantityTokens[qi]!;
    if (!isClaimable(q)) continue;
    // "according to three sources": a figure inside the attribution is no claim.
    if (info.attributions.some((a) => qs >= Math.min(a.npStart, a.verbStart) && qe <= Math.max(a.npEnd, a.verbEnd)))
      continue;
    if (tokens[qs - 1]?.lower === 'to' && tokens[qs - 2]?.lower === 'according') continue;
    const clause = clauseAround(tokens, qs, qe);
    const clauseText = info.sentence.text.slice(tokens[clause[0]]?.start ?? 0, tokens[clause[1] - 1]?.end ?? 0);
    const scope = SHIPMENT_SCOPE.test(clauseText) ? 'shipment' : null;
    const found = findTrigger(info, q, qs, qe, clause);
    let predicate: Predicate;
    let trigger: Trigger;
    let k: number;
    if (found) {
      ({ trigger, index: k } = found);
      predicate = trigger.predicate;
    } else if (scope) {
      trigger = { predicate: 'transfer' };
      predicate = 'transfer';
      k = qs;
    } else if (q.kind === 'percent' && POLL_CUES.test(clauseText)) {
      trigger = { predicate: 'poll' };
      predicate = 'poll';
      k = qs;
    } else continue;

    // "will provide Ukraine with $2.1 billion": a transfer announced for the future is a commitment
    // ("will send 3,000 troops" stays a deployment, below).
    if (
      predicate === 'transfer' &&
      !trigger.reverse &&
      !trigger.noun &&
      !(q.unit && TROOP_UNITS.has(q.unit.split(' ').pop()!)) &&
      isFuture(tokens, k, clause[0])
    )
      predicate = 'pledge';
    // "halted plans to send $6 billion", "froze $300 million in aid"
    if (predicate === 'transfer' || predicate === 'pledge') {
      for (let h = Math.max(clause[0], k - 5); h < k; h++) if (HALT_WORDS.has(tokens[h]!.lower)) predicate = 'halt-aid';
    }
    const roles = rolesFor(info, trigger, k, qs, qe, clause, gazetteer);
    if (roles.reversedTo) predicate = roles.reversedTo;
    let { subject, recipient } = roles;
    const written = q.unit ?? (predicate === 'casualties' ? 'person' : null);
    const unit = written === null ? null : figureUnit(written);
    if (predicate === 'transfer' && unit && TROOP_UNITS.has(unit.split(' ').pop()!)) predicate = 'deploy';
    // For halted aid, "plans to send" belongs to what was halted, not to a hedge.
    let hedgeFrom = clause[0];
    if (predicate === 'halt-aid')
      for (let h = Math.max(clause[0], k - 5); h < k; h++) if (HALT_WORDS.has(tokens[h]!.lower)) hedgeFrom = h + 1;
    const [negated, hedged0] = isNegatedOrHedged(tokens, k, clause[0]);
    const hedged =
      predicate === 'halt-aid' ? isNegatedOrHedged(tokens, k, hedgeFrom)[1] && hedgeFrom === clause[0] : hedged0;

    const frameKey: Predicate = predicate === 'halt-aid' || predicate === 'pledge' ? predicate : predicate;
    if (predicate === 'transfer' || predicate === 'halt-aid' || predicate === 'pledge' || predicate === 'deploy') {
      const frame = frames.get(predicate === 'deploy' ? 'transfer' : frameKey) ?? frames.get('transfer');
      if (frame) {
        if (!subject && frame.subject && frame.subject.id !== recipient?.id) subject = frame.subject;
        if (!recipient && frame.recipient && frame.recipient.id !== subject?.id) recipient = frame.recipient;
      }
      if (subject && recipient && !negated && !hedged && roles.subject && roles.recipient) {
        frames.set(predicate === 'deploy' ? 'transfer' : frameKey, { subject, recipient });
      }
    }
    if (!subject && !recipient) continue;
    // A bare number ("47 were shot down", "including six") counts nothing nameable.
    if (unit === null && q.concept === null) continue;
    if ((predicate === 'spend' || predicate === 'price') && q.kind !== 'money') continue;
    if (predicate === 'poll' && q.kind !== 'percent') continue;
    if (predicate === 'halt-aid' && q.kind !== 'money' && !tokens.some((t) => AID_NOUNS.has(t.lower))) continue;
    out.push({
      quantity: q,
      // "63 main battle tanks" is keyed on `tank`; the written unit stays as the concept.
      concept: q.concept ?? (unit !== written ? written : null),
      qStart: qs,
      qEnd: qe,
      predicate,
      subject,
      recipient,
      unit,
      scope,
      negated,
      hedged,
      clause,
      trigger: k,
    });
  }
  return out;
}

export function isClaimable(q: Quantity): boolean {
  if (q.kind === 'age') return false;
  if (q.kind === 'measure') return q.unit !== null && CLAIMABLE_MEASURES.test(q.unit);
  if (q.kind === 'count' && q.value !== null && q.value < 2 && q.range === null) return false;
  return true;
}

export function clauseAround(tokens: Token[], qs: number, qe: number): [number, number] {
  const c = clausesOf(tokens, CLAUSE_BREAKS);
  return [c.start[qs] ?? 0, c.end[Math.max(qs, qe - 1)] ?? tokens.length];
}

export function findTrigger(
  info: SentenceInfo,
  q: Quantity,
  qs: number,
  qe: number,
  clause: [number, number],
): { trigger: Trigger; index: number } | null {
  const { tokens } = info;
  const lostPeople = q.kind === 'count' && q.unit !== null && CASUALTY_UNITS.has(q.unit.split(' ').pop()!);
  const right = rightTrigger(tokens, qe, clause, lostPeople);
  // "1,000 were injured": a passive right after the figure is its own verb.
  if (
    right &&
    right.index - qe <= 3 &&
    /^(?:was|were|been|being|be|are|is)$/.test(tokens[right.index - 1]?.lower ?? '')
  )
    return right;
  for (let k = qs - 1; k >= Math.max(clause[0], qs - 28); k--) {
    const t = tokens[k]!;
    const trig = TRIGGERS.get(t.lower);
    if (!trig) continue;
    if (trig.adjacentOnly && k !== qs - 1) continue;
    if (trig.sufferer && !lostPeople) continue;
    if (isSpeechVerb(info, k)) continue;
    // A noun trigger governs the number only through "of": "deliveries of 300 tanks".
    if (trig.noun && !(tokens[k + 1]?.lower === 'of' && k + 2 >= qs - 2)) continue;
    return { trigger: trig, index: k };
  }
  return right;
}

export function rightTrigger(
  tokens: Token[],
  qe: number,
  clause: [number, number],
  lostPeople: boolean,
): { trigger: Trigger; index: number } | null {
  // After the figure only a participle governs it: "12 civilians were killed", "90 vehicles supplied by Washington".
  for (let k = qe; k < Math.min(clause[1], qe + 8); k++) {
    const t = tokens[k]!;
    const trig = TRIGGERS.get(t.lower);
    if (!trig || trig.adjacentOnly || trig.noun || (trig.sufferer && !lostPeople)) continue;
    if (!PARTICIPLE.test(t.lower) && !IRREGULAR_PARTICIPLES.has(t.lower)) continue;
    return { trigger: trig, index: k };
  }
  return null;
}

export function isSpeechVerb(info: SentenceInfo, k: number): boolean {
  return info.attributions.some((a) => k >= a.verbStart && k < a.verbEnd);
}

export function isNegatedOrHedged(tokens: Token[], k: number, clauseStart: number): [boolean, boolean] {
  let negated = false;
  let hedged = false;
  for (let h = Math.max(clauseStart, k - 6); h < k; h++) {
    const w = tokens[h]!.lower;
    if (NEGATIONS.has(w) || w.endsWith("n't") || w.endsWith('n’t')) negated = true;
    if (HEDGES.has(w)) hedged = true;
  }
  const w = tokens[k]!.lower;
  if (w.endsWith("n't")) negated = true;
  return [negated, hedged];
}

/** "will provide", "will also send", "'ll deliver": the verb at `k` is in the future tense. */
export function isFuture(tokens: Token[], k: number, clauseStart: number): boolean {
  for (let h = k - 1; h >= Math.max(clauseStart, k - 3); h--) {
    const w = tokens[h]!.lower;
    if (FUTURE_AUXILIARIES.has(w) || w.endsWith("'ll") || w.endsWith('’ll')) return true;
    if (!/ly$/.test(w) && !/^(?:also|soon|now|then|still|not|further|again|each|both)$/.test(w)) return false;
  }
  return false;
}
