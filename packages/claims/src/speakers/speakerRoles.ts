import { TRIGGERS } from '../predicates.ts';
import { isCapitalized, type Token } from '../tokenize.ts';
import type { Attribution, AttributionOptions } from './attribution.ts';
import { isHyphenTail, isNamePart, isNameParticle, nameishAt, stripArticle, textOf } from './speakerTokens.ts';
import {
  CLAUSE_OPENERS,
  CONNECTORS,
  isQuote,
  NOT_IN_ROLES,
  ROLE_HEADS,
  ROLE_WORDS,
  SPEAKER_HEADS,
  SPEECH_VERBS,
  SPOKE_VERBS,
} from './speakerWords.ts';

/** A speaker's role: appositives before and after names, and whether a role phrase fits a person's role. */
/**
 * "The country's defence minister, Ana Pereira, said": tokens `comma + 1`..`to` are a name alone
 * (two to four name words) and the words before the comma, from the start of the clause, a role.
 */
export function roleBeforeName(
  tokens: Token[],
  comma: number,
  to: number,
  opts: AttributionOptions,
): { role: string; span: [number, number] } | null {
  let words = 0;
  for (let i = comma + 1; i < to; i++) {
    const t = tokens[i]!;
    if (isNamePart(t, opts, i === comma + 1)) words++;
    else if (!isHyphenTail(tokens, i) && t.text !== '-' && !isNameParticle(tokens, i)) return null;
  }
  if (words < 2 || words > 4) return null;
  const head = tokens[comma - 1];
  if (!head || !(ROLE_HEADS.has(head.lower) || SPEAKER_HEADS.has(head.lower))) return null;
  let s = comma;
  while (s > 0 && comma - s < 12) {
    const t = tokens[s - 1]!;
    if (/^[,;:(“”"«»–—]$/.test(t.text) || (t.kind === 'word' && CLAUSE_OPENERS.has(t.lower) && !isCapitalized(t)))
      break;
    s--;
  }
  if (s > 0 && !/^[,;:(“”"«»–—]$/.test(tokens[s - 1]!.text) && !CLAUSE_OPENERS.has(tokens[s - 1]!.lower)) return null;
  while (s < comma && /^(?:As|But|And|While|Meanwhile|However|Also|So|Yet|Then|Now)$/.test(tokens[s]!.text)) s++;
  if (!looksLikeRole(tokens, s, comma, opts)) return null;
  return { role: stripArticle(textOf(tokens, s, comma)), span: [s, comma] };
}

/**
 * Whether tokens `from`..`to` are an appositive role: every word a known role, organisation or name
 * word; or, more loosely, a noun phrase opened by an article, a possessive or a capital that holds a
 * role noun ("the EU's deputy foreign policy chief", "the UK armed forces minister", "a senior
 * fellow at the Baltic Security Institute") and no verb, relative word or figure.
 */
export function looksLikeRole(tokens: Token[], from: number, to: number, opts: AttributionOptions): boolean {
  if (to <= from) return false;
  let sawRoleWord = false;
  let strict = true;
  let sawHead = false;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.kind === 'word' && ROLE_WORDS.has(t.lower) && !CONNECTORS.has(t.lower)) sawRoleWord = true;
    else if (
      !nameishAt(tokens, i, opts) &&
      !CONNECTORS.has(t.lower) &&
      !/^(?:retiring|outgoing|incoming|longtime|veteran|chief)$/.test(t.lower)
    )
      strict = false;
    if (t.kind === 'word' && (ROLE_HEADS.has(t.lower) || SPEAKER_HEADS.has(t.lower))) sawHead = true;
  }
  if (strict) return sawRoleWord;
  if (!sawHead || to - from > 16) return false;
  const first = tokens[from]!;
  if (!/^(?:the|a|an|his|her|its|their)$/.test(first.lower) && !isCapitalized(first)) return false;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.kind === 'num' || isQuote(t)) return false;
    if (t.kind !== 'word') continue;
    if (NOT_IN_ROLES.has(t.lower) || SPEECH_VERBS.has(t.lower)) return false;
    const trig = TRIGGERS.get(t.lower);
    if (trig && !trig.noun) return false;
  }
  return true;
}

/**
 * ", the head of the Finnish Defence Forces research unit," after an inverted speaker, and
 * what dates the statement after it: ", on Monday" closing the sentence or ", who spoke to
 * journalists on Sunday,".
 */
export function appendRole(tokens: Token[], npEnd: number, a: Attribution, opts: AttributionOptions): void {
  if (a.kind !== 'person' && a.kind !== 'single') return;
  if (tokens[npEnd]?.text !== ',') return;
  let k = npEnd + 1;
  while (k < tokens.length && tokens[k]!.text !== ',' && tokens[k]!.text !== '.' && !isQuote(tokens[k])) k++;
  let after = npEnd;
  if (looksLikeRole(tokens, npEnd + 1, k, opts) && tokens[npEnd + 1]?.lower !== 'according') {
    a.role = stripArticle(textOf(tokens, npEnd + 1, k));
    a.roleSpan = [npEnd + 1, k];
    a.kind = 'person';
    after = k;
  }
  if (tokens[after]?.text !== ',') return;
  // ", who spoke to journalists on Sunday," — the relative clause up to its comma.
  if (tokens[after + 1]?.lower === 'who' && SPOKE_VERBS.has(tokens[after + 2]?.lower ?? '')) {
    let e = after + 3;
    while (e < tokens.length && e - after < 14 && !/^[,.;:!?]$/.test(tokens[e]!.text) && !isQuote(tokens[e])) e++;
    a.dateZone = [after + 2, e];
    return;
  }
  // ", on Monday." — a date phrase alone between the role and the end of the sentence.
  let e = after + 1;
  if (/^(?:on|in|earlier|late|last)$/.test(tokens[e]?.lower ?? '')) e++;
  if (!opts.isDate[e]) return;
  while (e < tokens.length && opts.isDate[e]) e++;
  if (e === tokens.length || /^[,.;:!?]$/.test(tokens[e]!.text)) a.dateZone = [after + 1, e];
}

/** Role classes for resolving "the US envoy" to the person named earlier with a matching role. */
const ROLE_CLASSES: string[][] = [
  ['envoy', 'ambassador', 'diplomat', 'representative', 'mission', 'chargé', 'consul', 'delegate', 'negotiator'],
  ['spokesman', 'spokeswoman', 'spokesperson', 'press', 'adviser', 'advisor', 'aide', 'coordinator'],
  ['minister', 'secretary'],
  ['general', 'commander', 'chief', 'admiral', 'colonel', 'officer', 'head'],
  ['analyst', 'expert', 'researcher', 'fellow'],
  ['president', 'leader', 'premier', 'chancellor'],
];

/** Whether a role phrase ("the US envoy") fits a person's role ("US Ambassador to NATO"). */
export function roleMatches(rolePhrase: string, personRole: string | null): boolean {
  if (!personRole) return false;
  const words = rolePhrase.toLowerCase().split(/[\s()-]+/);
  const head = words[words.length - 1] ?? '';
  const target = personRole.toLowerCase();
  if (head === 'official') return true;
  for (const cls of ROLE_CLASSES) {
    if (cls.includes(head)) return cls.some((w) => target.includes(w));
  }
  return target.includes(head);
}
