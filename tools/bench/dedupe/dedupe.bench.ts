/**
 * npm run bench:dedupe [-- --sizes 10000,100000,1000000] [-- --quick] [-- --budget 240]
 *
 * 1. Fingerprinting throughput on one core (3 KB texts).
 * 2. Precision and recall on the labelled set, through the Redis index (the verdict workers get),
 *    with the pure MinHash and SimHash rules beside it (the measurement behind the method choice).
 * 3. End-to-end check-and-insert against Redis (fingerprint + pipelined Lua) over the first 100k
 *    documents (`--end-to-end N`), then a fill to 1M with ready-made fingerprints through the same
 *    script; index memory per document at 10k, 100k and 1M documents, measured twice: the sum of
 *    `MEMORY USAGE` over the index's keys, and the growth of `INFO memory` used_memory.
 *
 * 4. The same with every document's address (200 sources, each with its footer): what learning the
 *    sources' boilerplate costs per document, and the model's memory per source.
 *
 * Uses REDIS_URL when set, else starts a private redis-server. `--quick` stops at 100k documents and
 * extrapolates 1M linearly from the 100k figure (said so in the output). `--budget` (seconds, default
 * 240) bounds the Redis phase: when the rate measured so far says the next size would not fit, the
 * run stops there and extrapolates, and says so; `--budget 0` always goes to the largest size.
 * Ends with one JSON line (the figures contract).
 */
import os from 'node:os';
import {
  compactSignature,
  compactSimilarity,
  DEFAULT_THRESHOLD,
  estimateSimilarity,
  type Fingerprint,
  fingerprint,
  lshBands,
  simhashSimilarity,
} from '@tally/dedupe';
import { generateLabelledSet, type LabelledPair, stories } from '@tally/dedupe/labelled';
import { createDedupeIndex, type DedupeDocument } from '@tally/dedupe-index';
import { provideRedis } from '@tally/local-services';
import { Redis } from 'ioredis';
import { sourcesRun } from './sourcesRun.ts';
import { createNewsGenerator, rng } from './syntheticNews.ts';

const max = (xs: number[]) => Math.max(...xs);

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const sizesArg = argv.find((_, i) => argv[i - 1] === '--sizes');
const budgetArg = argv.find((_, i) => argv[i - 1] === '--budget');
const budgetSeconds = budgetArg === undefined ? 240 : Number(budgetArg);
const sizes = sizesArg ? sizesArg.split(',').map(Number) : quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000];
const say = (line: string) => process.stdout.write(`${line}\n`);
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

// ---------------------------------------------------------------- 1. fingerprinting
function fingerprintThroughput(): { docsPerSec: number; docsPerCpuSec: number; mbPerSec: number; avgChars: number } {
  const gen = createNewsGenerator(11);
  const texts = Array.from({ length: 2000 }, () => gen.article(3000));
  const avgChars = texts.reduce((a, t) => a + t.length, 0) / texts.length;
  for (const t of texts) fingerprint(t); // warm-up
  let best = 0;
  let bestCpu = 0;
  // best of 15 short rounds: on a shared machine the best round is the one least disturbed
  for (let round = 0; round < 15; round++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (const t of texts) fingerprint(t);
    const c = process.cpuUsage(c0);
    best = Math.max(best, texts.length / ((performance.now() - t0) / 1000));
    bestCpu = Math.max(bestCpu, texts.length / ((c.user + c.system) / 1e6));
  }
  return { docsPerSec: best, docsPerCpuSec: bestCpu, mbPerSec: (best * avgChars) / 1e6, avgChars };
}

// ---------------------------------------------------------------- 2. precision / recall
interface Score {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}
const precision = (s: Score) => (s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp));
const recall = (s: Score) => (s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn));
function tally(s: Score, predicted: boolean, actual: boolean) {
  if (predicted && actual) s.tp++;
  else if (predicted) s.fp++;
  else if (actual) s.fn++;
  else s.tn++;
}

