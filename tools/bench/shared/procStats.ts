// What the benches read of processes on this machine from /proc: CPU time, memory, threads, children.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_S = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** Resident set size now and at its peak (`VmRSS`, `VmHWM`), in MB; null once the process is gone. */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** Clock ticks of CPU (user + system) a process has used so far, all its threads; null once it is gone. */
function cpuTicksOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) a process has used so far, all its threads; 0 once it is gone. */
export function cpuSecondsOf(pid: number): number {
  return (cpuTicksOf(pid) ?? 0) / TICKS_PER_S;
}

/** User + system CPU time of a local process (a PostgreSQL backend), µs; null when unreadable. */
export function processCpuUs(pid: number): number | null {
  const ticks = cpuTicksOf(pid);
  return ticks === null ? null : (ticks * 1e6) / TICKS_PER_S;
}

/** Direct children of `pid` (tsx's esbuild service, a server's workers), from /proc. */
export function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/**
 * CPU seconds of a process's main thread and of all its other threads together (worker threads
 * such as the extraction pool, V8's and libuv's helpers; Node names every thread `node`). A thread
 * that ended is gone from `/proc`: sample often and keep the figures with `ThreadCpuMeter`.
 */
export function cpuSecondsByThread(pid: number): { main: number; others: number } {
  const out = { main: 0, others: 0 };
  for (const [tid, s] of cpuSecondsPerThread(pid)) {
    if (tid === pid) out.main += s;
    else out.others += s;
  }
  return out;
}

function cpuSecondsPerThread(pid: number): Map<number, number> {
  const out = new Map<number, number>();
  let tids: string[] = [];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(tid), (Number(fields[11]) + Number(fields[12])) / TICKS_PER_S);
    } catch {
      // the thread ended
    }
  }
  return out;
}

/**
 * CPU seconds of a process's main thread and of its other threads, each thread counted at its last
 * reading: threads that ended (extraction workers closed at the end of a run) keep what they used.
 */
export class ThreadCpuMeter {
  readonly #last = new Map<number, number>();
  constructor(private readonly pid: number) {}
  sample(): void {
    for (const [tid, s] of cpuSecondsPerThread(this.pid)) this.#last.set(tid, Math.max(this.#last.get(tid) ?? 0, s));
  }

  /** A meter holding what each thread used since `earlier` was sampled (threads new since then in full). */
  minus(earlier: ThreadCpuMeter): ThreadCpuMeter {
    const out = new ThreadCpuMeter(this.pid);
    for (const [tid, s] of this.#last) out.#last.set(tid, s - (earlier.#last.get(tid) ?? 0));
    return out;
  }
  /**
   * CPU seconds of the main thread and of the others; `busiest` is the sum over the `busiest`
   * busiest other threads (Linux names every thread of Node `node`, so a process's worker threads
   * are told from V8's and libuv's helpers by how busy they were).
   */
  used(busiest = 0): { main: number; others: number; busiest: number } {
    const out = { main: 0, others: 0, busiest: 0 };
    const others: number[] = [];
    for (const [tid, s] of this.#last) {
      if (tid === this.pid) out.main += s;
      else {
        out.others += s;
        others.push(s);
      }
    }
    out.busiest = others
      .sort((a, b) => b - a)
      .slice(0, busiest)
      .reduce((a, b) => a + b, 0);
    return out;
  }
}

/** Processes whose command line contains `needle` (e.g. a server's port), with their children. */
export function processTree(needle: string): number[] {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((l) => {
      const m = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(l);
      return m ? { pid: Number(m[1]), ppid: Number(m[2]), args: m[3]! } : null;
    })
    .filter((r): r is { pid: number; ppid: number; args: string } => r !== null);
  const roots = rows.filter((r) => r.args.includes(needle) && !r.args.startsWith('ps ')).map((r) => r.pid);
  const tree = new Set(roots);
  for (let grew = true; grew; ) {
    grew = false;
    for (const r of rows) {
      if (tree.has(r.ppid) && !tree.has(r.pid)) {
        tree.add(r.pid);
        grew = true;
      }
    }
  }
  return [...tree];
}

/**
 * CPU seconds of a set of processes, counting processes that ended since the first reading as
 * their last value (PostgreSQL starts and ends backends as connections come and go).
 */
export class CpuMeter {
  readonly #last = new Map<number, number>();
  readonly #first = new Map<number, number>();
  constructor(private readonly find: () => number[]) {
    this.sample();
    for (const [pid, s] of this.#last) this.#first.set(pid, s);
  }
  sample(): void {
    for (const pid of this.find()) {
      const s = cpuSecondsOf(pid);
      if (s > 0 || !this.#last.has(pid)) this.#last.set(pid, Math.max(this.#last.get(pid) ?? 0, s));
    }
  }
  /** CPU seconds used since construction. */
  used(): number {
    let total = 0;
    for (const [pid, s] of this.#last) total += s - (this.#first.get(pid) ?? 0);
    return total;
  }
}
