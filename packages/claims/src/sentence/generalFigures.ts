import { figureUnit, peopleUnit } from '../figureUnits.ts';
import type { Entity } from '../gazetteer.ts';
import { isActorNoun, isGoodsNoun } from '../lexical/nounClass.ts';
import { actMeasure, familyOf, isDirected, predicateOf } from '../lexical/vocabulary.ts';
import { singularize } from '../singularize.ts';
import type { Quantity } from '../types.ts';
import { claimable } from './claimable.ts';
import type { FigureFound } from './figureFound.ts';
import {
  changeNounMeasure,
  countedInMeasure,
  DESCRIBING,
  fateBefore,
  measureOf,
  movedObject,
  othersReferent,
} from './figureMeasure.ts';
import { findGovernor } from './governor.ts';
import { modalityOf } from './modality.ts';
import { rateTime } from './rates.ts';
import { type ArticleFocus, type Roles, rolesOf } from './roles.ts';
import { clauseAround, type SentenceView } from './sentenceView.ts';
import { type Statement, statementsOf } from './statements.ts';
import { commonActor } from './subjects.ts';

/** Units of time: a duration is a figure only when the sentence says it is one ("the review period is six months"). */
const TIME_UNITS = /^(?:second|minute|hour|day|week|fortnight|month|year|decade|century)s?$/;
/** Units of amounts (weights, volumes, energy) that can be produced, sold or held. */
const AMOUNT_UNITS =
  /^(?:tonne|ton|kg|lb|g|barrel|litre|gallon|bcm|m3|megaton|kiloton|oz|kwh|mwh|gwh|twh|mw|gw|b|kb|mb|gb|tb|pb)(?:\/|$)/i;
/** Predicates that state a result of their own: a change beside them does not replace them. */
const RESULT_PREDICATES = new Set(['report', 'earn', 'lose', 'cost', 'pay', 'spend', 'sell', 'buy', 'raise', 'cut']);
/** Speech verbs that govern a figure only as "it was": "said 500 containers", "added 3%". */
const SPEECH_ONLY = new Set(['say', 'tell', 'add', 'note', 'state', 'write', 'explain', 'claim', 'insist', 'reckon']);

/**
 * The figures of one sentence by the open rules: every statement (a level with its change and
 * earlier level, or a change alone) whose governor, roles and measure can be read. A figure needs
 * a subject or a measure; a bare number needs a measure.
 */
export function generalFiguresOf(view: SentenceView, focus: ArticleFocus): FigureFound[] {
  const out: FigureFound[] = [];
  const statements = statementsOf(view, (q, qi) => claimable(view, q, qi));
  for (const st of statements) {
    const f = figureOf(view, st, focus);
    if (f) {
      out.push(f);
      if (f.subject && !f.negated) {
        focus.last = f.subject;
        if (f.subject.kind !== 'person' && f.subject.kind !== 'group') focus.lastNamed = f.subject;
      }
    }
  }
  return out;
}

