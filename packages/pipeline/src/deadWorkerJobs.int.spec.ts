import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type {} from '@tally/local-services/vitest-setup';
import { createJobWorker, createQueues, type QueueSet, redisConnection, type WorkerHandle } from '@tally/queues';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const JOBS = 6;
const CONCURRENCY = 3;

/** A worker process (`deadWorkerChild.ts`) and the lines it printed. */
function startWorkerProcess(prefix: string): { child: ChildProcess; lines: string[] } {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      fileURLToPath(new URL('./deadWorkerChild.ts', import.meta.url)),
      inject('redisUrl'),
      prefix,
      String(CONCURRENCY),
    ],
    { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines: string[] = [];
  createInterface({ input: child.stdout! }).on('line', (l) => lines.push(l));
  return { child, lines };
}

async function until(what: string, done: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Active jobs of the analyze queue and the lock token each is held by. */
async function activeLocks(queues: QueueSet, redis: Redis): Promise<Map<string, string | null>> {
  const q = queues.queues.analyzeArticle;
  const locks = new Map<string, string | null>();
  for (const job of await q.getActive(0, -1)) locks.set(job.id!, await redis.get(q.toKey(`${job.id}:lock`)));
  return locks;
}

/**
 * A worker process is SIGKILLed holding three jobs. BullMQ alone gives them back only once their
 * locks expire and two stalled checks have passed (about a minute); a worker starting afterwards
 * puts them back before it takes any job, and leaves alone the jobs of a worker process that runs.
 */
describe('jobs of a worker process', () => {
  let redis: Redis;
  const children: ChildProcess[] = [];
  const handles: WorkerHandle[] = [];
  const queueSets: QueueSet[] = [];

  /** A queue of JOBS jobs and a worker process holding three of them. */
  async function workerHoldingJobs(): Promise<{ queues: QueueSet; prefix: string; child: ChildProcess }> {
    const prefix = `dw${randomUUID().slice(0, 8)}`;
    const queues = createQueues(redis, prefix);
    queueSets.push(queues);
    await queues.enqueueMany(
      'analyzeArticle',
      Array.from({ length: JOBS }, (_, i) => ({ articleId: `a${i}`, runId: null })),
    );
    const worker = startWorkerProcess(prefix);
    children.push(worker.child);
    await until(
      'the worker process to take its jobs',
      () => worker.lines.filter((l) => l.startsWith('took')).length === CONCURRENCY,
    );
    return { queues, prefix, child: worker.child };
  }

  function workerHere(prefix: string, onJob: () => void): WorkerHandle {
    const handle = createJobWorker('analyzeArticle', async () => onJob(), {
      connection: redis,
      prefix,
      concurrency: 1,
      onError: () => {},
    });
    handles.push(handle);
    return handle;
  }

  beforeAll(() => {
    redis = redisConnection(inject('redisUrl'));
  });

  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    for (const h of handles) await h.close();
    for (const q of queueSets) await q.close();
    redis?.disconnect();
  });

  it('that was killed are put back by the next worker at its start, before their locks expire, and all get done', async () => {
    const { queues, prefix, child } = await workerHoldingJobs();
    const held = await activeLocks(queues, redis);
    expect(held.size).toBe(CONCURRENCY);
    expect([...held.values()].every((token) => token !== null)).toBe(true);
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;

    let done = 0;
    const next = workerHere(prefix, () => void done++);
    expect((await next.started).released).toBe(CONCURRENCY);
    // No job is held by the dead worker's lock any more (waiting, or taken by the new worker).
    const now = await activeLocks(queues, redis);
    for (const [id, token] of held) expect(now.get(id) ?? null, id).not.toBe(token);

    const q = queues.queues.analyzeArticle;
    await until('every job to complete', async () => (await q.getJobCounts('completed')).completed === JOBS);
    expect(done).toBe(JOBS);
  });

  it('that still runs keep them: a worker starting beside it puts none back', async () => {
    const { queues, prefix } = await workerHoldingJobs();
    const held = await activeLocks(queues, redis);
    const beside = workerHere(prefix, () => {});
    expect((await beside.started).released).toBe(0);
    const now = await activeLocks(queues, redis);
    for (const [id, token] of held) expect(now.get(id), id).toBe(token);
  });
});
