/**
 * A worker process for `deadWorkerJobs.int.spec.ts`: runs an analyzeArticle worker whose jobs never
 * finish, printing `started` once it takes jobs and `took <jobId>` for each job, until it is killed.
 * Started as `node --import tsx deadWorkerChild.ts <redisUrl> <queuePrefix> <concurrency>`.
 */
import { createJobWorker, redisConnection } from '@tally/queues';

const [redisUrl = '', prefix = '', concurrency = '1'] = process.argv.slice(2);
const say = (line: string) => process.stdout.write(`${line}\n`);
const handle = createJobWorker(
  'analyzeArticle',
  async (_payload, job) => {
    say(`took ${job.id}`);
    await new Promise(() => {});
  },
  {
    connection: redisConnection(redisUrl),
    prefix,
    concurrency: Number(concurrency),
    onError: (err) => process.stderr.write(`worker error: ${err.message}\n`),
  },
);
await handle.started;
say('started');
