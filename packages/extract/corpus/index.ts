// Support code of the extractor, for its tests and for the bench in tools/bench: the generated
// pages, the fixture set and the scoring. Not part of the extractor's public face.

// How the extractor turns an element into text blocks, so that a third-party extractor's output is
// read into text the same way when the two are compared.
export { collectBlocks } from '../src/blockText.ts';
export { type BenchPage, generateBenchCorpus } from './benchCorpus.ts';
export { type Extractor, evaluate, type PageScore, type SetScore, tallyExtractor } from './evaluate.ts';
export { type FixturePage, loadFixtures } from './fixtureSet.ts';
