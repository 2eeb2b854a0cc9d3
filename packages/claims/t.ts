import { extractClaims } from './src/index.ts';
import { tagSentence } from './src/lexical/tagSentence.ts';
import { tokenize } from './src/tokenize.ts';

for (const s of [
  "Fiat's shares on the Milan stock exchange rose 4.5% by 0900 GMT to 6.2 euros, having shot up more than 7% in early trading.",
  "BBC Two's share of the audience fell from 11.2% to 9.6% last month in comparison with January 2004.",
  'The proportion was currently at 62%, and the government was hoping this would rise to 85% by 2008 and 100% by 2010.',
  'Oil giant BP has announced a 26% rise in annual profits to $16.2bn (£8.7bn) on the back of record oil prices.',
  "Japan's box office received a 3.8% boost last year, with ticket sales worth 211bn yen (£1.08bn).",
]) {
  const t = tokenize(s);
  const g = tagSentence(s, t);
  console.log(t.map((x, i) => x.text + '/' + g.pos[i]).join(' '));
  for (const c of extractClaims(s, { publishedAt: '2005-01-01' }))
    console.log('   ', c.figureKey, '|', c.value, c.predicate, c.subject, c.measure, c.change, c.changeBy);
}
