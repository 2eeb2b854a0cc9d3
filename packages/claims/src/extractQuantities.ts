import { findDateExpressions } from './dateExpressions.ts';
import { gazetteerFor } from './gazetteer.ts';
import { wordSet } from './lexicon.ts';
import { SCALE_SUFFIXES, SCALE_WORDS, SMALL_NUMBERS, TENS, VAGUE_MULTIPLIERS, VAGUE_PLURALS } from './numberWords.ts';
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
  canned dried processed refined liquefied reinforced reported estimated additional housing firing training
  shipping building sporting polling voting ruling opening governing striking flying marching
`);

/** Adjectives dropped from a normalised unit: "additional weapons" counts weapons. */
const UNIT_STOP_ADJECTIVES = wordSet(`
  additional new more other further extra several many various total latest recent previous first modern old
  older own different separate unspecified estimated reported confirmed alleged so-called possible potential
  known identified official current former existing available respective individual major minor large small big
  huge massive significant substantial key main average combined cumulative full high low top best worst fresh
  entire whole remaining some young elderly innocent ordinary local foreign overseas domestic international
  western eastern northern southern promised pledged delivered supplied purchased ordered planned requested
  needed required precious valuable vital critical badly urgently much-needed long-awaited desperately crucial
  important additional brand-new second-hand secondhand outdated obsolete ageing aging soviet-era soviet-made
  us-made american-made russian-made iranian-made western-made chinese-made german-made ukrainian-made north
  korean-made british-made french-made domestically-produced locally-made homemade
`);

/** Counting nouns whose modifiers or "of" complement name the thing counted: "ammunition containers". */
const CONTAINER_NOUNS = wordSet(`
  container shipment load batch crate box package consignment cargo truckload carload wagon railcar pallet
  round cup bottle bag sack tranche convoy trainload shipload planeload piece unit item set pair dose vial
  carton kit parcel lot barrel drum case type kind sort variety bundle stack pack packet ration portion bale
  can tin jar bucket cylinder canister tube
`);

/** Nouns followed by a number that names rather than counts: "Resolution 2231", "Article 5". */
const IDENTIFIER_NOUNS = wordSet(`
  resolution article section chapter paragraph clause page no nos number route highway flight channel gate
  platform room phase stage level grade version model type block lot case bill decree order protocol annex item
  unit apollo district zone sector tranche package batch round term season episode part volume issue line exit
  ward precinct station camp terminal pier berth hall building floor suite pillar figure table appendix rule
  regulation directive law act paragraphs code category class tier division brigade battalion regiment squadron
  corps army fleet group team task force operation mission cell ward
`);

/** Capitalised words before a number that still read as a quantity. */
const CAPITALIZED_OK_BEFORE_NUMBER = wordSet(`
  Over About Around Some Nearly Almost Roughly Approximately Up More Fewer Less At Only Just Another All Of
  Those These The With By From To In Between And But An A Estimated Under Above Below Exactly Precisely Total
  Killed Wounded Injured Sent Deployed Delivered
`);

const CHANGE_UP = wordSet(`
  rose risen rise rises rising increased increase increases increasing grew grow grows grown growing climbed
  climb climbs climbing jumped jump jumps surged surge surges soared soar soars gained gain gains expanded
  expands advanced rallied spiked swelled boosted boost raised raise raises hiked up added higher widened
  accelerated edged ticked leapt leaped rebounded recovered doubled
`);
const CHANGE_DOWN = wordSet(`
  fell fall falls fallen falling dropped drop drops dropping declined decline declines declining decreased
  decrease decreases slid slide slides slipped slip plunged plunge plummeted tumbled sank sunk shrank shrunk
  shrinks contracted contracts eased eases dipped dip dips cut cuts slashed slashes reduced reduce reduces
  lowered lower down retreated slumped slumps lost loses lose shed narrowed weakened downgraded trimmed
`);
/** Verbs that move a figure without taking it as an object ("inflation rose 2%"): these mark change on counts too. */
const INTRANSITIVE_CHANGE = wordSet(`
  rose risen rise rises rising grew grown grow grows climbed climbs jumped jumps surged soared fell fallen
  falls falling dropped drops declined declines decreased increased slid slipped plunged plummeted tumbled sank
  shrank contracted eased dipped up down edged ticked widened narrowed
`);
const CHANGE_NOUNS_UP = wordSet(`
  increase rise gain jump growth hike surge uptick boost expansion spike
`);
const CHANGE_NOUNS_DOWN = wordSet(`
  decrease drop fall decline cut reduction loss slump dip contraction downturn plunge slide
`);
/** Verbs before a level: "inflation stood at 5%", "the death toll reached 52". */
const LEVEL_VERBS = wordSet(`
  stood stands was were is are reached reaches hit hits totalled totaled totals amounted amounts hovered
  remained stayed came topped exceeded surpassed passed crossed numbered numbers reach be been climbed rose
  risen fell fallen dropped increased decreased declined grew jumped surged soared slid plunged sank shrank
  edged eased reduced raised cut lowered lifted slashed of at to by
`);
const AUXILIARIES = wordSet(`
  has have had been was were is are will would be had
`);
const DETERMINERS = wordSet(`
  the a an its their his her our this these those that such some any
