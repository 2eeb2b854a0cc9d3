export {
  createExtractPool,
  type ExtractInput,
  type ExtractPool,
  type ExtractPoolOptions,
  type PoolArticle,
} from './createExtractPool.ts';
