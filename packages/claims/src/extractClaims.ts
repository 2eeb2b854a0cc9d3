import { ActMeasures } from './article/actMeasures.ts';
import { anaphoricAttributions } from './article/anaphoricAttributions.ts';
import { articleNameFacts } from './article/articleNames.ts';
import { ArticleSpeakers, announcedPrice, ownResults, selfReported } from './article/articleSpeakers.ts';
import { CasualtyAgents } from './article/casualtyAgents.ts';
import { firstPersonPosts } from './article/firstPersonPosts.ts';
import { findQuoteRegions, quoteAt } from './article/quotes.ts';
import { analyseSentence, lineStartOffsets, titleInfo } from './article/sentenceInfo.ts';
import {
  aboutTopics,
  embeddedPostAttributions,
  pickSpeaker,
  quoteAttribution,
  resolveSpeakers,
  speakerDates,
  topicsOf,
} from './article/speakerResolution.ts';
import { type CalendarDay, calendarDay } from './dateExpressions.ts';
import { figureKey } from './figureKey.ts';
import { type Entity, type Gazetteer, type GazetteerExtension, gazetteerFor } from './gazetteer.ts';
import { isCompanyNoun, isOrganisationNoun } from './lexical/nounClass.ts';
import type { Predicate } from './predicates.ts';
import type { Frame } from './sentence/armsFigures.ts';
import { figuresOfSentence, type SentenceContext } from './sentence/figuresOfSentence.ts';
import { measureKey } from './sentence/measure.ts';
import { isPersonNoun } from './sentence/namedMentions.ts';
import { PeriodContext, periodOf } from './sentence/period.ts';
import { singularize } from './singularize.ts';
import { type Sentence, splitSentences } from './splitSentences.ts';
import { tokenize } from './tokenize.ts';
import type { Claim, Speaker } from './types.ts';

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
  /**
   * Sentences longer than this many characters are not read (a page of numbers without a full
   * stop, a run of markup): they are skipped as `sentence-too-long`.
   * @defaultValue 1000
   */
  maxSentenceLength?: number;
  /**
   * Sentences past this many are not read, as `article-too-long`, so that one huge page costs a
   * bounded time wherever it is analysed.
   * @defaultValue unlimited
   */
  maxSentences?: number;
}

export type SkipReason = 'sentence-too-long' | 'article-too-long';

/** The claims of a text, with what was read and what was left unread and why. */
export interface ClaimsReading {
  claims: Claim[];
  sentences: number;
  quantities: number;
  skipped: Array<{ reason: SkipReason; sentences: number }>;
}

/** The claims of a text; see `readClaims`. */
export function extractClaims(text: string, options: ExtractClaimsOptions = {}): Claim[] {
  return readClaims(text, options).claims;
}

/**
 * The claims of a text: for every quantity governed by a predicate verb, who did what to whom, how
 * much, said by whom and when. Works on a whole article so that speakers named once ("French
 * Ambassador to the UN Claire Morel") can be found again ("the French envoy said", "Morel added"),
 * and a recipient named in one sentence carries to the next ("Lisbon has delivered up to 200
 * trucks" after "…providing military hardware to Kenya").
 */
