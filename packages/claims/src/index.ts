export {
  type CalendarDay,
  calendarDay,
  type DateExpression,
  findDateExpressions,
  resolveDate,
} from './dateExpressions.ts';
export {
  type ClaimsReading,
  type ExtractClaimsOptions,
  extractClaims,
  readClaims,
  type SkipReason,
} from './extractClaims.ts';
export { type FigureKeyParts, figureKey } from './figureKey.ts';
export {
  type Entity,
  type EntityMention,
  entitiesIn,
  Gazetteer,
  type GazetteerEntry,
  type GazetteerExtension,
  gazetteerFor,
  normalizeEntity,
} from './gazetteer.ts';
export { type Predicate, TRIGGERS } from './predicates.ts';
export { extractQuantities } from './quantitiesInContext.ts';
export { type Sentence, splitSentences } from './splitSentences.ts';
export type { Bound, Claim, Period, Quantity, QuantityKind, Speaker } from './types.ts';
export { vagueAmountWords } from './vagueWords.ts';
export { CLAIMS_VERSION } from './version.ts';
