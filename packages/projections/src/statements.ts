import type { Bound, ClaimExtracted, DuplicateMethod, Speaker } from '@tally/events';
import { boundsAgree, formatQuantity, qualifierOf } from './qualifiers.ts';
import { affiliationsOf, collectiveFits, type SpeakerKind, speakerKind } from './speakerKind.ts';
import { sameSpeaker, speakerSurname, speakerTokens } from './speakerName.ts';
import { type DayInterval, dayInterval, dayString, daysApart, instantMs } from './statedDate.ts';

/** A claim as the figures projection keeps it: the event's data and its log position. */
export type FigureClaim = Omit<ClaimExtracted, 'figureKey'> & { position: number };

/** What a figure needs to know of an article (read from the articles projection). */
export interface FigureArticleRef {
  articleId: string;
  url: string | null;
  siteName: string | null;
  publishedAt: string | null;
  /** The feed that discovered the article. */
  feedId: string | null;
  feedIds: string[];
  duplicateOf: { originalId: string; directOriginalId: string; similarity: number; method: DuplicateMethod } | null;
  /** On originals: their copies, in verdict order. */
  copyIds: string[];
}

/** A copy of a source's article: listed under the original, never counted as another outlet. */
export interface AlsoPublishedBy {
  articleId: string;
  outlet: string;
  siteName: string | null;
  url: string | null;
  feedId: string | null;
  similarity: number | null;
  method: DuplicateMethod | null;
  /** The copy's own claim for this statement, when it was analysed. */
  claimId: string | null;
  bound: Bound | null;
  qualifier: string | null;
}

/** One independent source of a statement: an original article (copies are credited to it). */
export interface StatementSource {
  articleId: string;
  /** The outlet: the site's name, else the URL's host. */
  outlet: string;
  siteName: string | null;
  url: string | null;
  feedId: string | null;
  feedIds: string[];
  publishedAt: string | null;
  claimId: string;
  sentence: string;
  span: [number, number];
  /** The source's own qualifier, which may disagree with other sources (see `conflicts`). */
  bound: Bound;
  qualifier: string;
  value: number | null;
  range: [number, number] | null;
  statedAt: string | null;
  speaker: Speaker | null;
  /** When the original carries no claim for this statement: the copy whose sentence is shown. */
  quotedFrom: string | null;
  /** Claims of this statement from this article and its copies. */
  mentions: number;
  alsoPublishedBy: AlsoPublishedBy[];
}

/**
 * A source as a figure stores it: ids only. `expandStatement` fills in outlet, URL, feed, sentence
 * and qualifier from the figure's claims and article references, so no text is stored twice.
 */
export interface StoredSource {
  /** The original article (copies are credited to it). */
  articleId: string;
  /** The claim shown for the source: the original's own, else its first copy's. */
  claimId: string;
  mentions: number;
  /** The original's copies and, when a copy was analysed, its claim for this statement. */
  copies: { articleId: string; claimId: string | null }[];
}

export type ConflictKind = 'bound' | 'value' | 'statedAt' | 'negation';

/** One side of a disagreement and the sources on it. */
export interface ConflictSide {
  label: string;
  bound: Bound | null;
  /** The original articles on this side (a copy's claim counts for its original). */
  articleIds: string[];
}

/** Sources of one statement that cannot all be right. Listed, never resolved silently. */
export interface Conflict {
  kind: ConflictKind;
  detail: string;
  sides: ConflictSide[];
}

/** One statement: the same figure stated by the same speaker at about the same time, with all its sources. */
export interface Statement extends StatementFields {
  sources: StatementSource[];
}

/** A statement as a figure stores it (see `StoredSource`). */
export interface StoredStatement extends StatementFields {
  sources: StoredSource[];
}

