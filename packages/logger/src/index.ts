import { type DestinationStream, type Logger, type LoggerOptions, pino, type StreamEntry } from 'pino';
import { textLineOf } from './textLine.ts';

export type { Logger } from 'pino';
export { textLine } from './textLine.ts';

export interface LoggerSettings {
  /** @defaultValue `'info'` */
  level?: string;
  name?: string;
  /** Write to this file descriptor instead of stdout (2 = stderr, so stdout stays for command output). @defaultValue 1 */
  fd?: number;
  /** Write to this stream instead of a file descriptor (a test reading the lines it logs). */
  stream?: DestinationStream;
  /**
   * What reaches the file descriptor: JSON lines, or short text lines for a person at a terminal
   * (see `textLine`). @defaultValue `'json'`
   */
  format?: 'json' | 'text';
  /** In the text format, the least level written to the descriptor (records below reach only `file`). @defaultValue `level` */
  textLevel?: string;
  /**
   * In the text format, clear the terminal's current line before each record, so a line does not
   * land in the middle of a progress bar drawn there (the bar's next update draws it again below).
   * For a terminal only. @defaultValue false
   */
  clearLine?: boolean;
  /** Also append every record at `level`, as JSON lines, to this file (created with its folders). */
  file?: string;
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

const rank = (level: string): number => pino.levels.values[level] ?? Number.POSITIVE_INFINITY;

/** Where records go: the descriptor (or the stream given) as JSON or text, and the file. */
function destination(settings: LoggerSettings, level: string): DestinationStream {
  const format = settings.format ?? 'json';
  const out = settings.stream ?? pino.destination({ fd: settings.fd ?? 1, sync: format === 'text' });
  const clear = settings.clearLine ? '\r\x1b[2K' : '';
  const primary: DestinationStream =
    format === 'text' ? { write: (line) => void out.write(`${clear}${textLineOf(line)}`) } : out;
  if ((!settings.file && format === 'json') || level === 'silent') return primary;
  const textLevel = settings.textLevel && rank(settings.textLevel) > rank(level) ? settings.textLevel : level;
  const streams: StreamEntry[] = [{ level: (format === 'text' ? textLevel : level) as pino.Level, stream: primary }];
  if (settings.file) {
    streams.push({
      level: level as pino.Level,
      stream: pino.destination({ dest: settings.file, append: true, mkdir: true, sync: false }),
    });
  }
  return pino.multistream(streams);
}

/**
 * One JSON line per record, object first: `log.info({ articleId }, 'article extracted')`; or, for a
 * terminal, one short text line per record (`format: 'text'`), with the JSON lines in a file.
 */
export function createLogger(settings: LoggerSettings = {}): Logger {
  const level = settings.level ?? 'info';
  return pino(
    { level, name: settings.name ?? 'tally', redact, base: { pid: process.pid } },
    destination(settings, level),
  );
}

/** A logger that writes nothing, for tests and library callers that pass none. */
export const silentLogger: Logger = pino({ level: 'silent' });
