export { type DedupeEvalOptions, evaluateDedupe, hardSetDraws } from './evaluateDedupe.ts';
export { buildHardSet, type HardDoc } from './hardSet.ts';
