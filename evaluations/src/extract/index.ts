export {
  type EvaluateExtractionOptions,
  type ExtractionEvaluation,
  evaluateExtraction,
  type PageResult,
} from './evaluateExtraction.ts';
export { type TokenScore, tokenF1, tokens } from './tokenF1.ts';
