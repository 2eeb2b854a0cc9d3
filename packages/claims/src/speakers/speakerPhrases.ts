import { looksLikePersonName } from '../lexical/personNames.ts';
import { senses } from '../lexical/wordnet.ts';
import { isPersonNoun } from '../sentence/namedMentions.ts';
import type { Token } from '../tokenize.ts';
import type { AttributionOptions } from './attribution.ts';
import { looksLikeRole, roleBeforeName } from './speakerRoles.ts';
import { isCapitalizedMidSentence, nameishAt, stripArticle, textOf } from './speakerTokens.ts';
import {
  ADVERBS_BEFORE_VERB,
  CLAUSE_OPENERS,
  CONNECTORS,
  isQuote,
  PRONOUNS,
  ROLE_WORDS,
  SPEAKER_HEADS,
  SPEECH_VERBS,
} from './speakerWords.ts';

/** The speaker phrase beside a reporting verb: right of it ("said X, …") or left of it ("X said"). */
/** A speaker phrase right of `from`, ending at a comma, full stop or the end of the sentence. */
export function rightPhrase(
  tokens: Token[],
  from: number,
  opts: AttributionOptions,
): { start: number; end: number } | null {
  let k = from;
  while (k < tokens.length && opts.isDate[k]) k++;
  if (tokens[k]?.lower === 'on' && opts.isDate[k + 1]) {
    k++;
    while (k < tokens.length && opts.isDate[k]) k++;
  }
  const start = k;
  while (k < tokens.length && k - start < 30) {
    const t = tokens[k]!;
    if (t.text === ',' || t.text === ';' || (t.text === '.' && !/^[A-Z]$/.test(tokens[k - 1]?.text ?? ''))) break;
    if (opts.inQuote[k] || isQuote(t)) break;
    // "said officials on Monday": the date is no part of the speaker.
    if (opts.isDate[k] || (t.lower === 'on' && opts.isDate[k + 1])) break;
    if (!nameishAt(tokens, k, opts) && !CONNECTORS.has(t.lower)) {
      if (k === start && PRONOUNS.has(t.lower)) {
        k++;
        break;
      }
      // "told reporters", "said in a statement": the speaker phrase is over.
      break;
    }
    k++;
  }
  let end = k;
  while (end > start && CONNECTORS.has(tokens[end - 1]!.lower)) end--;
  if (end <= start) return null;
  // Must stand alone: followed by a comma, a full stop, "during", "in", "on", "at", a quote or the end.
  const nx = tokens[k];
  if (
    nx &&
    !/^[,.;:!?]$/.test(nx.text) &&
    !isQuote(nx) &&
    !/^(?:during|in|on|at|told|when|after|before|while|speaking)$/.test(nx.lower) &&
    end === k
  ) {
    return null;
  }
  return { start, end };
}

/**
 * The speaker phrase left of the reporting verb at `v`: "French Ambassador to the UN Claire Morel announced",
 * "Lena Vogel, the head of …, noted", "Tom Hale, speaking at a news conference, condemned".
 */
