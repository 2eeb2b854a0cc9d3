import { type DateExpression, findDateExpressions } from './dateExpressions.ts';
import { type EntityMention, type Gazetteer, gazetteerFor } from './gazetteer.ts';
import { wordSet } from './lexicon.ts';
import { SCALE_SUFFIXES, SCALE_WORDS, SMALL_NUMBERS, TENS, VAGUE_MULTIPLIERS, VAGUE_PLURALS } from './numberWords.ts';

// Maps of the number words: looked up once or more per token, and a Map lookup of a token's text
// is cheaper than a property lookup on an object (which also sees "constructor" and friends).
const SMALL_NUMBER_VALUES = new Map(Object.entries(SMALL_NUMBERS));
const SCALE_WORD_VALUES = new Map(Object.entries(SCALE_WORDS));
const SCALE_SUFFIX_VALUES = new Map(Object.entries(SCALE_SUFFIXES));
const VAGUE_PLURAL_RANGES = new Map(Object.entries(VAGUE_PLURALS));
const VAGUE_MULTIPLIER_RANGES = new Map(Object.entries(VAGUE_MULTIPLIERS));

import { QUALIFIERS, SUFFIX_QUALIFIERS } from './qualifiers.ts';
import { isPlural, singularize, singularizePhrase } from './singularize.ts';
import { isCapitalized, parseDigits, type Token, tokenize } from './tokenize.ts';
import type { Bound, Quantity, QuantityKind } from './types.ts';
import { type Dimension, matchCurrencyAfter, matchCurrencyBefore, matchUnit } from './units.ts';

/**
 * Quantity extraction: a hand-written rule engine over a token list. It runs in one pass, left to
 * right: find a number expression (digits, words, scale, vague plural, range), then read the
 * qualifier before it, the currency or unit around it, the counted noun phrase or measured concept
 * after it, and the increase/decrease context. Dates, times, phone numbers, ordinals and model
 * names are masked first. A dependency parser would find concepts more often, but costs two orders
 * of magnitude in speed; the rules here cover the shapes of wire and diplomatic news.
 */

interface Core {
  start: number;
  end: number;
  value: number | null;
  range: [number, number] | null;
  vague: boolean;
  /** Plain digits without separators, decimals or scale: candidates for years and identifiers. */
  rawInt: boolean;
  /** Written in digits (not words). */
  digits: boolean;
  /** A bare "one": excluded in idioms ("one of", "no one"). */
  bareOne: boolean;
  scaled: boolean;
  /** The vague or scale word wants "of" before its noun ("thousands of containers"). */
  takesOf: boolean;
  /** Not a quantity after all ("72B3", "2nd"): the caller skips past it. */
  skip?: boolean;
}

/** Words that end a noun phrase. */
const NP_STOP = wordSet(`
  a an the this that these those its their his her our my your to from for in on at by with via into onto over
  under than as of and or but nor which who whom whose is are was were be been being has have had will would
  could should may might must can do does did not no said says say according since during before after while
  per each every also including more less about around if when where because though although so then there here
  it they he she we i you them him us me what up down out off across through between among against toward
  towards until within without along amid despite near like unlike whether yet just only already still even now
  ago away back again too very all both either neither some any many much most few other another such own same
  whole including included include includes remain remains remained reportedly allegedly currently respectively
  annually daily weekly monthly yearly apiece each overall worth left ahead behind total altogether combined
  last next earlier later month year week day today yesterday tonight 's ’s
`);

/** Words ending in -ed/-ing that are adjectives in a counted noun phrase. */
const ADJECTIVE_ED_ING = wordSet(`
  armoured armored guided unmanned used advanced trained wounded injured displaced enriched detained missing
  remaining existing incoming outgoing landing fighting long-range armed registered licensed imported
  refurbished upgraded modernised modernized specialised specialized coordinated damaged destroyed abandoned
  captured seized confirmed rejected returned deported evacuated killed recruited mobilised mobilized
  conscripted retired unexploded unguided tracked wheeled self-propelled towed loaded sealed frozen tinned
  canned dried processed refined liquefied reinforced reported estimated housing firing training shipping
  building sporting polling voting ruling opening governing striking flying marching dead
`);

/** Adjectives that name a state, not a thing: a phrase of only these has no head ("45 wounded"). */
const STATE_ADJECTIVES = wordSet(`
  wounded injured killed dead missing displaced detained captured evacuated deported returned affected full
  empty complete higher lower stronger weaker cheaper ready likely done ahead behind alive
`);

/** Adjectives dropped from a normalised unit: "additional weapons" counts weapons. */
const UNIT_STOP_ADJECTIVES = wordSet(`
  additional new more other further extra several many various total latest recent previous first modern old
  older own different separate unspecified estimated reported confirmed alleged so-called possible potential
  known identified official current former existing available respective individual major minor large small big
  huge massive significant substantial key average combined cumulative full high low top best worst fresh
  entire whole remaining some young elderly innocent ordinary local foreign overseas domestic international
  western eastern northern southern promised pledged delivered supplied purchased ordered planned requested
  needed required precious valuable vital critical badly urgently much-needed long-awaited desperately crucial
  important brand-new second-hand secondhand outdated obsolete ageing aging soviet-era retired decommissioned
  surplus spare ready
`);

/** Counting nouns whose modifiers name the thing counted: "ammunition containers" counts containers of ammunition. */
const CONTAINER_NOUNS = wordSet(`
  container shipment load batch crate box consignment cargo truckload carload wagon railcar pallet cup bottle
  bag sack tranche convoy trainload shipload planeload carton parcel drum bundle pack packet bale can tin jar
  bucket canister
`);

/** Counting nouns that take an "of" complement as their concept: "rounds of ammunition", "kits of food". */
const OF_HEADS = wordSet(`
  round piece unit item set pair dose vial kit lot case type kind sort variety stack ration portion cylinder
  tube package
`);

/** Nouns whose "of" phrase is part of the noun: "prisoners of war", "heads of state". */
const COMPOUNDS_WITH_OF: Record<string, string> = {
  'prisoner of war': 'prisoner of war',
  'head of state': 'head of state',
  'head of government': 'head of government',
  'member of parliament': 'member of parliament',
  'weapon of mass destruction': 'weapon of mass destruction',
  'rocket-propelled grenade': 'rocket-propelled grenade',
};

/** Nouns followed by a number that names rather than counts: "Resolution 2231", "Article 5". */
const IDENTIFIER_NOUNS = wordSet(`
  resolution article section chapter paragraph clause page no nos number route highway flight channel gate
  platform room phase stage level grade version model type block decree order protocol annex district zone
  sector term season episode part volume issue line exit station terminal category class tier unit act law rule
  figure table appendix
`);

/** Capitalised words before a number that still read as a quantity. */
const CAPITALIZED_OK_BEFORE_NUMBER = wordSet(`
  Over About Around Some Nearly Almost Roughly Approximately Up More Fewer Less At Only Just Another All Of
  Those These The With By From To In Between And But An A Estimated Under Above Below Exactly Precisely Total
  Killed Wounded Injured Sent Deployed Delivered Since After Before During Until For Another Another
`);

const CHANGE_UP = wordSet(`
  accelerated accelerate quickened
  rose risen rise rises rising increased increase increases increasing grew grow grows grown growing climbed
  climb climbs climbing jumped jump jumps jumping surged surge surges surging soared soar soars soaring gained
  gain gains gaining expanded expands expanding rallied spiked swelled boosted boost raised raise raises hiked up
  added higher widened widening accelerated edged ticked leapt leaped rebounded recovered
`);
const CHANGE_DOWN = wordSet(`
  slowed slow
  fell fall falls fallen falling dropped drop drops dropping declined decline declines declining decreased
  decrease decreases decreasing slid slide slides sliding slipped slip slipping plunged plunge plunging
  plummeted plummeting tumbled tumbling sank sinking sunk shrank shrunk shrinks shrinking contracted contracts
  contracting eased eases easing dipped dip dips cut cuts slashed slashes reduced reduce reduces lowered lower
  down retreated slumped slumps slumping lost loses lose losing shed narrowed narrowing weakened downgraded
  trimmed
`);
/** Verbs that move a figure without taking it as an object ("inflation rose 2%"): change on any quantity. */
const INTRANSITIVE_CHANGE = wordSet(`
  rise grow fall drop climb decline increase decrease jump surge slide slip dip shrink contract ease gain lose
  accelerated accelerate slowed slow quickened
  rose risen rise rises rising grew grown grow grows growing climbed climbs climbing jumped jumps jumping surged
  surging soared soaring fell fallen falls falling dropped drops dropping declined declines declining decreased
  decreasing increased increasing slid sliding slipped slipping plunged plunging plummeted tumbled sank shrank
  shrinking contracted contracting eased easing dipped up down edged ticked widened narrowed slumped rebounded
  expanded gained gains gaining lost loses losing added
`);
/** Verbs that take the figure as their object: a change only for percentages and points ("lost 5%"). */
const TRANSITIVE_CHANGE = wordSet(`
  lost loses losing lose added adds gained gains gaining shed
`);
const CHANGE_NOUNS_UP = wordSet(`
  increase rise gain jump hike surge uptick boost expansion spike
`);
const CHANGE_NOUNS_DOWN = wordSet(`
  decrease drop fall decline cut reduction loss slump dip contraction downturn plunge slide
`);
/** "shot down", "scaled up": a particle, not a change. */
const PARTICLE_VERBS = wordSet(`
  shot shoot shoots cut brought bring took take turned turn broke break scaled scale step stepped set signed
  sign stand stood back backed pick picked gave give slowed calmed burned burnt cracked shut closed knocked
  struck strike tracked track hunted hunt chased chase
`);
/** Verbs and participles before a level: "inflation stood at 5%", "the harvest is forecast at 59 million tonnes". */
const LEVEL_VERBS = wordSet(`
  stood stands was were is are reached reaches reach hit hits totalled totaled totals amounted amounts hovered
  remained stayed came topped exceeded surpassed passed crossed numbered numbers be been doubled tripled halved
  widened narrowed costs cost sells sold priced valued forecast forecasted estimated expected projected put set
  seen pegged seen
`);
const AUXILIARIES = wordSet(`
  has have had been was were is are will would be now already also further sharply slightly steadily again
  could may might can should must shall
`);
const DETERMINERS = wordSet(`
  the a an its their his her our this these those that such some any
`);
/** Prepositions that may link a concept to its own modifiers when reading leftwards. */
const CHAIN_PREPOSITIONS = wordSet(`
  of for in on at from through to among across with by
`);

