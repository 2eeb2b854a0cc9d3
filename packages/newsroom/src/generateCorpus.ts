import { type Outlet, type TemplateFamily, templateFamilies } from './ArticlePage.ts';
import { monthNames } from './calendar.ts';
import {
  type BoundSpec,
  bounds,
  type ClaimKind,
  claimTemplates,
  type Entity,
  expand,
  type FigureSpec,
  figureSpecs,
  fillerTemplates,
  headlineTemplates,
  makeSpeakers,
  quoteTemplates,
  type Speaker,
  slotValues,
  standfirstTemplates,
  type Theme,
  themeOf,
} from './corpusPhrases.ts';
import { slugify } from './markup.ts';
import { englishUi } from './outletUi.ts';
import { createRng, type Rng } from './Rng.ts';

export type { ClaimKind } from './corpusPhrases.ts';

export interface CorpusOptions {
  /** Number of feeds; each belongs to its own outlet. @defaultValue 20 */
  feeds?: number;
  /** Items listed by each feed (articles, copies and, when asked for, missing pages and PDFs). @defaultValue 15 */
  articlesPerFeed?: number;
  /** Share of all items that are syndicated copies of an article of another outlet. @defaultValue 0.2 */
  duplicateRate?: number;
  /** Smallest article page, in bytes. @defaultValue 50_000 */
  minBytes?: number;
  /** Largest article page, in bytes. @defaultValue 500_000 */
  maxBytes?: number;
  /** Seed of the pseudo-random generator: the same seed gives the same corpus, byte for byte. @defaultValue 1 */
  seed?: number | string;
  /** Share of items whose link answers 404. @defaultValue 0 */
  missingRate?: number;
  /** Share of items that link to a PDF document. @defaultValue 0 */
  pdfRate?: number;
  /** First publication day, `YYYY-MM-DD`. @defaultValue `2023-09-01` */
  startDate?: string;
  /** Length of the publication period in days. @defaultValue 240 */
  days?: number;
}

export type ResolvedCorpusOptions = Required<CorpusOptions>;

/** The qualifier of a figure as the event catalog writes it. */
export type CorpusBound = BoundSpec['bound'];

/** One statement made by a speaker on a day; several articles may report it. */
export interface CorpusStatement {
  id: string;
  kind: ClaimKind;
  /** Canonical entity names ("North Korea", never "Pyongyang"). */
  subject: string;
  recipient: string | null;
  value: number;
  /** Qualifier of the first report; later reports may word it differently (see each claim). */
  boundWord: string | null;
  bound: CorpusBound;
  /** Normalised unit, singular: `container`, `artillery shell`, `ballistic missile`, `drone`, `tank`, `armoured vehicle`, `air defence missile`, `USD`, `EUR`, `casualty`. */
  unit: string;
  speaker: { name: string; role: string };
  /** `YYYY-MM-DD`. */
  statedAt: string;
}

/** A claim as one article states it. Independent of any figure-key scheme. */
export interface CorpusClaim {
  statementId: string;
  kind: ClaimKind;
  subject: string;
  /** The subject as written ("the DPRK", "Pyongyang"). */
  subjectText: string;
  recipient: string | null;
  recipientText: string | null;
  value: number;
  /** The number as written: "1,200", "1.2 million", "two million", "$2.5 billion", "€800 million". */
  valueText: string;
  /** "more than", "up to", "nearly"…; null when the figure is given as exact. */
  boundWord: string | null;
  /** `=` exact, `>` more than/over, `>=` at least, `<=` up to, `~<` nearly/almost, `~` about/around/roughly. */
  bound: CorpusBound;
  unit: string;
  /** The unit as written ("containers of ammunition"). */
  unitText: string;
  speaker: { name: string; role: string };
  /** `YYYY-MM-DD`: the date phrase resolved against the publication date. */
  statedAt: string;
  /** "on Tuesday" (the latest such weekday on or before the publication day) or "on 12 March" / "on March 12". */
  dateText: string;
  /** The sentence exactly as it appears in the article's text. */
  sentence: string;
}

export type CopyEdit = 'headline' | 'boilerplate' | 'typography' | 'drop-paragraph' | 'add-paragraph' | 'reorder';

