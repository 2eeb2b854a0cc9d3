import { singularize, singularizePhrase } from '../singularize.ts';
import { isCapitalized, type Token } from '../tokenize.ts';
import type { QuantityKind } from '../types.ts';
import { type Context, firstWordIndex } from './quantityContext.ts';
import {
  AUXILIARIES,
  CHAIN_PREPOSITIONS,
  CHANGE_DOWN,
  CHANGE_NOUNS_DOWN,
  CHANGE_NOUNS_UP,
  CHANGE_UP,
  DETERMINERS,
  INTRANSITIVE_CHANGE,
  isVerbLike,
  LEVEL_VERBS,
  NP_STOP,
  PARTICLE_VERBS,
  TRANSITIVE_CHANGE,
} from './quantityLexicon.ts';

// The concept named before a number, read leftwards from the verb or preposition that introduces it
// ("inflation rose to 7.4%", "a budget of $5 billion").

/** Verbs that set a figure to a level or move it by a multiple: "pegged at", "halving its stake to 10%". */
const MOVING_VERBS =
  /^(?:set|put|pegged|fixed|capped|kept|halving|halved|doubling|doubled|tripling|tripled|lifting|lifted|boosting)$/;

/** Nouns that name a figure of what stands before them: "a record of", "an average of", "a total of". */
const FIGURE_HEADS = new Set(['record', 'average', 'total', 'maximum', 'minimum', 'sum']);

/** States a figure stays in, between its verb and "at": "remained steady at", "stood unchanged at". */
const STATE_AFTER_VERB = new Set(['steady', 'unchanged', 'flat', 'stable', 'firm', 'constant', 'level']);

function isVerbOfLevel(w: string): boolean {
  return (
    LEVEL_VERBS.has(w) ||
    INTRANSITIVE_CHANGE.has(w) ||
    AUXILIARIES.has(w) ||
    /^(?:remained|stayed|held|holds|stands|stood)$/.test(w)
  );
}

/**
 * The concept named before the number: "inflation rose to 7.4%", "the death toll from the strike on
 * Dnipro rose to 46", "an aid package of $400 million", "support for military aid fell to 48%",
 * "the government raised the minimum wage to 8,000 hryvnias", "the package, worth about $2.5 billion".
 */
