/**
 * Parse throughput of @tally/feeds beside rss-parser on the same generated, realistic feed files
 * (RSS 2.0 with content:encoded and Atom with HTML content, 50 items each), plus one 100,000-item
 * feed of about 50 MB for @tally/feeds alone (time and peak memory).
 *   npx tsx tools/bench/feeds/parse.bench.ts            # table + one JSON line
 *   npx tsx tools/bench/feeds/parse.bench.ts --previous DIR
 *     also times an earlier commit's copy of packages/feeds (DIR holds its `src/`, see
 *     tools/bench/feeds/conformance.ts for how to make one) against the current code, interleaved round by
 *     round and measured in CPU time, so a busy machine slows both alike.
 * `benchParse()` is what `npm run bench:feeds` calls for its parse_mb_s / rss_parser_mb_s figures.
 */
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseFeed } from '@tally/feeds';
import RssParser from 'rss-parser';

const WORDS =
  'council budget housing transport river school election minister report data growth inflation market energy water health hospital court police weather storm harbour festival museum library bridge railway'.split(
    ' ',
  );

/** A small deterministic generator, so every run parses the same bytes. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function words(rand: () => number, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(WORDS[Math.floor(rand() * WORDS.length)]!);
  return out.join(' ');
}

function paragraphs(rand: () => number, n: number): string {
  let html = '';
  for (let i = 0; i < n; i++) {
    html += `<p>${words(rand, 30 + Math.floor(rand() * 40))} <a href="https://news.example.org/topic/${i}">${words(rand, 2)}</a>.</p>`;
    if (rand() < 0.3) html += `<img src="/images/${Math.floor(rand() * 1e6)}.jpg" alt="${words(rand, 3)}">`;
  }
  return html;
}

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function rfc822(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[(d.getUTCDay() + 6) % 7]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

export function generateRss(seed: number, items: number, paragraphsPerItem = 4): string {
  const rand = rng(seed);
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>\n',
    `<title>The ${words(rand, 2)} Gazette</title>\n<link>https://news${seed}.example.org/</link>\n<description>${words(rand, 12)}</description>\n<atom:link href="https://news${seed}.example.org/feed" rel="self" type="application/rss+xml"/>\n`,
  ];
  for (let i = 0; i < items; i++) {
    const title = words(rand, 6 + Math.floor(rand() * 6));
    const slug = title.replace(/ /g, '-');
    parts.push(
      `<item>\n<title>${title} &amp; ${words(rand, 2)}</title>\n<link>https://news${seed}.example.org/${i}/${slug}?utm_source=rss&amp;utm_medium=feed</link>\n` +
        `<guid isPermaLink="false">news${seed}-${i}</guid>\n<pubDate>${rfc822(1_700_000_000_000 - i * 3_600_000)}</pubDate>\n` +
        `<dc:creator><![CDATA[${words(rand, 2)}]]></dc:creator>\n<category>${words(rand, 1)}</category>\n` +
        (paragraphsPerItem === 0
          ? `<description>${words(rand, 6)} &lt;b&gt;${words(rand, 2)}&lt;/b&gt;</description>\n</item>\n`
          : `<description>${paragraphs(rand, 1).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</description>\n` +
            `<content:encoded><![CDATA[${paragraphs(rand, paragraphsPerItem)}]]></content:encoded>\n</item>\n`),
    );
  }
  parts.push('</channel>\n</rss>\n');
  return parts.join('');
}

export function generateAtom(seed: number, items: number): string {
  const rand = rng(seed);
  const parts: string[] = [
    `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog${seed}.example.org/">\n<title>${words(rand, 3)}</title>\n<link href="/"/>\n<id>urn:blog:${seed}</id>\n<updated>2024-01-01T00:00:00Z</updated>\n<author><name>${words(rand, 2)}</name></author>\n`,
  ];
  for (let i = 0; i < items; i++) {
    parts.push(
      `<entry>\n<id>tag:blog${seed}.example.org,2024:${i}</id>\n<title type="html">${words(rand, 7)} &lt;em&gt;${words(rand, 1)}&lt;/em&gt;</title>\n` +
        `<link rel="alternate" type="text/html" href="posts/${i}"/>\n<published>2024-01-0${1 + (i % 9)}T1${i % 10}:30:00+01:00</published>\n<updated>2024-01-0${1 + (i % 9)}T1${i % 10}:45:00+01:00</updated>\n` +
        `<summary type="text">${words(rand, 25)}</summary>\n<content type="html">${paragraphs(rand, 4).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</content>\n</entry>\n`,
    );
  }
  parts.push('</feed>\n');
  return parts.join('');
}

/** 120 feeds of 50 items: three RSS for every Atom feed. */
export function realisticFeedFiles(count = 120): Uint8Array[] {
  const encoder = new TextEncoder();
  return Array.from({ length: count }, (_, i) =>
    encoder.encode(i % 4 === 3 ? generateAtom(i, 50) : generateRss(i, 50)),
  );
}

async function timeIt(files: Uint8Array[], parse: (bytes: Uint8Array) => unknown): Promise<number> {
  const started = performance.now();
  for (const bytes of files) await parse(bytes);
  return (performance.now() - started) / 1000;
}

export interface ParseBenchResult {
  parse_mb_s: number;
  rss_parser_mb_s: number;
}