/** Page furniture: "12 comments", "3 min read", "Listen to this article, 4 min". */
const FURNITURE =
  /\b\d+\s*(?:comments?|shares?|views?|likes?|replies|retweets|followers|min(?:ute)?s?(?:\s+read)?)\s*$/i;

type QualifierTable = Map<string, Array<{ words: string[]; bound: Bound }>>;

function qualifierTable(entries: Array<[string, Bound]>, by: 'first' | 'last'): QualifierTable {
  const table: QualifierTable = new Map();
  for (const [phrase, bound] of entries) {
    const words = phrase.split(' ');
    const k = by === 'first' ? words[0]! : words[words.length - 1]!;
    const list = table.get(k) ?? [];
    list.push({ words, bound });
    table.set(k, list);
  }
  for (const list of table.values()) list.sort((a, b) => b.words.length - a.words.length);
  return table;
}
const PREFIX_QUALIFIERS = qualifierTable(QUALIFIERS, 'last');
const SUFFIXES = qualifierTable(SUFFIX_QUALIFIERS, 'first');

const NUMBERISH =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|scores)\b/i;

/** The number words of `NUMBERISH`, for sentences already tokenized. */
const NUMBER_WORDS = wordSet(`
  one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
  eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands
  million millions billion billions trillion trillions dozen dozens scores
`);
const DIGIT = /\d/;

/** `NUMBERISH` over tokens: a digit anywhere, or a number word as a token (a Set lookup per word, no case-blind regex). */
function hasNumberToken(sentence: string, tokens: Token[]): boolean {
  if (DIGIT.test(sentence)) return true;
  for (const t of tokens) if (t.kind === 'word' && NUMBER_WORDS.has(t.lower)) return true;
  return false;
}

/** Nordic and Czech crowns: the currency follows the country named in the sentence. */
const CROWNS: Record<string, string> = { NO: 'NOK', DK: 'DKK', SE: 'SEK', CZ: 'CZK', IS: 'ISK' };
const CROWN_WORDS: Record<string, string> = {
  crowns: 'NOK',
  crown: 'NOK',
  kroner: 'DKK',
  krone: 'DKK',
  kronor: 'SEK',
  koruna: 'CZK',
  korunas: 'CZK',
};

interface Found {
  quantity: Quantity;
  startToken: number;
  endToken: number;
  dimension: Dimension | null;
}

interface Context {
  sentence: string;
  tokens: Token[];
  masked: Uint8Array;
  /** Token indices that belong to a place or nationality name ("North Korean", "Ukraine"). */
  entityToken: Uint8Array;
  mentions: EntityMention[];
  titleCase: boolean;
  out: Found[];
  gazetteer: Gazetteer;
}

/**
 * Every quantity mention in one sentence, left to right. Spans cover qualifier, currency, number
 * and unit ("nearly 11,000 containers"); the concept after the unit is outside the span.
 */
export function extractQuantities(sentence: string): Quantity[] {
  if (!NUMBERISH.test(sentence)) return [];
  return quantitiesOfTokens(sentence, tokenize(sentence), findDateExpressions(sentence), null);
}

/**
 * `extractQuantities` over a sentence already tokenized, with its date expressions and, when they
 * were found with the built-in gazetteer, its entity mentions: claim extraction has them at hand,
 * and tokenizing and scanning for dates twice was a fifth of its time. Reads its inputs, never
 * changes them.
 */
export function quantitiesOfTokens(
  sentence: string,
  tokens: Token[],
  dates: readonly DateExpression[],
  builtInMentions: EntityMention[] | null,
): Quantity[] {
  if (!hasNumberToken(sentence, tokens)) return [];
  if (isPageFurniture(sentence, tokens)) return [];
  const masked = new Uint8Array(tokens.length);
  for (const e of dates) {
    if (e.kind === 'weekday' || e.kind === 'relative') continue;
    if (e.kind === 'month' && !/\d/.test(e.text)) continue;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.start < e.end && t.end > e.start) masked[i] = 1;
    }
  }
  const gazetteer = gazetteerFor();
  const mentions = builtInMentions ?? gazetteer.mentions(tokens);
  const entityToken = new Uint8Array(tokens.length);
  for (const m of mentions) for (let i = m.start; i < m.end; i++) entityToken[i] = 1;
  const ctx: Context = {
    sentence,
    tokens,
    masked,
    entityToken,
    mentions,
    titleCase: isTitleCase(tokens),
    out: [],
    gazetteer,
  };
  for (let i = 0; i < tokens.length; i++) {
    if (masked[i]) continue;
    const end = readQuantity(ctx, i);
    if (end > i) i = end - 1;
  }
  linkMeasures(ctx);
  return ctx.out.map((q) => q.quantity);
}

