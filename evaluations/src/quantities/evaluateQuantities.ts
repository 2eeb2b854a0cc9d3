import { extractQuantities } from '@tally/claims';
import { loadNewsClaims } from '../claims/newsClaims.ts';
import { corpusDir } from '../corpus.ts';
import { loadRecognizersSpecs } from './recognizersSpecs.ts';
import { type NewsClaimsScore, scoreNewsClaims } from './scoreNewsClaims.ts';
import { type Extract, type RecognizersScore, scoreRecognizers } from './scoreRecognizers.ts';

export interface EvaluateQuantitiesOptions {
  /** The extractor to score; the current `extractQuantities` by default. */
  extract?: Extract;
  /** Folders of the two sets; by default `quantities-recognizers/` and `news-claims/` of the corpus. */
  recognizersDir?: string;
  newsClaimsDir?: string;
}

export interface QuantitiesEvaluation {
  recognizers: RecognizersScore;
  newsClaims: NewsClaimsScore;
  /** Sentences the reader threw on (scored as reading nothing). */
  crashes: Crash[];
  /** CPU microseconds per sentence over both sets, the least of five passes after two to warm up. */
  cpuUsPerSentence: number;
  /** The figures of the JSON line. */
  figures: QuantityFigures;
}

export interface Crash {
  sentence: string;
  error: string;
}

export interface QuantityFigures {
  quant_value_f1: number;
  quant_unit_f1: number;
  quant_value_precision: number;
  quant_value_recall: number;
  quant_crashes: number;
  news_value_recall: number;
  news_unit_recall: number;
  news_change_recall: number;
  news_concept_recall: number;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * The number reader on real sentences: Microsoft Recognizers-Text's English specifications
 * (precision, recall and F1 of value and value+unit, conventions mapped in
 * `recognizersConventions.ts`) and the gold claims of news-claims (recall of value, value+unit and
 * concept against `measure`).
 */
export function evaluateQuantities(options: EvaluateQuantitiesOptions = {}): QuantitiesEvaluation {
  const crashes: Crash[] = [];
  const unsafe = options.extract ?? (extractQuantities as Extract);
  // A sentence the reader throws on reads as no quantity, and is listed.
  const extract: Extract = (sentence) => {
    try {
      return unsafe(sentence);
    } catch (error) {
      if (!crashes.some((c) => c.sentence === sentence)) crashes.push({ sentence, error: String(error) });
      return [];
    }
  };
  const specs = loadRecognizersSpecs(options.recognizersDir ?? corpusDir('quantities-recognizers'));
  const gold = loadNewsClaims(options.newsClaimsDir ?? corpusDir('news-claims')).gold;
  const recognizers = scoreRecognizers(specs, extract);
  const newsClaims = scoreNewsClaims(gold, extract);
  const sentences = [...specs.map((s) => s.input), ...new Set(gold.map((g) => g.sentence))];
  // Two passes to warm up, then the least of five: other work on the machine only ever adds to it.
  for (let pass = 0; pass < 2; pass++) for (const s of sentences) extract(s);
  let least = Number.POSITIVE_INFINITY;
  for (let pass = 0; pass < 5; pass++) {
    const cpu0 = process.cpuUsage();
    for (const s of sentences) extract(s);
    const cpu = process.cpuUsage(cpu0);
    least = Math.min(least, (cpu.user + cpu.system) / sentences.length);
  }
  return {
    recognizers,
    newsClaims,
    crashes,
    cpuUsPerSentence: least,
    figures: {
      quant_value_f1: round3(recognizers.value.f1),
      quant_unit_f1: round3(recognizers.valueUnit.f1),
      quant_value_precision: round3(recognizers.value.precision),
      quant_value_recall: round3(recognizers.value.recall),
      quant_crashes: crashes.length,
      news_value_recall: round3(newsClaims.value.recall),
      news_unit_recall: round3(newsClaims.valueUnit.recall),
      news_change_recall: round3(newsClaims.valueChange.recall),
      news_concept_recall: round3(newsClaims.concept.recall),
    },
  };
}
