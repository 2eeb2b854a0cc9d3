import type { StoredEvent } from '@tally/events';
import { describe, expect, it } from 'vitest';
import { createProjectionSet, InMemoryProjections } from './applyEvents.ts';
import { FigureClaims, type FigureMark } from './figureClaims.ts';
import type { FigureRow } from './figures.ts';
import { LogBuilder, denseRandomLog as randomLog, rebuildFold, seedScenario } from './testing/index.ts';

/** The figures as the figures projection folds them, finalized, as JSON. */
function folded(events: readonly StoredEvent[]): Map<string, unknown> {
  const rows = new InMemoryProjections().apply(events).rows<FigureRow>('figures');
  return new Map([...rows].map(([k, row]) => [k, JSON.parse(JSON.stringify(row))]));
}

/**
 * The figures as a rebuild makes them: the rebuild set folded (figures as marks) in pages, claims
 * gathered, rows made at the end from the articles' facts (only those `figureArticleFacts` keeps,
 * as JSON), finalized.
 */
function gathered(events: readonly StoredEvent[]): { rows: Map<string, unknown>; marks: Map<string, FigureMark> } {
  const claims = new FigureClaims();
  const fold = rebuildFold(events, (page) => claims.addEvents(page), 37);
  const facts = new Map([...fold.facts].map(([id, f]) => [id, JSON.parse(JSON.stringify(f))]));
  const lookup = { article: (id: string) => facts.get(id) ?? null };
  const figures = createProjectionSet().get('figures');
  const marks = new Map(fold.marks.map((m) => [m.figureKey, m]));
  const out = new Map<string, unknown>();
  for (const key of [...marks.keys()].sort()) {
    out.set(key, JSON.parse(JSON.stringify(figures.finalize(claims.row(marks.get(key)!, lookup)))));
  }
  return { rows: out, marks };
}

describe('a rebuild that gathers claims instead of folding figures', () => {
  it('makes the seed figures the figures projection folds, late verdicts and repetitions included', () => {
    for (const events of [
      seedScenario().stored(),
      seedScenario({ lateVerdicts: true }).stored(),
      seedScenario({ repetitions: true }).stored(),
    ]) {
      const expected = folded(events);
      expect(expected.size).toBeGreaterThan(0);
      expect(gathered(events).rows).toEqual(expected);
    }
  });

  it('makes the same rows for random logs full of late verdicts, merges, relisted and revised articles', () => {
    for (const seed of [1, 2, 3, 4]) {
      const events = randomLog(seed, 1500);
      const expected = folded(events);
      expect(expected.size).toBeGreaterThan(10);
      expect(gathered(events).rows, `seed ${seed}`).toEqual(expected);
    }
  }, 30_000);

  it('makes the same rows for random logs with repetitions and re-analyses by other extractor versions', () => {
    let superseded = 0;
    for (const seed of [8, 9, 10]) {
      const events = randomLog(seed, 1500, 0.4);
      const expected = folded(events);
      expect(gathered(events).rows, `seed ${seed}`).toEqual(expected);
      const claimEvents = events.filter((e) => e.type === 'ClaimExtracted').length;
      const kept = [...expected.values()].reduce<number>((n, row) => n + (row as FigureRow).claims.length, 0);
      superseded += claimEvents - kept;
    }
    // The logs exercised the superseding rules.
    expect(superseded).toBeGreaterThan(10);
  }, 30_000);

  it('makes the same rows for random logs of figures of any beat: periods, changes, forecasts, claims stored before 2.0', () => {
    let stored = 0;
    for (const seed of [13, 14]) {
      const events = randomLog(seed, 1500, 0.2, 30, 0.6);
      const expected = folded(events);
      expect(gathered(events).rows, `seed ${seed}`).toEqual(expected);
      stored += events.filter((e) => e.type === 'ClaimExtracted' && !('measure' in e.data)).length;
    }
    // The logs held claims as extractors before 2.0 stored them.
    expect(stored).toBeGreaterThan(10);
  }, 30_000);

  it('applies the superseding rules in order: the same claim id again, and claims of another extractor version', () => {
    const claim = {
      figureKey: 'k',
      bound: '=' as const,
      sentence: 'A number.',
      url: 'https://a.example/1',
      siteName: 'A',
      statedAt: '2024-03-01',
      publishedAt: '2024-03-01T08:00:00Z',
    };
    const log = new LogBuilder()
      .claim({ ...claim, articleId: 'a', claimId: 'a1', value: 10, extractorVersion: 'claims-1' })
      .claim({ ...claim, articleId: 'b', claimId: 'b1', value: 12, extractorVersion: 'claims-1' })
      .claim({ ...claim, articleId: 'a', claimId: 'a2', value: 11, extractorVersion: 'claims-1' })
      // The same claim again: it replaces the first and goes last.
      .claim({ ...claim, articleId: 'a', claimId: 'a1', value: 13, extractorVersion: 'claims-1' })
      // Another extractor version: the article's claims are replaced.
      .claim({ ...claim, articleId: 'b', claimId: 'b2', value: 14, extractorVersion: 'claims-2' })
      .claim({ ...claim, articleId: 'b', claimId: 'b3', value: 15, extractorVersion: 'claims-2' });
    const events = log.stored();
    const expected = folded(events);
    expect((expected.get('k') as FigureRow).claims.map((c) => c.claimId)).toEqual(['a2', 'a1', 'b2', 'b3']);
    expect(gathered(events).rows).toEqual(expected);
  });

  it("keeps a figure's position at its last claim or duplicate verdict, not at article events", () => {
    const events = randomLog(5, 1500);
    const { marks } = gathered(events);
    const byPosition = new Map(events.map((e) => [e.position, e]));
    let verdicts = 0;
    for (const mark of marks.values()) {
      const last = byPosition.get(mark.position)!;
      expect(['ClaimExtracted', 'ArticleDuplicateDetected']).toContain(last.type);
      if (last.type === 'ArticleDuplicateDetected') verdicts += 1;
      expect(byPosition.get(mark.firstPosition)!.type).toBe('ClaimExtracted');
    }
    expect(verdicts).toBeGreaterThan(0);
  });
});
