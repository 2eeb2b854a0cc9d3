import type { SentenceInfo } from '../article/sentenceInfo.ts';
import type { Entity, EntityMention, Gazetteer } from '../gazetteer.ts';
import { wordSet } from '../lexicon.ts';
import type { Predicate, Trigger } from '../predicates.ts';
import type { Token } from '../tokenize.ts';

/** Who sent and who received in the arms and aid table's sentences: the subject, the recipient. */

/** Prepositions before a name that make it no subject: "to Russia", "from North Korea", "in Ukraine". */
const OBLIQUE = wordSet(`
  to from in at with against for into of on toward towards across near over between via than onto within inside
  outside about like
`);

export interface ArmsRoles {
  subject: Entity | null;
  recipient: Entity | null;
  reversedTo?: Predicate;
}

export function rolesFor(
  info: SentenceInfo,
  trigger: Trigger,
  k: number,
  qs: number,
  qe: number,
  clause: [number, number],
  _gazetteer: Gazetteer,
): ArmsRoles {
  const { tokens } = info;
  // Helpers are module functions, not closures: this runs once per figure, and closures made per
  // call cost more than the work they do here.
  const mentions = info.mentions.filter(
    (m) =>
      m.start >= clause[0] &&
      m.end <= clause[1] &&
      // Places in the speaker's name or role ("the spokesperson for Ukraine's military intelligence") are no party.
      !info.attributions.some(
        (a) =>
          (m.start >= a.npStart && m.end <= a.npEnd) ||
          (a.roleSpan !== undefined && m.start >= a.roleSpan[0] && m.end <= a.roleSpan[1]),
      ),
  );
  // The recipient written after this figure, before the next one: "$14 billion to Israel and $9 billion to Gaza".
  const figureEnd = tokens[qe - 1]?.end ?? 0;
  let nextFigure = Number.POSITIVE_INFINITY;
  for (const q of info.quantities) {
    if (q.span[0] > figureEnd) {
      nextFigure = q.span[0];
      break;
    }
  }
  const left = mentions.filter((m) => {
    const p = prepositionBefore(tokens, m);
    return m.end <= k && !OBLIQUE.has(p) && p !== 'by';
  });
  const leftSubject = left[left.length - 1] ?? null;
  const passive =
    /^(?:was|were|been|being|be|is|are)$/.test(tokens[k - 1]?.lower ?? '') ||
    (k >= qe && trigger.predicate !== 'casualties');

  if (trigger.sufferer) {
    // "Russia has suffered 5,700 casualties": the subject lost them; an agent, if named, inflicted them.
    const by = firstAfter(mentions, tokens, k + 1, ['by']);
    return { subject: by?.entity ?? null, recipient: leftSubject?.entity ?? null };
  }

  if (trigger.reverse) {
    const from = firstAfter(mentions, tokens, k + 1, ['from']);
    if (from) {
      return { subject: from.entity, recipient: leftSubject?.entity ?? null, reversedTo: 'transfer' };
    }
    if (trigger.predicate === 'purchase') return { subject: leftSubject?.entity ?? null, recipient: null };
    return { subject: null, recipient: leftSubject?.entity ?? null };
  }

  switch (trigger.predicate) {
    case 'stock':
    case 'produce':
    case 'spend':
    case 'price':
    case 'poll':
    case 'displace':
      return { subject: (leftSubject ?? mentions[0])?.entity ?? null, recipient: null };
    case 'casualties':
    case 'destroy':
    case 'capture': {
      // The victim or the owner of what was destroyed is named on the counted noun: "12 Russian tanks".
      const target =
        trigger.predicate === 'casualties'
          ? null
          : firstAfter(mentions, tokens, k + 1, ['at', 'on', 'against', 'toward', 'towards', 'over', 'into']);
      const victim = target ?? mentions.find((m) => m.start >= qs && m.start <= qe + 2) ?? null;
      // "killed in Ukraine" is a place; "by Russian forces" and "in Russian strikes" name the attacker.
      const byAgent = firstAfter(mentions, tokens, k + 1, ['by']);
      const inAttack = mentions.find(
        (m) =>
          m.start > k &&
          prepositionBefore(tokens, m) === 'in' &&
          /^(?:strikes?|attacks?|shelling|bombing|raids?|fire|offensive)$/.test(tokens[m.end]?.lower ?? ''),
      );
      const attacker = k < qs ? leftSubject : (byAgent ?? inAttack ?? null);
      // "were killed in Ukraine": without a nationality on the victims, the place names them.
      const place = trigger.predicate === 'casualties' && !victim ? firstAfter(mentions, tokens, k + 1, ['in']) : null;
      if (place && place !== inAttack) return { subject: attacker?.entity ?? null, recipient: place.entity };
      return { subject: attacker?.entity ?? null, recipient: victim?.entity ?? null };
    }
    default: {
      let subject = passive
        ? (firstAfter(mentions, tokens, k + 1, ['by', 'from'])?.entity ?? null)
        : (leftSubject?.entity ?? null);
      if (!subject && passive) subject = leftSubject?.entity ?? null;
      // Double object: "sent Russia 1,000 containers", "supplied Russia with …".
      let recipient: EntityMention | null = null;
      const next = mentions.find((m) => m.start === k + 1 || (m.start === k + 2 && tokens[k + 1]?.lower === 'the'));
      if (next && !passive && (next.end === qs || tokens[next.end]?.lower === 'with' || next.end <= qs))
        recipient = next;
      const targetPreps =
        trigger.predicate === 'launch'
          ? ['at', 'on', 'against', 'toward', 'towards', 'over', 'into']
          : ['to', 'into', 'for'];
      recipient ??=
        afterFigure(mentions, tokens, qe, nextFigure, targetPreps) ?? firstAfter(mentions, tokens, k + 1, targetPreps);
      const r = recipient?.entity ?? null;
      return { subject: subject && r && subject.id === r.id ? null : subject, recipient: r };
    }
  }
}

/** The word before a mention, skipping "the": "to (the) Netherlands" → `to`. */
export function prepositionBefore(tokens: Token[], m: EntityMention): string {
  let p = m.start - 1;
  if (tokens[p]?.lower === 'the') p--;
  return tokens[p]?.lower ?? '';
}

/** The first mention at or after token `from` introduced by one of `preps`. */
export function firstAfter(
  mentions: EntityMention[],
  tokens: Token[],
  from: number,
  preps: string[],
): EntityMention | null {
  for (const m of mentions) if (m.start >= from && preps.includes(prepositionBefore(tokens, m))) return m;
  return null;
}

/** The first mention after the figure ending at token `qe` and before the next figure, introduced by one of `preps`. */
export function afterFigure(
  mentions: EntityMention[],
  tokens: Token[],
  qe: number,
  nextFigure: number,
  preps: string[],
): EntityMention | null {
  for (const m of mentions) {
    if (m.start >= qe && tokens[m.start]!.start < nextFigure && preps.includes(prepositionBefore(tokens, m))) return m;
  }
  return null;
}

/** The index of the first token ending after `offset`. */
export function tokenIndexAt(tokens: Token[], offset: number): number {
  for (let i = 0; i < tokens.length; i++) if (tokens[i]!.end > offset) return i;
  return tokens.length;
}
