import { isPlural, singularize, singularizePhrase } from '../singularize.ts';
import { isCapitalized, type Token } from '../tokenize.ts';
import { conceptText, groupWords, type NounPhrase, readNounPhrase } from './nounPhrase.ts';
import { SCALE_WORD_VALUES as SCALE_WORDS, SMALL_NUMBER_VALUES } from './numbers.ts';
import { type Context, type Core, isSentenceStart } from './quantityContext.ts';
import {
  ADJECTIVE_ED_ING,
  CHANGE_DOWN,
  CHANGE_UP,
  COMPOUNDS_WITH_OF,
  CONTAINER_NOUNS,
  DETERMINERS,
  isVerbLike,
  LEVEL_VERBS,
  NP_STOP,
  OF_HEADS,
  STATE_ADJECTIVES,
  UNIT_STOP_ADJECTIVES,
} from './quantityLexicon.ts';

// The counted noun of a count: its unit (the head with classifying modifiers) and its concept (names,
// contents of containers, "of" complements).

/** Superlatives rank what is counted and do not classify it: "two of the largest airlines" counts airlines. */
const SUPERLATIVES = new Set(
  'largest biggest smallest highest lowest oldest newest busiest richest poorest fastest strongest longest greatest best worst leading'.split(
    ' ',
  ),
);

/** States of people a casualty count names: the count is of people. */
export const CASUALTY_STATES = new Set(['wounded', 'injured', 'killed', 'dead', 'missing']);

export interface CountedNoun {
  unit: string | null;
  concept: string | null;
  /** Token index after the head noun (end of the span). */
  headEnd: number;
  /** Token index after the complement. */
  end: number;
}

export function readCountedNoun(ctx: Context, c: Core, j: number): CountedNoun | null {
  const { tokens } = ctx;
  // Partitive and anaphora: "1,000 of them", "300 of the containers", "30 of the 35 drones".
  // "16 out of the top 20 titles" counts titles as "16 of the top 20 titles" does.
  if (tokens[j]?.lower === 'out' && tokens[j + 1]?.lower === 'of') j++;
  if (tokens[j]?.lower === 'of' && !c.takesOf) {
    const nx = tokens[j + 1]?.lower ?? '';
    if (nx === 'them' || nx === 'these' || nx === 'those' || nx === 'which') {
      const prev = [...ctx.out].reverse().find((q) => q.quantity.kind === 'count');
      return { unit: prev?.quantity.unit ?? null, concept: prev?.quantity.concept ?? null, headEnd: j + 2, end: j + 2 };
    }
    // "300 of the containers", "30 of the 35 drones", "38 of 42 Geran-2 drones"
    if (DETERMINERS.has(nx) || tokens[j + 1]?.kind === 'num' || SMALL_NUMBER_VALUES.has(nx)) {
      let k = DETERMINERS.has(nx) ? j + 2 : j + 1;
      // "192 of the legislature's 300 seats": past the possessor.
      for (let p = k; p < Math.min(tokens.length, k + 4); p++) {
        if (tokens[p]!.lower === "'s" || tokens[p]!.lower === '’s') {
          k = p + 1;
          break;
        }
        if (tokens[p]!.kind !== 'word' || NP_STOP.has(tokens[p]!.lower)) break;
      }
      while (tokens[k] && UNIT_STOP_ADJECTIVES.has(tokens[k]!.lower)) k++;
      const t = tokens[k];
      if (t && !ctx.masked[k] && (t.kind === 'num' || SMALL_NUMBER_VALUES.has(t.lower))) k++;
      while (tokens[k] && UNIT_STOP_ADJECTIVES.has(tokens[k]!.lower)) k++;
      const np = readNounPhrase(ctx, k, true);
      if (np) {
        const built = buildCountedNoun(ctx, np);
        if (built) return { ...built, headEnd: c.end, end: built.end };
      }
    }
    return null;
  }
  let k = j;
  let such = false;
  if (tokens[k]?.lower === 'such') {
    such = true;
    k++;
  }
  // "18 more F-16s", "300-500 thousand more recruits", "a further 1,000"
  while (
    tokens[k] &&
    /^(?:more|additional|further|extra|new|other)$/.test(tokens[k]!.lower) &&
    tokens[k + 1]?.kind === 'word' &&
    !NP_STOP.has(tokens[k + 1]!.lower)
  )
    k++;
  const np = readNounPhrase(ctx, k, true);
  if (!np) return null;
  const only = np.words.length === 1 ? np.words[0]! : null;
  if (
    only &&
    ctx.entityToken[np.start] &&
    !isPlural(only.lower) &&
    /^(?:and|or)$/.test(tokens[np.end]?.lower ?? '') &&
    tokens[np.end + 1]?.kind === 'num'
  ) {
    const next = readNounPhrase(ctx, np.end + 2, true);
    const shared = next ? buildCountedNoun(ctx, next) : null;
    if (shared) return { ...shared, headEnd: np.end, end: np.end };
  }
  const built = buildCountedNoun(ctx, np);
  if (built && such && built.unit) built.unit = resolveSuch(ctx, built.unit);
  return built;
}

