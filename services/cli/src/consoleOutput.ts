import type { Config } from '@tally/config';
import type { Runtime } from '@tally/pipeline';

/**
 * How `tally` talks to a person at a terminal. With `LOG_FORMAT=auto` (the default) logs are short
 * text lines when stdout and stderr are both terminals, and JSON lines as soon as either is not
 * (piped into a file or a collector, a container): whoever keeps the output gets records a program
 * can read. `tally start` on a terminal shows its own progress, the figures, the URLs and a quiet
 * status line now and then; its log shows only warnings and errors there (every record at
 * LOG_LEVEL goes to LOG_FILE when set).
 */
export type LogFormat = 'json' | 'text';

export interface Terminals {
  stdout: boolean;
  stderr: boolean;
}

export const processTerminals = (): Terminals => ({
  stdout: process.stdout.isTTY === true,
  stderr: process.stderr.isTTY === true,
});

/** The format of the log on stderr, from LOG_FORMAT and which streams are terminals. */
export function logFormat(setting: Config['LOG_FORMAT'], terminals: Terminals): LogFormat {
  if (setting !== 'auto') return setting;
  return terminals.stdout && terminals.stderr ? 'text' : 'json';
}

/** What happened between two status lines, counted from the events appended meanwhile. */
export interface StatusCounts {
  /** Events appended since the last line. */
  events: number;
  /** Feed polls, with failures. */
  polls: number;
  /** Articles extracted. */
  articles: number;
  /** Claims extracted. */
  claims: number;
  /** Failed polls, fetches and extractions. */
  failures: number;
  /** The log's head. */
  head: number;
  /** Jobs waiting or running (scheduled polls left out). */
  queued: number;
}

const FAILURES = new Set(['FeedPollFailed', 'ArticleFetchFailed', 'ArticleExtractionFailed']);

/** Counts events for a status line (`head` and `queued` are the caller's). */
export function countEvents(events: readonly { type: string }[]): Omit<StatusCounts, 'head' | 'queued'> {
  const counts = { events: events.length, polls: 0, articles: 0, claims: 0, failures: 0 };
  for (const e of events) {
    if (e.type === 'FeedPolled' || e.type === 'FeedPollFailed') counts.polls++;
    if (e.type === 'ArticleExtracted') counts.articles++;
    if (e.type === 'ClaimExtracted') counts.claims++;
    if (FAILURES.has(e.type)) counts.failures++;
  }
  return counts;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** `14:05:00  +12 events: 9 polls, 2 articles, 5 claims, 1 failure · log at 245 · 0 jobs queued` */
export function statusLine(at: Date, c: StatusCounts): string {
  const parts = [
    c.polls ? plural(c.polls, 'poll') : '',
    c.articles ? plural(c.articles, 'article') : '',
    c.claims ? plural(c.claims, 'claim') : '',
    c.failures ? plural(c.failures, 'failure') : '',
  ].filter(Boolean);
  const what = `+${plural(c.events, 'event')}${parts.length ? `: ${parts.join(', ')}` : ''}`;
  return `${at.toTimeString().slice(0, 8)}  ${what} · log at ${c.head.toLocaleString('en-US')} · ${plural(c.queued, 'job')} queued\n`;
}

/** Jobs waiting or running, scheduled polls left out (they always wait for their slot). */
export async function jobsQueued(rt: Runtime): Promise<number> {
  const counts = await rt.queues.counts();
  return Object.entries(counts).reduce(
    (n, [queue, c]) =>
      n + (c.waiting ?? 0) + (c.active ?? 0) + (c.prioritized ?? 0) + (queue === 'poll' ? 0 : (c.delayed ?? 0)),
    0,
  );
}

/** A status line is worth writing when something beyond routine polls happened, or after `quietMs` of polls alone. */
export function worthALine(
  counts: Omit<StatusCounts, 'head' | 'queued'>,
  sinceLastMs: number,
  quietMs: number,
): boolean {
  if (counts.events === 0) return false;
  return counts.articles + counts.claims + counts.failures > 0 || sinceLastMs >= quietMs;
}

const addCounts = (a: Omit<StatusCounts, 'head' | 'queued'>, b: Omit<StatusCounts, 'head' | 'queued'>) => ({
  events: a.events + b.events,
  polls: a.polls + b.polls,
  articles: a.articles + b.articles,
  claims: a.claims + b.claims,
  failures: a.failures + b.failures,
});

/**
 * Looks at the log every `everyMs` and writes a status line of what it gained since the last line
 * when that is worth it (`worthALine`): new articles, claims or failures at once, polls that found
 * nothing new once an hour. An idle Tally stays quiet. A failed read skips a look, it never stops
 * the command.
 */
export function startStatusLines(
  rt: Runtime,
  out: NodeJS.WritableStream,
  { everyMs = 60_000, quietMs = 60 * 60_000 } = {},
): { stop(): void } {
  let position: number | null = null;
  let pending = countEvents([]);
  let lastLine = Date.now();
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      const head = await rt.store.head();
      if (position === null) position = head;
      while (position < head) {
        const events = await rt.store.readAll({ after: position, limit: 1000 });
        if (events.length === 0) break;
        pending = addCounts(pending, countEvents(events));
        position = events.at(-1)!.position;
      }
      if (!worthALine(pending, Date.now() - lastLine, quietMs)) return;
      out.write(statusLine(new Date(), { ...pending, head, queued: await jobsQueued(rt) }));
      pending = countEvents([]);
      lastLine = Date.now();
    } catch {
      // the next look tries again; the log says what failed
    } finally {
      busy = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
