import { describe, expect, it } from 'vitest';
import { conformanceCases } from '../conformance/cases.ts';
import { loadFixtures, manifestOf, runConformance, score, tallyParser } from '../conformance/harness.ts';

describe('conformance fixture set', () => {
  const fixtures = loadFixtures();

  it('is the set cases.ts generates (run `npm run fixtures` after editing cases)', () => {
    const cases = conformanceCases();
    expect(fixtures.map(({ document: _, ...entry }) => entry)).toEqual(JSON.parse(JSON.stringify(manifestOf(cases))));
    fixtures.forEach((f, i) => {
      expect(Buffer.from(f.document).equals(Buffer.from(cases[i]!.document)), f.name).toBe(true);
    });
    expect(fixtures.length).toBeGreaterThanOrEqual(300);
  });

  it('passes every check without a crash', { timeout: 60_000 }, async () => {
    const results = await runConformance(tallyParser, fixtures);
    const failures = results.flatMap((r) =>
      r.checks
        .filter((c) => !c.passed)
        .map((c) => `${r.name} ${c.kind}: expected ${JSON.stringify(c.expected)}, got ${JSON.stringify(c.actual)}`),
    );
    expect(failures).toEqual([]);
    const s = score(results);
    expect(s.crashes).toBe(0);
    expect(s.passed / s.checks).toBe(1);
  });
});
