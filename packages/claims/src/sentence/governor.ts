import { isActorNoun } from '../lexical/nounClass.ts';
import { LEVELS } from './measure.ts';
import { type SentenceView, textOf } from './sentenceView.ts';

/** The word that makes a figure a statement about something: a verb, and a noun it may fill. */
export interface Governor {
  /** Token of the governing verb, or -1 when only a noun governs ("a profit of £3m"). */
  verb: number;
  /** The verb's lemma with its particle ("make up", "stand at" reads as "stand"). */
  lemma: string;
  particle: string | null;
  /** The figure stands before its verb: "12 civilians were killed", "30,000 troops remain". */
  figureFirst: boolean;
  /** The verb is passive: "were killed", "was sold". */
  passive: boolean;
  /** Token range of a noun phrase the figure fills: "a net loss of $387m", "sales worth 211bn yen". */
  nominal: [number, number] | null;
  /** Token range of the verb's object between verb and figure: "raised [its dividend] by 26%". */
  object: [number, number] | null;
}

const PARTICLES = new Set(['up', 'down', 'higher', 'lower', 'out', 'off', 'in', 'over', 'back']);
/** Prepositions by which a noun takes a figure as its amount. */
const AMOUNT_LINKS = new Set(['of', 'worth', 'at', 'totalling', 'totaling', 'amounting']);
/** Nouns that give a level of the measure rather than the measure itself: "a new record of £27.9bn". */
const LEVEL_NOUNS = new Set([...LEVELS, 'tally', 'rate', 'value', 'estimate', 'some', 'about', 'around']);

const TIME_NOUNS = new Set(['year', 'month', 'week', 'day', 'quarter', 'half', 'period', 'season', 'decade', 'time']);

const NOUNISH = new Set(['NOUN', 'PROPN', 'ADJ', 'DET', 'NUM', 'PART']);

/** Token range of the noun phrase ending at `end` (exclusive), read leftwards over nouns, adjectives and determiners. */
export function phraseEndingAt(view: SentenceView, end: number, floor: number): [number, number] | null {
  let a = end;
  while (a > floor) {
    const k = a - 1;
    const t = view.tokens[k]!;
    const hyphen = t.text === '-' && !t.spaceBefore && !view.tokens[k + 1]?.spaceBefore;
    if (view.isDate[k]) break;
    // A number joined to a noun by a hyphen modifies it ("the 10-year Treasury note"); any other ends the phrase.
    if (view.quantityAt[k]! >= 0 && !(view.tokens[k + 1]?.text === '-' && !view.tokens[k + 1]!.spaceBefore)) {
      // The whole of "10-year" read as a quantity, before its noun, modifies it all the same.
      const q = view.quantities[view.quantityAt[k]!]!;
      if (!(k + 1 < end && /^[^\s-]+-[^\s]+$/.test(q.text) && NOUNISH.has(view.pos[k + 1]!))) break;
    }
    // "the number of Japanese films released": a participle after a noun still belongs to the phrase.
    const reduced = view.pos[k] === 'VERB' && /ed$/.test(t.lower) && view.pos[k - 1] === 'NOUN' && k + 1 === end;
    if (
      NOUNISH.has(view.pos[k]!) ||
      hyphen ||
      reduced ||
      view.quantityAt[k]! >= 0 ||
      isPossessiveMark(view, k) ||
      t.lower === '&'
    ) {
      a--;
      // An article opens its phrase: "the party a sum" is two.
      if (view.pos[k] === 'DET' && /^(?:a|an|the)$/.test(t.lower)) break;
    } else break;
  }
  while (a < end && view.pos[a] === 'PART') a++;
  // "its US sales", "their UK exports": the owner's pronoun opens a phrase of things ("X and their
  // allies" names people, left as it was).
  if (
    a < end &&
    a > floor &&
    /^(?:its|their)$/.test(view.tokens[a - 1]!.lower) &&
    !isActorNoun(view.lemma[end - 1] ?? '')
  )
    a--;
  return a < end ? [a, end] : null;
}

