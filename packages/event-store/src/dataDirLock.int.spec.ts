import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const RACERS = 6;
const ROUNDS = 24;
const racerFile = fileURLToPath(new URL('./dataDirLockRacer.ts', import.meta.url));
const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** A racer process and the lines it printed, awaited one by one. */
class Racer {
  readonly lines: string[] = [];
  readonly #waiters: (() => void)[] = [];
  constructor(readonly child: ChildProcess) {
    const rl = createInterface({ input: child.stdout! });
    rl.on('line', (line) => {
      this.lines.push(line);
      for (const wake of this.#waiters.splice(0)) wake();
    });
  }

  send(line: string): void {
    this.child.stdin!.write(`${line}\n`);
  }

  /** The first line printed that `matches`, once it is there. */
  async line(matches: string | ((line: string) => boolean), timeoutMs = 60_000): Promise<string> {
    const test = typeof matches === 'string' ? (l: string) => l === matches : matches;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.lines.find(test);
      if (found) return found;
      if (this.child.exitCode !== null) throw new Error(`racer exited with ${this.child.exitCode}`);
      if (Date.now() > deadline) throw new Error(`no such line within ${timeoutMs} ms: ${this.lines.join(' | ')}`);
      await new Promise<void>((resolve) => {
        this.#waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }
}

function startRacer(args: string[]): Racer {
  return new Racer(
    spawn(process.execPath, ['--import', 'tsx', racerFile, ...args], {
      cwd: packageDir,
      stdio: ['pipe', 'pipe', 'inherit'],
    }),
  );
}

/** Leaves a stale lock in `dataDir` as a process killed while holding the log does. */
async function staleLock(dataDir: string): Promise<void> {
  const holder = startRacer(['hold', dataDir]);
  await holder.line('held');
  const exited = new Promise((resolve) => holder.child.once('exit', resolve));
  holder.child.kill('SIGKILL');
  await exited;
}

/**
 * Six processes race to take over the lock a killed process left, 24 times. Each racer spins on a
 * file until the test creates it, so they try within microseconds of each other; a winner holds
 * the lock until every racer has answered.
 */
describe('the lock of an embedded log, raced for by six processes', () => {
  const racers: Racer[] = [];
  const outcomes: string[][] = [];
  let root: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'tally-lock-race-'));
    for (let i = 0; i < RACERS; i++) racers.push(startRacer(['race']));
    for (let round = 1; round <= ROUNDS; round++) {
      const dataDir = join(root, `round-${round}`);
      const go = join(root, `go-${round}`);
      await staleLock(dataDir);
      for (const r of racers) r.send(`round ${round} ${dataDir} ${go}`);
      for (const r of racers) await r.line(`${round} ready`);
      writeFileSync(go, '');
      const results: string[] = [];
      for (const r of racers) {
        const answer = await r.line((l) => l.startsWith(`${round} `) && !/ (ready|released)$/.test(l));
        results.push(answer.slice(`${round} `.length));
      }
      outcomes.push(results);
      for (const [i, result] of results.entries()) {
        if (result === 'held' || result === 'overlap') {
          racers[i]!.send(`release ${round}`);
          await racers[i]!.line(`${round} released`);
        }
      }
    }
  });

  afterAll(() => {
    for (const r of racers) r.child.kill('SIGKILL');
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('never lets two processes hold it at once', () => {
    const shared = outcomes.flatMap((results, i) =>
      results.filter((r) => r === 'held' || r === 'overlap').length > 1
        ? [`round ${i + 1}: ${results.join(', ')}`]
        : [],
    );
    expect(shared).toEqual([]);
  });

  it('gives it to exactly one of them each time, and refuses the others with EmbeddedLogInUseError', () => {
    const wrong = outcomes.flatMap((results, i) => {
      const held = results.filter((r) => r === 'held').length;
      const refused = results.filter((r) => r === 'refused').length;
      return held === 1 && refused === RACERS - 1 ? [] : [`round ${i + 1}: ${results.join(', ')}`];
    });
    expect(wrong).toEqual([]);
    expect(outcomes).toHaveLength(ROUNDS);
  });
});
