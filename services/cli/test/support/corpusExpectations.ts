import { articleIdFor } from '@tally/events';
import { canonicalUrl } from '@tally/feeds';
import type { CorpusClaim, CorpusManifest, CorpusOptions } from '@tally/newsroom';

/**
 * The corpus the end-to-end and fault tests serve: 20 feeds, 320 items (64 syndicated copies, a few
 * 404s and PDFs), pages of 5–20 KB so a run stays short.
 */
export const testCorpusOptions: CorpusOptions = {
  feeds: 20,
  articlesPerFeed: 16,
  duplicateRate: 0.2,
  missingRate: 0.02,
  pdfRate: 0.02,
  minBytes: 5_000,
  maxBytes: 20_000,
  seed: 8,
};

type ManifestArticle = CorpusManifest['articles'][number];

/** The figures projection's default statement window (`STATEMENT_WINDOW_DAYS`). */
const STATEMENT_WINDOW_DAYS = 3;

/** The article id Tally gives a listed item: the canonical form of the link the feed lists. */
export function articleIdOf(a: ManifestArticle): string {
  const link = canonicalUrl(a.feedLink);
  if (!link) throw new Error(`manifest link is not a URL: ${a.feedLink}`);
  return articleIdFor(link);
}

const entityIds: Record<string, string> = {
  'North Korea': 'KP',
  Russia: 'RU',
  Ukraine: 'UA',
  'United States': 'US',
  Germany: 'DE',
  'United Kingdom': 'GB',
  Poland: 'PL',
  Netherlands: 'NL',
  'the Netherlands': 'NL',
  Iran: 'IR',
  Belarus: 'BY',
  Denmark: 'DK',
  Canada: 'CA',
  Sweden: 'SE',
};

function entityId(name: string | null): string {
  if (name === null) return '?';
  const id = entityIds[name];
  if (!id) throw new Error(`no gazetteer id known for corpus entity ${name}`);
  return id;
}

/**
 * The figure key a corpus claim belongs to, in the claims package's scheme
 * (`predicate:subject>recipient:unit`): transfers are `transfer`, aid announcements and commitments
 * `pledge`, stockpiles `stock`, losses `casualties` (of persons) with the side that suffered them as recipient.
 * The unit is the corpus's normalised unit: "artillery rounds" and "artillery shells" are one figure,
 * as are "main battle tanks" and "tanks".
 */
export function figureKeyOf(c: Pick<CorpusClaim, 'kind' | 'subject' | 'recipient' | 'unit'>): string {
  switch (c.kind) {
    case 'transfer':
      return `transfer:${entityId(c.subject)}>${entityId(c.recipient)}:${c.unit}`;
    case 'aid':
      return `pledge:${entityId(c.subject)}>${entityId(c.recipient)}:${c.unit}`;
    case 'stockpile':
      return `stock:${entityId(c.subject)}:${c.unit}`;
    case 'casualties':
      // Casualties are persons in the claims' scheme, whichever word counts them.
      return `casualties:?>${entityId(c.subject)}:person`;
  }
}

export interface ExpectedStatement {
  figureKey: string;
  statementId: string;
  value: number;
  bound: string;
  speaker: string;
  statedAt: string;
  /** Original articles reporting the statement. */
  sources: number;
  sentences: string[];
}

/** What Tally must make of a served corpus, read from its manifest alone. */
export interface ExpectedOutcome {
  /** Article ids of originals that must end extracted and analysed, not duplicates. */
  originals: string[];
  /** Copy article id → the article id of its original. */
  copyOf: Map<string, string>;
  failuresByReason: Record<string, number>;
  /** Figure key → its current statement (the latest statement date; one figure never has two on one day). */
  currentByFigure: Map<string, ExpectedStatement>;
  statements: ExpectedStatement[];
}

/**
 * Builds the expectation from the manifest. A statement's qualifier is the one most of its
 * independent reports use (ties: the earliest published report), as the figures projection says.
 */
export function expectedOutcome(manifest: CorpusManifest): ExpectedOutcome {
  const byUrl = new Map(manifest.articles.map((a) => [a.url, a]));
  const originals: string[] = [];
  const copyOf = new Map<string, string>();
  let missing = 0;
  let pdf = 0;
  const reports = new Map<string, { claim: CorpusClaim; publishedAt: number }[]>();
  for (const a of manifest.articles) {
    if (a.kind === 'missing') missing++;
    else if (a.kind === 'pdf') pdf++;
    else if (a.copyOf) {
      const original = byUrl.get(a.copyOf);
      if (!original) throw new Error(`copy ${a.url} names an unknown original`);
      copyOf.set(articleIdOf(a), articleIdOf(original));
    } else {
      originals.push(articleIdOf(a));
      for (const claim of a.claims) {
        const list = reports.get(claim.statementId) ?? [];
        list.push({ claim, publishedAt: Date.parse(a.publishedAt) });
        reports.set(claim.statementId, list);
      }
    }
  }
  // Statements of one figure by one speaker with the same value, at most three days apart, are one
  // statement to the figures projection (its statement window): dated by the earliest.
  type Group = {
    first: (typeof manifest.statements)[number];
    last: string;
    reports: { claim: CorpusClaim; publishedAt: number }[];
  };
  const groups: Group[] = [];
  const sortedStatements = [...manifest.statements].sort((x, y) => x.statedAt.localeCompare(y.statedAt));
  for (const s of sortedStatements) {
    const list = reports.get(s.id) ?? [];
    if (list.length === 0) continue;
    const joined = groups.find(
      (g) =>
        figureKeyOf(g.first) === figureKeyOf(s) &&
        g.first.speaker.name === s.speaker.name &&
        g.first.value === s.value &&
        (Date.parse(s.statedAt) - Date.parse(g.last)) / 86_400_000 <= STATEMENT_WINDOW_DAYS,
    );
    if (joined) {
      joined.reports.push(...list);
      joined.last = s.statedAt;
    } else groups.push({ first: s, last: s.statedAt, reports: [...list] });
  }
  const statements: ExpectedStatement[] = [];
  for (const { first: s, reports: unsorted } of groups) {
    const list = unsorted.sort((x, y) => x.publishedAt - y.publishedAt);
    const counts = new Map<string, number>();
    for (const r of list) counts.set(r.claim.bound, (counts.get(r.claim.bound) ?? 0) + 1);
    let bound = list[0]!.claim.bound as string;
    for (const r of list) if (counts.get(r.claim.bound)! > counts.get(bound)!) bound = r.claim.bound;
    statements.push({
      figureKey: figureKeyOf(s),
      statementId: s.id,
      value: s.value,
      bound,
      speaker: s.speaker.name,
      statedAt: s.statedAt,
      sources: list.length,
      sentences: list.map((r) => r.claim.sentence),
    });
  }
  const currentByFigure = new Map<string, ExpectedStatement>();
  for (const s of statements) {
    const seen = currentByFigure.get(s.figureKey);
    if (!seen || s.statedAt > seen.statedAt) currentByFigure.set(s.figureKey, s);
  }
  return {
    originals,
    copyOf,
    failuresByReason: { 'http-404': missing, 'not-html': pdf },
    currentByFigure,
    statements,
  };
}
