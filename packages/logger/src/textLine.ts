/**
 * One pino record as a short line for a person at a terminal: the time, the level when it is not
 * info, the message, then the record's own fields as `key=value` (an error as its type and
 * message). pino's bookkeeping (pid, hostname, name, the numeric level) is left out.
 */
const LEVELS: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };
const BOOKKEEPING = new Set(['level', 'time', 'pid', 'hostname', 'name', 'msg', 'v']);
const MAX_VALUE = 160;

function valueText(value: unknown): string {
  if (typeof value === 'string') return /^[^\s"=]*$/.test(value) && value !== '' ? value : JSON.stringify(value);
  if (value !== null && typeof value === 'object') {
    const e = value as { type?: unknown; message?: unknown };
    // pino's error serializer: { type, message, stack, … }
    if (typeof e.message === 'string' && typeof e.type === 'string') return JSON.stringify(`${e.type}: ${e.message}`);
  }
  return JSON.stringify(value) ?? String(value);
}

function clock(time: unknown): string {
  const d = new Date(typeof time === 'number' || typeof time === 'string' ? time : Date.now());
  return Number.isNaN(d.getTime()) ? '' : d.toTimeString().slice(0, 8);
}

export function textLine(record: Record<string, unknown>): string {
  const level = LEVELS[record.level as number] ?? String(record.level);
  const fields = Object.entries(record)
    .filter(([key, value]) => !BOOKKEEPING.has(key) && value !== undefined)
    .map(([key, value]) => {
      const text = valueText(value);
      return `${key}=${text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text}`;
    });
  const head = [clock(record.time), level === 'info' ? '' : level.toUpperCase(), String(record.msg ?? '')]
    .filter(Boolean)
    .join(' ');
  return `${[head, ...fields].join('  ')}\n`;
}

/** `textLine` of a serialized record; a line that is not JSON is passed on as it is. */
export function textLineOf(json: string): string {
  try {
    return textLine(JSON.parse(json) as Record<string, unknown>);
  } catch {
    return json.endsWith('\n') ? json : `${json}\n`;
  }
}