export function readConceptBefore(ctx: Context, start: number, kind: QuantityKind): string | null {
  const { tokens } = ctx;
  let k = start - 1;
  // "hit a record 1,700 MW", "plus or minus 3 points"
  while (k >= 0 && /^(?:record|new|high|low|all-time|minus|plus|or)$/.test(tokens[k]!.lower)) k--;
  if (k >= 0 && /^(?:a|an)$/.test(tokens[k]!.lower)) k--;
  // "rose to a new record of £27.9bn", "stands at an average of 28.6%": the figure is the phrase's.
  if (tokens[k]?.lower === 'of' && FIGURE_HEADS.has(tokens[k - 1]?.lower ?? '')) {
    k -= 2;
    while (k >= 0 && /^(?:new|all-time|record)$/.test(tokens[k]!.lower)) k--;
    if (k >= 0 && /^(?:a|an|the)$/.test(tokens[k]!.lower)) k--;
  }
  const link = tokens[k]?.lower ?? '';
  if (/^(?:by|to|at|from|for|of)$/.test(link)) k--;
  // "remained steady at £1.5bn", "was currently at 62%", "fell slightly to": past the adverb or state to the verb.
  if (link !== 'of' && link !== 'for') {
    let v = k;
    while (v > 0 && (STATE_AFTER_VERB.has(tokens[v]!.lower) || /^[a-z]{3,}ly$/.test(tokens[v]!.text))) v--;
    if (v < k && v >= 0 && isVerbOfLevel(tokens[v]!.lower)) k = v;
  }
  if (k < 0) return null;
  const w = tokens[k]!.lower;
  const passive = /^(?:was|were|been|be|being)$/.test(tokens[k - 1]?.lower ?? '');
  // After "of" the word is a noun ("a cost of", "a set of"), never the verb of a level.
  // "is expected to total nearly $1 trillion"
  const totalVerb = w === 'total' && tokens[k - 1]?.lower === 'to';
  const verb =
    link !== 'of' &&
    (LEVEL_VERBS.has(w) ||
      totalVerb ||
      (INTRANSITIVE_CHANGE.has(w) && (kind === 'percent' || !TRANSITIVE_CHANGE.has(w))));
  const particle = w === 'up' || w === 'down';
  if (verb || (particle && link !== 'to')) {
    if (w === 'hit' && passive) return null;
    k--;
    // "is expected to reach", "wants to reach": the subject stands before the infinitive's verb.
    if (tokens[k]?.lower === 'to') {
      k--;
      // "is expected to reach": skip to the subject; "expects exports to fall": the noun before "to" is it.
      if (
        /^(?:expected|likely|set|due|forecast|projected|going|supposed|able|unlikely|poised)$/.test(
          tokens[k]?.lower ?? '',
        )
      )
        k--;
      // "is on track to hit"
      else if (tokens[k]?.lower === 'track' && tokens[k - 1]?.lower === 'on') k -= 2;
      else if (!tokens[k] || isVerbLike(tokens[k]!) || NP_STOP.has(tokens[k]!.lower)) return null;
    }
    while (k >= 0 && AUXILIARIES.has(tokens[k]!.lower)) k--;
    // "The FTSE 100 closed up 0.5%": the verb before the particle.
    if (particle)
      while (
        k > 0 &&
        (isVerbLike(tokens[k]!) || AUXILIARIES.has(tokens[k]!.lower) || PARTICLE_VERBS.has(tokens[k]!.lower))
      )
        k--;
    // An infinitive after another verb: "expects the economy to grow" — the subject of "grow"; "sales
    // up 21%" — the noun right before the particle, no phrase across other prepositions.
    return collectLeft(ctx, k, !particle)?.text ?? null;
  }
  if (link === 'worth' || w === 'worth') {
    // "The package, worth about $2.5 billion"
    if (w === 'worth') k--;
    if (tokens[k]?.text === ',') k--;
    return collectLeft(ctx, k, false)?.text ?? null;
  }
  if (link === 'of' || link === 'at') {
    // "a budget of $5 billion", "casualties at more than 300,000", "speeds of up to 185 km/h"
    // "a loss of $470m" is the size of the loss; "a loss of 5%" is a change.
    const np = collectLeft(ctx, k, false);
    const change = np !== null && (CHANGE_NOUNS_UP.has(np.head) || CHANGE_NOUNS_DOWN.has(np.head));
    if (np && (!change || (kind === 'money' && /^(?:loss|gain|cut|reduction)$/.test(np.head)))) return np.text;
    return null;
  }
  if (link === 'to' || link === 'by' || link === 'from') {
    // "raised the minimum wage to 8,000 hryvnias", "increase the number of colleges from 350": the object is the concept.
    const np = collectLeft(ctx, k, false);
    if (np && np.start > 0) {
      const v = tokens[np.start - 1]!.lower;
      if (CHANGE_UP.has(v) || CHANGE_DOWN.has(v) || MOVING_VERBS.test(v)) return np.text;
      // "boosted its share of Brazil's beer market from 62%": the verb stands before the possessor.
      for (let m = np.start - 1; m >= Math.max(0, np.start - 6); m--) {
        const t = tokens[m]!;
        if (CHANGE_UP.has(t.lower) || CHANGE_DOWN.has(t.lower) || MOVING_VERBS.test(t.lower)) return np.text;
        // Only across a possessor and "of": "its share of Brazil's".
        const linking = t.lower === "'s" || t.lower === '’s' || t.lower === 'of' || DETERMINERS.has(t.lower);
        if (!linking && (t.kind !== 'word' || isVerbLike(t) || NP_STOP.has(t.lower))) break;
      }
    }
    return null;
  }
  if (kind === 'count') return null;
  return null;
}

/**
 * The noun phrase ending at token `k`, read leftwards. A determiner closes the phrase unless an
 * "of"/"for" (or, for a subject, any preposition) links it to a head further left: "the death toll
 * from the strike on Dnipro" → "death toll", "support for military aid to Ukraine" → "support for
 * military aid", "the share of people who consider Russia an enemy" → "share of people".
 */
