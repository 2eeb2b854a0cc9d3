import { LEX, senses } from './lexical/wordnet.ts';
import { phraseLines } from './lexicon.ts';
import { singularize } from './singularize.ts';

/**
 * Units of a figure key. Reports name one kind of materiel several ways ("artillery rounds" and
 * "artillery shells", "main battle tanks" and "tanks"); a figure must land on one projection row
 * whichever wording a report uses. The quantity keeps the unit as written (the labelled set scores
 * it so); the claim keys on the family below and keeps the written unit as its concept.
 *
 * Only synonyms and wordings of one class are merged: "infantry fighting vehicle" and
 * "reconnaissance drone" name narrower classes, and a bare "shell" or "missile" may be any calibre
 * or type, so they stay apart.
 */
const FAMILIES = new Map(
  phraseLines(`
    artillery round | artillery projectile | artillery munition => artillery shell
    main battle tank | battle tank => tank
    armoured fighting vehicle | armored fighting vehicle | armoured combat vehicle | armored combat vehicle | armored vehicle => armoured vehicle
    interceptor missile | interceptor | air-defence missile | air defense missile | air-defense missile | anti-aircraft missile | surface-to-air missile => air defence missile
    attack drone | one-way attack drone | kamikaze drone | strike drone | combat drone | unmanned aerial vehicle | uav => drone
  `),
);

/** The unit a figure is keyed on: `main battle tank` → `tank`; units without a family are returned as they are. */
export function figureUnit(unit: string): string {
  return FAMILIES.get(unit) ?? unit;
}

/**
 * People counted by what they are ("civilians", "gunmen", "churchgoers", "foreigners") are persons
 * to a casualty figure's unit, as "people" is: a death toll is one figure whichever word a report
 * counts it by. A one-word unit whose first sense in WordNet is a person; the written word stays the
 * concept.
 */
export function peopleUnit(unit: string): string {
  if (unit === 'person' || unit.includes(' ') || unit.includes('/')) return unit;
  const lemma = singularize(unit.toLowerCase());
  // "Christians", "Britons": a group WordNet knows only by its capitalised name is people too.
  const all = senses(lemma, 'n');
  const first = all.find((x) => !x.proper) ?? all[0];
  return first?.lexFile === LEX.nounPerson ? 'person' : unit;
}
