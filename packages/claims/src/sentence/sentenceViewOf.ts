import type { SentenceInfo } from '../article/sentenceInfo.ts';
import { retag } from '../lexical/retag.ts';
import { tagSentence } from '../lexical/tagSentence.ts';
import { senses } from '../lexical/wordnet.ts';
import { singularize } from '../singularize.ts';
import type { ArticleNames } from './entityNames.ts';
import { namedMentions, opensSentence } from './namedMentions.ts';
import type { SentenceView } from './sentenceView.ts';

/** The index of the first token ending after `offset`. */
export function tokenAt(info: SentenceInfo, offset: number): number {
  const { tokens } = info;
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A sentence made ready for the open claim rules: tagged, its quantities placed on tokens, its names found. */
export function sentenceViewOf(info: SentenceInfo, names: ArticleNames, knownNames: ReadonlySet<string>): SentenceView {
  const { tokens } = info;
  const tags = tagSentence(info.sentence.text, tokens);
  const quantityAt = new Int32Array(tokens.length).fill(-1);
  const quantityTokens = info.quantities.map((q, qi) => {
    const s = tokenAt(info, q.span[0]);
    const e = Math.max(s + 1, tokenAt(info, q.span[1] - 1) + 1);
    for (let k = s; k < e && k < tokens.length; k++) quantityAt[k] = qi;
    return [s, e] as [number, number];
  });
  retag(tokens, tags.pos, tags.lemma, (k) => quantityAt[k]! >= 0);
  const isDate = new Uint8Array(tokens.length);
  for (const d of info.dateTokens) for (let k = d.start; k < d.end; k++) isDate[k] = 1;
  const excluded = new Uint8Array(tokens.length);
  const bareNumber = new Uint8Array(tokens.length);
  for (let k = 0; k < tokens.length; k++) {
    // A quantity's counted phrase may hold a name ("Eighteen former Enron directors"): only its
    // number and the words before a capital are no part of a name.
    const inQuantity = quantityAt[k]! >= 0;
    const span = inQuantity ? quantityTokens[quantityAt[k]!]! : null;
    const nameInQuantity =
      span !== null &&
      k > span[0] &&
      k < span[1] - 1 &&
      info.quantities[quantityAt[k]!]!.kind === 'count' &&
      tokens[k]!.kind === 'word' &&
      /^\p{Lu}/u.test(tokens[k]!.text);
    excluded[k] = isDate[k] || (inQuantity && !nameInQuantity) ? 1 : 0;
    const q = quantityAt[k]! >= 0 ? info.quantities[quantityAt[k]!]! : null;
    if (
      q &&
      q.kind === 'count' &&
      q.unit === null &&
      tokens[k]!.kind === 'num' &&
      quantityTokens[quantityAt[k]!]![1] === k + 1
    )
      bareNumber[k] = 1;
  }
  const mentions = namedMentions({
    tokens,
    pos: tags.pos,
    gazetteerMentions: info.mentions,
    excluded,
    titleCase: info.titleLike,
    knownNames,
    names,
    bareNumber,
  });
  // A number inside a name counts nothing: it is the name's. A name is a proper noun whatever the
  // tagger took it for ("Ford/VERB reported").
  for (const m of mentions) {
    for (let k = m.start; k < m.end; k++) {
      quantityAt[k] = -1;
      if (tokens[k]!.kind === 'word' && /^\p{Lu}/u.test(tokens[k]!.text)) tags.pos[k] = 'PROPN';
    }
  }
  // "CAIRO — Gunmen opened fire": a word capitalised only by its place, that names nobody, is the
  // common noun it is ("gunman"), whatever the tagger made of its capital.
  // (A sentence's first word keeps the tagger's reading, written as it is.)
  for (let k = 1; k < tokens.length; k++) {
    if (tags.pos[k] !== 'PROPN' || !opensSentence(tokens, k) || mentions.some((m) => k >= m.start && k < m.end))
      continue;
    const lower = tokens[k]!.lower;
    if (tokens[k + 1]?.kind === 'word' && /^\p{Lu}/u.test(tokens[k + 1]!.text)) continue;
    const base = singularize(lower);
    if (senses(base, 'n').length === 0 && senses(lower, 'n').length === 0) continue;
    tags.pos[k] = 'NOUN';
    tags.lemma[k] = senses(base, 'n').length > 0 ? base : lower;
  }
  return {
    text: info.sentence.text,
    tokens,
    pos: tags.pos,
    lemma: tags.lemma,
    quantities: info.quantities,
    quantityTokens,
    mentions,
    attributions: info.attributions,
    dateTokens: info.dateTokens,
    quantityAt,
    isDate,
  };
}
