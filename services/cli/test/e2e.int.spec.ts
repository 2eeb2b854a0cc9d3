import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EventStore, openEventStore } from '@tally/event-store';
import type {} from '@tally/local-services/vitest-setup';
import { generateCorpus, type Newsroom, startNewsroom } from '@tally/newsroom';
import type { IngestSummary } from '@tally/pipeline';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ExpectedOutcome, expectedOutcome, testCorpusOptions } from './support/corpusExpectations.ts';
import { freshDatabase } from './support/freshDatabase.ts';
import { type PipelineOutcome, readOutcome } from './support/pipelineOutcome.ts';
import { runTally } from './support/tallyProcess.ts';

/**
 * `tally ingest --feeds FILE --once` against a generated newsroom of 20 feeds and 320 items, on
 * PostgreSQL: what it leaves in the projections must be exactly what the corpus's ground truth says.
 */
describe('tally ingest --once on a generated corpus', () => {
  let newsroom: Newsroom;
  let expected: ExpectedOutcome;
  let db: { url: string; drop(): Promise<void> };
  let store: EventStore;
  let summary: IngestSummary;
  let outcome: PipelineOutcome;
  let dir: string;

  beforeAll(async () => {
    newsroom = await startNewsroom({ corpus: generateCorpus(testCorpusOptions) });
    expected = expectedOutcome(newsroom.manifest!);
    db = await freshDatabase(inject('databaseUrl'), 'e2e');
    dir = mkdtempSync(join(tmpdir(), 'tally-e2e-'));
    const feedsFile = join(dir, 'feeds.yaml');
    writeFileSync(
      feedsFile,
      newsroom.feeds.map((f) => `- url: ${f.url}\n  title: ${JSON.stringify(f.title)}\n`).join(''),
    );
    const run = await runTally(['ingest', '--feeds', feedsFile, '--once', '--json', '--allow', newsroom.host], {
      REDIS_URL: inject('redisUrl'),
      DATABASE_URL: db.url,
      QUEUE_PREFIX: `e2e${randomUUID().slice(0, 8)}`,
      HTTP_HOST_INTERVAL_MS: '0',
      HTTP_HOST_CONCURRENCY: '8',
      LOG_LEVEL: 'warn',
    });
    expect(run.code, run.stderr).toBe(0);
    summary = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as IngestSummary;
    store = await openEventStore({ databaseUrl: db.url });
    outcome = await readOutcome(store);
  });

  afterAll(async () => {
    await store?.close();
    await db?.drop();
    await newsroom?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('polls every feed once and discovers every listed item', () => {
    const manifest = newsroom.manifest!;
    expect(summary.feeds).toBe(manifest.feeds.length);
    expect(summary.polls).toEqual({ ok: manifest.feeds.length, notModified: 0, failed: 0 });
    expect(summary.articles.discovered).toBe(manifest.articles.length);
    expect(outcome.articles.size).toBe(manifest.articles.length);
  });

  it('extracts and analyses every original article and credits none of them to another', () => {
    const notDone = expected.originals
      .map((id) => [id, outcome.articles.get(id)] as const)
      .filter(([, a]) => a?.status !== 'analyzed')
      .map(([id, a]) => `${id}: ${a?.status ?? 'missing'}${a?.reason ? ` (${a.reason})` : ''}`);
    expect(notDone).toEqual([]);
  });

  it('credits every copy to its original and nothing else', () => {
    const wrong: string[] = [];
    for (const [copy, original] of expected.copyOf) {
      const a = outcome.articles.get(copy);
      if (a?.status !== 'duplicate' || a.duplicateOf !== original) {
        wrong.push(`${copy}: ${a?.status ?? 'missing'}, credited to ${a?.duplicateOf ?? 'nothing'} (want ${original})`);
      }
    }
    expect(wrong).toEqual([]);
    expect(new Map([...outcome.duplicates].sort())).toEqual(new Map([...expected.copyOf].sort()));
    expect(summary.articles.duplicates).toBe(expected.copyOf.size);
  });

  it('fails exactly the 404s and PDFs, for good and with their reasons', () => {
    expect(summary.failuresByReason).toEqual(expected.failuresByReason);
    const failed = [...outcome.articles.values()].filter((a) => a.status.endsWith('-failed'));
    expect(failed.length).toBe(expected.failuresByReason['http-404']! + expected.failuresByReason['not-html']!);
  });

  it('records every fact once', () => {
    expect(outcome.repeatedEventIds).toEqual([]);
    expect(outcome.repeatedFacts).toEqual([]);
  });

  it('gives every figure of the corpus its current statement: value, qualifier, speaker, date', () => {
    const wrong: string[] = [];
    for (const [key, want] of expected.currentByFigure) {
      const figure = outcome.figures.get(key);
      const current = figure?.history.find((s) => s.statementId === figure.current);
      const got = current
        ? { value: current.value, bound: current.bound, speaker: current.speaker, statedAt: current.statedAt }
        : null;
      const exp = { value: want.value, bound: want.bound, speaker: want.speaker, statedAt: want.statedAt };
      if (JSON.stringify(got) !== JSON.stringify(exp)) {
        wrong.push(
          `${key}: want ${JSON.stringify(exp)} got ${JSON.stringify(got)}\n    ${want.sentences.join('\n    ')}`,
        );
      }
    }
    expect(wrong.join('\n')).toBe('');
  });
});
