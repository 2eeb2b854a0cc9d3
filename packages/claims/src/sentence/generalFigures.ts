import { figureUnit, peopleUnit } from '../figureUnits.ts';
import type { Entity } from '../gazetteer.ts';
import { isActorNoun, isOrganisationNoun, isThingNoun } from '../lexical/nounClass.ts';
import { participle } from '../lexical/participle.ts';
import { actMeasure, familyOf, isDirected, predicateOf } from '../lexical/vocabulary.ts';
import { singularize } from '../singularize.ts';
import type { Quantity } from '../types.ts';
import { claimable } from './claimable.ts';
import type { FigureFound } from './figureFound.ts';
import { findGovernor, type Governor, phraseStartingAt } from './governor.ts';
import { LEVEL_WORDS, measureText } from './measure.ts';
import { modalityOf } from './modality.ts';
import { type ArticleFocus, type Roles, rolesOf } from './roles.ts';
import { clauseAround, type SentenceView } from './sentenceView.ts';
import { type Statement, statementsOf } from './statements.ts';

/** Units of time: a duration is a figure only when the sentence says it is one ("the review period is six months"). */
const TIME_UNITS = /^(?:second|minute|hour|day|week|fortnight|month|year|decade|century)s?$/;
/** Units of amounts (weights, volumes, energy) that can be produced, sold or held. */
const AMOUNT_UNITS =
  /^(?:tonne|ton|kg|lb|g|barrel|litre|gallon|bcm|m3|megaton|kiloton|oz|kwh|mwh|gwh|twh|mw|gw)(?:\/|$)/;
/** Predicates that state a result of their own: a change beside them does not replace them. */
const RESULT_PREDICATES = new Set(['report', 'earn', 'lose', 'cost', 'pay', 'spend', 'sell', 'buy', 'raise', 'cut']);
/** Predicates by which a sentence has or is something: with a small count, a description. */
const DESCRIBING = new Set(['be', 'hold', 'do', 'come', 'load', 'offer', 'feature', 'include', 'contain']);
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
  const measuredAct =
    reading.predicate !== 'cost' &&
    !(gov.verb > 0 && view.tokens[gov.verb - 1]!.text === ',') &&
    actMeasure(reading.predicate, q.kind, q.unit) !== null;
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
  const unit = q.unit === null ? null : casualty ? peopleUnit(figureUnit(q.unit)) : figureUnit(q.unit);
  const measure =
    changeNounMeasure(view, st, clause[1], direction) ??
    (forPrice ? (predicate === 'buy' || predicate === 'sell' ? actMeasure(predicate, q.kind, unit) : 'price') : null) ??
    measureOf(view, gov, q, roles.measure, predicate, unit, st.changeOnly, roles.subject?.name ?? null, direction);
  if (q.unit === null && q.concept === null && measure === null) return null;
  if (!roles.subject && !measure) return null;
  const stated = statedPredicate(predicate, measure, q.kind);

  const change = changeOf(view, st, direction);
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
    subject: ownerOf(roles, predicate, directed, q.kind, gov.figureFirst),
    ...(roles.pronoun ? { subjectPronoun: roles.pronoun } : {}),
    recipient: directed ? roles.recipient : null,
    unit: unit ?? (q.kind === 'count' ? countedInMeasure(measure) : null),
    concept: q.concept,
    measure,
    scope: null,
    change: change.direction,
    changeBy: change.by,
    changeUnit: change.unit,
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

