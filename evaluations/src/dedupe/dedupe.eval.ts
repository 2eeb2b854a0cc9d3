/**
 * npm run eval:dedupe [-- --draws 1,2,3,4,5] [-- --corpus DIR] [-- --show 10] [-- --sweep 0.3/0.5,0.4/0.4/2]
 *
 * `--sweep` runs the index now with each pair of thresholds (between sources / within one source,
 * optionally / the other documents of a source that make a sentence boilerplate) as well, for
 * calibration, and prints their precision and recall after the rest.
 * Near-duplicate detection on the hard set built at run time from the real texts beside the
 * repository (see hardSet.ts): precision and recall of the index before this work (recorded figures),
 * of the index now told nothing of where articles come from, and of the index now as the analyzer
 * uses it; by kind of copy and by kind of wrong link; then the wrong links and missed copies of the
 * index now, for reading. Ends with one JSON line (the index now, all draws pooled).
 */
import { currentIndex, hardSetDraws, indexWith, runCheckers, withoutSources } from './evaluateDedupe.ts';
import { BEFORE, hardSetHash } from './previousFigures.ts';

const argv = process.argv.slice(2);
const arg = (name: string) => argv.find((_, i) => argv[i - 1] === name);
const draws = (arg('--draws') ?? '1,2,3,4,5').split(',').map(Number);
const show = Number(arg('--show') ?? 10);
const say = (s: string) => process.stdout.write(`${s}\n`);
const f = (x: number) => x.toFixed(4);
const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

const sets = hardSetDraws({ draws });
say(`hard set: ${sets.map((s) => `draw ${s.seed} ${s.docs.length} documents`).join(', ')}`);
const runs = await runCheckers(sets, [withoutSources, currentIndex], process.env.REDIS_URL);

// the recorded figures of the code before, where they were measured on these very draws
const recorded = sets.map((s) => BEFORE.draws[s.seed]);
const beforeHolds = recorded.every((r, i) => r !== undefined && r.hardSet === hardSetHash(sets[i]!.docs));
interface Column {
  name: string;
  links: number;
  rightLinks: number;
  copies: number;
  found: number;
  byKind: Map<string, { copies: number; found: number }>;
  falseByRelation: Map<string, number>;
}
const columns: Column[] = runs.map((r) => ({ name: r.checker, ...r.score }));
if (beforeHolds) {
  const sum = (k: 'links' | 'rightLinks' | 'copies' | 'found') => recorded.reduce((n, r) => n + r![k], 0);
  const byKind = new Map<string, { copies: number; found: number }>();
  const falseByRelation = new Map<string, number>();
  for (const r of recorded) {
    for (const [k, v] of Object.entries(r!.byKind)) {
      const t = byKind.get(k) ?? { copies: 0, found: 0 };
      byKind.set(k, { copies: t.copies + v.copies, found: t.found + v.found });
    }
    for (const [k, v] of Object.entries(r!.falseByRelation)) falseByRelation.set(k, (falseByRelation.get(k) ?? 0) + v);
  }
  columns.unshift({
    name: BEFORE.label,
    links: sum('links'),
    rightLinks: sum('rightLinks'),
    copies: sum('copies'),
    found: sum('found'),
    byKind,
    falseByRelation,
  });
} else {
  say(
    `(no recorded figures of ${BEFORE.label} for these draws of this hard set: measure them again, see previousFigures.ts)`,
  );
}

const width = 24;
const row = (label: string, cells: string[]) =>
  say(`  ${label.padEnd(34)}${cells.map((c) => c.padStart(width)).join('')}`);
say('');
row(
  '',
  columns.map((c) => c.name),
);
row(
  'precision (right links / links)',
  columns.map((c) => `${f(ratio(c.rightLinks, c.links))} (${c.rightLinks}/${c.links})`),
);
row(
  'recall (copies found / copies)',
  columns.map((c) => `${f(ratio(c.found, c.copies))} (${c.found}/${c.copies})`),
);
say('  copies found, by kind');
const kinds = [...new Set(columns.flatMap((c) => [...c.byKind.keys()]))].sort();
for (const k of kinds) {
  row(
    `    ${k}`,
    columns.map((c) => {
      const v = c.byKind.get(k);
      return v ? `${v.found}/${v.copies}` : '-';
    }),
  );
}
say('  wrong links, by what the two documents share');
const relations = [...new Set(columns.flatMap((c) => [...c.falseByRelation.keys()]))].sort();
for (const k of relations)
  row(
    `    ${k}`,
    columns.map((c) => String(c.falseByRelation.get(k) ?? 0)),
  );
if (relations.length === 0) say('    none');
say('');
const now = runs[runs.length - 1]!;
for (const d of now.draws) {
  say(`  ${now.checker}, draw ${d.seed}: precision ${f(d.score.precision)}, recall ${f(d.score.recall)}`);
}
say(`  ${now.checker}: wrong links (highest similarity first)`);
const worst = [...now.score.falseLinks].sort((a, b) => b.similarity - a.similarity).slice(0, show);
for (const w of worst) {
  say(
    `    ${w.similarity.toFixed(2)} ${w.copy.id} (${w.copy.kind}, ${w.copy.story}) -> ${w.original.id} (${w.original.story}), ${w.copy.host === w.original.host ? 'same outlet' : 'other outlets'}`,
  );
}
if (worst.length === 0) say('    none');
const quantiles = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const at = (q: number) => (sorted[Math.floor(q * (sorted.length - 1))] ?? Number.NaN).toFixed(3);
  return `1 % ${at(0.01)}, 5 % ${at(0.05)}, 10 % ${at(0.1)}, median ${at(0.5)}`;
};
const found = now.score.similarities;
say(`  ${now.checker}: similarity of the copies found to their original: ${quantiles(found)} (${found.length})`);
say(`  ${now.checker}: missed copies`);
for (const m of now.score.missed.slice(0, show))
  say(`    ${m.id} ${m.kind} of ${m.story} [${m.edits.join(', ')}] on ${m.host}`);
if (now.score.missed.length > show) say(`    … and ${now.score.missed.length - show} more (--show N)`);
const sweep = arg('--sweep');
if (sweep) {
  const pairs = sweep.split(',').map((p) => p.split('/').map(Number) as [number, number, number?]);
  say('');
  say('  thresholds (between sources / within one source / documents): precision, recall');
  for (const run of await runCheckers(
    sets,
    pairs.map(([t, s, n]) => indexWith(t, s, n)),
    process.env.REDIS_URL,
  )) {
    say(`    ${run.checker.padEnd(16)} ${f(run.score.precision)}  ${f(run.score.recall)}`);
  }
}
say(
  JSON.stringify({
    eval: 'dedupe',
    dedupe_precision: Number(f(now.score.precision)),
    dedupe_recall: Number(f(now.score.recall)),
  }),
);
