import type { Gazetteer } from './gazetteer.ts';
import { isActorNoun, isOrganisationNoun } from './lexical/nounClass.ts';
import { LEX, senses } from './lexical/wordnet.ts';
import { wordSet } from './lexicon.ts';
import { TRIGGERS } from './predicates.ts';
import { sourceAttributions } from './sourceAttributions.ts';
import { isCapitalized, type Token } from './tokenize.ts';

/**
 * Speaker attribution inside one sentence: "X said", "said X, the …", "according to X",
 * "X told reporters", "As X reported", "X: …" and "… – X" in headlines. A found speaker is a person
 * (name and role), an organisation or outlet ("Bloomberg", "the White House"), a group ("US
 * officials"), or a reference to be resolved against the article (a pronoun, a bare surname, a
 * role alone such as "the US envoy").
 */
export type SpeakerKind = 'person' | 'org' | 'group' | 'role' | 'pronoun' | 'single';

export interface Attribution {
  kind: SpeakerKind;
  /** Person name, organisation or group name; null for a role or a pronoun. */
  name: string | null;
  role: string | null;
  /** Token range of the speaker phrase. */
  npStart: number;
  npEnd: number;
  /** Token range of the reporting verb (or of "according to", the dash, the colon). */
  verbStart: number;
  verbEnd: number;
  /** "believes", "suspects", "assesses": an assessment rather than a statement. */
  hedged: boolean;
  /**
   * Tokens after the speaker phrase where a date says when the speaker spoke: the date after an
   * appended role ("said Kovalenko, the spokesperson …, on Monday") or inside a relative clause
   * ("According to Kaminska, the deputy minister, who spoke to journalists on December 1, …").
   */
  dateZone?: [number, number];
  /** Named as where figures come from ("figures released by X"): covers its paragraph. */
  source?: boolean;
  /** Token range of an appositive role ("…, the spokesperson for Ukraine's military intelligence,"): its places name no party. */
  roleSpan?: [number, number];
}

const SPEECH_VERBS = wordSet(`
  said says say stated states told tells announced announces reported reports noted notes added adds claimed
  claims claim warned warns confirmed confirms estimated estimates wrote writes tweeted posted explained
  explains emphasized emphasised stressed stresses disclosed discloses revealed reveals acknowledged admitted
  insisted argued alleged alleges accused accuses believes believe assessed assesses assess indicated indicates
  suggested suggests showed shows show cited declared declares asserted mentioned briefed informed testified
  condemned expressed suspects suspect thinks think calculated counted recorded documented verified stating
  saying published publishes quoted quotes pointed observed highlighted spoke speaks speaking
  estimate report confirm warn note add tell announce state reveal acknowledge admit insist argue allege
  indicate suggest observe predicted predicts forecast forecasts projected projects
`);
const HEDGED_VERBS = wordSet(`
  believes believe suspects suspect thinks think assessed assesses assess suggested suggests indicated
  indicates alleged alleges predicted predicts forecast forecasts projected projects
`);

/** Singular role nouns: a phrase with one and no name is a role to resolve ("the US envoy to NATO"). */
const ROLE_HEADS = wordSet(`
  spokesman spokeswoman spokesperson envoy ambassador diplomat official minister adviser advisor representative
  chief head director secretary president commander analyst expert researcher leader chairman chairwoman aide
  negotiator delegate officer senator governor mayor prosecutor lawmaker legislator coordinator fellow
`);

/** Words of a speaker phrase written in lower case: roles, organisation words and connectors. */
const ROLE_WORDS = wordSet(`
  spokesman spokeswoman spokesperson spokespeople envoy ambassador diplomat diplomats official officials
  minister adviser advisor representative representatives chief head director secretary president commander
  general analyst analysts expert experts researcher researchers source sources intelligence agency ministry
  department mission office government military army leader chairman chairwoman deputy acting senior top former
  retired retiring foreign defence defense national security council staff authorities officer officers
  lawmaker lawmakers legislator senator governor mayor prosecutor prosecutors investigators monitors observers
  think-tank institute report reports estimate survey poll study statement photographs photos images footage
  satellite latest new assessment data figures document documents press aide aides negotiator delegate
  delegation embassy consulate regional military-run state-run state news outlet newspaper broadcaster channel
  service services unit coordinator watchdog group organisation organization body committee commission bureau
  operator company firm manufacturer producer administration cabinet presidential the a an of to for at in and
  on by from 's ’s ( ) - .
`);
const CONNECTORS = wordSet(`
  the a an of to for at in and on by from 's ’s - .
`);

