import type { QuantitiesEvaluation } from './evaluateQuantities.ts';
import type { Prf } from './scoreRecognizers.ts';

const f3 = (x: number): string => x.toFixed(3);
const cell = (p: Prf | null | undefined): string =>
  p ? `${f3(p.precision)} ${f3(p.recall)} ${f3(p.f1)}`.padStart(20) : '—'.padStart(20);
const rec = (r: { right: number; of: number; recall: number }): string =>
  `${f3(r.recall)} (${r.right}/${r.of})`.padStart(20);

/**
 * Tally's number reader beside Microsoft Recognizers-Text on the same sentences. The specifications
 * are Recognizers-Text's own tests, so its figures there are a ceiling rather than a fair comparison;
 * news-claims is new to both.
 */
export function printMicrosoftComparison(tally: QuantitiesEvaluation, microsoft: QuantitiesEvaluation): void {
  console.log('\nMicrosoft Recognizers-Text (number, percentage, currency, dimension, temperature, age models)');
  console.log(`${''.padEnd(26)}${'Recognizers P R F1'.padStart(20)}${'Tally P R F1'.padStart(20)}`);
  console.log(`${'value'.padEnd(26)}${cell(microsoft.recognizers.value)}${cell(tally.recognizers.value)}`);
  console.log(
    `${'value+unit (unit models)'.padEnd(26)}${cell(microsoft.recognizers.valueUnit)}${cell(tally.recognizers.valueUnit)}`,
  );
  for (const [model, s] of Object.entries(tally.recognizers.byModel)) {
    const m = microsoft.recognizers.byModel[model];
    console.log(`${`  ${model} value`.padEnd(26)}${cell(m?.value)}${cell(s.value)}`);
    if (s.valueUnit) console.log(`${`  ${model} +unit`.padEnd(26)}${cell(m?.valueUnit)}${cell(s.valueUnit)}`);
  }
  console.log(`${'news-claims value'.padEnd(26)}${rec(microsoft.newsClaims.value)}${rec(tally.newsClaims.value)}`);
  console.log(
    `${'news-claims value+unit'.padEnd(26)}${rec(microsoft.newsClaims.valueUnit)}${rec(tally.newsClaims.valueUnit)}`,
  );
  console.log(
    `${'CPU µs per sentence'.padEnd(26)}${microsoft.cpuUsPerSentence.toFixed(1).padStart(20)}${tally.cpuUsPerSentence.toFixed(1).padStart(20)}`,
  );
}
