/**
 * `npm run bench:memory`: resident memory of Tally's processes at steady state, started as users
 * start them (`services/cli/bin/tally.mjs`, running the build in `services/cli/dist`, which the
 * bench makes first when it is missing or older than the sources):
 *
 *   - `tally start` with the demo newsroom on a new embedded log: sampled once the first round is
 *     done (the demo's articles ingested, analysed and projected, the figures printed);
 *   - `tally api` alone on an embedded log: the demo's log, and a new one;
 *   - `tally worker fetcher` on a private Redis and a throwaway PostgreSQL (`@tally/local-services`).
 *
 * RSS is the node process's only (the private redis-server is a process of its own, shown apart).
 * Where it goes: each thread's V8 heap and the main thread's external memory (memoryTrace.cjs),
 * and the same processes once more with one thing changed: the log on PostgreSQL instead of PGlite,
 * one extraction thread, a second start on the same log; the claims reader's lexical data in a
 * process of its own. Everything listens on loopback; the processes and folders are removed after.
 *
 *   npm run bench:memory [-- --settle 15 --sample 15 --no-breakdown --source]
 *
 * Ends with one JSON line: {"bench":"memory","start_demo_rss_mb","api_idle_rss_mb","worker_fetcher_rss_mb"}.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { freePort, type LocalServer, startPostgres, startRedis } from '@tally/local-services';
import { type MemoryReading, measureMemory } from './memoryRun.ts';

/** The CLI as users run it: its bin, its build and its sources. */
const cliDir = fileURLToPath(new URL('../../../services/cli/', import.meta.url));
const repoDir = join(cliDir, '..', '..');

/** The issue's figures (measured before this bench existed) and its targets, MB. */
const issue = { startDemo: '544–627', apiIdle: '937', startTarget: 350, apiTarget: 200 };
/**
 * This bench on the code before the changes it led to (the sources of 7e88967 with the work then
 * in progress, built), settle 5 s, sample 15 s, load average 4–7: RSS by row label, MB.
 */
const before: Record<string, number> = {
  'tally start, demo, new embedded log': 606,
  "tally api, the demo's embedded log": 352,
  'tally api, new embedded log': 874,
  'tally worker fetcher, PostgreSQL + Redis': 154,
  'tally start, demo, second start on its log': 404,
  'tally start, demo, log on PostgreSQL': 279,
  'tally start, demo, new embedded log, EXTRACT_THREADS=1': 595,
  'tally api, log on PostgreSQL': 163,
};

const { values: args } = parseArgs({
  options: {
    // Past the extraction pool's idle time (10 s): the steady state of a process between polls.
    settle: { type: 'string', default: '15' },
    sample: { type: 'string', default: '15' },
    'no-breakdown': { type: 'boolean', default: false },
    source: { type: 'boolean', default: false },
  },
});
const settleS = Number(args.settle);
const sampleS = Math.max(1, Number(args.sample));

/** Whether the build exists and none of its sources is newer (what the bin checks). */
function buildIsFresh(): boolean {
  try {
    const dist = join(cliDir, 'dist');
    const build = JSON.parse(readFileSync(join(dist, 'build.json'), 'utf8')) as { builtAt: string; inputs: string[] };
    const builtAt = Date.parse(build.builtAt);
    return build.inputs.every((input) => {
      try {
        return statSync(join(dist, input)).mtimeMs <= builtAt;
      } catch {
        return true;
      }
    });
  } catch {
    return false;
  }
}

function ensureBuild(): void {
  if (args.source || buildIsFresh()) return;
  process.stderr.write('building services/cli/dist (npm run build --workspace @tally/cli)\n');
  const r = spawnSync('npm', ['run', 'build', '--workspace', '@tally/cli'], { cwd: repoDir, stdio: ['ignore', 2, 2] });
  if (r.status !== 0) throw new Error('the build failed');
}

const argv = (command: string[]) =>
  args.source
    ? ['--import', 'tsx', join(cliDir, 'src', 'main.ts'), ...command]
    : [join(cliDir, 'bin', 'tally.mjs'), ...command];

/** The environment of a run: this one's, less anything that would point Tally elsewhere. */
function envFor(dataDir: string, extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !/^(REDIS_URL|DATABASE_URL|API_|TALLY_|EXTRACT_|NEWSROOM_|FEEDS_FILE|QUEUE_PREFIX)/.test(k))
      env[k] = v;
  }
  return { ...env, TALLY_DATA_DIR: dataDir, LOG_LEVEL: 'info', ...extra };
}