/** The measure: the noun the figure fills, else the subject's measure, else the verb's object, the quantity's concept, or the act's own measure. */
function measureOf(
  view: SentenceView,
  gov: Governor,
  q: Quantity,
  subjectMeasure: string | null,
  predicate: string,
  unit: string | null,
  changeOnly: boolean,
  subjectName: string | null,
  direction: 'up' | 'down' | null,
): string | null {
  const inMention = (k: number): boolean => view.mentions.some((m) => k >= m.start && k < m.end);
  // "the estimated 150,000 dead": the dead counted are a death toll, whatever the verb.
  if (q.kind === 'count' && /^(?:dead|killed)$/.test(countedWords(view, q))) return 'death toll';
  let m: string | null = null;
  if (gov.nominal) m = nominalMeasure(view, gov, q, inMention);
  // "…, taking 13.8bn yen", "…, earning $5m": a participle after a comma names its own act; the
  // subject it shares measures something else.
  const participleClause =
    gov.verb > 0 && view.tokens[gov.verb - 1]!.text === ',' && /ing$/.test(view.tokens[gov.verb]!.lower);
  if (!m && participleClause) m = actMeasure(predicate, q.kind, unit);
  // "accounted for 37.5% of the box office", "15 percent of its GDP", "47% of the £1.34bn spent on
  // games": a share of the whole named, before what the subject or the object name.
  if (!m && q.kind === 'percent') m = shareOf(view, q);
  if (!m && subjectMeasure) m = subjectMeasure;
  // "gave the party a sum of £500,000": the object of a giving that names people or a body is who
  // got it, not what was given.
  const firstNoun = gov.object ? view.pos.slice(gov.object[0], gov.object[1]).indexOf('NOUN') : -1;
  const recipient = firstNoun >= 0 ? (view.lemma[gov.object![0] + firstNoun] ?? '') : '';
  const recipientObject = isDirected(predicate) && (isActorNoun(recipient) || isOrganisationNoun(recipient));
  if (!m && gov.object && !recipientObject) m = measureText(view, gov.object[0], gov.object[1], inMention);
  if (!m && q.concept && q.kind !== 'count' && !LEVEL_WORDS.has(q.concept.toLowerCase())) m = q.concept.toLowerCase();
  // "The depot is 180 miles from …": the concept names the subject again, not what is measured.
  if (m && subjectName && m === subjectName.toLowerCase()) m = null;
  // "killing 19 people" is a death toll; "two gunmen died", "17 civilians killed" count those killed.
  if (!m && q.kind === 'count' && (predicate === 'kill' || predicate === 'die')) {
    const counted = countedWords(view, q);
    m = counted === '' || /^(?:people|persons?|others?)$/.test(counted) ? 'death toll' : `${counted} killed`;
  }
  if (!m) m = actMeasure(predicate, q.kind, unit);
  // "$55.12 a barrel", "£339 each": an amount per unit is a price.
  if (!m && q.kind === 'money' && unit?.includes('/')) m = 'price';
  // "10,000 phones are lost", "the city filled 255,904 potholes", "holds 192 seats", "killing two
  // people": what is counted and what became of it.
  if (!m && q.kind === 'count' && gov.verb >= 0 && unit && !DESCRIBING.has(predicate) && predicate !== 'be') {
    m = `${countedWords(view, q)} ${participle(gov.lemma)}`;
  }
  // "$500m has been retrieved", "£2bn was wiped off": the amount that became so.
  if (!m && q.kind === 'money' && gov.verb >= 0 && gov.passive && gov.figureFirst)
    m = `amount ${participle(gov.lemma)}`;
  // "there were 750 leaks", "holds 192 of the 300 seats", "had 9 games in the top 20": what is counted.
  if (!m && q.kind === 'count' && unit && (DESCRIBING.has(predicate) || predicate === 'be')) {
    const counted = countedWords(view, q);
    if (counted && !/^(?:people|persons?|times?)$/.test(counted)) m = counted;
  }
  // "its shares fell 20%", "the stock rose to $55": the share price.
  if (m && /^(?:shares?|stocks?|share prices?)$/.test(m) && (q.kind === 'money' || q.kind === 'percent'))
    m = 'share price';
  // "the proportion of pupils", "its percentage of the vote": one measure, a share.
  if (m && q.kind === 'percent') m = m.replace(/\b(?:proportion|percentage|fraction)\b/, 'share');
  if (m && changeOnly) m = asChange(m, direction);
  return m;
}

/** Deals whose amount is their price: "a $19 billion acquisition" measures the acquisition price. */
const DEALS = new Set([
  'sale',
  'acquisition',
  'buyout',
  'takeover',
  'purchase',
  'merger',
  'deal',
  'agreement',
  'bid',
  'offer',
]);

/**
 * The measure a governing noun gives: "a net loss of $387m" → net loss; an amount before a thing
 * ("the $499 Macintosh") is its price; before a deal ("a $19 billion acquisition") the deal's price;
 * a share "of" a whole ("47% of the £1.34bn spent", "a quarter of the market") the share of it.
 */
function nominalMeasure(view: SentenceView, gov: Governor, q: Quantity, skip: (k: number) => boolean): string | null {
  const [a, b] = gov.nominal!;
  const after = a > 0 && view.quantityAt[a - 1]! >= 0;
  const head = view.lemma[b - 1] ?? '';
  if (after && q.kind === 'money') {
    if (view.pos[b - 1] === 'PROPN' || isThingNoun(head)) return 'price';
    if (DEALS.has(head)) return `${head} price`;
  }
  return measureText(view, a, b, skip);
}

