import { isCapitalized, type Token } from '../tokenize.ts';
import type { AttributionOptions } from './attribution.ts';
import { NAME_PARTICLES, ROLE_WORDS, TITLE_WORDS } from './speakerWords.ts';

/** Token tests of speaker phrases: name-like words, name particles, hyphenated given names, phrase text. */
export function isNameish(t: Token, opts: AttributionOptions): boolean {
  if (t.kind === 'word') return isCapitalized(t) || ROLE_WORDS.has(t.lower) || opts.gazetteer.startsName(t.text);
  return t.text === '(' || t.text === ')' || t.text === '-' || t.text === '.';
}

/** A name-like token, counting the lower-case second half of a hyphenated given name ("Seo-yeon", "Da-eun"). */
export function nameishAt(tokens: Token[], i: number, opts: AttributionOptions): boolean {
  return isNameish(tokens[i]!, opts) || isHyphenTail(tokens, i) || isNameParticle(tokens, i);
}

/** "yeon" in "Seo-yeon": a word glued by a hyphen to a capitalised word before it. */
export function isHyphenTail(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  const dash = tokens[i - 1];
  const head = tokens[i - 2];
  return (
    !!t &&
    !!dash &&
    !!head &&
    t.kind === 'word' &&
    !t.spaceBefore &&
    dash.text === '-' &&
    !dash.spaceBefore &&
    isCapitalized(head) &&
    /^[a-zà-ÿ]+$/.test(t.text)
  );
}

export function isCapitalizedMidSentence(tokens: Token[], k: number): boolean {
  return k > 0 && isCapitalized(tokens[k]!);
}

/** A lower-case particle between name words: a capitalised word or particle before, one after. */
export function isNameParticle(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (t?.kind !== 'word' || !NAME_PARTICLES.has(t.text)) return false;
  const before = tokens[i - 1];
  if (!before || !(isCapitalized(before) || NAME_PARTICLES.has(before.text))) return false;
  let j = i + 1;
  while (tokens[j] && NAME_PARTICLES.has(tokens[j]!.text)) j++;
  const after = tokens[j];
  return !!after && isCapitalized(after) && after.spaceBefore;
}

export function textOf(tokens: Token[], from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (i > from && t.spaceBefore) s += ' ';
    s += t.text;
  }
  return s;
}

export function stripArticle(s: string): string {
  return s.replace(/^(?:the|a|an|The|A|An)\s+/, '');
}

/**
 * A word of a person's name: capitalised, no title, and no place by itself ("Ukraine", "Russian").
 * A word that only begins a longer name ("Kim" of "Kim Jong Un's regime") is a name word; a capital
 * is one only as a given name before a surname (`givenName`: "Sofia Lindqvist").
 */
export const isNamePart = (t: Token, opts: AttributionOptions, givenName = false): boolean => {
  if (t.kind !== 'word' || !/^[A-Z][a-zà-ÿ'’-]+$/.test(t.text) || TITLE_WORDS.has(t.text)) return false;
  const form = opts.gazetteer.wordForm(t.text);
  return form === null || (givenName && form === 'capital');
};
