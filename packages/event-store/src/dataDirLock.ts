import { randomBytes } from 'node:crypto';
import {
  appendFileSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

/** Another process (or another open store in this one) holds the embedded log's directory. */
export class EmbeddedLogInUseError extends Error {
  override readonly name = 'EmbeddedLogInUseError';
  readonly code = 'log-in-use';
  constructor(
    readonly dataDir: string,
    readonly pid: number,
    readonly lockPath: string,
  ) {
    super(
      `the embedded log in ${dataDir} is open in process ${pid}: one process at a time (stop it, or read ` +
        `through its API when it is \`tally start\`; if process ${pid} is not Tally, remove ${lockPath})`,
    );
  }
}

/** Whether a process of that id exists (one of another user counts). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A claim in the lock folder: a file named `<pid>-<random>`; it holds `held` once it won. */
const CLAIM = /^(\d+)-[0-9a-f]+$/;
const HELD = 'held';

export interface LockClaim {
  /** The claim's file name. */
  name: string;
  pid: number;
  /** Whether its process is still running. */
  alive: boolean;
  /** Whether it won (a claim still contending is not held yet). */
  held: boolean;
}

function errnoOf(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException).code;
}

/** The claims in a lock folder (none when there is no folder). */
export function lockClaims(lockPath: string): LockClaim[] {
  let names: string[];
  try {
    names = readdirSync(lockPath);
  } catch {
    return [];
  }
  const claims: LockClaim[] = [];
  for (const name of names) {
    const m = CLAIM.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    let held = false;
    try {
      held = readFileSync(join(lockPath, name), 'utf8').includes(HELD);
    } catch {
      continue; // removed meanwhile
    }
    claims.push({ name, pid, alive: alive(pid), held });
  }
  return claims;
}

/**
 * A lock file of Tally before the lock became a folder holds its owner's process id. A live owner
 * keeps the log; a dead one's file is removed. Nothing races on it: the folder decides.
 */
function clearFormerLockFile(dataDir: string, lockPath: string): void {
  try {
    if (!lstatSync(lockPath).isFile()) return;
  } catch {
    return;
  }
  let owner = Number.NaN;
  try {
    owner = Number(readFileSync(lockPath, 'utf8').trim());
  } catch {
    // removed meanwhile
  }
  if (Number.isInteger(owner) && owner > 0 && alive(owner)) throw new EmbeddedLogInUseError(dataDir, owner, lockPath);
  try {
    unlinkSync(lockPath);
  } catch (err) {
    if (errnoOf(err) !== 'ENOENT') throw err;
  }
}

/** Creates this process's claim, making the folder as needed (a releasing owner may remove it meanwhile). */
function createClaim(dataDir: string, lockPath: string): string {
  const name = `${process.pid}-${randomBytes(8).toString('hex')}`;
  for (let attempt = 0; ; attempt++) {
    clearFormerLockFile(dataDir, lockPath);
    mkdirSync(lockPath, { recursive: true });
    try {
      writeFileSync(join(lockPath, name), `${process.pid}\n`, { flag: 'wx' });
      return name;
    } catch (err) {
      if (attempt >= 20 || (errnoOf(err) !== 'ENOENT' && errnoOf(err) !== 'ENOTDIR')) throw err;
    }
  }
}

export interface LockOptions {
  /**
   * How long the first of several processes claiming the lock at once waits for the others to give
   * way before it gives up too. Only a race of claims waits; a held lock refuses at once.
   * @defaultValue 5000
   */
  contentionWaitMs?: number;
}

/**
 * Takes the lock of an embedded log's directory for this process, returning the release function.
 * PGlite keeps the database files in this process's memory and writes them back: two processes on
 * one directory would each overwrite the other's writes.
 *
 * The lock is a folder of claims. A process adds its own claim (a file of a unique name, created
 * exclusively), then lists the folder: it holds the lock when no other claim belongs to a running
 * process. Two processes can never both hold it: whichever of them listed last saw the other's
 * claim. Claims of dead processes (killed, crashed) are removed by whoever finds them, and since no
 * claim is ever reused, removing one cannot remove a live process's claim: taking over a stale lock
 * needs no read-then-replace step for a second taker to interleave with. When several processes
 * claim at once, all but the first in name order withdraw and are refused; the first waits for
 * them to withdraw.
 */
export async function lockDataDir(dataDir: string, lockPath: string, options: LockOptions = {}): Promise<() => void> {
  const waitMs = options.contentionWaitMs ?? 5000;
  const mine = createClaim(dataDir, lockPath);
  const minePath = join(lockPath, mine);
  const withdraw = () => {
    try {
      unlinkSync(minePath);
    } catch {
      // already gone
    }
  };
  const deadline = Date.now() + waitMs;
  for (;;) {
    const others = lockClaims(lockPath).filter((c) => c.name !== mine);
    for (const dead of others.filter((c) => !c.alive)) {
      try {
        unlinkSync(join(lockPath, dead.name));
      } catch {
        // another claimant removed it first
      }
    }
    const live = others.filter((c) => c.alive);
    if (live.length === 0) break;
    const holder = live.find((c) => c.held);
    const first = live.every((c) => mine < c.name);
    if (holder || !first || Date.now() > deadline) {
      withdraw();
      throw new EmbeddedLogInUseError(dataDir, (holder ?? live[0]!).pid, lockPath);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  appendFileSync(minePath, `${HELD}\n`);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    withdraw();
    try {
      rmdirSync(lockPath);
    } catch {
      // another claim is in it, or it is gone
    }
  };
  // An exit that skips close() (process.exit on a second Ctrl+C) leaves no claim behind either.
  process.on('exit', release);
  return release;
}
