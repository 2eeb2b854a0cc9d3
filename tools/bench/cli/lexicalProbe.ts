/**
 * Run by `npm run bench:memory` as a process of its own: what the claims reader's lexical data
 * (compromise, wink-nlp's model, WordNet, the gazetteer) adds to a process's memory. Prints one
 * JSON line of RSS, V8 heap and external memory (MB): at start, once `@tally/claims` is imported,
 * and after the demo's reports have been read once (WordNet's files are read on first use).
 */
import { defaultSeedsDir, loadSeeds } from '@tally/newsroom';

const MB = 1024 * 1024;
function reading() {
  globalThis.gc?.();
  const m = process.memoryUsage();
  return { rss: m.rss / MB, heap: m.heapUsed / MB, external: m.external / MB };
}

const seeds = loadSeeds(defaultSeedsDir());
const start = reading();
const { readClaims } = await import('@tally/claims');
const imported = reading();
let claims = 0;
for (const seed of seeds) claims += readClaims(seed.text).claims.length;
const analysed = reading();
process.stdout.write(`${JSON.stringify({ start, imported, analysed, reports: seeds.length, claims })}\n`);
