import {
  type CalendarDay,
  calendarDay,
  type DateExpression,
  findDateExpressions,
  formatMonth,
  resolveDate,
} from './dateExpressions.ts';
import { quantitiesOfTokens } from './extractQuantities.ts';
import { figureKey } from './figureKey.ts';
import { figureUnit } from './figureUnits.ts';
import { type Entity, type EntityMention, type Gazetteer, type GazetteerExtension, gazetteerFor } from './gazetteer.ts';
import { wordSet } from './lexicon.ts';
import {
  AID_NOUNS,
  CASUALTY_UNITS,
  FUTURE_AUXILIARIES,
  HALT_WORDS,
  HEDGES,
  NEGATIONS,
  type Predicate,
  TRIGGERS,
  type Trigger,
} from './predicates.ts';
import { type Attribution, findAttributions, roleMatches } from './speakers.ts';
import { type Sentence, splitSentences } from './splitSentences.ts';
import { type Token, tokenize } from './tokenize.ts';
import type { Claim, Period, Quantity, Speaker } from './types.ts';

export interface ExtractClaimsOptions {
  /** The article's publication date (ISO); statement dates and periods are resolved against it. */
  publishedAt?: string | null;
  /** More entities and names for subjects and recipients (organisations, people, places). */
  gazetteer?: GazetteerExtension;
  /**
   * The article's headline, when `text` is the body without it. Its attribution ("White House:
   * North Korea sent 300 containers …", "… , US envoy says") is the speaker of every figure the body
   * states without one, as a headline line at the top of `text` would be. The headline's own figures
   * are not claims here (they have no offsets in `text`); the body repeats them in its lead.
   * Ignored when `text` already opens with the headline.
   */
  title?: string | null;
}

/** Measures that can be a claimed amount (tonnes of weaponry, barrels of oil); distances and durations cannot. */
const CLAIMABLE_MEASURES = /^(?:tonne|ton|kg|lb|g|barrel|litre|gallon|bcm|m3|megaton|kiloton|oz)(?:\/|$)/;

/** Prepositions before a name that make it no subject: "to Russia", "from North Korea", "in Ukraine". */
const OBLIQUE = wordSet(`
  to from in at with against for into of on toward towards across near over between via than onto within inside
  outside about like
`);

/** Words that end a clause for subject and trigger search. */
const CLAUSE_BREAKS = wordSet(`
  ; but while whereas although though which —
`);

/** Past participles: "killed", "supplied"; the irregular ones are listed. */
const PARTICIPLE = /(?:ed|en)$/;
const IRREGULAR_PARTICIPLES = wordSet(`
  sent sold held made built shot hit brought kept given stolen bought fought struck dealt lost
`);

const TROOP_UNITS = wordSet(`
  troop soldier personnel serviceman servicemen marine mercenary paratrooper sailor conscript reservist
  worker
`);

const SHIPMENT_SCOPE =
  /\b(?:one|a single|each|every|per|the first|the last|a)\s+(?:load|shipment|batch|consignment|convoy|trainload|shipload|tranche)\b|\bassembled for (?:transport|shipment|shipping)\b|\bloaded (?:onto|on|aboard)\b/i;

const POLL_CUES =
  /\b(?:support|supports|supported|approve|approves|approval|oppose|opposes|respondents|voters|poll|polls|survey|surveyed|favour|favor|back|backs|backed|trust|trusts)\b/i;

const SPEAKER_ALIASES: Record<string, string> = { WH: 'White House', 'The White House': 'White House' };

interface QuoteRegion {
  open: number;
  close: number;
}

interface SentenceInfo {
  sentence: Sentence;
  index: number;
  /** Line number: the line a sentence sits on (headlines, captions and tweets are lines of their own). */
  line: number;
  tokens: Token[];
  quantities: Quantity[];
  mentions: EntityMention[];
  dates: DateExpression[];
  dateTokens: Array<{ expr: DateExpression; start: number; end: number }>;
  attributions: Attribution[];
  inQuote: Uint8Array;
  /** Speakers resolved per attribution (same order). */
  speakers: Array<Speaker | null>;
  /** Statement dates per attribution (same order). */
  statedAt: Array<string | null>;
  titleLike: boolean;
}

interface Frame {
  subject: Entity | null;
  recipient: Entity | null;
}

interface PersonRecord {
  name: string;
  role: string | null;
  sentence: number;
}

/**
 * The claims of a text: for every quantity governed by a predicate verb, who did what to whom, how
 * much, said by whom and when. Works on a whole article so that speakers named once ("US
 * Ambassador to NATO Julianne Smith") can be found again ("the US envoy said", "Smith added"),
 * and a recipient named in one sentence carries to the next ("Pyongyang has delivered up to 1,000
 * containers" after "…providing military hardware to Russia").
 */
