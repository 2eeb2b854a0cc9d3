import type { Entity } from '../gazetteer.ts';
import { ArticleNames } from '../sentence/entityNames.ts';
import type { SentenceInfo } from './sentenceInfo.ts';

const CAPITAL = /^\p{Lu}/u;
const CALENDAR =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?$/;
const JOINERS = new Set(['of', 'and', '&', 'for', 'on', 'de', 'van', 'von', 'der', 'the']);

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
  all.forEach((info, order) => {
    const weight = order < 3 ? 2 : 1;
    for (const m of info.mentions) count(m.entity, weight, order);
    const { tokens } = info;
    let i = 1;
    while (i < tokens.length) {
      if (
        tokens[i]!.kind !== 'word' ||
        !CAPITAL.test(tokens[i]!.text) ||
        info.mentions.some((m) => m.start <= i && i < m.end)
      ) {
        i++;
        continue;
      }
      let end = i + 1;
      while (end < tokens.length) {
        const t = tokens[end]!;
        if (t.kind === 'word' && CAPITAL.test(t.text) && !CALENDAR.test(t.text)) end++;
        else if (JOINERS.has(t.lower) && tokens[end + 1] && CAPITAL.test(tokens[end + 1]!.text)) end += 2;
        else break;
      }
      const text = tokens
        .slice(i, end)
        .map((t, k) => (k > 0 && t.spaceBefore ? ' ' : '') + t.text)
        .join('');
      if (!info.titleLike) {
        known.add(text.toLowerCase());
        // Each name once per sentence: a long list of one name weighs as one mention.
        count({ ...names.resolve(text), kind: 'named' }, weight, order);
      }
      i = end;
    }
  });
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