/** "'s", or the apostrophe of a plural possessive ("pensioners' bills"). */
export function isPossessiveMark(view: SentenceView, k: number): boolean {
  const t = view.tokens[k]!;
  if (t.lower === "'s" || t.lower === '’s') return true;
  return (t.text === "'" || t.text === '’') && !t.spaceBefore && /s$/i.test(view.tokens[k - 1]?.text ?? '');
}

/** Token range of the noun phrase starting at `start`, read rightwards. */
export function phraseStartingAt(view: SentenceView, start: number, ceil: number): [number, number] | null {
  let b = start;
  while (b < ceil) {
    const t = view.tokens[b]!;
    const hyphen = t.text === '-' && !t.spaceBefore && !view.tokens[b + 1]?.spaceBefore;
    if (view.quantityAt[b]! >= 0 || view.isDate[b]) break;
    // "pay-off", "buy-out": the word after a hyphen is part of the word before it.
    const afterHyphen = b > start && view.tokens[b - 1]!.text === '-' && !t.spaceBefore;
    // "its interim dividend", "their UK sales": an owner's pronoun opens the phrase.
    const owner = b === start && /^(?:its|their|his|her|our)$/.test(t.lower);
    if (NOUNISH.has(view.pos[b]!) || hyphen || afterHyphen || owner || isPossessiveMark(view, b) || t.lower === '&')
      b++;
    else break;
  }
  return b > start ? [start, b] : null;
}

function isMainVerb(view: SentenceView, k: number): boolean {
  const p = view.pos[k];
  if (p === 'VERB') return true;
  // A form of "be" or "have" that a figure, a noun phrase or "at" follows is the main verb ("was
  // £3.1bn", "has four million shells").
  if (p === 'AUX' && (view.lemma[k] === 'be' || view.lemma[k] === 'have')) {
    const next = view.pos[k + 1];
    return next !== 'VERB' && next !== 'AUX' && !(next === 'ADV' && view.pos[k + 2] === 'VERB');
  }
  return false;
}

function passiveAt(view: SentenceView, k: number): boolean {
  for (let h = k - 1; h >= Math.max(0, k - 3); h--) {
    if (view.lemma[h] === 'be' || view.lemma[h] === 'get') return view.tokens[k]!.lower !== view.lemma[k];
    if (view.pos[h] !== 'ADV' && view.pos[h] !== 'PART') break;
  }
  return false;
}

function particleAfter(view: SentenceView, k: number): string | null {
  const w = view.tokens[k + 1]?.lower ?? '';
  return PARTICLES.has(w) && view.pos[k + 1] !== 'NOUN' ? w : null;
}

/**
 * The governor of a figure whose tokens are [s, e) in clause [cs, ce). A verb after the figure's own
 * noun phrase governs it when the figure opens the clause's subject ("12 civilians were killed");
 * otherwise the nearest verb before it does ("revenue rose 3.5%", "reported a net loss of $387m").
 * A noun the figure fills through "of", "worth" or "at" is kept as the nominal ("a net loss of").
 */