`);

/** Page furniture words: "12 comments", "3 min read". */
const FURNITURE = /^(?:comments?|shares?|views?|likes?|reads?|replies|retweets|followers|min|mins|photos?|videos?)$/;

type QualifierTable = Map<string, Array<{ words: string[]; bound: Bound }>>;

function lastWordTable(entries: Array<[string, Bound]>): QualifierTable {
  const table: QualifierTable = new Map();
  for (const [phrase, bound] of entries) {
    const words = phrase.split(' ');
    const last = words[words.length - 1]!;
    const list = table.get(last) ?? [];
    list.push({ words, bound });
    table.set(last, list);
  }
  for (const list of table.values()) list.sort((a, b) => b.words.length - a.words.length);
  return table;
}
function firstWordTable(entries: Array<[string, Bound]>): QualifierTable {
  const table: QualifierTable = new Map();
  for (const [phrase, bound] of entries) {
    const words = phrase.split(' ');
    const list = table.get(words[0]!) ?? [];
    list.push({ words, bound });
    table.set(words[0]!, list);
  }
  for (const list of table.values()) list.sort((a, b) => b.words.length - a.words.length);
  return table;
}
const PREFIX_QUALIFIERS = lastWordTable(QUALIFIERS);
const SUFFIXES = firstWordTable(SUFFIX_QUALIFIERS);

const NUMBERISH =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|scores)\b/i;

/**
 * Every quantity mention in one sentence, left to right. Spans cover qualifier, currency, number
 * and unit ("nearly 11,000 containers"); the concept after the unit is outside the span.
 */
export function extractQuantities(sentence: string): Quantity[] {
  if (!NUMBERISH.test(sentence)) return [];
  const tokens = tokenize(sentence);
  if (isPageFurniture(tokens)) return [];
  const masked = new Uint8Array(tokens.length);
  for (const e of findDateExpressions(sentence)) {
    if (e.kind === 'weekday' || e.kind === 'relative') continue;
    if (e.kind === 'month' && e.year === null && !/\d/.test(e.text)) continue;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.start < e.end && t.end > e.start) masked[i] = 1;
    }
  }
  const ctx: Context = { sentence, tokens, masked, titleCase: isTitleCase(tokens), out: [], gazetteer: gazetteerFor() };
  for (let i = 0; i < tokens.length; i++) {
    if (masked[i]) continue;
    const end = readQuantity(ctx, i);
    if (end > i) i = end - 1;
  }
  linkMeasures(ctx);
  return ctx.out.map((q) => q.quantity);
}

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
  titleCase: boolean;
  out: Found[];
  gazetteer: ReturnType<typeof gazetteerFor>;
}

/** Reads a quantity starting at token `i`; returns the token index after it, or `i` if none. */
function readQuantity(ctx: Context, i: number): number {
  const { tokens } = ctx;
  let core = parseCore(ctx, i);
  if (!core) return i;
  if (core.rawInt && isIdentifier(ctx, core)) return core.end;
  if (core.bareOne && isIdiomaticOne(tokens, core)) return core.end;

  // Currency and qualifier before the number.
  let start = core.start;
  let currency: string | null = null;
  const cur = matchCurrencyBefore(tokens, core.start);
  if (cur && !ctx.masked[cur.start]) {
    currency = cur.currency;
    start = cur.start;
  }
  let bound: Bound = core.vague ? '~' : '=';
  const qual = matchQualifier(tokens, start);
  if (qual) {
    bound = qual.bound;
    start = qual.start;
  }

  // Ranges: "300-500", "300 to 500", "between 300 and 500", "$5-6 billion", "two or three".
  let end = core.end;
  const rng = readRange(ctx, core, start);
  if (rng) {
    core = rng.core;
    end = core.end;
    if (rng.start < start) start = rng.start;
    if (!qual && !core.vague) bound = '=';
  }

  if (core.rawInt && !currency && !qual && looksLikeYear(ctx, core)) return core.end;

  // Suffix qualifier: "1,000 or more", "300-odd".
  const suf = matchSuffix(tokens, end);
  if (suf) {
    bound = suf.bound;
    end = suf.end;
  }

  let kind: QuantityKind = currency ? 'money' : 'count';
  let unit: string | null = currency;
  let concept: string | null = null;
  let dimension: Dimension | null = currency ? 'money' : null;
  let spanEnd = end;
  let afterUnit = end;
  let change = readChangeBefore(tokens, start);

  // Age: "45-year-old", "45 years old", "aged 45".
  const age = readAge(tokens, start, end);
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

  let j = end;
  if (core.takesOf && tokens[j]?.lower === 'of') j++;
  // Units written against the number or hyphenated ("180-mile", "10km").
  let adjectival = false;
  if (tokens[j]?.text === '-' && !tokens[j]!.spaceBefore && tokens[j + 1] && !tokens[j + 1]!.spaceBefore) {
    adjectival = true;
    j++;
  }
  const curAfter = currency ? null : matchCurrencyAfter(tokens, j);
  const unitHit = curAfter ? null : matchUnit(tokens, j);
  if (curAfter && !adjectival) {
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
  } else if (unitHit) {
    dimension = unitHit.dimension;
    kind = dimension === 'percent' ? 'percent' : 'measure';
    unit = unitHit.unit;
    spanEnd = afterUnit = unitHit.end;
    if (unit === 'point' && change === null && !/^(?:by|of)$/.test(tokens[start - 1]?.lower ?? '')) {
      // "3 points of the plan" is no score: leave "points" as a counted noun.
      kind = 'count';
      dimension = null;
      unit = 'point';
    }
  } else if (adjectival) {
    j--; // the hyphen belongs to a compound like "300-strong"
  }

  if (kind === 'count') {
    const np = readCountedNoun(ctx, core, j);
    if (np) {
      unit = np.unit;
      concept = np.concept;
      spanEnd = np.headEnd;
      afterUnit = np.end;
    }
  } else {
    // Rate: "barrels per day", "$80 a barrel".
    const rate = readRate(tokens, afterUnit);
    if (rate) {
      unit = `${unit}/${rate.per}`;
      afterUnit = rate.end;
    }
    const comp = readComplement(ctx, afterUnit, kind, adjectival);
    if (comp) {
      concept = comp.concept;
      afterUnit = comp.end;
    } else if (adjectival || kind === 'money' || kind === 'percent') {
      // "a $6 billion aid package", "a 5% stake", "a 10-day ceasefire"
      const np = readNounPhrase(ctx, afterUnit, false);
      if (np && np.words.length > 0) {
        const head = np.words[np.words.length - 1]!.lower;
        const dir = CHANGE_NOUNS_UP.has(head) ? 'up' : CHANGE_NOUNS_DOWN.has(head) ? 'down' : null;
        if (dir && np.words.length === 1) change = dir;
        else concept = conceptText(np.words);
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
  if (change !== null && kind === 'count' && unit !== null && !isChangeableCount(tokens, start)) change = null;
  if (kind === 'measure' && dimension === 'time') change = null;

  if (concept === null && (kind !== 'count' || unit === null)) {
    concept = readConceptBefore(ctx, start);
  }

  // "300 miles" in "within 300 miles" is fine; a currency symbol with no number was never here.
  pushQuantity(ctx, { core, start, end: spanEnd, bound, change, unit, concept, kind, currency, dimension });
  return Math.max(spanEnd, end);
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
  if (t.kind === 'num') return parseDigitsCore(ctx, i);
  if (t.kind !== 'word') return null;
  const w = t.lower;
  if (w in VAGUE_PLURALS) return parseVague(tokens, i);
  if (w === 'a' || w === 'an' || w === 'half' || w === 'several' || w === 'dozen' || w in SMALL_NUMBERS) {
    return parseSpelled(tokens, i);
  }
  return null;
}

function parseDigitsCore(ctx: Context, i: number): Core | null {
  const { tokens } = ctx;
  const t = tokens[i]!;
  let value = parseDigits(t.text);
  let rawInt = /^\d+$/.test(t.text);
  let scaled = false;
  let j = i + 1;
  const nx = tokens[j];
  if (nx && !nx.spaceBefore && nx.kind === 'word') {
    const suf = nx.lower;
    const scale = SCALE_SUFFIXES[suf];
    if (scale !== undefined) {
      const money = matchCurrencyBefore(tokens, i) !== null;
      const ambiguous = suf === 'm' || suf === 'b';
      const nounAfter = tokens[j + 1]?.kind === 'word' && isPlural(tokens[j + 1]!.lower);
      if (!ambiguous || money || nounAfter || matchCurrencyAfter(tokens, j + 1)) {
        value *= scale;
        rawInt = false;
        scaled = true;
        j++;
      }
    } else if (!matchUnit(tokens, j) && !matchCurrencyAfter(tokens, j)) {
      // "72B3", "5G", "2nd", "1990s": a name or an ordinal, not a quantity.
      return {
        start: i,
        end: j + 1,
        value: null,
        range: null,
        vague: false,
        rawInt: true,
        bareOne: false,
        scaled: false,
        takesOf: false,
        skip: true,
      };
    }
  }
  while (tokens[j] && tokens[j]!.lower in SCALE_WORDS && tokens[j]!.kind === 'word') {
    value *= SCALE_WORDS[tokens[j]!.lower]!;
    rawInt = false;
    scaled = true;
    j++;
  }
  return {
    start: i,
    end: j,
    value: round(value),
    range: null,
    vague: false,
    rawInt,
    bareOne: false,
    scaled,
    takesOf: false,
  };
}

function parseVague(tokens: Token[], i: number): Core | null {
  const w = tokens[i]!.lower;
  let range = VAGUE_PLURALS[w]!;
  let j = i + 1;
  if (w === 'tens' || w === 'hundreds' || w === 'dozens') {
    const of = tokens[j]?.lower === 'of';
    const next = tokens[j + 1]?.lower ?? '';
    if (of && (next === 'thousands' || next === 'millions' || next === 'billions')) {
      const inner = VAGUE_PLURALS[next]!;
      range = [range[0] * inner[0], range[0] * inner[1]];
      j += 2;
    } else if (w === 'tens') {
      return null;
    }
  }
  // "thousands" as a noun of its own after a number ("two thousands") does not occur in news.
  return {
    start: i,
    end: j,
    value: null,
    range,
    vague: true,
    rawInt: false,
    bareOne: false,
    scaled: true,
    takesOf: true,
  };
}

function parseSpelled(tokens: Token[], i: number): Core | null {
  let j = i;
  const w0 = tokens[i]!.lower;
  // "a few hundred", "a couple of thousand", "several thousand"
  if (
    w0 === 'several' ||
    ((w0 === 'a' || w0 === 'an') && (tokens[i + 1]?.lower === 'few' || tokens[i + 1]?.lower === 'couple'))
  ) {
    const mult = VAGUE_MULTIPLIERS[w0 === 'several' ? 'several' : tokens[i + 1]!.lower]!;
    j = w0 === 'several' ? i + 1 : i + 2;
    if (tokens[j]?.lower === 'of') j++;
    let lo = mult[0];
    let hi = mult[1];
    let any = false;
    while (tokens[j] && (tokens[j]!.lower in SCALE_WORDS || tokens[j]!.lower === 'dozen')) {
      const s = tokens[j]!.lower === 'dozen' ? 12 : SCALE_WORDS[tokens[j]!.lower]!;
      lo *= s;
      hi *= s;
      any = true;
      j++;
    }
    if (!any) return null;
    return {
      start: i,
      end: j,
      value: null,
      range: [lo, hi],
      vague: true,
      rawInt: false,
      bareOne: false,
      scaled: true,
      takesOf: true,
    };
  }
  // "half a million", "half a dozen"
  if (w0 === 'half') {
    const a = tokens[i + 1]?.lower;
    const s = tokens[i + 2]?.lower ?? '';
    if ((a === 'a' || a === 'an') && (s in SCALE_WORDS || s === 'dozen')) {
      const scale = s === 'dozen' ? 12 : SCALE_WORDS[s]!;
      return {
        start: i,
        end: i + 3,
        value: 0.5 * scale,
        range: null,
        vague: false,
        rawInt: false,
        bareOne: false,
        scaled: true,
        takesOf: true,
      };
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
      if (sc in SCALE_WORDS) {
        const f = s === 'quarter' ? 0.25 : 0.5;
        return {
          start: i,
          end: i + 5,
          value: f * SCALE_WORDS[sc]!,
          range: null,
          vague: false,
          rawInt: false,
          bareOne: false,
          scaled: true,
          takesOf: true,
        };
      }
    }
    if ((s === 'quarter' || s === 'half') && (tokens[i + 2]?.lower ?? '') in SCALE_WORDS) {
      const f = s === 'quarter' ? 0.25 : 0.5;
      return {
        start: i,
        end: i + 3,
        value: f * SCALE_WORDS[tokens[i + 2]!.lower]!,
        range: null,
        vague: false,
        rawInt: false,
        bareOne: false,
        scaled: true,
        takesOf: true,
      };
    }
    if (!(s in SCALE_WORDS) && s !== 'dozen') return null;
    current = 1;
    any = true;
    j = i + 1;
  }
  for (; j < tokens.length; j++) {
    const t = tokens[j]!;
    const w = t.lower;
    if (t.kind !== 'word' && t.text !== '-') break;
    if (w in SMALL_NUMBERS) {
      const n = SMALL_NUMBERS[w]!;
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
    if (w in SCALE_WORDS && w !== 'hundred') {
      total += (current || 1) * SCALE_WORDS[w]!;
      current = 0;
      lastScale = true;
      continue;
    }
    if (w === 'and' && lastScale && (tokens[j + 1]?.lower ?? '') in SMALL_NUMBERS) continue;
    // "one and a half million"
    if (
      w === 'and' &&
      tokens[j + 1]?.lower === 'a' &&
      tokens[j + 2]?.lower === 'half' &&
      (tokens[j + 3]?.lower ?? '') in SCALE_WORDS
    ) {
      total += (current + 0.5) * SCALE_WORDS[tokens[j + 3]!.lower]!;
      current = 0;
      j += 3;
      lastScale = true;
      continue;
    }
    break;
  }
  if (!any) return null;
  // Drop a trailing hyphen that was not followed by a number word.
  let end = j;
  while (end > i && tokens[end - 1]!.text === '-') end--;
  const value = total + current;
  const bareOne = value === 1 && words === 1 && end === i + 1;
  return {
    start: i,
    end,
    value,
    range: null,
    vague: false,
    rawInt: false,
    bareOne,
    scaled: total > 0 || value >= 100,
    takesOf: false,
  };
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

// ---------------------------------------------------------------- filters

/** Model names, identifiers, page numbers: "F-16", "Su-35", "Resolution 2231", "No. 5", "Leopard 2". */
function isIdentifier(ctx: Context, core: Core): boolean {
  if (core.skip) return true;
  const { tokens } = ctx;
  const first = tokens[core.start]!;
  const prev = tokens[core.start - 1];
  if (!prev) return false;
  if (!first.spaceBefore && (prev.text === '-' || prev.text === '–')) {
    const before = tokens[core.start - 2];
    if (before && !prev.spaceBefore && before.kind === 'word' && !(before.lower in SMALL_NUMBERS)) return true;
  }
  if (!first.spaceBefore && (prev.text === '#' || prev.text === '№')) return true;
  if (prev.text === '.' && /^(?:no|nos|nr)$/.test(tokens[core.start - 2]?.lower ?? '')) return true;
  if (prev.kind === 'word' && IDENTIFIER_NOUNS.has(prev.lower) && !matchQualifier(tokens, core.start)) {
    // "the package 3 days later" is rare; "Resolution 2231", "Article 5", "Brigade 47" are not.
    return (
      isCapitalized(prev) ||
      /^(?:resolution|article|section|chapter|paragraph|clause|page|no|nos|number|route|highway|flight|channel|gate|platform|room|phase|stage|level|grade|version|model|type|block|decree|order|protocol|annex|district|zone|sector|term|season|episode|part|volume|issue|line|exit|station|terminal|category|class|tier|unit|act|law|rule|figure|table|appendix)$/.test(
        prev.lower,
      )
    );
  }
  if (isCapitalized(prev) && !ctx.titleCase && core.start - 1 > firstWordIndex(tokens)) {
    if (CAPITALIZED_OK_BEFORE_NUMBER.has(prev.text)) return false;
    if (ctx.gazetteer.startsName(prev.text) || isEntityEnd(ctx, core.start - 1)) return false;
    if (/^(?:[A-Z]{2,}|[A-Z][a-z]+)$/.test(prev.text) && !isMonthOrDay(prev.text)) return true;
  }
  return false;
}

function isEntityEnd(ctx: Context, k: number): boolean {
  // "sent North Korea 300", "gave the Kremlin 5": the word ends a known name.
  for (let s = Math.max(0, k - 5); s <= k; s++) {
    const m = ctx.gazetteer.match(ctx.tokens, s);
    if (m && m.end === k + 1) return true;
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

function isIdiomaticOne(tokens: Token[], core: Core): boolean {
  const prev = tokens[core.start - 1]?.lower ?? '';
  const next = tokens[core.end]?.lower ?? '';
  if (/^(?:no|any|every|each|the|this|that|which|someone|anyone|everyone|only|at|for|as|such|with|like)$/.test(prev))
    return true;
  if (
    /^(?:of|another|or|hand|side|way|thing|day|after|by|point|time|another|who|that|which|is|was|,|\.|'s|’s)$/.test(
      next,
    )
  )
    return true;
  return next === '' || tokens[core.end]?.kind === 'punct';
}

/** A four-digit number between 1800 and 2100 is a year unless a unit or a counted noun follows. */
function looksLikeYear(ctx: Context, core: Core): boolean {
  const t = ctx.tokens[core.start]!;
  if (t.text.length !== 4) return false;
  const v = Number(t.text);
  if (v < 1800 || v > 2100) return false;
  const next = ctx.tokens[core.end];
  if (!next) return true;
  if (matchUnit(ctx.tokens, core.end) || matchCurrencyAfter(ctx.tokens, core.end)) return false;
  if (next.kind === 'word' && next.text[0] === next.lower[0] && isPlural(next.lower) && !NP_STOP.has(next.lower))
    return false;
  return true;
}

function isPageFurniture(tokens: Token[]): boolean {
  const words = tokens.filter((t) => t.kind === 'word');
  if (words.length <= 2 && !words.some((t) => t.lower === t.text && t.text.length >= 3)) return true;
  return words.length <= 3 && words.some((t) => FURNITURE.test(t.lower));
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
    // "up to" after a change verb is a level ("rose up to"), still '<='; "some of" never reaches here.
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
    if (words[0] === 'plus' || words[0] === 'odd') {
      // Only "1,000-plus" / "300-odd" written as one word, or "plus" before a noun.
      if (t.spaceBefore && words[0] === 'odd') continue;
      if (words[0] === 'plus' && tokens[at + 1]?.kind === 'num') continue;
    }
    if (words[0] === 'at') continue; // "at least" after a number starts a new qualifier
    return { bound, end: at + words.length };
  }
  return null;
}

function readRange(ctx: Context, core: Core, qualStart: number): { core: Core; start: number } | null {
  const { tokens } = ctx;
  if (core.vague) return null;
  const sep = tokens[core.end];
  if (!sep) return null;
  const s = sep.lower;
  const between = tokens[qualStart - 1]?.lower === 'between';
  const from = tokens[qualStart - 1]?.lower === 'from';
  let k = core.end + 1;
  if (!(s === '-' || s === '–' || s === 'to' || (s === 'and' && between) || s === 'or')) return null;
  if (from && s === 'to') {
    // "rose from 4% to 5%" are two levels, not a range.
    const verb = tokens[qualStart - 2]?.lower ?? '';
    if (CHANGE_UP.has(verb) || CHANGE_DOWN.has(verb)) return null;
  }
  if (matchCurrencyBefore(tokens, k + 1) && tokens[k]?.kind !== 'num') k++;
  if (ctx.masked[k]) return null;
  const other = parseCore(ctx, k);
  if (!other || other.vague || other.value === null || core.value === null || other.skip) return null;
  if (s === 'or' && !(core.value < 10 && other.value < 20 && other.value > core.value)) return null;
  let lo = core.value;
  const hi = other.value;
  // "5-6 billion": the scale of the second number applies to the first.
  if (!core.scaled && other.scaled && lo < hi) {
    const scale = hi / Number(tokens[k]!.text.replace(/,/g, '') || hi);
    if (Number.isFinite(scale) && scale > 1 && lo * scale <= hi) lo *= scale;
    else if (SMALL_NUMBERS[tokens[k]!.lower] === undefined && lo < hi / 1000) {
      const sc = hi / parseDigits(tokens[k]!.text);
      if (Number.isFinite(sc)) lo *= sc;
    }
  }
  if (!(hi > lo)) return null;
  return {
    core: {
      ...other,
      start: core.start,
      value: null,
      range: [round(lo), round(hi)],
      rawInt: false,
      scaled: core.scaled || other.scaled,
    },
    start: between || from ? qualStart - 1 : qualStart,
  };
}

function readChangeBefore(tokens: Token[], start: number): 'up' | 'down' | null {
  const p1 = tokens[start - 1]?.lower ?? '';
  if (p1 === 'by') {
    for (let k = start - 2; k >= Math.max(0, start - 7); k--) {
      const w = tokens[k]!.lower;
      if (CHANGE_UP.has(w) || CHANGE_NOUNS_UP.has(w)) return 'up';
      if (CHANGE_DOWN.has(w) || CHANGE_NOUNS_DOWN.has(w)) return 'down';
      if (w === ',' || w === '.' || w === ';') break;
    }
    return null;
  }
  if (p1 === 'of') {
    const p2 = tokens[start - 2]?.lower ?? '';
    if (CHANGE_NOUNS_UP.has(p2)) return 'up';
    if (CHANGE_NOUNS_DOWN.has(p2)) return 'down';
    return null;
  }
  if (p1 === 'a' || p1 === 'another' || p1 === 'further') {
    // "rose a further 5%"
    const p2 = tokens[start - 2]?.lower ?? '';
    if (INTRANSITIVE_CHANGE.has(p2)) return CHANGE_UP.has(p2) ? 'up' : 'down';
    return null;
  }
  if (CHANGE_UP.has(p1)) return 'up';
  if (CHANGE_DOWN.has(p1)) return 'down';
  return null;
}

/** Counts move only with intransitive verbs: "refugees rose by 5,000" yes, "Russia lost 300 tanks" no. */
function isChangeableCount(tokens: Token[], start: number): boolean {
  for (let k = start - 1; k >= Math.max(0, start - 7); k--) {
    const w = tokens[k]!.lower;
    if (INTRANSITIVE_CHANGE.has(w) || CHANGE_NOUNS_UP.has(w) || CHANGE_NOUNS_DOWN.has(w)) return true;
  }
  return false;
}

function readAge(tokens: Token[], start: number, end: number): { start: number; end: number } | null {
  const prev = tokens[start - 1]?.lower ?? '';
  if (prev === 'aged' || prev === 'age' || (prev === 'of' && tokens[start - 2]?.lower === 'age')) {
    let s = start - 1;
    if (prev === 'of') s = tokens[start - 4]?.lower === 'at' ? start - 4 : start - 2;
    return { start: s, end };
  }
  const a = tokens[end]?.lower;
  const b = tokens[end + 1]?.lower;
  const c = tokens[end + 2]?.lower;
  const d = tokens[end + 3]?.lower;
  if (a === '-' && (b === 'year' || b === 'years') && c === '-' && d === 'old') return { start, end: end + 4 };
  if ((a === 'years' || a === 'year') && b === 'old') return { start, end: end + 2 };
  if ((a === 'years' || a === 'year') && b === 'of' && c === 'age') return { start, end: end + 3 };
  return null;
}

// ---------------------------------------------------------------- nouns and concepts

interface NounPhrase {
  words: Token[];
  end: number;
}

/**
 * Reads a noun phrase of up to five words starting at `j`. With `stopAtPlural`, the phrase ends at
 * its first plural noun (the head of "ballistic missile launchers").
 */
function readNounPhrase(ctx: Context, j: number, stopAtPlural: boolean): NounPhrase | null {
  const { tokens } = ctx;
  const words: Token[] = [];
  let k = j;
  while (k < tokens.length && words.length < 6) {
    const t = tokens[k]!;
    if (t.text === '“' || t.text === '"' || t.text === '‘') {
      if (words.length === 0) {
        k++;
        continue;
      }
      break;
    }
    if (t.kind === 'num') {
      // Model numbers inside the phrase: "14 Leopard 2 tanks"
      if (words.length > 0 && isCapitalized(words[words.length - 1]!) && t.spaceBefore && /^\d{1,3}$/.test(t.text)) {
        words.push(t);
        k++;
        continue;
      }
      break;
    }
    if (t.kind === 'punct') {
      // Hyphenated compounds: "surface-to-air", "short-range", "German-made".
      if (
        (t.text === '-' || t.text === '/') &&
        !t.spaceBefore &&
        words.length > 0 &&
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
    const joined = words.length > 0 && !t.spaceBefore && words[words.length - 1]!.text === '-';
    if (!joined && NP_STOP.has(w)) break;
    if (!joined && (w.endsWith('ed') || w.endsWith('ing')) && !ADJECTIVE_ED_ING.has(w) && w.length > 4) {
      if (
        words.length === 0 ||
        isPlural(words[words.length - 1]!.lower) ||
        !(w.endsWith('ing') && k + 1 < tokens.length)
      )
        break;
    }
    if (
      !joined &&
      isCapitalized(t) &&
      ctx.gazetteer.startsName(t.text) &&
      words.length > 0 &&
      !isCapitalized(words[words.length - 1]!)
    )
      break;
    words.push(t);
    k++;
    if (stopAtPlural && isPlural(w) && !joined && !(tokens[k]?.text === '-' && !tokens[k]!.spaceBefore)) {
      // "containers" ends the phrase, but not "arms depots" (a noun after a plural modifier is rare; "arms" stays).
      if (!(w === 'arms' && tokens[k]?.kind === 'word' && !NP_STOP.has(tokens[k]!.lower))) break;
    }
  }
  // Trailing hyphen or slash belongs to nothing.
  while (words.length > 0 && words[words.length - 1]!.kind === 'punct') words.pop();
  if (words.length === 0) return null;
  const last = tokens.indexOf(words[words.length - 1]!, j);
  return { words, end: last + 1 };
}

/** Groups hyphenated tokens into words: ["surface","-","to","-","air","missiles"] → ["surface-to-air","missiles"]. */
function groupWords(words: Token[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const t = words[i]!;
    if (t.text === '-' || t.text === '/') {
      if (out.length > 0 && words[i + 1]) {
        out[out.length - 1] += t.text + words[i + 1]!.text;
        i++;
      }
      continue;
    }
    out.push(t.text);
  }
  return out;
}

function conceptText(words: Token[]): string | null {
  const grouped = groupWords(words).filter((w) => !DETERMINERS.has(w.toLowerCase()));
  if (grouped.length === 0) return null;
  return singularizePhrase(normaliseCase(grouped.join(' ')));
}

function normaliseCase(phrase: string): string {
  // Lower-case ordinary capitalised words (sentence-initial or headline case) but keep acronyms and names.
  return phrase
    .split(' ')
    .map((w) =>
      /^[A-Z][a-z]+$/.test(w) && !gazetteerFor().startsName(w) && COMMON_CAPITALISED.has(w.toLowerCase())
        ? w.toLowerCase()
        : w,
    )
    .join(' ');
}
const COMMON_CAPITALISED = wordSet(`
  containers container tanks tank missiles missile shells drones troops soldiers people civilians weapons
  rounds