export function extractClaims(text: string, options: ExtractClaimsOptions = {}): Claim[] {
  const gazetteer = gazetteerFor(options.gazetteer);
  const now = calendarDay(options.publishedAt ?? null);
  const defaultStatedAt = now ? formatMonth(now.year, now.month) : null;
  const sentences = splitSentences(text);
  const quotes = findQuoteRegions(text);
  const lineStarts = lineStartOffsets(text);
  const infos = sentences.map((s, i) => analyseSentence(s, i, text, quotes, gazetteer, lineStarts));

  const title = titleInfo(options.title, text, gazetteer);
  resolveSpeakers(title ? [title, ...infos] : infos, gazetteer, now);

  // Attributions that cover other sentences: quotations and embedded posts.
  const quoteSpeakers = quotes.map((q) => quoteAttribution(q, infos));
  const postSpeakers = embeddedPostAttributions(infos, now);
  const headline = title?.speakers.some(Boolean)
    ? title
    : infos.find((s) => s.titleLike && s.index < 8 && s.speakers.some(Boolean));
  const headlineSpeaker = headline ? pickSpeaker(headline, 0) : null;
  const headlineTopics =
    headline && headlineSpeaker ? topicsOf(headline.sentence.text, headlineSpeaker.speaker, gazetteer) : null;
  const anaphora = anaphoricAttributions(infos);

  const claims: Claim[] = [];
  /** Indexes of the claims dated by the publication only. */
  const undated = new Set<number>();
  const frames = new Map<Predicate, Frame>();
  for (const info of infos) {
    const found = claimsOfSentence(info, gazetteer, frames);
    for (const f of found) {
      const abs = info.sentence.start + f.quantity.span[0];
      let speaker: Speaker | null = null;
      let statedAt: string | null = null;
      const region = quoteAt(quotes, abs);
      // "US Ambassador to NATO Julianne Smith announced this on Wednesday" after the sentence.
      const anaphor = anaphora.get(info.index);
      if (region >= 0 && quoteSpeakers[region]) {
        speaker = quoteSpeakers[region]!.speaker;
        statedAt = quoteSpeakers[region]!.statedAt;
      } else {
        const own = pickSpeaker(info, f.quantity.span[0]);
        if (own && !(anaphor?.person && !own.person)) {
          speaker = own.speaker;
          statedAt = own.statedAt;
        } else if (anaphor) {
          speaker = anaphor.speaker;
          statedAt = anaphor.statedAt;
        } else if (postSpeakers.has(info.index)) {
          const p = postSpeakers.get(info.index)!;
          speaker = p.speaker;
          statedAt = p.statedAt;
        } else if (headlineSpeaker && !info.titleLike && aboutTopics(headlineTopics, f.subject, f.recipient)) {
          speaker = headlineSpeaker.speaker;
          statedAt = headlineSpeaker.statedAt;
        }
      }
      if (speaker && !statedAt) statedAt = speakerDate(infos, speaker.name);
      if (!statedAt) undated.add(claims.length);
      statedAt ??= defaultStatedAt;
      const hedged = f.hedged || (region < 0 && info.attributions.some((a) => a.hedged && a.verbStart < f.qStart));
      const q = f.quantity;
      claims.push({
        figureKey: figureKey({
          predicate: f.predicate,
          subject: f.subject?.id ?? null,
          recipient: f.recipient?.id ?? null,
          unit: f.unit,
          scope: f.scope,
        }),
        subject: f.subject?.name ?? null,
        predicate: f.predicate,
        recipient: f.recipient?.name ?? null,
        value: q.value,
        range: q.range,
        bound: q.bound,
        unit: f.unit,
        concept: f.concept,
        change: q.change,
        negated: f.negated,
        hedged,
        speaker,
        statedAt,
        period: periodOf(info, f, now),
        sentence: info.sentence.text,
        span: [abs, info.sentence.start + q.span[1]],
        sentenceSpan: [info.sentence.start, info.sentence.end],
      });
    }
  }
  dateDetailsByTheirFigure(claims, undated);
  return claims;
}

/**
 * The states and organisations a headline is about, beside the one its speaker speaks for: "White
 * House accuses North Korea of arming Russia" is about North Korea and Russia, so it attributes the
 * report's figures of those, not the report's own aside on US aid to Ukraine.
 */
function topicsOf(text: string, speaker: Speaker, gazetteer: Gazetteer): ReadonlySet<string> {
  const own = new Set(gazetteer.mentions(tokenize(speaker.name)).map((m) => m.entity.id));
  const topics = new Set<string>();
  for (const m of gazetteer.mentions(tokenize(text))) if (!own.has(m.entity.id)) topics.add(m.entity.id);
  return topics;
}

/**
 * Whether a figure is about what the headline is about: its subject (else its recipient) is among
 * the headline's topics. A headline about nothing in particular, or a figure about no one, is not
 * told apart.
 */
function aboutTopics(topics: ReadonlySet<string> | null, subject: Entity | null, recipient: Entity | null): boolean {
  if (!topics || topics.size === 0) return true;
  const who = subject ?? recipient;
  return who === null || topics.has(who.id);
}