export interface CorpusArticle {
  /** Stable id within the corpus: `a00042`. */
  id: string;
  kind: 'article' | 'missing' | 'pdf';
  /** Canonical path (no query). */
  path: string;
  /** Path and query as the feed lists it (tracking parameters included where the outlet adds them). */
  feedLink: string;
  /** Path of the feed listing the item. */
  feedPath: string;
  outlet: string;
  outletSlug: string;
  /** ISO 8601 with the outlet's offset. */
  publishedAt: string;
  title: string;
  standfirst: string | null;
  byline: string;
  /** For a syndicated copy: the original's id. */
  copyOf: string | null;
  /** How a copy differs from its original. Empty for originals. */
  edits: CopyEdit[];
  /** The article text, one string per paragraph (empty for missing pages and PDFs). */
  paragraphs: string[];
  claims: CorpusClaim[];
  /** Size of the page in bytes: the page is padded to exactly this size unless its unpadded HTML is larger. */
  targetBytes: number;
}

export interface CorpusFeed {
  path: string;
  title: string;
  format: 'rss' | 'atom';
  charset: string;
  outlet: string;
  outletSlug: string;
}

export interface Corpus {
  options: ResolvedCorpusOptions;
  outlets: Outlet[];
  feeds: CorpusFeed[];
  /** Every feed item, in id order. */
  articles: CorpusArticle[];
  statements: CorpusStatement[];
}

/** The ground truth of a corpus served at an origin: what end-to-end tests assert against. */
export interface CorpusManifest {
  seed: number | string;
  origin: string;
  feeds: Array<{ url: string; title: string; format: 'rss' | 'atom'; charset: string; outlet: string }>;
  articles: Array<{
    id: string;
    kind: 'article' | 'missing' | 'pdf';
    /** Canonical URL. */
    url: string;
    /** URL as listed in the feed. */
    feedLink: string;
    feed: string;
    outlet: string;
    publishedAt: string;
    title: string;
    /** Canonical URL of the original when this is a syndicated copy. */
    copyOf: string | null;
    edits: CopyEdit[];
    /** Paragraphs joined by blank lines. */
    text: string;
    claims: CorpusClaim[];
    targetBytes: number;
  }>;
  statements: CorpusStatement[];
}

const dayMs = 86_400_000;
const weekdayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Calendar days are counted from 1970-01-01; 0 is a Thursday. */
function dayOf(iso: string): number {
  return Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / dayMs);
}

function isoDay(day: number): string {
  return new Date(day * dayMs).toISOString().slice(0, 10);
}

function weekday(day: number): string {
  return weekdayNames[new Date(day * dayMs).getUTCDay()]!;
}

function withCommas(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function trimDecimal(value: number): string {
  return value.toFixed(1).replace(/\.0$/, '');
}

const smallNumberWords = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** Rounds to the precision news copy uses for a figure of this size. */
function roundFigure(value: number, unit: string): number {
  const step =
    unit === 'USD' || unit === 'EUR'
      ? value >= 1e9
        ? 1e8
        : 1e7
      : value >= 1e6
        ? 1e5
        : value >= 1e5
          ? 1e4
          : value >= 1e4
            ? 1e3
            : value >= 1e3
              ? 100
              : value >= 100
                ? 10
                : 1;
  return Math.max(step, Math.round(value / step) * step);
}

function formatValue(value: number, unit: string, rng: Rng): string {
  if (unit === 'USD' || unit === 'EUR') {
    const sign = unit === 'USD' ? '$' : '€';
    return value >= 1e9 ? `${sign}${trimDecimal(value / 1e9)} billion` : `${sign}${trimDecimal(value / 1e6)} million`;
  }
  if (value >= 1e6) {
    const millions = value / 1e6;
    if (Number.isInteger(millions) && millions >= 2 && millions <= 9 && rng.chance(0.4))
      return `${smallNumberWords[millions]} million`;
    return `${trimDecimal(millions)} million`;
  }
  return withCommas(value);
}

function sentenceCase(text: string): string {
  const cleaned = text
    .replace(/\s+/g, ' ')
    .replace(/ ([,.])/g, '$1')
    .trim();
  const i = cleaned.search(/[A-Za-z]/);
  return i < 0 ? cleaned : cleaned.slice(0, i) + cleaned.charAt(i).toUpperCase() + cleaned.slice(i + 1);
}

function plainTypography(text: string): string {
  return text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/[–—]/g, '-');
}

// ---------------------------------------------------------------- outlets

