import type { CorpusClaim, CorpusStatement } from './Corpus.ts';
import { monthNames } from './calendar.ts';
import type { Entity, FigureSpec } from './corpusFigures.ts';
import { dayMs, formatValue, sentenceCase, weekday } from './corpusFormat.ts';
import {
  type BoundSpec,
  bounds,
  claimTemplates,
  fillerTemplates,
  headlineTemplates,
  quoteTemplates,
  slotValues,
  standfirstTemplates,
  type Theme,
  themeOf,
} from './corpusPhrases.ts';
import type { Speaker } from './corpusSpeakers.ts';
import { expand } from './expandTemplate.ts';
import type { Rng } from './Rng.ts';

export interface FigureState {
  spec: FigureSpec;
  base: number;
  /** Statement per day, so that one figure never has two different statements on one day. */
  byDay: Map<number, CorpusStatement>;
}

export interface StatementRecord {
  statement: CorpusStatement;
  spec: FigureSpec;
  day: number;
  speaker: Speaker;
  bound: BoundSpec;
}

export function figureKeyOf(spec: FigureSpec): string {
  return `${spec.kind}|${spec.subject.name}|${spec.recipient?.name ?? ''}|${spec.unit.unit}`;
}

// ---------------------------------------------------------------- text

function datePhrase(statedDay: number, pubDay: number, usDates: boolean, rng: Rng): string {
  const delta = pubDay - statedDay;
  if (delta <= 4 && rng.chance(0.6)) return `on ${weekday(statedDay)}`;
  const date = new Date(statedDay * dayMs);
  const month = monthNames[date.getUTCMonth()]!;
  const year = date.getUTCFullYear() !== new Date(pubDay * dayMs).getUTCFullYear() ? ` ${date.getUTCFullYear()}` : '';
  return usDates
    ? `on ${month} ${date.getUTCDate()}${year ? `,${year}` : ''}`
    : `on ${date.getUTCDate()} ${month}${year}`;
}

function writeClaim(
  record: StatementRecord,
  pubDay: number,
  usDates: boolean,
  rng: Rng,
  town: string,
  variedBound: boolean,
): CorpusClaim {
  const { statement, spec, speaker } = record;
  const bound = variedBound ? rng.pick(bounds.filter((b) => b.bound !== record.bound.bound)) : record.bound;
  const subjectText = rng.pick(spec.subject.forms);
  const recipientText = spec.recipient ? rng.pick(spec.recipient.forms) : null;
  const valueText = formatValue(statement.value, statement.unit, rng);
  const unitText = rng.pick(spec.unit.texts);
  const dateText = datePhrase(record.day, pubDay, usDates, rng);
  const sentence = sentenceCase(
    expand(rng.pick(claimTemplates[spec.kind]), rng, {
      S: subjectText,
      R: recipientText ?? '',
      B: bound.word ? `${bound.word} ` : '',
      V: valueText,
      U: unitText,
      N: speaker.name,
      RO: speaker.role,
      D: dateText,
      T: town,
    }),
  );
  return {
    statementId: statement.id,
    kind: spec.kind,
    subject: spec.subject.name,
    subjectText,
    recipient: spec.recipient?.name ?? null,
    recipientText,
    value: statement.value,
    valueText,
    boundWord: bound.word || null,
    bound: bound.bound,
    unit: statement.unit,
    unitText,
    speaker: { ...statement.speaker },
    statedAt: statement.statedAt,
    dateText,
    sentence,
  };
}

export interface ArticleText {
  headline: string;
  standfirst: string;
  paragraphs: string[];
  claims: CorpusClaim[];
  /** Paragraph indexes holding a claim sentence. */
  claimParagraphs: Set<number>;
}