export interface StatementFields {
  statementId: string;
  /** The statement's date as the sources give it (the most precise, then earliest); null when only publication dates are known. */
  statedAt: string | null;
  /** The days the statement date may mean (from publication dates when no source dates it). */
  statedFrom: string | null;
  statedTo: string | null;
  speaker: Speaker | null;
  subject: string | null;
  predicate: string;
  recipient: string | null;
  concept: string | null;
  /** The value and qualifier most independent sources give (ties: the earliest published source). */
  value: number | null;
  range: [number, number] | null;
  bound: Bound;
  qualifier: string;
  unit: string | null;
  change: 'up' | 'down' | null;
  negated: boolean;
  hedged: boolean;
  firstPublishedAt: string | null;
  lastPublishedAt: string | null;
  /** Original articles among the sources. */
  independentSources: number;
  /** Distinct outlets among the original articles. */
  independentOutlets: number;
  claimIds: string[];
  conflicts: Conflict[];
}

export interface StatementOptions {
  /**
   * Claims whose statement dates are at most this many days apart can be one statement.
   * @defaultValue 3
   */
  statementWindowDays?: number;
}

export const DEFAULT_STATEMENT_WINDOW_DAYS = 3;

interface Item {
  claim: FigureClaim;
  date: DayInterval | null;
  datedBy: 'statement' | 'publication' | null;
  published: number | null;
  speaker: string[] | null;
  speakerKind: SpeakerKind | null;
  /**
   * The state or organisation a collective speaker speaks for, when it names exactly one ("US
   * officials", "White House" → US): two such speakers for the same one are one voice.
   */
  voice: string | null;
  value: [number, number] | null;
  origin: string;
  /**
   * Set by `groupItems`: the claim repeats, in the same article, the statement of another claim
   * (see `repetitionAnchors`) and belongs to that claim's statement.
   */
  repetition: boolean;
}

