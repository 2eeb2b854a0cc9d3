import { type DestinationStream, type Logger, type LoggerOptions, pino } from 'pino';

export type { Logger } from 'pino';

export interface LoggerSettings {
  /** @defaultValue `'info'` */
  level?: string;
  name?: string;
  /** Write to this file descriptor instead of stdout (2 = stderr, so stdout stays for command output). @defaultValue 1 */
  fd?: number;
  /** Write to this stream instead of a file descriptor (a test reading the lines it logs). */
  stream?: DestinationStream;
}

/** Secrets never reach the logs. */
const redact: LoggerOptions['redact'] = {
  paths: [
    'token',
    'apiToken',
    '*.token',
    'headers.authorization',
    'req.headers.authorization',
    'password',
    '*.password',
  ],
  censor: '[redacted]',
};

/** One JSON line per record, object first: `log.info({ articleId }, 'article extracted')`. */
export function createLogger(settings: LoggerSettings = {}): Logger {
  return pino(
    { level: settings.level ?? 'info', name: settings.name ?? 'tally', redact, base: { pid: process.pid } },
    settings.stream ?? pino.destination({ fd: settings.fd ?? 1, sync: false }),
  );
}

/** A logger that writes nothing, for tests and library callers that pass none. */
export const silentLogger: Logger = pino({ level: 'silent' });
