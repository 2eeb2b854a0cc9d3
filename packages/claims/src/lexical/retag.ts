import type { Token } from '../tokenize.ts';
import type { Pos } from './tagSentence.ts';
import { senses } from './wordnet.ts';

const MODALS = new Set(['would', 'could', 'will', 'shall', 'should', 'may', 'might', 'must', 'can', "'ll", 'to']);
const PERFECT = new Set(['have', 'has', 'had', 'having']);

const isVerbWord = (w: string): boolean => senses(w, 'v').length > 0;
const isNounWord = (w: string): boolean => senses(w, 'n').length > 0;

/**
 * Corrections of the tagger where news wording trips it and the words around decide: after a modal
 * or "to", a word WordNet knows as a verb is one ("would rise", "to cut"); after "has/having" a
 * participle is one ("having shot up"); after "a 3.8%" a word WordNet knows as a noun is one
 * ("a 3.8% boost"). `lemma` is updated with the verb's base form where the tagger had a noun's.
 */
export function retag(tokens: readonly Token[], pos: Pos[], lemma: string[], isFigure: (k: number) => boolean): void {
  for (let k = 1; k < tokens.length; k++) {
    const w = tokens[k]!.lower;
    const prev = tokens[k - 1]!.lower;
    if (pos[k] === 'NOUN' && MODALS.has(prev) && (pos[k - 1] === 'AUX' || pos[k - 1] === 'PART') && isVerbWord(w)) {
      pos[k] = 'VERB';
      continue;
    }
    if (pos[k] === 'NOUN' && PERFECT.has(prev) && /(?:ed|en|t)$/.test(w) && isVerbWord(lemma[k] ?? w)) {
      pos[k] = 'VERB';
      continue;
    }
    // "adults own at least one", "firms own the": a word after a plural noun and before a determiner
    // or a number, which WordNet knows as a verb, is the verb.
    if (
      (pos[k] === 'ADJ' || pos[k] === 'NOUN') &&
      pos[k - 1] === 'NOUN' &&
      /s$/.test(prev) &&
      k + 1 < tokens.length &&
      (pos[k + 1] === 'DET' || pos[k + 1] === 'NUM' || isFigure(k + 1) || tokens[k + 1]!.lower === 'at') &&
      isVerbWord(w)
    ) {
      pos[k] = 'VERB';
      continue;
    }
    // "bug exposes thousands of servers", "plant employs 300": a present form after a singular
    // common noun and before a figure, which WordNet knows as a verb, is the verb.
    if (
      pos[k] === 'NOUN' &&
      /[^s]s$/.test(w) &&
      pos[k - 1] === 'NOUN' &&
      !/s$/.test(prev) &&
      k + 1 < tokens.length &&
      (isFigure(k + 1) || pos[k + 1] === 'NUM') &&
      verbBase(w) !== null
    ) {
      pos[k] = 'VERB';
      lemma[k] = verbBase(w)!;
      continue;
    }
    // "The firm plans to cut", "the company expects to": a present form before "to" and a verb.
    if (
      pos[k] === 'NOUN' &&
      /s$/.test(w) &&
      (pos[k - 1] === 'NOUN' || pos[k - 1] === 'PROPN' || pos[k - 1] === 'ADJ') &&
      tokens[k + 1]?.lower === 'to' &&
      k + 2 < tokens.length &&
      isVerbWord(tokens[k + 2]!.lower) &&
      isVerbWord(lemma[k] ?? w)
    ) {
      pos[k] = 'VERB';
      continue;
    }
    // "Maruti accounts for half of", "tourism accounts for 15%": a present form between a name or a
    // noun and "for" a figure is the verb.
    if (
      pos[k] === 'NOUN' &&
      /s$/.test(w) &&
      (pos[k - 1] === 'PROPN' || pos[k - 1] === 'NOUN') &&
      tokens[k + 1]?.lower === 'for' &&
      k + 2 < tokens.length &&
      (isFigure(k + 2) || pos[k + 2] === 'DET' || isFigure(k + 3)) &&
      isVerbWord(lemma[k] ?? w)
    ) {
      pos[k] = 'VERB';
      continue;
    }
    // "militants … beheaded 21 Christians": a past form before its object is the verb.
    if (
      pos[k] === 'ADJ' &&
      /ed$/.test(w) &&
      (pos[k - 1] === 'NOUN' || pos[k - 1] === 'PROPN' || pos[k - 1] === 'CCONJ') &&
      k + 1 < tokens.length &&
      (isFigure(k + 1) || pos[k + 1] === 'DET') &&
      (isVerbWord(lemma[k] ?? w) || verbBase(w) !== null)
    ) {
      pos[k] = 'VERB';
      if (!isVerbWord(lemma[k] ?? w)) lemma[k] = verbBase(w)!;
      continue;
    }
    // "…, wounding 30 people", "…, leaving 12 dead": an -ing word opening a clause after a comma,
    // before a figure or a determiner, that WordNet knows as a verb is one.
    if (
      pos[k] === 'NOUN' &&
      prev === ',' &&
      /ing$/.test(w) &&
      k + 1 < tokens.length &&
      (isFigure(k + 1) || pos[k + 1] === 'DET' || pos[k + 1] === 'NUM')
    ) {
      const base = verbBase(w);
      if (base) {
        pos[k] = 'VERB';
        lemma[k] = base;
        continue;
      }
    }
    // "a 3.8% boost", "a $2bn loss": the word after a figure that an article opens is its noun.
    if (
      pos[k] === 'VERB' &&
      isFigure(k - 1) &&
      !isFigure(k) &&
      articleBeforeFigure(tokens, k - 1, isFigure) &&
      isNounWord(w)
    )
      pos[k] = 'NOUN';
  }
}

function articleBeforeFigure(tokens: readonly Token[], last: number, isFigure: (k: number) => boolean): boolean {
  let k = last;
  while (k >= 0 && isFigure(k)) k--;
  return k >= 0 && /^(?:a|an)$/.test(tokens[k]!.lower);
}

/**
 * The verb a regularly inflected form is of, as WordNet knows it (its rules of detachment for -s,
 * -ed, -ing): "exposes" → expose, "carries" → carry, "beheaded" → behead, "wounding" → wound,
 * "cutting" → cut; null when no candidate is a verb.
 */
function verbBase(w: string): string | null {
  const candidates: string[] = [];
  const stem = (n: number): void => {
    const s = w.slice(0, -n);
    candidates.push(s, `${s}e`);
    if (/(.)\1$/.test(s)) candidates.push(s.slice(0, -1));
  };
  if (w.endsWith('ing')) stem(3);
  else if (w.endsWith('ied') || w.endsWith('ies')) candidates.push(`${w.slice(0, -3)}y`);
  else if (w.endsWith('ed')) stem(2);
  else if (w.endsWith('es')) candidates.push(w.slice(0, -2), w.slice(0, -1));
  else if (w.endsWith('s')) candidates.push(w.slice(0, -1));
  return candidates.find((c) => c.length > 1 && isVerbWord(c)) ?? null;
}