/** "share of <whole>" for a percentage followed by "of" and what it is a share of. */
function shareOf(view: SentenceView, q: Quantity): string | null {
  const qi = view.quantities.indexOf(q);
  const e = view.quantityTokens[qi]?.[1] ?? -1;
  if (e < 0 || view.tokens[e]?.lower !== 'of') return null;
  let k = e + 1;
  while (
    k < view.tokens.length &&
    (view.pos[k] === 'DET' || view.quantityAt[k]! >= 0 || /^(?:its|their|his|her|our)$/.test(view.tokens[k]!.lower))
  )
    k++;
  const np = phraseStartingAt(view, k, view.tokens.length);
  if (!np) return null;
  const whole = measureText(view, np[0], np[1], () => false);
  return whole ? `share of ${whole}` : null;
}

/** A measure of a change alone: "exports" that rose 3% is "exports growth". */
function asChange(m: string, direction: 'up' | 'down' | null): string {
  if (/\b(?:growth|change|rise|fall|increase|decrease|decline|drop|gain|loss|cut|reduction)$/.test(m)) return m;
  return `${m} ${direction === 'up' ? 'growth' : direction === 'down' ? 'decline' : 'change'}`;
}

/**
 * "a 7.5% rise in exports outside the European Union", "a 52% rise in net profit", "an increase
 * of 4% in sales": the phrase after the noun of the change is the measure.
 */
function changeNounMeasure(
  view: SentenceView,
  st: Statement,
  clauseEnd: number,
  direction: 'up' | 'down' | null,
): string | null {
  if (st.changeNoun === null) return null;
  let k = st.changeNoun + 1;
  // "an increase of 4% in sales": past the figure itself.
  const [, e] = view.quantityTokens[st.change ?? st.value]!;
  if (view.tokens[k]?.lower === 'of' && view.quantityAt[k + 1] !== undefined && view.quantityAt[k + 1]! >= 0) k = e;
  if (!/^(?:in|of|on)$/.test(view.tokens[k]?.lower ?? '')) return null;
  const np = phraseStartingAt(view, k + 1, clauseEnd);
  if (!np) return null;
  let end = np[1];
  // Keep one "of"/"outside"/"from" complement: "exports outside the European Union".
  const link = view.tokens[end]?.lower ?? '';
  if (/^(?:of|outside|from|abroad)$/.test(link)) end = phraseStartingAt(view, end + 1, clauseEnd)?.[1] ?? end;
  const m = measureText(view, np[0], end, () => false);
  return m && st.changeOnly ? asChange(m, direction) : m;
}

/**
 * The thing a bare count counts, named by its measure: "the number of films released rose to 310"
 * → film, "vehicle unit sales were 6,798,000" → vehicle, "hospital admissions rose to 4,300" → admission.
 */
function countedInMeasure(measure: string | null): string | null {
  if (!measure) return null;
  const words = measure.split(' ');
  const of = words.indexOf('of');
  if (of > 0 && /^(?:number|count|total|tally)$/.test(words[of - 1]!)) {
    const phrase = words.slice(of + 1);
    const end = phrase.findIndex((w) => /(?:ed|ing)$/.test(w));
    const head = (end < 0 ? phrase : phrase.slice(0, end)).at(-1);
    return head ? singularize(head) : null;
  }
  const unitAt = words.findIndex(
    (w, i) => /^units?$/.test(w) && /^(?:sales?|shipments?|deliveries)$/.test(words[i + 1] ?? ''),
  );
  if (unitAt > 0) return singularize(words[unitAt - 1]!);
  // "hospital admissions rose to 4,300": a plural measure of a few words counts its own things.
  const last = words.at(-1)!;
  const one = singularize(last);
  return words.length <= 3 && one !== last && /^[a-z-]+$/.test(last) ? one : null;
}

/** The counted words of a quantity as written, after its number: "cinema admissions" of "170 million cinema admissions". */
function countedWords(_view: SentenceView, q: Quantity): string {
  const words = q.text.split(/\s+/);
  let i = words.length;
  while (i > 0 && !/\d/.test(words[i - 1]!) && !NUMBER_WORD.test(words[i - 1]!)) i--;
  const tail = words.slice(i).join(' ').toLowerCase();
  return tail === '' ? (q.unit ?? '') : tail;
}

const NUMBER_WORD =
  /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|scores?)$/i;

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
    if (p.value !== null && value.value !== null && p.unit === value.unit) {
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
