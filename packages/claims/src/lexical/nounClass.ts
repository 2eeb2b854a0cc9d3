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