const placeNames = [
  'Baltic',
  'Danube',
  'Carpathian',
  'Dnipro',
  'Vistula',
  'Adriatic',
  'Pontic',
  'Nordic',
  'Alpine',
  'Caspian',
  'Tatra',
  'Oder',
  'Rhine',
  'Elbe',
  'Meridian',
  'Harbour',
  'Lakeside',
  'Northern',
  'Eastern',
  'Continental',
];
const mastheadNouns = [
  'Herald',
  'Ledger',
  'Dispatch',
  'Courier',
  'Observer',
  'Wire',
  'Chronicle',
  'Gazette',
  'Post',
  'Times',
  'Review',
  'Monitor',
  'Tribune',
  'Bulletin',
  'Sentinel',
];
const offsets = ['+00:00', '+01:00', '+02:00', '+03:00', '-04:00', '-05:00'];
const sectionSets = [
  ['World', 'Politics', 'War', 'Economy', 'Opinion', 'Culture'],
  ['News', 'Europe', 'World', 'Business', 'Science'],
  ['News', 'Region', 'World', 'Defence', 'Analysis', 'Sport'],
  ['Latest', 'Ukraine', 'Russia', 'Security', 'Diplomacy'],
];
const accents = ['#8b0000', '#0057b7', '#2e7d32', '#c8102e', '#4db2ec', '#e8a33d', '#5b2a86', '#555555'];

interface GeneratedOutlet {
  outlet: Outlet;
  offset: string;
  usDates: boolean;
  /** Adds `utm_*` parameters to every link of its feed. */
  tracksLinks: boolean;
  feed: CorpusFeed;
  /** Family-specific furniture choices. */
  family: TemplateFamily;
}

function makeOutlets(count: number, rng: Rng): GeneratedOutlet[] {
  const names = rng.shuffle(placeNames.flatMap((place) => mastheadNouns.map((noun) => `The ${place} ${noun}`)));
  const out: GeneratedOutlet[] = [];
  for (let i = 0; i < count; i++) {
    const base = names[i % names.length]!;
    const name =
      i < names.length
        ? base
        : `${base} ${['International', 'Weekly', 'Evening Edition', 'Online'][Math.floor(i / names.length - 1) % 4]}${i >= names.length * 5 ? ` ${i}` : ''}`;
    const slug = slugify(name.replace(/^The /, ''));
    const family = templateFamilies[i % templateFamilies.length]!;
    const format: 'rss' | 'atom' = rng.chance(0.6) ? 'rss' : 'atom';
    const homePath = `/c/${slug}/`;
    const feedPath = `${homePath}${format === 'rss' ? 'rss.xml' : 'atom.xml'}`;
    const outlet: Outlet = {
      slug,
      name,
      family,
      lang: 'en',
      charset: 'utf-8',
      homePath,
      sections: rng.pick(sectionSets),
      accent: rng.pick(accents),
      classPrefix:
        slug
          .split('-')
          .map((w) => w[0])
          .join('') + String(i % 100),
      feeds: [{ path: feedPath, format, title: `${name}: latest news` }],
      ui: englishUi(name),
      desk: `${name.replace(/^The /, '')} staff`,
    };
    out.push({
      outlet,
      offset: rng.pick(offsets),
      usDates: rng.chance(0.4),
      tracksLinks: rng.chance(0.3),
      family,
      feed: { path: feedPath, title: `${name}: latest news`, format, charset: 'utf-8', outlet: name, outletSlug: slug },
    });
  }
  return out;
}

// ---------------------------------------------------------------- statements

interface FigureState {
  spec: FigureSpec;
  base: number;
  /** Statement per day, so that one figure never has two different statements on one day. */
  byDay: Map<number, CorpusStatement>;
}

interface StatementRecord {
  statement: CorpusStatement;
  spec: FigureSpec;
  day: number;
  speaker: Speaker;
  bound: BoundSpec;
}