async function labelledScores(redis: Redis, pairs: LabelledPair[]) {
  const viaIndex: Score = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const byKind = new Map<string, Score>();
  const minhash: Score = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const simhash: Score[] = [0.8, 0.85, 0.9, 0.95].map(() => ({ tp: 0, fp: 0, fn: 0, tn: 0 }));
  let lowestPositive = 1;
  let highestNegative = 0;
  let simhashLowestPositive = 1;
  let simhashHighestNegative = 0;
  for (let i = 0; i < pairs.length; i++) {
    const p = pairs[i]!;
    const index = createDedupeIndex(redis, { prefix: `bench-labelled:${process.pid}:${i}` });
    await index.checkAndInsert({ id: 'a', text: p.a });
    const v = await index.checkAndInsert({ id: 'b', text: p.b });
    await index.clear();
    const predicted = v.verdict === 'duplicate';
    tally(viaIndex, predicted, p.duplicate);
    const k = byKind.get(p.kind) ?? { tp: 0, fp: 0, fn: 0, tn: 0 };
    tally(k, predicted, p.duplicate);
    byKind.set(p.kind, k);

    const fa = fingerprint(p.a, { simhash: true });
    const fb = fingerprint(p.b, { simhash: true });
    const j = estimateSimilarity(fa, fb);
    tally(minhash, j >= DEFAULT_THRESHOLD, p.duplicate);
    if (p.duplicate) lowestPositive = Math.min(lowestPositive, j);
    else highestNegative = Math.max(highestNegative, j);
    const sh = simhashSimilarity(fa, fb)!;
    if (p.duplicate) simhashLowestPositive = Math.min(simhashLowestPositive, sh);
    else simhashHighestNegative = Math.max(simhashHighestNegative, sh);
    [0.8, 0.85, 0.9, 0.95].forEach((t, n) => {
      tally(simhash[n]!, sh >= t, p.duplicate);
    });
  }
  return {
    viaIndex,
    byKind,
    minhash,
    simhash,
    lowestPositive,
    highestNegative,
    simhashLowestPositive,
    simhashHighestNegative,
  };
}

// ---------------------------------------------------------------- 3. Redis throughput and memory
async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0);
}

async function redisCpuSeconds(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const user = Number(/used_cpu_user:([\d.]+)/.exec(info)?.[1] ?? 0);
  const sys = Number(/used_cpu_sys:([\d.]+)/.exec(info)?.[1] ?? 0);
  return user + sys;
}

/** Up to this many documents the run is end to end (texts fingerprinted, checked, inserted). */
const endToEndArg = argv.find((_, i) => argv[i - 1] === '--end-to-end');
const END_TO_END_MAX = endToEndArg === undefined ? 100_000 : Number(endToEndArg);

/**
 * A fingerprint as of an unrelated 3 KB article: 128 random bins. Beyond END_TO_END_MAX the index is
 * filled with these through the same script: memory per document depends on the index structure
 * (band entries, records, ids, bucket count), not on the words, and generating and fingerprinting
 * 900,000 texts would add minutes without changing the figure.
 */
function syntheticFingerprint(next: () => number): Fingerprint {
  const minhash = new Uint32Array(128);
  for (let i = 0; i < 128; i++) minhash[i] = (i << 25) | Math.floor(next() * 0x2000000);
  return { minhash, shingleCount: 500, contentHash: Math.floor(next() * 0xffffffff) };
}

