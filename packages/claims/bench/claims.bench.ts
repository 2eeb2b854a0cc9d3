/**
 * Quantity and claim extraction: speed and accuracy on the labelled sentences, beside a plain
 * baseline (every run of digits is a quantity) measured in the same run.
 *
 *   npm run bench:claims            # from the repository root
 *   npx tsx bench/claims.bench.ts   # from packages/claims
 *
 * Prints a table, then exactly one JSON line with the figures contract of issue 6.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
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

// Whole-article claims: the news-claims articles and the seed reports, the current rules beside
// the rules before they were opened to every beat, each in a process of its own so that its memory
// is its own (evaluations/src/claims/claimsSpeed.ts).
interface ArticleSpeed {
  ref: string;
  sentences: number;
  cpu_us_per_sentence: number;
  sentences_per_s: number;
  rss_mb: number;
  heap_mb: number;
}
const speedScript = path.resolve(here, '../../../evaluations/src/claims/claimsSpeed.ts');
const BASELINE_REF = '708905f';
function articleSpeed(ref: string | null): ArticleSpeed | null {
  const args = [speedScript, '--ms', '3000', ...(ref ? ['--ref', ref] : [])];
  const run = spawnSync(process.execPath, ['--import', 'tsx', ...args], {
    encoding: 'utf8',
    cwd: path.resolve(here, '../../..'),
  });
  const last = run.stdout.trim().split('\n').at(-1);
  if (run.status !== 0 || !last) {
    console.log(
      `whole-article claims (${ref ?? 'current'}): not measured (${run.stderr.trim().split('\n').at(-1) ?? 'no output'})`,
    );
    return null;
  }
  return JSON.parse(last) as ArticleSpeed;
}
const articlesNow = articleSpeed(null);
const articlesBefore = articleSpeed(BASELINE_REF);
if (articlesNow) {
  const row = (label: string, f: (a: ArticleSpeed) => string): void =>
    console.log(
      `  ${label.padEnd(36)}${(articlesBefore ? f(articlesBefore) : '-').padStart(16)}${f(articlesNow).padStart(12)}`,
    );
  console.log(`\nwhole-article claims, ${articlesNow.sentences} sentences of real articles per pass`);
  console.log(`  ${''.padEnd(36)}${`rules ${BASELINE_REF}`.padStart(16)}${'now'.padStart(12)}`);
  row('µs CPU per sentence (least pass)', (a) => a.cpu_us_per_sentence.toFixed(1));
  row('sentences/s per core (from CPU)', (a) => String(Math.round(1e6 / a.cpu_us_per_sentence)));
  row('sentences/s (wall clock)', (a) => String(a.sentences_per_s));
  row('resident memory after, MB', (a) => String(a.rss_mb));
  row('heap after, MB', (a) => String(a.heap_mb));
  console.log(
    '  target: 5,000 sentences/s on one core (200 µs CPU per sentence); memory at most 150 MB above the rules before',
  );
}

// Microsoft Recognizers-Text on the same real sentences (speed and accuracy), once, from the
// quantities evaluation that runs it (evaluations/src/quantities, `--microsoft`).
{
  const script = path.resolve(here, '../../../evaluations/src/quantities/quantities.eval.ts');
  const run = spawnSync(process.execPath, ['--import', 'tsx', script, '--microsoft'], {
    encoding: 'utf8',
    cwd: path.resolve(here, '../../..'),
    maxBuffer: 64 * 1024 * 1024,
  });
  const lines = run.stdout.split('\n');
  const from = lines.findIndex((l) => l.startsWith('Microsoft Recognizers-Text'));
  const to = lines.findIndex((l) => l.startsWith('CPU µs per sentence'));
  if (run.status === 0 && from >= 0 && to >= from) console.log(`\n${lines.slice(from, to + 1).join('\n')}`);
  else console.log('\nMicrosoft Recognizers-Text: not measured (the quantities evaluation did not run)');
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
    claims_sentences_per_s: articlesNow ? Math.round(1e6 / articlesNow.cpu_us_per_sentence) : null,
  }),
);
