import type { Entity } from '../gazetteer.ts';
import { reaches, senses } from '../lexical/wordnet.ts';
import { entityId } from '../sentence/entityNames.ts';
import type { Speaker } from '../types.ts';
import type { SentenceInfo } from './sentenceInfo.ts';

export interface Spoken {
  speaker: Speaker;
  statedAt: string | null;
}

/** How many sentences back an attribution still covers figures that have none of their own. */
const CARRY = 3;

/** Openers that turn to another matter: the attribution before does not cover what follows. */
const TOPIC_SHIFT =
  /^(?:Meanwhile|Separately|Elsewhere|In other news|On the other hand|However|But)\b|^[^,.]{0,40},\s*however,/;

/** Measures a company does not state of itself: its share price is the market's, reported by the outlet. */
const MARKET_MEASURES = /\b(?:shares?|stock|share price|market value|valuation)\b/;
/** The market's prices of a company, stated by the market whoever spoke before. */
const PRICE_MEASURES = /\b(?:stock|share price|market value|valuation)\b/;

/**
 * The speakers of an article, for figures whose own sentence names none. A figure about an entity
 * that speaks in the article is its statement ("Ford said…" then "Ford's turnover rose…"): results
 * are the company's, a party's plan the party's. Otherwise the attribution of one of the three
 * sentences before covers it, as a source named once covers the figures that follow ("according to
 * the Office for National Statistics, …; exports rose …").
 */
export class ArticleSpeakers {
  private readonly byEntity = new Map<string, Spoken>();
  /** Entities that spoke as people: a person's figures are the report's unless said in their own sentence. */
  private readonly people = new Set<string>();
  /** Sources named in each paragraph ("figures released by X"), by line. */
  private readonly sourcesByLine = new Map<number, Spoken[]>();
  private readonly bySentence: Array<{ info: SentenceInfo; spoken: Spoken | null }> = [];

  constructor(infos: readonly SentenceInfo[]) {
    for (const info of infos) {
      let last: Spoken | null = null;
      info.speakers.forEach((speaker, i) => {
        if (!speaker) return;
        const spoken = { speaker, statedAt: info.statedAt[i] ?? null };
        if (info.attributions[i]?.source) {
          const list = this.sourcesByLine.get(info.line) ?? [];
          if (!list.some((x) => x.speaker.name === speaker.name)) list.push(spoken);
          this.sourcesByLine.set(info.line, list);
        }
        const key = entityId(speaker.name);
        if (!this.byEntity.has(key)) this.byEntity.set(key, spoken);
        // A single name ("Inbev said") may be a company; one resolved to a longer name is a person's surname.
        const a = info.attributions[i];
        const person =
          a?.kind === 'person' ||
          a?.kind === 'pronoun' ||
          a?.kind === 'role' ||
          (a?.kind === 'single' && a.name !== speaker.name);
        if (person) this.people.add(key);
        last = spoken;
      });
      this.bySentence.push({ info, spoken: last });
      // "India's biggest carmaker Maruti has reported a rise in profits": a name reporting its own
      // figures, even in a sentence that states none, speaks for them.
      for (const m of info.sentence.text.matchAll(SELF_REPORTING)) {
        const name = m[1]!.trim();
        const key = entityId(name);
        if (!this.byEntity.has(key) && !/^(?:The|It|He|She|They|We|This|That)$/.test(name)) {
          this.byEntity.set(key, { speaker: { name, role: null }, statedAt: null });
        }
      }
    }
  }

  /**
   * The one source a paragraph names for its figures ("… listed by the Electoral Commission"),
   * before or after the figure: the figures of a paragraph built on one set of data are its. Two
   * sources in one paragraph cover nothing.
   */
  sourceOf(index: number): Spoken | null {
    const own = this.bySentence[index]?.info;
    if (!own) return null;
    const list = this.sourcesByLine.get(own.line);
    return list && list.length === 1 ? list[0]! : null;
  }

  /** Lets a subject that reports its own figures speak for its other figures in the article. */
  registerSelf(subject: Entity, spoken: Spoken): void {
    const key = entityId(subject.name);
    if (!this.byEntity.has(key)) this.byEntity.set(key, spoken);
  }

  /** The speaker that is the figure's own subject, unless the figure is the market's. */
  ofSubject(subject: Entity | null, measure: string | null): Spoken | null {
    if (!subject || subject.kind === 'person' || (measure && MARKET_MEASURES.test(measure))) return null;
    const key = this.byEntity.has(entityId(subject.name)) ? entityId(subject.name) : subject.id;
    // "Parata, 75, has overseen more than 500 strandings": what the report says of a person who
    // spoke elsewhere in it is the report's.
    if (this.people.has(key)) return null;
    return this.byEntity.get(key) ?? null;
  }