/** Reads a quantity starting at token `i`; returns the token index after it, or `i` if none. */
function readQuantity(ctx: Context, i: number): number {
  const { tokens } = ctx;
  let core = parseCore(ctx, i);
  if (!core) return i;
  if (core.skip || isIdentifier(ctx, core)) return core.end;
  if (core.bareOne && isIdiomaticOne(tokens, core)) return core.end;
  if (isFractionOrRatio(tokens, core) || isOutOf(tokens, core)) return skipRatio(tokens, core);

  // Currency and qualifier before the number.
  let start = core.start;
  let currency: string | null = null;
  const cur = matchCurrencyBefore(tokens, core.start);
  if (cur && !ctx.masked[cur.start]) {
    currency = cur.currency;
    start = cur.start;
  }
  // "minus 15 degrees", "-15°C"
  let sign = 1;
  const before = tokens[start - 1];
  const plusOrMinus = tokens[start - 2]?.lower === 'or' && tokens[start - 3]?.lower === 'plus';
  if (
    before &&
    !plusOrMinus &&
    (before.lower === 'minus' || (before.text === '-' && before.spaceBefore && !tokens[start]!.spaceBefore))
  ) {
    sign = -1;
    start--;
  }
  let bound: Bound = core.vague ? '~' : '=';
  const qual = matchQualifier(tokens, start);
  if (qual) {
    bound = qual.bound;
    start = qual.start;
  }

  // Ranges: "300-500", "300 to 500", "between 300 and 500", "$5-6 billion", "two or three", "3% to 4%".
  let end = core.end;
  const rng = readRange(ctx, core, start);
  if (rng) {
    core = rng.core;
    // "3% to 4%": read the unit after the second number.
    end = rng.unitEnd ?? core.end;
    core = { ...core, end };
    if (rng.start < start) start = rng.start;
    if (!qual && !core.vague) bound = '=';
  }

  if (core.rawInt && !currency && !qual && looksLikeYear(ctx, core)) return core.end;
  if (sign < 0 && core.value !== null) core = { ...core, value: -core.value };

  // Suffix qualifier: "1,000 or more", "300-odd".
  const suf = matchSuffix(tokens, end);
  if (suf) {
    bound = suf.bound;
    end = suf.end;
  }

  // Age: "45-year-old", "45 years old", "aged 45", "Kim Jong Un, 40,".
  const age = readAge(ctx, start, end, core);
  if (age) {
    pushQuantity(ctx, {
      core,
      start: age.start,
      end: age.end,
      bound,
      change: null,
      unit: 'year',
      concept: null,
      kind: 'age',
      currency: null,
      dimension: 'time',
    });
    return age.end;
  }

  let kind: QuantityKind = currency ? 'money' : 'count';
  let unit: string | null = currency;
  let concept: string | null = null;
  let dimension: Dimension | null = currency ? 'money' : null;
  let spanEnd = end;
  let afterUnit = end;
  let change = readChangeBefore(tokens, start);
  let conceptDone = false;

  let j = end;
  if (core.takesOf && tokens[j]?.lower === 'of') j++;
  // Units written against the number or hyphenated ("180-mile", "10km", "155mm shells").
  let adjectival = false;
  if (tokens[j]?.text === '-' && !tokens[j]!.spaceBefore && tokens[j + 1] && !tokens[j + 1]!.spaceBefore) {
    adjectival = true;
    j++;
  }
  const crown = currency ? null : readCrowns(ctx, j);
  const curAfter = currency || crown ? null : matchCurrencyAfter(tokens, j);
  const unitHit = curAfter || crown ? null : matchUnit(tokens, j);
  if (crown && !adjectival) {
    kind = 'money';
    currency = crown.currency;
    unit = currency;
    dimension = 'money';
    spanEnd = afterUnit = crown.end;
  } else if (curAfter && !adjectival) {
    kind = 'money';
    currency = curAfter.currency;
    unit = currency;
    dimension = 'money';
    spanEnd = afterUnit = curAfter.end;
  } else if (unitHit && unitHit.unit === 'lb' && core.scaled && tokens[unitHit.end]?.lower !== 'of') {
    // "5 million pounds" is money; "500 pounds of explosives" is weight.
    kind = 'money';
    currency = 'GBP';
    unit = currency;
    dimension = 'money';
    spanEnd = afterUnit = unitHit.end;
  } else if (unitHit?.unit === 'point' && change === null && !/^(?:by|of)$/.test(tokens[start - 1]?.lower ?? '')) {
    // "a 12-point plan", "the plan has 10 points": points counted, not a score.
    unit = 'point';
    spanEnd = afterUnit = unitHit.end;
    if (adjectival) {
      const np = readNounPhrase(ctx, afterUnit, false);
      if (np) {
        concept = conceptText(ctx, np.words);
        afterUnit = np.end;
      }
    }
    conceptDone = true;
  } else if (unitHit) {
    dimension = unitHit.dimension;
    kind = dimension === 'percent' ? 'percent' : 'measure';
    unit = unitHit.unit;
    spanEnd = afterUnit = unitHit.end;
    // "155mm shells": a unit against the number, then a noun, is a modifier too.
    if (
      !tokens[j]!.spaceBefore &&
      tokens[afterUnit]?.kind === 'word' &&
      !NP_STOP.has(tokens[afterUnit]!.lower) &&
      kind === 'measure'
    ) {
      adjectival = true;
    }
  } else if (adjectival) {
    const w = tokens[j]!;
    if (
      w.kind === 'word' &&
      /^[a-z]+$/.test(w.text) &&
      !/^(?:strong|odd|plus|fold|year|old|member|man|person)$/.test(w.lower) &&
      !isVerbLike(w)
    ) {
      // "a 15-storey building", "a 12-seat minibus": the hyphenated noun counts, the noun after is the concept.
      unit = singularize(w.lower);
      spanEnd = afterUnit = j + 1;
      const np = readNounPhrase(ctx, afterUnit, true);
      if (np) {
        concept = conceptText(ctx, np.words);
        afterUnit = np.end;
      }
      conceptDone = true;
    } else {
      j--; // the hyphen belongs to a compound like "300-strong"
    }
  }
  // "over five years" is a span of time, not more than five years.
  if (kind === 'measure' && dimension === 'time' && /^(?:over|under)$/.test(tokens[qual?.start ?? -1]?.lower ?? ''))
    bound = '=';

  if (kind === 'count' && !conceptDone) {
    const np = readCountedNoun(ctx, core, j);
    if (np) {
      unit = np.unit;
      concept = np.concept;
      spanEnd = np.headEnd;
      afterUnit = np.end;
    }
  } else if (!conceptDone) {
    // Rate: "barrels per day", "$80 a barrel".
    let rate = readRate(tokens, afterUnit);
    if (rate) {
      unit = `${unit}/${rate.per}`;
      afterUnit = rate.end;
    }
    const comp = readComplement(ctx, afterUnit, kind, adjectival);
    if (comp) {
      concept = comp.concept;
      afterUnit = comp.end;
      rate = rate ? null : readRate(tokens, afterUnit);
      if (rate) {
        unit = `${unit}/${rate.per}`;
        afterUnit = rate.end;
      }
    } else if (adjectival || kind === 'money' || kind === 'percent') {
      // "a $6 billion aid package", "a 5% stake", "a 10-day ceasefire", "155mm shells"
      const np = readNounPhrase(ctx, afterUnit, false);
      if (np && np.words.length > 0) {
        const head = np.words[np.words.length - 1]!.lower;
        const dir = CHANGE_NOUNS_UP.has(head) ? 'up' : CHANGE_NOUNS_DOWN.has(head) ? 'down' : null;
        if (dir && np.words.length === 1) change = dir;
        else if (!np.words.every((w) => STATE_ADJECTIVES.has(w.lower))) concept = conceptText(ctx, np.words);
        afterUnit = np.end;
      }
    }
  }

  // Change after the number: "a 5% increase".
  if (change === null && kind !== 'count') {
    const nx = tokens[afterUnit]?.lower ?? '';
    if (CHANGE_NOUNS_UP.has(nx)) change = 'up';
    else if (CHANGE_NOUNS_DOWN.has(nx)) change = 'down';
  }
  if (kind === 'measure' && dimension === 'time') change = null;
  // "lost 300 tanks", "added 60 carriers": amounts, not changes; "lost 5%" is a fall.
  if (change !== null && kind !== 'percent' && TRANSITIVE_CHANGE.has(tokens[start - 1]?.lower ?? '')) change = null;

  // A bare number after "from", "to" or "and" takes the unit of the quantity it goes with: "52 hryvnias, up from 33".
  const prev = previousInClause(ctx, start);
  if (
    kind === 'count' &&
    unit === null &&
    prev &&
    (prev.quantity.kind === 'money' || prev.quantity.kind === 'percent')
  ) {
    const link = tokens[start - 1]?.lower ?? '';
    if (link === 'from' || link === 'to' || link === 'against') {
      kind = prev.quantity.kind;
      unit = prev.quantity.unit;
      currency = prev.quantity.currency ?? null;
      dimension = prev.dimension;
    }
  }

  if (
    concept === null &&
    kind === 'measure' &&
    /^(?:long|wide|high|deep|tall|thick|across)$/.test(tokens[afterUnit]?.lower ?? '') &&
    tokens[start - 1]?.text === ','
  ) {
    concept = collectLeft(ctx, start - 2, false)?.text ?? null;
  }
  if (concept === null && (kind !== 'count' || unit === null || change !== null)) {
    concept = readConceptBefore(ctx, start, kind);
    // Chained figures: "fell 2.3% to $78.40", "rose 0.5% month on month and 5.1% year on year".
    if (concept === null && prev && (kind !== 'count' || prev.quantity.kind === kind || unit === null)) {
      const link = tokens[start - 1]?.lower ?? '';
      if (/^(?:to|from|and|at)$/.test(link) || (link === 'by' && prev.quantity.change !== null))
        concept = prev.quantity.concept;
    }
  }
  if (change === null && prev?.quantity.change && tokens[start - 1]?.lower === 'and' && prev.quantity.unit === unit)
    change = prev.quantity.change;

  pushQuantity(ctx, { core, start, end: spanEnd, bound, change, unit, concept, kind, currency, dimension });
  // Continue right after the number and its unit: a calibre inside the noun phrase ("3.4 million
  // 155mm rounds") is a quantity of its own; model numbers there are skipped as identifiers.
  return kind === 'count' ? end : Math.max(spanEnd, end);
}

function previousInClause(ctx: Context, start: number): Found | null {
  const prev = ctx.out[ctx.out.length - 1];
  if (!prev) return null;
  for (let k = prev.endToken; k < start; k++) if (/^[;.]$/.test(ctx.tokens[k]!.text)) return null;
  return start - prev.endToken <= 12 ? prev : null;
}

function pushQuantity(
  ctx: Context,
  q: {
    core: Core;
    start: number;
    end: number;
    bound: Bound;
    change: 'up' | 'down' | null;
    unit: string | null;
    concept: string | null;
    kind: QuantityKind;
    currency: string | null;
    dimension: Dimension | null;
  },
): void {
  const { tokens, sentence } = ctx;
  const a = tokens[q.start]!.start;
  const b = tokens[Math.max(q.start, q.end - 1)]!.end;
  const quantity: Quantity = {
    value: q.core.value,
    range: q.core.range,
    bound: q.bound,
    change: q.change,
    unit: q.unit,
    concept: q.concept,
    span: [a, b],
    text: sentence.slice(a, b),
    kind: q.kind,
    currency: q.kind === 'money' ? q.currency : null,
    linkedTo: null,
  };
  ctx.out.push({ quantity, startToken: q.start, endToken: q.end, dimension: q.dimension });
}

// ---------------------------------------------------------------- number expressions

function parseCore(ctx: Context, i: number): Core | null {
  const { tokens } = ctx;
  const t = tokens[i]!;
  if (t.kind === 'num') return parseDigitsCore(tokens, i);
  if (t.kind !== 'word') return null;
  const w = t.lower;
  if (VAGUE_PLURAL_RANGES.has(w)) return parseVague(tokens, i);
  if (w === 'a' || w === 'an' || w === 'half' || w === 'several' || w === 'dozen' || SMALL_NUMBER_VALUES.has(w)) {
    return parseSpelled(tokens, i);
  }
  return null;
}

function core(start: number, end: number, value: number | null, extra: Partial<Core> = {}): Core {
  return {
    start,
    end,
    value,
    range: null,
    vague: false,
    rawInt: false,
    digits: false,
    bareOne: false,
    scaled: false,
    takesOf: false,
    ...extra,
  };
}

