import { readFileSync } from 'node:fs';
import { decodeHtml, extractArticle } from '@tally/extract';

const name = process.argv[2]!;
const dir = '/work/shared/corpus/extract-readability/' + name;
const { html, charset } = decodeHtml(readFileSync(dir + '/source.html'), 'text/html');
console.error('charset', charset);
try {
  const a = extractArticle(html, {
    url: 'http://fakehost/test/page.html',
    trace: process.argv.includes('--trace')
      ? (s, t) => console.error('TRACE', s, JSON.stringify(t.slice(0, 100)))
      : undefined,
  });
  console.log(a.text);
} catch (e) {
  console.log('ERR', e);
}
