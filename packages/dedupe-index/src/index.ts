export {
  createDedupeIndex,
  type DedupeDocument,
  type DedupeIndex,
  type DedupeIndexOptions,
  type DedupeIndexStats,
  type DedupeVerdict,
  type DuplicateMethod,
  type FingerprintedDocument,
} from './createDedupeIndex.ts';
