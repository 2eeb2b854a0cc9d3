import { LEX, reaches, senses } from './wordnet.ts';

const actorCache = new Map<string, boolean>();

/**
 * Whether a noun names who acts rather than what is measured: its most frequent WordNet sense is a
 * person or a group ("dealers", "gunmen", "pupils", "company", "government") — not a possession,
 * quantity, act or artifact ("revenue", "profit", "sales", "exports", "homes").
 */
export function isActorNoun(lemma: string): boolean {
  let hit = actorCache.get(lemma);
  if (hit === undefined) {
    const first = senses(lemma, 'n')[0];
    hit = first !== undefined && (first.lexFile === LEX.nounPerson || first.lexFile === LEX.nounGroup);
    actorCache.set(lemma, hit);
  }
  return hit;
}

const groupCache = new Map<string, boolean>();

/**
 * Whether a noun names an organisation in one of its two most frequent senses: "the company", "the
 * firm", "the bank", "the group" refer back to one.
 */
export function isOrganisationNoun(lemma: string): boolean {
  let hit = groupCache.get(lemma);
  if (hit === undefined) {
    hit =
      lemma === 'group' ||
      senses(lemma, 'n')
        .slice(0, 2)
        .some((s) => s.lexFile === LEX.nounGroup);
    groupCache.set(lemma, hit);
  }
  return hit;
}

const companyCache = new Map<string, boolean>();
/** Hypernyms of a business in WordNet: "bank", "airline", "carmaker", "insurer", "retailer", "lender". */
const BUSINESS = new Set([
  'company',
  'business',
  'business_firm',
  'firm',
  'enterprise',
  'institution',
  'concern',
  'merchant',
  'businessperson',
  'creditor',
]);

/**
 * Whether a noun names a business in one of its two most frequent senses: "the company", "the
 * bank", "the airline", "the group" refer back to a named company; "the senate", "the police", "the
 * council" do not.
 */
export function isCompanyNoun(lemma: string): boolean {
  let hit = companyCache.get(lemma);
  if (hit === undefined) {
    hit =
      lemma === 'group' ||
      senses(lemma, 'n')
        .slice(0, 2)
        .some((s) => reaches(s, 'n', BUSINESS, 6));
    companyCache.set(lemma, hit);
  }
  return hit;
}

const thingCache = new Map<string, boolean>();
/** Lexicographer files of concrete things: artifact, location, object, animal, plant, food, substance, body. */
const THINGS = new Set([6, 15, 17, 5, 20, 13, 27, 8]);

/**
 * Whether a noun names a concrete thing in its first WordNet sense ("depot", "handsets", "whales"):
 * a figure about such a thing without a name is about the thing itself ("the depot is 180 miles
 * from …"), not a measure of the article's topic.
 */
export function isThingNoun(lemma: string): boolean {
  let hit = thingCache.get(lemma);
  if (hit === undefined) {
    const first = senses(lemma, 'n')[0];
    hit = first !== undefined && THINGS.has(first.lexFile);
    thingCache.set(lemma, hit);
  }
  return hit;
}

const eventCache = new Map<string, boolean>();

/** Whether a noun names an event or a phenomenon in its first sense ("outbreak", "storm", "attack", "fire"). */
export function isEventNoun(lemma: string): boolean {
  let hit = eventCache.get(lemma);
  if (hit === undefined) {
    const first = senses(lemma, 'n')[0];
    hit = first !== undefined && (first.lexFile === LEX.nounEvent || first.lexFile === 19 || first.lexFile === 26);
    eventCache.set(lemma, hit);
  }
  return hit;
}

const measureCache = new Map<string, boolean>();
/** Lexicographer files of what is measured: act, attribute, communication of figures, possession, process, quantity, state, time. */
const MEASURES = new Set([4, 7, 21, 22, 23, 26, 28]);

/**
 * Whether a noun names something measured in its first WordNet sense ("revenue", "sales", "profit",
 * "unemployment", "turnout") rather than something that acts ("the film took 20bn yen").
 */
export function isMeasureNoun(lemma: string): boolean {
  let hit = measureCache.get(lemma);
  if (hit === undefined) {
    const first = senses(lemma, 'n')[0];
    hit = first === undefined || MEASURES.has(first.lexFile);
    measureCache.set(lemma, hit);
  }
  return hit;
}

/** A noun class read from WordNet once per lemma: the senses' hypernym walks are not repeated for every figure. */
function memoized(test: (lemma: string) => boolean): (lemma: string) => boolean {
  const cache = new Map<string, boolean>();
  return (lemma) => {
    let hit = cache.get(lemma);
    if (hit === undefined) {
      hit = test(lemma);
      cache.set(lemma, hit);
    }
    return hit;
  };
}

/** Lexicographer files of goods a price is quoted for: foods, substances, artifacts, animals, plants, natural objects, possessions. */
const GOODS: ReadonlySet<number> = new Set([
  LEX.nounFood,
  LEX.nounSubstance,
  LEX.nounArtifact,
  LEX.nounAnimal,
  LEX.nounPlant,
  LEX.nounObject,
  LEX.nounPossession,
]);

/** Whether a noun names goods in its first WordNet sense ("oil", "halibut", "wheat", "gold"), not a time or an act. */
export const isGoodsNoun = memoized((lemma) => {
  const first = senses(lemma, 'n')[0];
  return first !== undefined && GOODS.has(first.lexFile);
});

const PRICES = new Set(['price', 'cost', 'value']);

/** Whether a noun names a price in one of its first two senses (WordNet: "price", "cost", "value", "fare", "rate"). */
export const isPriceNoun = memoized((lemma) =>
  senses(lemma, 'n')
    .slice(0, 2)
    .some((s) => reaches(s, 'n', PRICES, 2)),
);

/** What publishes under a name: a web site, a newspaper, a magazine's publisher. */
const PUBLISHERS = new Set(['web_site', 'newspaper', 'magazine_publisher', 'publisher']);

/**
 * Whether a noun names a publisher in one of its first three senses: "the site", "the paper", "the
 * magazine" refer back to the named site or paper an article is about, as "the company" does.
 */
export const isPublisherNoun = memoized((lemma) =>
  senses(lemma, 'n')
    .slice(0, 3)
    .some((s) => reaches(s, 'n', PUBLISHERS, 2)),
);

/** Hypernyms of the places people live in: "country", "nation", "city", "town", "province". */
const INHABITED = new Set(['political_unit', 'administrative_district', 'geographical_area', 'municipality']);

/** Whether a noun's first WordNet sense is a place people live in ("the country of 50 million people"). */
export const isPlaceNoun = memoized((lemma) => {
  const first = senses(lemma, 'n')[0];
  return first !== undefined && reaches(first, 'n', INHABITED, 5);
});

/** Hypernyms of what is offered: "offer", "bid", "tender" are proposals. */
const OFFERED = new Set(['proposal', 'offer']);

/** A noun of a thing given or offered: a bequest, donation, payment, loan, grant (possession), an offer or bid. */
export const isGivenNoun = memoized((lemma) => {
  const first3 = senses(lemma, 'n').slice(0, 3);
  return first3.some((s) => s.lexFile === LEX.nounPossession) || first3.some((s) => reaches(s, 'n', OFFERED, 3));
});