export function buildCountedNoun(ctx: Context, np: NounPhrase): CountedNoun | null {
  const { tokens } = ctx;
  let groups = groupWords(ctx, np.words);
  // A phrase of state adjectives only counts without naming what: "45 wounded", "87 injured", "150,000
  // dead" count people (news-claims writes casualties as `person`); "ready", "full" count nothing named.
  if (groups.every((g) => STATE_ADJECTIVES.has(g.text.toLowerCase()))) {
    if (!CASUALTY_STATES.has(groups[0]!.text.toLowerCase())) return null;
    return { unit: 'person', concept: null, headEnd: np.end, end: np.end };
  }
  while (groups.length > 1 && STATE_ADJECTIVES.has(groups[groups.length - 1]!.text.toLowerCase()))
    groups = groups.slice(0, -1);
  // Drop nationalities ("Ukrainian civilians", "North Korean troops"), origins ("German-made") and
  // adjectives that do not change what is counted ("additional weapons").
  const head = groups[groups.length - 1]!;
  const modifiers = groups.slice(0, -1).filter((g) => {
    const lw = g.text.toLowerCase();
    if (g.entity) return false;
    if (UNIT_STOP_ADJECTIVES.has(lw) || SUPERLATIVES.has(lw)) return false;
    if (/-(?:made|built|produced|supplied|designed|backed|led|funded|provided|era)$/.test(lw)) return false;
    return true;
  });
  const headWord = head.text;
  const headLower = headWord.toLowerCase();
  if (words1IsVerb(groups, headLower)) return null;
  // "prisoners of war", "heads of state"
  let end = np.end;
  const singular = singularize(headLower);
  if (tokens[end]?.lower === 'of') {
    const compound = `${singular} of ${tokens[end + 1]?.lower ?? ''}`;
    const longer = `${compound} ${tokens[end + 2]?.lower ?? ''}`;
    if (
      COMPOUNDS_WITH_OF[longer] ||
      COMPOUNDS_WITH_OF[`${compound} ${tokens[end + 2]?.lower ?? ''} ${tokens[end + 3]?.lower ?? ''}`]
    ) {
      const n = COMPOUNDS_WITH_OF[longer] ? 3 : 4;
      return { unit: COMPOUNDS_WITH_OF[longer] ?? compound, concept: null, headEnd: end + n, end: end + n };
    }
    if (COMPOUNDS_WITH_OF[compound]) return { unit: compound, concept: null, headEnd: end + 2, end: end + 2 };
  }
  // Proper nouns and acronyms keep their case ("Ukrainian", "TEU", "F-16"); other words are lower-cased.
  const keepCase =
    /^[A-Z]/.test(headWord) &&
    (/[A-Z0-9].*[A-Z0-9-]/.test(headWord.slice(1)) || !isSentenceStart(ctx, head.first) || head.entity);
  const headUnit = keepCase ? singularize(headWord) : singular;
  const proper = modifiers.filter((g) => /^[A-Z0-9]/.test(g.text)).map((g) => g.text);
  const common = modifiers.filter((g) => !/^[A-Z0-9]/.test(g.text)).map((g) => g.text.toLowerCase());
  let unit: string;
  let concept: string | null = null;
  if (CONTAINER_NOUNS.has(singular)) {
    unit = singular;
    if (modifiers.length > 0) concept = singularizePhrase([...proper, ...common].join(' '));
  } else {
    unit = [...common.slice(-3), headUnit].join(' ');
    if (proper.length > 0) concept = [...proper, ...common, headUnit].join(' ');
  }
  // "containers of ammunition", "rounds of ammunition"
  if (tokens[end]?.lower === 'of' && (CONTAINER_NOUNS.has(singular) || OF_HEADS.has(singular))) {
    const comp = readOfComplement(ctx, end + 1);
    if (comp) {
      concept = comp.concept;
      end = comp.end;
    }
  }
  return { unit, concept, headEnd: np.end, end };
}

