export { defaultSeedsDir, generateLabelledSet, type LabelledPair, type LabelledSetOptions } from './labelledSet.ts';
export { type Report, type Story, stories } from './stories.ts';
