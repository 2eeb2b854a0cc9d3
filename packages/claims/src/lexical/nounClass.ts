import { LEX, senses } from './wordnet.ts';

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

/** Whether a noun names an organisation in its first sense: "the company", "the firm", "the bank" refer back to one. */
export function isOrganisationNoun(lemma: string): boolean {
  let hit = groupCache.get(lemma);
  if (hit === undefined) {
    const first = senses(lemma, 'n')[0];
    hit = first !== undefined && first.lexFile === LEX.nounGroup;
    groupCache.set(lemma, hit);
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