export function findGovernor(
  view: SentenceView,
  s: number,
  e: number,
  clause: [number, number],
  valueEnd = e,
): Governor | null {
  const [cs, ce] = clause;
  const nominal = nominalBefore(view, s, cs) ?? nominalAfter(view, s, e, ce);
  // Subject position: the figure's noun phrase with its complements ("50% of mobile owners", "16
  // out of the top 20 titles", "$900 billion in interest payments"), then a verb. The phrase is the
  // value's own: a change stated after it ("167 million phones were sold, 26% more than …") is not.
  let k = skipRelativeClause(view, figurePhraseEnd(view, valueEnd, ce), ce);
  let copula = -1;
  while (k < ce && (view.pos[k] === 'ADV' || view.pos[k] === 'AUX' || view.pos[k] === 'PART')) {
    if (copula < 0 && isMainVerb(view, k)) copula = k;
    k++;
  }
  const leftVerb = nearestVerbBefore(view, nominal ? nominal[0] : s, cs);
  const leftSpeaks = leftVerb >= 0 && view.attributions.some((a) => leftVerb >= a.verbStart && leftVerb < a.verbEnd);
  // "16 of the top 20 titles were sequels": a form of "be" after the figure's phrase is its verb.
  if (copula >= valueEnd && view.pos[k] !== 'VERB' && (leftVerb < 0 || leftSpeaks)) k = copula;
  if (
    k < ce &&
    (view.pos[k] === 'VERB' || k === copula) &&
    k >= valueEnd &&
    !comparison(view, k) &&
    (leftVerb < 0 || leftSpeaks || !objectTakingVerb(view, leftVerb, s))
  ) {
    // "are confirmed to have died", "is expected to reach": the verb at the end of the chain.
    while (view.tokens[k + 1]?.lower === 'to' && k + 2 < ce) {
      let n = k + 2;
      while (n < ce && (view.pos[n] === 'AUX' || view.pos[n] === 'ADV' || /^(?:have|be)$/.test(view.lemma[n]!))) n++;
      if (view.pos[n] !== 'VERB') break;
      k = n;
    }
    return {
      verb: k,
      lemma: view.lemma[k]!,
      particle: particleAfter(view, k),
      figureFirst: true,
      passive: passiveAt(view, k),
      nominal,
      object: null,
    };
  }
  if (leftVerb >= 0) {
    const particle = particleAfter(view, leftVerb);
    const objStart = leftVerb + 1 + (particle ? 1 : 0);
    const objectEnd = nominal ? nominal[0] : s;
    const object = objStart < objectEnd ? phraseStartingAt(view, objStart, objectEnd) : null;
    return {
      verb: leftVerb,
      lemma: view.lemma[leftVerb]!,
      particle,
      figureFirst: false,
      passive: passiveAt(view, leftVerb),
      nominal,
      object: object && object[1] <= objectEnd && view.pos[object[1] - 1] !== 'DET' ? object : null,
    };
  }
  if (nominal)
    return { verb: -1, lemma: '', particle: null, figureFirst: false, passive: false, nominal, object: null };
  return null;
}

/**
 * "3% of kids who ate peanuts got an allergy": past a relative clause after the figure's phrase (its
 * own verb, then up to the next verb), to the verb the figure's phrase is the subject of.
 */
function skipRelativeClause(view: SentenceView, k: number, ce: number): number {
  if (!/^(?:who|that|which)$/.test(view.tokens[k]?.lower ?? '') || view.pos[k + 1] !== 'VERB') return k;
  for (let h = k + 2; h < ce; h++) {
    if (view.tokens[h]!.text === ',' || view.quantityAt[h]! >= 0) return k;
    if (view.pos[h] === 'VERB' || (view.pos[h] === 'AUX' && isMainVerb(view, h))) return h;
  }
  return k;
}

/** "compared with 874.2m rupees a year earlier": the verb brings an earlier level, it governs nothing. */
function comparison(view: SentenceView, k: number): boolean {
  return view.lemma[k] === 'compare' && /^(?:with|to)$/.test(view.tokens[k + 1]?.lower ?? '');
}

/** Whether the verb at `k` takes the figure at `s` as (part of) its object: nothing but a noun phrase between. */
function objectTakingVerb(view: SentenceView, k: number, s: number): boolean {
  for (let h = k + 1; h < s; h++) {
    const p = view.pos[h];
    if (p === 'VERB' || p === 'AUX' || p === 'SCONJ' || view.tokens[h]!.text === ',') return false;
  }
  return view.pos[k] === 'VERB';
}

/**
 * The nearest main verb before token `from`. A reporting verb that opens a clause of its own ("noted
 * that Russia has …", "said 500 containers were …") governs nothing in it; the search goes on.
 */
