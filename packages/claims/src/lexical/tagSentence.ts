import { createRequire } from 'node:module';
import type winkNLP from 'wink-nlp';
import type { Token } from '../tokenize.ts';

// Required on first use, not imported: a process that never reads claims (the API, a fetcher
// alone) does not load the model (about 25 MB resident).
const require = createRequire(import.meta.url);

/** Universal part-of-speech tags, as wink-nlp's English model gives them. */
export type Pos =
  | 'ADJ'
  | 'ADP'
  | 'ADV'
  | 'AUX'
  | 'CCONJ'
  | 'DET'
  | 'INTJ'
  | 'NOUN'
  | 'NUM'
  | 'PART'
  | 'PRON'
  | 'PROPN'
  | 'PUNCT'
  | 'SCONJ'
  | 'SYM'
  | 'VERB'
  | 'X'
  | 'SPACE';

/** Parts of speech and lemmas of a sentence's tokens, one per token of `tokenize` (same order). */
export interface Tags {
  pos: Pos[];
  lemma: string[];
}

type Wink = ReturnType<typeof winkNLP>;
let wink: Wink | null = null;

/**
 * wink-nlp with its light English model, loaded once per process on first use (about 100 ms, 15 MB).
 * Only the part-of-speech step runs: sentences come already split, and named entities, negation and
 * sentiment are not needed. Chosen over compromise for speed (about 50 µs of CPU per news sentence
 * against about 700, and a better tagger on finance wording: compromise tags "rose" in "revenue rose
 * 3.5%" as a noun); see docs/decisions/2026-12-06-claims-open-predicates.md.
 */
function tagger(): Wink {
  wink ??= (require('wink-nlp') as typeof winkNLP)(require('wink-eng-lite-web-model'), ['pos']);
  return wink;
}

/**
 * Tags a sentence and aligns the tags to its tokens: each token takes the tag and lemma of the wink
 * token that covers its first character. Wink's tokens are placed in the text from their values
 * in the text, each after the one before.
 */
export function tagSentence(text: string, tokens: readonly Token[]): Tags {
  const nlp = tagger();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const tags = doc.tokens().out(its.pos) as Pos[];
  const lemmas = doc.tokens().out(its.lemma as Parameters<ReturnType<typeof doc.tokens>['out']>[0]) as string[];
  // Each token is found in the text after the one before (wink's own preceding-spaces accessor costs
  // time in the sentence's length per token); a token wink did not reproduce verbatim is skipped.
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const found = text.indexOf(v, at);
    const s = found >= 0 && found - at < 32 ? found : at;
    starts.push(s);
    ends.push(found === s ? s + v.length : s);
    if (found === s) at = s + v.length;
  }
  const pos: Pos[] = new Array(tokens.length);
  const lemma: string[] = new Array(tokens.length);
  let j = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (j < values.length - 1 && ends[j]! <= t.start) j++;
    const covers = j < values.length && starts[j]! <= t.start && t.start < ends[j]!;
    pos[i] = covers ? tags[j]! : t.kind === 'num' ? 'NUM' : t.kind === 'punct' ? 'PUNCT' : 'X';
    lemma[i] = covers && values[j]!.length === t.text.length ? lemmas[j]!.toLowerCase() : t.lower;
  }
  return { pos, lemma };
}
