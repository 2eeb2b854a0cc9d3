import { createRequire } from 'node:module';
import type nlpType from 'compromise';

// Required on first use, not imported: a process that never reads claims does not load compromise
// (about 30 MB resident).
const require = createRequire(import.meta.url);
const compromise = (): typeof nlpType => require('compromise') as typeof nlpType;

const cache = new Map<string, string>();

/**
 * The past participle of a verb, for naming what became of a counted thing ("potholes filled",
 * "seats held", "commanders suspended"): compromise's conjugation (irregular verbs included), else
 * the regular "-ed". Cached per lemma; compromise takes milliseconds a call.
 */
export function participle(lemma: string): string {
  let p = cache.get(lemma);
  if (p === undefined) {
    const forms = (compromise()(lemma).verbs().conjugate() as Array<{ Participle?: string; PastTense?: string }>)[0];
    p = forms?.Participle ?? forms?.PastTense ?? regularPast(lemma);
    cache.set(lemma, p);
  }
  return p;
}

function regularPast(lemma: string): string {
  if (lemma.endsWith('e')) return `${lemma}d`;
  if (/[^aeiou]y$/.test(lemma)) return `${lemma.slice(0, -1)}ied`;
  return `${lemma}ed`;
}
