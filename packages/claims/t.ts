import { extractClaims } from './src/index.ts';
import { tokenize } from './src/tokenize.ts';
import { tagSentence } from './src/lexical/tagSentence.ts';
for (const s of [
 "Eighteen former Enron directors have agreed a $168m (£89m) settlement deal in a shareholder lawsuit over the collapse of the energy firm.",
 "The number of Japanese films released rose to 310 in 2004 from 287 the previous year.",
 "Six opposition parties began impeachment proceedings against Yoon this week.",
 "Two gunmen died, and three others may have escaped, officials said.",
]) {
  const t = tokenize(s); const g = tagSentence(s, t);
  console.log(t.map((x, i) => x.text + '/' + g.pos[i]).join(' '));
  for (const c of extractClaims(s, { publishedAt: '2005-01-01' })) console.log('   ', c.figureKey, '|', c.value, c.predicate, c.subject, c.measure);
}
