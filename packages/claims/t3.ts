import { tokenize } from './src/tokenize.ts';
import { tagSentence } from './src/lexical/tagSentence.ts';
const s = process.argv[2]!;
const t = tokenize(s); const g = tagSentence(s, t);
console.log(t.map((x, i) => x.text + '/' + g.pos[i]).join(' '));
