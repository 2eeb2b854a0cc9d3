import type { Entity, EntityMention } from '../gazetteer.ts';
import type { ArticleNames } from './entityNames.ts';
import { isAdjective } from './namedMentions.ts';
import type { SentenceView } from './sentenceView.ts';

/** What the article has said so far: the entity a pronoun or "the company" refers back to. */
export interface ArticleFocus {
  /** The entity the article is about: the one named most, the headline and lead counting double. */
  topic: Entity | null;
  /** The subject of the last figure found. */
  last: Entity | null;
  /** The last subject found that is a name (a company, a body, a state), not people or a group. */
  lastNamed?: Entity | null;
  /** The article's names: "the department" is the one named "Department of …". */
  names?: ArticleNames;
}

/**
 * The entity a bare measure ("Net profit rose 70%") or "the company" is about: the last named
 * subject (a company discussed in its own paragraph), else the article's topic, else the last
 * subject of any kind.
 */
export function focusEntity(focus: ArticleFocus): Entity | null {
  if (focus.last?.kind === 'named') return focus.last;
  // People and groups named by a common noun ("police", "gunmen") own no bare measure.
  if (focus.topic) return focus.topic;
  if (focus.last?.kind !== 'person' && focus.last?.kind !== 'group' && focus.last) return focus.last;
  return focus.lastNamed ?? null;
}

/**
 * What "it", "its", "they" or "their" at token `a` refers to: the nearest name before it in the same
 * sentence that is no person ("BP added that it was increasing its dividend", "Southwest Airlines saw
 * its profits fall"), else the article's focus.
 */
export function referent(view: SentenceView, a: number, focus: ArticleFocus): Entity | null {
  for (let i = view.mentions.length - 1; i >= 0; i--) {
    const m = view.mentions[i]!;
    if (m.end > a) continue;
    // "Inbev's European business": a nationality qualifying a noun owns nothing.
    if (qualifiesNext(view, m)) continue;
    if (m.entity.kind !== 'person' && m.entity.kind !== 'group') return m.entity;
  }
  return focusEntity(focus);
}

/** A one-word name used as an adjective before a lower-case noun: "European business", "English bill". */
export function qualifiesNext(view: SentenceView, m: EntityMention): boolean {
  const next = view.tokens[m.end];
  return (
    m.end - m.start === 1 &&
    next?.kind === 'word' &&
    /^\p{Ll}/u.test(next.text) &&
    (m.form === 'demonym' || isAdjective(view.tokens[m.start]!.text))
  );
}
