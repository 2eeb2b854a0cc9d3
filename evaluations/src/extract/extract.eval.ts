/**
 * `npm run eval:extract`: Tally's main-text extractor on real pages with Readability's reference
 * output (`../shared/corpus/extract-readability/`), token F1 against the reference, beside
 * Readability's own score on the same pages and beside the figures of the previous rules.
 *
 * Options: --corpus DIR (a folder holding `extract-readability/`), --no-readability (skip running
 * Readability, the slow part), --worst N (default 15). The last line of output is one JSON object.
 */
import { parseArgs } from 'node:util';
import { evaluateExtraction } from './evaluateExtraction.ts';
import { EXTRACT_BEFORE } from './extractBefore.ts';

const { values: args } = parseArgs({
  options: {
    corpus: { type: 'string' },
    'no-readability': { type: 'boolean', default: false },
    worst: { type: 'string', default: '15' },
  },
});

const result = await evaluateExtraction({ readability: !args['no-readability'] });
const failed = result.results.filter((r) => r.error !== null).length;
const f = (value: number): string => (Number.isNaN(value) ? '—' : value.toFixed(4));
const row = (label: string, before: string | number, now: string | number): string =>
  `${label.padEnd(34)}${String(before).padStart(12)}${String(now).padStart(12)}`;

console.log(
  `main-text extraction on ${result.pages} pages of extract-readability (token F1 against Readability's output)`,
);
console.log('');
console.log(row('', `before`, `now`));
console.log(row('extractor version', EXTRACT_BEFORE.extractor_version, result.extractor_version));
console.log(row('mean token F1', f(EXTRACT_BEFORE.extract_f1_vs_readability), f(result.extract_f1_vs_readability)));
console.log(row('mean precision', f(EXTRACT_BEFORE.extract_precision), f(result.extract_precision)));
console.log(row('mean recall', f(EXTRACT_BEFORE.extract_recall), f(result.extract_recall)));
console.log(row('pages under 0.5', EXTRACT_BEFORE.pages_under_05, result.pages_under_05));
console.log(row('pages under 0.6', EXTRACT_BEFORE.pages_under_06, result.pages_under_06));
console.log(row('pages failed (scored 0)', EXTRACT_BEFORE.pages_failed, failed));
console.log(`(before: commit ${EXTRACT_BEFORE.commit}, measured with this evaluation)`);
console.log('');
console.log(
  `Readability itself (@mozilla/readability on jsdom) against its own reference: ${f(result.readability_f1)}` +
    (args['no-readability'] ? ' (not run: --no-readability)' : ''),
);
console.log('');
const worst = [...result.results].sort((a, b) => a.f1 - b.f1).slice(0, Number(args.worst));
console.log(`worst ${worst.length} pages:  F1  (P / R)  Readability  cause`);
for (const page of worst) {
  const readability = page.readabilityF1 === null ? '—' : page.readabilityF1.toFixed(3);
  console.log(
    `  ${page.name.padEnd(40)} ${page.f1.toFixed(3)} (${page.precision.toFixed(2)} / ${page.recall.toFixed(2)})  ${readability.padStart(5)}  ${page.cause}`,
  );
}
const round = (value: number): number | null => (Number.isNaN(value) ? null : Math.round(value * 10000) / 10000);
console.log(
  JSON.stringify({
    eval: 'extract',
    extract_f1_vs_readability: round(result.extract_f1_vs_readability),
    readability_f1: round(result.readability_f1),
    precision: round(result.extract_precision),
    recall: round(result.extract_recall),
    pages: result.pages,
    pages_under_05: result.pages_under_05,
    pages_under_06: result.pages_under_06,
    before_f1: EXTRACT_BEFORE.extract_f1_vs_readability,
    extractor_version: result.extractor_version,
  }),
);