/** Heads of a phrase that name evidence, not a speaker: "photographs show" names nobody unless "by X" follows. */
const EVIDENCE_HEADS = wordSet(`
  report reports photographs photos images footage data figures estimate survey poll study statement assessment
  document documents satellite
`);

/** Capitalised words that are titles or parts of organisation names, never parts of a person's name. */
const TITLE_WORDS = new Set(
  `President Vice Prime Minister Foreign Defence Defense Secretary General Gen Ambassador Spokesperson Spokesman
  Spokeswoman Adviser Advisor Chief Deputy Acting Director Head Chairman Chairwoman Chair Commander Colonel Col
  Lieutenant Lt Major Maj Captain Capt Admiral Adm Senator Sen Representative Rep Governor Gov Mayor Chancellor King
  Queen Prince Princess Sheikh Leader Supreme National Security Council Mission Staff Joint Chiefs Army Navy Air
  Force Forces Intelligence Center Centre Office Ministry Department State House White Kremlin Pentagon Agency
  Service Committee Affairs Press Envoy Special Coordinator Officer Mr Mrs Ms Dr Prof Professor Sir Dame Lord Lady
  Pope Cardinal Marshal Sergeant Sgt Brigadier Judge Justice Attorney Prosecutor Inspector Commissioner Speaker
  Premier Emir Crown Executive CEO Founder Analyst Permanent Delegation Embassy Consul Assistant Undersecretary Under
  Senior Top Former Retired Retiring Interior Finance Economy Health Energy Trade Homeland Parliament Parliamentary
  Congress Congressman Congresswoman Strategic Communications Organization Organisation Cooperation Europe European
  Union United Nations Institute University Research Analysis Bureau Directorate Main Command Headquarters Group
  Brigade Battalion Regiment Corps Guard Guards Federal Central Bank Fund Monetary International Commission Board
  Authority Administration Government Cabinet Assembly Court Tribunal Party Movement Front Association Federation
  Society Foundation Company Corporation Inc Ltd News Times Post Journal Daily Herald Telegraph Guardian Tribune
  Reuters Bloomberg Associated AFP Ukrinform UkrInform Interfax TASS RIA Novosti Xinhua Yonhap CNN BBC NBC CBS ABC
  Fox Sky Al Jazeera Kyodo Statistics Service Institute Centre Center Studies Studies War Defense Forces Military
  Acting Chargé Affaires Adjutant Staff The Of To For And In At On A An Ministry's`
    .split(/\s+/)
    .filter(Boolean),
);

const PRONOUNS = new Set(['he', 'she', 'they']);

/** Words before a speaker phrase that leave it at the start of a clause. */
const CLAUSE_OPENERS = wordSet(`
  that and but as while when where because after before which who so also meanwhile however yet then now
`);

const ADVERBS_BEFORE_VERB = wordSet(`
  also previously later further repeatedly recently again separately earlier publicly has have had was were is
  did would had then already reportedly once on in last this late early back privately openly explicitly
  formally officially
`);

const FURNITURE_LABELS = wordSet(`
  photo image source read related video watch listen update updated breaking exclusive opinion analysis
  editorial note caption credit more see also tags share
`);

/** A role phrase whose head is an organisation in WordNet's first sense ("the US car company", "the airline"). */
function namesOrganisation(role: string): boolean {
  // The head before any "of"/"at"/"for": "a senior fellow at the Munich Security Conference" is a fellow.
  const words = role.trim().split(/\s+/);
  const cut = words.findIndex((w, i) => i > 0 && /^(?:of|at|for|in|with|to|on|from)$/i.test(w));
  const head = (cut > 0 ? words[cut - 1] : words.at(-1))?.toLowerCase() ?? '';
  return /^[a-z-]+$/.test(head) && isOrganisationNoun(head.replace(/s$/, '')) && !isActorPerson(head);
}

