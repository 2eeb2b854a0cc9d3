export {
  createDedupeIndex,
  type DedupeDocument,
  type DedupeIndex,
  type DedupeIndexStats,
  type DedupeVerdict,
  type DuplicateMethod,
  type FingerprintedDocument,
} from './createDedupeIndex.ts';
export type { DedupeIndexOptions } from './DedupeIndexOptions.ts';