/**
 * A detail of a figure (a scoped key such as `transfer:KP>RU:container:shipment`) that the report
 * gives no date of its own belongs to the report's account of that figure: when the report dates
 * the figure itself on exactly one day, the detail takes that day. ("Photographs released by
 * officials show 300 containers …" in a report of a briefing on 13 October.)
 */
function dateDetailsByTheirFigure(claims: Claim[], undated: ReadonlySet<number>): void {
  for (const i of undated) {
    const c = claims[i]!;
    const parts = c.figureKey.split(':');
    if (parts.length < 4) continue;
    const base = parts.slice(0, 3).join(':');
    const days = new Set<string>();
    claims.forEach((o, j) => {
      if (o.figureKey === base && !undated.has(j) && o.statedAt && o.statedAt.length === 10) days.add(o.statedAt);
    });
    if (days.size === 1) c.statedAt = [...days][0]!;
  }
}

// ---------------------------------------------------------------- per sentence

/**
 * The headline given apart from the text, analysed as lines of its own before the first sentence:
 * the part that carries an attribution ("USA. White House: …" → "White House: …"), else its last.
 */
function titleInfo(title: string | null | undefined, text: string, gazetteer: Gazetteer): SentenceInfo | null {
  const line = title?.replace(/\s+/g, ' ').trim();
  if (!line) return null;
  // The text already holds it near its top: that line is the headline.
  const top = text.indexOf(line);
  if (top >= 0 && top < 4000) return null;
  const parts = splitSentences(line).map((s) => {
    const info = analyseSentence(s, -1, line, findQuoteRegions(line), gazetteer, [0]);
    info.titleLike = true;
    return info;
  });
  return parts.find((p) => p.attributions.length > 0) ?? parts[parts.length - 1] ?? null;
}

function analyseSentence(
  sentence: Sentence,
  index: number,
  text: string,
  quotes: QuoteRegion[],
  gazetteer: Gazetteer,
  lineStarts: number[],
): SentenceInfo {
  const tokens = tokenize(sentence.text);
  const inQuote = new Uint8Array(tokens.length);
  if (quotes.length > 0) {
    // Tokens and quotations are both in text order: one walk marks the tokens inside one.
    let r = quoteAt(quotes, sentence.start);
    if (r < 0) r = firstQuoteAfter(quotes, sentence.start);
    for (let i = 0; i < tokens.length && r < quotes.length; i++) {
      const a = sentence.start + tokens[i]!.start;
      while (r < quotes.length && a >= quotes[r]!.close) r++;
      if (r < quotes.length && a > quotes[r]!.open) inQuote[i] = 1;
    }
  }
  const dates = findDateExpressions(sentence.text);
  const isDate = new Uint8Array(tokens.length);
  const dateTokens: SentenceInfo['dateTokens'] = [];
  for (const e of dates) {
    let s = -1;
    let en = -1;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.start < e.end && t.end > e.start) {
        isDate[i] = 1;
        if (s < 0) s = i;
        en = i + 1;
      }
    }
    if (s >= 0) dateTokens.push({ expr: e, start: s, end: en });
  }
  const attributions = findAttributions(tokens, { gazetteer, inQuote, isDate });
  const lineIndex = upperBound(lineStarts, sentence.start) - 1;
  const lineEnd = lineIndex + 1 < lineStarts.length ? lineStarts[lineIndex + 1]! - 1 : text.length;
  // Only blanks between the sentence and its line's ends; scanned, not sliced, so that a paragraph
  // of many sentences is not copied once per sentence.
  const startsLine = onlyBlanks(text, lineStarts[lineIndex]!, sentence.start);
  // Headlines, captions and subheads: the last sentence of a line that has no closing punctuation.
  const endsLine = sentence.end === lineEnd || onlyBlanks(text, sentence.end, lineEnd);
  const wholeLine = startsLine && endsLine;
  const titleLike =
    (wholeLine || endsLine) && !/[.!?"”]$/.test(sentence.text) && tokens.filter((t) => t.kind === 'word').length >= 4;
  const mentions = gazetteer.mentions(tokens);
  return {
    sentence,
    index,
    line: lineIndex,
    tokens,
    quantities: quantitiesOfTokens(sentence.text, tokens, dates, gazetteer === gazetteerFor() ? mentions : null),
    mentions,
    dates,
    dateTokens,
    attributions,
    inQuote,
    speakers: [],
    statedAt: [],
    titleLike,
  };
}

interface FoundClaim {
  quantity: Quantity;
  concept: string | null;
  qStart: number;
  qEnd: number;
  predicate: Predicate;
  subject: Entity | null;
  recipient: Entity | null;
  unit: string | null;
  scope: string | null;
  negated: boolean;
  hedged: boolean;
  clause: [number, number];
  trigger: number;
}

