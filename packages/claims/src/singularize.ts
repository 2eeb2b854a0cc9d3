import { wordSet } from './lexicon.ts';

const IRREGULAR_PLURALS: Record<string, string> = {
  people: 'person',
  men: 'man',
  women: 'woman',
  children: 'child',
  feet: 'foot',
  teeth: 'tooth',
  mice: 'mouse',
  geese: 'goose',
  knives: 'knife',
  lives: 'life',
  wives: 'wife',
  halves: 'half',
  shelves: 'shelf',
  wolves: 'wolf',
  thieves: 'thief',
  leaves: 'leaf',
  loaves: 'loaf',
  calves: 'calf',
  selves: 'self',
  criteria: 'criterion',
  phenomena: 'phenomenon',
  analyses: 'analysis',
  crises: 'crisis',
  theses: 'thesis',
  bases: 'base',
  movies: 'movie',
  cookies: 'cookie',
  zombies: 'zombie',
  shoes: 'shoe',
  buses: 'bus',
  gases: 'gas',
  dice: 'die',
  indices: 'index',
};

/** Words that look plural but are not, or whose plural is the usual form of the word. */
/** As a Map: looked up for every counted noun, and never matching "constructor" and friends. */
const IRREGULAR = new Map(Object.entries(IRREGULAR_PLURALS));

const INVARIANT = wordSet(`
  series species news arms munitions aircraft personnel police staff cattle sheep fish deer means headquarters
  savings earnings proceeds goods supplies funds remains data media politics economics physics logistics
  avionics electronics ammunition equipment chaos lens us this its has was is gas bus plus status campus census
  bonus virus focus consensus surplus bias canvas alias atlas thanks crossroads barracks
`);

/** Plural-looking words that are plural (used to find the head of a counted noun phrase). */
const PLURAL_WITHOUT_S = wordSet(`
  people men women children personnel police aircraft cattle sheep feet teeth mice geese livestock munitions
  arms
`);

/**
 * English nouns to their singular: "containers" → "container", "casualties" → "casualty",
 * "people" → "person". Words in the invariant list stay as they are ("munitions", "arms").
 */
export function singularize(word: string): string {
  const w = word.toLowerCase();
  if (INVARIANT.has(w)) return word;
  const irregular = IRREGULAR.get(w);
  if (irregular) return matchCase(word, irregular);
  // "servicemen", "gunmen", "policemen"
  if (/[a-z]{3,}men$/.test(w) && !/(?:omen|specimen|regimen|abdomen|acumen)$/.test(w)) return `${word.slice(0, -3)}man`;
  if (w.length <= 3 || !w.endsWith('s') || /(?:ss|us|is|ous|ics)$/.test(w)) return word;
  if (w.endsWith('ies') && w.length > 4) return word.slice(0, -3) + (isUpper(word) ? 'Y' : 'y');
  if (/(?:ches|shes|sses|xes|zzes)$/.test(w)) return word.slice(0, -2);
  if (/[^aeiou]oes$/.test(w)) return word.slice(0, -2);
  return word.slice(0, -1);
}

/** Whether a word is a plural noun form (best effort, for finding where a noun phrase ends). */
export function isPlural(word: string): boolean {
  const w = word.toLowerCase();
  if (PLURAL_WITHOUT_S.has(w)) return true;
  if (IRREGULAR.has(w)) return true;
  if (/[a-z]{3,}men$/.test(w) && !/(?:omen|specimen|regimen|abdomen|acumen)$/.test(w)) return true;
  if (INVARIANT.has(w))
    return w === 'supplies' || w === 'goods' || w === 'funds' || w === 'savings' || w === 'earnings';
  return w.length > 3 && w.endsWith('s') && !/(?:ss|us|is|ous|ics|'s|’s)$/.test(w);
}

/** Singularises the last word of each conjunct: "ballistic missiles" → "ballistic missile". */
export function singularizePhrase(phrase: string): string {
  return phrase
    .split(/(\s+(?:and|or)\s+|,\s*)/)
    .map((part, i) => {
      if (i % 2 === 1) return part;
      const m = /^(.*?)([\p{L}'’-]+)$/u.exec(part);
      if (!m) return part;
      return m[1]! + singularize(m[2]!);
    })
    .join('');
}

function isUpper(s: string): boolean {
  return s === s.toUpperCase();
}

function matchCase(original: string, replacement: string): string {
  return original[0] === original[0]!.toUpperCase()
    ? replacement[0]!.toUpperCase() + replacement.slice(1)
    : replacement;
}
