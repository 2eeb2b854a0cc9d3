import { evaluateExtraction } from './src/extract/evaluateExtraction.ts';

const off = (process.argv[2] ?? '').split(',').filter(Boolean);
const a = await evaluateExtraction({ readability: false });
const b = await evaluateExtraction({ readability: false, disabledSteps: off });
console.log(
  'all on',
  a.extract_f1_vs_readability.toFixed(4),
  'off',
  off.join(','),
  b.extract_f1_vs_readability.toFixed(4),
);
for (let i = 0; i < a.results.length; i++) {
  const x = a.results[i]!,
    y = b.results[i]!;
  if (Math.abs(x.f1 - y.f1) > 0.001)
    console.log(
      x.name.padEnd(40),
      x.f1.toFixed(3),
      '->',
      y.f1.toFixed(3),
      `P ${x.precision.toFixed(2)}->${y.precision.toFixed(2)} R ${x.recall.toFixed(2)}->${y.recall.toFixed(2)}`,
    );
}