function parseDigitsCore(tokens: Token[], i: number): Core {
  const t = tokens[i]!;
  let value = parseDigits(t.text);
  let rawInt = /^\d+$/.test(t.text);
  let scaled = false;
  let j = i + 1;
  const nx = tokens[j];
  if (nx && !nx.spaceBefore && nx.kind === 'word') {
    const suf = nx.lower;
    const scale = SCALE_SUFFIX_VALUES.get(suf);
    const modelLike = tokens[i - 1]?.text === '-' && !t.spaceBefore;
    if (scale !== undefined && !modelLike) {
      const money = matchCurrencyBefore(tokens, i) !== null;
      const ambiguous = suf === 'm' || suf === 'b';
      const nounAfter = tokens[j + 1]?.kind === 'word' && isPlural(tokens[j + 1]!.lower);
      if (!ambiguous || money || nounAfter || matchCurrencyAfter(tokens, j + 1)) {
        value *= scale;
        rawInt = false;
        scaled = true;
        j++;
      }
    } else if (
      modelLike ||
      (!matchUnit(tokens, j) && !matchCurrencyAfter(tokens, j) && !(suf === 's' && isPluralOfNumberedName(tokens, i)))
    ) {
      // "72B3", "5G", "T-90M", "2nd", "1990s": a name or an ordinal, not a quantity.
      return core(i, j + 1, null, { rawInt: true, digits: true, skip: true });
    }
  }
  while (tokens[j] && tokens[j]!.kind === 'word' && SCALE_WORD_VALUES.has(tokens[j]!.lower)) {
    value *= SCALE_WORD_VALUES.get(tokens[j]!.lower)!;
    rawInt = false;
    scaled = true;
    j++;
  }
  return core(i, j, round(value), { rawInt, digits: true, scaled });
}

/** "F-16s": the plural of a numbered name. */
function isPluralOfNumberedName(tokens: Token[], i: number): boolean {
  return tokens[i - 1]?.text === '-' && !tokens[i]!.spaceBefore;
}

function parseVague(tokens: Token[], i: number): Core | null {
  const w = tokens[i]!.lower;
  let range = VAGUE_PLURAL_RANGES.get(w)!;
  let j = i + 1;
  if (w === 'tens' || w === 'hundreds' || w === 'dozens') {
    const of = tokens[j]?.lower === 'of';
    const next = tokens[j + 1]?.lower ?? '';
    if (of && (next === 'thousands' || next === 'millions' || next === 'billions')) {
      const inner = VAGUE_PLURAL_RANGES.get(next)!;
      range = [range[0] * inner[0], range[0] * inner[1]];
      j += 2;
    } else if (w === 'tens') {
      return null;
    }
  }
  return core(i, j, null, { range, vague: true, scaled: true, takesOf: true });
}

