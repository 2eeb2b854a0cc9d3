import { wordSet } from '../lexicon.ts';
import type { Token } from '../tokenize.ts';

// The word lists of the number reader: what ends a noun phrase, which adjectives a unit drops, the verbs and
// nouns of a change, the verbs of a level.

/** Words that end a noun phrase. */
export const NP_STOP = wordSet(`
  a an the this that these those its their his her our my your to from for in on at by with via into onto over
  under than as of and or but nor which who whom whose is are was were be been being has have had will would
  could should may might must can do does did not no said says say according since during before after while
  per each every also including more less about around if when where because though although so then there here
  it they he she we i you them him us me what up down out off across through between among against toward
  towards until within without along amid despite near like unlike whether yet just only already still even now
  ago away back again too very all both either neither some any many much most few other another such own same why how
  whole including included include includes remain remains remained reportedly allegedly currently respectively
  annually daily weekly monthly yearly apiece each overall worth left ahead behind total altogether combined
  last next earlier later month year week day today yesterday tonight 's ’s
`);

/** Words ending in -ed/-ing that are adjectives in a counted noun phrase. */
export const ADJECTIVE_ED_ING = wordSet(`
  armoured armored guided unmanned used advanced trained wounded injured displaced enriched detained missing
  remaining existing incoming outgoing landing fighting long-range armed registered licensed imported
  refurbished upgraded modernised modernized specialised specialized coordinated damaged destroyed abandoned
  captured seized confirmed rejected returned deported evacuated killed recruited mobilised mobilized
  conscripted retired unexploded unguided tracked wheeled self-propelled towed loaded sealed frozen tinned
  canned dried processed refined liquefied reinforced reported estimated housing firing training shipping
  building sporting polling voting ruling opening governing striking flying marching dead
`);

/** Adjectives that name a state, not a thing: a phrase of only these has no head ("45 wounded"). */
export const STATE_ADJECTIVES = wordSet(`
  wounded injured killed dead missing displaced detained captured evacuated deported returned affected full
  empty complete higher lower stronger weaker cheaper ready likely done ahead behind alive
`);

