/**
 * The number reader of `@tally/claims` on real sentences, beside an earlier version of it.
 *
 *   npm run eval:quantities                          # from the repository root
 *   npm run eval:quantities -- --baseline <git ref>  # the version to compare with (default below)
 *   npm run eval:quantities -- --no-baseline
 *   npm run eval:quantities -- --show misses         # every miss; or misses:CurrencyModel, misses:news
 *   npm run eval:quantities -- --corpus DIR          # another corpus folder of the same layout
 *   npm run eval:quantities -- --microsoft           # also Microsoft Recognizers-Text on the same sentences
 *
 * Ends with one JSON line: {"eval":"quantities","quant_value_f1","quant_unit_f1",
 * "quant_value_precision","quant_value_recall","quant_crashes","news_value_recall","news_unit_recall","news_change_recall",
 * "news_concept_recall","cpu_us_per_sentence"}.
 */
import { claimsAt } from '../claims/baselineClaims.ts';
import { evaluateQuantities, type QuantitiesEvaluation } from './evaluateQuantities.ts';
import { microsoftRecognizers } from './microsoftRecognizers.ts';
import { printMicrosoftComparison } from './printMicrosoftComparison.ts';
import { printMisses } from './printMisses.ts';
import { DISAGREEMENTS } from './recognizersConventions.ts';
import type { Extract, Prf } from './scoreRecognizers.ts';

/**
 * The number reader before its number forms were read (fractions, negatives, scale suffixes, lines
 * that are only a number). `--baseline da4de5a` compares with the reader before issue 19's accuracy work.
 */
const DEFAULT_BASELINE = '5c8c9a7';

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const baselineRef = argv.includes('--no-baseline') ? null : (option('--baseline') ?? DEFAULT_BASELINE);
const show = option('--show') ?? '';

const now = evaluateQuantities();
let before: QuantitiesEvaluation | null = null;
if (baselineRef) {
  const old = await claimsAt(baselineRef);
  before = evaluateQuantities({ extract: old.extractQuantities as Extract });
}

const f3 = (x: number): string => x.toFixed(3);
const cell = (p: Prf | null | undefined): string =>
  p ? `${f3(p.precision)} ${f3(p.recall)} ${f3(p.f1)}`.padStart(20) : '—'.padStart(20);
const head = `${''.padEnd(26)}${`before P R F1`.padStart(20)}${`now P R F1`.padStart(20)}`;

console.log(
  `quantities-recognizers: ${now.recognizers.sentences} sentences, ${now.recognizers.value.gold} mentions that are quantities to us`,
);
console.log(head);
console.log(`${'value'.padEnd(26)}${cell(before?.recognizers.value)}${cell(now.recognizers.value)}`);
console.log(
  `${'value+unit (unit models)'.padEnd(26)}${cell(before?.recognizers.valueUnit)}${cell(now.recognizers.valueUnit)}`,
);
for (const [model, s] of Object.entries(now.recognizers.byModel)) {
  const b = before?.recognizers.byModel[model];
  console.log(`${`  ${model} value`.padEnd(26)}${cell(b?.value)}${cell(s.value)}`);
  if (s.valueUnit) console.log(`${`  ${model} +unit`.padEnd(26)}${cell(b?.valueUnit)}${cell(s.valueUnit)}`);
}
console.log('conventions where we disagree with the specifications on purpose:');
for (const d of DISAGREEMENTS) console.log(`  - ${d}`);

const n = now.newsClaims;
const pct = (r: { right: number; of: number; recall: number } | undefined): string =>
  r ? `${f3(r.recall)} (${r.right}/${r.of})`.padStart(20) : '—'.padStart(20);
console.log(`\nnews-claims: ${n.claims} gold claims, each sentence read alone (recall)`);
console.log(`${''.padEnd(26)}${'before'.padStart(20)}${'now'.padStart(20)}`);
console.log(`${'value'.padEnd(26)}${pct(before?.newsClaims.value)}${pct(n.value)}`);
console.log(`${'value+unit'.padEnd(26)}${pct(before?.newsClaims.valueUnit)}${pct(n.valueUnit)}`);
console.log(`${'value+change'.padEnd(26)}${pct(before?.newsClaims.valueChange)}${pct(n.valueChange)}`);
console.log(`${'  levels with direction'.padEnd(26)}${pct(before?.newsClaims.valueDirection)}${pct(n.valueDirection)}`);
console.log(`${'concept ~ measure'.padEnd(26)}${pct(before?.newsClaims.concept)}${pct(n.concept)}`);
console.log(`${"  or a count's unit".padEnd(26)}${pct(before?.newsClaims.conceptOrCounted)}${pct(n.conceptOrCounted)}`);
console.log(
  'value+change: a claim that is only a move ("exports rose 2%") needs its direction; a level the move led to ("rose 3.5% to $27.2bn") is no change to the reader (the claim layer pairs them), so it needs none. "levels with direction" asks the direction of every value as news-claims writes it.',
);
console.log(
  `\nCPU per sentence (least of 5 passes): ${before ? `before ${before.cpuUsPerSentence.toFixed(1)} µs, ` : ''}now ${now.cpuUsPerSentence.toFixed(1)} µs` +
    (baselineRef ? `   (before = ${baselineRef})` : ''),
);

for (const [label, r] of [
  ['before', before],
  ['now', now],
] as const) {
  for (const c of r?.crashes ?? []) console.log(`${label}: threw on «${c.sentence.slice(0, 100)}»: ${c.error}`);
}

if (argv.includes('--microsoft'))
  printMicrosoftComparison(now, evaluateQuantities({ extract: microsoftRecognizers() }));

if (show.startsWith('misses')) printMisses(now, show.slice('misses'.length).replace(/^:/, ''));

console.log(
  JSON.stringify({
    eval: 'quantities',
    ...now.figures,
    cpu_us_per_sentence: Math.round(now.cpuUsPerSentence * 10) / 10,
  }),
);
