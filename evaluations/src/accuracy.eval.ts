/**
 * The accuracy of every text stage on the real material beside the repository, in one run:
 * quantities (Microsoft Recognizers-Text's newswire specs), main-text extraction (Readability's
 * test pages), near-duplicates (the hard set built from the real texts). Each stage's own
 * evaluation prints its details and its previous version's figures (`npm run eval:quantities`,
 * `eval:extract`, `eval:dedupe`); this one gathers their headline figures.
 *
 *   npm run eval:accuracy [-- --corpus DIR]
 *
 * Ends with one JSON line: {"eval":"accuracy","quant_value_f1","quant_unit_f1",
 * "extract_f1_vs_readability","readability_f1","dedupe_precision","dedupe_recall"}.
 */
import { evaluateDedupe } from './dedupe/index.ts';
import { evaluateExtraction } from './extract/index.ts';
import { evaluateQuantities } from './quantities/index.ts';

const say = (s: string): void => {
  process.stdout.write(`${s}\n`);
};

const quantities = evaluateQuantities().figures;
say(
  `quantities   value F1 ${quantities.quant_value_f1}   value+unit F1 ${quantities.quant_unit_f1}   (npm run eval:quantities)`,
);
const extraction = await evaluateExtraction();
say(
  `extraction   token F1 ${extraction.extract_f1_vs_readability.toFixed(4)}   Readability ${extraction.readability_f1.toFixed(4)}   (npm run eval:extract)`,
);
const dedupe = await evaluateDedupe({ redisUrl: process.env.REDIS_URL });
say(`dedupe       precision ${dedupe.dedupe_precision}   recall ${dedupe.dedupe_recall}   (npm run eval:dedupe)`);

say(
  JSON.stringify({
    eval: 'accuracy',
    quant_value_f1: quantities.quant_value_f1,
    quant_unit_f1: quantities.quant_unit_f1,
    extract_f1_vs_readability: Number(extraction.extract_f1_vs_readability.toFixed(4)),
    readability_f1: Number(extraction.readability_f1.toFixed(4)),
    dedupe_precision: dedupe.dedupe_precision,
    dedupe_recall: dedupe.dedupe_recall,
  }),
);
