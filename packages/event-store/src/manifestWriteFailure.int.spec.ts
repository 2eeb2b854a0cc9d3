import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeEvent } from '@tally/events';
import { afterAll, describe, expect, it } from 'vitest';
import { EmbeddedEventStore } from './EmbeddedEventStore.ts';
import { manifestPath } from './logManifest.ts';
import type { StoreLogger } from './SqlEventStore.ts';

describe('embedded log: a manifest that cannot be written', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tally-manifest-fail-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is logged with the error itself (its stack for pino), and the log goes on', async () => {
    const warnings: { obj: Record<string, unknown>; msg: string | undefined }[] = [];
    const logger: StoreLogger = {
      debug() {},
      info() {},
      warn: (obj, msg) => warnings.push({ obj: obj as Record<string, unknown>, msg }),
      error() {},
    };
    const store = await EmbeddedEventStore.open({ dataDir, logger });
    try {
      // The manifest is written to a temporary file first: a folder in its place makes that fail.
      mkdirSync(`${manifestPath(dataDir)}.${process.pid}.tmp`);
      await store.append('feed-1', [makeEvent('FeedRemoved', { feedId: 'f-1', reason: 'gone' }, [1])]);
      await new Promise((r) => setImmediate(r));
      const warning = warnings.find((w) => w.msg === 'could not write the log manifest');
      expect(warning).toBeDefined();
      const err = warning!.obj.err;
      expect(err).toBeInstanceOf(Error);
      expect((err as Error).message).toMatch(/EISDIR/);
      expect((err as Error).stack).toMatch(/writeManifest/);
      expect(await store.head()).toBe(1);
    } finally {
      await store.close();
    }
  });
});
