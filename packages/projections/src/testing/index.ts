export { type GenerateLogOptions, generateLog, seededRandom } from './generateLog.ts';
export { given, type ProjectionThen } from './given.ts';
export { type ClaimInput, LOG_EPOCH_MS, LogBuilder, type LoggedEvent, storedFrom } from './LogBuilder.ts';
export { denseRandomLog, rebuildFold } from './rebuildFold.ts';
export {
  type SeedScenarioOptions,
  seedArticleIds,
  seedFeedIds,
  seedFigureKeys,
  seedOutlets,
  seedScenario,
  seedSyndication,
} from './seedScenario.ts';