const isActorPerson = (w: string): boolean => senses(w, 'n')[0]?.lexFile === LEX.nounPerson;

const isQuote = (t: Token | undefined): boolean => !!t && /^["“”«»]$/.test(t.text);

export interface AttributionOptions {
  gazetteer: Gazetteer;
  /** Tokens that belong to a quotation or a date: reporting verbs there are not this sentence's. */
  inQuote: Uint8Array;
  isDate: Uint8Array;
}

/** All attributions in a sentence, left to right. */
export function findAttributions(tokens: Token[], opts: AttributionOptions): Attribution[] {
  const out: Attribution[] = [];
  for (let v = 0; v < tokens.length; v++) {
    const t = tokens[v]!;
    if (opts.inQuote[v]) continue;
    // "according to X"
    if (t.lower === 'according' && tokens[v + 1]?.lower === 'to') {
      const np = rightPhrase(tokens, v + 2, opts);
      if (np) {
        const a = classify(tokens, np.start, np.end, opts, v, v + 2, false);
        if (a) {
          appendRole(tokens, np.end, a, opts);
          // "According to the Office for National Statistics, …": a body named as the figures' source.
          if (a.kind === 'org' || a.kind === 'group') a.source = true;
          out.push(a);
        }
      }
      continue;
    }
    if (t.kind !== 'word' || !SPEECH_VERBS.has(t.lower)) continue;
    // "United States" is no verb; "China is estimated to have" is no attribution.
    if (t.text !== t.lower && v > 0) continue;
    if (/^(?:is|are|was|were|been|be|being)$/.test(tokens[v - 1]?.lower ?? '')) continue;
    // "pointed out"
    let verbEnd = v + 1;
    if (t.lower === 'pointed') {
      if (tokens[v + 1]?.lower !== 'out') continue;
      verbEnd = v + 2;
    }
    const hedged = HEDGED_VERBS.has(t.lower);
    const prev = tokens[v - 1];
    const inverted = !prev || prev.text === ',' || isQuote(prev) || (prev.text === ',' && isQuote(tokens[v - 2]));
    if (inverted) {
      const np = rightPhrase(tokens, verbEnd, opts);
      if (np) {
        const a = classify(tokens, np.start, np.end, opts, v, verbEnd, hedged);
        // "…, the University of California, announced the news": a lower-case object that names no
        // people is what was said, and the speaker stands before the verb.
        if (a && !(a.name && /^[a-z ]+$/.test(a.name) && !isActorNoun(a.name.split(' ').pop()!.replace(/s$/, '')))) {
          appendRole(tokens, np.end, a, opts);
          out.push(a);
          continue;
        }
      }
    }
    const left = leftPhrase(tokens, v, opts);
    if (left) {
      const a = classify(tokens, left.start, left.end, opts, v, verbEnd, hedged);
      if (a) {
        if (left.role) {
          a.role = left.role;
          if (left.roleSpan) a.roleSpan = left.roleSpan;
          // "Ford, the US car company, reported": an organisation's appositive makes it one.
          if (a.kind === 'single' || a.kind === 'person') a.kind = namesOrganisation(left.role) ? 'org' : 'person';
        }
        out.push(a);
      }
    }
  }
  const headline = headlineAttribution(tokens, opts);
  if (headline) out.push(headline);
  for (const a of sourceAttributions(tokens, opts)) {
    if (!out.some((o) => a.npStart < o.npEnd && o.npStart < a.npEnd)) out.push(a);
  }
  // "My estimate is", "the claims": a reporting word after a possessive or an article is a noun.
  // "…, adding that": a participle after a comma speaks for the attribution before it.
  return out.filter(
    (a, i) =>
      !/^(?:my|his|her|its|our|their|your|the|a|an)$/.test(tokens[a.verbStart - 1]?.lower ?? '') &&
      !(
        /ing$/.test(tokens[a.verbStart]!.lower) &&
        tokens[a.verbStart - 1]?.text === ',' &&
        out.slice(0, i).some((b) => b.verbStart < a.verbStart)
      ),
  );
}

/** "White House: North Korea sent…" and "… from North Korea – US envoy to NATO". */
function headlineAttribution(tokens: Token[], opts: AttributionOptions): Attribution | null {
  for (let k = tokens.length - 2; k > 2; k--) {
    const t = tokens[k]!;
    if ((t.text === '–' || t.text === '—' || t.text === '-') && t.spaceBefore && tokens[k + 1]?.spaceBefore) {
      if (tokens.length - (k + 1) > 9) break;
      const np = rightPhrase(tokens, k + 1, opts);
      if (np && np.end === tokens.length) return classify(tokens, np.start, np.end, opts, k, k + 1, false);
      break;
    }
  }
  for (let k = 1; k < Math.min(tokens.length, 7); k++) {
    if (tokens[k]!.text !== ':') continue;
    if (FURNITURE_LABELS.has(tokens[0]!.lower)) return null;
    let ok = true;
    for (let i = 0; i < k; i++) if (!nameishAt(tokens, i, opts)) ok = false;
    if (ok) return classify(tokens, 0, k, opts, k, k + 1, false);
    return null;
  }
  return null;
}

function isNameish(t: Token, opts: AttributionOptions): boolean {
  if (t.kind === 'word') return isCapitalized(t) || ROLE_WORDS.has(t.lower) || opts.gazetteer.startsName(t.text);
  return t.text === '(' || t.text === ')' || t.text === '-' || t.text === '.';
}

/** A name-like token, counting the lower-case second half of a hyphenated given name ("Seo-yeon", "Da-eun"). */
function nameishAt(tokens: Token[], i: number, opts: AttributionOptions): boolean {
  return isNameish(tokens[i]!, opts) || isHyphenTail(tokens, i) || isNameParticle(tokens, i);
}

/** "yeon" in "Seo-yeon": a word glued by a hyphen to a capitalised word before it. */
function isHyphenTail(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  const dash = tokens[i - 1];
  const head = tokens[i - 2];
  return (
    !!t &&
    !!dash &&
    !!head &&
    t.kind === 'word' &&
    !t.spaceBefore &&
    dash.text === '-' &&
    !dash.spaceBefore &&
    isCapitalized(head) &&
    /^[a-zà-ÿ]+$/.test(t.text)
  );
}

/** A speaker phrase right of `from`, ending at a comma, full stop or the end of the sentence. */
function rightPhrase(tokens: Token[], from: number, opts: AttributionOptions): { start: number; end: number } | null {
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
 * The speaker phrase left of the reporting verb at `v`: "US Ambassador to NATO Julianne Smith announced",
 * "Ants Kiviselg, the head of …, noted", "John Kirby, speaking at a news conference, condemned".
 */
function leftPhrase(
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
    } else {
      // "Ukraine's defence minister, Rustem Umerov, said": the role opens the clause, the name follows.
      const named = roleBeforeName(tokens, p, k, opts);
      return named ? { start: p + 1, end: k, role: named.role, roleSpan: named.span } : null;
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

/** Heads of speaker phrases: roles and the organisations that speak ("office", "media", "air force"). */
const SPEAKER_HEADS = wordSet(`
  spokesman spokeswoman spokesperson envoy ambassador diplomat official officials minister adviser advisor
  representative chief head director secretary president commander analyst analysts expert experts leader
  chairman chairwoman aide negotiator delegate officer senator governor mayor prosecutor lawmaker legislator
  coordinator executive manager founder editor correspondent researcher researchers professor scientist
  economist strategist fellow colonel general witness witnesses resident residents doctor doctors medic medics activist
  activists monitor monitors inspector investigator investigators judge lawyer office ministry agency service
  services council committee army navy force forces guard police media television broadcaster newspaper outlet
  agency command staff department government administration authorities authority mission embassy operator
  company firm group organisation organization institute center centre
`);

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

function isCapitalizedMidSentence(tokens: Token[], k: number): boolean {
  return k > 0 && isCapitalized(tokens[k]!);
}

/**
 * "The country's defence minister, Rustem Umerov, said": tokens `comma + 1`..`to` are a name alone
 * (two to four name words) and the words before the comma, from the start of the clause, a role.
 */
function roleBeforeName(
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

/** Particles inside a person's name: "Ursula von der Leyen", "Pieter de Vries". */
const NAME_PARTICLES = wordSet(`
  von van der den de da di du la le al el bin ben dos das del della ter ten
`);

/** A lower-case particle between name words: a capitalised word or particle before, one after. */
function isNameParticle(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (t?.kind !== 'word' || !NAME_PARTICLES.has(t.text)) return false;
  const before = tokens[i - 1];
  if (!before || !(isCapitalized(before) || NAME_PARTICLES.has(before.text))) return false;
  let j = i + 1;
  while (tokens[j] && NAME_PARTICLES.has(tokens[j]!.text)) j++;
  const after = tokens[j];
  return !!after && isCapitalized(after) && after.spaceBefore;
}

/**
 * Whether tokens `from`..`to` are an appositive role: every word a known role, organisation or name
 * word; or, more loosely, a noun phrase opened by an article, a possessive or a capital that holds a
 * role noun ("the EU's deputy foreign policy chief", "the UK armed forces minister", "a senior
 * fellow at the Baltic Security Institute") and no verb, relative word or figure.
 */
function looksLikeRole(tokens: Token[], from: number, to: number, opts: AttributionOptions): boolean {
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

/** Words that make an appositive a clause, not a role: "the country that sent", "which has". */
const NOT_IN_ROLES = wordSet(`
  who whom whose which that is are was were be been has have had will would could can may might should must
  not did does do
`);

/** Reporting verbs of a relative clause that dates the statement: "who spoke to journalists on Sunday". */
const SPOKE_VERBS = wordSet(`
  spoke speaking said told briefed addressed wrote posted testified appeared answered
`);

/**
 * ", the head of the Estonian Defense Forces Intelligence Center," after an inverted speaker, and
 * what dates the statement after it: ", on Monday" closing the sentence or ", who spoke to
 * journalists on Sunday,".
 */
function appendRole(tokens: Token[], npEnd: number, a: Attribution, opts: AttributionOptions): void {
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

function textOf(tokens: Token[], from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (i > from && t.spaceBefore) s += ' ';
    s += t.text;
  }
  return s;
}

function stripArticle(s: string): string {
  return s.replace(/^(?:the|a|an|The|A|An)\s+/, '');
}

/**
 * A word of a person's name: capitalised, no title, and no place by itself ("Ukraine", "Russian").
 * A word that only begins a longer name ("Kim" of "Kim Jong Un's regime") is a name word; a capital
 * is one only as a given name before a surname (`givenName`: "Sofia Lindqvist").
 */
const isNamePart = (t: Token, opts: AttributionOptions, givenName = false): boolean => {
  if (t.kind !== 'word' || !/^[A-Z][a-zà-ÿ'’-]+$/.test(t.text) || TITLE_WORDS.has(t.text)) return false;
  const form = opts.gazetteer.wordForm(t.text);
  return form === null || (givenName && form === 'capital');
};

/** Splits a speaker phrase into name and role, and says what kind of speaker it is. */
function classify(
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
  if (linked || (nameLen === 1 && /s$/.test(tokens[end - 1]!.text) && n > s && !TITLE_WORDS.has(tokens[n - 1]!.text))) {
    return { kind: 'org', name: stripArticle(text), role: null, ...base };
  }
  if (nameLen >= 2 && nameLen <= 4) {
    const role = n > s ? stripArticle(textOf(tokens, s, n)) : null;
    return { kind: 'person', name: textOf(tokens, n, end), role: role || null, ...base };
  }
  if (nameLen === 1) {
    if (n > s) {
      // "President Biden", "Mr Kirby"
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
  if (tokens.slice(s, end).some((t) => ROLE_HEADS.has(t.lower)))
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