function claimsOfSentence(info: SentenceInfo, gazetteer: Gazetteer, frames: Map<Predicate, Frame>): FoundClaim[] {
  const { tokens } = info;
  const out: FoundClaim[] = [];
  const quantityTokens = info.quantities.map(
    (q) => [tokenIndexAt(tokens, q.span[0]), tokenIndexAt(tokens, q.span[1] - 1) + 1] as const,
  );

  // Frames without a quantity still set the scene: "accused North Korea of providing … to Russia".
  if (info.quantities.length === 0) {
    for (let k = 0; k < tokens.length; k++) {
      const trig = TRIGGERS.get(tokens[k]!.lower);
      if (trig?.predicate !== 'transfer' || trig.noun || trig.adjacentOnly) continue;
      const clause = clauseAround(tokens, k, k + 1);
      if (isNegatedOrHedged(tokens, k, clause[0]).some(Boolean)) continue;
      const roles = rolesFor(info, trig, k, k, k + 1, clause, gazetteer);
      if (roles.subject && roles.recipient && roles.subject.id !== roles.recipient.id) {
        frames.set('transfer', { subject: roles.subject, recipient: roles.recipient });
      }
    }
    return out;
  }

  for (let qi = 0; qi < info.quantities.length; qi++) {
    const q = info.quantities[qi]!;
    const [qs, qe] = quantityTokens[qi]!;
    if (!isClaimable(q)) continue;
    // "according to three sources": a figure inside the attribution is no claim.
    if (info.attributions.some((a) => qs >= Math.min(a.npStart, a.verbStart) && qe <= Math.max(a.npEnd, a.verbEnd)))
      continue;
    if (tokens[qs - 1]?.lower === 'to' && tokens[qs - 2]?.lower === 'according') continue;
    const clause = clauseAround(tokens, qs, qe);
    const clauseText = info.sentence.text.slice(tokens[clause[0]]?.start ?? 0, tokens[clause[1] - 1]?.end ?? 0);
    const scope = SHIPMENT_SCOPE.test(clauseText) ? 'shipment' : null;
    const found = findTrigger(info, q, qs, qe, clause);
    let predicate: Predicate;
    let trigger: Trigger;
    let k: number;
    if (found) {
      ({ trigger, index: k } = found);
      predicate = trigger.predicate;
    } else if (scope) {
      trigger = { predicate: 'transfer' };
      predicate = 'transfer';
      k = qs;
    } else if (q.kind === 'percent' && POLL_CUES.test(clauseText)) {
      trigger = { predicate: 'poll' };
      predicate = 'poll';
      k = qs;
    } else continue;

    // "will provide Ukraine with $2.1 billion": a transfer announced for the future is a commitment
    // ("will send 3,000 troops" stays a deployment, below).
    if (
      predicate === 'transfer' &&
      !trigger.reverse &&
      !trigger.noun &&
      !(q.unit && TROOP_UNITS.has(q.unit.split(' ').pop()!)) &&
      isFuture(tokens, k, clause[0])
    )
      predicate = 'pledge';
    // "halted plans to send $6 billion", "froze $300 million in aid"
    if (predicate === 'transfer' || predicate === 'pledge') {
      for (let h = Math.max(clause[0], k - 5); h < k; h++) if (HALT_WORDS.has(tokens[h]!.lower)) predicate = 'halt-aid';
    }
    const roles = rolesFor(info, trigger, k, qs, qe, clause, gazetteer);
    if (roles.reversedTo) predicate = roles.reversedTo;
    let { subject, recipient } = roles;
    const written = q.unit ?? (predicate === 'casualties' ? 'person' : null);
    const unit = written === null ? null : figureUnit(written);
    if (predicate === 'transfer' && unit && TROOP_UNITS.has(unit.split(' ').pop()!)) predicate = 'deploy';
    // For halted aid, "plans to send" belongs to what was halted, not to a hedge.
    let hedgeFrom = clause[0];
    if (predicate === 'halt-aid')
      for (let h = Math.max(clause[0], k - 5); h < k; h++) if (HALT_WORDS.has(tokens[h]!.lower)) hedgeFrom = h + 1;
    const [negated, hedged0] = isNegatedOrHedged(tokens, k, clause[0]);
    const hedged =
      predicate === 'halt-aid' ? isNegatedOrHedged(tokens, k, hedgeFrom)[1] && hedgeFrom === clause[0] : hedged0;

    const frameKey: Predicate = predicate === 'halt-aid' || predicate === 'pledge' ? predicate : predicate;
    if (predicate === 'transfer' || predicate === 'halt-aid' || predicate === 'pledge' || predicate === 'deploy') {
      const frame = frames.get(predicate === 'deploy' ? 'transfer' : frameKey) ?? frames.get('transfer');
      if (frame) {
        if (!subject && frame.subject && frame.subject.id !== recipient?.id) subject = frame.subject;
        if (!recipient && frame.recipient && frame.recipient.id !== subject?.id) recipient = frame.recipient;
      }
      if (subject && recipient && !negated && !hedged && roles.subject && roles.recipient) {
        frames.set(predicate === 'deploy' ? 'transfer' : frameKey, { subject, recipient });
      }
    }
    if (!subject && !recipient) continue;
    // A bare number ("47 were shot down", "including six") counts nothing nameable.
    if (unit === null && q.concept === null) continue;
    if ((predicate === 'spend' || predicate === 'price') && q.kind !== 'money') continue;
    if (predicate === 'poll' && q.kind !== 'percent') continue;
    if (predicate === 'halt-aid' && q.kind !== 'money' && !tokens.some((t) => AID_NOUNS.has(t.lower))) continue;
    out.push({
      quantity: q,
      // "63 main battle tanks" is keyed on `tank`; the written unit stays as the concept.
      concept: q.concept ?? (unit !== written ? written : null),
      qStart: qs,
      qEnd: qe,
      predicate,
      subject,
      recipient,
      unit,
      scope,
      negated,
      hedged,
      clause,
      trigger: k,
    });
  }
  return out;
}