export function readClaims(text: string, options: ExtractClaimsOptions = {}): ClaimsReading {
  const gazetteer = gazetteerFor(options.gazetteer);
  const now = calendarDay(options.publishedAt ?? null);
  // A statement no date is given for was made by the day of publication, and is dated so.
  const defaultStatedAt = now ? formatDay(now) : null;
  const { kept: sentences, skipped } = withinCaps(
    splitSentences(text),
    options.maxSentenceLength ?? 1000,
    options.maxSentences ?? Number.POSITIVE_INFINITY,
  );
  const quotes = findQuoteRegions(text);
  const lineStarts = lineStartOffsets(text);
  const infos = sentences.map((s, i) => analyseSentence(s, i, text, quotes, gazetteer, lineStarts));

  const title = titleInfo(options.title, text, gazetteer);
  resolveSpeakers(title ? [title, ...infos] : infos, gazetteer, now);

  // Attributions that cover other sentences: quotations and embedded posts.
  const quoteSpeakers = quotes.map((q) => quoteAttribution(q, infos));
  const postSpeakers = new Map([...firstPersonPosts(infos), ...embeddedPostAttributions(infos, now)]);
  const headline = title?.speakers.some(Boolean)
    ? title
    : infos.find((s) => s.titleLike && s.index < 8 && s.speakers.some(Boolean));
  const picked = headline ? pickSpeaker(headline, 0) : null;
  // "Manhole Fires and Burst Pipes: How Winter …" is a headline's topic, not its speaker: a speaker
  // named by a headline is a name (capitalised words, no "and") or a role.
  const headlineSpeaker = picked && plausibleHeadlineSpeaker(picked.speaker.name) ? picked : null;
  const headlineTopics =
    headline && headlineSpeaker ? topicsOf(headline.sentence.text, headlineSpeaker.speaker, gazetteer) : null;
  const anaphora = anaphoricAttributions(infos);
  const datedSpeakers = speakerDates(infos);
  const articleSpeakers = new ArticleSpeakers(infos);

  const claims: Claim[] = [];
  /** Indexes of the claims dated by the publication only, and of the scoped ones. */
  const undated = new Set<number>();
  const scoped = new Set<number>();
  const facts = articleNameFacts(infos, title);
  const context: SentenceContext = {
    gazetteer,
    frames: new Map<Predicate, Frame>(),
    names: facts.names,
    knownNames: facts.known,
    focus: { topic: facts.topic, last: null, names: facts.names },
  };
  const periods = new PeriodContext(now);
  const actMeasures = new ActMeasures();
  const casualtyAgents = new CasualtyAgents();
  for (const info of infos) {
    periods.read(info);
    const found = figuresOfSentence(info, context);
    for (const f of found) {
      actMeasures.carry(f);
      casualtyAgents.carry(f, info.index);
      const abs = info.sentence.start + f.quantity.span[0];
      let speaker: Speaker | null = null;
      let statedAt: string | null = null;
      const region = quoteAt(quotes, abs);
      // "French Ambassador to the UN Claire Morel announced this on Wednesday" after the sentence.
      const anaphor = anaphora.get(info.index);
      if (region >= 0 && quoteSpeakers[region]) {
        speaker = quoteSpeakers[region]!.speaker;
        statedAt = quoteSpeakers[region]!.statedAt;
      } else {
        const own = pickSpeaker(info, f.quantity.span[0]);
        if (own && !(anaphor?.person && !own.person)) {
          speaker = own.speaker;
          statedAt = own.statedAt;
          // "They say they can save £4bn": the same pronoun as the speaker's means the speaker.
          if (f.subjectPronoun && own.pronoun === f.subjectPronoun) {
            const { person, ...named } = facts.names.resolve(own.speaker.name, own.person);
            f.subject = { ...named, kind: person ? 'person' : 'named' };
          }
        } else if (anaphor) {
          speaker = anaphor.speaker;
          statedAt = anaphor.statedAt;
        } else if (postSpeakers.has(info.index)) {
          const p = postSpeakers.get(info.index)!;
          speaker = p.speaker;
          statedAt = p.statedAt;
        } else if (
          headlineSpeaker &&
          !info.titleLike &&
          aboutTopics(headlineTopics, f.subject, f.recipient) &&
          // A speaker named in the sentences just before is nearer than the headline's.
          !articleSpeakers.before(info.index, f.subject, f.measure)
        ) {
          speaker = headlineSpeaker.speaker;
          statedAt = headlineSpeaker.statedAt;
        } else {
          const own = selfReported(f.subject, f.governorLemma, info.sentence.text);
          if (own && f.subject) articleSpeakers.registerSelf(f.subject, { speaker: own, statedAt: null });
          const carried = own
            ? { speaker: own, statedAt: null }
            : (articleSpeakers.ofSubject(f.subject, f.measure) ??
              articleSpeakers.before(info.index, f.subject, f.measure) ??
              articleSpeakers.sourceOf(info.index) ??
              ownSpoken(
                f.subject,
                f.measure,
                (periodOf(info, f.clause, now, [f.qStart, f.qEnd]) ?? periods.carried(info)) !== null,
              ) ??
              announced(announcedPrice(f.predicate, f.measure, f.unit, f.subject, facts.topic)));
          if (carried) {
            speaker = carried.speaker;
            statedAt = carried.statedAt;
          }
        }
      }
      // "the company said", "the Japanese group said": the company the figure is about.
      if (speaker && f.subject?.kind === 'named' && refersToOrganisation(speaker))
        speaker = { name: f.subject.name, role: null };
      // "Bolivia's public defender's office said another 30 people had been injured": with no other
      // party, the place in the speaker's name is the figure's.
      if (!f.subject && !f.recipient && speaker) f.subject = placeOf(speaker, gazetteer);
      if (speaker && !statedAt) statedAt = datedSpeakers.get(speaker.name) ?? null;
      if (!statedAt) undated.add(claims.length);
      statedAt ??= defaultStatedAt;
      const hedged = f.hedged || (region < 0 && info.attributions.some((a) => a.hedged && a.verbStart < f.qStart));
      const q = f.quantity;
      if (f.scope) scoped.add(claims.length);
      claims.push({
        figureKey: figureKey({
          predicate: f.family,
          subject: f.subject?.id ?? null,
          recipient: f.recipient?.id ?? null,
          unit: f.unit,
          measure: measureKey(f.measure, singularize),
          directed: f.directed,
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
        measure: f.measure,
        change: f.change,
        changeBy: f.changeBy,
        changeUnit: f.changeUnit,
        previous: f.previous,
        negated: f.negated,
        hedged,
        speaker,
        statedAt,
        period: periodOf(info, f.clause, now, [f.qStart, f.qEnd]) ?? periods.carried(info),
        sentence: info.sentence.text,
        span: [abs, info.sentence.start + q.span[1]],
        sentenceSpan: [info.sentence.start, info.sentence.end],
      });
    }
  }
  dateDetailsByTheirFigure(claims, undated, scoped);
  const quantities = infos.reduce((n, i) => n + i.quantities.length, 0);
  return { claims, sentences: infos.length, quantities, skipped };
}

/** The sentences to read: none over the length cap, none past the count cap; the rest counted by reason. */
function withinCaps(
  sentences: Sentence[],
  maxLength: number,
  maxCount: number,
): { kept: Sentence[]; skipped: ClaimsReading['skipped'] } {
  const kept: Sentence[] = [];
  let tooLong = 0;
  let pastCap = 0;
  for (const s of sentences) {
    if (s.text.length > maxLength) tooLong++;
    else if (kept.length >= maxCount) pastCap++;
    else kept.push(s);
  }
  const skipped: ClaimsReading['skipped'] = [];
  if (tooLong > 0) skipped.push({ reason: 'sentence-too-long', sentences: tooLong });
  if (pastCap > 0) skipped.push({ reason: 'article-too-long', sentences: pastCap });
  return { kept, skipped };
}

/**
 * A detail of a figure (a scoped key such as `transfer:KP>RU:container:shipment`) that the report
 * gives no date of its own belongs to the report's account of that figure: when the report dates
 * the figure itself on exactly one day, the detail takes that day. ("Photographs released by
 * officials show 300 containers …" in a report of a briefing on 13 October.)
 */
function dateDetailsByTheirFigure(claims: Claim[], undated: ReadonlySet<number>, scoped: ReadonlySet<number>): void {
  const daysByKey = new Map<string, Set<string>>();
  claims.forEach((o, j) => {
    if (undated.has(j) || scoped.has(j) || !o.statedAt || o.statedAt.length !== 10) return;
    const days = daysByKey.get(o.figureKey) ?? new Set<string>();
    days.add(o.statedAt);
    daysByKey.set(o.figureKey, days);
  });
  for (const i of undated) {
    if (!scoped.has(i)) continue;
    const c = claims[i]!;
    const days = daysByKey.get(c.figureKey.slice(0, c.figureKey.lastIndexOf(':')));
    if (days?.size === 1) c.statedAt = [...days][0]!;
  }
}

function formatDay(d: CalendarDay): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/**
 * A headline's "X:" or "…, X says" names a speaker when X is short (at most four words, no "and")
 * and either a name (capitalised words) or a role ("US envoy").
 */
function plausibleHeadlineSpeaker(name: string): boolean {
  const words = name.trim().split(/\s+/);
  if (words.length > 4 || words.some((w) => /^(?:and|&)$/i.test(w))) return false;
  const named = words.every((w) => /^[\p{Lu}\d]/u.test(w) || /^(?:of|for|the|de|von|van)$/.test(w));
  return named || isPersonNoun(words.at(-1)!);
}

/** A speaker named only by an organisation word, lower case: "company", "Japanese group", "the firm". */
function refersToOrganisation(speaker: Speaker): boolean {
  if (speaker.role) return false;
  const words = speaker.name.replace(/^(?:the|The)\s+/, '').split(/\s+/);
  const head = words.at(-1)!;
  return words.length <= 3 && head === head.toLowerCase() && (isOrganisationNoun(head) || isCompanyNoun(head));
}

/** The first state or organisation of the gazetteer named in a speaker's name or role. */
function placeOf(speaker: Speaker, gazetteer: Gazetteer): Entity | null {
  const text = `${speaker.name} ${speaker.role ?? ''}`;
  return gazetteer.mentions(tokenize(text))[0]?.entity ?? null;
}

const announced = (speaker: Speaker | null): { speaker: Speaker; statedAt: null } | null =>
  speaker ? { speaker, statedAt: null } : null;

function ownSpoken(
  subject: Entity | null,
  measure: string | null,
  hasPeriod: boolean,
): { speaker: Speaker; statedAt: null } | null {
  const speaker = ownResults(subject, measure, hasPeriod);
  return speaker ? { speaker, statedAt: null } : null;
}