function figureOf(view: SentenceView, st: Statement, focus: ArticleFocus): FigureFound | null {
  const q = view.quantities[st.value]!;
  const [s, e] = view.quantityTokens[st.value]!;
  const firstQ = Math.min(st.value, st.change ?? st.value, st.previous ?? st.value);
  const lastQ = Math.max(st.value, st.change ?? st.value, st.previous ?? st.value);
  const fs = view.quantityTokens[firstQ]![0];
  const fe = view.quantityTokens[lastQ]![1];
  const clause = clauseAround(view, fs, fe);
  const gov = findGovernor(view, fs, fe, clause, e);
  if (!gov) return null;
  const lemma = gov.verb >= 0 ? gov.lemma : '';
  const speechOnly = SPEECH_ONLY.has(lemma);
  const transitiveGuess = gov.verb >= 0 && !gov.figureFirst && !gov.passive;
  let reading =
    gov.verb >= 0 && !speechOnly ? predicateOf(lemma, false, gov.particle) : { predicate: 'be', direction: null };
  // An act that names its own measure ("took" → takings): its subject acts. "cost" measures its
  // subject's price; a participle after a comma shares a subject read too far away to trust.
  // A count the act names ("the game sold 1m copies"): whatever WordNet makes of the subject, it acted.
  const measuredAct =
    reading.predicate !== 'cost' &&
    !(gov.verb > 0 && view.tokens[gov.verb - 1]!.text === ',') &&
    actMeasure(reading.predicate, q.kind, q.unit) !== null
      ? q.kind === 'count'
        ? 'count'
        : 'amount'
      : false;
  const roles = rolesOf(view, gov, s, e, clause, focus, isDirected(reading.predicate), measuredAct);
  // An actor moved the figure ("raised its dividend", "cut 1,000 jobs") when the verb has an object,
  // or takes a count or an amount; "the economy expanded 4.2%" is a figure that moved.
  // A figure after "to", "by" or "from" is where the figure moved to, or by how much: it moved itself.
  const target = /^(?:to|by|from|at)$/.test(view.tokens[s - 1]?.lower ?? '');
  if (
    transitiveGuess &&
    roles.actorSubject &&
    reading.direction &&
    !target &&
    (gov.object || q.kind === 'count' || q.kind === 'money')
  )
    reading = predicateOf(lemma, true, gov.particle);
  // "announced a 26% rise in annual profits to $16.2bn", "saw profits fall 15%", "were up 42%",
  // "sales up 21% at 8.6bn euros": the change is what the sentence says happened, whatever verb
  // carries it, unless the verb itself states a result ("reported", "earned", "lost").
  if (st.direction && !RESULT_PREDICATES.has(reading.predicate) && (st.changeNoun !== null || !reading.direction)) {
    const copulaFirst =
      reading.predicate === 'be' && gov.verb >= 0 && !/^(?:up|down)$/.test(view.tokens[gov.verb + 1]?.lower ?? '');
    if (!copulaFirst || st.changeNoun !== null)
      reading = { predicate: st.direction === 'up' ? 'rise' : 'fall', direction: st.direction };
  }
  // "killing 19 people, including 17 foreigners": a part of a casualty count met the same fate.
  if (q.kind === 'count' && gov.lemma === 'include' && view.tokens[gov.verb - 1]?.text === ',') {
    const fate = fateBefore(view, gov.verb);
    if (fate) reading = predicateOf(fate, false, null);
  }
  // "acquiring the studio for $7.5 billion": the price of what was bought or sold.
  const forPrice = view.tokens[s - 1]?.lower === 'for' && q.kind === 'money';
  // "sells for $24 a pound", "sold for £339": a price.
  if (reading.predicate === 'sell' && view.tokens[s - 1]?.lower === 'for' && q.kind === 'money' && !gov.object)
    reading = { predicate: 'cost', direction: null };
  const predicate = reading.predicate;

  // A distance, duration, speed or temperature is a figure when the sentence says what it measures
  // ("an altitude of 190km", "the review period is six months"), not as the adjunct of an act
  // ("transported 180 miles", "in the past five years"). Weights and volumes are amounts.
  if (q.kind === 'measure' && !(q.unit && AMOUNT_UNITS.test(q.unit)) && predicate !== 'be' && !gov.nominal) return null;
  if (q.kind === 'measure' && q.unit && TIME_UNITS.test(q.unit) && !gov.nominal && roles.measure === null) return null;

  // "two versions", "three trays", "at least three areas": a small count of things that the
  // sentence only has or is, written in words, describes; people counted, or counts that something
  // happened to, stay figures ("Six opposition parties began", "three commanders suspended").
  if (
    q.kind === 'count' &&
    q.unit !== 'rank' &&
    q.value !== null &&
    q.value < 10 &&
    !view.tokens.slice(s, e).some((t) => t.kind === 'num') &&
    DESCRIBING.has(predicate) &&
    !(q.unit && isActorNoun(singularize(q.unit.split(' ').pop()!)))
  )
    return null;
  const direction = st.direction ?? reading.direction;
  // Casualties are persons whichever word counts them ("19 people", "17 foreigners", "two gunmen").
  const casualty = predicate === 'kill' || predicate === 'injure' || predicate === 'die';
  const unit =
    q.unit === null ? null : casualty ? peopleUnit(figureUnit(q.unit)) : othersUnit(view, q, figureUnit(q.unit));
  // "paid between $5 and $6 a pound for halibut": a price per unit of the thing after "for".
  const priced = q.kind === 'money' && unit?.includes('/') ? thingAfterFor(view, e, clause[1]) : null;
  if (priced) roles.subject = priced;
  const measure = priced
    ? 'price'
    : (changeNounMeasure(view, st, clause[1], direction) ??
      (forPrice
        ? predicate === 'buy' || predicate === 'sell'
          ? actMeasure(predicate, q.kind, unit)
          : 'price'
        : null) ??
      measureOf(view, gov, q, roles.measure, predicate, unit, st.changeOnly, roles.subject?.name ?? null, direction));
  // "will raise the number of nurses to 6,200": a number of things an act moved is theirs.
  const numberOf = /^number of (.+)$/.exec(measure ?? '');
  if (numberOf && movedObject(view, gov, q)) roles.subject = commonActor(numberOf[1]!);
  if (q.unit === null && q.concept === null && measure === null) return null;
  if (!roles.subject && !measure) return null;
  const stated = statedPredicate(predicate, measure, q.kind);

  const change = changeOf(view, st, direction);
  const counted = perShare(unit, measure, q) ?? unit ?? (q.kind === 'count' ? countedInMeasure(measure) : null);
  // "10,000 phones are lost every month": a count over time is a rate (phone/month).
  const per = q.kind === 'count' && counted && !counted.includes('/') ? rateTime(view, e, clause[1]) : null;
  const unitOut = per ? `${counted}/${per}` : counted;
  const { hedged, negated } = modalityOf(view, gov.verb, fs, clause[0], gov.nominal);
  const directed = isDirected(stated) && roles.recipient !== null;
  return {
    quantity: q,
    qStart: s,
    qEnd: e,
    predicate: stated,
    family: familyOf(stated, st.changeOnly),
    directed,
    // "sent Lenovo's shares up 6%", "showed Yoon's approval rating at 13%": a figure that moved or
    // stands, not one the subject paid or earned, is its owner's.
    // "Barclays is Britain's second-largest bank": the owner of a rank's phrase is where it ranks.
    subject:
      q.unit === 'rank' ? rankHolder(view, gov, roles) : ownerOf(roles, predicate, directed, q.kind, gov.figureFirst),
    ...(roles.pronoun ? { subjectPronoun: roles.pronoun } : {}),
    recipient: directed ? roles.recipient : null,
    unit: unitOut,
    concept: q.concept,
    measure,
    scope: null,
    change: change.direction,
    changeBy: change.by,
    // "an increase of 62,000 units": a count's change is in what the level counts.
    changeUnit:
      q.kind === 'count' && change.by !== null && (change.unit === null || /^units?$/.test(change.unit))
        ? (unitOut ?? change.unit)
        : change.unit,
    previous: st.previous !== null ? (view.quantities[st.previous]!.value ?? null) : null,
    negated,
    hedged: hedged && !(predicate === 'cost' && !gov.nominal),
    clause,
    trigger: gov.verb >= 0 ? gov.verb : (gov.nominal?.[0] ?? s),
    governorLemma: gov.verb >= 0 ? gov.lemma : '',
  };
}