async function redisRun(redis: Redis) {
  const index = createDedupeIndex(redis, { prefix: `bench:${process.pid}`, windowDays: 30 });
  await index.clear();
  const gen = createNewsGenerator(23);
  const next = rng(29);
  const before = await usedMemory(redis);
  await redis.config('RESETSTAT');
  const checkpoints: { docs: number; indexed: number; bytesUsage: number; bytesInfo: number }[] = [];
  const recent: string[] = [];
  let injected = 0;
  let caught = 0;
  let falseDuplicates = 0;
  let done = 0;
  let busy = 0; // seconds in checkAndInsertMany, end-to-end part
  let fillBusy = 0;
  let filled = 0;
  let nodeCpu = 0; // CPU seconds of this process in those calls (fingerprinting, client)
  let redisCpu = 0;
  const batch = 500;
  const last = max(sizes);
  const chunk = 20_000;
  const started = performance.now();
  let stoppedEarly: string | null = null;
  let statsSince = 0;
  while (done < last) {
    const nextCheckpoint = sizes.find((x) => x > done) ?? last;
    const elapsed = (performance.now() - started) / 1000;
    if (budgetSeconds > 0 && done > 0 && sizes.includes(done)) {
      // the fill is faster than the end-to-end part: project with the rate of the part ahead
      const rate = done >= END_TO_END_MAX && filled > 0 ? filled / fillBusy : done / elapsed;
      const projected = elapsed + (nextCheckpoint - done) / rate;
      if (projected > budgetSeconds) {
        stoppedEarly = `stopped at ${fmt(done)} documents: ${fmt(nextCheckpoint)} would take ~${fmt(projected)} s at this rate, over the ${budgetSeconds} s budget (--budget 0 to insist)`;
        say(`  ${stoppedEarly}`);
        break;
      }
    }
    const n = Math.min(chunk, nextCheckpoint - done);
    if (done >= END_TO_END_MAX) {
      // memory fill: ready-made fingerprints through the same script
      const docs = Array.from({ length: n }, (_, i) => ({
        id: `d${done + i}`,
        fingerprint: syntheticFingerprint(next),
      }));
      const t0 = performance.now();
      for (let i = 0; i < docs.length; i += batch) await index.checkAndInsertFingerprinted(docs.slice(i, i + batch));
      fillBusy += (performance.now() - t0) / 1000;
      filled += n;
    } else {
      // generated untimed, then checked end to end, two batches in flight
      const docs: (DedupeDocument & { copy: boolean })[] = [];
      for (let i = 0; i < n; i++) {
        const copy = recent.length > 100 && i % 10 === 9;
        const text = copy ? gen.copyOf(recent[Math.floor(Math.random() * recent.length)]!) : gen.article(3000);
        if (!copy) {
          recent.push(text);
          if (recent.length > 1000) recent.shift();
        }
        docs.push({ id: `d${done + i}`, text, copy });
      }
      const r0 = await redisCpuSeconds(redis);
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      let inFlight: Promise<void>[] = [];
      for (let i = 0; i < docs.length; i += batch) {
        const slice = docs.slice(i, i + batch);
        inFlight.push(
          index.checkAndInsertMany(slice).then((verdicts) => {
            verdicts.forEach((v, j) => {
              const d = slice[j]!;
              if (d.copy) {
                injected++;
                if (v.verdict === 'duplicate') caught++;
              } else if (v.verdict === 'duplicate') falseDuplicates++;
            });
          }),
        );
        if (inFlight.length >= 2) {
          await inFlight[0];
          inFlight = inFlight.slice(1);
        }
      }
      await Promise.all(inFlight);
      busy += (performance.now() - t0) / 1000;
      const c = process.cpuUsage(c0);
      nodeCpu += (c.user + c.system) / 1e6;
      redisCpu += (await redisCpuSeconds(redis)) - r0;
    }
    done += n;
    if (sizes.includes(done)) {
      const cmd = /cmdstat_evalsha:calls=(\d+),usec=(\d+)/.exec(await redis.info('commandstats'));
      // one script call checks a batch: time per document, over the documents since the last reset
      const scriptUs = cmd ? Number(cmd[2]) / Math.max(1, done - statsSince) : 0;
      statsSince = done;
      await redis.config('RESETSTAT');
      const s = await index.stats();
      const info = (await usedMemory(redis)) - before;
      checkpoints.push({ docs: done, indexed: s.documents, bytesUsage: s.bytes, bytesInfo: info });
      const rate =
        done > END_TO_END_MAX ? `${fmt(filled / fillBusy)} docs/s fill` : `${fmt(done / busy)} docs/s so far`;
      say(
        `  ${fmt(done).padStart(9)} docs: ${rate.padStart(18)}, ${fmt(s.documents)} indexed, ` +
          `${fmt(s.bytes / s.documents)} B/doc (MEMORY USAGE), ${fmt(info / s.documents)} B/doc (used_memory growth), ${fmt(s.keys)} keys, ${fmt(scriptUs)} µs in the script per document`,
      );
    }
  }
  await index.clear();
  const endToEnd = Math.min(done, END_TO_END_MAX);
  return {
    checkpoints,
    docsPerSec: endToEnd / busy,
    fillDocsPerSec: filled > 0 ? filled / fillBusy : null,
    stoppedEarly,
    nodeCpuUs: (nodeCpu * 1e6) / endToEnd,
    redisCpuUs: (redisCpu * 1e6) / endToEnd,
    injected,
    caught,
    falseDuplicates,
  };
}

// ---------------------------------------------------------------- main
const load = () => os.loadavg()[0]!.toFixed(1);
say(`dedupe benchmark (${os.cpus().length} CPUs, load average ${load()} at start)`);
say('');
say('1. fingerprinting, one core');
const fpr = fingerprintThroughput();
say(
  `  ${fmt(fpr.docsPerSec)} docs/s wall clock (${fmt(fpr.mbPerSec, 1)} MB/s, ${fmt(fpr.avgChars)}-char texts)   target >= 20,000 docs/s`,
);
say(`  ${fmt(fpr.docsPerCpuSec)} docs per CPU-second of the process (includes GC and compiler threads)`);

