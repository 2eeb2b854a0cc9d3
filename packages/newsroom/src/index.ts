export type { ArticlePage, Block, Outlet, TemplateFamily } from './ArticlePage.ts';
export type {
  CopyEdit,
  Corpus,
  CorpusArticle,
  CorpusBound,
  CorpusClaim,
  CorpusFeed,
  CorpusManifest,
  CorpusOptions,
  CorpusStatement,
  ResolvedCorpusOptions,
} from './Corpus.ts';
export type { ClaimKind } from './corpusFigures.ts';
export { corpusManifest } from './corpusManifest.ts';
export { renderCorpusPage, renderCorpusPageBytes } from './corpusSite.ts';
export { syndicatedSeedId } from './demoNewsroom.ts';
export { generateCorpus } from './generateCorpus.ts';
export type { Newsroom, NewsroomArticle, NewsroomFeed, NewsroomStats } from './Newsroom.ts';
export { createRng, type Rng } from './Rng.ts';
export { defaultSeedsDir, loadSeeds, type Seed } from './Seed.ts';
export { type NewsroomOptions, startNewsroom } from './startNewsroom.ts';
