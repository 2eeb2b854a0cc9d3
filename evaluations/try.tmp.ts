import { evaluateExtraction } from '/work/main/evaluations/src/extract/evaluateExtraction.ts';

const t = Date.now();
const r = await evaluateExtraction({ readability: process.argv.includes('--r') });
console.log(
  (Date.now() - t) / 1000,
  r.extract_f1_vs_readability,
  r.readability_f1,
  r.pages,
  r.pages_under_05,
  r.pages_under_06,
  r.extract_precision,
  r.extract_recall,
);
for (const p of [...r.results].sort((a, b) => a.f1 - b.f1))
  console.log(
    p.f1.toFixed(3),
    p.precision.toFixed(2),
    p.recall.toFixed(2),
    p.readabilityF1?.toFixed(3),
    p.name,
    p.cause,
  );
