import type { EventStore } from '@tally/event-store';
import type { StoredEvent } from '@tally/events';
import { createProjectionReader, type FigureView } from '@tally/projection-store';

/** An article as a user sees it in the projection, without what depends on timing or log positions. */
export interface ArticleOutcome {
  status: string;
  reason: string | null;
  title: string | null;
  publishedAt: string | null;
  siteName: string | null;
  textLength: number | null;
  duplicateOf: string | null;
  claimCount: number | null;
  figureKeys: string[];
}

/** A statement of a figure without log positions. */
export interface StatementOutcome {
  statementId: string;
  value: number | null;
  range: [number, number] | null;
  bound: string;
  speaker: string | null;
  statedAt: string | null;
  independentSources: number;
  independentOutlets: number;
  sources: string[];
  copies: string[];
  claimIds: string[];
  conflicts: string[];
}

export interface FigureOutcome {
  current: string | null;
  history: StatementOutcome[];
}

/** What a run left in the projections and the log, comparable between runs. */
export interface PipelineOutcome {
  articles: Map<string, ArticleOutcome>;
  /** Copy id → original id, from the duplicates projection. */
  duplicates: Map<string, string>;
  figures: Map<string, FigureOutcome>;
  /** Event types → count. */
  eventTypes: Record<string, number>;
  /** Event ids that occur more than once in the log (none, or the log's uniqueness is broken). */
  repeatedEventIds: string[];
  /** Facts recorded more than once under different event ids: `type articleId` (or claim id). */
  repeatedFacts: string[];
}

function statementOutcome(s: FigureView['history'][number]): StatementOutcome {
  return {
    statementId: s.statementId,
    value: s.value,
    range: s.range,
    bound: s.bound,
    speaker: s.speaker?.name ?? null,
    statedAt: s.statedAt,
    independentSources: s.independentSources,
    independentOutlets: s.independentOutlets,
    sources: s.sources.map((x) => x.articleId),
    // Copies are listed in the order their verdicts came in, which depends on the run: compared as a set.
    copies: s.sources.flatMap((x) => x.alsoPublishedBy.map((c) => c.articleId)).sort(),
    claimIds: [...s.claimIds].sort(),
    conflicts: s.conflicts.map((c) => c.detail).sort(),
  };
}

/** Facts a log must hold once per article (or claim), whatever their event ids. */
const onceEach: Record<string, (e: StoredEvent) => string> = {
  ArticleDiscovered: (e) => (e.data as { articleId: string }).articleId,
  ArticleExtracted: (e) => (e.data as { articleId: string }).articleId,
  ArticleAnalyzed: (e) => (e.data as { articleId: string }).articleId,
  ArticleDuplicateDetected: (e) => (e.data as { articleId: string }).articleId,
  ClaimExtracted: (e) => (e.data as { claimId: string }).claimId,
};

/** Reads the projections through the reader the API uses, and scans the whole log once. */
export async function readOutcome(store: EventStore): Promise<PipelineOutcome> {
  const reader = createProjectionReader(store);
  const articles = new Map<string, ArticleOutcome>();
  let after: number | undefined;
  for (;;) {
    const page = await reader.listArticles({ order: 'asc', limit: 1000, ...(after === undefined ? {} : { after }) });
    for (const a of page.items) {
      articles.set(a.articleId, {
        status: a.status,
        reason: a.reason,
        title: a.title,
        publishedAt: a.publishedAt,
        siteName: a.siteName,
        textLength: a.textLength,
        duplicateOf: a.duplicateOf?.originalId ?? null,
        claimCount: a.claimCount,
        figureKeys: [...a.figureKeys].sort(),
      });
    }
    if (page.next === null) break;
    after = page.next;
  }
  const duplicates = new Map<string, string>();
  for (const cluster of await reader.listDuplicates()) {
    for (const c of cluster.copies) duplicates.set(c.articleId, cluster.originalId);
  }
  const figures = new Map<string, FigureOutcome>();
  for (const summary of await reader.listFigures()) {
    const f = await reader.getFigure(summary.figureKey);
    if (!f) continue;
    figures.set(f.figureKey, { current: f.current?.statementId ?? null, history: f.history.map(statementOutcome) });
  }
  const eventTypes: Record<string, number> = {};
  const ids = new Set<string>();
  const repeatedEventIds: string[] = [];
  const facts = new Set<string>();
  const repeatedFacts: string[] = [];
  for await (const page of store.readAllPages({})) {
    for (const e of page) {
      eventTypes[e.type] = (eventTypes[e.type] ?? 0) + 1;
      if (ids.has(e.id)) repeatedEventIds.push(e.id);
      ids.add(e.id);
      const factOf = onceEach[e.type];
      if (factOf) {
        const fact = `${e.type} ${factOf(e)}`;
        if (facts.has(fact)) repeatedFacts.push(fact);
        facts.add(fact);
      }
    }
  }
  return { articles, duplicates, figures, eventTypes, repeatedEventIds, repeatedFacts };
}

/** The statements in which two outcomes of one figure differ, one line each (empty when equal). */
export function figureDifferences(
  key: string,
  want: FigureOutcome | undefined,
  got: FigureOutcome | undefined,
): string[] {
  if (!want || !got) return [`${key}: ${want ? 'missing' : 'unexpected'}`];
  const out: string[] = [];
  if (want.current !== got.current) out.push(`${key}: current statement ${got.current}, want ${want.current}`);
  const theirs = new Map(got.history.map((s) => [s.statementId, s]));
  const ours = new Map(want.history.map((s) => [s.statementId, s]));
  for (const s of want.history) {
    const g = theirs.get(s.statementId);
    if (!g) out.push(`${key}: statement ${s.statementId} missing: ${JSON.stringify(s)}`);
    else if (JSON.stringify(g) !== JSON.stringify(s)) {
      const fields = (Object.keys(s) as (keyof StatementOutcome)[]).filter(
        (k) => JSON.stringify(s[k]) !== JSON.stringify(g[k]),
      );
      out.push(
        `${key}: statement ${s.statementId} differs in ${fields.map((k) => `${k}: ${JSON.stringify(g[k])}, want ${JSON.stringify(s[k])}`).join('; ')}`,
      );
    }
  }
  for (const s of got.history) if (!ours.has(s.statementId)) out.push(`${key}: extra statement ${JSON.stringify(s)}`);
  return out;
}