function figureKeyOf(spec: FigureSpec): string {
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

interface ArticleText {
  headline: string;
  standfirst: string;
  paragraphs: string[];
  claims: CorpusClaim[];
  /** Paragraph indexes holding a claim sentence. */
  claimParagraphs: Set<number>;
}

function articleSlots(
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

function headlineText(template: string, spec: FigureSpec, speakerLabel: string, town: string, rng: Rng): string {
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

function fillerSentence(
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

function writeArticle(
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

function localIso(day: number, minutes: number, offset: string): string {
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${isoDay(day)}T${hh}:${mm}:00${offset}`;
}

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

  const pathFor = (g: GeneratedOutlet, headline: string, day: number, slot: number): string => {
    const slug = slugify(headline, 9) || 'story';
    const date = isoDay(day);
    const [y, m, d] = date.split('-');
    const numericId = 1_000_000 + slot * 7919;
    const base = g.outlet.homePath;
    let path: string;
    switch (g.family) {
      case 'ledger':
        path = `${base}${g.outlet.sections[0]!.toLowerCase()}/${y}/${m}/${d}/${slug}`;
        break;
      case 'wordpress':
        path = `${base}${slug}/`;
        break;
      case 'portal':
        path = `${base}news/${numericId}-${slug}.html`;
        break;
      case 'magazine':
        path = `${base}${y}/${m}/${d}/${slug}/`;
        break;
      case 'wire':
        path = `${base}news/world/${numericId}-${slug}`;
        break;
      case 'aggregator':
        path = `${base}${g.outlet.sections[1]!.toLowerCase()}/${slug}-${y}${m}${d}.html`;
        break;
      case 'bulletin':
        path = `${base}articles/${date}/${slug}`;
        break;
    }
    if (usedPaths.has(path)) path = path.endsWith('/') ? `${path.slice(0, -1)}-${slot}/` : `${path}-${slot}`;
    usedPaths.add(path);
    return path;
  };
  const trackingFor = (g: GeneratedOutlet, path: string, copy: boolean): string => {
    if (!copy && !g.tracksLinks) return path;
    const campaign = path
      .split('/')
      .filter(Boolean)
      .pop()!
      .replace(/\.html$/, '');
    return `${path}?utm_source=${g.outlet.slug}&utm_medium=rss&utm_campaign=${copy ? 'syndication' : campaign.slice(0, 40)}`;
  };
  const sizeRng = rng.fork('sizes');
  const bylineFor = (g: GeneratedOutlet, r: Rng): string => {
    if (r.chance(0.5)) return g.outlet.desk;
    const first = r.pick([
      'Anna',
      'Marek',
      'Olha',
      'Peter',
      'Ruth',
      'Tomas',
      'Ines',
      'Viktor',
      'Claire',
      'Jonas',
      'Maria',
      'Stefan',
    ]);
    const last = r.pick([
      'Novak',
      'Lindgren',
      'Petrenko',
      'Fischer',
      'Moreau',
      'Horvat',
      'Keller',
      'Walsh',
      'Rossi',
      'Berglund',
      'Kral',
      'Doyle',
    ]);
    return `${first} ${last}`;
  };

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
      feedLink: trackingFor(g, path, false),
      feedPath: g.feed.path,
      outlet: g.outlet.name,
      outletSlug: g.outlet.slug,
      publishedAt: localIso(day, minutes, g.offset),
      title: text.headline,
      standfirst: text.standfirst,
      byline: bylineFor(g, r),
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
    if (!edits.includes('drop-paragraph') && r.chance(0.25)) {
      edits.push('add-paragraph');
      const main = sourceText.claims[0]!;
      const spec = figureSpecs.find(
        (f) =>
          f.kind === main.kind &&
          f.subject.name === main.subject &&
          (f.recipient?.name ?? null) === main.recipient &&
          f.unit.unit === main.unit,
      )!;
      const town = r.pick(slotValues.town!);
      const slotsForText = articleSlots(spec, r, town, day);
      const addedUsed = new Set<string>();
      const added = [fillerSentence(themeOf(spec), r, slotsForText, addedUsed)];
      if (r.chance(0.5)) added.push(fillerSentence(themeOf(spec), r, slotsForText, addedUsed));
      paragraphs.push(typography ? plainTypography(added.join(' ')) : added.join(' '));
    }
    let headline = sourceText.headline;
    const main = sourceText.claims[0]!;
    const mainSpec = figureSpecs.find(
      (f) =>
        f.kind === main.kind &&
        f.subject.name === main.subject &&
        (f.recipient?.name ?? null) === main.recipient &&
        f.unit.unit === main.unit,
    )!;
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
      feedLink: trackingFor(g, path, true),
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
      feedLink: trackingFor(g, path, false),
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
export function corpusManifest(corpus: Corpus, origin: string): CorpusManifest {
  const byId = new Map(corpus.articles.map((a) => [a.id, a]));
  return {
    seed: corpus.options.seed,
    origin,
    feeds: corpus.feeds.map((f) => ({
      url: origin + f.path,
      title: f.title,
      format: f.format,
      charset: f.charset,
      outlet: f.outlet,
    })),
    articles: corpus.articles.map((a) => ({
      id: a.id,
      kind: a.kind,
      url: origin + a.path,
      feedLink: origin + a.feedLink,
      feed: origin + a.feedPath,
      outlet: a.outlet,
      publishedAt: a.publishedAt,
      title: a.title,
      copyOf: a.copyOf ? origin + byId.get(a.copyOf)!.path : null,
      edits: a.edits,
      text: a.paragraphs.join('\n\n'),
      claims: a.claims,
      targetBytes: a.targetBytes,
    })),
    statements: corpus.statements,
  };
}
