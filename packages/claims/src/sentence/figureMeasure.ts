import { isActorNoun, isOrganisationNoun, isPlaceNoun, isThingNoun } from '../lexical/nounClass.ts';
import { participle } from '../lexical/participle.ts';
import { actMeasure, isDirected, predicateOf } from '../lexical/vocabulary.ts';
import { singularize } from '../singularize.ts';
import type { Quantity } from '../types.ts';
import { type Governor, phraseEndingAt, phraseStartingAt } from './governor.ts';
import { LEVEL_WORDS, measureText } from './measure.ts';
import type { SentenceView } from './sentenceView.ts';
import type { Statement } from './statements.ts';

/** What a figure measures, as the sentence names it. */

/** Predicates by which a sentence has or is something: with a small count, a description. */
export const DESCRIBING = new Set(['be', 'hold', 'do', 'come', 'load', 'offer', 'feature', 'include', 'contain']);

/** The measure: the noun the figure fills, else the subject's measure, else the verb's object, the quantity's concept, or the act's own measure. */
export function measureOf(
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
  // "the seventh biggest company": a position in an order.
  if (q.unit === 'rank') return 'rank';
  // "the estimated 150,000 dead": the dead counted are a death toll, whatever the verb.
  if (q.kind === 'count' && /^(?:dead|killed)$/.test(countedWords(view, q))) return 'death toll';
  let m: string | null = null;
  // "killing more than 200 people", "killed 10 civilians": whoever acted, those killed are the measure.
  if (q.kind === 'count' && gov.verb >= 0 && (predicate === 'kill' || predicate === 'die'))
    m = killedMeasure(view, q, gov.lemma);
  // "killing at least 19 people, including 17 foreigners": a part of the count before counts the same fate.
  if (!m && q.kind === 'count' && gov.lemma === 'include' && view.tokens[gov.verb - 1]?.text === ',') {
    const fate = fateBefore(view, gov.verb);
    const counted = countedWords(view, q);
    if (fate && counted && !/^(?:people|persons?)$/.test(counted)) m = `${counted} ${FATES[fate]}`;
  }
  if (!m && gov.nominal) m = nominalMeasure(view, gov, q, inMention);
  // "…, taking 13.8bn yen", "…, earning $5m": a participle after a comma names its own act; the
  // subject it shares measures something else.
  const participleClause =
    gov.verb > 0 && view.tokens[gov.verb - 1]!.text === ',' && /ing$/.test(view.tokens[gov.verb]!.lower);
  if (!m && participleClause) m = actMeasure(predicate, q.kind, unit);
  // "accounted for 37.5% of the box office", "15 percent of its GDP", "47% of the £1.34bn spent on
  // games": a share of the whole named, before what the subject or the object name.
  if (!m && q.kind === 'percent') m = shareOf(view, q);
  // "will raise the number of nurses from 5,000 to 6,200", "cut its dividend by 5%": where an act
  // moved its object to or by, the object is what moved, whatever the subject names.
  const moved = direction ? movedObject(view, gov, q) : null;
  if (!m && moved) m = measureText(view, moved[0], moved[1], inMention);
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
  if (!m) m = actMeasure(predicate, q.kind, unit);
  // "$55.12 a barrel", "£339 each": an amount per unit is a price.
  if (!m && q.kind === 'money' && unit?.includes('/')) m = 'price';
  // "10,000 phones are lost", "the city filled 255,904 potholes", "holds 192 seats", "killing two
  // people": what is counted and what became of it.
  if (!m && q.kind === 'count' && gov.verb >= 0 && unit && !DESCRIBING.has(predicate) && predicate !== 'be') {
    // "158 others missing", "300 animals beaching themselves": an -ing form right after what it
    // counts says it as it is.
    const written = view.tokens[gov.verb]!.lower;
    const after = gov.verb > 0 && view.quantityAt[gov.verb - 1] === view.quantities.indexOf(q);
    m = `${countedOthers(view, q)} ${after && /ing$/.test(written) ? written : participle(gov.lemma)}`;
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

/**
 * The verb's object, with its "of" complement ("the number of nurses"), when the figure at `q` after
 * it is where the object was moved to, or by how much ("to 6,200", "by 5%"); else null.
 */
export function movedObject(view: SentenceView, gov: Governor, q: Quantity): [number, number] | null {
  if (!gov.object || gov.verb < 0 || gov.object[0] <= gov.verb) return null;
  const [qs] = view.quantityTokens[view.quantities.indexOf(q)] ?? [-1];
  if (gov.object[1] > qs || !/^(?:to|by)$/.test(view.tokens[qs - 1]?.lower ?? '')) return null;
  let end = gov.object[1];
  if (view.tokens[end]?.lower === 'of') end = phraseStartingAt(view, end + 1, qs)?.[1] ?? end;
  return [gov.object[0], end];
}

/** "killing 19 people" is a death toll; "two gunmen died", "17 civilians killed" count those killed. */
function killedMeasure(view: SentenceView, q: Quantity, verb: string): string {
  // "12 Ukrainian civilians", "nine African-American churchgoers": whose they were is the figure's
  // other party, not its measure.
  const words = q.text.split(/\s+/);
  const counted = countedWords(view, q)
    .split(' ')
    .filter((w) => !words.some((x) => /^\p{Lu}/u.test(x) && x.toLowerCase() === w))
    .join(' ');
  // "beheaded 21 Christians", "executed 12 prisoners": the act as the sentence names it.
  const own = verb === '' ? '' : predicateOf(verb, false).predicate;
  const act = own === 'kill' && verb !== 'kill' ? participle(verb) : 'killed';
  if (counted === '' || /^(?:people|persons?|others?)$/.test(counted))
    return act === 'killed' ? 'death toll' : `people ${act}`;
  return `${counted} ${act}`;
}

const FATES: Record<string, string> = { kill: 'killed', die: 'killed', wound: 'wounded', injure: 'injured' };

/** The fate (its verb's lemma) a count just before token `v` met: "killing at least 19 people, including …" → kill. */
export function fateBefore(view: SentenceView, v: number): string | null {
  let counts = 0;
  for (let h = v - 1; h >= 0 && h >= v - 8; h--) {
    if (view.quantityAt[h]! >= 0 && (h === 0 || view.quantityAt[h - 1] !== view.quantityAt[h])) counts++;
    if (counts > 1) return null;
    const lemma = view.lemma[h] ?? '';
    if (FATES[lemma] && counts === 1) return lemma;
  }
  return null;
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
  // "the country of 50 million people", "a nation of 11 million": the people of a place are its population.
  if (q.kind === 'count' && view.tokens[b]?.lower === 'of' && isPlaceNoun(head) && peopleOrBare(q)) return 'population';
  if (after && q.kind === 'money') {
    if (view.pos[b - 1] === 'PROPN' || isThingNoun(head)) return 'price';
    if (DEALS.has(head)) return `${head} price`;
  }
  return measureText(view, a, b, skip);
}

const peopleOrBare = (q: Quantity): boolean =>
  q.unit === null || /^(?:people|persons?|inhabitants?|residents?|citizens?)$/.test(q.unit);

/** "share of <whole>" for a percentage followed by "of" and what it is a share of. */
export function shareOf(view: SentenceView, q: Quantity): string | null {
  const qi = view.quantities.indexOf(q);
  const e = view.quantityTokens[qi]?.[1] ?? -1;
  if (e < 0 || view.tokens[e]?.lower !== 'of') return null;
  // "92.8% of them", "a third of those": a share of the people or things named before.
  if (/^(?:them|those|these)$/.test(view.tokens[e + 1]?.lower ?? '')) {
    const s = view.quantityTokens[qi]![0];
    for (let k = s - 1; k >= 0; k--) {
      if (view.pos[k] === 'NOUN' && /s$/.test(view.tokens[k]!.lower) && view.quantityAt[k]! < 0)
        return `share of ${view.tokens[k]!.lower}`;
    }
    return null;
  }
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
export function asChange(m: string, direction: 'up' | 'down' | null): string {
  if (/\b(?:growth|change|rise|fall|increase|decrease|decline|drop|gain|loss|cut|reduction)$/.test(m)) return m;
  return `${m} ${direction === 'up' ? 'growth' : direction === 'down' ? 'decline' : 'change'}`;
}

/**
 * "a 7.5% rise in exports outside the European Union", "a 52% rise in net profit", "an increase
 * of 4% in sales": the phrase after the noun of the change is the measure.
 */
export function changeNounMeasure(
  view: SentenceView,
  st: Statement,
  clauseEnd: number,
  direction: 'up' | 'down' | null,
): string | null {
  // "on sales up 21% at 8.6bn euros", "with profits down 5%": the noun before "up/down" and the
  // change names what moved, the change and the level it moved to.
  let [cs] = view.quantityTokens[st.change ?? st.value]!;
  // The level after the change: "up 21% at 8.6bn euros".
  if (/^(?:at|to)$/.test(view.tokens[cs - 1]?.lower ?? '') && (view.quantityAt[cs - 2] ?? -1) >= 0)
    cs = view.quantityTokens[view.quantityAt[cs - 2]!]![0];
  if (
    /^(?:up|down)$/.test(view.tokens[cs - 1]?.lower ?? '') &&
    view.pos[cs - 2] === 'NOUN' &&
    // "having shot up 7%": a verb the tagger took for a noun.
    !/^(?:have|has|had|having|is|are|was|were|been|be)$/.test(view.tokens[cs - 3]?.lower ?? '')
  ) {
    const np = phraseEndingAt(view, cs - 1, 0);
    let m = np ? measureText(view, np[0], np[1], (k) => view.mentions.some((x) => k >= x.start && k < x.end)) : null;
    // "sent Lenovo's shares up 6%": the share price.
    if (m && /^(?:shares?|stocks?)$/.test(m)) m = 'share price';
    if (m) return st.changeOnly ? asChange(m, direction) : m;
  }
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
export function countedInMeasure(measure: string | null): string | null {
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
export function countedWords(_view: SentenceView, q: Quantity): string {
  const words = q.text.split(/\s+/);
  let i = words.length;
  while (i > 0 && !/\d/.test(words[i - 1]!) && !NUMBER_WORD.test(words[i - 1]!)) i--;
  // "thousands of servers" counts servers.
  const tail = words
    .slice(i)
    .join(' ')
    .toLowerCase()
    .replace(/^of\s+/, '');
  return tail === '' ? (q.unit ?? '') : tail;
}

/**
 * The count a count of "others" refers back to: the nearest count before it in its sentence that
 * names what it counts ("two gunmen died, and three others escaped" → two gunmen); null for a count
 * of anything else, or when there is none.
 */
export function othersReferent(view: SentenceView, q: Quantity): Quantity | null {
  if (q.kind !== 'count' || !/^others?$/.test(countedWords(view, q))) return null;
  for (let p = view.quantities.indexOf(q) - 1; p >= 0; p--) {
    const before = view.quantities[p]!;
    const counted = countedWords(view, before);
    if (before.kind === 'count' && counted && !/^others?$/.test(counted)) return before;
  }
  return null;
}

/** What a count counts, "others" being those counted before it: "two gunmen …, and three others" → gunmen. */
function countedOthers(view: SentenceView, q: Quantity): string {
  const referent = othersReferent(view, q);
  return countedWords(view, referent ?? q);
}

const NUMBER_WORD =
  /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|scores?)$/i;
