import {
  closeSync,
  cpSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeEvent } from '@tally/events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBEDDED_FOLDER, EmbeddedEventStore, LOCK_FOLDER } from './EmbeddedEventStore.ts';
import { EmbeddedLogDamagedError } from './logIntegrity.ts';
import { MANIFEST_FILE, readManifest } from './logManifest.ts';

const event = (i: number) => makeEvent('FeedRemoved', { feedId: `f-${i}`, reason: `reason ${i} `.repeat(30) }, [i]);

async function appendUpTo(store: EmbeddedEventStore, from: number, to: number): Promise<void> {
  for (let i = from; i < to; i++) await store.append(`feed-${i}`, [event(i)]);
}

/** Opening `dataDir` fails: the error it fails with. */
async function refusal(dataDir: string): Promise<unknown> {
  return EmbeddedEventStore.open({ dataDir }).then(
    async (store) => {
      await store.close();
      return null;
    },
    (err: unknown) => err,
  );
}

/**
 * Logs on disk damaged as files get damaged: rolled back to an older copy, emptied, truncated,
 * overwritten, and with a manifest that cannot be read. Each is refused with its reason code where
 * it used to open (or fail later with PostgreSQL's raw message).
 */
describe('an embedded log checked when it is opened', () => {
  let root: string;
  /** A log of 84 events, and the same log after 158 more. */
  let at84: string;
  let at242: string;
  /** The events table's file, relative to the database folder. */
  let eventsFile: string;
  let copies = 0;
  const copyOf = (snapshot: string) => {
    const dir = join(root, `copy-${++copies}`);
    cpSync(snapshot, dir, { recursive: true });
    return dir;
  };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'tally-integrity-'));
    const live = join(root, 'live');
    let store = await EmbeddedEventStore.open({ dataDir: live });
    await appendUpTo(store, 0, 84);
    await store.close();
    at84 = join(root, 'at84');
    cpSync(live, at84, { recursive: true });
    store = await EmbeddedEventStore.open({ dataDir: live });
    await appendUpTo(store, 84, 242);
    const [row] = await store.transaction((tx) =>
      tx.query<{ path: string }>(`SELECT pg_relation_filepath('tally.events') AS path`).then((r) => r.rows),
    );
    eventsFile = row!.path;
    await store.close();
    at242 = join(root, 'at242');
    cpSync(live, at242, { recursive: true });
  });

  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('records the head of every commit in a manifest beside the log', () => {
    expect(readManifest(at84)?.heads).toEqual({ tally: 84 });
    expect(readManifest(at242)?.heads).toEqual({ tally: 242 });
  });

  it('opens a whole log, and one written before there was a manifest (which it then gets)', async () => {
    const dir = copyOf(at242);
    rmSync(join(dir, MANIFEST_FILE));
    const store = await EmbeddedEventStore.open({ dataDir: dir });
    try {
      expect(await store.head()).toBe(242);
    } finally {
      await store.close();
    }
    expect(readManifest(dir)?.heads).toEqual({ tally: 242 });
  });

  it('refuses a log rolled back behind its manifest (an older copy of its folder): log-behind-manifest', async () => {
    const dir = copyOf(at242);
    rmSync(join(dir, EMBEDDED_FOLDER), { recursive: true });
    cpSync(join(at84, EMBEDDED_FOLDER), join(dir, EMBEDDED_FOLDER), { recursive: true });
    const err = await refusal(dir);
    expect(err).toBeInstanceOf(EmbeddedLogDamagedError);
    expect(err).toMatchObject({
      code: 'log-behind-manifest',
      counts: { recordedHead: 242, found: { head: 84, events: 84 } },
    });
    // The refusal let go of the lock.
    expect(existsSync(join(dir, LOCK_FOLDER))).toBe(false);
  });

  it('refuses an emptied log folder instead of starting a new log in it: log-vanished', async () => {
    const dir = copyOf(at242);
    for (const f of readdirSync(join(dir, EMBEDDED_FOLDER))) rmSync(join(dir, EMBEDDED_FOLDER, f), { recursive: true });
    expect(await refusal(dir)).toMatchObject({ name: 'EmbeddedLogDamagedError', code: 'log-vanished' });
    expect(readdirSync(join(dir, EMBEDDED_FOLDER))).toEqual([]);
    rmSync(join(dir, EMBEDDED_FOLDER), { recursive: true });
    expect(await refusal(dir)).toMatchObject({ code: 'log-vanished' });
  });

  it('refuses a truncated events file and an overwritten page with a reason code: log-unreadable', async () => {
    const truncated = copyOf(at242);
    const file = join(truncated, EMBEDDED_FOLDER, eventsFile);
    const pages = statSync(file).size / 8192;
    expect(pages).toBeGreaterThan(3);
    truncateSync(file, Math.floor(pages / 3) * 8192);
    const err = await refusal(truncated);
    expect(err).toMatchObject({ name: 'EmbeddedLogDamagedError', code: 'log-unreadable' });
    expect((err as Error).message).toContain(eventsFile);

    const overwritten = copyOf(at242);
    const fd = openSync(join(overwritten, EMBEDDED_FOLDER, eventsFile), 'r+');
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, 8192 * 2);
    closeSync(fd);
    expect(await refusal(overwritten)).toMatchObject({ code: 'log-unreadable', message: /invalid page/ });
  });

  it('refuses a log whose manifest cannot be read: manifest-unreadable', async () => {
    const dir = copyOf(at242);
    writeFileSync(join(dir, MANIFEST_FILE), '{"version": 1, "heads": ');
    expect(await refusal(dir)).toMatchObject({ code: 'manifest-unreadable' });
  });

  it('opens a damaged log when told to accept the loss, and from then on takes it as whole', async () => {
    const dir = copyOf(at242);
    rmSync(join(dir, EMBEDDED_FOLDER), { recursive: true });
    cpSync(join(at84, EMBEDDED_FOLDER), join(dir, EMBEDDED_FOLDER), { recursive: true });
    let store = await EmbeddedEventStore.open({ dataDir: dir, acceptLoss: true });
    expect(await store.head()).toBe(84);
    await store.close();
    expect(readManifest(dir)?.heads).toEqual({ tally: 84 });
    store = await EmbeddedEventStore.open({ dataDir: dir });
    try {
      expect(await store.append('feed-next', [event(1000)])).toMatchObject({ positions: [85], written: 1 });
    } finally {
      await store.close();
    }
    expect(readManifest(dir)?.heads).toEqual({ tally: 85 });
  });
});
