import type { EntityMention } from '../gazetteer.ts';
import { looksLikePersonName } from '../lexical/personNames.ts';
import type { Pos } from '../lexical/tagSentence.ts';
import { LEX, senses } from '../lexical/wordnet.ts';
import { singularize } from '../singularize.ts';
import type { Token } from '../tokenize.ts';
import type { ArticleNames } from './entityNames.ts';

/** Lower-case words that may join the capitalised words of one name: "Bank of America", "Procter & Gamble". */
const NAME_JOINERS = new Set([
  'of',
  'and',
  '&',
  'for',
  'on',
  'de',
  'du',
  'des',
  'van',
  'von',
  'der',
  'la',
  'le',
  'del',
  'the',
]);

const CALENDAR = new Set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep sept oct nov dec'.split(
    ' ',
  ),
);

/** Function words a quotation or a heading capitalises: never a name by themselves. */
export const FUNCTION_WORD =
  /^(?:a|an|the|in|on|at|of|for|to|from|by|with|as|it|its|this|that|these|those|he|she|they|we|i|you|but|and|or|if|when|while|after|before|since|so|yet|there|here|what|who|how|why|all|some|no|not|one|our|my|his|her|their)$/;

/** A capital opens the word, or a lower-case letter opens a capitalised brand ("iPod", "eBay"). */
const isCapitalised = (t: Token): boolean => t.kind === 'word' && /^(?:\p{Lu}|\p{Ll}\p{Lu})/u.test(t.text);

const titleCache = new Map<string, boolean>();
const commonCache = new Map<string, boolean>();

/** A word WordNet knows in lower case as a noun, verb or adjective stem ("photographs", "shares"). */
function isCommonWord(word: string): boolean {
  const w = word.toLowerCase();
  let hit = commonCache.get(w);
  if (hit === undefined) {
    // Regular plurals, and the irregular "-men" of "gunmen", "fishermen".
    const stem = w.endsWith('ies')
      ? `${w.slice(0, -3)}y`
      : w.endsWith('men')
        ? `${w.slice(0, -3)}man`
        : w.endsWith('s')
          ? w.slice(0, -1)
          : w;
    const common = (x: string, pos: 'n' | 'v'): boolean => senses(x, pos).some((s) => !s.proper);
    hit = common(w, 'n') || common(stem, 'n') || common(w, 'v') || common(stem, 'v');
    commonCache.set(w, hit);
  }
  return hit;
}

/** A word WordNet knows in lower case as an adjective ("traditional", "fresh"). */
export function isAdjective(word: string): boolean {
  const w = word.toLowerCase();
  return senses(w, 'a').length > 0;
}

/**
 * A title or role word ("President", "Chairman", "Analyst"): in WordNet its most frequent noun sense
 * is a person. Such a word splits a run of capitals between a country or organisation and a person
 * ("Russian President Vladimir Putin"), and alone it names nobody.
 */
export function isPersonNoun(word: string): boolean {
  const w = word.toLowerCase();
  let hit = titleCache.get(w);
  if (hit === undefined) {
    // The first common sense: "Ford" the person is a proper noun in WordNet, no title.
    const first = senses(w, 'n').find((x) => !x.proper);
    hit = first !== undefined && first.lexFile === LEX.nounPerson;
    titleCache.set(w, hit);
  }
  return hit;
}

export interface NamedMentionContext {
  tokens: readonly Token[];
  pos: readonly Pos[];
  /** Mentions of the gazetteer (countries, organisations): they win over a run of capitals they cover. */
  gazetteerMentions: readonly EntityMention[];
  /** Tokens of dates, times and quantities: never part of a name. */
  excluded: Uint8Array;
  /** A headline or caption in title case: only names seen elsewhere in the article count there. */
  titleCase: boolean;
  /** Names written mid-sentence somewhere in the article, lower-cased. */
  knownNames: ReadonlySet<string>;
  names: ArticleNames;
  /** Tokens of bare numbers (no unit, nothing counted): after a name they are part of it ("PlayStation 2"). */
  bareNumber: Uint8Array;
}

/**
 * Named entities of a sentence: the gazetteer's mentions, and runs of capitalised words (with the
 * joiners of names between them) that the gazetteer does not cover. A run at the start of the
 * sentence counts when the tagger calls it a proper noun or the article names it elsewhere, so that
 * "Overall", "Shares" or "Net" opening a sentence name nobody. A person word inside a run that a
 * name follows splits it ("Russian President Vladimir Putin" → Russia, Vladimir Putin).
 */