`);

interface CountedNoun {
  unit: string | null;
  concept: string | null;
  /** Token index after the head noun (end of the span). */
  headEnd: number;
  /** Token index after the complement. */
  end: number;
}

function readCountedNoun(ctx: Context, core: Core, j: number): CountedNoun | null {
  const { tokens } = ctx;
  // Partitive and anaphora: "1,000 of them", "300 of the containers".
  if (tokens[j]?.lower === 'of' && !core.takesOf) {
    const nx = tokens[j + 1]?.lower ?? '';
    if (nx === 'them' || nx === 'these' || nx === 'those' || nx === 'which') {
      const prev = [...ctx.out].reverse().find((q) => q.quantity.kind === 'count' && q.quantity.unit);
      return { unit: prev?.quantity.unit ?? null, concept: prev?.quantity.concept ?? null, headEnd: j + 2, end: j + 2 };
    }
    if (DETERMINERS.has(nx)) {
      const np = readNounPhrase(ctx, j + 2, true);
      if (np) return buildCountedNoun(ctx, np, tokens, j);
    }
    return null;
  }
  let k = j;
  let such = false;
  if (tokens[k]?.lower === 'such') {
    such = true;
    k++;
  }
  const np = readNounPhrase(ctx, k, true);
  if (!np) return null;
  const built = buildCountedNoun(ctx, np, tokens, j);
  if (built && such && built.unit) {
    built.unit = resolveSuch(ctx, built.unit);
  }
  return built;
}

function buildCountedNoun(ctx: Context, np: NounPhrase, tokens: Token[], _from: number): CountedNoun | null {
  let words = groupWords(np.words);
  // Drop demonyms ("Ukrainian civilians"), "-made" origins, and adjectives that do not change what is counted.
  const isDemonym = (w: string): boolean => {
    const base = w.split('-')[0]!;
    return /^[A-Z]/.test(base) && ctx.gazetteer.startsName(base) && !/^(?:[A-Z]{2,})$/.test(base);
  };
  words = words.filter((w, i) => {
    const lw = w.toLowerCase();
    if (i === words.length - 1) return true;
    if (UNIT_STOP_ADJECTIVES.has(lw)) return false;
    if (/-(?:made|built|produced|supplied|designed|backed|led|funded|provided)$/.test(lw)) return false;
    if (isDemonym(w)) return false;
    return true;
  });
  if (words.length === 0) return null;
  const headRaw = words[words.length - 1]!;
  const headWord = headRaw.toLowerCase();
  if (/^(?:ed|ing)$/.test(headWord)) return null;
  // A lone verb-looking word is no noun ("12 killed").
  if (words.length === 1 && /(?:ed)$/.test(headWord) && !ADJECTIVE_ED_ING.has(headWord) && !isPlural(headWord))
    return null;
  const head = singularize(headWord);
  const modifiers = words.slice(0, -1);
  const proper = modifiers.filter((w) => /^[A-Z0-9]/.test(w));
  const common = modifiers.filter((w) => !/^[A-Z0-9]/.test(w)).map((w) => w.toLowerCase());
  let unit: string;
  let concept: string | null = null;
  if (CONTAINER_NOUNS.has(head)) {
    unit = head;
    if (modifiers.length > 0) concept = singularizePhrase([...proper, ...common].join(' '));
  } else {
    unit = [...common.slice(-3), head].join(' ');
    if (proper.length > 0) concept = [...proper, ...common, head].join(' ');
  }
  let end = np.end;
  // "containers of ammunition", "rounds of 155mm shells"
  if (tokens[end]?.lower === 'of' && (CONTAINER_NOUNS.has(head) || concept === null)) {
    const comp = readOfComplement(ctx, end + 1);
    if (comp && CONTAINER_NOUNS.has(head)) {
      concept = comp.concept;
      end = comp.end;
    }
  }
  return { unit, concept, headEnd: np.end, end };
}

/** "dozens of such missiles": the missiles named earlier in the sentence ("ballistic missile launchers"). */
function resolveSuch(ctx: Context, unit: string): string {
  const head = unit.split(' ').pop()!;
  for (let k = 0; k < ctx.tokens.length; k++) {
    const t = ctx.tokens[k]!;
    if (singularize(t.lower) !== head || k === 0) continue;
    const mods: string[] = [];
    for (let m = k - 1; m >= Math.max(0, k - 2); m--) {
      const w = ctx.tokens[m]!;
      if (w.kind !== 'word' || NP_STOP.has(w.lower) || isCapitalized(w) || UNIT_STOP_ADJECTIVES.has(w.lower)) break;
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
      !ctx.gazetteer.startsName(n.text)
    ) {
      parts.push(c);
      end++;
      continue;
    }
    break;
  }
  if (parts.length === 0) return null;
  if (tokens[end]?.text === '”' || tokens[end]?.text === '"') end++;
  const concept = conceptText(parts.filter((t) => t.kind !== 'punct' || t.text === '-' || t.text === '/'));
  return concept ? { concept, end } : null;
}

/** The concept of a money, percent or measure quantity after its unit: "of X", "in X", "worth of X". */
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
  if (kind === 'money' && w === 'in') {
    const nx = tokens[j + 1];
    if (!nx || (isCapitalized(nx) && ctx.gazetteer.startsName(nx.text))) return null;
    if (nx.lower === 'the' || nx.lower === 'a' || nx.lower === 'an') return null;
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
 * The concept named before the number: "inflation rose to 7.4%", "the death toll reached 52",
 * "an aid package of $400 million", "support stood at 35%".
 */
function readConceptBefore(ctx: Context, start: number): string | null {
  const { tokens } = ctx;
  let k = start - 1;
  let viaVerb = false;
  if (k >= 0 && /^(?:by|to|at|from)$/.test(tokens[k]!.lower)) k--;
  if (k >= 0 && LEVEL_VERBS.has(tokens[k]!.lower) && !/^(?:by|to|at)$/.test(tokens[k]!.lower)) {
    viaVerb = tokens[k]!.lower !== 'of';
    k--;
  } else return null;
  while (
    k >= 0 &&
    (AUXILIARIES.has(tokens[k]!.lower) ||
      /^(?:now|already|also|further|sharply|slightly|steadily|again)$/.test(tokens[k]!.lower))
  )
    k--;
  const words: Token[] = [];
  while (k >= 0 && words.length < 4) {
    const t = tokens[k]!;
    if (t.kind !== 'word' || NP_STOP.has(t.lower) || DETERMINERS.has(t.lower)) {
      // "support for the party": keep a short "for"/"of" prepositional phrase.
      if (
        (t.lower === 'for' || t.lower === 'of') &&
        words.length > 0 &&
        k > 0 &&
        tokens[k - 1]!.kind === 'word' &&
        !NP_STOP.has(tokens[k - 1]!.lower)
      ) {
        words.unshift(t);
        k--;
        continue;
      }
      if (DETERMINERS.has(t.lower) && words.length > 0 && tokens[k - 1]?.lower === 'for') {
        words.unshift(t);
        k--;
        continue;
      }
      break;
    }
    if (ctx.gazetteer.startsName(t.text) && isCapitalized(t)) break;
    if (CHANGE_NOUNS_UP.has(t.lower) || CHANGE_NOUNS_DOWN.has(t.lower)) return null;
    words.unshift(t);
    k--;
  }
  while (words.length > 0 && /^(?:for|of|the|a|an)$/.test(words[0]!.lower)) words.shift();
  if (words.length === 0) return null;
  // "it rose" / "they have" carry nothing; a verb before "of" ("consists of") neither.
  if (!viaVerb && words.length === 1 && words[0]!.lower.endsWith('s') && !isPlural(words[0]!.lower)) return null;
  const text = words
    .map((t) =>
      t.lower === t.text || !isCapitalized(t)
        ? t.text
        : /^[A-Z][a-z]+$/.test(t.text) && t === tokens[firstWordIndex(tokens)]
          ? t.lower
          : t.text,
    )
    .join(' ');
  return singularizePhrase(text);
}

// ---------------------------------------------------------------- linking

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