const server = await provideRedis(process.env.REDIS_URL);
const redis = new Redis(server.url, { maxRetriesPerRequest: null });
try {
  say('');
  const pairs = generateLabelledSet();
  const positives = pairs.filter((p) => p.duplicate).length;
  say(
    `2. labelled set: ${pairs.length} pairs (${positives} near-duplicates, ${pairs.length - positives} different articles)`,
  );
  const ls = await labelledScores(redis, pairs);
  say(
    `  Redis index (threshold ${DEFAULT_THRESHOLD}): precision ${precision(ls.viaIndex).toFixed(4)} (target >= 0.99), recall ${recall(ls.viaIndex).toFixed(4)} (target >= 0.95)`,
  );
  say(
    `  pure MinHash, 128 bins, J >= ${DEFAULT_THRESHOLD}: precision ${precision(ls.minhash).toFixed(4)}, recall ${recall(ls.minhash).toFixed(4)}; lowest positive J ${ls.lowestPositive.toFixed(3)}, highest negative J ${ls.highestNegative.toFixed(3)}`,
  );
  say(
    `  SimHash 64-bit: lowest near-duplicate similarity ${ls.simhashLowestPositive.toFixed(3)}, highest different article ${ls.simhashHighestNegative.toFixed(3)}`,
  );
  [0.8, 0.85, 0.9, 0.95].forEach((t, n) => {
    const s = ls.simhash[n]!;
    say(
      `  SimHash 64-bit, similarity >= ${t} (Hamming <= ${Math.round((1 - t) * 64)}): precision ${precision(s).toFixed(4)}, recall ${recall(s).toFixed(4)}`,
    );
  });
  say('  near-exact Jaccard (1,024 bins) by shingling: lowest near-duplicate / highest different article (margin);');
  say('  mean over pairs of reports on different stories (what unrelated articles share, i.e. LSH candidate noise)');
  const reports = stories.flatMap((st) => st.reports.map((r) => ({ story: st.id, text: r.paragraphs.join('\n') })));
  for (const variant of [
    { name: '3-word shingles', options: { shingleSize: 3 } },
    { name: '4-word shingles (chosen)', options: { shingleSize: 4 } },
    { name: '5-word shingles', options: { shingleSize: 5 } },
    {
      name: '4-word shingles, titles and furniture kept',
      options: { shingleSize: 4, titleMaxWords: 0, minParagraphWords: 0 },
    },
  ]) {
    let low = 1;
    let high = 0;
    for (const p of pairs) {
      const j = estimateSimilarity(
        fingerprint(p.a, { ...variant.options, numHashes: 1024 }),
        fingerprint(p.b, { ...variant.options, numHashes: 1024 }),
      );
      if (p.duplicate) low = Math.min(low, j);
      else high = Math.max(high, j);
    }
    const fps = reports.map((r) => fingerprint(r.text, { ...variant.options, numHashes: 1024 }));
    let unrelated = 0;
    let count = 0;
    for (let i = 0; i < fps.length; i++) {
      for (let j = i + 1; j < fps.length; j++) {
        if (reports[i]!.story === reports[j]!.story) continue;
        unrelated += estimateSimilarity(fps[i]!, fps[j]!);
        count++;
      }
    }
    say(
      `    ${variant.name.padEnd(44)} ${low.toFixed(3)} / ${high.toFixed(3)} (${(low - high).toFixed(3)}); unrelated ${(unrelated / count).toFixed(5)}`,
    );
  }
  say('  threshold sweep, by the index rule (shared LSH band, compact-signature similarity >= threshold):');
  const ruled = pairs.map((p) => {
    const a = fingerprint(p.a);
    const b = fingerprint(p.b);
    const keys = new Set(lshBands(a));
    return {
      duplicate: p.duplicate,
      candidate: lshBands(b).some((k) => keys.has(k)),
      similarity: compactSimilarity(compactSignature(a), compactSignature(b)),
    };
  });
  for (const t of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) {
    const s: Score = { tp: 0, fp: 0, fn: 0, tn: 0 };
    for (const r of ruled) tally(s, r.candidate && r.similarity >= t, r.duplicate);
    say(`    ${t.toFixed(1)}: precision ${precision(s).toFixed(4)}, recall ${recall(s).toFixed(4)}`);
  }
  say('  verdicts through the index, by kind of pair:');
  for (const [kind, s] of ls.byKind) {
    const n = s.tp + s.fp + s.fn + s.tn;
    const ok = s.tp + s.tn;
    say(`    ${kind.padEnd(76)} ${String(ok).padStart(3)}/${n} right`);
  }

  say('');
  say(
    `3. check-and-insert against Redis (${server.started ? 'private redis-server' : 'REDIS_URL'}), requests of 500 documents (pipelined script calls of 16), 10% syndicated copies`,
  );
  const run = await redisRun(redis);
  say(
    `  ${fmt(run.docsPerSec)} docs/s end to end over the first ${fmt(Math.min(max(sizes), END_TO_END_MAX))} (fingerprint + Lua check-and-insert)   target >= 5,000 docs/s`,
  );
  if (run.fillDocsPerSec !== null) {
    say(
      `  beyond ${fmt(END_TO_END_MAX)}: filled with ready-made fingerprints of unrelated articles through the same script, ${fmt(run.fillDocsPerSec)} docs/s`,
    );
  }
  say(
    `  CPU per document: ${fmt(run.nodeCpuUs)} µs in this process (fingerprint, client), ${fmt(run.redisCpuUs)} µs in Redis; ` +
      `on two cores of their own that is ≈ ${fmt(1e6 / Math.max(run.nodeCpuUs, run.redisCpuUs))} docs/s`,
  );
  say(
    `  injected copies caught: ${run.caught}/${run.injected}; originals wrongly called copies: ${run.falseDuplicates}`,
  );
  const per = (n: number) => run.checkpoints.find((c) => c.docs === n);
  const bytesAt = (n: number) => {
    const c = per(n);
    return c ? c.bytesUsage / c.indexed : null;
  };
  const largest = run.checkpoints[run.checkpoints.length - 1]!;
  const figureAt = (n: number): { bytes: number; measured: boolean } => {
    const measured = bytesAt(n);
    return measured === null
      ? { bytes: largest.bytesUsage / largest.indexed, measured: false }
      : { bytes: measured, measured: true };
  };
  for (const n of [10_000, 100_000, 1_000_000]) {
    const c = per(n);
    if (c) {
      say(
        `  ${fmt(n).padStart(9)} docs: ${fmt(c.bytesUsage / c.indexed)} B/doc by MEMORY USAGE, ${fmt(c.bytesInfo / c.indexed)} B/doc by used_memory   target < 1,024 B/doc`,
      );
    } else {
      say(
        `  ${fmt(n).padStart(9)} docs: ${fmt(figureAt(n).bytes)} B/doc EXTRAPOLATED from ${fmt(largest.docs)} documents (memory is linear in documents), NOT measured`,
      );
    }
  }
  say('');
  const sourced = await sourcesRun(redis, quick ? 10_000 : 20_000, 200);
  say(
    `4. the same as the analyzer sends it, with addresses: 200 outlets, each with its footer; ${fmt(sourced.docsPerSec)} docs/s end to end`,
  );
  say(
    `  CPU per document: ${fmt(sourced.nodeCpuUs)} µs in this process, ${fmt(sourced.redisCpuUs)} µs in Redis (the source model's lookup and learning included); ` +
      `the model holds ${fmt(sourced.modelBytesPerSource / 1024, 1)} KB per source`,
  );
  say(
    `  injected copies caught: ${sourced.caught}/${sourced.injected}; originals wrongly called copies: ${sourced.falseDuplicates}`,
  );
  say('');
  say(`load average ${load()} at the end`);
  say(
    JSON.stringify({
      bench: 'dedupe',
      fingerprint_docs_per_s: Math.round(fpr.docsPerSec),
      redis_docs_per_s: Math.round(run.docsPerSec),
      bytes_per_doc_10k: Math.round(figureAt(10_000).bytes),
      bytes_per_doc_100k: Math.round(figureAt(100_000).bytes),
      bytes_per_doc_1m: Math.round(figureAt(1_000_000).bytes),
      precision: Number(precision(ls.viaIndex).toFixed(4)),
      recall: Number(recall(ls.viaIndex).toFixed(4)),
      redis_docs_per_s_with_sources: Math.round(sourced.docsPerSec),
    }),
  );
} finally {
  redis.disconnect();
  await server.stop();
}
