import { isPersonNoun } from '../sentence/namedMentions.ts';
import { isCapitalized, type Token } from '../tokenize.ts';
import type { Attribution, AttributionOptions } from './attribution.ts';
import { isHyphenTail, isNamePart, isNameParticle, stripArticle, textOf } from './speakerTokens.ts';
import {
  CONNECTORS,
  EVIDENCE_HEADS,
  PRONOUNS,
  ROLE_HEADS,
  ROLE_WORDS,
  SPEAKER_HEADS,
  TITLE_WORDS,
} from './speakerWords.ts';

/** Splits a speaker phrase into name and role, and says what kind of speaker it is. */
export function classify(
  tokens: Token[],
  start: number,
  end: number,
  opts: AttributionOptions,
  verbStart: number,
  verbEnd: number,
  hedged: boolean,
): Attribution | null {
  let s = start;
  // "The latest report by US officials", "Photographs released by officials": the agent speaks.
  for (let i = end - 1; i > s; i--) {
    if (tokens[i]!.lower === 'by' || (tokens[i]!.lower === 'from' && EVIDENCE_HEADS.has(tokens[i - 1]?.lower ?? ''))) {
      s = i + 1;
      break;
    }
  }
  while (s < end && /^(?:the|a|an|its|their|his|her)$/.test(tokens[s]!.lower)) s++;
  if (s >= end) return null;
  const base = { npStart: s, npEnd: end, verbStart, verbEnd, hedged };
  const first = tokens[s]!;
  if (end - s === 1 && PRONOUNS.has(first.lower)) return { kind: 'pronoun', name: first.lower, role: null, ...base };
  if (end - s === 1 && (first.lower === 'it' || first.lower === 'we' || first.lower === 'i' || first.lower === 'you'))
    return null;
  const head = tokens[end - 1]!;
  if (EVIDENCE_HEADS.has(head.lower)) {
    // "a Pentagon report said" → the Pentagon; "photographs show" → nobody.
    const source = tokens
      .slice(s, end - 1)
      .filter(
        (t) =>
          t.kind === 'word' &&
          isCapitalized(t) &&
          !/^(?:The|A|An|Western|Eastern|Official|New|Latest)$/.test(t.text) &&
          !opts.gazetteer.startsName(t.text),
      );
    if (source.length === 0) return null;
    return {
      kind: 'org',
      name: source.map((t) => t.text).join(' '),
      role: null,
      ...base,
      npStart: tokens.indexOf(source[0]!, s),
      npEnd: end - 1,
    };
  }
  if (head.kind !== 'word' && head.text !== ')') return null;
  // "Officials said", "Analysts estimate": a capital at the start of the sentence is no name.
  if (end - s === 1 && s === 0 && ROLE_WORDS.has(head.lower) && /s$/.test(head.lower)) {
    return { kind: 'group', name: head.lower, role: null, ...base };
  }
  // Trailing name: the run of capitalised words that are not titles or place names.
  let n = end;
  let nameLen = 0;
  while (n > s) {
    // A capital as a given name only right before a surname ending the phrase, after no other
    // capitalised word: "Sofia Lindqvist", "Swedish defence minister Sofia Lindqvist".
    const before = tokens[n - 2];
    const given = nameLen === 1 && (n - 1 === s || !before || !isCapitalized(before) || TITLE_WORDS.has(before.text));
    if (isHyphenTail(tokens, n - 1) && n - 3 >= s && isNamePart(tokens[n - 3]!, opts)) n -= 3;
    else if (nameLen > 0 && n - 1 > s && isNameParticle(tokens, n - 1)) {
      // "von der" between name words counts with the name, not as a word of it.
      n--;
      continue;
    } else if (isNamePart(tokens[n - 1]!, opts, given)) n--;
    else break;
    nameLen++;
  }
  const text = textOf(tokens, s, end);
  // "Federation of American Scientists", "Institute for the Study of War": organisation names link with "of"/"for".
  const linked = n > s && /^(?:of|for|on|the|and)$/.test(tokens[n - 1]!.lower);
  // "Liberal Democrats", "the Tories": one plural name word after others is a body — unless a title
  // or an honorific stands before it ("Mr. Georgelis", "Senator Collins").
  const before = tokens[n - 1]?.text === '.' ? tokens[n - 2] : tokens[n - 1];
  const titled =
    n > s && !!before && (/^(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov)$/.test(before.text) || isPersonNoun(before.text));
  if (
    linked ||
    (nameLen === 1 && /s$/.test(tokens[end - 1]!.text) && n > s && !TITLE_WORDS.has(tokens[n - 1]!.text) && !titled)
  ) {
    return { kind: 'org', name: stripArticle(text), role: null, ...base };
  }
  if (nameLen >= 2 && nameLen <= 4) {
    const role = n > s ? stripArticle(textOf(tokens, s, n)) : null;
    return { kind: 'person', name: textOf(tokens, n, end), role: role || null, ...base };
  }
  if (nameLen === 1) {
    if (n > s) {
      // "President Biden", "Mr Hale"
      return {
        kind: 'person',
        name: textOf(tokens, n, end),
        role: stripArticle(textOf(tokens, s, n)) || null,
        ...base,
      };
    }
    return { kind: 'single', name: text, role: null, ...base };
  }
  if (head.kind === 'word' && ROLE_WORDS.has(head.lower) && !CONNECTORS.has(head.lower)) {
    const plural = /s$/.test(head.lower) && head.lower !== 'press' && head.lower !== 'news';
    if (plural) return { kind: 'group', name: text, role: null, ...base };
  }
  if (
    tokens.slice(s, end).some((t) => ROLE_HEADS.has(t.lower)) ||
    (head.text === head.lower && isPersonNoun(head.text))
  )
    return { kind: 'role', name: null, role: text, ...base };
  if (SPEAKER_HEADS.has(head.lower)) return { kind: 'org', name: stripArticle(text), role: null, ...base };
  if (
    !tokens
      .slice(s, end)
      .some((t) => t.kind === 'word' && (isCapitalized(t) || ROLE_WORDS.has(t.lower)) && !CONNECTORS.has(t.lower))
  )
    return null;
  return { kind: 'org', name: text, role: null, ...base };
}