function cmp(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function itemOrder(a: Item, b: Item): number {
  return (
    cmp(a.date?.from ?? Number.NEGATIVE_INFINITY, b.date?.from ?? Number.NEGATIVE_INFINITY) ||
    cmp(a.published ?? Number.NEGATIVE_INFINITY, b.published ?? Number.NEGATIVE_INFINITY) ||
    cmp(a.claim.articleId, b.claim.articleId) ||
    a.claim.span[0] - b.claim.span[0] ||
    cmp(a.claim.claimId, b.claim.claimId)
  );
}

function valueInterval(c: FigureClaim): [number, number] | null {
  if (c.value !== null) return [c.value, c.value];
  if (c.range) return c.range[0] <= c.range[1] ? [c.range[0], c.range[1]] : [c.range[1], c.range[0]];
  return null;
}

function valuesOverlap(a: [number, number] | null, b: [number, number] | null): boolean {
  if (a === null || b === null) return a === b;
  const eps = 1e-9 * Math.max(1, Math.abs(a[0]), Math.abs(a[1]), Math.abs(b[0]), Math.abs(b[1]));
  return a[0] <= b[1] + eps && b[0] <= a[1] + eps;
}

/** The outlet of a source: its site name, else the URL's host without `www.`. */
export function outletOf(siteName: string | null, url: string | null): string {
  const name = siteName?.trim();
  if (name) return name;
  if (url) {
    try {
      return new URL(url).hostname.replace(/^www\./, '');
    } catch {
      return url;
    }
  }
  return 'unknown outlet';
}

function outletKey(outlet: string): string {
  return outlet.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');
}

class UnionFind {
  readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r]!;
    while (this.parent[i] !== r) {
      const next = this.parent[i]!;
      this.parent[i] = r;
      i = next;
    }
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** The most frequent value by `keyOf` among `items` (ties: the first one in order). */
function majority<T extends object>(items: readonly T[], keyOf: (t: T) => string): T {
  const counts = new Map<string, number>();
  for (const t of items) counts.set(keyOf(t), (counts.get(keyOf(t)) ?? 0) + 1);
  let best = items[0]!;
  let bestCount = 0;
  for (const t of items) {
    const n = counts.get(keyOf(t))!;
    if (n > bestCount) {
      best = t;
      bestCount = n;
    }
  }
  return best;
}

function quantityKey(c: FigureClaim): string {
  return c.value !== null ? `v${c.value}` : c.range ? `r${c.range[0]}:${c.range[1]}` : 'none';
}

function isoOf(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

function sidesOf(
  items: readonly Item[],
  keyOf: (i: Item) => string,
  labelOf: (i: Item) => string,
  boundOf: (i: Item) => Bound | null = () => null,
): ConflictSide[] {
  const sides = new Map<string, ConflictSide>();
  for (const i of items) {
    const k = keyOf(i);
    let side = sides.get(k);
    if (!side) {
      side = { label: labelOf(i), bound: boundOf(i), articleIds: [] };
      sides.set(k, side);
    }
    // A copy's claim stands on its original's side: it is not another source.
    if (!side.articleIds.includes(i.origin)) side.articleIds.push(i.origin);
  }
  return [...sides.values()];
}

function describe(sides: readonly ConflictSide[]): string {
  return sides
    .map((s) => `${s.label} (${s.articleIds.length} ${s.articleIds.length === 1 ? 'source' : 'sources'})`)
    .join(' vs ');
}

/** Disagreements among the claims of one statement (copies included: an edited copy can disagree too). */
function conflictsOf(items: readonly Item[], value: number | null, range: [number, number] | null): Conflict[] {
  const conflicts: Conflict[] = [];
  const point = value ?? (range ? range[0] : 0);
  const bounds = [...new Set(items.map((i) => i.claim.bound))];
  if (bounds.some((a, n) => bounds.slice(n + 1).some((b) => !boundsAgree(a, b, point)))) {
    const sides = sidesOf(
      items,
      (i) => i.claim.bound,
      (i) => `${qualifierOf[i.claim.bound]} ${formatQuantity(value, range)}`,
      (i) => i.claim.bound,
    );
    conflicts.push({ kind: 'bound', detail: `sources disagree: ${describe(sides)}`, sides });
  }
  if (new Set(items.map((i) => quantityKey(i.claim))).size > 1) {
    const sides = sidesOf(
      items,
      (i) => quantityKey(i.claim),
      (i) => formatQuantity(i.claim.value, i.claim.range),
    );
    conflicts.push({ kind: 'value', detail: `sources give different values: ${describe(sides)}`, sides });
  }
  const days = items.filter((i) => i.datedBy === 'statement' && i.date?.precision === 'day');
  if (new Set(days.map((i) => i.date!.from)).size > 1) {
    const sides = sidesOf(
      days,
      (i) => dayString(i.date!.from),
      (i) => dayString(i.date!.from),
    );
    conflicts.push({ kind: 'statedAt', detail: `sources date the statement differently: ${describe(sides)}`, sides });
  }
  if (new Set(items.map((i) => i.claim.negated)).size > 1) {
    const sides = sidesOf(
      items,
      (i) => String(i.claim.negated),
      (i) => (i.claim.negated ? 'denied' : 'stated'),
    );
    conflicts.push({ kind: 'negation', detail: `sources disagree on a denial: ${describe(sides)}`, sides });
  }
  return conflicts;
}

function buildStatement(items: Item[], articles: ArticleRefs): StoredStatement {
  // Repetitions go where their article's own statement goes; they never name, date or identify it.
  const primary = items.filter((i) => !i.repetition);
  const first = primary[0] ?? items[0]!;
  const byOrigin = new Map<string, Item[]>();
  for (const i of items) {
    const list = byOrigin.get(i.origin);
    if (list) list.push(i);
    else byOrigin.set(i.origin, [i]);
  }
  const representatives = new Map<string, Item>();
  for (const [origin, list] of byOrigin) {
    representatives.set(
      origin,
      list.find((i) => i.claim.articleId === origin && !i.repetition) ??
        list.find((i) => !i.repetition) ??
        list.find((i) => i.claim.articleId === origin) ??
        list[0]!,
    );
  }
  const published = new Map<string, number>();
  for (const origin of byOrigin.keys()) {
    published.set(
      origin,
      instantMs(articles.get(origin)?.publishedAt) ??
        representatives.get(origin)!.published ??
        Number.NEGATIVE_INFINITY,
    );
  }
  const origins = [...byOrigin.keys()].sort((a, b) => cmp(published.get(a)!, published.get(b)!) || cmp(a, b));

  const claimOf = new Map<string, string>();
  for (const i of [...primary, ...items]) {
    if (!claimOf.has(i.claim.articleId)) claimOf.set(i.claim.articleId, i.claim.claimId);
  }
  const outlets = new Set<string>();
  const sources: StoredSource[] = origins.map((origin) => {
    const c = representatives.get(origin)!.claim;
    const ref = articles.get(origin);
    const own = c.articleId === origin;
    outlets.add(outletKey(outletOf(ref?.siteName ?? (own ? c.siteName : null), ref?.url ?? (own ? c.url : null))));
    return {
      articleId: origin,
      claimId: c.claimId,
      mentions: byOrigin.get(origin)!.length,
      copies: (ref?.copyIds ?? []).map((copyId) => ({ articleId: copyId, claimId: claimOf.get(copyId) ?? null })),
    };
  });

  const reps = origins.map((o) => representatives.get(o)!);
  const byBound = majority(reps, (i) => i.claim.bound).claim;
  const byValue = majority(reps, (i) => quantityKey(i.claim)).claim;

  const statementDated = primary.filter((i) => i.datedBy === 'statement');
  const precisionRank = { day: 0, month: 1, year: 2 } as const;
  const dated = [...(statementDated.length > 0 ? statementDated : primary.filter((i) => i.date))].sort(
    (a, b) => precisionRank[a.date!.precision] - precisionRank[b.date!.precision] || a.date!.from - b.date!.from,
  )[0];

  const named = primary.filter((i) => i.claim.speaker);
  const speakerItem = [...named].sort((a, b) => b.speaker!.length - a.speaker!.length)[0];
  const role = named.find((i) => i.claim.speaker?.role)?.claim.speaker?.role ?? null;

  let firstPublished: number | null = null;
  let lastPublished: number | null = null;
  for (const i of items) {
    if (i.published === null) continue;
    if (firstPublished === null || i.published < firstPublished) firstPublished = i.published;
    if (lastPublished === null || i.published > lastPublished) lastPublished = i.published;
  }

  return {
    statementId: first.claim.claimId,
    statedAt: dated && dated.datedBy === 'statement' ? dated.claim.statedAt : null,
    statedFrom: dated ? dayString(dated.date!.from) : null,
    statedTo: dated ? dayString(dated.date!.to) : null,
    speaker: speakerItem ? { name: speakerItem.claim.speaker!.name, role } : null,
    subject: first.claim.subject,
    predicate: first.claim.predicate,
    recipient: first.claim.recipient,
    concept: first.claim.concept,
    value: byValue.value,
    range: byValue.range,
    bound: byBound.bound,
    qualifier: qualifierOf[byBound.bound],
    unit: first.claim.unit,
    change: first.claim.change,
    negated: reps.every((i) => i.claim.negated),
    hedged: reps.every((i) => i.claim.hedged),
    firstPublishedAt: isoOf(firstPublished),
    lastPublishedAt: isoOf(lastPublished),
    sources,
    independentSources: sources.length,
    independentOutlets: outlets.size,
    claimIds: items.map((i) => i.claim.claimId),
    conflicts: conflictsOf(items, byValue.value, byValue.range),
  };
}

function statementOrder(a: StatementFields, b: StatementFields): number {
  return (
    cmp(a.statedFrom ?? '', b.statedFrom ?? '') ||
    cmp(a.firstPublishedAt ?? '', b.firstPublishedAt ?? '') ||
    cmp(a.statementId, b.statementId)
  );
}

/** The articles a figure knows, by id. */
export type ArticleRefs = ReadonlyMap<string, FigureArticleRef>;

function originOf(refs: ArticleRefs, articleId: string): string {
  return refs.get(articleId)?.duplicateOf?.originalId ?? articleId;
}

function itemOf(claim: FigureClaim, refs: ArticleRefs): Item {
  const stated = dayInterval(claim.statedAt);
  const date = stated ?? dayInterval(claim.publishedAt);
  return {
    claim,
    date,
    datedBy: stated ? 'statement' : date ? 'publication' : null,
    published: instantMs(claim.publishedAt),
    speaker: claim.speaker ? speakerTokens(claim.speaker.name) : null,
    speakerKind: claim.speaker ? speakerKind(claim.speaker) : null,
    voice: claim.speaker ? voiceOf(claim.speaker) : null,
    value: valueInterval(claim),
    origin: originOf(refs, claim.articleId),
    repetition: false,
  };
}

/** The one state or organisation a collective speaker names, if it names exactly one. */
function voiceOf(speaker: Speaker): string | null {
  if (speakerKind(speaker) !== 'collective') return null;
  const named = affiliationsOf(speaker.name);
  return named.length === 1 ? named[0]! : null;
}

/** Claims in different buckets are never one statement. */
function bucketOf(i: Item): string {
  return `${i.claim.unit?.toLowerCase() ?? ''}\u0000${i.claim.change ?? ''}\u0000${
    i.voice ? `v:${i.voice}` : i.speaker ? `s:${speakerSurname(i.speaker)}` : 'unattributed'
  }\u0000${i.date ? 'dated' : 'undated'}`;
}

/** Whether two claims (of one bucket) state the same thing: speaker, value and date within the window. */
function sameStatement(a: Item, b: Item, window: number): boolean {
  if (a.date && b.date && daysApart(a.date, b.date) > window) return false;
  if (a.speaker && b.speaker && !(a.voice && a.voice === b.voice) && !sameSpeaker(a.speaker, b.speaker)) return false;
  return valuesOverlap(a.value, b.value);
}

/** Whether claim `x` can repeat, in its article, what claim `a` states: same unit, change, denial, value and date. */
function canRepeat(x: Item, a: Item, window: number): boolean {
  if ((x.claim.unit?.toLowerCase() ?? '') !== (a.claim.unit?.toLowerCase() ?? '')) return false;
  if (x.claim.change !== a.claim.change || x.claim.negated !== a.claim.negated) return false;
  if (x.date && a.date ? daysApart(x.date, a.date) > window : x.date !== a.date) return false;
  return valuesOverlap(x.value, a.value);
}

/** The candidate closest in date, then in the text, then first in item order. */
function nearest(x: Item, candidates: readonly number[], items: readonly Item[]): number {
  let best = candidates[0]!;
  let bestDays = Number.POSITIVE_INFINITY;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const n of candidates) {
    const a = items[n]!;
    const days = x.date && a.date ? daysApart(x.date, a.date) : 0;
    const distance = Math.abs(a.claim.span[0] - x.claim.span[0]);
    if (days < bestDays || (days === bestDays && distance < bestDistance)) {
      best = n;
      bestDays = days;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Repetitions inside one article: a headline, caption, lead or re-statement of the figure that the
 * article also attributes to someone named. For each claim that is unattributed or spoken by a
 * collective voice (`speakerKind`), the anchor is the article's claim by a named speaker that it can
 * repeat (`canRepeat`: same unit, change and denial, overlapping value — the qualifier may differ,
 * which shows as a conflict — and dates within the window); a collective must also fit the named
 * speaker's affiliations as the article's roles for that speaker give them (`collectiveFits`).
 * Candidates by two different named speakers leave the claim where it is: the article does not say
 * whose figure it repeats. An unattributed claim without any named candidate repeats the article's
 * collective speaker, when exactly one collective has a claim it can repeat.
 *
 * Only claims of the same article are compared, so statements of different reports, dates or
 * speakers are never merged through a repetition, and a named speaker's claim is never an anchored one.
 * Returns, per item, the index of its anchor, or -1.
 */
function repetitionAnchors(items: readonly Item[], window: number): Int32Array {
  const anchors = new Int32Array(items.length).fill(-1);
  const byArticle = new Map<string, number[]>();
  items.forEach((i, n) => {
    const list = byArticle.get(i.claim.articleId);
    if (list) list.push(n);
    else byArticle.set(i.claim.articleId, [n]);
  });
  for (const list of byArticle.values()) {
    if (list.length < 2) continue;
    const named = list.filter((n) => items[n]!.speakerKind === 'named');
    const collective = list.filter((n) => items[n]!.speakerKind === 'collective');
    if (named.length === 0 && collective.length === 0) continue;
    // The states and organisations each named speaker's roles in this article name.
    const affiliations = new Map<number, Set<string>>();
    const affiliationsOfNamed = (n: number): Set<string> => {
      let set = affiliations.get(n);
      if (!set) {
        set = new Set<string>();
        for (const m of named) {
          const other = items[m]!;
          if (sameSpeaker(other.speaker!, items[n]!.speaker!)) {
            for (const id of affiliationsOf(other.claim.speaker!.role)) set.add(id);
          }
        }
        affiliations.set(n, set);
      }
      return set;
    };
    const unanchored: number[] = [];
    for (const n of list) {
      const x = items[n]!;
      if (x.speakerKind === 'named' || x.speakerKind === 'group') continue;
      const candidates = named.filter((m) => {
        const a = items[m]!;
        if (!canRepeat(x, a, window)) return false;
        return x.speakerKind !== 'collective' || collectiveFits(x.claim.speaker!, affiliationsOfNamed(m));
      });
      if (candidates.length === 0) {
        if (x.speakerKind === null) unanchored.push(n);
        continue;
      }
      const who = items[candidates[0]!]!.speaker!;
      if (candidates.some((m) => !sameSpeaker(items[m]!.speaker!, who))) continue;
      anchors[n] = nearest(x, candidates, items);
    }
    for (const n of unanchored) {
      const x = items[n]!;
      const candidates = collective.filter((m) => anchors[m] === -1 && canRepeat(x, items[m]!, window));
      if (candidates.length === 0) continue;
      const who = items[candidates[0]!]!.speaker!.join(' ');
      if (candidates.some((m) => items[m]!.speaker!.join(' ') !== who)) continue;
      anchors[n] = nearest(x, candidates, items);
    }
  }
  return anchors;
}

/**
 * The connected groups of the same-statement relation, each in item order. Repetitions (see
 * `repetitionAnchors`) take no part in the relation: each joins its anchor's group, so a loosely
 * dated caption cannot bridge two statements of the same speaker.
 */
function groupItems(items: Item[], window: number): Item[][] {
  items.sort(itemOrder);
  const anchors = repetitionAnchors(items, window);
  const buckets = new Map<string, number[]>();
  items.forEach((i, n) => {
    i.repetition = anchors[n]! >= 0;
    if (i.repetition) return;
    const key = bucketOf(i);
    const list = buckets.get(key);
    if (list) list.push(n);
    else buckets.set(key, [n]);
  });
  const uf = new UnionFind(items.length);
  for (const list of buckets.values()) {
    // `list` is in date order: a later claim starting past this one's window cannot match it.
    for (let x = 0; x < list.length; x++) {
      const a = items[list[x]!]!;
      for (let y = x + 1; y < list.length; y++) {
        const b = items[list[y]!]!;
        if (a.date && b.date && b.date.from - a.date.to > window) break;
        if (sameStatement(a, b, window)) uf.union(list[x]!, list[y]!);
      }
    }
  }
  anchors.forEach((anchor, n) => {
    if (anchor >= 0) uf.union(n, anchor);
  });
  const groups = new Map<number, Item[]>();
  items.forEach((i, n) => {
    const r = uf.find(n);
    const list = groups.get(r);
    if (list) list.push(i);
    else groups.set(r, [i]);
  });
  return [...groups.values()];
}

function timeline(statements: StoredStatement[]): { history: StoredStatement[]; current: StoredStatement | null } {
  const history = statements.sort(statementOrder);
  const current = history.findLast((s) => !s.negated) ?? history.at(-1) ?? null;
  return { history, current };
}

/**
 * Groups a figure's claims into statements and orders them into a timeline.
 *
 * Two claims are one statement when they have the same unit and direction of change, a compatible
 * value (the same number, or overlapping ranges — the qualifier may differ, which is a conflict,
 * not another statement), the same speaker (see `sameSpeaker`; or both unattributed), and
 * statement dates at most `statementWindowDays` apart (a claim without a statement date is dated by
 * its publication; a claim with neither only joins others with neither). Statements are the
 * connected groups of that relation, so the result does not depend on the order claims arrived in.
 * Within one article, an unattributed or collectively attributed repetition of a named speaker's
 * figure joins that speaker's statement (see `repetitionAnchors`).
 *
 * The timeline runs by statement date, then first publication; the current statement is the latest
 * one that is not a denial.
 */
export function deriveStatements(
  claims: readonly FigureClaim[],
  refs: ArticleRefs,
  options: StatementOptions = {},
): { history: StoredStatement[]; current: StoredStatement | null } {
  const window = options.statementWindowDays ?? DEFAULT_STATEMENT_WINDOW_DAYS;
  const groups = groupItems(
    claims.map((c) => itemOf(c, refs)),
    window,
  );
  return timeline(groups.map((g) => buildStatement(g, refs)));
}

/** What changed in a figure since its statements were derived. */
export interface StatementDelta {
  /** Claims added (or replaced) since. */
  addedClaimIds: readonly string[];
  /** Claims removed (superseded) since. */
  removedClaimIds: readonly string[];
  /** Articles whose references changed (duplicate verdicts, feeds, outlet names). */
  articleIds: readonly string[];
}

/**
 * The same result as `deriveStatements`, computed from the previous statements and what changed:
 * only statements holding a removed claim, a claim of a changed article, or a claim that an added
 * claim joins are regrouped. Adding a claim can only merge the groups it touches, and removing one
 * can only split its own group, so the untouched statements stand as they were. Keeps the cost of
 * a batch in proportion to what it changed, not to the size of the figure.
 */
export function updateStatements(
  previous: readonly StoredStatement[],
  claims: readonly FigureClaim[],
  refs: ArticleRefs,
  delta: StatementDelta,
  options: StatementOptions = {},
): { history: StoredStatement[]; current: StoredStatement | null } {
  const window = options.statementWindowDays ?? DEFAULT_STATEMENT_WINDOW_DAYS;
  const byId = new Map(claims.map((c) => [c.claimId, c]));
  const added = new Set(delta.addedClaimIds.filter((id) => byId.has(id)));
  const removed = new Set(delta.removedClaimIds);
  const changed = new Set(delta.articleIds);
  const before = new Set(previous.flatMap((s) => s.claimIds));
  const consistent =
    claims.every((c) => added.has(c.claimId) || before.has(c.claimId)) &&
    [...before].every((id) => byId.has(id) || removed.has(id));
  if (!consistent) return deriveStatements(claims, refs, options);

  const articleChanged = (articleId: string) => {
    if (changed.has(articleId)) return true;
    const origin = originOf(refs, articleId);
    return changed.has(origin) || (refs.get(origin)?.copyIds.some((id) => changed.has(id)) ?? false);
  };
  const addedItems = [...added].map((id) => itemOf(byId.get(id)!, refs));
  const addedBuckets = new Set(addedItems.map(bucketOf));
  // Repetitions are found among the claims of one article, so every statement holding a claim of
  // an article with an added claim is regrouped. (A claim is only ever removed when its article is
  // re-analysed, that is, together with an added claim of the same article.)
  const addedArticles = new Set(addedItems.map((i) => i.claim.articleId));
  const keep: StoredStatement[] = [];
  const pool: Item[] = [...addedItems];
  for (const s of previous) {
    let affected = s.claimIds.some((id) => removed.has(id) || added.has(id) || !byId.has(id));
    if (!affected) affected = s.claimIds.some((id) => addedArticles.has(byId.get(id)!.articleId));
    if (!affected) affected = s.claimIds.some((id) => articleChanged(byId.get(id)!.articleId));
    if (!affected) {
      affected = s.sources.some(
        (src) => changed.has(src.articleId) || src.copies.some((c) => changed.has(c.articleId)),
      );
    }
    let items: Item[] | null = null;
    if (!affected && addedItems.length > 0) {
      // The statement's own claims (its id is one of them) share one bucket; repetitions may not.
      const first = itemOf(byId.get(s.statementId) ?? byId.get(s.claimIds[0]!)!, refs);
      if (addedBuckets.has(bucketOf(first)) || !byId.has(s.statementId)) {
        items = s.claimIds.map((id) => itemOf(byId.get(id)!, refs));
        affected = items.some((i) =>
          addedItems.some((a) => bucketOf(a) === bucketOf(i) && sameStatement(a, i, window)),
        );
      }
    }
    if (!affected) {
      keep.push(s);
      continue;
    }
    for (const id of s.claimIds) {
      if (removed.has(id) || added.has(id) || !byId.has(id)) continue;
      pool.push(items?.find((i) => i.claim.claimId === id) ?? itemOf(byId.get(id)!, refs));
    }
  }
  const rebuilt = groupItems(pool, window).map((g) => buildStatement(g, refs));
  return timeline([...keep, ...rebuilt]);
}

/** A stored statement with its sources filled in from the figure's claims and article references. */
export function expandStatement(
  statement: StoredStatement,
  claims: ReadonlyMap<string, FigureClaim>,
  articles: ArticleRefs,
): Statement {
  const sources = statement.sources.map((src): StatementSource => {
    const c = claims.get(src.claimId)!;
    const origin = src.articleId;
    const own = c.articleId === origin;
    const ref = articles.get(origin);
    const siteName = ref?.siteName ?? (own ? c.siteName : null);
    const url = ref?.url ?? (own ? c.url : null);
    return {
      articleId: origin,
      outlet: outletOf(siteName, url),
      siteName,
      url,
      feedId: ref?.feedId ?? null,
      feedIds: ref?.feedIds ?? [],
      publishedAt: ref?.publishedAt ?? (own ? c.publishedAt : null),
      claimId: c.claimId,
      sentence: c.sentence,
      span: c.span,
      bound: c.bound,
      qualifier: qualifierOf[c.bound],
      value: c.value,
      range: c.range,
      statedAt: c.statedAt,
      speaker: c.speaker,
      quotedFrom: own ? null : c.articleId,
      mentions: src.mentions,
      alsoPublishedBy: src.copies.map((copy): AlsoPublishedBy => {
        const copyRef = articles.get(copy.articleId);
        const copyClaim = copy.claimId ? claims.get(copy.claimId) : undefined;
        const copySite = copyRef?.siteName ?? copyClaim?.siteName ?? null;
        const copyUrl = copyRef?.url ?? copyClaim?.url ?? null;
        return {
          articleId: copy.articleId,
          outlet: outletOf(copySite, copyUrl),
          siteName: copySite,
          url: copyUrl,
          feedId: copyRef?.feedId ?? null,
          similarity: copyRef?.duplicateOf?.similarity ?? null,
          method: copyRef?.duplicateOf?.method ?? null,
          claimId: copyClaim?.claimId ?? null,
          bound: copyClaim?.bound ?? null,
          qualifier: copyClaim ? qualifierOf[copyClaim.bound] : null,
        };
      }),
    };
  });
  return { ...statement, sources };
}
