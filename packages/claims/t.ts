import { predicateOf } from './src/lexical/vocabulary.ts';

for (const w of [
  'slaughter',
  'behead',
  'splurge',
  'shoot',
  'massacre',
  'fetch',
  'snap',
  'acquire',
  'purchase',
  'donate',
  'gross',
  'pocket',
  'axe',
  'lay',
  'hire',
  'fire',
  'detain',
  'murder',
  'deliver',
  'postpone',
  'fill',
  'repair',
  'strand',
])
  console.log(w, predicateOf(w, false).predicate);
