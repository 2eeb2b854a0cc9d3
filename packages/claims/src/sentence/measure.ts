import type { SentenceView } from './sentenceView.ts';

/** Words of a measure that say when or how new, not what: the period and the statement carry them. */
const NOT_IN_KEY = new Set([
  'quarterly',
  'annual',
  'yearly',
  'monthly',
  'weekly',
  'daily',
  'interim',
  'full-year',
  'half-year',
  'first-half',
  'second-half',
  'new',
  'latest',
  'record',
  'overall',
  'total',
  'current',
  'previous',
  'last',
  'this',
  'its',
  'their',
  'his',
  'her',
  'our',
]);

/** Nouns that name a level of a measure: "a new record", "the total", "an average". */
export const LEVELS = [
  'record',
  'high',
  'low',
  'level',
  'total',
  'figure',
  'sum',
  'amount',
  'peak',
  'average',
  'number',
];

/** Nouns that give a level, a kind or a part of a measure, never the measure alone: "a new record", "an average". */
export const LEVEL_WORDS = new Set([
  ...LEVELS,
  'one',
  'more',
  'rest',
  'lot',
  'part',
  'way',
  'time',
  'track',
  'front',
  'side',
  'middle',
  'top',
  'face',
  'wake',
  'case',
]);

const DROP_POS = new Set(['DET', 'PRON', 'PART', 'NUM', 'PUNCT', 'ADP', 'CCONJ', 'SCONJ', 'AUX', 'VERB', 'ADV', 'SYM']);

/**
 * The measure a token range names, as written ("net income", "pre-tax profit", "trade gap"):
 * determiners, pronouns, possessives, numbers and the tokens of `skip` (entity names) dropped. A
 * phrase with "of" keeps its complement ("exports of goods", "share of the market").
 */
export function measureText(view: SentenceView, a: number, b: number, skip: (k: number) => boolean): string | null {
  const words: string[] = [];
  let nouns = 0;
  for (let k = a; k < b; k++) {
    const t = view.tokens[k]!;
    if (skip(k) || view.quantityAt[k]! >= 0 || t.text === "'" || t.text === '’') continue;
    if (view.pos[k] === 'NOUN' && !LEVEL_WORDS.has(view.lemma[k]!)) nouns++;
    if (t.lower === 'of' && words.length > 0 && k + 1 < b) {
      words.push('of');
      continue;
    }
    const hyphen = t.text === '-' && !t.spaceBefore && !view.tokens[k + 1]?.spaceBefore;
    if (hyphen && words.length > 0) {
      words[words.length - 1] += '-';
      continue;
    }
    // "pay-off", "buy-out": the word after a hyphen belongs to the one before it, whatever its tag.
    const joined = words.length > 0 && words[words.length - 1]!.endsWith('-') && !t.spaceBefore;
    if (!joined && DROP_POS.has(view.pos[k]!) && !(view.pos[k] === 'VERB' && /(?:ed|ing)$/.test(t.lower))) continue;
    const w = /^\p{Lu}\p{Ll}/u.test(t.text) ? t.lower : t.text;
    if (words.length > 0 && words[words.length - 1]!.endsWith('-')) words[words.length - 1] += w;
    else words.push(w);
  }
  while (words.length > 0 && words[words.length - 1] === 'of') words.pop();
  while (words.length > 0 && words[0] === 'of') words.shift();
  const text = words.join(' ').trim();
  return text === '' || nouns === 0 ? null : text;
}

/** The part of a measure that names the figure: lemmas of its content words, without period and evaluative words. */
export function measureKey(measure: string | null, lemmaOf: (w: string) => string): string | null {
  if (!measure) return null;
  const words = measure
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => !NOT_IN_KEY.has(w))
    .map(lemmaOf);
  const key = words.join(' ').trim();
  return key === '' ? null : key;
}