function nearestVerbBefore(view: SentenceView, from: number, floor: number): number {
  for (let k = from - 1; k >= floor; k--) {
    if (view.quantityAt[k]! >= 0) continue;
    if (!isMainVerb(view, k)) continue;
    if (view.attributions.some((a) => k >= a.verbStart && k < a.verbEnd) && opensClause(view, k, from)) continue;
    return k;
  }
  return -1;
}

/** Whether a clause of its own (a "that", or a subject and its verb) stands between a verb and a figure. */
function opensClause(view: SentenceView, k: number, figure: number): boolean {
  for (let h = k + 1; h < figure; h++) {
    if (view.tokens[h]!.lower === 'that' || view.pos[h] === 'VERB' || view.pos[h] === 'AUX') return true;
  }
  return false;
}

/** The end of a figure's own phrase: its counted words, "of"/"out of"/"in" complements and a parenthesis. */
function figurePhraseEnd(view: SentenceView, e: number, ce: number): number {
  let k = phraseStartingAt(view, e, ce)?.[1] ?? e;
  for (let hops = 0; hops < 3 && k < ce; hops++) {
    const w = view.tokens[k]!.lower;
    let from = -1;
    if (w === 'of' || w === 'in') from = k + 1;
    else if (w === 'out' && view.tokens[k + 1]?.lower === 'of') from = k + 2;
    else if (w === '(') {
      let c = k + 1;
      while (c < ce && view.tokens[c]!.text !== ')') c++;
      if (c < ce) {
        k = c + 1;
        continue;
      }
    }
    if (from < 0) break;
    let counted = false;
    while (from < ce && (view.pos[from] === 'DET' || view.pos[from] === 'ADJ' || view.quantityAt[from]! >= 0)) {
      if (view.quantityAt[from]! >= 0) counted = true;
      from++;
    }
    const np = phraseStartingAt(view, from, ce);
    // "16 out of the top 20 titles were": the whole is a quantity with its noun.
    if (!np) {
      if (counted) k = from;
      break;
    }
    k = np[1];
  }
  return k;
}

/**
 * A money figure that premodifies its noun: "Yahoo's $4.8 billion sale to Verizon", "a $168m
 * settlement deal", "the $499 Macintosh". The noun phrase after it is what the amount is of.
 */
function nominalAfter(view: SentenceView, s: number, e: number, ce: number): [number, number] | null {
  const q = view.quantities[view.quantityAt[s] ?? -1];
  if (q?.kind !== 'money' || (view.pos[e] !== 'NOUN' && view.pos[e] !== 'PROPN')) return null;
  const before = view.pos[s - 1];
  if (s > 0 && before !== 'DET' && before !== 'PART' && before !== 'ADJ' && before !== 'PRON') return null;
  return phraseStartingAt(view, e, ce);
}

/** "a net loss of $387m", "sales worth 211bn yen", "profits of": the noun phrase the figure fills. */
function nominalBefore(view: SentenceView, s: number, floor: number): [number, number] | null {
  const k = s - 1;
  if (k < floor) return null;
  const link = view.tokens[k]!.lower;
  if (!AMOUNT_LINKS.has(link)) return null;
  const np = phraseEndingAt(view, k, floor);
  if (!np) return null;
  // Skip the level nouns: "a new record of", "a total of", "a rate of" fill nothing themselves.
  let [a, b] = np;
  while (b > a && LEVEL_NOUNS.has(view.lemma[b - 1]!)) b--;
  while (a < b && (view.pos[a] === 'DET' || view.pos[a] === 'NUM')) a++;
  if (b <= a) {
    // "a total of 5,000 people": the figure's own noun says what it counts.
    return null;
  }
  // "put production for the year at 3.997 billion barrels": a stretch of time is when, not what.
  if (link === 'at' && TIME_NOUNS.has(view.lemma[b - 1]!)) return null;
  return textOf(view, a, b) ? [a, b] : null;
}
