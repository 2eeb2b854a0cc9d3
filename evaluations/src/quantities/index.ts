export {
  type EvaluateQuantitiesOptions,
  evaluateQuantities,
  type QuantitiesEvaluation,
  type QuantityFigures,
} from './evaluateQuantities.ts';
