/**
 * `npm run bench:startup`: what starting `tally` costs, in CPU seconds and resident memory, for the
 * compiled build (`services/cli/dist`, what the bin and the image run) beside the TypeScript source
 * run through tsx (what the bin ran before the build existed, and still runs in a checkout without
 * one). Three commands: `tally --help` (to its exit), `tally api` and `tally worker fetcher` (to their
 * "listening" / "service started" line, on a throwaway PostgreSQL and Redis), each run `--runs`
 * times (default 3), median reported. For `--help`, GNU time's account: CPU of the process and the
 * children it waited for, peak RSS. For the others, at the ready line: CPU of the node process and
 * of the helper it started (tsx's esbuild service), RSS of the node process. Ends with one JSON line.
 *
 *   npm run bench:startup [-- --runs 5]
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { freePort, startPostgres, startRedis } from '@tally/local-services';
import { childrenOf, cpuSecondsOf, memoryOf } from '../shared/procStats.ts';

/** The CLI as users run it: its bin, its build and its sources. */
const cliDir = fileURLToPath(new URL('../../../services/cli/', import.meta.url));
const built = join(cliDir, 'dist', 'tally.mjs');

/**
 * Measured on this machine before the build existed: the bin of commit 748f6f8 (it registered tsx
 * and imported the source), 5 runs each, median, tsx's transform cache warm, load average 6-7.
 */
const before = {
  help: { cpuS: 0.25, rssMb: 76 },
  api: { cpuS: 2.44, rssMb: 237 },
  fetcher: { cpuS: 2.05, rssMb: 221 },
};

type Variant = 'compiled' | 'source';
type CommandName = keyof typeof before;
interface Sample {
  cpuS: number;
  rssMb: number;
}

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Math.max(1, Number(values.runs));

function argvOf(variant: Variant): string[] {
  return variant === 'compiled' ? [built] : ['--import', 'tsx', join(cliDir, 'src', 'main.ts')];
}

function isHelper(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('esbuild');
  } catch {
    return false;
  }
}

/** Runs `tally --help` to its exit under GNU time: CPU of the process and the children it waited for, peak RSS. */
function measureToExit(args: string[], env: Record<string, string>): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', 'rusage %U %S %M', process.execPath, ...args], {
      cwd: cliDir,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('exit', (code) => {
      const m = /^rusage ([\d.]+) ([\d.]+) (\d+)$/m.exec(stderr);
      if (code !== 0 || !m) reject(new Error(`exited ${code}:\n${stderr}`));
      else resolve({ cpuS: Number(m[1]) + Number(m[2]), rssMb: Number(m[3]) / 1024 });
    });
  });
}

/** Runs a long-lived command until `ready` shows on stderr, then stops it with SIGTERM. */
function measureToReady(args: string[], env: Record<string, string>, ready: string): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: cliDir,
      env: { ...process.env, LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const pid = child.pid!;
    let stderr = '';
    let helpers: number[] = [];
    // Helpers are looked for while it starts: tsx's esbuild service is a child of the node process.
    const timer = setInterval(() => {
      helpers = [...new Set([...helpers, ...childrenOf(pid).filter(isHelper)])];
    }, 50);
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (!stderr.includes(ready) || child.killed) return;
      clearInterval(timer);
      helpers = [...new Set([...helpers, ...childrenOf(pid).filter(isHelper)])];
      const cpuS = cpuSecondsOf(pid) + helpers.reduce((s, h) => s + cpuSecondsOf(h), 0);
      const rssMb = memoryOf(pid)?.rssMb ?? 0;
      child.kill('SIGTERM');
      child.once('exit', () => resolve({ cpuS, rssMb }));
    });
    child.on('exit', (code) => {
      clearInterval(timer);
      if (!stderr.includes(ready)) reject(new Error(`exited ${code} before "${ready}":\n${stderr}`));
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const redis = await startRedis();
const pg = await startPostgres();
const dataDir = mkdtempSync(join(tmpdir(), 'tally-startup-'));
const results: Record<Variant, Partial<Record<CommandName, Sample>>> = { compiled: {}, source: {} };
try {
  const variants: Variant[] = existsSync(built) ? ['compiled', 'source'] : ['source'];
  for (const variant of variants) {
    for (const name of Object.keys(before) as CommandName[]) {
      const samples: Sample[] = [];
      for (let i = 0; i < runs; i++) {
        const env = {
          REDIS_URL: redis.url,
          DATABASE_URL: pg.url,
          TALLY_DATA_DIR: dataDir,
          QUEUE_PREFIX: `startup${i}`,
          API_PORT: String(await freePort()),
          EXTRACT_THREADS: '1',
        };
        const argv = argvOf(variant);
        if (name === 'help') samples.push(await measureToExit([...argv, '--help'], env));
        else if (name === 'api') samples.push(await measureToReady([...argv, 'api'], env, '"msg":"api listening"'));
        else samples.push(await measureToReady([...argv, 'worker', 'fetcher'], env, '"msg":"service started"'));
      }
      results[variant][name] = {
        cpuS: median(samples.map((s) => s.cpuS)),
        rssMb: median(samples.map((s) => s.rssMb)),
      };
    }
  }
} finally {
  await redis.stop();
  await pg.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

const fmt = (s: Sample | undefined) => (s ? `${s.cpuS.toFixed(2)} s CPU, ${Math.round(s.rssMb)} MB` : '—');
const label: Record<CommandName, string> = {
  help: 'tally --help',
  api: 'tally api',
  fetcher: 'tally worker fetcher',
};
console.log(`start-up, median of ${runs} (CPU of node and its helpers to ready; RSS of node at ready)`);
console.log(`${'command'.padEnd(22)}${'before (recorded)'.padEnd(26)}${'source via tsx'.padEnd(26)}compiled`);
for (const name of Object.keys(before) as CommandName[]) {
  console.log(
    `${label[name].padEnd(22)}${fmt(before[name]).padEnd(26)}${fmt(results.source[name]).padEnd(26)}${fmt(results.compiled[name])}`,
  );
}
const figure = (v: Variant, n: CommandName, k: keyof Sample) => {
  const s = results[v][n];
  return s ? Number(s[k].toFixed(k === 'cpuS' ? 2 : 0)) : null;
};
console.log(
  JSON.stringify({
    bench: 'startup',
    help_cpu_s: figure('compiled', 'help', 'cpuS'),
    help_rss_mb: figure('compiled', 'help', 'rssMb'),
    api_cpu_s: figure('compiled', 'api', 'cpuS'),
    api_rss_mb: figure('compiled', 'api', 'rssMb'),
    worker_fetcher_cpu_s: figure('compiled', 'fetcher', 'cpuS'),
    worker_fetcher_rss_mb: figure('compiled', 'fetcher', 'rssMb'),
    source_help_cpu_s: figure('source', 'help', 'cpuS'),
    source_api_cpu_s: figure('source', 'api', 'cpuS'),
    source_worker_fetcher_cpu_s: figure('source', 'fetcher', 'cpuS'),
  }),
);
