/**
 * `npm run bench:extract`: Tally's extractor beside jsdom + Readability (the reference) on the
 * same generated corpus of news pages of 50–500 KB, plus Readability on linkedom and happy-dom to
 * show what the DOM alone is worth, and quality (token F1, word 4-gram shingles) on the fixture set.
 *
 * Each measurement runs in its own child process (`--expose-gc`), one after the other, so that peak
 * RSS and heap figures belong to one extractor and the runs do not compete for the cores.
 *
 * Options: --pages N (Tally pages in the heap loop, default 5000), --jsdom-pages N (default 24),
 * --corpus N (corpus size, default 120). The last line of output is one JSON object.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Readability } from '@mozilla/readability';
import { decodeHtml, extractArticle } from '@tally/extract';
import {
  type BenchPage,
  collectBlocks,
  type Extractor,
  evaluate,
  type FixturePage,
  generateBenchCorpus,
  loadFixtures,
  tallyExtractor,
} from '@tally/extract/corpus';
import { Window } from 'happy-dom';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';

const { values: args } = parseArgs({
  options: {
    child: { type: 'string' },
    dir: { type: 'string' },
    pages: { type: 'string', default: '5000' },
    'jsdom-pages': { type: 'string', default: '24' },
    corpus: { type: 'string', default: '120' },
  },
});

// ---------------------------------------------------------------- extractors compared

type PageExtractor = (html: string, url: string) => string | Promise<string>;

const virtualConsole = new VirtualConsole();

/** Readability's article as text, rendered the same way as Tally's (blocks joined by blank lines). */
function readabilityText(document: Document): string {
  const article = new Readability<Element>(document, { serializer: (node) => node as Element }).parse();
  return article?.content
    ? collectBlocks(article.content)
        .map((b) => b.text)
        .join('\n\n')
    : '';
}

const EXTRACTORS: Record<string, PageExtractor> = {
  tally: (html, url) => extractArticle(html, { url }).text,
  'jsdom-readability': (html, url) => {
    const dom = new JSDOM(html, { url, virtualConsole });
    try {
      return readabilityText(dom.window.document);
    } finally {
      dom.window.close();
    }
  },
  'linkedom-readability': (html) => readabilityText(parseHTML(html).document as unknown as Document),
  'happydom-readability': async (html, url) => {
    const window = new Window({
      url,
      settings: {
        disableJavaScriptEvaluation: true,
        disableJavaScriptFileLoading: true,
        disableCSSFileLoading: true,
        disableIframePageLoading: true,
        disableComputedStyleRendering: true,
      },
    });
    try {
      const document = new window.DOMParser().parseFromString(html, 'text/html');
      return readabilityText(document as unknown as Document);
    } finally {
      await window.happyDOM.close();
    }
  },
};

// ---------------------------------------------------------------- child: speed and memory

interface SpeedResult {
  extractor: string;
  pages: number;
  /** Mean milliseconds per page over the passes, by corpus index (null for pages not run). */
  msByPage: (number | null)[];
  failures: number;
  pagesPerS: number;
  medianMs: number;
  p95Ms: number;
  peakRssMb: number;
  heapAfterFirstMb: number;
  heapAfterLastMb: number;
  heapSamples: [number, number][];
}