/** MB/s (10^6 bytes) of @tally/feeds and of rss-parser on the same realistic files; best of `rounds`. */
export async function benchParse(options: { files?: number; rounds?: number } = {}): Promise<ParseBenchResult> {
  const files = realisticFeedFiles(options.files ?? 120);
  const rounds = options.rounds ?? 3;
  const megabytes = files.reduce((n, f) => n + f.length, 0) / 1e6;
  const rssParser = new RssParser();
  const decoder = new TextDecoder();
  const ours = (bytes: Uint8Array) => {
    const result = parseFeed(bytes);
    if (!result.ok || result.items.length !== 50) throw new Error('benchmark feed did not parse');
  };
  const theirs = async (bytes: Uint8Array) => {
    const feed = await rssParser.parseString(decoder.decode(bytes));
    if (feed.items.length !== 50) throw new Error('benchmark feed did not parse');
  };
  await timeIt(files.slice(0, 8), ours); // warm-up
  await timeIt(files.slice(0, 8), theirs);
  let best = Number.POSITIVE_INFINITY;
  let bestTheirs = Number.POSITIVE_INFINITY;
  for (let r = 0; r < rounds; r++) {
    best = Math.min(best, await timeIt(files, ours));
    bestTheirs = Math.min(bestTheirs, await timeIt(files, theirs));
  }
  const round = (x: number) => Math.round(x * 10) / 10;
  return { parse_mb_s: round(megabytes / best), rss_parser_mb_s: round(megabytes / bestTheirs) };
}

/** CPU-time MB/s of the current and an earlier `parseFeed` on the same files, rounds interleaved (median). */
export async function comparePrevious(
  dir: string,
  files: Uint8Array[],
  rounds = 7,
): Promise<{ current_cpu_mb_s: number; previous_cpu_mb_s: number }> {
  const module = (await import(pathToFileURL(join(resolve(dir), 'src', 'parseFeed.ts')).href)) as {
    parseFeed: typeof parseFeed;
  };
  const megabytes = files.reduce((n, f) => n + f.length, 0) / 1e6;
  const cpuMs = (parse: typeof parseFeed): number => {
    const start = process.cpuUsage();
    for (const f of files) parse(f);
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
  };
  for (let i = 0; i < 2; i++) {
    cpuMs(parseFeed);
    cpuMs(module.parseFeed);
  }
  const current: number[] = [];
  const previous: number[] = [];
  // The order alternates, so neither version always runs on the other's garbage.
  for (let r = 0; r < rounds; r++) {
    if (r % 2 === 0) {
      previous.push(cpuMs(module.parseFeed));
      current.push(cpuMs(parseFeed));
    } else {
      current.push(cpuMs(parseFeed));
      previous.push(cpuMs(module.parseFeed));
    }
  }
  const median = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const rate = (ms: number): number => Math.round((megabytes / ms) * 10_000) / 10;
  return { current_cpu_mb_s: rate(median(current)), previous_cpu_mb_s: rate(median(previous)) };
}

/** The hostile-size case: one 100,000-item feed of about 50 MB, @tally/feeds only. */
export function benchBigFeed(): {
  megabytes: number;
  seconds: number;
  cpu_seconds: number;
  items: number;
  peak_rss_mb: number;
} {
  const bytes = new TextEncoder().encode(generateRss(7, 100_000, 0));
  // CPU time beside wall time: on a shared machine the wall clock also counts other people's work.
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = parseFeed(bytes);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  if (!result.ok) throw new Error(`big feed did not parse: ${result.error.message}`);
  return {
    megabytes: Math.round(bytes.length / 1e5) / 10,
    seconds: Math.round(seconds * 100) / 100,
    cpu_seconds: Math.round((used.user + used.system) / 1e4) / 100,
    items: result.items.length,
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const big = benchBigFeed();
  const files = realisticFeedFiles();
  const totalMb = files.reduce((n, f) => n + f.length, 0) / 1e6;
  const result = await benchParse();
  console.log(`realistic set: ${files.length} feeds × 50 items, ${totalMb.toFixed(1)} MB; best of 3 rounds\n`);
  console.log('| parser | MB/s |\n|---|---:|');
  console.log(`| @tally/feeds | ${result.parse_mb_s} |`);
  console.log(`| rss-parser | ${result.rss_parser_mb_s} |`);
  const previousAt = process.argv.indexOf('--previous');
  const previousDir = previousAt === -1 ? undefined : process.argv[previousAt + 1];
  const versus = previousDir ? await comparePrevious(previousDir, files) : null;
  if (versus) {
    console.log(`\nagainst ${previousDir}, CPU time, rounds interleaved (median of 7):`);
    console.log('| version | MB/s of CPU |\n|---|---:|');
    console.log(`| current | ${versus.current_cpu_mb_s} |\n| previous | ${versus.previous_cpu_mb_s} |`);
  }
  console.log(
    `\nbig feed: ${big.megabytes} MB, ${big.items} items in ${big.seconds} s (${big.cpu_seconds} s of CPU), peak RSS ${big.peak_rss_mb} MB`,
  );
  console.log(
    JSON.stringify({
      bench: 'feeds-parse',
      ...result,
      ...(versus ?? {}),
      big_feed_mb: big.megabytes,
      big_feed_s: big.seconds,
      big_feed_cpu_s: big.cpu_seconds,
      big_feed_items: big.items,
      big_feed_peak_rss_mb: big.peak_rss_mb,
    }),
  );
}
