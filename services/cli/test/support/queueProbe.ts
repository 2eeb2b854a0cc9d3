import type { QueueSet } from '@tally/queues';

/**
 * Jobs still to run in a distributed pipeline: everything waiting, active or retrying in any queue.
 * The polls each poller schedules for the feeds' next check (minutes ahead, never attempted) are
 * the future, not work of this run.
 */
export async function pendingJobs(queues: QueueSet): Promise<number> {
  let n = 0;
  for (const [name, q] of Object.entries(queues.queues)) {
    const c = await q.getJobCounts('waiting', 'active', 'prioritized', 'waiting-children', 'delayed');
    n += (c.waiting ?? 0) + (c.active ?? 0) + (c.prioritized ?? 0) + (c['waiting-children'] ?? 0);
    if (name !== 'pollFeed') n += c.delayed ?? 0;
    else if ((c.delayed ?? 0) > 0) {
      for (const job of await q.getDelayed()) if (job.attemptsMade > 0) n++;
    }
  }
  return n;
}

/** Jobs that ran out of attempts (or stalled too often), as `queue jobId: reason`. */
export async function failedJobs(queues: QueueSet): Promise<string[]> {
  const out: string[] = [];
  for (const q of Object.values(queues.queues)) {
    for (const job of await q.getFailed()) out.push(`${q.name} ${job.id}: ${job.failedReason}`);
  }
  return out.sort();
}
