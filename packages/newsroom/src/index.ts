export type { ArticlePage, Block, Outlet, TemplateFamily } from './ArticlePage.ts';
export { renderCorpusPage, renderCorpusPageBytes } from './corpusSite.ts';
export { syndicatedSeedId } from './demoNewsroom.ts';
export type {
  ClaimKind,
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
} from './generateCorpus.ts';
export { corpusManifest, generateCorpus } from './generateCorpus.ts';
export type { Newsroom, NewsroomArticle, NewsroomFeed, NewsroomStats } from './Newsroom.ts';
export { createRng, type Rng } from './Rng.ts';
export { defaultSeedsDir, loadSeeds, type Seed } from './Seed.ts';
export { type NewsroomOptions, startNewsroom } from './startNewsroom.ts';
