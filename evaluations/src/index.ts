export { corpusDir } from './corpus.ts';