export function leftPhrase(
  tokens: Token[],
  v: number,
  opts: AttributionOptions,
): { start: number; end: number; role: string | null; roleSpan?: [number, number] } | null {
  let k = v - 1;
  while (k >= 0 && (ADVERBS_BEFORE_VERB.has(tokens[k]!.lower) || opts.isDate[k])) k--;
  let role: string | null = null;
  let roleSpan: [number, number] | undefined;
  if (tokens[k]?.text === ',') {
    // A parenthetical between commas: a participle clause to skip, or an appositive role.
    let p = k - 1;
    while (p >= 0 && tokens[p]!.text !== ',' && !isQuote(tokens[p])) p--;
    if (p < 0 || tokens[p]!.text !== ',') return null;
    const first = tokens[p + 1]!;
    if (/(?:ing|ed)$/.test(first.lower) && !ROLE_WORDS.has(first.lower)) {
      k = p - 1;
    } else if (looksLikeRole(tokens, p + 1, k, opts)) {
      role = stripArticle(textOf(tokens, p + 1, k));
      roleSpan = [p + 1, k];
      k = p - 1;
    } else if (describesOne(tokens, p + 1, k) && looksLikePersonName(textOf(tokens, Math.max(0, p - 3), p))) {
      // "Eric Hale, one of the leading voices on trade, said": a description of the person named before.
      role = textOf(tokens, p + 1, k);
      roleSpan = [p + 1, k];
      k = p - 1;
    } else {
      // "Portugal's defence minister, Ana Pereira, said": the role opens the clause, the name follows.
      const named = roleBeforeName(tokens, p, k, opts);
      if (named) return { start: p + 1, end: k, role: named.role, roleSpan: named.span };
      // "Leading plaintiff, the University of California, announced": a body named after its role.
      return bodyAfterRole(tokens, p, k, opts) ? { start: p + 1, end: k, role: null } : null;
    }
  }
  const end = k + 1;
  let start = end;
  while (start > 0 && end - start < 30) {
    const t = tokens[start - 1]!;
    if (opts.inQuote[start - 1] || isQuote(t)) break;
    if (t.kind === 'word' && CLAUSE_OPENERS.has(t.lower) && !isCapitalizedMidSentence(tokens, start - 1)) break;
    if (nameishAt(tokens, start - 1, opts) || CONNECTORS.has(t.lower) || (PRONOUNS.has(t.lower) && start === end)) {
      start--;
      if (PRONOUNS.has(t.lower)) break;
      continue;
    }
    break;
  }
  // Sentence-initial "As Bloomberg reported", "But officials say": the opener is no part of the speaker.
  while (
    start < end &&
    /^(?:As|But|And|While|Meanwhile|However|Also|So|Yet|Then|Now|When|If|Though|Although|Earlier|Later)$/.test(
      tokens[start]!.text,
    )
  )
    start++;
  while (start < end && CONNECTORS.has(tokens[start]!.lower) && !/^(?:the|a|an)$/.test(tokens[start]!.lower)) start++;
  // "the UN human rights office said", "the company's chief executive told", "its defence ministry said":
  // when the phrase stopped at an ordinary word but ends in a role or an organisation, take the whole
  // phrase back to the start of the clause.
  const extended = extendToClause(tokens, start, end, opts);
  if (extended !== null) start = extended;
  // "finance ministry spokesman Jonas Weber said", "chief executive Bob Iger said": lower-case role
  // words before the name, back to the start of the clause, are the speaker's role.
  else {
    const opened = openRoleStart(tokens, start, opts);
    if (opened !== null) start = opened;
  }
  if (start >= end) return null;
  const found = { start, end, role, ...(roleSpan ? { roleSpan } : {}) };
  // The phrase must open its clause, or be the agent of a report: "photographs released by officials show".
  const before = tokens[start - 1];
  if (
    before &&
    before.lower !== 'by' &&
    !/^[,;:(“”"«»–—-]$/.test(before.text) &&
    !(
      before.kind === 'word' &&
      (CLAUSE_OPENERS.has(before.lower) || /^(?:As|But|And|While|Meanwhile|However)$/.test(before.text))
    )
  ) {
    return null;
  }
  return found;
}

/**
 * The start of an open role phrase before `start`: up to five lower-case words that WordNet knows as
 * nouns or adjectives (no verb forms, no clause openers), reaching a comma, a quotation mark or the
 * start of the sentence; null otherwise.
 */
function openRoleStart(tokens: Token[], start: number, opts: AttributionOptions): number | null {
  let s = start;
  for (let n = 0; n < 5 && s > 0; n++) {
    const t = tokens[s - 1]!;
    if (/^[,;:“”"«»–—(]$/.test(t.text)) return s === start ? null : s;
    // "The chancellor said", "the finance minister added": an article opening the clause before
    // a role whose head is a person in WordNet.
    if (/^(?:the|a|an)$/i.test(t.text) && s < start && isPersonNoun(tokens[start - 1]!.text)) {
      const before = tokens[s - 2];
      if (!before || /^[,;:“”"«»–—(]$/.test(before.text) || CLAUSE_OPENERS.has(before.lower)) return s - 1;
    }
    // "Pakistan-based developer …", "Paris-born artist …": a hyphened compound before the role.
    if (
      s < start &&
      t.kind === 'word' &&
      !t.spaceBefore &&
      tokens[s - 2]?.text === '-' &&
      !tokens[s - 2]!.spaceBefore &&
      tokens[s - 3]?.kind === 'word'
    ) {
      s -= 3;
      continue;
    }
    // "Amazon founder Jeff Bezos said", "which Acme chief executive Jo Ng said": the name of the
    // body a lower-case role is of, opening the clause.
    if (
      s < start &&
      t.kind === 'word' &&
      t.text !== t.lower &&
      !opts.inQuote[s - 1] &&
      nameishAt(tokens, s - 1, opts)
    ) {
      let b = s - 1;
      while (b > 0 && tokens[b - 1]!.kind === 'word' && tokens[b - 1]!.text !== tokens[b - 1]!.lower) b--;
      const opener = tokens[b - 1];
      if (!opener || /^[,;:“”"«»–—(]$/.test(opener.text) || CLAUSE_OPENERS.has(opener.lower)) return b;
      return null;
    }
    // "which founder Jeff Bezos said": a clause opener before the role.
    if (s < start && t.kind === 'word' && CLAUSE_OPENERS.has(t.lower)) return s;
    if (t.kind !== 'word' || t.text !== t.lower || opts.inQuote[s - 1]) return null;
    if (CLAUSE_OPENERS.has(t.lower) || SPEECH_VERBS.has(t.lower) || /(?:ed|ing)$/.test(t.lower)) return null;
    if (/^(?:is|are|was|were|has|have|had|will|would|to|the|a|an)$/.test(t.lower)) return null;
    if (senses(t.lower, 'n').length === 0) return null;
    s--;
  }
  return s === 0 && s !== start ? 0 : null;
}

function extendToClause(tokens: Token[], start: number, end: number, opts: AttributionOptions): number | null {
  const head = tokens[end - 1];
  if (!head || !SPEAKER_HEADS.has(head.lower)) return null;
  let s = start;
  for (let i = start - 1; i >= Math.max(0, end - 9); i--) {
    const t = tokens[i]!;
    if (opts.inQuote[i]) return null;
    if (/^[,;:(“”"«»–—]$/.test(t.text) || (t.kind === 'word' && CLAUSE_OPENERS.has(t.lower)))
      return s === start ? null : s;
    if (t.kind !== 'word' && t.text !== '-' && t.text !== "'s" && t.text !== '’s') return null;
    if (
      t.kind === 'word' &&
      (SPEECH_VERBS.has(t.lower) || /^(?:is|are|was|were|has|have|had|will|would)$/.test(t.lower))
    )
      return null;
    s = i;
    if (i === 0) return s;
  }
  return null;
}

/**
 * Tokens `comma + 1`..`to` are an organisation's name ("the University of California": capitalised
 * words and the words that join them), and the words before the comma, from the start of the
 * sentence, end in a noun WordNet knows first as a person ("Leading plaintiff", "The buyer").
 */
function bodyAfterRole(tokens: Token[], comma: number, to: number, opts: AttributionOptions): boolean {
  let i = comma + 1;
  if (/^(?:the)$/i.test(tokens[i]?.text ?? '')) i++;
  if (i >= to || !isCapitalizedMidSentence(tokens, i)) return false;
  for (let k = i; k < to; k++) if (!nameishAt(tokens, k, opts) && !CONNECTORS.has(tokens[k]!.lower)) return false;
  const head = tokens[comma - 1];
  if (head?.kind !== 'word' || !isPersonNoun(head.text)) return false;
  for (let k = 0; k < comma; k++) if (tokens[k]!.kind !== 'word' || opts.inQuote[k]) return false;
  return comma <= 4;
}

/** An appositive that describes one of a kind: "one of the leading voices on trade", "among the founders of …". */
function describesOne(tokens: Token[], from: number, to: number): boolean {
  if (to - from < 3 || to - from > 16) return false;
  const a = tokens[from]!.lower;
  const b = tokens[from + 1]?.lower;
  if (!((a === 'one' && b === 'of') || a === 'among')) return false;
  for (let i = from; i < to; i++) if (tokens[i]!.kind === 'num' || isQuote(tokens[i])) return false;
  return true;
}
