import { tagSentence } from './src/lexical/tagSentence.ts';
import { tokenize } from './src/tokenize.ts';

const s = "American Airlines' parent AMR reported a loss of $387m (£206m) for the fourth quarter of 2004.";
const t = tokenize(s);
const g = tagSentence(s, t);
console.log(t.map((x, i) => x.text + '/' + g.pos[i]).join(' '));
