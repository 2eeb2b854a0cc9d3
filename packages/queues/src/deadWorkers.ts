import { randomUUID } from 'node:crypto';
import type { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';

/**
 * This process among the workers sharing a Redis: the name of its workers. BullMQ names a worker's
 * blocking connection `<prefix>:<queue in base64>:w:<name>`, so the name is in `CLIENT LIST` exactly
 * while the process runs: the kernel closes a dead process's connections and Redis drops them.
 */
export const workerInstance = `${process.pid}.${randomUUID().slice(0, 8)}`;

/** A queue's hash from BullMQ worker id (the first half of its lock tokens) to the instance running it. */
const ownersKey = (worker: Pick<Worker, 'toKey'>) => worker.toKey('tally-worker-owners');

/** Records which instance runs `worker`, so other processes can tell its jobs' owner from their locks. */
export async function recordWorkerOwner(redis: Redis, worker: Worker): Promise<void> {
  await redis.hset(ownersKey(worker), worker.id, workerInstance);
}

/** The instances with a worker connection open, or null when the server does not list clients. */
async function liveInstances(redis: Redis): Promise<Set<string> | null> {
  let list: string;
  try {
    list = (await redis.call('CLIENT', 'LIST')) as string;
  } catch {
    return null;
  }
  const live = new Set<string>();
  for (const m of list.matchAll(/ name=(\S*):w:(\S+)/g)) live.add(m[2]!);
  return live;
}

/**
 * Puts back the active jobs of `queue` whose lock belongs to a worker of a dead process, before
 * this process's worker takes jobs. BullMQ alone would wait for such a lock to expire (30 s after
 * its last renewal) and for two stalled checks 30 s apart: a restart after a crash resumed after
 * about a minute. A lock names its worker, the owners hash names the worker's process, and `CLIENT
 * LIST` says whether that process still runs; only jobs of processes known dead are moved, each
 * with its own lock token (BullMQ's script refuses if another worker took the job meanwhile). A
 * job whose lock already expired is left to BullMQ's stalled check, which counts stalls.
 * Returns how many jobs went back to waiting.
 */
export async function releaseJobsOfDeadWorkers(redis: Redis, queue: Queue): Promise<number> {
  const live = await liveInstances(redis);
  if (!live) return 0;
  const key = ownersKey(queue);
  const owners = await redis.hgetall(key);
  let released = 0;
  for (const job of await queue.getActive(0, -1)) {
    if (!job.id) continue;
    const token = await redis.get(queue.toKey(`${job.id}:lock`));
    if (!token) continue;
    const owner = owners[token.slice(0, token.lastIndexOf(':'))];
    if (!owner || live.has(owner)) continue;
    try {
      await job.moveToWait(token);
      released++;
    } catch {
      // finished or taken over meanwhile
    }
  }
  // Workers of dead processes hold no lock any more: forget them.
  const gone = Object.keys(owners).filter((id) => !live.has(owners[id]!));
  if (gone.length > 0) await redis.hdel(key, ...gone);
  return released;
}