/**
 * Whose figure it is when the figure is not the subject's act: the owner of the phrase it fills
 * ("sent Lenovo's shares up 6%"), the people a share is of ("a third of children do"); else the
 * subject.
 */
function ownerOf(
  roles: Roles,
  predicate: string,
  directed: boolean,
  kind: string,
  figureFirst: boolean,
): Entity | null {
  // "attracting a quarter of the television audience": an actor's share is the actor's; "50% of
  // mobile owners reported …" is theirs.
  if (kind === 'percent' && roles.shareGroup && (predicate === 'be' || figureFirst || !roles.subject))
    return roles.shareGroup;
  if (RESULT_PREDICATES.has(predicate) || directed) return roles.subject;
  return roles.measureOwner ?? roles.subject;
}

/**
 * A dividend of a few units of money (or written in cents or pence) is paid per share: "its
 * dividend by 26% to 8.5 cents" → USD/share; a total paid out ("$2bn in dividends") is not.
 */
function perShare(unit: string | null, measure: string | null, q: Quantity): string | null {
  if (q.kind !== 'money' || !unit || unit.includes('/') || !measure || !/\bdividends?$/.test(measure)) return null;
  const small = (q.value ?? Number.POSITIVE_INFINITY) < 100 || /\d\s*(?:cents?|pence|p)\b/i.test(q.text);
  return small ? `${unit}/share` : null;
}

/** Wholes of which a share is held: a market, sales, takings, spending, an audience, votes. */
const HELD_WHOLES = /\b(?:market|sales?|box office|takings|spending|audience|viewers|votes?)\b/;

