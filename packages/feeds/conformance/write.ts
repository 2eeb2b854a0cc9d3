import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { conformanceCases } from './cases.ts';
import { FIXTURE_DIR, fixtureFileName, manifestOf } from './harness.ts';

/** Regenerates fixtures/conformance from cases.ts: `npm run fixtures -w @tally/feeds`. */
const cases = conformanceCases();
const names = new Set<string>();
for (const c of cases) {
  if (names.has(c.name)) throw new Error(`duplicate case name ${c.name}`);
  names.add(c.name);
}
rmSync(join(FIXTURE_DIR, 'docs'), { recursive: true, force: true });
mkdirSync(join(FIXTURE_DIR, 'docs'), { recursive: true });
for (const c of cases) writeFileSync(join(FIXTURE_DIR, 'docs', fixtureFileName(c)), c.document);
writeFileSync(join(FIXTURE_DIR, 'manifest.json'), `${JSON.stringify(manifestOf(cases), null, 1)}\n`);
console.log(`wrote ${cases.length} documents`);
