import type { Entity } from '../gazetteer.ts';
import { looksLikePersonName } from '../lexical/personNames.ts';
import { ArticleNames } from '../sentence/entityNames.ts';
import { FUNCTION_WORD, isPersonNoun, opensSentence, qualifiesNoun } from '../sentence/namedMentions.ts';
import type { SentenceInfo } from './sentenceInfo.ts';

const CAPITAL = /^(?:\p{Lu}|\p{Ll}\p{Lu})/u;
const CALENDAR =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?$/;
/** Function words that a quotation or a colon capitalises mid-sentence: never a name by themselves. */
const FUNCTION_WORDS =
  /^(?:a|an|the|in|on|at|of|for|to|from|by|with|as|it|its|this|that|these|those|he|she|they|we|i|you|but|and|or|if|when|while|after|before|since|so|yet|there|here|what|who|how|why|all|some|no|not|one)$/i;
const TITLED = /^(?:Mr|Mrs|Ms|Dr|Prof|Lord|Lady|Sir|Dame)\b/;
const JOINERS = new Set(['of', '&', 'for', 'on', 'de', 'van', 'von', 'der', 'the']);

export interface ArticleNameFacts {
  /** Names written mid-sentence (so not capitalised by position), lower-cased. */
  known: Set<string>;
  names: ArticleNames;
  /** The entity the article is about: named most, the headline and the lead counting double. */
  topic: Entity | null;
}

/**
 * The names of an article, read before its sentences are: runs of capitalised words that do not open
 * a sentence, and the gazetteer's mentions. They tell a name from a capitalised first word later
 * ("Overall" is none, "Maruti" opening a sentence is one) and give the article's topic, the entity a
 * bare measure ("Net profit rose 70%") or "the company" refers to.
 */
export function articleNameFacts(infos: readonly SentenceInfo[], title: SentenceInfo | null): ArticleNameFacts {
  const known = new Set<string>();
  const names = new ArticleNames();
  const counts = new Map<string, { entity: Entity; n: number; first: number }>();
  const count = (entity: Entity, weight: number, at: number): void => {
    const c = counts.get(entity.id);
    if (c) c.n += weight;
    else counts.set(entity.id, { entity, n: weight, first: at });
  };
  const all = title ? [title, ...infos] : infos;
  // People speak or are titled; they are not what an article's figures are about.
  const people = new Set<string>();
  for (const info of all) {
    for (const a of info.attributions) {
      // A named person with a role ("Tony Blair, the prime minister"); a surname alone may be a
      // company's name too ("chief executive Bill Ford" at Ford).
      if (a.kind === 'person' && a.role && a.name) people.add(a.name.toLowerCase());
    }
  }
  const runs: Array<{ text: string; order: number; titleLike: boolean }> = [];
  all.forEach((info, order) => {
    const weight = order < 3 ? 2 : 1;
    // A state named beside a company is mostly where it works ("India's Maruti"): half a mention;
    // a demonym ("English", "British") describes, and counts for nothing.
    for (const m of info.mentions) if (m.form !== 'demonym') count(m.entity, weight / 2, order);
    const { tokens } = info;
    const inDate = new Uint8Array(tokens.length);
    for (const d of info.dateTokens) for (let k = d.start; k < d.end; k++) inDate[k] = 1;
    let i = 0;
    while (i < tokens.length) {
      if (
        tokens[i]!.kind !== 'word' ||
        !CAPITAL.test(tokens[i]!.text) ||
        CALENDAR.test(tokens[i]!.text) ||
        inDate[i] ||
        info.mentions.some((m) => m.start <= i && i < m.end)
      ) {
        i++;
        continue;
      }
      let end = i + 1;
      while (end < tokens.length) {
        const t = tokens[end]!;
        if (t.kind === 'word' && CAPITAL.test(t.text) && !CALENDAR.test(t.text) && !inDate[end]) end++;
        else if (JOINERS.has(t.lower) && tokens[end + 1] && CAPITAL.test(tokens[end + 1]!.text)) end += 2;
        else break;
      }
      let from = i;
      // "CEO Mark Zuckerberg", "Chairman Saaid": a title opens a person's name; people are no topic.
      while (from < end - 1 && isPersonNoun(tokens[from]!.text)) from++;
      const titled =
        from > i || (i > 0 && tokens[i - 1]!.text === tokens[i - 1]!.lower && isPersonNoun(tokens[i - 1]!.text));
      const text = tokens
        .slice(from, end)
        .map((t, k) => (k > 0 && t.spaceBefore ? ' ' : '') + t.text)
        .join('');
      // Capitals opening a sentence may be there by position: such a run counts when known elsewhere.
      const opening = opensSentence(tokens, i);
      if (!info.titleLike && !opening && !FUNCTION_WORD.test(text.toLowerCase())) known.add(text.toLowerCase());
      if (!titled && !qualifiesNoun(tokens, from, end))
        runs.push({ text, order, titleLike: info.titleLike || opening });
      i = end;
    }
  });
  // Initials last: met before the full name ("GM" in a headline, "General Motors" in the lead) they
  // are that name all the same.
  const acronym = (t: string): boolean => /^[A-Z]{2,6}$/.test(t);
  for (const r of [...runs.filter((r) => !acronym(r.text)), ...runs.filter((r) => acronym(r.text))]) {
    const lower = r.text.toLowerCase();
    if (people.has(lower) || TITLED.test(r.text) || FUNCTION_WORDS.test(lower)) continue;
    if (r.titleLike && !known.has(lower)) continue;
    const { person: _, ...entity } = names.resolve(r.text, looksLikePersonName(r.text));
    count({ ...entity, kind: 'named' }, r.order < 3 ? 2 : 1, r.order);
  }
  let topic: Entity | null = null;
  let best = 0;
  for (const c of counts.values()) {
    if (c.n > best) {
      best = c.n;
      topic = c.entity;
    }
  }
  return { known, names, topic: best >= 2 ? topic : null };
}
