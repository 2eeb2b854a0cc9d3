/**
 * npm run eval:dedupe [-- --draws 1,2,3] [-- --corpus DIR] [-- --show 10]
 *
 * Near-duplicate detection on the hard set built at run time from the real texts beside the
 * repository (see hardSet.ts): precision and recall of the index as it is beside the index as it
 * was, by kind of copy and by kind of wrong link, then the worst wrong links and missed copies.
 * Ends with one JSON line.
 */
import { currentIndex, hardSetDraws, runCheckers } from './evaluateDedupe.ts';

const argv = process.argv.slice(2);
const arg = (name: string) => argv.find((_, i) => argv[i - 1] === name);
const draws = arg('--draws')?.split(',').map(Number);
const show = Number(arg('--show') ?? 8);
const say = (s: string) => process.stdout.write(`${s}\n`);
const f = (x: number) => x.toFixed(4);

const sets = hardSetDraws({ draws });
say(`hard set: ${sets.map((s) => `draw ${s.seed}: ${s.docs.length} documents`).join(', ')}`);
const runs = await runCheckers(sets, [currentIndex], process.env.REDIS_URL);
for (const run of runs) {
  const s = run.score;
  say('');
  say(
    `${run.checker}: precision ${f(s.precision)} (${s.rightLinks}/${s.links} links right), recall ${f(s.recall)} (${s.found}/${s.copies} copies found)`,
  );
  for (const d of run.draws) say(`  draw ${d.seed}: precision ${f(d.score.precision)}, recall ${f(d.score.recall)}`);
  say('  copies found, by kind:');
  for (const [k, v] of [...s.byKind].sort()) say(`    ${k.padEnd(28)} ${v.found}/${v.copies}`);
  say('  wrong links, by relation:');
  for (const [k, v] of [...s.falseByRelation].sort()) say(`    ${k.padEnd(34)} ${v}`);
  const worst = [...s.falseLinks].sort((a, b) => b.similarity - a.similarity).slice(0, show);
  for (const w of worst)
    say(
      `    ${w.similarity.toFixed(2)} ${w.copy.id} (${w.copy.kind}) -> ${w.original.id}: ${w.copy.host} / ${w.original.host}`,
    );
  say('  missed copies (first few):');
  for (const m of s.missed.slice(0, show)) say(`    ${m.id} ${m.kind} [${m.edits.join(', ')}] ${m.host}`);
}
const now = runs[0]!.score;
say(
  JSON.stringify({ eval: 'dedupe', dedupe_precision: Number(f(now.precision)), dedupe_recall: Number(f(now.recall)) }),
);
