import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generateCorpus } from './generateCorpus.ts';
import { startNewsroom } from './startNewsroom.ts';

/*
 * Runs the newsroom on its own, for poking at it with a browser or feeding services started
 * separately:
 *
 *   npx tsx packages/newsroom/src/serveNewsroom.ts [--port 8099] [--feeds-out feeds.txt]
 *   npx tsx packages/newsroom/src/serveNewsroom.ts --corpus --feeds 200 --articles-per-feed 25 \
 *     --duplicate-rate 0.2 --min-bytes 50000 --max-bytes 500000 --seed 1 --manifest-out manifest.json
 */

const { values } = parseArgs({
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '0' },
    'seeds-dir': { type: 'string' },
    corpus: { type: 'boolean', default: false },
    feeds: { type: 'string', default: '20' },
    'articles-per-feed': { type: 'string', default: '15' },
    'duplicate-rate': { type: 'string', default: '0.2' },
    'min-bytes': { type: 'string', default: '50000' },
    'max-bytes': { type: 'string', default: '500000' },
    'missing-rate': { type: 'string', default: '0' },
    'pdf-rate': { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
    'no-gzip': { type: 'boolean', default: false },
    'feeds-out': { type: 'string' },
    'manifest-out': { type: 'string' },
  },
});

function number(name: keyof typeof values): number {
  const value = Number(values[name]);
  if (!Number.isFinite(value)) throw new Error(`--${name} must be a number`);
  return value;
}

const corpus = values.corpus
  ? generateCorpus({
      feeds: number('feeds'),
      articlesPerFeed: number('articles-per-feed'),
      duplicateRate: number('duplicate-rate'),
      minBytes: number('min-bytes'),
      maxBytes: number('max-bytes'),
      missingRate: number('missing-rate'),
      pdfRate: number('pdf-rate'),
      seed: values.seed!,
    })
  : undefined;

const newsroom = await startNewsroom({
  host: values.host!,
  port: number('port'),
  ...(values['seeds-dir'] ? { seedsDir: values['seeds-dir'] } : {}),
  ...(corpus ? { corpus } : {}),
  gzip: !values['no-gzip'],
});

const feedList = `${newsroom.feeds.map((f) => f.url).join('\n')}\n`;
if (values['feeds-out']) writeFileSync(values['feeds-out'], feedList);
if (values['manifest-out'] && newsroom.manifest)
  writeFileSync(values['manifest-out'], JSON.stringify(newsroom.manifest, null, 2));
process.stdout.write(
  `newsroom at ${newsroom.url}: ${newsroom.feeds.length} feeds, ${newsroom.articles.length} items\n${feedList}`,
);

const stop = () => {
  newsroom.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
