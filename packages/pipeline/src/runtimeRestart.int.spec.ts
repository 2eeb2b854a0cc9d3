import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@tally/config';
import { makeEvent } from '@tally/events';
import { silentLogger } from '@tally/logger';
import { afterAll, describe, expect, it } from 'vitest';
import { openRuntime } from './runtime.ts';

describe('the embedded defaults (no REDIS_URL, no DATABASE_URL)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tally-runtime-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const config = loadConfig({ TALLY_DATA_DIR: dataDir, LOG_LEVEL: 'silent', EXTRACT_THREADS: 1 }, {});

  it('keep a queued job and the log across a restart, as they keep the log', async () => {
    const first = await openRuntime(config, silentLogger, { extractPool: false });
    try {
      expect(first.config.REDIS_URL).toBeUndefined();
      await first.queues.enqueue('fetchArticle', {
        articleId: 'a_restart',
        url: 'https://news.example/a',
        feedId: 'f_restart',
        runId: null,
      });
      await first.store.append('restart-check', [
        makeEvent('FeedRemoved', { feedId: 'f_restart', reason: 'test' }, ['restart']),
      ]);
    } finally {
      await first.close();
    }
    const second = await openRuntime(config, silentLogger, { extractPool: false });
    try {
      const waiting = await second.queues.queues.fetchArticle.getWaiting();
      expect(waiting.map((j) => j.data.articleId)).toEqual(['a_restart']);
      expect(await second.store.head()).toBe(1);
    } finally {
      await second.close();
    }
  });
});