export function namedMentions(ctx: NamedMentionContext): EntityMention[] {
  const { tokens, excluded } = ctx;
  // A state's name or demonym that opens a longer name is part of it: "American Airlines", "UK
  // Independence Party", "British Government" — not "US Ambassador …", where a title follows.
  const gazetteer = ctx.gazetteerMentions.filter((m) => {
    const next = tokens[m.end];
    return !(
      next &&
      isCapitalised(next) &&
      !excluded[m.end] &&
      !CALENDAR.has(next.lower) &&
      !isPersonNoun(next.text) &&
      // "Chinese PC sales": a common acronym after a demonym is what it qualifies.
      !(/^\p{Lu}{2,5}s?$/u.test(next.text) && isCommonWord(next.text.replace(/s$/, ''))) &&
      m.entity.id.length <= 3
    );
  });
  const covered = new Int32Array(tokens.length).fill(-1);
  gazetteer.forEach((m, i) => {
    for (let k = m.start; k < m.end; k++) covered[k] = i;
  });
  const out: EntityMention[] = [...gazetteer];
  let i = 0;
  while (i < tokens.length) {
    if (!isCapitalised(tokens[i]!) || excluded[i] || covered[i]! >= 0 || CALENDAR.has(tokens[i]!.lower)) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < tokens.length) {
      const t = tokens[end]!;
      if (excluded[end] || covered[end]! >= 0 || CALENDAR.has(t.lower)) break;
      if (isCapitalised(t) || (t.text === '-' && !t.spaceBefore && tokens[end + 1] && !tokens[end + 1]!.spaceBefore)) {
        end++;
        continue;
      }
      if (NAME_JOINERS.has(t.lower) && tokens[end + 1] && isCapitalised(tokens[end + 1]!) && covered[end + 1]! < 0) {
        end += 2;
        continue;
      }
      break;
    }
    // "PlayStation 2", "S&P 500", "Formula 1": a bare number right after a name is part of it.
    if (ctx.bareNumber[end] && tokens[end]!.spaceBefore) end++;
    const parts = splitAtTitles(tokens, i, end, (k) => ctx.gazetteerMentions.some((m) => k >= m.start && k < m.end));
    parts.forEach(([s, e], n) => {
      addRun(ctx, s, e, out, n > 0 || introducedAsPerson(tokens, i));
    });
    i = end;
  }
  return out.sort((a, b) => a.start - b.start);
}

function splitAtTitles(
  tokens: readonly Token[],
  start: number,
  end: number,
  isStateWord: (k: number) => boolean,
): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let s = start;
  for (let k = start; k < end - 1; k++) {
    // "American" is a person in WordNet too; a state's demonym opening a name is no title.
    if (
      isCapitalised(tokens[k]!) &&
      !isStateWord(k) &&
      isPersonNoun(tokens[k]!.text) &&
      isCapitalised(tokens[k + 1]!) &&
      // "General Motors", "General Mills": a plural common noun after the word is no person's name.
      !(/s$/.test(tokens[k + 1]!.text) && isCommonWord(tokens[k + 1]!.text) && !isCommonWord(`${tokens[k + 1]!.text}s`))
    ) {
      if (k > s) parts.push([s, k]);
      s = k + 1;
    }
  }
  parts.push([s, end]);
  return parts;
}

/**
 * A name that opens with an honorific is a person's: "Mr Jobs", "Sir Christopher Ondaatje". A
 * lower-case noun before a name says nothing sure ("philanthropist …" is a person, "rival Shell",
 * "tractor maker Mahindra" are companies).
 */
function introducedAsPerson(tokens: readonly Token[], start: number): boolean {
  return /^(?:Mr|Mrs|Ms|Dr|Prof|Sir|Dame|Lord|Lady)\.?$/.test(tokens[start]!.text);
}

/** "the average English bill": a nationality before a lower-case noun qualifies it; it names nobody. */
export function qualifiesNoun(tokens: readonly Token[], start: number, end: number): boolean {
  const next = tokens[end];
  return (
    end - start === 1 &&
    /(?:ish|ese)$/.test(tokens[start]!.lower) &&
    next?.kind === 'word' &&
    /^\p{Ll}/u.test(next.text)
  );
}

/**
 * Whether token `i` is capitalised by its position: it opens the sentence, or follows a dateline
 * ("CAIRO — Gunmen opened fire"), a colon, an opening quotation mark or parenthesis.
 */
