import { senses } from '../lexical/wordnet.ts';
import { isPlural, singularize, singularizePhrase } from '../singularize.ts';
import { isCapitalized, type Token } from '../tokenize.ts';
import { matchUnit } from '../units.ts';
import { type Context, isSentenceStart } from './quantityContext.ts';
import {
  ADJECTIVE_ED_ING,
  DETERMINERS,
  INTRANSITIVE_CHANGE,
  isVerbLike,
  LEVEL_VERBS,
  NP_STOP,
  VERB_WORDS,
} from './quantityLexicon.ts';

// Noun phrases after a number, read rightwards, and the concept text made of them.

export interface NounPhrase {
  /** Tokens of the phrase (hyphens and joined pieces included). */
  words: Token[];
  /** Token index of the first and after the last word. */
  start: number;
  end: number;
}

/**
 * Reads a noun phrase of up to six words starting at `j`. With `stopAtPlural`, the phrase ends at
 * its first plural noun (the head of "ballistic missile launchers"). Model names are part of the
 * phrase: "F-16 fighter jets", "Leopard 2 tanks", "155mm rounds".
 */
export function readNounPhrase(ctx: Context, j: number, stopAtPlural: boolean): NounPhrase | null {
  const { tokens } = ctx;
  const words: Token[] = [];
  let k = j;
  let count = 0;
  while (k < tokens.length && count < 6) {
    const t = tokens[k]!;
    const prev = words[words.length - 1];
    const joined =
      prev !== undefined &&
      !t.spaceBefore &&
      t.kind !== 'punct' &&
      (prev.kind !== 'punct' || prev.text === '-' || prev.text === '/');
    if (t.text === '“' || t.text === '"' || t.text === '‘') {
      if (words.length === 0) {
        k++;
        continue;
      }
      break;
    }
    if (t.kind === 'num') {
      if (joined || (prev && isCapitalized(prev) && /^\d{1,3}$/.test(t.text))) {
        // "F-16", "T-72", "Leopard 2"
        words.push(t);
        k++;
        continue;
      }
      if (words.length === 0 && ctx.masked[k] === 0 && matchUnit(tokens, k + 1) && !tokens[k + 1]!.spaceBefore) {
        // "155mm rounds": a calibre before the noun.
        words.push(t, tokens[k + 1]!);
        k += 2;
        continue;
      }
      if (
        words.length === 0 &&
        tokens[k + 1]?.text === '-' &&
        !tokens[k + 1]!.spaceBefore &&
        tokens[k + 2]?.kind === 'num' &&
        !tokens[k + 2]!.spaceBefore
      ) {
        // "20 787-9 jets": a model number before the noun.
        words.push(t, tokens[k + 1]!, tokens[k + 2]!);
        k += 3;
        continue;
      }
      if (
        words.length === 0 &&
        tokens[k + 1]?.text === '-' &&
        !tokens[k + 1]!.spaceBefore &&
        matchUnit(tokens, k + 2) &&
        !tokens[k + 2]!.spaceBefore
      ) {
        // "two 2,000-pound bombs": a measure before the noun.
        words.push(t, tokens[k + 1]!, tokens[k + 2]!);
        k += 3;
        continue;
      }
      break;
    }
    if (t.kind === 'punct') {
      // Hyphenated compounds: "surface-to-air", "short-range", "German-made".
      if (
        (t.text === '-' || t.text === '/') &&
        !t.spaceBefore &&
        prev &&
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
    const lower = t.text[0] === w[0];
    if (!joined && NP_STOP.has(w) && !/^[A-Z]{2,}$/.test(t.text)) break;
    // "a 500-pound bomb hit …": a verb after the noun ends the phrase.
    if (!joined && count > 0 && lower && (VERB_WORDS.has(w) || LEVEL_VERBS.has(w) || INTRANSITIVE_CHANGE.has(w))) break;
    if (!joined && lower && (w.endsWith('ed') || w.endsWith('ing')) && !ADJECTIVE_ED_ING.has(w) && w.length > 4) {
      // A gerund may modify the noun after it: "demining equipment", "accounting errors".
      const nounAfter =
        tokens[k + 1]?.kind === 'word' && !NP_STOP.has(tokens[k + 1]!.lower) && !isVerbLike(tokens[k + 1]!);
      const gerund = w.endsWith('ing') && nounAfter;
      if (
        (words.length === 0 && !gerund) ||
        (prev && isPlural(prev.lower)) ||
        !(w.endsWith('ing') && k + 1 < tokens.length)
      )
        break;
    }
    if (
      !joined &&
      isCapitalized(t) &&
      ctx.entityToken[k] &&
      words.length > 0 &&
      !isCapitalized(prev!) &&
      !ctx.entityToken[k - 1]
    )
      break;
    words.push(t);
    if (!joined) count++;
    k++;
    const nx = tokens[k];
    const continuesWord = nx !== undefined && !nx.spaceBefore && (nx.text === '-' || nx.kind !== 'punct');
    if (stopAtPlural && isPlural(w) && !continuesWord) {
      // The head is found, unless the plural is a modifier: "Abrams tanks", "NASAMS launchers",
      // "personnel carriers", "arms depots".
      const next = tokens[k];
      const nounNext = next?.kind === 'word' && !NP_STOP.has(next.lower) && next.text[0] === next.lower[0];
      // A noun only ever plural ("measles", "news", "savings") before a plural noun modifies it too.
      const modifier =
        (!lower || w === 'arms' || !w.endsWith('s') || pluralOnly(w)) && nounNext && isPlural(next!.lower);
      const capitalisedModifier = !lower && nounNext;
      if (!(modifier || capitalisedModifier)) break;
    }
  }
  while (words.length > 0 && words[words.length - 1]!.kind === 'punct') words.pop();
  if (words.length === 0) return null;
  const last = words[words.length - 1]!;
  return { words, start: tokens.indexOf(words[0]!, j), end: tokens.indexOf(last, j) + 1 };
}

/** Groups joined tokens into words: ["surface","-","to","-","air","missiles"] → ["surface-to-air","missiles"]. */
export function groupWords(ctx: Context, words: Token[]): Array<{ text: string; entity: boolean; first: Token }> {
  const out: Array<{ text: string; entity: boolean; first: Token }> = [];
  for (let i = 0; i < words.length; i++) {
    const t = words[i]!;
    const idx = ctx.tokens.indexOf(t);
    const last = out[out.length - 1];
    if (last && (t.text === '-' || t.text === '/' || !t.spaceBefore)) {
      last.text += t.text;
      continue;
    }
    out.push({ text: t.text, entity: idx >= 0 && ctx.entityToken[idx] === 1, first: t });
  }
  return out;
}

export function conceptText(ctx: Context, words: Token[]): string | null {
  const grouped = groupWords(ctx, words)
    .map((g) => g.text)
    .filter((w) => !DETERMINERS.has(w.toLowerCase()));
  if (grouped.length === 0) return null;
  return singularizePhrase(
    grouped
      .map((w, i) => (i === 0 && /^[A-Z][a-z]+$/.test(w) && isSentenceStart(ctx, words[0]!) ? w.toLowerCase() : w))
      .join(' '),
  );
}

/** A noun WordNet knows only in its plural form: "measles", "news", "savings". */
function pluralOnly(word: string): boolean {
  return senses(word, 'n').length > 0 && senses(singularize(word), 'n').length === 0;
}
