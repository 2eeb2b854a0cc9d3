/**
 * Quantity and claim extraction: speed and accuracy on the labelled sentences, beside a plain
 * baseline (every run of digits is a quantity) measured in the same run.
 *
 *   npm run bench:claims            # from the repository root
 *   npx tsx bench/claims.bench.ts   # from packages/claims
 *
 * Prints a table, then exactly one JSON line with the figures contract of issue 6.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { extractClaims } from '../src/extractClaims.ts';
import { extractQuantities } from '../src/extractQuantities.ts';
import {
  baselineQuantities,
  type Field,
  type LabelledSentence,
  loadLabelledSet,
  type PredictedQuantity,
  type Score,
  scoreExtractor,
} from '../src/labelledSet.ts';
import { splitSentences } from '../src/splitSentences.ts';

const here = import.meta.dirname;
const fixtures = path.resolve(here, '../fixtures');
const dev = loadLabelledSet(path.join(fixtures, 'labelled.jsonl'));
const heldOut = loadLabelledSet(path.join(fixtures, 'heldout.jsonl'));
const fresh = loadLabelledSet(path.join(fixtures, 'fresh.jsonl'));
const all = [...dev, ...heldOut, ...fresh];

/**
 * Sentences per second (wall clock) over `minMs` of passes through the set, after a warm-up pass,
 * and CPU microseconds per sentence (this process, user + system): the least of the passes, since
 * on a shared machine other processes only ever add to it. The wall-clock rate moves with the load;
 * the CPU time per sentence is the figure to compare between runs.
 */
function speed(
  set: LabelledSentence[],
  extract: (s: string) => unknown,
  minMs = 3000,
): { perS: number; cpuUsPerSentence: number } {
  for (const s of set) extract(s.text);
  let n = 0;
  const t0 = performance.now();
  let elapsed = 0;
  let leastCpu = Number.POSITIVE_INFINITY;
  while (elapsed < minMs) {
    const cpu0 = process.cpuUsage();
    for (const s of set) extract(s.text);
    const cpu = process.cpuUsage(cpu0);
    leastCpu = Math.min(leastCpu, (cpu.user + cpu.system) / set.length);
    n += set.length;
    elapsed = performance.now() - t0;
  }
  return { perS: n / (elapsed / 1000), cpuUsPerSentence: leastCpu };
}

const fmt = (x: number): string => x.toFixed(3);
const FIELDS: Array<[Field, string]> = [
  ['value', 'value'],
  ['valueUnit', 'value+unit'],
  ['valueBound', 'value+bound'],
  ['valueChange', 'value+change'],
  ['concept', 'concept'],
];

function table(title: string, rules: Score, baseline: Score): void {
  console.log(`\n${title}: ${rules.sentences} sentences, ${rules.gold} gold quantities`);
  console.log(
    `  ${'field'.padEnd(14)}${'rules P'.padStart(9)}${'R'.padStart(7)}${'F1'.padStart(7)}   ${'baseline P'.padStart(10)}${'R'.padStart(7)}${'F1'.padStart(7)}`,
  );
  for (const [f, label] of FIELDS) {
    const r = rules.fields[f];
    const b = baseline.fields[f];
    console.log(
      `  ${label.padEnd(14)}${fmt(r.precision).padStart(9)}${fmt(r.recall).padStart(7)}${fmt(r.f1).padStart(7)}   ${fmt(b.precision).padStart(10)}${fmt(b.recall).padStart(7)}${fmt(b.f1).padStart(7)}`,
    );
  }
}

const rulesExtract = (s: string): PredictedQuantity[] => extractQuantities(s);
for (const [title, set] of [
  ['development set', dev],
  ['held-out set', heldOut],
  ['second held-out set', fresh],
  ['all labelled sentences', all],
] as const) {
  table(title, scoreExtractor(set, rulesExtract), scoreExtractor(set, baselineQuantities));
}

const rules = speed(all, extractQuantities);
const baseline = speed(all, baselineQuantities);
const sentencesPerS = rules.perS;
const baselinePerS = baseline.perS;
console.log(
  `\nspeed, one core: rules ${Math.round(sentencesPerS)} sentences/s (${rules.cpuUsPerSentence.toFixed(1)} µs CPU/sentence, least of the passes), baseline ${Math.round(baselinePerS)} sentences/s (${baseline.cpuUsPerSentence.toFixed(2)} µs CPU/sentence)`,
);

// Whole-article claim extraction on the seed reports, when they are at hand.
const seedsDir = process.env.SEEDS_DIR ?? path.resolve(here, '../../../../shared/seeds');
if (existsSync(seedsDir)) {
  const texts = readdirSync(seedsDir)
    .filter((f) => /^\d{3}_.*\.txt$/.test(f))
    .map((f) => readFileSync(path.join(seedsDir, f), 'utf8'));
  const sentenceCount = texts.reduce((n, t) => n + splitSentences(t).length, 0);
  for (const t of texts) extractClaims(t, { publishedAt: '2023-10-14' });
  let rounds = 0;
  let cpuUs = Number.POSITIVE_INFINITY;
  const t0 = performance.now();
  while (performance.now() - t0 < 3000) {
    // Ten passes per reading: one pass is too short for the CPU clock's resolution.
    const cpu0 = process.cpuUsage();
    for (let k = 0; k < 10; k++) for (const t of texts) extractClaims(t, { publishedAt: '2023-10-14' });
    const cpu = process.cpuUsage(cpu0);
    cpuUs = Math.min(cpuUs, (cpu.user + cpu.system) / (10 * sentenceCount));
    rounds += 10;
  }
  const perS = (rounds * sentenceCount) / ((performance.now() - t0) / 1000);
  console.log(
    `claims on the ${texts.length} seed articles: ${Math.round(perS)} sentences/s, ${cpuUs.toFixed(1)} µs CPU/sentence, least of 10-pass readings (${sentenceCount} sentences per pass)`,
  );
}

const overall = scoreExtractor(all, rulesExtract).fields;
const round3 = (x: number): number => Math.round(x * 1000) / 1000;
console.log(
  JSON.stringify({
    bench: 'claims',
    sentences_per_s: Math.round(sentencesPerS),
    baseline_sentences_per_s: Math.round(baselinePerS),
    value_f1: round3(overall.value.f1),
    value_unit_f1: round3(overall.valueUnit.f1),
    value_bound_f1: round3(overall.valueBound.f1),
    concept_f1: round3(overall.concept.f1),
  }),
);