export function opensSentence(tokens: readonly Token[], i: number): boolean {
  if (i === 0) return true;
  const before = tokens[i - 1]!.text;
  if (/^[:“"(‘]$/.test(before)) return true;
  if (!/^[—–-]$/.test(before)) return false;
  // A dateline: capitals only (and commas) before the dash.
  for (let k = 0; k < i - 1; k++) if (!/^(?:\p{Lu}[\p{Lu}.'’-]*|,)$/u.test(tokens[k]!.text)) return false;
  return true;
}

/**
 * A capitalised singular word opening the sentence as an owner, with no article before it ("Apex's
 * shares fell"): a common noun would need one ("The company's shares"), so it is a name. Plurals
 * ("Children's"), times ("Monday's", "Today's") and substances ("Oil's rally") own without one.
 */
const DETERMINER = /^(?:the|a|an|this|that|its|their|his|her|our|your|my)$/;

function ownerWithoutArticle(tokens: readonly Token[], start: number, end: number): boolean {
  const mark = tokens[end]?.lower;
  if (mark !== "'s" && mark !== '’s') return false;
  const w = tokens[start]!.lower;
  if (singularize(w) !== w) return false;
  const first = senses(w, 'n')[0];
  return first === undefined || (first.lexFile !== LEX.nounTime && first.lexFile !== LEX.nounSubstance);
}

function addRun(ctx: NamedMentionContext, start: number, end: number, out: EntityMention[], person = false): void {
  const { tokens, pos } = ctx;
  // Joiners never open or close a name, nor does a function word capitalised by position ("A Gallup
  // poll", "But the Conservatives").
  while (start < end && (!isCapitalised(tokens[start]!) || FUNCTION_WORD.test(tokens[start]!.lower))) start++;
  while (end > start && !isCapitalised(tokens[end - 1]!) && !ctx.bareNumber[end - 1]) end--;
  if (start >= end) return;
  const text = tokens
    .slice(start, end)
    .map((t, k) => (k > 0 && t.spaceBefore ? ' ' : '') + t.text)
    .join('');
  const lower = text.toLowerCase();
  if (FUNCTION_WORD.test(lower)) return;
  const known = ctx.knownNames.has(lower);
  if (ctx.titleCase && !known) return;
  // A capitalised word opening the sentence is a name when the article names it elsewhere, or when it
  // is no common English word ("Photographs show", "Shares fell" name nobody).
  // "CAIRO —" opening a report is its dateline: where it was filed, not what the sentence is about.
  if (
    start === 0 &&
    /^[—–-]$/.test(tokens[end]?.text ?? '') &&
    tokens.slice(start, end).every((t) => !/\p{Ll}/u.test(t.text))
  )
    return;
  const opening = opensSentence(tokens, start);
  const owner = opening && end - start === 1 && ownerWithoutArticle(tokens, start, end);
  if (opening && end - start === 1 && !known && isCommonWord(text) && !owner) return;
  // Opening a sentence, a word the tagger reads as an adjective, adverb or verb names nobody
  // ("Fresh halibut fillets", "Just the data", "Included will be").
  if (opening && end - start === 1 && !known && !owner && /^(?:ADJ|ADV|VERB|AUX|ADP|SCONJ)$/.test(ctx.pos[start] ?? ''))
    return;
  // Whatever the tagger says, an adjective WordNet knows before a lower-case word opens a noun phrase
  // ("Traditional drugs", "Fresh fillets"): no name unless the article writes it as one elsewhere.
  if (opening && end - start === 1 && !known && isAdjective(text) && /^\p{Ll}/u.test(tokens[end]?.text ?? '')) return;
  if (qualifiesNoun(tokens, start, end)) return;
  // "DVD", "TV", "GDP": an acronym WordNet knows as a common noun is no name.
  // The initials of a name the article gave before ("GM" after "General Motors") are that name.
  if (end - start === 1 && /^\p{Lu}{2,5}$/u.test(text) && isCommonWord(text) && !ctx.names.isInitialsOfKnown(text))
    return;
  if (end - start === 1 && (pos[start] === 'PRON' || pos[start] === 'DET')) return;
  // "the Chancellor", "Minister": a person word alone is a title, unless nothing makes it one ("talks
  // with Yahoo", "Yahoo's sale" opening a sentence).
  if (end - start === 1 && isPersonNoun(text) && !owner && (opening || DETERMINER.test(tokens[start - 1]?.lower ?? '')))
    return;
  const { person: isPerson, ...entity } = ctx.names.resolve(text, person || looksLikePersonName(text));
  out.push({ entity: { ...entity, kind: isPerson ? 'person' : 'named' }, form: 'name', start, end });
}
