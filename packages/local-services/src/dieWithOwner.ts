import { type ChildProcess, spawn } from 'node:child_process';
import type { Socket } from 'node:net';

export interface OwnerWatch {
  /** Stops watching (before the owner stops the child itself). */
  cancel(): void;
}

/**
 * Makes `child` die with this process, however this process ends: a SIGKILL runs no code of ours,
 * so a watchdog does it from outside. The watchdog is a `sh` reading a pipe whose only writer is
 * this process; when this process is gone, for any reason, the kernel closes the pipe, `read`
 * returns, and the watchdog sends the child SIGTERM (a redis-server then writes its append-only
 * file out and exits). The watchdog has a process group of its own, so a Ctrl+C at the terminal
 * reaches only the owner, which stops the child itself once its own shutdown is done.
 */
export function dieWithOwner(child: ChildProcess): OwnerWatch {
  const pid = child.pid;
  if (pid === undefined) return { cancel() {} };
  const watchdog = spawn('/bin/sh', ['-c', 'read line; kill -TERM "$1" 2>/dev/null', 'tally-watchdog', String(pid)], {
    stdio: ['pipe', 'ignore', 'ignore'],
    detached: true,
  });
  // Neither the watchdog nor its pipe keeps this process's event loop alive.
  watchdog.unref();
  (watchdog.stdin as Socket | null)?.unref();
  watchdog.on('error', () => {});
  watchdog.stdin?.on('error', () => {});
  let cancelled = false;
  const cancel = () => {
    if (cancelled) return;
    cancelled = true;
    // Killed rather than released: released, it would signal a process id that may be reused.
    watchdog.kill('SIGKILL');
  };
  // A child that exits by itself needs no watching any more.
  child.once('exit', cancel);
  return { cancel };
}