export function articleSlots(
  spec: FigureSpec,
  rng: Rng,
  town: string,
  pubDay: number,
): Record<string, string | readonly string[]> {
  const s = spec.subject;
  const r: Entity = spec.recipient ?? spec.subject;
  const capitals = rng.sample(
    slotValues.capital!.filter((c) => c !== s.capital),
    2,
  );
  const ports = rng.sample(slotValues.port!, 2);
  const theme = themeOf(spec);
  // Budget fights and stock worries happen in the donor's capital; reactions to arms for Russia anywhere in Europe.
  const home = theme === 'aid' || theme === 'support' ? s.capital : capitals[0]!;
  return {
    S2: s.forms,
    R2: r.forms,
    Sadj: s.adjective,
    Radj: r.adjective,
    capital: home,
    capital2: capitals[1]!,
    port: ports[0]!,
    port2: ports[1]!,
    T2: town,
    // "In November, fighting intensified…": the month of publication or the one before.
    month: monthNames[new Date((pubDay - rng.int(0, 30)) * dayMs).getUTCMonth()]!,
  };
}

export function headlineText(template: string, spec: FigureSpec, speakerLabel: string, town: string, rng: Rng): string {
  const text = expand(template, rng, {
    S: spec.subject.forms[0]!,
    R: (spec.recipient ?? spec.subject).forms[0]!,
    Sadj: spec.subject.adjective,
    L: speakerLabel,
    K: spec.unit.short,
    T: town,
  });
  return sentenceCase(text).replace(/([?!] )([a-z])/g, (_, gap: string, letter: string) => gap + letter.toUpperCase());
}

export function fillerSentence(
  theme: Theme,
  rng: Rng,
  slots: Record<string, string | readonly string[]>,
  used: Set<string>,
): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const pool = rng.chance(0.55) ? fillerTemplates[theme] : fillerTemplates.general;
    const template = rng.pick(pool);
    if (used.has(template)) continue;
    used.add(template);
    return sentenceCase(expand(template, rng, slots));
  }
  return sentenceCase(expand(rng.pick(fillerTemplates.general), rng, slots));
}

export function writeArticle(
  records: StatementRecord[],
  pubDay: number,
  usDates: boolean,
  rng: Rng,
  variedBounds: boolean[],
): ArticleText {
  const main = records[0]!;
  const theme = themeOf(main.spec);
  const town = rng.pick(slotValues.town!);
  const slots = articleSlots(main.spec, rng, town, pubDay);
  const used = new Set<string>();
  const claims = records.map((record, i) => writeClaim(record, pubDay, usDates, rng, town, variedBounds[i] ?? false));
  const headline = headlineText(rng.pick(headlineTemplates[theme]), main.spec, main.speaker.label, town, rng);
  const standfirst = sentenceCase(expand(rng.pick(standfirstTemplates), rng, {}));
  const paragraphs: string[] = [];
  const claimParagraphs = new Set<number>();
  // Lead: the main claim and a sentence or two of context.
  const lead = [claims[0]!.sentence];
  for (let i = rng.int(1, 2); i > 0; i--) lead.push(fillerSentence(theme, rng, slots, used));
  paragraphs.push(lead.join(' '));
  claimParagraphs.add(0);
  if (rng.chance(0.5))
    paragraphs.push(sentenceCase(expand(rng.pick(quoteTemplates[theme]), rng, { ...slots, N: main.speaker.name })));
  const total = rng.int(5, 8);
  while (paragraphs.length < total) {
    const sentences: string[] = [];
    for (let i = rng.int(2, 4); i > 0; i--) sentences.push(fillerSentence(theme, rng, slots, used));
    paragraphs.push(sentences.join(' '));
  }
  // Further claims open later paragraphs.
  claims.slice(1).forEach((claim, i) => {
    const at = Math.min(paragraphs.length - 1, 2 + i * 2 + rng.int(0, 1));
    paragraphs[at] = `${claim.sentence} ${paragraphs[at]}`;
    claimParagraphs.add(at);
  });
  return { headline, standfirst, paragraphs, claims, claimParagraphs };
}

// ---------------------------------------------------------------- the corpus