function isClaimable(q: Quantity): boolean {
  if (q.kind === 'age') return false;
  if (q.kind === 'measure') return q.unit !== null && CLAIMABLE_MEASURES.test(q.unit);
  if (q.kind === 'count' && q.value !== null && q.value < 2 && q.range === null) return false;
  return true;
}

function clauseAround(tokens: Token[], qs: number, qe: number): [number, number] {
  let a = qs;
  while (a > 0 && !CLAUSE_BREAKS.has(tokens[a - 1]!.lower)) a--;
  let b = qe;
  while (b < tokens.length && !CLAUSE_BREAKS.has(tokens[b]!.lower)) b++;
  return [a, b];
}

function findTrigger(
  info: SentenceInfo,
  q: Quantity,
  qs: number,
  qe: number,
  clause: [number, number],
): { trigger: Trigger; index: number } | null {
  const { tokens } = info;
  const lostPeople = q.kind === 'count' && q.unit !== null && CASUALTY_UNITS.has(q.unit.split(' ').pop()!);
  const right = rightTrigger(tokens, qe, clause, lostPeople);
  // "1,000 were injured": a passive right after the figure is its own verb.
  if (
    right &&
    right.index - qe <= 3 &&
    /^(?:was|were|been|being|be|are|is)$/.test(tokens[right.index - 1]?.lower ?? '')
  )
    return right;
  for (let k = qs - 1; k >= Math.max(clause[0], qs - 28); k--) {
    const t = tokens[k]!;
    const trig = TRIGGERS.get(t.lower);
    if (!trig) continue;
    if (trig.adjacentOnly && k !== qs - 1) continue;
    if (trig.sufferer && !lostPeople) continue;
    if (isSpeechVerb(info, k)) continue;
    // A noun trigger governs the number only through "of": "deliveries of 300 tanks".
    if (trig.noun && !(tokens[k + 1]?.lower === 'of' && k + 2 >= qs - 2)) continue;
    return { trigger: trig, index: k };
  }
  return right;
}

function rightTrigger(
  tokens: Token[],
  qe: number,
  clause: [number, number],
  lostPeople: boolean,
): { trigger: Trigger; index: number } | null {
  // After the figure only a participle governs it: "12 civilians were killed", "90 vehicles supplied by Washington".
  for (let k = qe; k < Math.min(clause[1], qe + 8); k++) {
    const t = tokens[k]!;
    const trig = TRIGGERS.get(t.lower);
    if (!trig || trig.adjacentOnly || trig.noun || (trig.sufferer && !lostPeople)) continue;
    if (!PARTICIPLE.test(t.lower) && !IRREGULAR_PARTICIPLES.has(t.lower)) continue;
    return { trigger: trig, index: k };
  }
  return null;
}

function isSpeechVerb(info: SentenceInfo, k: number): boolean {
  return info.attributions.some((a) => k >= a.verbStart && k < a.verbEnd);
}

function isNegatedOrHedged(tokens: Token[], k: number, clauseStart: number): [boolean, boolean] {
  let negated = false;
  let hedged = false;
  for (let h = Math.max(clauseStart, k - 6); h < k; h++) {
    const w = tokens[h]!.lower;
    if (NEGATIONS.has(w) || w.endsWith("n't") || w.endsWith('n’t')) negated = true;
    if (HEDGES.has(w)) hedged = true;
  }
  const w = tokens[k]!.lower;
  if (w.endsWith("n't")) negated = true;
  return [negated, hedged];
}

/** "will provide", "will also send", "'ll deliver": the verb at `k` is in the future tense. */
function isFuture(tokens: Token[], k: number, clauseStart: number): boolean {
  for (let h = k - 1; h >= Math.max(clauseStart, k - 3); h--) {
    const w = tokens[h]!.lower;
    if (FUTURE_AUXILIARIES.has(w) || w.endsWith("'ll") || w.endsWith('’ll')) return true;
    if (!/ly$/.test(w) && !/^(?:also|soon|now|then|still|not|further|again|each|both)$/.test(w)) return false;
  }
  return false;
}

interface Roles {
  subject: Entity | null;
  recipient: Entity | null;
  reversedTo?: Predicate;
}