  /**
   * The latest attribution of the three sentences before sentence `index`, when its sentence is
   * about the figure's subject too (names it, or the figure has none): "Meanwhile, the US has
   * halted …" after a statement about North Korea is the report's own. A new paragraph, a headline,
   * a caption or an opener such as "Meanwhile" breaks the chain; a subject the sentence only
   * refers back to ("its share price") changes nothing.
   */
  before(index: number, subject: Entity | null, measure: string | null = null): Spoken | null {
    const own = this.bySentence[index]?.info;
    if (!own || TOPIC_SHIFT.test(own.sentence.text)) return null;
    // A share price is the market's, whoever spoke just before.
    if (measure && PRICE_MEASURES.test(measure)) return null;
    for (let k = index - 1; k >= 0 && k >= index - CARRY; k--) {
      const s = this.bySentence[k];
      // A paragraph of its own, a headline or a caption breaks the chain.
      if (!s || s.info.titleLike || s.info.line !== own.line) return null;
      if (!s.spoken) continue;
      // A subject the sentence does not name itself (read from what came before) is no new matter.
      return subject === null || names(s.info, subject) || !names(own, subject) ? s.spoken : null;
    }
    return null;
  }
}

/** Whether a sentence names an entity: a mention of its id, or its name in the text. */
function names(info: SentenceInfo, e: Entity): boolean {
  if (info.mentions.some((m) => m.entity.id === e.id)) return true;
  return info.sentence.text.toLowerCase().includes(e.name.toLowerCase());
}

/** A capitalised name right before a verb of reporting results. */
const SELF_REPORTING =
  /\b((?:[A-Z][\w&.'’-]*\s){0,3}[A-Z][\w&.'’-]*)\s+(?:has\s+|have\s+|had\s+|also\s+)?(?:reported|posted|announced|unveiled|recorded)\b/g;

/** Verbs by which an entity states its own figures: "Shell reported an annual profit of $17.5bn". */
const REPORTING = new Set(['report', 'announce', 'post', 'disclose', 'reveal', 'say', 'unveil', 'record', 'forecast']);

/** "it reported that …", "the company said …": the figure's subject speaks of itself. */
const SELF_REPORT =
  /\b(?:it|the (?:company|firm|group|bank|carmaker|airline|retailer|chain|business|manufacturer|maker|insurer|operator))\s+(?:has\s+|had\s+|also\s+)?(?:reported|said|announced|posted|disclosed|revealed|forecast|warned|added)\b/i;

/**
 * The subject as its own speaker: a company, party or body that reports its figures ("Shell
 * reported …", "Mahindra has reported …") or of which the sentence says "it reported that …".
 * Groups of people ("gunmen") and persons named only as subjects speak for nobody here.
 */
export function selfReported(subject: Entity | null, governorLemma: string, sentence: string): Speaker | null {
  if (!subject || subject.kind === 'group' || subject.kind === 'person') return null;
  if (REPORTING.has(governorLemma) || SELF_REPORT.test(sentence)) return { name: subject.name, role: null };
  return null;
}

/**
 * A company's own results: a named subject's income or loss for a stated period (profit, revenue,
 * sales, earnings, a dividend: WordNet nouns under income, gain or loss) that nobody in the article
 * is said to have stated is the company's statement, as results are published by the company
 * ("Southwest Airlines saw its fourth-quarter profits fall 15%"). Its share price stays the report's.
 */
export function ownResults(subject: Entity | null, measure: string | null, hasPeriod: boolean): Speaker | null {
  if (!hasPeriod || !subject || subject.kind !== 'named' || !measure || MARKET_MEASURES.test(measure)) return null;
  // A film's or a show's takings are counted by others (a box office tracker), not published by it.
  if (/\btakings$/.test(measure)) return null;
  const head = measure.split(/\s+/).at(-1)!.toLowerCase();
  return isResult(head) ? { name: subject.name, role: null } : null;
}

/**
 * A price a company's product is sold for ("the $499 Macintosh", "will be sold for $599"), said by
 * nobody in the article, is the company's announcement: the company the article is about. A price
 * per unit of a commodity ("$5 a pound") or of a market ("shares") is nobody's announcement.
 */
export function announcedPrice(
  predicate: string,
  measure: string | null,
  unit: string | null,
  subject: Entity | null,
  topic: Entity | null,
): Speaker | null {
  // A deal's price ("a $4.8 billion sale", "acquisition price") is no product's.
  if (predicate !== 'cost' || measure !== 'price') return null;
  if (!unit || !/^[A-Z]{3}$/.test(unit) || !topic || topic.kind !== 'named') return null;
  if (subject && subject.kind !== 'named' && subject.kind !== 'group') return null;
  return { name: topic.name, role: null };
}

const RESULT_WORDS = new Set(['income', 'financial_gain', 'gain', 'loss', 'financial_loss', 'revenue']);

function isResult(word: string): boolean {
  const first = senses(word, 'n')[0];
  return first !== undefined && reaches(first, 'n', RESULT_WORDS, 4);
}
