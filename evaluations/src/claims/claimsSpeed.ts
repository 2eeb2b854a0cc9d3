/**
 * Whole-article claim extraction speed and memory for one version of the rules, in a process of its
 * own so that its memory is the rules' alone: the current package, or `--ref <git ref>` unpacked
 * beside it. Prints one JSON line: sentences per pass, CPU µs per sentence (least of the readings),
 * sentences per second (wall clock), resident and heap memory after the runs, in MB.
 *
 *   tsx evaluations/src/claims/claimsSpeed.ts [--ref <git ref>] [--ms 3000]
 *
 * The articles: the news-claims development set and the seed reports, read from beside the repository.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { corpusDir } from '../corpus.ts';
import { claimsAt } from './baselineClaims.ts';
import { loadNewsClaims } from './newsClaims.ts';

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const ref = option('--ref');
const minMs = Number(option('--ms') ?? 3000);

type Extract = (text: string, options: { publishedAt?: string | null; title?: string | null }) => unknown[];
type Split = (text: string) => unknown[];
const mod = ref ? await claimsAt(ref) : ((await import('@tally/claims')) as Record<string, unknown>);
const extract = mod.extractClaims as Extract;
const split = mod.splitSentences as Split;

const docs: Array<{ text: string; publishedAt: string | null; title: string | null }> = [];
for (const a of loadNewsClaims(corpusDir('news-claims')).articles) {
  docs.push({ text: a.text, publishedAt: a.published, title: a.title });
}
const seeds = path.resolve(import.meta.dirname, '../../../../shared/seeds');
if (existsSync(seeds)) {
  for (const f of readdirSync(seeds).filter((x) => /^\d{3}_.*\.txt$/.test(x))) {
    docs.push({ text: readFileSync(path.join(seeds, f), 'utf8'), publishedAt: '2023-12-21', title: null });
  }
}
const sentences = docs.reduce((n, d) => n + split(d.text).length, 0);
// A first pass loads what the rules load (the tagger's model, WordNet) and warms the JIT.
for (const d of docs) extract(d.text, d);
let passes = 0;
let leastCpuUs = Number.POSITIVE_INFINITY;
const t0 = performance.now();
while (performance.now() - t0 < minMs) {
  const cpu0 = process.cpuUsage();
  for (const d of docs) extract(d.text, d);
  const cpu = process.cpuUsage(cpu0);
  leastCpuUs = Math.min(leastCpuUs, (cpu.user + cpu.system) / sentences);
  passes++;
}
const elapsedS = (performance.now() - t0) / 1000;
const mem = process.memoryUsage();
console.log(
  JSON.stringify({
    ref: ref ?? 'current',
    articles: docs.length,
    sentences,
    cpu_us_per_sentence: Math.round(leastCpuUs * 10) / 10,
    sentences_per_s: Math.round((passes * sentences) / elapsedS),
    rss_mb: Math.round(mem.rss / 1e6),
    heap_mb: Math.round(mem.heapUsed / 1e6),
  }),
);