function rolesFor(
  info: SentenceInfo,
  trigger: Trigger,
  k: number,
  qs: number,
  qe: number,
  clause: [number, number],
  _gazetteer: Gazetteer,
): Roles {
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
function prepositionBefore(tokens: Token[], m: EntityMention): string {
  let p = m.start - 1;
  if (tokens[p]?.lower === 'the') p--;
  return tokens[p]?.lower ?? '';
}

/** The first mention at or after token `from` introduced by one of `preps`. */
function firstAfter(mentions: EntityMention[], tokens: Token[], from: number, preps: string[]): EntityMention | null {
  for (const m of mentions) if (m.start >= from && preps.includes(prepositionBefore(tokens, m))) return m;
  return null;
}

/** The first mention after the figure ending at token `qe` and before the next figure, introduced by one of `preps`. */
function afterFigure(
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
function tokenIndexAt(tokens: Token[], offset: number): number {
  for (let i = 0; i < tokens.length; i++) if (tokens[i]!.end > offset) return i;
  return tokens.length;
}

// ---------------------------------------------------------------- speakers and dates

function resolveSpeakers(infos: SentenceInfo[], gazetteer: Gazetteer, now: CalendarDay | null): void {
  const persons: PersonRecord[] = [];
  for (const info of infos) {
    for (const a of info.attributions) {
      if (a.kind === 'person' && a.name) {
        const known = persons.find((p) => p.name === a.name);
        if (known) {
          known.role ??= a.role;
        } else persons.push({ name: a.name, role: a.role, sentence: info.index });
      }
    }
  }
  const groups: string[] = [];
  for (const info of infos) {
    info.speakers = info.attributions.map((a) => {
      const s = resolveOne(a, info.index, persons, groups, gazetteer);
      if (a.kind === 'group' && s) groups.push(s.name);
      return s;
    });
    info.statedAt = info.attributions.map((a) => statementDate(info, a, now));
  }
}

function resolveOne(
  a: Attribution,
  sentence: number,
  persons: PersonRecord[],
  groups: string[],
  _g: Gazetteer,
): Speaker | null {
  switch (a.kind) {
    case 'person': {
      const p = persons.find((x) => x.name === a.name);
      return { name: a.name!, role: a.role ?? p?.role ?? null };
    }
    case 'single': {
      const p = persons.find((x) => x.name.split(' ').pop() === a.name);
      if (p) return { name: p.name, role: p.role };
      return { name: SPEAKER_ALIASES[a.name!] ?? a.name!, role: null };
    }
    case 'pronoun': {
      const before = persons.filter((p) => p.sentence <= sentence);
      const p = before[before.length - 1];
      return p ? { name: p.name, role: p.role } : null;
    }
    case 'role': {
      const role = a.role!;
      const before = persons.filter((p) => p.sentence <= sentence && roleMatches(role, p.role));
      const p = before[before.length - 1] ?? persons.find((x) => x.sentence > sentence && roleMatches(role, x.role));
      return p ? { name: p.name, role: p.role } : { name: role.replace(/^(?:the|a|an)\s+/i, ''), role: null };
    }
    case 'group': {
      const head = a.name!.split(' ').pop()!;
      const longer = [...groups].reverse().find((g) => g.endsWith(head) && g.length > a.name!.length);
      return { name: longer ?? a.name!, role: null };
    }
    case 'org': {
      const name = SPEAKER_ALIASES[a.name!] ?? a.name!.replace(/^(?:the|The)\s+/, '');
      // "The White House announced" when the article names its spokesman: the spokesman spoke.
      const staff = persons.filter(
        (p) => p.role?.toLowerCase().includes(name.toLowerCase()) && /spokes|press|adviser|advisor/i.test(p.role),
      );
      if (staff.length === 1) return { name: staff[0]!.name, role: staff[0]!.role };
      return { name, role: null };
    }
  }
  return null;
}

/** A date next to the reporting verb: "announced this on Wednesday", "on Friday announced", "reported, back in October". */
function statementDate(info: SentenceInfo, a: Attribution, now: CalendarDay | null): string | null {
  const { tokens } = info;
  for (const d of info.dateTokens) {
    if (
      d.expr.kind === 'time' ||
      d.expr.kind === 'phone' ||
      d.expr.kind === 'ordinal' ||
      d.expr.kind === 'fraction' ||
      d.expr.kind === 'decade'
    )
      continue;
    // Between the speaker and the verb.
    if (d.start >= a.npEnd && d.end <= a.verbStart) return resolveDate(d.expr, now);
    // After an appended role, or in "who spoke to journalists on Sunday".
    if (a.dateZone && d.start >= a.dateZone[0] && d.end <= a.dateZone[1]) return resolveDate(d.expr, now);
    // Shortly after the verb, before any "that" or quotation.
    if (d.start >= a.verbEnd && d.start <= a.verbEnd + 6) {
      let clean = true;
      for (let i = a.verbEnd; i < d.start; i++) {
        const w = tokens[i]!.lower;
        if (w === 'that' || /^["“”]$/.test(w) || tokens[i]!.kind === 'num' || info.mentions.some((m) => m.start === i))
          clean = false;
      }
      if (clean) return resolveDate(d.expr, now);
    }
    // Opening the sentence: "On Wednesday, Smith said".
    if (d.end <= a.npStart && d.start <= 1 && a.npStart - d.end <= 2) return resolveDate(d.expr, now);
  }
  return null;
}

/** Words that may follow an anaphoric object ("announced this on Wednesday", "confirmed it to reporters"). */
const ADJUNCT_OPENERS = wordSet(`
  on during in at to at via through earlier later yesterday today late last while after before when as
`);

/**
 * Sentences whose figures a following sentence attributes: "US Ambassador to NATO Julianne Smith
 * announced this on Wednesday during an online briefing" gives the sentence before it a speaker and
 * a date. The reporting verb must take "this" or "it" (or "that" closing its clause) as its object —
 * followed by the end of the clause, a date or an adjunct, never by a clause of its own ("said it
 * would send 300 tanks", "said that in September…" are not anaphoric) — and the sentence must state
 * no figure of its own after it. Assessments ("believes this") attribute nothing.
 */
function anaphoricAttributions(
  infos: SentenceInfo[],
): Map<number, { speaker: Speaker; statedAt: string | null; person: boolean }> {
  const out = new Map<number, { speaker: Speaker; statedAt: string | null; person: boolean }>();
  for (const info of infos) {
    if (info.index === 0) continue;
    const { tokens } = info;
    for (let i = 0; i < info.attributions.length; i++) {
      const a = info.attributions[i]!;
      const speaker = info.speakers[i];
      if (!speaker || a.hedged || a.npEnd > a.verbStart) continue;
      const object = tokens[a.verbEnd];
      if (!object || !/^(?:this|it|that)$/.test(object.lower) || info.inQuote[a.verbEnd]) continue;
      let k = a.verbEnd + 1;
      while (k < tokens.length && info.dateTokens.some((d) => k >= d.start && k < d.end)) k++;
      const next = tokens[k];
      const closes = !next || /^[,.;:!?]$/.test(next.text);
      if (!closes && (object.lower === 'that' || next.kind !== 'word' || !ADJUNCT_OPENERS.has(next.lower))) continue;
      const objectOffset = object.start;
      if (info.quantities.some((q) => q.span[0] > objectOffset)) continue;
      out.set(info.index - 1, { speaker, statedAt: info.statedAt[i] ?? null, person: isPersonKind(a) });
      break;
    }
  }
  return out;
}

function isPersonKind(a: Attribution): boolean {
  return a.kind === 'person' || a.kind === 'single' || a.kind === 'pronoun' || a.kind === 'role';
}

/** The speaker of a quantity's own sentence: people before organisations, the nearest verb first. */
function pickSpeaker(
  info: SentenceInfo,
  offset: number,
): { speaker: Speaker; statedAt: string | null; person: boolean } | null {
  let best = -1;
  let bestScore = -1;
  for (let i = 0; i < info.attributions.length; i++) {
    const a = info.attributions[i]!;
    const s = info.speakers[i];
    if (!s) continue;
    // A verb inside a quotation belongs to the quoted speech.
    const verbOffset = info.tokens[a.verbStart]!.start;
    const kindScore = isPersonKind(a) ? 2 : 1;
    const score = kindScore * 1000 - Math.min(999, Math.abs(verbOffset - offset) / 10);
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  if (best < 0) return null;
  return {
    speaker: info.speakers[best]!,
    statedAt: info.statedAt[best] ?? null,
    person: isPersonKind(info.attributions[best]!),
  };
}

function speakerDate(infos: SentenceInfo[], name: string): string | null {
  for (const info of infos) {
    for (let i = 0; i < info.speakers.length; i++) {
      if (info.speakers[i]?.name === name && info.statedAt[i]) return info.statedAt[i]!;
    }
  }
  return null;
}

/** The quotation (index into the sorted, non-overlapping regions) that contains offset `at`, or -1. */
function quoteAt(quotes: QuoteRegion[], at: number): number {
  let lo = 0;
  let hi = quotes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const q = quotes[mid]!;
    if (at <= q.open) hi = mid - 1;
    else if (at >= q.close) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** The index of the first quotation that opens at or after `at` (quotes.length if none). */
function firstQuoteAfter(quotes: QuoteRegion[], at: number): number {
  let lo = 0;
  let hi = quotes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (quotes[mid]!.open < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Quotation marks in the text: curly pairs, and straight quotes paired in order. */
function findQuoteRegions(text: string): QuoteRegion[] {
  const out: QuoteRegion[] = [];
  let curlyOpen = -1;
  let straightOpen = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x201c || c === 0xab) curlyOpen = i;
    else if ((c === 0x201d || c === 0xbb) && curlyOpen >= 0) {
      out.push({ open: curlyOpen, close: i });
      curlyOpen = -1;
    } else if (c === 0x22) {
      if (straightOpen < 0) straightOpen = i;
      else {
        out.push({ open: straightOpen, close: i });
        straightOpen = -1;
      }
    } else if (c === 0x0a && text.charCodeAt(i + 1) === 0x0a) {
      // A quotation does not run over a paragraph break unopened; reset stray marks.
      curlyOpen = -1;
      straightOpen = -1;
    }
  }
  // Keep the outermost of nested or crossing quotations, so that regions never overlap.
  const kept: QuoteRegion[] = [];
  for (const q of out.sort((a, b) => a.open - b.open)) {
    const last = kept[kept.length - 1];
    if (last && q.open < last.close) continue;
    kept.push(q);
  }
  return kept;
}

/** Who a quotation belongs to: the attribution after its closing mark, else before its opening mark. */
function quoteAttribution(q: QuoteRegion, infos: SentenceInfo[]): { speaker: Speaker; statedAt: string | null } | null {
  const closing = infos.find((s) => q.close >= s.sentence.start && q.close < s.sentence.end);
  if (closing) {
    for (let i = 0; i < closing.attributions.length; i++) {
      const a = closing.attributions[i]!;
      const at = closing.sentence.start + closing.tokens[a.verbStart]!.start;
      if (at > q.close && closing.speakers[i])
        return { speaker: closing.speakers[i]!, statedAt: closing.statedAt[i] ?? null };
    }
  }
  const opening = infos.find((s) => q.open >= s.sentence.start && q.open < s.sentence.end);
  if (opening) {
    for (let i = opening.attributions.length - 1; i >= 0; i--) {
      const a = opening.attributions[i]!;
      const at = opening.sentence.start + opening.tokens[a.verbStart]!.start;
      if (at < q.open && opening.speakers[i])
        return { speaker: opening.speakers[i]!, statedAt: opening.statedAt[i] ?? null };
    }
  }
  return null;
}

/** "— Jay in Kyiv (@JayinKyiv) October 8, 2023": an embedded post, attributed to the line above. */
function embeddedPostAttributions(
  infos: SentenceInfo[],
  now: CalendarDay | null,
): Map<number, { speaker: Speaker; statedAt: string | null }> {
  const out = new Map<number, { speaker: Speaker; statedAt: string | null }>();
  for (const info of infos) {
    const m = /^[—–-]\s*(.+?)\s*\(@\w+\)\s*(.*)$/.exec(info.sentence.text);
    if (!m) continue;
    const date = findDateExpressions(m[2]!).find((d) => d.kind === 'date' || d.kind === 'month');
    const statedAt = date ? resolveDate(date, now) : null;
    const speaker = { name: m[1]!, role: null };
    for (const prev of infos) {
      if (
        prev.line === info.line - 1 ||
        (prev.line === info.line - 2 && !infos.some((s) => s.line === info.line - 1))
      ) {
        out.set(prev.index, { speaker, statedAt });
      }
    }
  }
  return out;
}

function periodOf(info: SentenceInfo, f: FoundClaim, now: CalendarDay | null): Period | null {
  const { tokens, sentence } = info;
  const stated = new Set<number>();
  for (const a of info.attributions) {
    for (const d of info.dateTokens) {
      if ((d.start >= a.npEnd && d.end <= a.verbStart) || (d.start >= a.verbEnd && d.start <= a.verbEnd + 6))
        stated.add(d.start);
    }
  }
  const candidates = info.dateTokens.filter(
    (d) =>
      !stated.has(d.start) &&
      d.start >= f.clause[0] - 8 &&
      d.end <= f.clause[1] &&
      (d.expr.kind === 'date' || d.expr.kind === 'month' || d.expr.kind === 'year' || d.expr.kind === 'relative'),
  );
  for (let i = 0; i < candidates.length; i++) {
    const d = candidates[i]!;
    const before = tokens[d.start - 1]?.lower ?? '';
    const next = candidates[i + 1];
    const textFrom = (a: number, b: number): string => sentence.text.slice(tokens[a]!.start, tokens[b - 1]!.end);
    if (before === 'between' && next && tokens[d.end]?.lower === 'and' && next.start === d.end + 1) {
      return { from: resolveDate(d.expr, now), to: resolveDate(next.expr, now), text: textFrom(d.start - 1, next.end) };
    }
    if (
      before === 'from' &&
      next &&
      /^(?:to|until|through|till)$/.test(tokens[d.end]?.lower ?? '') &&
      next.start === d.end + 1
    ) {
      return { from: resolveDate(d.expr, now), to: resolveDate(next.expr, now), text: textFrom(d.start - 1, next.end) };
    }
    if (before === 'since') {
      return { from: resolveDate(d.expr, now), to: null, text: textFrom(d.start - 1, d.end) };
    }
    if (/^(?:in|during|by|of|throughout)$/.test(before) || d.expr.kind === 'relative') {
      const r = resolveDate(d.expr, now);
      const start = /^(?:in|during|by|of|throughout)$/.test(before) ? d.start - 1 : d.start;
      return { from: r, to: r, text: textFrom(start, d.end) };
    }
  }
  return null;
}

/** Whether `text.slice(from, to)` is whitespace only (or empty). */
function onlyBlanks(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    if (c < 128 || !/\s/.test(text[i]!)) return false;
  }
  return true;
}

function lineStartOffsets(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

function upperBound(arr: number[], x: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arr[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
