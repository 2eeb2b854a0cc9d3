import type { Logger } from '@tally/logger';

/**
 * Runs `task` now and every five minutes. A failure (the log unreachable) is logged and retried
 * soon; it never stops the service.
 */
export function keepRunning(log: Logger, what: string, task: () => Promise<void>): { stop(): void } {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const run = async () => {
    let next = 5 * 60_000;
    try {
      await task();
    } catch (err) {
      log.warn({ err }, `${what} failed; retrying`);
      next = 5_000;
    }
    if (!stopped) timer = setTimeout(run, next);
  };
  void run();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
