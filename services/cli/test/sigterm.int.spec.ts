import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { type EventStore, openEventStore } from '@tally/event-store';
import { articleIdFor } from '@tally/events';
import { canonicalUrl } from '@tally/feeds';
import type {} from '@tally/local-services/vitest-setup';
import { generateCorpus, type Newsroom, startNewsroom } from '@tally/newsroom';
import { createQueues, type QueueSet, redisConnection } from '@tally/queues';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freshDatabase } from './support/freshDatabase.ts';
import { type Exit, WorkerProcess } from './support/tallyProcess.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const PAGE_DELAY_MS = 3000;

/**
 * A loopback server in front of the newsroom that answers every page three seconds late, so a
 * fetch job is surely running when the worker is told to stop.
 */
async function slowFront(newsroom: Newsroom): Promise<{ server: Server; origin: string; inFlight: () => number }> {
  let inFlight = 0;
  const server = createServer(async (req, res) => {
    inFlight++;
    try {
      await sleep(PAGE_DELAY_MS);
      const r = await fetch(new URL(req.url ?? '/', newsroom.url), { headers: { 'accept-encoding': 'identity' } });
      res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'text/html' });
      res.end(Buffer.from(await r.arrayBuffer()));
    } finally {
      inFlight--;
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  return { server, origin: `http://127.0.0.1:${port}`, inFlight: () => inFlight };
}

describe('a fetcher process given SIGTERM while fetching', () => {
  let newsroom: Newsroom;
  let front: Awaited<ReturnType<typeof slowFront>>;
  let db: { url: string; drop(): Promise<void> };
  let store: EventStore;
  let connection: ReturnType<typeof redisConnection>;
  let queues: QueueSet;
  let ids: string[];
  let worker: WorkerProcess;
  let exit: Exit;
  let afterStop: { extracted: string[]; counts: Record<string, number> };
  let secondExit: Exit;
  let extractedOnce: Map<string, number>;

  const extractedIds = async () => {
    const seen = new Map<string, number>();
    for await (const page of store.readAllPages({ types: ['ArticleExtracted'] })) {
      for (const e of page) {
        const id = (e.data as { articleId: string }).articleId;
        seen.set(id, (seen.get(id) ?? 0) + 1);
      }
    }
    return seen;
  };

  beforeAll(async () => {
    newsroom = await startNewsroom({
      corpus: generateCorpus({
        feeds: 1,
        articlesPerFeed: 6,
        duplicateRate: 0,
        minBytes: 5000,
        maxBytes: 8000,
        seed: 3,
      }),
      gzip: false,
    });
    front = await slowFront(newsroom);
    db = await freshDatabase(inject('databaseUrl'), 'sigterm');
    store = await openEventStore({ databaseUrl: db.url });
    const prefix = `st${randomUUID().slice(0, 8)}`;
    connection = redisConnection(inject('redisUrl'));
    queues = createQueues(connection, prefix);
    const urls = newsroom.articles
      .filter((a) => a.kind === 'article')
      .map((a) => new URL(new URL(a.url).pathname, front.origin).toString());
    ids = urls.map((url) => articleIdFor(canonicalUrl(url)!));
    await queues.enqueueMany(
      'fetchArticle',
      urls.map((url, i) => ({ articleId: ids[i]!, url, feedId: 'f_sigterm', runId: null })),
    );
    const env = {
      REDIS_URL: inject('redisUrl'),
      DATABASE_URL: db.url,
      QUEUE_PREFIX: prefix,
      HTTP_ALLOW: '127.0.0.1',
      HTTP_HOST_INTERVAL_MS: '0',
      HTTP_HOST_CONCURRENCY: '8',
      FETCH_CONCURRENCY: '2',
      EXTRACT_THREADS: '1',
      LOG_LEVEL: 'info',
    };
    worker = new WorkerProcess('fetcher', env);
    worker.start();
    await worker.waitReady();
    while (front.inFlight() < 2) await sleep(20);
    exit = await worker.stop('SIGTERM');
    afterStop = {
      extracted: [...(await extractedIds()).keys()],
      counts: await queues.queues.fetchArticle.getJobCounts('waiting', 'active', 'completed', 'failed', 'delayed'),
    };
    // A second fetcher takes the jobs the first one left.
    const second = new WorkerProcess('fetcher', env);
    second.start();
    await second.waitReady();
    const deadline = Date.now() + 60_000;
    while (
      ((await queues.queues.fetchArticle.getJobCounts('completed')).completed ?? 0) < ids.length &&
      Date.now() < deadline
    ) {
      await sleep(200);
    }
    secondExit = await second.stop('SIGTERM');
    extractedOnce = await extractedIds();
  });

  afterAll(async () => {
    await worker?.stop('SIGKILL');
    await queues?.close();
    connection?.disconnect();
    await store?.close();
    await db?.drop();
    await new Promise<void>((r) => (front ? front.server.close(() => r()) : r()));
    await newsroom?.close();
  });

  it('exits with code 0', () => {
    expect(exit).toEqual({ code: 0, signal: null });
    expect(worker.unexpectedExits).toEqual([]);
  });

  it('finishes the fetches it was running and leaves the others waiting, none failed', () => {
    expect(afterStop.extracted).toHaveLength(2);
    expect(afterStop.counts).toEqual({ waiting: ids.length - 2, active: 0, completed: 2, failed: 0, delayed: 0 });
  });

  it('loses nothing: the next fetcher extracts every article, each once', () => {
    expect(secondExit).toEqual({ code: 0, signal: null });
    expect([...extractedOnce.keys()].sort()).toEqual([...ids].sort());
    expect([...extractedOnce.values()].every((n) => n === 1)).toBe(true);
  });
});
