import { readFileSync } from 'node:fs';
import { draftArticle } from './src/extractArticle.ts';
import { decodeHtml } from './src/index.ts';
const name = process.argv[2]!;
const { html } = decodeHtml(readFileSync('/work/shared/corpus/extract-readability/' + name + '/source.html'), 'text/html');
const d = draftArticle(html, 'http://fakehost/test/page.html', new Set(), (s, t) => console.log('  TRACE', s, t.slice(0, 60)));
for (const b of d.placed) console.log(b.position.toFixed(3).padStart(9), b.kind, b.linkDensity.toFixed(2), JSON.stringify(b.text.slice(0, 110)));