/**
 * The predicate as the figure states it: a price that is is a cost ("the $499 Macintosh"), a share
 * of a market that is is held ("a quarter of the market"), money a film or show took it earned.
 */
function statedPredicate(predicate: string, measure: string | null, kind: string): string {
  if (predicate === 'take' && kind === 'money') return 'earn';
  if (predicate !== 'be' || !measure) return predicate;
  if (kind === 'money' && /^(?:price|.*\bprice)$/.test(measure) && !/\bshare price$/.test(measure)) return 'cost';
  if (kind === 'percent' && (measure === 'market share' || (/^share of /.test(measure) && HELD_WHOLES.test(measure))))
    return 'hold';
  return predicate;
}

interface ChangeReading {
  direction: 'up' | 'down' | null;
  by: number | null;
  unit: string | null;
}

/** The change of a statement: its stated amount, or the difference from the earlier level. */
function changeOf(view: SentenceView, st: Statement, direction: 'up' | 'down' | null): ChangeReading {
  const value = view.quantities[st.value]!;
  if (st.changeOnly) {
    return { direction: direction ?? value.change, by: value.value, unit: changeUnit(value) };
  }
  if (st.change !== null) {
    const c = view.quantities[st.change]!;
    return { direction: direction ?? c.change, by: c.value, unit: changeUnit(c, value) };
  }
  if (st.previous !== null) {
    const p = view.quantities[st.previous]!;
    // "from 350 to 400 colleges": a bare earlier number is in the level's unit.
    if (
      p.value !== null &&
      value.value !== null &&
      (p.unit === value.unit || (p.unit === null && p.kind === value.kind))
    ) {
      const diff = value.value - p.value;
      const by = Math.abs(diff);
      return {
        direction: direction ?? (diff > 0 ? 'up' : diff < 0 ? 'down' : null),
        by: Number(by.toPrecision(12)),
        // A move between two percentages is in percentage points.
        unit: value.unit === '%' ? 'percentage point' : value.unit,
      };
    }
  }
  return { direction, by: null, unit: null };
}

/** The unit of a stated change: points of a percentage are percentage points, of an index points. */
function changeUnit(q: Quantity, level: Quantity | null = null): string | null {
  if (q.unit === '%') return '%';
  if (q.unit === 'percentage point') return q.unit;
  if (q.unit === 'point') return level && level.unit !== '%' ? 'point' : 'percentage point';
  return q.unit;
}

/** "Two gunmen died, and three others escaped": "others" after people counted in the sentence are persons. */
function othersUnit(view: SentenceView, q: Quantity, unit: string): string {
  const referent = othersReferent(view, q);
  return referent?.unit && peopleUnit(figureUnit(referent.unit)) === 'person' ? 'person' : unit;
}

/** The thing right after "for" behind a figure: "$6 a pound for halibut" → halibut (not people or names). */
function thingAfterFor(view: SentenceView, end: number, clauseEnd: number): Entity | null {
  let e = end;
  // "$6 a pound for halibut": past the unit it is per, when the figure's words end before it.
  if (/^(?:a|an|per)$/.test(view.tokens[e]?.lower ?? '') && view.pos[e + 1] === 'NOUN') e += 2;
  if (view.tokens[e]?.lower !== 'for') return null;
  let a = e + 1;
  while (view.pos[a] === 'DET') a++;
  let b = a;
  while (b < clauseEnd && (view.pos[b] === 'NOUN' || view.pos[b] === 'ADJ')) b++;
  if (b === a || view.pos[b - 1] !== 'NOUN' || !isGoodsNoun(view.lemma[b - 1]!)) return null;
  if (view.mentions.some((m) => m.start < b && m.end > a)) return null;
  return commonActor(
    view.tokens
      .slice(a, b)
      .map((t) => t.lower)
      .join(' '),
  );
}

/**
 * What holds a rank: the subject ("Barclays is Britain's second-largest bank"), or, when the rank
 * comes first, the name after its verb ("The second highest-grossing film was Crying Out Love"); the
 * place or owner in the rank's own phrase is where it ranks.
 */
function rankHolder(view: SentenceView, gov: { verb: number; figureFirst: boolean }, roles: Roles): Entity | null {
  if (gov.figureFirst && gov.verb >= 0) {
    const named = view.mentions.find((m) => m.start > gov.verb && m.start <= gov.verb + 4 && m.entity.kind);
    if (named) return named.entity;
  }
  return roles.subject ?? roles.measureOwner;
}