const temps: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'tally-memory-'));
  temps.push(d);
  return d;
};

type Kind = 'start' | 'api' | 'worker';
const ready: Record<Kind, RegExp> = {
  start: /Polling goes on/,
  api: /"msg":"api listening"/,
  worker: /"msg":"service started"/,
};
const commandOf: Record<Kind, string[]> = { start: ['start'], api: ['api'], worker: ['worker', 'fetcher'] };

async function run(kind: Kind, dataDir: string, extra: Record<string, string> = {}): Promise<MemoryReading> {
  ensureBuild();
  const port = String(await freePort());
  return measureMemory({
    argv: argv([...commandOf[kind], ...(kind === 'worker' ? [] : ['--port', port])]),
    cwd: dataDir,
    env: envFor(dataDir, extra),
    ready: ready[kind],
    readyTimeoutS: 240,
    settleS,
    sampleS,
  });
}

interface Row {
  label: string;
  reading: MemoryReading;
}
const rows: Row[] = [];
async function measure(label: string, kind: Kind, dataDir: string, extra: Record<string, string> = {}) {
  process.stderr.write(`measuring ${label}\n`);
  const reading = await run(kind, dataDir, extra);
  rows.push({ label, reading });
  return reading;
}

let redis: LocalServer | null = null;
let pg: LocalServer | null = null;
let lexical: { start: Rss; imported: Rss; analysed: Rss; reports: number; claims: number } | null = null;
interface Rss {
  rss: number;
  heap: number;
  external: number;
}
let startDemo: MemoryReading;
let apiDemoLog: MemoryReading;
let apiNewLog: MemoryReading;
let fetcher: MemoryReading;
try {
  redis = await startRedis();
  pg = await startPostgres();
  const demoDir = tempDir();
  startDemo = await measure('tally start, demo, new embedded log', 'start', demoDir);
  apiDemoLog = await measure("tally api, the demo's embedded log", 'api', demoDir);
  apiNewLog = await measure('tally api, new embedded log', 'api', tempDir());
  fetcher = await measure('tally worker fetcher, PostgreSQL + Redis', 'worker', tempDir(), {
    REDIS_URL: redis.url,
    DATABASE_URL: pg.url,
    QUEUE_PREFIX: 'memfetcher',
  });
  if (!args['no-breakdown']) {
    await measure('tally start, demo, second start on its log', 'start', demoDir);
    await measure('tally start, demo, log on PostgreSQL', 'start', tempDir(), {
      DATABASE_URL: pg.url,
      QUEUE_PREFIX: 'memstartpg',
    });
    await measure('tally start, demo, new embedded log, EXTRACT_THREADS=1', 'start', tempDir(), {
      EXTRACT_THREADS: '1',
    });
    await measure('tally api, log on PostgreSQL', 'api', tempDir(), {
      DATABASE_URL: pg.url,
      QUEUE_PREFIX: 'memapipg',
    });
    const probe = execFileSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', fileURLToPath(new URL('./lexicalProbe.ts', import.meta.url))],
      { cwd: cliDir, encoding: 'utf8' },
    );
    lexical = JSON.parse(probe.trim().split('\n').pop()!);
  }
} finally {
  await redis?.stop();
  await pg?.stop();
  for (const d of temps) rmSync(d, { recursive: true, force: true });
}

