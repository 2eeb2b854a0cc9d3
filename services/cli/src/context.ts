import { join } from 'node:path';
import { type Config, ConfigError, loadConfig } from '@tally/config';
import { EmbeddedLogInUseError, type EventStore, openEventStore } from '@tally/event-store';
import { createLogger, type Logger } from '@tally/logger';
import { openRuntime, type Runtime, type RuntimeOptions } from '@tally/pipeline';
import { logFormat, processTerminals } from './consoleOutput.ts';
import { runningInstance } from './runningInstance.ts';
import { closeOnSignal } from './shutdown.ts';
import { UsageError } from './usageError.ts';

export { shutdownHandledHere, shutdownSignal, untilSignal } from './shutdown.ts';
export { UsageError } from './usageError.ts';

export function cliConfig(overrides: Partial<Record<keyof Config, unknown>> = {}): Config {
  try {
    return loadConfig(overrides);
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(err.message, 'config');
    throw err;
  }
}

/**
 * Logs go to stderr: stdout is for the command's own output. On a terminal they are short text
 * lines (consoleOutput.ts says when); `quiet` keeps them to warnings and errors there, for a
 * command that shows its own progress. LOG_FILE gets every record at LOG_LEVEL as JSON lines.
 */
export function cliLogger(config: Config, name = 'tally', options: { quiet?: boolean } = {}): Logger {
  return createLogger({
    level: config.LOG_LEVEL,
    name,
    fd: 2,
    format: logFormat(config.LOG_FORMAT, processTerminals()),
    textLevel: options.quiet ? 'warn' : undefined,
    clearLine: process.stderr.isTTY === true,
    file: config.LOG_FILE,
  });
}

export async function openStore(config: Config): Promise<EventStore> {
  return openEventStore({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATABASE_URL ? undefined : join(config.TALLY_DATA_DIR, 'log'),
  }).catch((err: unknown) => {
    // A command that writes (or reads what the API does not serve) says where the holder answers.
    const holder = err instanceof EmbeddedLogInUseError ? runningInstance(config.TALLY_DATA_DIR) : null;
    if (holder && err instanceof Error)
      err.message += `; \`tally ${holder.command}\` (process ${holder.pid}) serves its API at ${holder.url}`;
    throw err;
  });
}

/** Runs `fn` with the store open, closing it after (or when a signal ends the command). */
export async function withStore<T>(config: Config, fn: (store: EventStore) => Promise<T>): Promise<T> {
  const store = await openStore(config);
  const forget = closeOnSignal(() => store.close());
  try {
    return await fn(store);
  } finally {
    forget();
    await store.close();
  }
}

export async function withRuntime<T>(
  config: Config,
  log: Logger,
  fn: (rt: Runtime) => Promise<T>,
  options: RuntimeOptions = {},
): Promise<T> {
  const rt = await openRuntime(config, log, options);
  const forget = closeOnSignal(() => rt.close());
  try {
    return await fn(rt);
  } finally {
    forget();
    await rt.close();
  }
}

export function parseIntOption(name: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value)) throw new UsageError(`${name} must be a whole number, got "${value}"`);
    return Number(value);
  };
}
