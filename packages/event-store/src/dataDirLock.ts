import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';

/** Another process (or another open store in this one) holds the embedded log's directory. */
export class EmbeddedLogInUseError extends Error {
  override readonly name = 'EmbeddedLogInUseError';
  constructor(
    readonly dataDir: string,
    readonly pid: number,
    readonly lockFile: string,
  ) {
    super(
      `the embedded log in ${dataDir} is open in process ${pid}: one process at a time (stop it, or read ` +
        `through its API when it is \`tally start\`; if process ${pid} is not Tally, remove ${lockFile})`,
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

/**
 * Takes the lock file of an embedded log's directory for this process: the file holds the owner's
 * process id, and a file whose process is gone (killed, crashed) is taken over. Returns the
 * release function. PGlite keeps the database files in this process's memory and writes them
 * back: two processes on one directory would each overwrite the other's writes.
 */
export function lockDataDir(dataDir: string, lockFile: string): () => void {
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      try {
        writeSync(fd, `${process.pid}\n`);
      } finally {
        closeSync(fd);
      }
      return () => {
        try {
          if (Number(readFileSync(lockFile, 'utf8').trim()) === process.pid) unlinkSync(lockFile);
        } catch {
          // already gone
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw err;
    }
    let owner = Number.NaN;
    try {
      owner = Number(readFileSync(lockFile, 'utf8').trim());
    } catch {
      // removed meanwhile: try again
    }
    if (Number.isInteger(owner) && owner > 0 && alive(owner)) throw new EmbeddedLogInUseError(dataDir, owner, lockFile);
    try {
      unlinkSync(lockFile);
    } catch {
      // another process took it over first: the next attempt says so
    }
  }
}