const mb = (x: number) => `${Math.round(x)} MB`;
const pad = (s: string, n: number) => s.padEnd(n);
console.log(
  `steady-state RSS of the node process (median of ${sampleS} samples, 1 s apart, ${settleS} s after ready; ${args.source ? 'source through tsx' : 'the build'})`,
);
console.log(
  `${pad('process', 58)}${pad('before', 9)}${pad('RSS', 9)}${pad('min–max', 12)}${pad('peak', 9)}${pad('main heap', 11)}${pad('other heaps', 13)}${pad('external', 10)}${pad('rest', 9)}${pad('threads', 9)}redis`,
);
for (const { label, reading: r } of rows) {
  const main = r.heaps.find((h) => h.thread === 0)?.heapTotalMb ?? 0;
  const others = r.heaps.filter((h) => h.thread !== 0);
  const othersMb = others.reduce((s, h) => s + h.heapTotalMb, 0);
  const rest = r.rssMb - main - othersMb - r.externalMb;
  console.log(
    `${pad(label, 58)}${pad(before[label] === undefined ? '—' : mb(before[label]), 9)}${pad(mb(r.rssMb), 9)}${pad(`${Math.round(r.rssMinMb)}–${Math.round(r.rssMaxMb)}`, 12)}${pad(mb(r.peakMb), 9)}${pad(mb(main), 11)}${pad(`${mb(othersMb)} (${others.length})`, 13)}${pad(mb(r.externalMb), 10)}${pad(mb(rest), 9)}${pad(String(r.threads), 9)}${r.childrenRssMb ? mb(r.childrenRssMb) : '—'}${r.ranSource ? '  (ran the source: the build was stale)' : ''}`,
  );
}
console.log(
  '(heaps: V8 heap reserved per thread; external: ArrayBuffers and WebAssembly memory of the main thread; rest: code, native allocations, stacks, the worker isolates outside their heaps)',
);

const find = (label: string) => rows.find((r) => r.label === label)?.reading;
const share = (a: string, b: string) => {
  const x = find(a);
  const y = find(b);
  return x && y ? mb(x.rssMb - y.rssMb) : '—';
};
if (!args['no-breakdown']) {
  console.log('\nwhere it goes (differences of RSS between the runs above)');
  console.log(
    `  PGlite in tally start     ${share('tally start, demo, new embedded log', 'tally start, demo, log on PostgreSQL')} (new embedded log − log on PostgreSQL); on its second start ${share('tally start, demo, second start on its log', 'tally start, demo, log on PostgreSQL')}`,
  );
  console.log(
    `  PGlite in tally api       ${share("tally api, the demo's embedded log", 'tally api, log on PostgreSQL')} on the demo's log, ${share('tally api, new embedded log', 'tally api, log on PostgreSQL')} on a new log`,
  );
  console.log(
    `  one extraction thread     ${share('tally start, demo, new embedded log', 'tally start, demo, new embedded log, EXTRACT_THREADS=1')} (default threads − EXTRACT_THREADS=1; the default is one per core)`,
  );
  if (lexical) {
    console.log(
      `  lexical data              ${mb(lexical.imported.rss - lexical.start.rss)} to import @tally/claims (heap ${mb(lexical.imported.heap - lexical.start.heap)}), ${mb(lexical.analysed.rss - lexical.imported.rss)} more once the ${lexical.reports} demo reports are read (WordNet's files; heap ${mb(lexical.analysed.heap - lexical.imported.heap)}, external ${mb(lexical.analysed.external - lexical.imported.external)})`,
    );
  }
}

const apiIdle = Math.max(apiDemoLog.rssMb, apiNewLog.rssMb);
const was = (...labels: string[]) => {
  const xs = labels.map((l) => before[l]).filter((x): x is number => x !== undefined);
  return xs.length > 0 ? mb(Math.max(...xs)) : '—';
};
console.log('\nagainst the issue and the targets');
console.log(`${pad('', 24)}${pad('issue', 12)}${pad('before', 10)}${pad('now', 10)}target`);
console.log(
  `${pad('tally start, demo', 24)}${pad(`${issue.startDemo} MB`, 12)}${pad(was('tally start, demo, new embedded log'), 10)}${pad(mb(startDemo.rssMb), 10)}≤ ${issue.startTarget} MB ${startDemo.rssMb <= issue.startTarget ? '(met)' : '(missed)'}`,
);
console.log(
  `${pad('tally api, idle', 24)}${pad(`${issue.apiIdle} MB`, 12)}${pad(was("tally api, the demo's embedded log", 'tally api, new embedded log'), 10)}${pad(mb(apiIdle), 10)}≤ ${issue.apiTarget} MB ${apiIdle <= issue.apiTarget ? '(met)' : '(missed)'}  (the larger of the demo's log and a new one)`,
);
console.log(
  `${pad('tally worker fetcher', 24)}${pad('—', 12)}${pad(was('tally worker fetcher, PostgreSQL + Redis'), 10)}${pad(mb(fetcher.rssMb), 10)}none set`,
);
console.log(
  JSON.stringify({
    bench: 'memory',
    start_demo_rss_mb: Math.round(startDemo.rssMb),
    api_idle_rss_mb: Math.round(apiIdle),
    worker_fetcher_rss_mb: Math.round(fetcher.rssMb),
  }),
);