/** A lone word that reads as a verb is no counted noun ("12 killed"). */
export function words1IsVerb(groups: Array<{ text: string; first: Token }>, headLower: string): boolean {
  if (groups.length !== 1 || isPlural(headLower)) return false;
  if (/ed$/.test(headLower) && !ADJECTIVE_ED_ING.has(headLower)) return true;
  // "500 fell 0.9%": a verb of change or level after a name's number.
  return (
    isVerbLike(groups[0]!.first) &&
    (CHANGE_UP.has(headLower) || CHANGE_DOWN.has(headLower) || LEVEL_VERBS.has(headLower))
  );
}

/** "dozens of such missiles": the missiles named earlier in the sentence ("ballistic missile launchers"). */
export function resolveSuch(ctx: Context, unit: string): string {
  const head = unit.split(' ').pop()!;
  for (let k = 1; k < ctx.tokens.length; k++) {
    const t = ctx.tokens[k]!;
    if (singularize(t.lower) !== head) continue;
    const mods: string[] = [];
    for (let m = k - 1; m >= Math.max(0, k - 2); m--) {
      const w = ctx.tokens[m]!;
      if (
        w.kind !== 'word' ||
        NP_STOP.has(w.lower) ||
        isCapitalized(w) ||
        UNIT_STOP_ADJECTIVES.has(w.lower) ||
        isVerbLike(w)
      )
        break;
      mods.unshift(w.lower);
    }
    if (mods.length > 0) return [...mods, head].join(' ');
  }
  return unit;
}

export function readOfComplement(ctx: Context, j: number): { concept: string; end: number } | null {
  const { tokens } = ctx;
  let k = j;
  while (tokens[k] && (DETERMINERS.has(tokens[k]!.lower) || tokens[k]!.text === '“' || tokens[k]!.text === '"')) k++;
  // "half of all aid", "half of the 1 million shells": a quantifier or a number before the noun.
  if (tokens[k]?.lower === 'all') k++;
  if (tokens[k]?.kind === 'num' && !ctx.masked[k]) {
    k++;
    while (tokens[k] && SCALE_WORDS.has(tokens[k]!.lower)) k++;
  }
  // Possessives: "the country's territory" → "territory"
  if (tokens[k + 1]?.lower === "'s" || tokens[k + 1]?.lower === '’s') k += 2;
  const parts: Token[] = [];
  let end = k;
  for (;;) {
    const np = readNounPhrase(ctx, end, false);
    if (!np) break;
    parts.push(...np.words);
    end = np.end;
    // Coordination: "military equipment and ammunition", "equipment and munitions"
    const c = tokens[end];
    const n = tokens[end + 1];
    if (
      c &&
      n &&
      (c.lower === 'and' || c.lower === 'or') &&
      n.kind === 'word' &&
      !NP_STOP.has(n.lower) &&
      !ctx.entityToken[end + 1]
    ) {
      parts.push(c);
      end++;
      continue;
    }
    break;
  }
  if (parts.length === 0) return null;
  if (tokens[end]?.text === '”' || tokens[end]?.text === '"') end++;
  const concept = conceptText(ctx, parts);
  return concept ? { concept, end } : null;
}
