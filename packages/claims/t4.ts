import { readFileSync } from 'node:fs';
import { articleNameFacts } from './src/article/articleNames.ts';
import { findQuoteRegions } from './src/article/quotes.ts';
import { analyseSentence, lineStartOffsets } from './src/article/sentenceInfo.ts';
import { gazetteerFor } from './src/gazetteer.ts';
import { splitSentences } from './src/splitSentences.ts';

const dir = '/work/shared/corpus/news-claims/';
for (const line of readFileSync(dir + 'articles.jsonl', 'utf8')
  .trim()
  .split('\n')) {
  const a = JSON.parse(line);
  const text = readFileSync(dir + a.file, 'utf8');
  const g = gazetteerFor();
  const infos = splitSentences(text).map((s, i) =>
    analyseSentence(s, i, text, findQuoteRegions(text), g, lineStartOffsets(text)),
  );
  const f = articleNameFacts(infos, null);
  console.log(a.id, '->', f.topic?.name, '|', a.title);
}