/** Adjectives dropped from a normalised unit: "additional weapons" counts weapons. */
export const UNIT_STOP_ADJECTIVES = wordSet(`
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
export const CONTAINER_NOUNS = wordSet(`
  container shipment load batch crate box consignment cargo truckload carload wagon railcar pallet cup bottle
  bag sack tranche convoy trainload shipload planeload carton parcel drum bundle pack packet bale can tin jar
  bucket canister
`);

/** Counting nouns that take an "of" complement as their concept: "rounds of ammunition", "kits of food". */
export const OF_HEADS = wordSet(`
  round piece unit item set pair dose vial kit lot case type kind sort variety stack ration portion cylinder
  tube package
`);

/** Nouns whose "of" phrase is part of the noun: "prisoners of war", "heads of state". */
export const COMPOUNDS_WITH_OF: Record<string, string> = {
  'prisoner of war': 'prisoner of war',
  'head of state': 'head of state',
  'head of government': 'head of government',
  'member of parliament': 'member of parliament',
  'weapon of mass destruction': 'weapon of mass destruction',
  'rocket-propelled grenade': 'rocket-propelled grenade',
};

/** Nouns followed by a number that names rather than counts: "Resolution 2231", "Article 5". */
export const IDENTIFIER_NOUNS = wordSet(`
  resolution article section chapter paragraph clause page no nos number route highway flight channel gate
  platform room phase stage level grade version model type block decree order protocol annex district zone
  sector term season episode part volume issue line exit station terminal category class tier unit act law rule
  figure table appendix
`);

/** Capitalised words before a number that still read as a quantity. */
export const CAPITALIZED_OK_BEFORE_NUMBER = wordSet(`
  Over About Around Some Nearly Almost Roughly Approximately Up More Fewer Less At Only Just Another All Of
  Those These The With By From To In Between And But An A Estimated Under Above Below Exactly Precisely Total
  Killed Wounded Injured Sent Deployed Delivered Since After Before During Until For Another Another
`);

export const CHANGE_UP = wordSet(`
  accelerated accelerate quickened
  rose risen rise rises rising increased increase increases increasing grew grow grows grown growing climbed
  climb climbs climbing jumped jump jumps jumping surged surge surges surging soared soar soars soaring gained
  gain gains gaining expanded expands expanding rallied spiked swelled boosted boost raised raise raises hiked up
  added higher widened widening accelerated edged ticked leapt leaped rebounded recovered lift lifts lifted lifting
`);

export const CHANGE_DOWN = wordSet(`
  slowed slow
  fell fall falls fallen falling dropped drop drops dropping declined decline declines declining decreased
  decrease decreases decreasing slid slide slides sliding slipped slip slipping plunged plunge plunging
  plummeted plummeting tumbled tumbling sank sinking sunk shrank shrunk shrinks shrinking contracted contracts
  contracting eased eases easing dipped dip dips cut cuts slashed slashes reduced reduce reduces lowered lower shrunk
  down retreated slumped slumps slumping lost loses lose losing shed narrowed narrowing weakened downgraded
  trimmed
`);

/** Verbs that move a figure without taking it as an object ("inflation rose 2%"): change on any quantity. */
export const INTRANSITIVE_CHANGE = wordSet(`
  rise grow fall drop climb decline increase decrease jump surge slide slip dip shrink contract ease gain lose
  accelerated accelerate slowed slow quickened
  rose risen rise rises rising grew grown grow grows growing climbed climbs climbing jumped jumps jumping surged
  surging soared soaring fell fallen falls falling dropped drops dropping declined declines declining decreased
  decreasing increased increasing slid sliding slipped slipping plunged plunging plummeted tumbled sank shrank
  shrinking shrunk contracted contracting eased easing dipped up down edged ticked widened narrowed slumped rebounded
  expanded gained gains gaining lost loses losing added
`);

/** Verbs that take the figure as their object: a change only for percentages and points ("lost 5%"). */
export const TRANSITIVE_CHANGE = wordSet(`
  lost loses losing lose added adds gained gains gaining shed
`);

export const CHANGE_NOUNS_UP = wordSet(`
  increase rise gain jump hike surge uptick boost expansion spike
`);

export const CHANGE_NOUNS_DOWN = wordSet(`
  decrease drop fall decline cut reduction loss slump dip contraction downturn plunge slide
`);

/** "shot down", "scaled up": a particle, not a change. */
export const PARTICLE_VERBS = wordSet(`
  shot shoot shoots cut brought bring took take turned turn broke break scaled scale step stepped set signed
  sign stand stood back backed pick picked gave give slowed calmed burned burnt cracked shut closed knocked
  struck strike tracked track hunted hunt chased chase make makes made making eat eats ate eaten eating use uses
  used using
`);

/** Verbs and participles before a level: "inflation stood at 5%", "the harvest is forecast at 59 million tonnes". */
export const LEVEL_VERBS = wordSet(`
  stood stands was were is are reached reaches reach hit hits totalled totaled totals amounted amounts hovered
  remained stayed came topped exceeded surpassed passed crossed numbered numbers be been doubled tripled halved
  widened narrowed costs cost sells sold priced valued forecast forecasted estimated expected projected put set
  seen pegged seen
`);

export const AUXILIARIES = wordSet(`
  has have had been was were is are will would be now already also further sharply slightly steadily again
  could may might can should must shall
`);

export const DETERMINERS = wordSet(`
  the a an its their his her our this these those that such some any
`);

/** Prepositions that may link a concept to its own modifiers when reading leftwards. */
export const CHAIN_PREPOSITIONS = wordSet(`
  of for in on at from through to among across with by
`);

/** Verbs and verb forms that end a noun phrase read leftwards. */
export const VERB_WORDS = wordSet(`
  wants want plans plan needs need hopes hope aims aim seeks seek expects expect intends intend estimate estimates
  believe believes show shows flew flies took takes gave gives made makes kept keeps held holds won says said
  told tells sees saw thinks think know knows warned warns asked asks got gets put puts sent sends keeps found
  finds claim claims argue argues
`);

export function isVerbLike(t: Token): boolean {
  const w = t.lower;
  if (t.text[0] !== w[0]) return false;
  if (VERB_WORDS.has(w) || LEVEL_VERBS.has(w) || CHANGE_UP.has(w) || CHANGE_DOWN.has(w)) return true;
  return /ed$/.test(w) && w.length > 4 && !ADJECTIVE_ED_ING.has(w);
}
