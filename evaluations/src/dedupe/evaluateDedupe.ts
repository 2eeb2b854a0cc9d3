import path from 'node:path';
import { createDedupeIndex } from '@tally/dedupe-index';
import { provideRedis } from '@tally/local-services';
import { Redis } from 'ioredis';
import { corpusDir } from '../corpus.ts';
import { loadBaseTexts } from './baseTexts.ts';
import { buildHardSet, type HardDoc } from './hardSet.ts';
import { pooled, type StreamScore, type StreamVerdict, scoreStream } from './scoreStream.ts';

export interface DedupeEvalOptions {
  /** Seeds of the draws of the hard set. @defaultValue [1, 2, 3, 4, 5] */
  draws?: readonly number[];
  /** Folder holding `news-claims/` and `extract-readability/`. @defaultValue ../shared/corpus (or `--corpus DIR`) */
  corpusRoot?: string;
  /** Folder of the seed reports. @defaultValue ../shared/seeds beside the repository */
  seedsDir?: string;
  /** Redis to run the index on; a private redis-server when unset. */
  redisUrl?: string;
}

/** One way of checking documents: the index as it is, or as it was. */
export interface Checker {
  name: string;
  /** A fresh, empty index under `prefix`; `check` is called once per document, in stream order. */
  open(redis: Redis, prefix: string): { check(doc: HardDoc): Promise<StreamVerdict>; clear(): Promise<unknown> };
}

/** The index as it is now with other thresholds (and sentence counts): for calibrating them on the hard set. */
export function indexWith(threshold: number, sameSourceThreshold: number, sourceBoilerplate = 3): Checker {
  return {
    name: `${threshold} / ${sameSourceThreshold} / ${sourceBoilerplate}`,
    open(redis, prefix) {
      const index = createDedupeIndex(redis, { prefix, threshold, sameSourceThreshold, sourceBoilerplate });
      return {
        check: (d) => index.checkAndInsert({ id: d.id, text: d.text, publishedAt: d.publishedAt, url: d.url }),
        clear: () => index.clear(),
      };
    },
  };
}

/** The index as it is now, given each article's address as the analyzer gives it. */
export const currentIndex: Checker = {
  name: 'now',
  open(redis, prefix) {
    const index = createDedupeIndex(redis, { prefix });
    return {
      check: (d) => index.checkAndInsert({ id: d.id, text: d.text, publishedAt: d.publishedAt, url: d.url }),
      clear: () => index.clear(),
    };
  },
};

/** The index as it is now, told nothing of where an article comes from: what learning each source's boilerplate adds. */
export const withoutSources: Checker = {
  name: 'now, no addresses',
  open(redis, prefix) {
    const index = createDedupeIndex(redis, { prefix });
    return {
      check: (d) => index.checkAndInsert({ id: d.id, text: d.text, publishedAt: d.publishedAt }),
      clear: () => index.clear(),
    };
  },
};

export interface CheckerRun {
  checker: string;
  draws: { seed: number; docs: number; score: StreamScore }[];
  score: StreamScore;
}

export function defaultCorpusRoot(): string {
  return path.dirname(corpusDir('news-claims'));
}

export function defaultSeedsDir(): string {
  return path.resolve(import.meta.dirname, '../../../../shared/seeds');
}

/** The draws of the hard set, built from the real texts. */
export function hardSetDraws(options: DedupeEvalOptions = {}): { seed: number; docs: HardDoc[] }[] {
  const bases = loadBaseTexts(options.corpusRoot ?? defaultCorpusRoot(), options.seedsDir ?? defaultSeedsDir());
  return (options.draws ?? [1, 2, 3, 4, 5]).map((seed) => ({ seed, docs: buildHardSet(bases, seed) }));
}

/** Runs every draw through each checker, one fresh index per draw, documents one at a time as the analyzer sends them. */
export async function runCheckers(
  draws: readonly { seed: number; docs: HardDoc[] }[],
  checkers: readonly Checker[],
  redisUrl?: string,
): Promise<CheckerRun[]> {
  const server = await provideRedis(redisUrl);
  const redis = new Redis(server.url, { maxRetriesPerRequest: null });
  try {
    const runs: CheckerRun[] = [];
    for (const checker of checkers) {
      const perDraw: CheckerRun['draws'] = [];
      for (const { seed, docs } of draws) {
        const index = checker.open(redis, `eval-dedupe:${process.pid}:${checker.name.replace(/\W+/g, '-')}:${seed}`);
        const verdicts: StreamVerdict[] = [];
        for (const d of docs) verdicts.push(await index.check(d));
        await index.clear();
        perDraw.push({ seed, docs: docs.length, score: scoreStream(docs, verdicts) });
      }
      runs.push({ checker: checker.name, draws: perDraw, score: pooled(perDraw.map((d) => d.score)) });
    }
    return runs;
  } finally {
    redis.disconnect();
    await server.stop();
  }
}

/** Precision and recall of the index on the hard set (all draws pooled), for the combined accuracy evaluation. */
export async function evaluateDedupe(
  options: DedupeEvalOptions = {},
): Promise<{ dedupe_precision: number; dedupe_recall: number }> {
  const [run] = await runCheckers(hardSetDraws(options), [currentIndex], options.redisUrl);
  return {
    dedupe_precision: Number(run!.score.precision.toFixed(4)),
    dedupe_recall: Number(run!.score.recall.toFixed(4)),
  };
}
