import type {
  CopyEdit,
  Corpus,
  CorpusArticle,
  CorpusOptions,
  CorpusStatement,
  ResolvedCorpusOptions,
} from './Corpus.ts';
import { type FigureSpec, figureSpecs } from './corpusFigures.ts';
import { dayOf, isoDay, localIso, plainTypography, roundFigure, sentenceCase } from './corpusFormat.ts';
import { articlePath, bylineOf, feedLinkOf, type GeneratedOutlet, makeOutlets } from './corpusOutlets.ts';
import { bounds, headlineTemplates, slotValues, standfirstTemplates, themeOf } from './corpusPhrases.ts';
import { makeSpeakers } from './corpusSpeakers.ts';
import { expand } from './expandTemplate.ts';
import { createRng } from './Rng.ts';
import {
  type ArticleText,
  articleSlots,
  type FigureState,
  figureKeyOf,
  fillerSentence,
  headlineText,
  type StatementRecord,
  writeArticle,
} from './writeArticle.ts';

const defaults: ResolvedCorpusOptions = {
  feeds: 20,
  articlesPerFeed: 15,
  duplicateRate: 0.2,
  minBytes: 50_000,
  maxBytes: 500_000,
  seed: 1,
  missingRate: 0,
  pdfRate: 0,
  startDate: '2023-09-01',
  days: 240,
};

/**
 * Generates a deterministic corpus of news articles about arms deliveries, aid, stockpiles and
 * casualties, with syndicated near-duplicates and a ground truth of the claims each article states.
 */
