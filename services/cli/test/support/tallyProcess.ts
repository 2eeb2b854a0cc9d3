import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The `tally` executable as an operator runs it. */
export const tallyBin = fileURLToPath(new URL('../../bin/tally.mjs', import.meta.url));

export type TallyEnv = Record<string, string>;

/** Keeps the last `max` characters of a stream, for failure messages. */
class Tail {
  text = '';
  /** Characters ever pushed: marks survive trimming. */
  total = 0;
  constructor(private readonly max = 16_000) {}
  push(chunk: Buffer | string): void {
    const s = chunk.toString();
    this.text += s;
    this.total += s.length;
    if (this.text.length > this.max) this.text = this.text.slice(-this.max);
  }
  /** What was pushed after the mark (as far as it is kept). */
  since(mark: number): string {
    return this.text.slice(Math.max(0, this.text.length - (this.total - mark)));
  }
}

export interface TallyRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs one `tally` command to its end. */
export function runTally(args: readonly string[], env: TallyEnv): Promise<TallyRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tallyBin, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    const stderr = new Tail();
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => stderr.push(d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr: stderr.text }));
  });
}

/** A command's tab-separated output (`tally feeds list`, `tally tokens list`…) as rows of fields, empty fields kept. */
export function rowsOf(stdout: string): string[][] {
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t'));
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** An exit nobody asked for (or a fatal error the process outlived), with the end of its log. */
export interface UnexpectedExit extends Exit {
  stage: string;
  at: number;
  /** The process reported a fatal error (`tally: …`) but did not exit: the supervisor killed it. */
  hung: boolean;
  log: string;
}

/**
 * One `tally worker <stage>` process under a supervisor, as `restart: unless-stopped` runs it in
 * the compose file: an exit nobody asked for is recorded and the process started again a second
 * later. A process that printed a fatal error (`tally: …`) and is still alive two seconds later
 * is recorded as hung, killed and started again, as a liveness check would. `stop()` is the
 * test's own doing.
 */
export class WorkerProcess {
  readonly log = new Tail(64_000);
  readonly unexpectedExits: UnexpectedExit[] = [];
  starts = 0;
  #child: ChildProcess | null = null;
  #exit: Promise<Exit> | null = null;
  #startMark = 0;
  #supervised = true;
  #hung = false;

  /** `logFile`: also append the process's log there (for looking into a failed run). */
  constructor(
    readonly stage: string,
    private readonly env: TallyEnv,
    private readonly logFile: string | null = null,
  ) {}

  get running(): boolean {
    return this.#child !== null;
  }

  /** Started and past its start-up: it logged "service started" since its latest start. */
  get ready(): boolean {
    return this.running && this.log.since(this.#startMark).includes('"msg":"service started"');
  }

  start(): void {
    if (this.#child) return;
    this.#supervised = true;
    this.#hung = false;
    this.starts++;
    this.#startMark = this.log.total;
    const child = spawn(process.execPath, [tallyBin, 'worker', this.stage], {
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let fatalSeen = false;
    child.stderr?.on('data', (d: Buffer) => {
      this.log.push(d);
      if (this.logFile) appendFileSync(this.logFile, d);
      if (!fatalSeen && /^tally: /m.test(d.toString())) {
        fatalSeen = true;
        setTimeout(() => {
          if (this.#child !== child || !this.#supervised) return;
          this.#hung = true;
          child.kill('SIGKILL');
        }, 2000);
      }
    });
    if (this.logFile) appendFileSync(this.logFile, `--- start ${this.starts} at ${new Date().toISOString()}\n`);
    this.#exit = new Promise((resolve) =>
      child.on('exit', (code, signal) => {
        if (this.#child === child) {
          this.#child = null;
          if (this.#supervised) {
            this.unexpectedExits.push({
              stage: this.stage,
              code,
              signal,
              hung: this.#hung,
              at: Date.now(),
              log: this.log.since(this.#startMark).slice(-2000),
            });
            setTimeout(() => {
              if (this.#supervised && !this.#child) this.start();
            }, 1000);
          }
        }
        resolve({ code, signal });
      }),
    );
    this.#child = child;
  }

  /** Resolves once the process is ready. */
  async waitReady(timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.ready) {
      if (Date.now() > deadline) throw new Error(`${this.stage} not ready after ${timeoutMs} ms:\n${this.log.text}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Sends a signal and waits for the exit; the supervisor does not restart it. */
  async stop(signal: NodeJS.Signals): Promise<Exit> {
    this.#supervised = false;
    const child = this.#child;
    const exit = this.#exit;
    if (!child || !exit) return { code: null, signal: null };
    this.#child = null;
    child.kill(signal);
    return exit;
  }
}
