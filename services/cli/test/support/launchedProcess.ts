import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository's root, where `npm start` and `npx tally` are run. */
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface LaunchOptions {
  /** @defaultValue the repository's root */
  cwd?: string;
  /** In a process group of its own, as a terminal's job is (`pressCtrlC` and `killGroup` need it). @defaultValue true */
  ownGroup?: boolean;
  /** How long `waitFor` waits by default. @defaultValue 300_000 */
  waitBoundMs?: number;
}

/**
 * A command as a user starts it from a shell (`npm start`, `npx tally api`, `node …`): in a
 * process group of its own, as a terminal's job is, so that the test can press Ctrl+C (SIGINT to
 * the whole group, as the terminal sends it) or signal the launched process alone (SIGTERM from a
 * supervisor). The Tally process under it is known by the `pid` of its first log line.
 */
export class LaunchedProcess {
  readonly child: ChildProcess;
  stdout = '';
  stderr = '';
  readonly exit: Promise<Exit>;

  private readonly waitBoundMs: number;

  constructor(
    command: string,
    args: readonly string[],
    env: Record<string, string>,
    { cwd = repoRoot, ownGroup = true, waitBoundMs = 300_000 }: LaunchOptions = {},
  ) {
    this.waitBoundMs = waitBoundMs;
    this.child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: ownGroup,
    });
    this.child.stdout!.on('data', (d: Buffer) => {
      this.stdout += d.toString();
    });
    this.child.stderr!.on('data', (d: Buffer) => {
      this.stderr += d.toString();
    });
    this.exit = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal })));
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Tally's log lines (JSON on stderr) with this message. */
  logged(msg: string): Record<string, unknown>[] {
    return this.stderr
      .split('\n')
      .filter((l) => l.startsWith('{') && l.includes(`"msg":${JSON.stringify(msg)}`))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  }

  /** The node process running Tally: the `pid` its log lines carry. */
  get tallyPid(): number | null {
    const line = this.stderr.split('\n').find((l) => l.startsWith('{"level"'));
    return line ? Number((JSON.parse(line) as { pid: number }).pid) : null;
  }

  /** Waits until `done` holds, failing if the launched process exits first or the bound passes. */
  async waitFor(what: string, done: () => boolean, timeoutMs = this.waitBoundMs): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (!this.running) throw new Error(`exited before ${what}:\n${this.stderr.slice(-4000)}`);
      if (Date.now() > deadline) throw new Error(`no ${what} within ${timeoutMs} ms:\n${this.stderr.slice(-4000)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** SIGTERM or SIGINT to the launched process alone (a supervisor, `kill PID`). */
  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** Ctrl+C in the terminal: SIGINT to every process of the job's group. */
  pressCtrlC(): void {
    process.kill(-this.child.pid!, 'SIGINT');
  }

  /** Kills whatever of the group is left (cleanup after a failed test). */
  killGroup(): void {
    try {
      process.kill(-this.child.pid!, 'SIGKILL');
    } catch {
      // gone already
    }
  }
}

/** Whether `pid` runs: it exists and has not ended (an ended child nobody reaped yet is a zombie). */
export function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** Waits, within a generous bound, for a process to end; whether it still runs after it. */
export async function stillRunningAfterBound(pid: number, boundMs = 30_000): Promise<boolean> {
  const deadline = Date.now() + boundMs;
  while (Date.now() < deadline) {
    if (!isRunning(pid)) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return isRunning(pid);
}