export function generateCorpus(options: CorpusOptions = {}): Corpus {
  const o: ResolvedCorpusOptions = { ...defaults, ...options };
  if (!Number.isInteger(o.feeds) || o.feeds < 1) throw new RangeError('feeds must be a positive integer');
  if (!Number.isInteger(o.articlesPerFeed) || o.articlesPerFeed < 1)
    throw new RangeError('articlesPerFeed must be a positive integer');
  if (o.minBytes > o.maxBytes) throw new RangeError('minBytes must not exceed maxBytes');
  for (const rate of ['duplicateRate', 'missingRate', 'pdfRate'] as const) {
    if (!(o[rate] >= 0 && o[rate] < 1)) throw new RangeError(`${rate} must be in [0, 1)`);
  }
  const rng = createRng(`corpus/${o.seed}`);
  const outlets = makeOutlets(o.feeds, rng.fork('outlets'));
  const speakers = makeSpeakers(rng.fork('speakers'));
  const startDay = dayOf(o.startDate);

  // Decide what every feed slot holds.
  const total = o.feeds * o.articlesPerFeed;
  const slots = rng.fork('slots').shuffle(Array.from({ length: total }, (_, i) => i));
  const nCopies = o.feeds > 1 ? Math.round(total * o.duplicateRate) : 0;
  const nMissing = Math.round(total * o.missingRate);
  const nPdf = Math.round(total * o.pdfRate);
  if (nCopies + nMissing + nPdf >= total) throw new RangeError('rates leave no original articles');
  const kindOfSlot = new Map<number, 'copy' | 'missing' | 'pdf'>();
  for (const s of slots.slice(0, nCopies)) kindOfSlot.set(s, 'copy');
  for (const s of slots.slice(nCopies, nCopies + nMissing)) kindOfSlot.set(s, 'missing');
  for (const s of slots.slice(nCopies + nMissing, nCopies + nMissing + nPdf)) kindOfSlot.set(s, 'pdf');

  // Originals in publication order, so that statements are made before they are reported.
  const timeRng = rng.fork('time');
  const originals = Array.from({ length: total }, (_, slot) => slot)
    .filter((slot) => !kindOfSlot.has(slot))
    .map((slot) => ({ slot, day: startDay + timeRng.int(0, o.days - 1), minutes: timeRng.int(8 * 60, 18 * 60) }))
    .sort((a, b) => a.day - b.day || a.minutes - b.minutes || a.slot - b.slot);

  const figures = new Map<string, FigureState>();
  const figureRng = rng.fork('figures');
  const figureFor = (spec: FigureSpec): FigureState => {
    const key = figureKeyOf(spec);
    let state = figures.get(key);
    if (!state) {
      state = {
        spec,
        base: spec.unit.min + figureRng.next() * (spec.unit.max - spec.unit.min) * 0.4,
        byDay: new Map(),
      };
      figures.set(key, state);
    }
    return state;
  };
  const statements: StatementRecord[] = [];
  const statementsByDay = new Map<number, StatementRecord[]>();
  const statementsBetween = (from: number, to: number): StatementRecord[] => {
    const out: StatementRecord[] = [];
    for (let d = from; d <= to; d++) out.push(...(statementsByDay.get(d) ?? []));
    return out;
  };
  const recordById = new Map<string, StatementRecord>();
  const statementRng = rng.fork('statements');
  const newStatement = (day: number): StatementRecord => {
    // Transfers dominate the coverage, as they did in the seed reports.
    const spec = statementRng.chance(0.6)
      ? statementRng.pick(figureSpecs.filter((f) => f.kind === 'transfer'))
      : statementRng.pick(figureSpecs);
    const state = figureFor(spec);
    const existing = state.byDay.get(day);
    if (existing) return recordById.get(existing.id)!;
    const pool = statementRng.pick(spec.speakerPools);
    const speaker = statementRng.pick(speakers.get(pool)!);
    const progress = (day - startDay) / Math.max(1, o.days);
    const raw = state.base * (1 + 1.5 * progress) * (0.92 + statementRng.next() * 0.16);
    const value = roundFigure(Math.min(raw, spec.unit.max * 2), spec.unit.unit);
    const bound = statementRng.pick(bounds);
    const statement: CorpusStatement = {
      id: `s${String(statements.length + 1).padStart(5, '0')}`,
      kind: spec.kind,
      subject: spec.subject.name,
      recipient: spec.recipient?.name ?? null,
      value,
      boundWord: bound.word || null,
      bound: bound.bound,
      unit: spec.unit.unit,
      speaker: { name: speaker.name, role: speaker.role },
      statedAt: isoDay(day),
    };
    const record: StatementRecord = { statement, spec, day, speaker, bound };
    state.byDay.set(day, statement);
    statements.push(record);
    recordById.set(statement.id, record);
    statementsByDay.set(day, [...(statementsByDay.get(day) ?? []), record]);
    return record;
  };

  const articles: CorpusArticle[] = new Array(total);
  const texts = new Map<number, ArticleText>();
  const articleRng = rng.fork('articles');
  const usedPaths = new Set<string>();
  const outletOfSlot = (slot: number) => outlets[Math.floor(slot / o.articlesPerFeed)]!;
  const idOf = (slot: number) => `a${String(slot + 1).padStart(5, '0')}`;

  const pathFor = (g: GeneratedOutlet, headline: string, day: number, slot: number) =>
    articlePath(g, headline, day, slot, usedPaths);
  const sizeRng = rng.fork('sizes');

  const reports = new Map<string, number>();
  for (const { slot, day, minutes } of originals) {
    const g = outletOfSlot(slot);
    const r = articleRng.fork(slot);
    const recent = statementsBetween(day - 3, day);
    const primary = recent.length > 0 && r.chance(0.35) ? r.pick(recent) : newStatement(day - r.int(0, 3));
    const records = [primary];
    const extra = r.chance(0.1) ? 2 : r.chance(0.33) ? 1 : 0;
    for (let i = 0; i < extra; i++) {
      const older = statementsBetween(day - 20, day).filter((s) => !records.includes(s));
      records.push(older.length > 0 && r.chance(0.5) ? r.pick(older) : newStatement(day - r.int(1, 20)));
    }
    const unique = records.filter((rec, i) => records.indexOf(rec) === i);
    // A statement reported again is now and then worded with another qualifier, as the seeds show.
    const varied = unique.map((rec) => (reports.get(rec.statement.id) ?? 0) > 0 && r.chance(0.15));
    for (const rec of unique) reports.set(rec.statement.id, (reports.get(rec.statement.id) ?? 0) + 1);
    const text = writeArticle(unique, day, g.usDates, r, varied);
    texts.set(slot, text);
    const path = pathFor(g, text.headline, day, slot);
    articles[slot] = {
      id: idOf(slot),
      kind: 'article',
      path,
      feedLink: feedLinkOf(g, path, false),
      feedPath: g.feed.path,
      outlet: g.outlet.name,
      outletSlug: g.outlet.slug,
      publishedAt: localIso(day, minutes, g.offset),
      title: text.headline,
      standfirst: text.standfirst,
      byline: bylineOf(g, r),
      copyOf: null,
      edits: [],
      paragraphs: text.paragraphs,
      claims: text.claims,
      targetBytes: sizeRng.int(o.minBytes, o.maxBytes),
    };
  }

  // Syndicated copies: another outlet republishes an original later, with its own headline and furniture.
  const copyRng = rng.fork('copies');
  const originalSlots = originals.map((x) => x.slot).sort((a, b) => a - b);
  for (const slot of slots.slice(0, nCopies).sort((a, b) => a - b)) {
    const g = outletOfSlot(slot);
    const r = copyRng.fork(slot);
    // Any original of another outlet: draw until one is found (most are, with more than one feed).
    let sourceSlot = r.pick(originalSlots);
    for (let attempt = 0; outletOfSlot(sourceSlot) === g && attempt < 64; attempt++) sourceSlot = r.pick(originalSlots);
    if (outletOfSlot(sourceSlot) === g) sourceSlot = r.pick(originalSlots.filter((s) => outletOfSlot(s) !== g));
    const source = articles[sourceSlot]!;
    const sourceText = texts.get(sourceSlot)!;
    const sourceInstant = Date.parse(source.publishedAt);
    const sourceDay = dayOf(source.publishedAt);
    let day = sourceDay + r.int(0, 1);
    let minutes = r.int(8 * 60, 18 * 60);
    if (Date.parse(localIso(day, minutes, g.offset)) <= sourceInstant + 3_600_000) {
      day = sourceDay + 1;
      minutes = r.int(8 * 60, 18 * 60);
    }
    const edits: CopyEdit[] = ['headline', 'boilerplate'];
    let paragraphs = sourceText.paragraphs.slice();
    const claimParas = new Set(sourceText.claimParagraphs);
    const typography = r.chance(0.5);
    if (typography) {
      edits.push('typography');
      paragraphs = paragraphs.map(plainTypography);
    }
    const last = paragraphs.length - 1;
    // One paragraph dropped or added, not both: a copy stays a copy (word-shingle Jaccard above ~0.7).
    if (paragraphs.length >= 6 && !claimParas.has(last) && r.chance(0.3)) {
      edits.push('drop-paragraph');
      paragraphs.pop();
    }
    if (paragraphs.length >= 5 && r.chance(0.2)) {
      const i = r.int(2, paragraphs.length - 2);
      if (!claimParas.has(i) && !claimParas.has(i + 1)) {
        edits.push('reorder');
        const tmp = paragraphs[i]!;
        paragraphs[i] = paragraphs[i + 1]!;
        paragraphs[i + 1] = tmp;
      }
    }
    // The copy's added paragraph and its headline speak of the original's main figure.
    const main = sourceText.claims[0]!;
    const mainSpec = figureSpecs.find(
      (f) =>
        f.kind === main.kind &&
        f.subject.name === main.subject &&
        (f.recipient?.name ?? null) === main.recipient &&
        f.unit.unit === main.unit,
    )!;
    if (!edits.includes('drop-paragraph') && r.chance(0.25)) {
      edits.push('add-paragraph');
      const town = r.pick(slotValues.town!);
      const slotsForText = articleSlots(mainSpec, r, town, day);
      const addedUsed = new Set<string>();
      const added = [fillerSentence(themeOf(mainSpec), r, slotsForText, addedUsed)];
      if (r.chance(0.5)) added.push(fillerSentence(themeOf(mainSpec), r, slotsForText, addedUsed));
      paragraphs.push(typography ? plainTypography(added.join(' ')) : added.join(' '));
    }
    let headline = sourceText.headline;
    const speakerLabel = recordById.get(main.statementId)!.speaker.label;
    for (let attempt = 0; attempt < 8 && headline === sourceText.headline; attempt++) {
      headline = headlineText(
        r.pick(headlineTemplates[themeOf(mainSpec)]),
        mainSpec,
        speakerLabel,
        r.pick(slotValues.town!),
        r,
      );
    }
    if (headline === sourceText.headline) headline = `${headline}, report says`;
    const path = pathFor(g, headline, day, slot);
    articles[slot] = {
      id: idOf(slot),
      kind: 'article',
      path,
      feedLink: feedLinkOf(g, path, true),
      feedPath: g.feed.path,
      outlet: g.outlet.name,
      outletSlug: g.outlet.slug,
      publishedAt: localIso(day, minutes, g.offset),
      title: headline,
      standfirst: r.chance(0.5) ? sentenceCase(expand(r.pick(standfirstTemplates), r, {})) : null,
      byline: g.outlet.desk,
      copyOf: source.id,
      edits,
      paragraphs,
      claims: source.claims.map((claim) => ({
        ...claim,
        speaker: { ...claim.speaker },
        sentence: typography ? plainTypography(claim.sentence) : claim.sentence,
      })),
      targetBytes: sizeRng.int(o.minBytes, o.maxBytes),
    };
  }

  // Items that fail on fetch: a removed page, a PDF document.
  const failRng = rng.fork('failures');
  for (const slot of slots.slice(nCopies, nCopies + nMissing + nPdf).sort((a, b) => a - b)) {
    const g = outletOfSlot(slot);
    const r = failRng.fork(slot);
    const kind = kindOfSlot.get(slot) === 'pdf' ? 'pdf' : 'missing';
    const day = startDay + r.int(0, o.days - 1);
    const spec = r.pick(figureSpecs);
    const title =
      kind === 'pdf'
        ? `Full text: ${spec.subject.adjective} briefing on ${spec.unit.short} (PDF)`
        : headlineText(r.pick(headlineTemplates[themeOf(spec)]), spec, 'officials', r.pick(slotValues.town!), r);
    const path =
      kind === 'pdf'
        ? `${g.outlet.homePath}files/${isoDay(day)}-${idOf(slot)}.pdf`
        : pathFor(g, `${title} removed`, day, slot);
    articles[slot] = {
      id: idOf(slot),
      kind,
      path,
      feedLink: feedLinkOf(g, path, false),
      feedPath: g.feed.path,
      outlet: g.outlet.name,
      outletSlug: g.outlet.slug,
      publishedAt: localIso(day, r.int(8 * 60, 18 * 60), g.offset),
      title,
      standfirst: null,
      byline: g.outlet.desk,
      copyOf: null,
      edits: [],
      paragraphs: [],
      claims: [],
      targetBytes: 0,
    };
  }

  return {
    options: o,
    outlets: outlets.map((g) => g.outlet),
    feeds: outlets.map((g) => g.feed),
    articles,
    statements: statements.map((s) => s.statement).sort((a, b) => a.id.localeCompare(b.id)),
  };
}

/** The corpus's ground truth with absolute URLs for a newsroom serving it at `origin`. */