function parseSpelled(tokens: Token[], i: number): Core | null {
  let j = i;
  const w0 = tokens[i]!.lower;
  // "a few hundred", "a couple of thousand", "several thousand", "several dozen"
  if (
    w0 === 'several' ||
    ((w0 === 'a' || w0 === 'an') && (tokens[i + 1]?.lower === 'few' || tokens[i + 1]?.lower === 'couple'))
  ) {
    const mult = VAGUE_MULTIPLIER_RANGES.get(w0 === 'several' ? 'several' : tokens[i + 1]!.lower)!;
    j = w0 === 'several' ? i + 1 : i + 2;
    if (tokens[j]?.lower === 'of') j++;
    let lo = mult[0];
    let hi = mult[1];
    let any = false;
    while (tokens[j] && (SCALE_WORD_VALUES.has(tokens[j]!.lower) || tokens[j]!.lower === 'dozen')) {
      const s = tokens[j]!.lower === 'dozen' ? 12 : SCALE_WORD_VALUES.get(tokens[j]!.lower)!;
      lo *= s;
      hi *= s;
      any = true;
      j++;
    }
    if (!any) return null;
    return core(i, j, null, { range: [lo, hi], vague: true, scaled: true, takesOf: true });
  }
  // "half a million", "half a dozen"
  if (w0 === 'half') {
    const a = tokens[i + 1]?.lower;
    const s = tokens[i + 2]?.lower ?? '';
    if ((a === 'a' || a === 'an') && (SCALE_WORD_VALUES.has(s) || s === 'dozen')) {
      const scale = s === 'dozen' ? 12 : SCALE_WORD_VALUES.get(s)!;
      return core(i, i + 3, 0.5 * scale, { scaled: true, takesOf: true });
    }
    return null;
  }
  let total = 0;
  let current = 0;
  let any = false;
  let lastScale = false;
  let words = 0;
  if (w0 === 'a' || w0 === 'an') {
    const s = tokens[i + 1]?.lower ?? '';
    // "a quarter of a million", "a half million"
    if ((s === 'quarter' || s === 'half') && tokens[i + 2]?.lower === 'of' && tokens[i + 3]?.lower === 'a') {
      const sc = tokens[i + 4]?.lower ?? '';
      if (SCALE_WORD_VALUES.has(sc))
        return core(i, i + 5, (s === 'quarter' ? 0.25 : 0.5) * SCALE_WORD_VALUES.get(sc)!, {
          scaled: true,
          takesOf: true,
        });
    }
    const sc2 = tokens[i + 2]?.lower ?? '';
    if ((s === 'quarter' || s === 'half') && SCALE_WORD_VALUES.has(sc2)) {
      return core(i, i + 3, (s === 'quarter' ? 0.25 : 0.5) * SCALE_WORD_VALUES.get(sc2)!, {
        scaled: true,
        takesOf: true,
      });
    }
    if (!SCALE_WORD_VALUES.has(s) && s !== 'dozen') return null;
    current = 1;
    any = true;
    j = i + 1;
  }
  for (; j < tokens.length; j++) {
    const t = tokens[j]!;
    const w = t.lower;
    if (t.kind !== 'word' && t.text !== '-') break;
    if (SMALL_NUMBER_VALUES.has(w)) {
      const n = SMALL_NUMBER_VALUES.get(w)!;
      if (!any || lastScale) current += n;
      else if (n < 10 && current % 10 === 0 && current % 100 >= 20 && tokens[j - 1]?.text === '-') current += n;
      else break;
      any = true;
      lastScale = false;
      words++;
      continue;
    }
    if (w === '-' && !t.spaceBefore && any && TENS.has(tokens[j - 1]?.lower ?? '') && !tokens[j + 1]?.spaceBefore)
      continue;
    if (!any) break;
    if (w === 'hundred') {
      current = (current || 1) * 100;
      lastScale = true;
      continue;
    }
    if (w === 'dozen') {
      current = (current || 1) * 12;
      lastScale = false;
      continue;
    }
    if (SCALE_WORD_VALUES.has(w)) {
      total += (current || 1) * SCALE_WORD_VALUES.get(w)!;
      current = 0;
      lastScale = true;
      continue;
    }
    if (w === 'and' && lastScale && SMALL_NUMBER_VALUES.has(tokens[j + 1]?.lower ?? '')) continue;
    // "one and a half million"
    if (
      w === 'and' &&
      tokens[j + 1]?.lower === 'a' &&
      tokens[j + 2]?.lower === 'half' &&
      SCALE_WORD_VALUES.has(tokens[j + 3]?.lower ?? '')
    ) {
      total += (current + 0.5) * SCALE_WORD_VALUES.get(tokens[j + 3]!.lower)!;
      current = 0;
      j += 3;
      lastScale = true;
      continue;
    }
    break;
  }
  if (!any) return null;
  let end = j;
  while (end > i && tokens[end - 1]!.text === '-') end--;
  const value = total + current;
  const bareOne = value === 1 && words === 1 && end === i + 1;
  return core(i, end, value, { bareOne, scaled: total > 0 || value >= 100 });
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

// ---------------------------------------------------------------- filters

/** Model names, identifiers, page numbers: "F-16", "Su-35", "Resolution 2231", "No. 5", "Leopard 2", "Air Force One". */
function isIdentifier(ctx: Context, c: Core): boolean {
  const { tokens } = ctx;
  const first = tokens[c.start]!;
  const prev = tokens[c.start - 1];
  if (!prev) return false;
  if (c.digits) {
    if (!first.spaceBefore && (prev.text === '-' || prev.text === '–')) {
      const before = tokens[c.start - 2];
      if (before && !prev.spaceBefore && before.kind === 'word' && !SMALL_NUMBER_VALUES.has(before.lower)) return true;
    }
    if (!first.spaceBefore && (prev.text === '#' || prev.text === '№')) return true;
    if (prev.text === '.' && /^(?:no|nos|nr)$/.test(tokens[c.start - 2]?.lower ?? '')) return true;
    if (!c.rawInt) return false;
    if (prev.kind === 'word' && IDENTIFIER_NOUNS.has(prev.lower) && !matchQualifier(tokens, c.start)) return true;
  } else if (!isCapitalized(first) || c.start === firstWordIndex(tokens)) {
    return false;
  }
  if (isCapitalized(prev) && !ctx.titleCase && c.start - 1 > firstWordIndex(tokens)) {
    if (CAPITALIZED_OK_BEFORE_NUMBER.has(prev.text)) return false;
    if (ctx.entityToken[c.start - 1]) return false;
    if (/^(?:[A-Z]{2,}|[A-Z][a-z]+)$/.test(prev.text) && !isMonthOrDay(prev.text)) return true;
  }
  return false;
}

function firstWordIndex(tokens: Token[]): number {
  let i = 0;
  while (i < tokens.length && tokens[i]!.kind === 'punct') i++;
  return i;
}

function isMonthOrDay(w: string): boolean {
  return /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/.test(
    w,
  );
}

function isIdiomaticOne(tokens: Token[], c: Core): boolean {
  const prev = tokens[c.start - 1]?.lower ?? '';
  const next = tokens[c.end]?.lower ?? '';
  if (/^(?:no|any|every|each|the|this|that|which|someone|anyone|everyone|only|at|for|as|such|with|like)$/.test(prev))
    return true;
  if (/^(?:of|another|or|hand|side|way|thing|day|after|by|point|time|who|that|which|is|was|,|\.|'s|’s)$/.test(next))
    return true;
  return next === '' || tokens[c.end]?.kind === 'punct';
}

/** "two-thirds of Germans", "one in five Ukrainians", "three in four voters": proportions, not counts. */
function isFractionOrRatio(tokens: Token[], c: Core): boolean {
  if (c.digits || c.vague || c.value === null) return false;
  const a = tokens[c.end];
  const b = tokens[c.end + 1];
  const FRACTION = /^(?:thirds?|quarters?|fifths?|sixths?|tenths?|halves)$/;
  if (a?.text === '-' && b && FRACTION.test(b.lower)) return true;
  if (a && FRACTION.test(a.lower)) return true;
  if (a?.lower === 'in' && b && SMALL_NUMBER_VALUES.has(b.lower) && c.value < 10) return true;
  // "three times more than": a multiplier.
  if (
    a?.lower === 'times' &&
    b &&
    /^(?:more|less|higher|lower|larger|bigger|smaller|as|the|greater|fewer|over)$/.test(b.lower)
  )
    return true;
  return false;
}

/** "4 out of 10 respondents": a proportion; both numbers are skipped. */
function isOutOf(tokens: Token[], c: Core): boolean {
  return tokens[c.end]?.lower === 'out' && tokens[c.end + 1]?.lower === 'of' && tokens[c.end + 2]?.kind === 'num';
}

function skipRatio(tokens: Token[], c: Core): number {
  const a = tokens[c.end]?.lower;
  if (a === 'out') return c.end + 3;
  return a === '-' || a === 'in' || a === 'times' ? c.end + 2 : c.end + 1;
}

/** A four-digit number between 1800 and 2100 is a year unless a unit or a counted noun follows. */
function looksLikeYear(ctx: Context, c: Core): boolean {
  const t = ctx.tokens[c.start]!;
  if (t.text.length !== 4) return false;
  const v = Number(t.text);
  if (v < 1800 || v > 2100) return false;
  const next = ctx.tokens[c.end];
  if (!next) return true;
  if (matchUnit(ctx.tokens, c.end) || matchCurrencyAfter(ctx.tokens, c.end)) return false;
  if (next.kind === 'word' && next.text[0] === next.lower[0] && isPlural(next.lower) && !NP_STOP.has(next.lower))
    return false;
  return true;
}

function isPageFurniture(sentence: string, tokens: Token[]): boolean {
  const words = tokens.filter((t) => t.kind === 'word');
  if (words.length <= 2 && !words.some((t) => t.lower === t.text && t.text.length >= 3)) return true;
  return words.length <= 6 && FURNITURE.test(sentence);
}

function isTitleCase(tokens: Token[]): boolean {
  let long = 0;
  let caps = 0;
  for (const t of tokens) {
    if (t.kind !== 'word' || t.text.length < 4) continue;
    long++;
    if (isCapitalized(t)) caps++;
  }
  return long >= 3 && caps / long >= 0.75;
}

// ---------------------------------------------------------------- qualifiers, ranges, change

function matchQualifier(tokens: Token[], at: number): { bound: Bound; start: number } | null {
  const prev = tokens[at - 1];
  if (!prev) return null;
  const list = PREFIX_QUALIFIERS.get(prev.lower);
  if (!list) return null;
  outer: for (const { words, bound } of list) {
    const s = at - words.length;
    if (s < 0) continue;
    for (let k = 0; k < words.length; k++) if (tokens[s + k]!.lower !== words[k]) continue outer;
    return { bound, start: s };
  }
  return null;
}

function matchSuffix(tokens: Token[], at: number): { bound: Bound; end: number } | null {
  const t = tokens[at];
  if (!t) return null;
  const list = SUFFIXES.get(t.lower);
  if (!list) return null;
  outer: for (const { words, bound } of list) {
    for (let k = 0; k < words.length; k++) if (tokens[at + k]?.lower !== words[k]) continue outer;
    if (words[0] === 'odd' && t.spaceBefore) continue;
    if (words[0] === 'plus' && tokens[at + 1]?.kind === 'num') continue;
    if (words[0] === 'at') continue; // "at least" after a number starts a new qualifier
    return { bound, end: at + words.length };
  }
  return null;
}

function readRange(
  ctx: Context,
  c: Core,
  qualStart: number,
): { core: Core; start: number; unitEnd: number | null } | null {
  const { tokens } = ctx;
  if (c.vague || c.value === null) return null;
  // A unit may stand after each end: "3% to 4%", "5 million to 6 million".
  let sepAt = c.end;
  const unit = matchUnit(tokens, sepAt);
  if (unit && unit.dimension === 'percent') sepAt = unit.end;
  const sep = tokens[sepAt];
  if (!sep) return null;
  const s = sep.lower;
  const between = tokens[qualStart - 1]?.lower === 'between';
  const from = tokens[qualStart - 1]?.lower === 'from';
  let k = sepAt + 1;
  if (!(s === '-' || s === '–' || s === 'to' || (s === 'and' && between) || s === 'or')) return null;
  // "fell 0.3 points to 3.9%", "rose 4 points to 52%": a change and a level, not a range.
  if (s === 'to' && !between && !from && readChangeBefore(tokens, qualStart) !== null) return null;
  if (from && s === 'to') {
    // "rose from 4% to 5%" are two levels, not a range.
    const verb = tokens[qualStart - 2]?.lower ?? '';
    if (CHANGE_UP.has(verb) || CHANGE_DOWN.has(verb)) return null;
  }
  if (tokens[k]?.kind !== 'num' && tokens[k + 1]?.kind === 'num' && matchCurrencyBefore(tokens, k + 1)) k++;
  if (ctx.masked[k]) return null;
  const other = parseCore(ctx, k);
  if (!other || other.vague || other.value === null || other.skip) return null;
  // Years are no range: "between 2014 and 2021", "2024 to 2027".
  if (c.rawInt && other.rawInt && c.value >= 1800 && c.value <= 2100 && other.value >= 1800 && other.value <= 2100)
    return null;
  if (s === 'or' && !(c.value < 10 && other.value < 20 && other.value > c.value)) return null;
  if (unit && matchUnit(tokens, other.end)?.unit !== unit.unit) return null;
  let lo = c.value;
  const hi = other.value;
  // "5-6 billion", "300-500 thousand": the scale of the second number applies to the first.
  if (!c.scaled && other.scaled && lo < hi) {
    const otherBase =
      tokens[k]!.kind === 'num' ? parseDigits(tokens[k]!.text) : (SMALL_NUMBER_VALUES.get(tokens[k]!.lower) ?? hi);
    const scale = hi / otherBase;
    if (Number.isFinite(scale) && scale > 1) lo *= scale;
  }
  if (!(hi > lo)) return null;
  let end = other.end;
  if (unit) end = matchUnit(tokens, other.end)!.end;
  return {
    core: {
      ...other,
      start: c.start,
      end,
      value: null,
      range: [round(lo), round(hi)],
      rawInt: false,
      scaled: c.scaled || other.scaled,
    },
    start: between || from ? qualStart - 1 : qualStart,
    unitEnd: unit ? other.end : null,
  };
}

function readChangeBefore(tokens: Token[], at: number): 'up' | 'down' | null {
  // "by a cumulative 850 basis points", "rose a further 5%"
  let start = at;
  while (start > 1 && /^(?:cumulative|total|combined|net|whopping|mere|record)$/.test(tokens[start - 1]!.lower))
    start--;
  if (start < at && /^(?:a|an)$/.test(tokens[start - 1]?.lower ?? '') && tokens[start - 2]?.lower === 'by') start--;
  const p1 = tokens[start - 1]?.lower ?? '';
  const dir = (w: string): 'up' | 'down' | null =>
    CHANGE_UP.has(w) || CHANGE_NOUNS_UP.has(w) ? 'up' : CHANGE_DOWN.has(w) || CHANGE_NOUNS_DOWN.has(w) ? 'down' : null;
  if (p1 === 'by') {
    for (let k = start - 2; k >= Math.max(0, start - 7); k--) {
      const w = tokens[k]!.lower;
      const d = dir(w);
      if (d && !(w === 'down' || w === 'up')) return d;
      if (w === ',' || w === '.' || w === ';') break;
    }
    return null;
  }
  if (p1 === 'of') {
    const p2 = tokens[start - 2]?.lower ?? '';
    return CHANGE_NOUNS_UP.has(p2) ? 'up' : CHANGE_NOUNS_DOWN.has(p2) ? 'down' : null;
  }
  if (p1 === 'a' || p1 === 'another' || p1 === 'further') {
    // "rose a further 5%"
    const p2 = tokens[start - 2]?.lower ?? '';
    return INTRANSITIVE_CHANGE.has(p2) ? dir(p2) : null;
  }
  if (p1 === 'up' || p1 === 'down') {
    // "are up 25%", "Turnout was 67.5%, up 2.1 points" — but not "shot down 30".
    const p2 = tokens[start - 2]?.lower ?? '';
    return PARTICLE_VERBS.has(p2) ? null : dir(p1);
  }
  if (INTRANSITIVE_CHANGE.has(p1)) return dir(p1);
  return null;
}

function readAge(ctx: Context, start: number, end: number, c: Core): { start: number; end: number } | null {
  const { tokens } = ctx;
  const prev = tokens[start - 1]?.lower ?? '';
  if (prev === 'aged' || prev === 'age' || (prev === 'of' && tokens[start - 2]?.lower === 'age')) {
    let s = start - 1;
    if (prev === 'of') s = tokens[start - 4]?.lower === 'at' ? start - 4 : start - 2;
    return { start: s, end };
  }
  const a = tokens[end]?.lower;
  const b = tokens[end + 1]?.lower;
  const cc = tokens[end + 2]?.lower;
  const d = tokens[end + 3]?.lower;
  if (a === '-' && (b === 'year' || b === 'years') && cc === '-' && d === 'old') return { start, end: end + 4 };
  if ((a === 'years' || a === 'year') && b === 'old') return { start, end: end + 2 };
  if ((a === 'years' || a === 'year') && b === 'of' && cc === 'age') return { start, end: end + 3 };
  // "Kim Jong Un, 40, inspected": a name, a comma, a small number, a comma.
  if (
    c.rawInt &&
    c.value !== null &&
    c.value < 110 &&
    tokens[start - 1]?.text === ',' &&
    tokens[end]?.text === ',' &&
    isCapitalized(tokens[start - 2] ?? tokens[0]!) &&
    !ctx.entityToken[start - 2]
  ) {
    return { start, end };
  }
  // "two children aged 7 and 9": the second age.
  const last = ctx.out[ctx.out.length - 1];
  if (last?.quantity.kind === 'age' && prev === 'and' && last.endToken === start - 1) return { start, end };
  return null;
}

// ---------------------------------------------------------------- nouns and concepts

interface NounPhrase {
  /** Tokens of the phrase (hyphens and joined pieces included). */
  words: Token[];
  /** Token index of the first and after the last word. */
  start: number;
  end: number;
}

/**
 * Reads a noun phrase of up to six words starting at `j`. With `stopAtPlural`, the phrase ends at
 * its first plural noun (the head of "ballistic missile launchers"). Model names are part of the
 * phrase: "F-16 fighter jets", "Leopard 2 tanks", "155mm rounds".
 */
function readNounPhrase(ctx: Context, j: number, stopAtPlural: boolean): NounPhrase | null {
  const { tokens } = ctx;
  const words: Token[] = [];
  let k = j;
  let count = 0;
  while (k < tokens.length && count < 6) {
    const t = tokens[k]!;
    const prev = words[words.length - 1];
    const joined =
      prev !== undefined &&
      !t.spaceBefore &&
      t.kind !== 'punct' &&
      (prev.kind !== 'punct' || prev.text === '-' || prev.text === '/');
    if (t.text === '“' || t.text === '"' || t.text === '‘') {
      if (words.length === 0) {
        k++;
        continue;
      }
      break;
    }
    if (t.kind === 'num') {
      if (joined || (prev && isCapitalized(prev) && /^\d{1,3}$/.test(t.text))) {
        // "F-16", "T-72", "Leopard 2"
        words.push(t);
        k++;
        continue;
      }
      if (words.length === 0 && ctx.masked[k] === 0 && matchUnit(tokens, k + 1) && !tokens[k + 1]!.spaceBefore) {
        // "155mm rounds": a calibre before the noun.
        words.push(t, tokens[k + 1]!);
        k += 2;
        continue;
      }
      if (
        words.length === 0 &&
        tokens[k + 1]?.text === '-' &&
        !tokens[k + 1]!.spaceBefore &&
        matchUnit(tokens, k + 2) &&
        !tokens[k + 2]!.spaceBefore
      ) {
        // "two 2,000-pound bombs": a measure before the noun.
        words.push(t, tokens[k + 1]!, tokens[k + 2]!);
        k += 3;
        continue;
      }
      break;
    }
    if (t.kind === 'punct') {
      // Hyphenated compounds: "surface-to-air", "short-range", "German-made".
      if (
        (t.text === '-' || t.text === '/') &&
        !t.spaceBefore &&
        prev &&
        tokens[k + 1] &&
        !tokens[k + 1]!.spaceBefore &&
        tokens[k + 1]!.kind !== 'punct'
      ) {
        words.push(t);
        k++;
        continue;
      }
      break;
    }
    const w = t.lower;
    const lower = t.text[0] === w[0];
    if (!joined && NP_STOP.has(w) && !/^[A-Z]{2,}$/.test(t.text)) break;
    // "a 500-pound bomb hit …": a verb after the noun ends the phrase.
    if (!joined && count > 0 && lower && (VERB_WORDS.has(w) || LEVEL_VERBS.has(w) || INTRANSITIVE_CHANGE.has(w))) break;
    if (!joined && lower && (w.endsWith('ed') || w.endsWith('ing')) && !ADJECTIVE_ED_ING.has(w) && w.length > 4) {
      // A gerund may modify the noun after it: "demining equipment", "accounting errors".
      const nounAfter =
        tokens[k + 1]?.kind === 'word' && !NP_STOP.has(tokens[k + 1]!.lower) && !isVerbLike(tokens[k + 1]!);
      const gerund = w.endsWith('ing') && nounAfter;
      if (
        (words.length === 0 && !gerund) ||
        (prev && isPlural(prev.lower)) ||
        !(w.endsWith('ing') && k + 1 < tokens.length)
      )
        break;
    }
    if (
      !joined &&
      isCapitalized(t) &&
      ctx.entityToken[k] &&
      words.length > 0 &&
      !isCapitalized(prev!) &&
      !ctx.entityToken[k - 1]
    )
      break;
    words.push(t);
    if (!joined) count++;
    k++;
    const nx = tokens[k];
    const continuesWord = nx !== undefined && !nx.spaceBefore && (nx.text === '-' || nx.kind !== 'punct');
    if (stopAtPlural && isPlural(w) && !continuesWord) {
      // The head is found, unless the plural is a modifier: "Abrams tanks", "NASAMS launchers",
      // "personnel carriers", "arms depots".
      const next = tokens[k];
      const nounNext = next?.kind === 'word' && !NP_STOP.has(next.lower) && next.text[0] === next.lower[0];
      const modifier = (!lower || w === 'arms' || !w.endsWith('s')) && nounNext && isPlural(next!.lower);
      const capitalisedModifier = !lower && nounNext;
      if (!(modifier || capitalisedModifier)) break;
    }
  }
  while (words.length > 0 && words[words.length - 1]!.kind === 'punct') words.pop();
  if (words.length === 0) return null;
  const last = words[words.length - 1]!;
  return { words, start: tokens.indexOf(words[0]!, j), end: tokens.indexOf(last, j) + 1 };
}

/** Groups joined tokens into words: ["surface","-","to","-","air","missiles"] → ["surface-to-air","missiles"]. */
function groupWords(ctx: Context, words: Token[]): Array<{ text: string; entity: boolean; first: Token }> {
  const out: Array<{ text: string; entity: boolean; first: Token }> = [];
  for (let i = 0; i < words.length; i++) {
    const t = words[i]!;
    const idx = ctx.tokens.indexOf(t);
    const last = out[out.length - 1];
    if (last && (t.text === '-' || t.text === '/' || !t.spaceBefore)) {
      last.text += t.text;
      continue;
    }
    out.push({ text: t.text, entity: idx >= 0 && ctx.entityToken[idx] === 1, first: t });
  }
  return out;
}

function conceptText(ctx: Context, words: Token[]): string | null {
  const grouped = groupWords(ctx, words)
    .map((g) => g.text)
    .filter((w) => !DETERMINERS.has(w.toLowerCase()));
  if (grouped.length === 0) return null;
  return singularizePhrase(
    grouped
      .map((w, i) => (i === 0 && /^[A-Z][a-z]+$/.test(w) && isSentenceStart(ctx, words[0]!) ? w.toLowerCase() : w))
      .join(' '),
  );
}

function isSentenceStart(ctx: Context, t: Token): boolean {
  return ctx.tokens.indexOf(t) === firstWordIndex(ctx.tokens);
}

interface CountedNoun {
  unit: string | null;
  concept: string | null;
  /** Token index after the head noun (end of the span). */
  headEnd: number;
  /** Token index after the complement. */
  end: number;
}

function readCountedNoun(ctx: Context, c: Core, j: number): CountedNoun | null {
  const { tokens } = ctx;
  // Partitive and anaphora: "1,000 of them", "300 of the containers", "30 of the 35 drones".
  if (tokens[j]?.lower === 'of' && !c.takesOf) {
    const nx = tokens[j + 1]?.lower ?? '';
    if (nx === 'them' || nx === 'these' || nx === 'those' || nx === 'which') {
      const prev = [...ctx.out].reverse().find((q) => q.quantity.kind === 'count');
      return { unit: prev?.quantity.unit ?? null, concept: prev?.quantity.concept ?? null, headEnd: j + 2, end: j + 2 };
    }
    // "300 of the containers", "30 of the 35 drones", "38 of 42 Geran-2 drones"
    if (DETERMINERS.has(nx) || tokens[j + 1]?.kind === 'num') {
      let k = DETERMINERS.has(nx) ? j + 2 : j + 1;
      if (tokens[k]?.kind === 'num' && !ctx.masked[k]) k++;
      while (tokens[k] && UNIT_STOP_ADJECTIVES.has(tokens[k]!.lower)) k++;
      const np = readNounPhrase(ctx, k, true);
      if (np) {
        const built = buildCountedNoun(ctx, np);
        if (built) return { ...built, headEnd: c.end, end: built.end };
      }
    }
    return null;
  }
  let k = j;
  let such = false;
  if (tokens[k]?.lower === 'such') {
    such = true;
    k++;
  }
  // "18 more F-16s", "300-500 thousand more recruits", "a further 1,000"
  while (
    tokens[k] &&
    /^(?:more|additional|further|extra|new|other)$/.test(tokens[k]!.lower) &&
    tokens[k + 1]?.kind === 'word' &&
    !NP_STOP.has(tokens[k + 1]!.lower)
  )
    k++;
  const np = readNounPhrase(ctx, k, true);
  if (!np) return null;
  const only = np.words.length === 1 ? np.words[0]! : null;
  if (
    only &&
    ctx.entityToken[np.start] &&
    !isPlural(only.lower) &&
    /^(?:and|or)$/.test(tokens[np.end]?.lower ?? '') &&
    tokens[np.end + 1]?.kind === 'num'
  ) {
    const next = readNounPhrase(ctx, np.end + 2, true);
    const shared = next ? buildCountedNoun(ctx, next) : null;
    if (shared) return { ...shared, headEnd: np.end, end: np.end };
  }
  const built = buildCountedNoun(ctx, np);
  if (built && such && built.unit) built.unit = resolveSuch(ctx, built.unit);
  return built;
}

function buildCountedNoun(ctx: Context, np: NounPhrase): CountedNoun | null {
  const { tokens } = ctx;
  let groups = groupWords(ctx, np.words);
  // A phrase of state adjectives only counts people without naming them: "45 wounded", "87 injured".
  if (groups.every((g) => STATE_ADJECTIVES.has(g.text.toLowerCase()))) return null;
  while (groups.length > 1 && STATE_ADJECTIVES.has(groups[groups.length - 1]!.text.toLowerCase()))
    groups = groups.slice(0, -1);
  // Drop nationalities ("Ukrainian civilians", "North Korean troops"), origins ("German-made") and
  // adjectives that do not change what is counted ("additional weapons").
  const head = groups[groups.length - 1]!;
  const modifiers = groups.slice(0, -1).filter((g) => {
    const lw = g.text.toLowerCase();
    if (g.entity) return false;
    if (UNIT_STOP_ADJECTIVES.has(lw)) return false;
    if (/-(?:made|built|produced|supplied|designed|backed|led|funded|provided|era)$/.test(lw)) return false;
    return true;
  });
  const headWord = head.text;
  const headLower = headWord.toLowerCase();
  if (words1IsVerb(groups, headLower)) return null;
  // "prisoners of war", "heads of state"
  let end = np.end;
  const singular = singularize(headLower);
  if (tokens[end]?.lower === 'of') {
    const compound = `${singular} of ${tokens[end + 1]?.lower ?? ''}`;
    const longer = `${compound} ${tokens[end + 2]?.lower ?? ''}`;
    if (
      COMPOUNDS_WITH_OF[longer] ||
      COMPOUNDS_WITH_OF[`${compound} ${tokens[end + 2]?.lower ?? ''} ${tokens[end + 3]?.lower ?? ''}`]
    ) {
      const n = COMPOUNDS_WITH_OF[longer] ? 3 : 4;
      return { unit: COMPOUNDS_WITH_OF[longer] ?? compound, concept: null, headEnd: end + n, end: end + n };
    }
    if (COMPOUNDS_WITH_OF[compound]) return { unit: compound, concept: null, headEnd: end + 2, end: end + 2 };
  }
  // Proper nouns and acronyms keep their case ("Ukrainian", "TEU", "F-16"); other words are lower-cased.
  const keepCase =
    /^[A-Z]/.test(headWord) &&
    (/[A-Z0-9].*[A-Z0-9-]/.test(headWord.slice(1)) || !isSentenceStart(ctx, head.first) || head.entity);
  const headUnit = keepCase ? singularize(headWord) : singular;
  const proper = modifiers.filter((g) => /^[A-Z0-9]/.test(g.text)).map((g) => g.text);
  const common = modifiers.filter((g) => !/^[A-Z0-9]/.test(g.text)).map((g) => g.text.toLowerCase());
  let unit: string;
  let concept: string | null = null;
  if (CONTAINER_NOUNS.has(singular)) {
    unit = singular;
    if (modifiers.length > 0) concept = singularizePhrase([...proper, ...common].join(' '));
  } else {
    unit = [...common.slice(-3), headUnit].join(' ');
    if (proper.length > 0) concept = [...proper, ...common, headUnit].join(' ');
  }
  // "containers of ammunition", "rounds of ammunition"
  if (tokens[end]?.lower === 'of' && (CONTAINER_NOUNS.has(singular) || OF_HEADS.has(singular))) {
    const comp = readOfComplement(ctx, end + 1);
    if (comp) {
      concept = comp.concept;
      end = comp.end;
    }
  }
  return { unit, concept, headEnd: np.end, end };
}

/** A lone word that reads as a verb is no counted noun ("12 killed"). */
function words1IsVerb(groups: Array<{ text: string }>, headLower: string): boolean {
  return groups.length === 1 && /ed$/.test(headLower) && !ADJECTIVE_ED_ING.has(headLower) && !isPlural(headLower);
}

/** "dozens of such missiles": the missiles named earlier in the sentence ("ballistic missile launchers"). */
function resolveSuch(ctx: Context, unit: string): string {
  const head = unit.split(' ').pop()!;
  for (let k = 1; k < ctx.tokens.length; k++) {
    const t = ctx.tokens[k]!;
    if (singularize(t.lower) !== head) continue;
    const mods: string[] = [];
    for (let m = k - 1; m >= Math.max(0, k - 2); m--) {
      const w = ctx.tokens[m]!;
      if (
        w.kind !== 'word' ||
        NP_STOP.has(w.lower) ||
        isCapitalized(w) ||
        UNIT_STOP_ADJECTIVES.has(w.lower) ||
        isVerbLike(w)
      )
        break;
      mods.unshift(w.lower);
    }
    if (mods.length > 0) return [...mods, head].join(' ');
  }
  return unit;
}

function readOfComplement(ctx: Context, j: number): { concept: string; end: number } | null {
  const { tokens } = ctx;
  let k = j;
  while (tokens[k] && (DETERMINERS.has(tokens[k]!.lower) || tokens[k]!.text === '“' || tokens[k]!.text === '"')) k++;
  // Possessives: "the country's territory" → "territory"
  if (tokens[k + 1]?.lower === "'s" || tokens[k + 1]?.lower === '’s') k += 2;
  const parts: Token[] = [];
  let end = k;
  for (;;) {
    const np = readNounPhrase(ctx, end, false);
    if (!np) break;
    parts.push(...np.words);
    end = np.end;
    // Coordination: "military equipment and ammunition", "equipment and munitions"
    const c = tokens[end];
    const n = tokens[end + 1];
    if (
      c &&
      n &&
      (c.lower === 'and' || c.lower === 'or') &&
      n.kind === 'word' &&
      !NP_STOP.has(n.lower) &&
      !ctx.entityToken[end + 1]
    ) {
      parts.push(c);
      end++;
      continue;
    }
    break;
  }
  if (parts.length === 0) return null;
  if (tokens[end]?.text === '”' || tokens[end]?.text === '"') end++;
  const concept = conceptText(ctx, parts);
  return concept ? { concept, end } : null;
}

/** The concept of a money, percent or measure quantity after its unit: "of X", "in X", "worth of X", "on X". */
function readComplement(
  ctx: Context,
  j: number,
  kind: QuantityKind,
  adjectival: boolean,
): { concept: string; end: number } | null {
  const { tokens } = ctx;
  if (adjectival) return null;
  const w = tokens[j]?.lower ?? '';
  if (w === 'of') return readOfComplement(ctx, j + 1);
  if (kind === 'money' && w === 'worth' && tokens[j + 1]?.lower === 'of') return readOfComplement(ctx, j + 2);
  if (kind === 'money' && (w === 'in' || w === 'on' || w === 'for')) {
    const nx = tokens[j + 1];
    if (nx?.kind !== 'word' || isCapitalized(nx) || ctx.entityToken[j + 1]) return null;
    if (DETERMINERS.has(nx.lower)) return null;
    return readOfComplement(ctx, j + 1);
  }
  return null;
}

function readRate(tokens: Token[], j: number): { per: string; end: number } | null {
  const w = tokens[j]?.lower ?? '';
  const nx = tokens[j + 1];
  if (nx?.kind !== 'word') return null;
  const unit = matchUnit(tokens, j + 1);
  if (w === 'per' || w === 'a' || w === 'an' || w === 'each' || w === 'every') {
    if (unit && (unit.dimension === 'time' || unit.dimension === 'volume' || unit.dimension === 'mass')) {
      return { per: unit.unit, end: unit.end };
    }
    if (w === 'per') return { per: singularize(nx.lower), end: j + 2 };
    if (
      (w === 'a' || w === 'an') &&
      /^(?:head|person|capita|share|unit|piece|barrel|tonne|ton|litre|gallon)$/.test(nx.lower)
    ) {
      return { per: nx.lower, end: j + 2 };
    }
  }
  return null;
}

/**
 * The concept named before the number: "inflation rose to 7.4%", "the death toll from the strike on
 * Dnipro rose to 46", "an aid package of $400 million", "support for military aid fell to 48%",
 * "the government raised the minimum wage to 8,000 hryvnias", "the package, worth about $2.5 billion".
 */
function readConceptBefore(ctx: Context, start: number, kind: QuantityKind): string | null {
  const { tokens } = ctx;
  let k = start - 1;
  // "hit a record 1,700 MW", "plus or minus 3 points"
  while (k >= 0 && /^(?:record|new|high|low|all-time|minus|plus|or)$/.test(tokens[k]!.lower)) k--;
  if (k >= 0 && /^(?:a|an)$/.test(tokens[k]!.lower)) k--;
  const link = tokens[k]?.lower ?? '';
  if (/^(?:by|to|at|from|for|of)$/.test(link)) k--;
  if (k < 0) return null;
  const w = tokens[k]!.lower;
  const passive = /^(?:was|were|been|be|being)$/.test(tokens[k - 1]?.lower ?? '');
  // After "of" the word is a noun ("a cost of", "a set of"), never the verb of a level.
  const verb =
    link !== 'of' &&
    (LEVEL_VERBS.has(w) || (INTRANSITIVE_CHANGE.has(w) && (kind === 'percent' || !TRANSITIVE_CHANGE.has(w))));
  if (verb || ((w === 'up' || w === 'down') && link !== 'to')) {
    if (w === 'hit' && passive) return null;
    k--;
    // "is expected to reach", "wants to reach": the subject stands before the infinitive's verb.
    if (tokens[k]?.lower === 'to') {
      k--;
      // "is expected to reach": skip to the subject; "expects exports to fall": the noun before "to" is it.
      if (
        /^(?:expected|likely|set|due|forecast|projected|going|supposed|able|unlikely|poised)$/.test(
          tokens[k]?.lower ?? '',
        )
      )
        k--;
      else if (!tokens[k] || isVerbLike(tokens[k]!) || NP_STOP.has(tokens[k]!.lower)) return null;
    }
    while (k >= 0 && AUXILIARIES.has(tokens[k]!.lower)) k--;
    // An infinitive after another verb: "expects the economy to grow" — the subject of "grow".
    return collectLeft(ctx, k, true)?.text ?? null;
  }
  if (link === 'worth' || w === 'worth') {
    // "The package, worth about $2.5 billion"
    if (w === 'worth') k--;
    if (tokens[k]?.text === ',') k--;
    return collectLeft(ctx, k, false)?.text ?? null;
  }
  if (link === 'of' || link === 'at') {
    // "a budget of $5 billion", "casualties at more than 300,000", "speeds of up to 185 km/h"
    const np = collectLeft(ctx, k, false);
    if (np && !CHANGE_NOUNS_UP.has(np.head) && !CHANGE_NOUNS_DOWN.has(np.head)) return np.text;
    return null;
  }
  if (link === 'to' || link === 'by') {
    // "raised the minimum wage to 8,000 hryvnias": the object before "to" is the concept.
    const np = collectLeft(ctx, k, false);
    if (np && np.start > 0) {
      const v = tokens[np.start - 1]!.lower;
      if (CHANGE_UP.has(v) || CHANGE_DOWN.has(v) || /^(?:set|put|pegged|fixed|capped|kept)$/.test(v)) return np.text;
    }
    return null;
  }
  if (kind === 'count') return null;
  return null;
}

/** Verbs and verb forms that end a noun phrase read leftwards. */
const VERB_WORDS = wordSet(`
  wants want plans plan needs need hopes hope aims aim seeks seek expects expect intends intend estimate estimates
  believe believes show shows flew flies took takes gave gives made makes kept keeps held holds won says said
  told tells sees saw thinks think know knows warned warns asked asks got gets put puts sent sends keeps found
  finds claim claims argue argues
`);

function isVerbLike(t: Token): boolean {
  const w = t.lower;
  if (t.text[0] !== w[0]) return false;
  if (VERB_WORDS.has(w) || LEVEL_VERBS.has(w) || CHANGE_UP.has(w) || CHANGE_DOWN.has(w)) return true;
  return /ed$/.test(w) && w.length > 4 && !ADJECTIVE_ED_ING.has(w);
}

/**
 * The noun phrase ending at token `k`, read leftwards. A determiner closes the phrase unless an
 * "of"/"for" (or, for a subject, any preposition) links it to a head further left: "the death toll
 * from the strike on Dnipro" → "death toll", "support for military aid to Ukraine" → "support for
 * military aid", "the share of people who consider Russia an enemy" → "share of people".
 */
function collectLeft(ctx: Context, k: number, subject: boolean): { text: string; start: number; head: string } | null {
  const { tokens } = ctx;
  let i = k;
  let start = k + 1;
  // Skip a relative clause back to its head: "people who consider Russia an enemy".
  for (let r = k; r >= Math.max(0, k - 8); r--) {
    if (/^(?:who|which|that)$/.test(tokens[r]!.lower)) {
      i = r - 1;
      start = r;
      break;
    }
  }
  const end = start === k + 1 ? k + 1 : start;
  let steps = 0;
  while (i >= 0 && steps < 16) {
    const t = tokens[i]!;
    const w = t.lower;
    if (w === "'s" || w === '’s') break;
    if (DETERMINERS.has(w)) {
      start = i;
      const p = tokens[i - 1]?.lower ?? '';
      if ((p === 'of' || p === 'for' || (subject && CHAIN_PREPOSITIONS.has(p))) && i - 2 >= 0) {
        i -= 1;
        steps++;
        continue;
      }
      break;
    }
    if (CHAIN_PREPOSITIONS.has(w)) {
      if (!(w === 'of' || w === 'for' || subject)) break;
      start = i;
      i--;
      steps++;
      continue;
    }
    if (t.kind === 'word' && !NP_STOP.has(w) && !isVerbLike(t)) {
      start = i;
      i--;
      steps++;
      continue;
    }
    if (t.text === '-' && !t.spaceBefore) {
      start = i;
      i--;
      continue;
    }
    // "Russia's defence budget for 2025 is set at …": a year inside the phrase.
    if (t.kind === 'num' && CHAIN_PREPOSITIONS.has(tokens[i - 1]?.lower ?? '')) {
      start = i;
      i--;
      continue;
    }
    break;
  }
  const words = tokens.slice(start, end).filter((t) => t.kind !== 'num');
  // Read left to right: the head noun phrase, then "of"/"for" phrases; other prepositions end it.
  const out: string[] = [];
  let sawNoun = false;
  let head = '';
  for (const t of words) {
    const lw = t.lower;
    if (DETERMINERS.has(lw)) continue;
    if (CHAIN_PREPOSITIONS.has(lw)) {
      if (!sawNoun) continue;
      if ((lw === 'of' || lw === 'for') && out.length < 6) {
        out.push(lw);
        continue;
      }
      break;
    }
    const idx = tokens.indexOf(t);
    if (ctx.entityToken[idx] && isCapitalized(t) && !/^[A-Z]{2,}$/.test(t.text)) {
      // A place in the phrase ends it ("exports to China"); before the head it is a possessor-like modifier.
      if (sawNoun) break;
      continue;
    }
    if (t.text === '-' && out.length > 0) {
      out[out.length - 1] += '-';
      continue;
    }
    const text = idx === firstWordIndex(tokens) && /^[A-Z][a-z]+$/.test(t.text) ? lw : t.text;
    if (out.length > 0 && out[out.length - 1]!.endsWith('-')) out[out.length - 1] += text;
    else out.push(text);
    if (!sawNoun || out[out.length - 2] !== 'of') head = lw;
    sawNoun = true;
  }
  while (out.length > 0 && /^(?:of|for)$/.test(out[out.length - 1]!)) out.pop();
  if (out.length === 0) return null;
  if (out.length === 1 && /^(?:it|they|this|that|which|who|he|she)$/.test(out[0]!.toLowerCase())) return null;
  return { text: singularizePhrase(out.join(' ')), start, head: singularize(head) };
}

// ---------------------------------------------------------------- crowns and linking

/** "75 billion crowns" said in a sentence about Norway is NOK. */
function readCrowns(ctx: Context, j: number): { currency: string; end: number } | null {
  const w = ctx.tokens[j]?.lower ?? '';
  const byWord = CROWN_WORDS[w];
  if (!byWord) return null;
  for (const m of ctx.mentions) {
    const code = CROWNS[m.entity.id];
    if (code) return { currency: code, end: j + 1 };
  }
  return { currency: byWord, end: j + 1 };
}

/** "180 miles (290 kilometers)": the same measure in two units, linked both ways. */
function linkMeasures(ctx: Context): void {
  const { out, tokens } = ctx;
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i]!;
    const b = out[i + 1]!;
    if (a.quantity.kind !== 'measure' || b.quantity.kind !== 'measure' || a.dimension !== b.dimension) continue;
    const between = tokens
      .slice(a.endToken, b.startToken)
      .map((t) => t.text)
      .join('');
    if (between !== '(' && between !== ',or' && between !== 'or' && between !== '/' && between !== ',') continue;
    a.quantity.linkedTo = i + 1;
    b.quantity.linkedTo = i;
    if (b.quantity.bound === '=' && a.quantity.bound !== '=') b.quantity.bound = a.quantity.bound;
    if (b.quantity.concept === null) b.quantity.concept = a.quantity.concept;
  }
}