export function collectLeft(
  ctx: Context,
  k: number,
  subject: boolean,
): { text: string; start: number; head: string } | null {
  const { tokens } = ctx;
  let i = k;
  let start = k + 1;
  // Skip a relative clause back to its head: "people who consider Russia an enemy".
  for (let r = k; r >= Math.max(0, k - 8); r--) {
    if (/^(?:who|which|that)$/.test(tokens[r]!.lower)) {
      // "Given that the total public debt …": "that" after a verb opens a clause, not a relative.
      const head = tokens[r - 1];
      if (head?.kind !== 'word' || NP_STOP.has(head.lower) || isVerbLike(head) || r - 1 === firstWordIndex(tokens))
        break;
      i = r - 1;
      start = r;
      break;
    }
  }
  const end = start === k + 1 ? k + 1 : start;
  let steps = 0;
  while (i >= 0 && steps < 16) {
    const t = tokens[i]!;
    const w = t.lower;
    if (w === "'s" || w === '’s') break;
    if (DETERMINERS.has(w)) {
      start = i;
      const p = tokens[i - 1]?.lower ?? '';
      if ((p === 'of' || p === 'for' || (subject && CHAIN_PREPOSITIONS.has(p))) && i - 2 >= 0) {
        i -= 1;
        steps++;
        continue;
      }
      break;
    }
    if (CHAIN_PREPOSITIONS.has(w)) {
      if (!(w === 'of' || w === 'for' || subject)) break;
      start = i;
      i--;
      steps++;
      continue;
    }
    if (t.kind === 'word' && !NP_STOP.has(w) && !isVerbLike(t)) {
      start = i;
      i--;
      steps++;
      continue;
    }
    if (t.text === '-' && !t.spaceBefore) {
      start = i;
      i--;
      continue;
    }
    // "Russia's defence budget for 2025 is set at …": a year inside the phrase; "the FTSE 100": a name's number.
    if (t.kind === 'num' && (CHAIN_PREPOSITIONS.has(tokens[i - 1]?.lower ?? '') || nameNumber(tokens, i))) {
      start = i;
      i--;
      continue;
    }
    break;
  }
  const words = tokens.slice(start, end).filter((t, n) => t.kind !== 'num' || nameNumber(tokens, start + n));
  // Read left to right: the head noun phrase, then "of"/"for" phrases; other prepositions end it.
  const out: string[] = [];
  let sawNoun = false;
  let head = '';
  for (const t of words) {
    const lw = t.lower;
    if (DETERMINERS.has(lw)) continue;
    if (CHAIN_PREPOSITIONS.has(lw)) {
      if (!sawNoun) continue;
      if ((lw === 'of' || lw === 'for') && out.length < 6) {
        out.push(lw);
        continue;
      }
      break;
    }
    const idx = tokens.indexOf(t);
    if (ctx.entityToken[idx] && isCapitalized(t) && !/^[A-Z]{2,}$/.test(t.text)) {
      // A place in the phrase ends it ("exports to China"); before the head it is a possessor-like modifier.
      if (sawNoun) break;
      continue;
    }
    if (t.text === '-' && out.length > 0) {
      out[out.length - 1] += '-';
      continue;
    }
    const text = idx === firstWordIndex(tokens) && /^[A-Z][a-z]+$/.test(t.text) ? lw : t.text;
    if (out.length > 0 && out[out.length - 1]!.endsWith('-')) out[out.length - 1] += text;
    else out.push(text);
    if (!sawNoun || out[out.length - 2] !== 'of') head = lw;
    sawNoun = true;
  }
  while (out.length > 0 && /^(?:of|for)$/.test(out[out.length - 1]!)) out.pop();
  if (out.length === 0) return null;
  if (out.length === 1 && /^(?:it|they|this|that|which|who|he|she)$/.test(out[0]!.toLowerCase())) return null;
  return { text: singularizePhrase(out.join(' ')), start, head: singularize(head) };
}

/** A number that belongs to the name before it: "FTSE 100", "Nikkei 225". */
function nameNumber(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  return (
    prev !== undefined && isCapitalized(prev) && /^\d{1,4}$/.test(tokens[i]!.text) && !tokens[i]!.text.startsWith('0')
  );
}
