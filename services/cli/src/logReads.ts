import type { Config } from '@tally/config';
import type { ReadAllOptions } from '@tally/event-store';
import type { StoredEvent } from '@tally/events';
import { createProjectionReader, type FigureSummary } from '@tally/projection-store';
import { withStore } from './context.ts';
import { type RunningInstance, requestInstance, runningInstance } from './runningInstance.ts';

/** What the read commands read: the current figures and the log in order. */
export interface LogReads {
  listFigures(): Promise<FigureSummary[]>;
  /** Pages of the log after `after`, in order (`limit` bounds a page, not the whole read). */
  eventPages(
    options: Required<Pick<ReadAllOptions, 'after' | 'limit'>> & Pick<ReadAllOptions, 'types'>,
  ): AsyncIterable<StoredEvent[]>;
}

/** The API of a running instance refused or failed a read. */
export class InstanceReadError extends Error {
  override readonly name = 'InstanceReadError';
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** Reads through the API of the running instance, as a client of it. */
export function instanceReads(instance: RunningInstance, token: string | undefined): LogReads {
  const get = async (path: string): Promise<unknown> => {
    const res = await requestInstance(instance, token, path);
    if (res.status === 401) {
      throw new InstanceReadError(
        `the running tally at ${instance.url} asks for its token to read ${path.split('?')[0]}: set API_TOKEN as it has it`,
        'running-instance-token',
      );
    }
    if (!res.ok) {
      throw new InstanceReadError(
        `the running tally at ${instance.url} answered ${res.status} to ${path.split('?')[0]}: ${(await res.text()).slice(0, 300)}`,
        'running-instance-failed',
      );
    }
    return res.json();
  };
  return {
    async listFigures() {
      return ((await get('/figures')) as { figures: FigureSummary[] }).figures;
    },
    async *eventPages({ after, limit, types }) {
      let position = after;
      for (;;) {
        const query = new URLSearchParams({ after: String(position), limit: String(limit) });
        if (types?.length) query.set('types', types.join(','));
        const page = (await get(`/events?${query}`)) as { events: StoredEvent[]; next: number };
        if (page.events.length > 0) yield page.events;
        // A short page is the end of the log for now (the API's contract).
        if (page.events.length < limit || page.next <= position) return;
        position = page.next;
      }
    },
  };
}

/** Whether the instance's API answers at all (a pid reused by another process leaves a record that looks alive). */
export async function answers(instance: RunningInstance): Promise<boolean> {
  try {
    const res = await fetch(new URL('/healthz', instance.url), { signal: AbortSignal.timeout(3000) });
    await res.body?.cancel();
    return res.ok;
  } catch {
    return false;
  }
}

/**
 * Runs `fn` with reads of the log: through the running instance when one holds the embedded log
 * (said on stderr), else from the log itself. With DATABASE_URL the log is a server's and any
 * number of processes open it: it is read directly.
 */
export async function withLogReads<T>(config: Config, fn: (reads: LogReads) => Promise<T>): Promise<T> {
  const instance = config.DATABASE_URL ? null : runningInstance(config.TALLY_DATA_DIR);
  if (instance && (await answers(instance))) {
    process.stderr.write(`reading through the running tally at ${instance.url}\n`);
    return fn(instanceReads(instance, config.API_TOKEN));
  }
  return withStore(config, (store) => {
    const reader = createProjectionReader(store);
    return fn({
      listFigures: () => reader.listFigures(),
      eventPages: (options) => store.readAllPages(options),
    });
  });
}
