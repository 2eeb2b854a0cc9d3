/**
 * `npm run eval:extract`: Tally's main-text extractor on real pages with Readability's reference
 * output (`../shared/corpus/extract-readability/`), token F1 against the reference, beside
 * Readability's own score on the same pages and beside the figures of the previous rules.
 *
 * Options: --corpus DIR (a folder holding `extract-readability/`), --no-readability (skip running
 * Readability, the slow part), --worst N (default 15), --steps (also score the corpus with each
 * step of the extractor switched off, one at a time: what each rule is worth on real pages). The
 * last line of output is one JSON object.
 */
import { parseArgs } from 'node:util';
import { EXTRACTION_STEPS } from '@tally/extract';
import { ARTICLE_MIN_TOKENS, evaluateExtraction } from './evaluateExtraction.ts';
import { EXTRACT_BEFORE } from './extractBefore.ts';

const { values: args } = parseArgs({
  options: {
    corpus: { type: 'string' },
    'no-readability': { type: 'boolean', default: false },
    worst: { type: 'string', default: '15' },
    steps: { type: 'boolean', default: false },
  },
});

const result = await evaluateExtraction({ readability: !args['no-readability'] });
const articles = result.results.filter((r) => r.referenceTokens >= ARTICLE_MIN_TOKENS);
const failed = result.results.filter((r) => r.error !== null).length;
const f = (value: number): string => (Number.isNaN(value) ? '—' : value.toFixed(4));
const row = (label: string, before: string | number, now: string | number, readability = ''): string =>
  `${label.padEnd(44)}${String(before).padStart(10)}${String(now).padStart(10)}${readability.padStart(13)}`;

console.log(
  `main-text extraction on ${result.pages} pages of extract-readability (token F1 against Readability's output)`,
);
console.log('');
console.log(row('', 'before', 'now', 'Readability'));
console.log(row('extractor version', EXTRACT_BEFORE.extractor_version, result.extractor_version));
console.log(
  row(
    `mean token F1, all ${result.pages} pages`,
    f(EXTRACT_BEFORE.extract_f1_vs_readability),
    f(result.extract_f1_vs_readability),
    f(result.readability_f1),
  ),
);
console.log(
  row(
    `mean token F1, ${result.article_pages} articles (≥ ${ARTICLE_MIN_TOKENS} tokens)`,
    f(EXTRACT_BEFORE.extract_f1_articles),
    f(result.extract_f1_articles),
    f(result.readability_f1_articles),
  ),
);
console.log(row('mean precision', f(EXTRACT_BEFORE.extract_precision), f(result.extract_precision)));
console.log(row('mean recall', f(EXTRACT_BEFORE.extract_recall), f(result.extract_recall)));
console.log(row('pages under 0.5', EXTRACT_BEFORE.pages_under_05, result.pages_under_05));
console.log(row('pages under 0.6', EXTRACT_BEFORE.pages_under_06, result.pages_under_06));
console.log(
  row('articles under 0.5', EXTRACT_BEFORE.article_pages_under_05, articles.filter((r) => r.f1 < 0.5).length),
);
console.log(
  row('articles under 0.6', EXTRACT_BEFORE.article_pages_under_06, articles.filter((r) => r.f1 < 0.6).length),
);
console.log(row('pages failed (scored 0)', EXTRACT_BEFORE.pages_failed, failed));
console.log(`(before: commit ${EXTRACT_BEFORE.commit}, measured with this evaluation)`);
if (args['no-readability']) console.log('(Readability not run: --no-readability)');
console.log("Readability's figure is the installed @mozilla/readability on jsdom against its own test suite's output:");
console.log('it shows how far that output is from the library as installed, not an independent gold.');
console.log('');
const worst = [...result.results].sort((a, b) => a.f1 - b.f1).slice(0, Number(args.worst));
console.log(`worst ${worst.length} pages:  F1  (P / R)  Readability  cause`);
for (const page of worst) {
  const readability = page.readabilityF1 === null ? '—' : page.readabilityF1.toFixed(3);
  console.log(
    `  ${page.name.padEnd(40)} ${page.f1.toFixed(3)} (${page.precision.toFixed(2)} / ${page.recall.toFixed(2)})  ${readability.padStart(5)}  ${page.cause}`,
  );
}

if (args.steps) {
  console.log('');
  console.log('each step switched off (mean over all pages; change against everything on):');
  console.log(`${'step off'.padEnd(30)}${'F1'.padStart(9)}${'precision'.padStart(11)}${'recall'.padStart(9)}`);
  const signed = (value: number): string => (value >= 0 ? '+' : '−') + Math.abs(value).toFixed(4);
  for (const step of EXTRACTION_STEPS) {
    const off = await evaluateExtraction({ readability: false, disabledSteps: [step] });
    console.log(
      `${step.padEnd(30)}${signed(off.extract_f1_vs_readability - result.extract_f1_vs_readability).padStart(9)}` +
        `${signed(off.extract_precision - result.extract_precision).padStart(11)}${signed(off.extract_recall - result.extract_recall).padStart(9)}`,
    );
  }
}

const round = (value: number): number | null => (Number.isNaN(value) ? null : Math.round(value * 10000) / 10000);
console.log(
  JSON.stringify({
    eval: 'extract',
    extract_f1_vs_readability: round(result.extract_f1_vs_readability),
    readability_f1: round(result.readability_f1),
    extract_f1_articles: round(result.extract_f1_articles),
    readability_f1_articles: round(result.readability_f1_articles),
    precision: round(result.extract_precision),
    recall: round(result.extract_recall),
    pages: result.pages,
    pages_under_05: result.pages_under_05,
    pages_under_06: result.pages_under_06,
    article_pages: result.article_pages,
    article_pages_under_05: articles.filter((r) => r.f1 < 0.5).length,
    before_f1: EXTRACT_BEFORE.extract_f1_vs_readability,
    before_f1_articles: EXTRACT_BEFORE.extract_f1_articles,
    extractor_version: result.extractor_version,
  }),
);
