import { createDedupeIndex, type DedupeDocument } from '@tally/dedupe-index';
import type { Redis } from 'ioredis';
import { createNewsGenerator } from './syntheticNews.ts';

/** Per-source boilerplate printed under every synthetic article of a source: a few of these sentences each. */
const BOILERPLATE = [
  'Sign up for our free morning newsletter and get the stories that matter delivered to your inbox.',
  'You can unsubscribe at any time using the link at the bottom of every email.',
  'This material may not be published, broadcast, rewritten or redistributed without written permission.',
  'Our journalism is funded by readers and members, none of whom have any say in what we publish.',
  'If you spot an error in this article, please contact our corrections desk.',
  'Comments on this article are moderated and may take some time to appear.',
];

async function redisCpuSeconds(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const user = Number(/used_cpu_user:([\d.]+)/.exec(info)?.[1] ?? 0);
  const sys = Number(/used_cpu_sys:([\d.]+)/.exec(info)?.[1] ?? 0);
  return user + sys;
}

/**
 * Check-and-insert as the analyzer does it, every document with its address: `sources` outlets, each
 * printing a footer of its own under synthetic 3 KB articles, 10 % syndicated copies on other outlets.
 * What learning each source's boilerplate costs: CPU per document in this process and in Redis,
 * documents a second, and the model's memory per source.
 */
export async function sourcesRun(redis: Redis, documents: number, sources: number) {
  const prefix = `bench-sources:${process.pid}`;
  const index = createDedupeIndex(redis, { prefix });
  await index.clear();
  const gen = createNewsGenerator(31);
  const footers = Array.from({ length: sources }, (_, s) =>
    BOILERPLATE.filter((_, i) => (s + i) % 3 !== 0)
      .map((line) => `${line} (Outlet ${s})`)
      .join('\n'),
  );
  const recent: string[] = [];
  const docs: (DedupeDocument & { copy: boolean })[] = [];
  for (let i = 0; i < documents; i++) {
    const copy = recent.length > 100 && i % 10 === 9;
    const body = copy ? gen.copyOf(recent[(i * 7919) % recent.length]!) : gen.article(3000);
    if (!copy) {
      recent.push(body);
      if (recent.length > 1000) recent.shift();
    }
    const source = (i * 17) % sources;
    docs.push({
      id: `s${i}`,
      url: `https://outlet${source}.example/news/${i}`,
      text: `${body}\n${footers[source]}`,
      copy,
    });
  }
  let caught = 0;
  let injected = 0;
  let falseDuplicates = 0;
  const r0 = await redisCpuSeconds(redis);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < docs.length; i += 500) {
    const slice = docs.slice(i, i + 500);
    const verdicts = await index.checkAndInsertMany(slice);
    verdicts.forEach((v, j) => {
      if (slice[j]!.copy) {
        injected++;
        if (v.verdict === 'duplicate') caught++;
      } else if (v.verdict === 'duplicate') falseDuplicates++;
    });
  }
  const seconds = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const redisCpu = (await redisCpuSeconds(redis)) - r0;
  let modelBytes = 0;
  const modelKeys = await redis.keys(`{${prefix}}:*:s:*`);
  for (const k of modelKeys) modelBytes += Number(await redis.memory('USAGE', k, 'SAMPLES', '0'));
  await index.clear();
  return {
    docsPerSec: documents / seconds,
    nodeCpuUs: (c.user + c.system) / documents,
    redisCpuUs: (redisCpu * 1e6) / documents,
    modelBytesPerSource: modelBytes / sources,
    injected,
    caught,
    falseDuplicates,
  };
}
