import type { StoredEvent } from '@tally/events';
import type { ArticleRow } from '../ArticleRow.ts';
import { applyEvents, createRebuildSet, type RowCache } from '../applyEvents.ts';
import { type FigureMark, figureArticleFacts } from '../figureClaims.ts';
import type { FigureArticleFacts } from '../figures.ts';
import type { ProjectionName, ProjectionRow } from '../Projection.ts';
import { generateLog } from './generateLog.ts';
import { storedFrom } from './LogBuilder.ts';

/**
 * A random log small enough for a unit test and dense with what the folds must get right: copies
 * (30 %), late verdicts, merges, relisted and revised articles (20 %), few figure keys.
 */
export function denseRandomLog(
  seed: number,
  events: number,
  repetitionRate = 0,
  tailFigureKeys = 30,
  figureDetailRate = 0,
): StoredEvent[] {
  return storedFrom(
    [
      ...generateLog({
        events,
        seed,
        feeds: 12,
        textBytes: 40,
        oddities: 0.2,
        duplicateRate: 0.3,
        tailFigureKeys,
        storyFigureKeys: 8,
        repetitionRate,
        figureDetailRate,
      }),
    ].flat(),
  );
}

/**
 * Folds the log as a rebuild does (`createRebuildSet`: figures as marks), in pages, with rows kept
 * in memory. `onPage` sees each page and the facts of the articles it changed, as a rebuild notes
 * them when it stores articles. Returns the marks in key order and the facts of every article.
 */
export function rebuildFold(
  events: readonly StoredEvent[],
  onPage: (page: readonly StoredEvent[], facts: FigureArticleFacts[]) => void = () => {},
  pageSize = 100,
): { marks: FigureMark[]; facts: Map<string, FigureArticleFacts> } {
  const rows = new Map<ProjectionName, Map<string, ProjectionRow>>();
  const cache: RowCache = {
    get: (name, key) => rows.get(name)?.get(key) ?? null,
    set: (name, key, row) => {
      let of = rows.get(name);
      if (!of) {
        of = new Map();
        rows.set(name, of);
      }
      if (row) of.set(key, row);
      else of.delete(key);
    },
  };
  const set = createRebuildSet();
  const factsOf = (id: string) => {
    const row = rows.get('articles')?.get(id);
    return row ? figureArticleFacts(row as ArticleRow) : null;
  };
  for (let i = 0; i < events.length; i += pageSize) {
    const page = events.slice(i, i + pageSize);
    const missing = applyEvents(set, page, cache).missing;
    if (missing) throw new Error(`rows missing from memory: ${JSON.stringify(missing)}`);
    const ids = new Set<string>();
    for (const e of page) {
      const d = e.data as { articleId?: string; originalId?: string };
      if (d.articleId !== undefined) ids.add(d.articleId);
      if (d.originalId !== undefined) ids.add(d.originalId);
    }
    onPage(
      page,
      [...ids].map(factsOf).filter((f): f is FigureArticleFacts => f !== null),
    );
  }
  const facts = new Map<string, FigureArticleFacts>();
  for (const id of rows.get('articles')?.keys() ?? []) {
    const f = factsOf(id);
    if (f) facts.set(id, f);
  }
  const marks = [...((rows.get('figures') ?? new Map()) as Map<string, FigureMark>).values()].sort((a, b) =>
    a.figureKey < b.figureKey ? -1 : 1,
  );
  return { marks, facts };
}
