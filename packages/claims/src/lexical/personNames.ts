import { createRequire } from 'node:module';
import type nlpType from 'compromise';

// Required on first use, not imported: a process that never reads claims does not load compromise
// (about 30 MB resident).
const require = createRequire(import.meta.url);
const compromise = (): typeof nlpType => require('compromise') as typeof nlpType;

let firstNames: ReadonlySet<string> | null = null;

/**
 * Given names from compromise's lexicon (its words tagged FirstName, MaleName or FemaleName): a run of
 * capitals that opens with one ("Mark Zuckerberg", "Ruth Beardmore") names a person. Loaded once, on
 * first use; a lookup is a set membership.
 */
function givenNames(): ReadonlySet<string> {
  if (!firstNames) {
    const lexicon = (compromise().model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
    const names = new Set<string>();
    for (const [word, tag] of Object.entries(lexicon)) {
      const tags = Array.isArray(tag) ? tag : [tag];
      if (tags.some((t) => t === 'FirstName' || t === 'MaleName' || t === 'FemaleName')) names.add(word);
    }
    firstNames = names;
  }
  return firstNames;
}

/** Whether a name of two or more words opens with a given name: "Fernando Caudevilla", not "Home Depot". */
export function looksLikePersonName(name: string): boolean {
  const words = name.trim().split(/\s+/);
  return words.length >= 2 && givenNames().has(words[0]!.toLowerCase());
}
