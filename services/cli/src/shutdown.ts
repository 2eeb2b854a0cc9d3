import { constants } from 'node:os';

/**
 * How every `tally` command ends on SIGINT or SIGTERM. Node's default for both is to end the
 * process on the spot, running nothing: the embedded log's lock and a private redis-server were
 * left behind. Instead, the first signal closes what the command holds (registered with
 * `closeOnSignal`, the last first: stages before the runtime under them) and exits with 128 + the
 * signal's number; a second signal exits at once. A command that waits for the signal and shuts
 * down by itself (`start`, `worker`, `api`) says so with `shutdownHandledHere`: the signal then
 * only resolves `untilSignal`.
 *
 * Run by npm (`npm start`, `npx tally …`), the process's parent is npm or a shell npm started, and
 * npm passes SIGINT/SIGTERM on to that child only: a shell between them dies of the signal and
 * leaves this process running with no parent, unasked to stop. So under npm, losing the parent is
 * taken as SIGTERM. And where npm runs node directly (`exec` in the script), a terminal's Ctrl+C
 * reaches both and npm passes it on again: a repeat of the first signal within a second is that
 * same request, not the second signal that exits at once.
 */
type Closer = () => Promise<void>;

const closers: Closer[] = [];
let handledHere = false;
let received: NodeJS.Signals | null = null;
let receivedAt = 0;
const REPEAT_WITHIN_MS = 1000;
const waiters: ((signal: NodeJS.Signals) => void)[] = [];
const controller = new AbortController();

/** Aborted on the first SIGINT or SIGTERM. */
export const shutdownSignal: AbortSignal = controller.signal;

/** The signal that asked this process to stop, if one did. */
export function stopRequested(): NodeJS.Signals | null {
  return received;
}

/** Whether the command shuts down by itself on a signal. */
export function shutdownIsHandledHere(): boolean {
  return handledHere;
}

/** Keeps `close` to run when a signal ends the command; the function returned forgets it again. */
export function closeOnSignal(close: Closer): () => void {
  closers.push(close);
  return () => {
    const i = closers.lastIndexOf(close);
    if (i >= 0) closers.splice(i, 1);
  };
}

/** The command waits for the signal itself (`untilSignal`) and closes what it holds. */
export function shutdownHandledHere(): void {
  handledHere = true;
}

/** Resolves with the first SIGINT or SIGTERM (at once when one came already). */
export function untilSignal(): Promise<NodeJS.Signals> {
  if (received) return Promise.resolve(received);
  return new Promise((resolve) => waiters.push(resolve));
}

const exitCodeOf = (signal: NodeJS.Signals) => 128 + (constants.signals[signal] ?? 0);

async function closeAll(): Promise<void> {
  while (closers.length > 0) {
    try {
      await closers.pop()!();
    } catch (err) {
      process.stderr.write(`tally: while stopping: ${(err as Error).message}\n`);
    }
  }
}

export interface SignalOptions {
  /**
   * Stop as on SIGTERM when the parent process goes away (it is checked four times a second).
   * For npm's children only: a process left running on purpose by a parent that exits (nohup, a
   * daemonizing script) must not stop then.
   */
  stopWhenOrphaned?: boolean;
}

/** Installs the handlers; `main` does it once, before any command runs. */
export function installSignalHandlers(options: SignalOptions = {}): void {
  const onSignal = (signal: NodeJS.Signals) => {
    if (received) {
      if (signal === received && performance.now() - receivedAt < REPEAT_WITHIN_MS) return;
      // A second signal: exit now. Exit hooks still stop private servers and release the log.
      process.exit(exitCodeOf(received));
    }
    received = signal;
    receivedAt = performance.now();
    controller.abort(signal);
    for (const wake of waiters.splice(0)) wake(signal);
    if (handledHere) return;
    void closeAll().finally(() => process.exit(exitCodeOf(signal)));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  if (options.stopWhenOrphaned) {
    const parent = process.ppid;
    const watch = setInterval(() => {
      if (process.ppid === parent) return;
      clearInterval(watch);
      // Asked to stop once: a lost parent is never the second signal that cuts a stop short.
      if (!received) onSignal('SIGTERM');
    }, 250);
    watch.unref();
  }
}