function heapAfterGcMb(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1_048_576;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function readCorpus(dir: string): BenchPage[] {
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as Omit<BenchPage, 'bytes'>[];
  return index.map((entry) => ({ ...entry, bytes: new Uint8Array(readFileSync(join(dir, `${entry.name}.html`))) }));
}

/** The pages a slow extractor runs on: spread evenly over the corpus so every template is in. */
function subset(corpusSize: number, pages: number): number[] {
  if (pages >= corpusSize) return Array.from({ length: pages }, (_, i) => i % corpusSize);
  return Array.from({ length: pages }, (_, i) => Math.floor((i * corpusSize) / pages));
}

async function measureSpeed(extractor: string, corpus: BenchPage[], pages: number): Promise<SpeedResult> {
  const extract = EXTRACTORS[extractor]!;
  const order = subset(corpus.length, pages);
  const sumByPage = corpus.map(() => 0);
  const runsByPage = corpus.map(() => 0);
  const runOnce = async (page: BenchPage): Promise<boolean> => {
    try {
      const { html } = decodeHtml(page.bytes, page.contentType);
      await extract(html, page.url);
      return true;
    } catch {
      return false;
    }
  };
  // A few untimed pages first: the first calls pay for compiling the code, not for the page.
  for (const page of corpus.slice(-3)) await runOnce(page);
  const times: number[] = [];
  const heapSamples: [number, number][] = [];
  let failures = 0;
  let heapAfterFirstMb = 0;
  const sampleEvery = Math.max(1, Math.floor(pages / 5));
  for (let i = 0; i < pages; i++) {
    const index = order[i]!;
    const page = corpus[index]!;
    const start = performance.now();
    if (!(await runOnce(page))) failures++;
    const ms = performance.now() - start;
    times.push(ms);
    sumByPage[index]! += ms;
    runsByPage[index]! += 1;
    if (i === 0) {
      heapAfterFirstMb = heapAfterGcMb();
      heapSamples.push([1, heapAfterFirstMb]);
    } else if ((i + 1) % sampleEvery === 0 && i + 1 < pages) {
      heapSamples.push([i + 1, heapAfterGcMb()]);
    }
  }
  const heapAfterLastMb = heapAfterGcMb();
  heapSamples.push([pages, heapAfterLastMb]);
  const total = times.reduce((sum, t) => sum + t, 0);
  const sorted = [...times].sort((a, b) => a - b);
  const msByPage = sumByPage.map((sum, i) => (runsByPage[i]! > 0 ? sum / runsByPage[i]! : null));
  return {
    extractor,
    pages,
    msByPage,
    failures,
    pagesPerS: (pages / total) * 1000,
    medianMs: percentile(sorted, 0.5),
    p95Ms: percentile(sorted, 0.95),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    heapAfterFirstMb,
    heapAfterLastMb,
    heapSamples,
  };
}

// ---------------------------------------------------------------- child: quality

interface QualityResult {
  [extractor: string]: { f1: number; precision: number; recall: number; failures: number };
}

async function measureQuality(): Promise<QualityResult> {
  const fixtures = loadFixtures();
  // evaluate() is synchronous: texts of async extractors are computed first.
  const precomputed = async (name: string): Promise<Extractor> => {
    const texts = new Map<string, string>();
    for (const page of fixtures) {
      try {
        texts.set(page.name, await EXTRACTORS[name]!(decodeHtml(page.bytes, page.contentType).html, page.url));
      } catch {
        texts.set(page.name, '');
      }
    }
    return (page: FixturePage) => texts.get(page.name) ?? '';
  };
  const rawTextContent: Extractor = (page) => {
    const dom = new JSDOM(decodeHtml(page.bytes, page.contentType).html, { url: page.url, virtualConsole });
    try {
      return new Readability(dom.window.document).parse()?.textContent ?? '';
    } finally {
      dom.window.close();
    }
  };
  const result: QualityResult = {};
  const runs: [string, Extractor][] = [
    ['tally', tallyExtractor()],
    ['jsdom-readability', await precomputed('jsdom-readability')],
    ['jsdom-readability-textContent', rawTextContent],
    ['linkedom-readability', await precomputed('linkedom-readability')],
    ['happydom-readability', await precomputed('happydom-readability')],
  ];
  for (const [name, extractor] of runs) {
    const score = evaluate(fixtures, (page) => {
      try {
        return extractor(page);
      } catch {
        return '';
      }
    });
    result[name] = {
      f1: score.f1,
      precision: score.precision,
      recall: score.recall,
      failures: score.pages.filter((p) => p.f1 === 0).length,
    };
  }
  return result;
}

// ---------------------------------------------------------------- orchestration

function runChild(dir: string, mode: string, pages: number): unknown {
  const tsx = import.meta.resolve('tsx');
  const self = fileURLToPath(import.meta.url);
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', '--import', tsx, self, '--child', mode, '--dir', dir, '--pages', String(pages)],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = out.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!);
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);
const round = (n: number, digits = 2) => Number(n.toFixed(digits));

async function main(): Promise<void> {
  const pages = Number(args.pages);
  const jsdomPages = Number(args['jsdom-pages']);
  const dir = join(tmpdir(), `tally-extract-bench-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  try {
    const corpus = generateBenchCorpus(Number(args.corpus));
    writeFileSync(join(dir, 'index.json'), JSON.stringify(corpus.map(({ bytes: _bytes, ...rest }) => rest)));
    for (const page of corpus) writeFileSync(join(dir, `${page.name}.html`), page.bytes);
    const sizes = corpus.map((p) => p.bytes.length).sort((a, b) => a - b);
    console.log(
      `corpus: ${corpus.length} pages, ${fmt(sizes[0]! / 1000, 0)}–${fmt(sizes[sizes.length - 1]! / 1000, 0)} KB (median ${fmt(percentile(sizes, 0.5) / 1000, 0)} KB), ${new Set(corpus.map((p) => p.name.slice(4))).size} templates`,
    );

    const runs: [string, number][] = [
      ['tally', pages],
      ['jsdom-readability', jsdomPages],
      ['linkedom-readability', Math.min(pages, corpus.length)],
      ['happydom-readability', Math.min(pages, corpus.length)],
    ];
    const speed: Record<string, SpeedResult> = {};
    for (const [mode, n] of runs) {
      console.log(`measuring ${mode} on ${n} pages...`);
      speed[mode] = runChild(dir, mode, n) as SpeedResult;
    }
    console.log('measuring quality on the fixture set...');
    const quality = runChild(dir, 'quality', 0) as QualityResult;

    console.log('\nspeed (one thread, decode + parse + extract):');
    console.log(
      'extractor                pages  pages/s  median ms  p95 ms  peak RSS MB  heap after GC: first → last page',
    );
    for (const s of Object.values(speed)) {
      console.log(
        `${s.extractor.padEnd(24)} ${String(s.pages).padStart(5)}  ${fmt(s.pagesPerS).padStart(7)}  ${fmt(s.medianMs).padStart(9)}  ${fmt(s.p95Ms).padStart(6)}  ${fmt(s.peakRssMb, 0).padStart(11)}  ${fmt(s.heapAfterFirstMb)} → ${fmt(s.heapAfterLastMb)} MB (${s.failures} failed)`,
      );
    }
    const tally = speed.tally!;
    const jsdom = speed['jsdom-readability']!;
    // The speed-up compares the two on the same pages: the ones jsdom ran on.
    const shared = jsdom.msByPage.flatMap((ms, i) =>
      ms === null || tally.msByPage[i] == null ? [] : [[ms, tally.msByPage[i]!]],
    );
    const jsdomSharedMs = shared.reduce((sum, [j]) => sum + j!, 0);
    const tallySharedMs = shared.reduce((sum, [, t]) => sum + t!, 0);
    const speedup = jsdomSharedMs / tallySharedMs;
    console.log(`tally heap after GC by page: ${tally.heapSamples.map(([p, mb]) => `${p}: ${fmt(mb)} MB`).join(', ')}`);
    console.log(
      `jsdom heap growth: ${fmt((jsdom.heapAfterLastMb - jsdom.heapAfterFirstMb) / Math.max(1, jsdom.pages - 1), 2)} MB per page over ${jsdom.pages} pages`,
    );
    console.log(
      `on the ${shared.length} pages both ran: jsdom + Readability ${fmt(jsdomSharedMs / shared.length)} ms/page, tally ${fmt(tallySharedMs / shared.length)} ms/page (mean over passes): ${fmt(speedup)}× faster`,
    );
    console.log('\nquality on the fixture set (token F1, word 4-gram shingles; mean over pages):');
    for (const [name, q] of Object.entries(quality)) {
      console.log(
        `${name.padEnd(30)} F1 ${fmt(q.f1, 4)}  precision ${fmt(q.precision, 4)}  recall ${fmt(q.recall, 4)}`,
      );
    }

    const result = {
      bench: 'extract',
      pages_per_s: round(tally.pagesPerS, 1),
      jsdom_pages_per_s: round(jsdom.pagesPerS, 2),
      speedup: round(speedup, 1),
      p95_ms: round(tally.p95Ms, 1),
      peak_rss_mb: round(tally.peakRssMb, 0),
      heap_growth_mb: round(tally.heapAfterLastMb - tally.heapAfterFirstMb, 1),
      f1: round(quality.tally!.f1, 4),
      readability_f1: round(quality['jsdom-readability']!.f1, 4),
    };
    console.log(JSON.stringify(result));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (args.child === 'quality') {
  console.log(JSON.stringify(await measureQuality()));
} else if (args.child) {
  console.log(JSON.stringify(await measureSpeed(args.child, readCorpus(args.dir!), Number(args.pages))));
} else {
  await main();
}
