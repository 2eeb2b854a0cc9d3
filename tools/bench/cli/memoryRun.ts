/**
 * One process of `npm run bench:memory`: `tally <args>` started as a user starts it, watched from
 * outside until it is ready, left to settle, then its resident memory sampled for a while and the
 * process stopped with SIGTERM. `memoryTrace.cjs` is preloaded (into the worker threads too) so
 * that the V8 heap of each thread and the main thread's external memory (ArrayBuffers, PGlite's
 * WebAssembly memory among them) can be told apart from the rest of RSS.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { childrenOf, memoryOf } from '../shared/procStats.ts';

const trace = fileURLToPath(new URL('./memoryTrace.cjs', import.meta.url));

export interface MemoryRunOptions {
  /** What runs: `node <argv...>` (the bin, or the source through tsx). */
  argv: string[];
  cwd: string;
  env: Record<string, string>;
  /** Ready when this shows on stdout or stderr. */
  ready: RegExp;
  /** Seconds to wait for `ready`. */
  readyTimeoutS: number;
  /** Seconds between ready and the first sample. */
  settleS: number;
  /** Seconds of samples (one a second). */
  sampleS: number;
}

export interface ThreadHeap {
  thread: number;
  heapTotalMb: number;
  heapUsedMb: number;
}

export interface MemoryReading {
  /** Median of the samples' RSS (VmRSS) of the node process. */
  rssMb: number;
  /** Highest and lowest sample. */
  rssMaxMb: number;
  rssMinMb: number;
  /** VmHWM at the last sample: the peak since the process started. */
  peakMb: number;
  /** Seconds from spawn to ready. */
  readyS: number;
  /** Threads of the process at the last sample. */
  threads: number;
  /** The last trace of each thread in the sampling window; thread 0 is the main thread. */
  heaps: ThreadHeap[];
  /** Main thread: external memory and its ArrayBuffers (PGlite's WebAssembly memory is one), MB. */
  externalMb: number;
  arrayBuffersMb: number;
  /** RSS of the processes it started (the private redis-server), MB. */
  childrenRssMb: number;
  /** Whether tsx's esbuild helper ran beside it (the source, not the build). */
  ranSource: boolean;
  exitCode: number | null;
}

const MB = 1024 * 1024;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

function threadsOf(pid: number): number {
  try {
    return readdirSync(`/proc/${pid}/task`).length;
  } catch {
    return 0;
  }
}

/** Stops the process with SIGTERM, SIGKILL after `graceS`; resolves with its exit code. */
export function stop(child: ChildProcess, graceS = 30): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), graceS * 1000);
    child.once('exit', (code) => {
      clearTimeout(kill);
      resolve(code);
    });
    child.kill('SIGTERM');
  });
}

export async function measureMemory(options: MemoryRunOptions): Promise<MemoryReading> {
  const started = performance.now();
  const child = spawn(process.execPath, options.argv, {
    cwd: options.cwd,
    env: { ...options.env, NODE_OPTIONS: `${options.env.NODE_OPTIONS ?? ''} --require ${trace}`.trim() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  if (!pid) throw new Error('could not start node');
  let output = '';
  let readyAt = 0;
  let sampling = false;
  const traces = new Map<number, { heapTotal: number; heapUsed: number; external: number; arrayBuffers: number }>();
  let pending = '';
  const onData = (d: Buffer) => {
    const text = d.toString();
    if (!readyAt) {
      output = (output + text).slice(-20_000);
      if (options.ready.test(output)) readyAt = performance.now();
    }
    pending += text;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (!sampling || !line.startsWith('tally-bench-memory ')) continue;
      const t = JSON.parse(line.slice('tally-bench-memory '.length)) as {
        thread: number;
        heapTotal: number;
        heapUsed: number;
        external: number;
        arrayBuffers: number;
      };
      traces.set(t.thread, t);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const helpers = new Set<number>();
  const watchHelpers = () => {
    for (const c of childrenOf(pid)) if (commandOf(c).includes('esbuild')) helpers.add(c);
  };
  try {
    while (!readyAt) {
      if (exited) throw new Error(`tally ${options.argv.slice(1).join(' ')} exited before ready:\n${output}`);
      if (performance.now() - started > options.readyTimeoutS * 1000) {
        throw new Error(`tally ${options.argv.slice(1).join(' ')} not ready in ${options.readyTimeoutS} s:\n${output}`);
      }
      watchHelpers();
      await sleep(100);
    }
    await sleep(options.settleS * 1000);
    sampling = true;
    const rss: number[] = [];
    let peakMb = 0;
    for (let i = 0; i < options.sampleS; i++) {
      await sleep(1000);
      const m = memoryOf(pid);
      if (!m) throw new Error(`tally ${options.argv.slice(1).join(' ')} exited while sampled:\n${output}`);
      rss.push(m.rssMb);
      peakMb = m.peakMb;
    }
    watchHelpers();
    const children = childrenOf(pid).filter((c) => !helpers.has(c));
    const childrenRssMb = children.reduce((s, c) => s + (memoryOf(c)?.rssMb ?? 0), 0);
    const threads = threadsOf(pid);
    const exitCode = await stop(child);
    const main = traces.get(0);
    return {
      rssMb: median(rss),
      rssMaxMb: Math.max(...rss),
      rssMinMb: Math.min(...rss),
      peakMb,
      readyS: (readyAt - started) / 1000,
      threads,
      heaps: [...traces.entries()]
        .sort(([a], [b]) => a - b)
        .map(([thread, t]) => ({ thread, heapTotalMb: t.heapTotal / MB, heapUsedMb: t.heapUsed / MB })),
      externalMb: (main?.external ?? 0) / MB,
      arrayBuffersMb: (main?.arrayBuffers ?? 0) / MB,
      childrenRssMb,
      ranSource: helpers.size > 0,
      exitCode,
    };
  } finally {
    await stop(child);
  }
}
