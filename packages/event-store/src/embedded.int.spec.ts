import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { makeEvent } from '@tally/events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedLogInUseError, lockClaims } from './dataDirLock.ts';
import { EMBEDDED_FOLDER, EmbeddedEventStore, LOCK_FOLDER } from './EmbeddedEventStore.ts';
import { openEventStore } from './openEventStore.ts';
import { eventStoreConformance } from './testing/index.ts';

// Booting PGlite costs seconds (initdb runs in WebAssembly), so each variant boots one database
// and every test gets a schema of its own in it.
let schemas = 0;
const nextSchema = () => `conformance_${++schemas}`;

describe('embedded log in memory', () => {
  let db: PGlite;
  beforeAll(async () => {
    db = await PGlite.create();
  });
  afterAll(async () => {
    await db.close();
  });
  eventStoreConformance({
    open: () => EmbeddedEventStore.open({ pglite: db, schema: nextSchema() }),
    openBeside: (store) => EmbeddedEventStore.open({ pglite: db, schema: store.schema }),
  });
});

describe('embedded log on disk', () => {
  let dir: string;
  let db: PGlite;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tally-log-'));
    db = await PGlite.create({ dataDir: join(dir, EMBEDDED_FOLDER) });
  });
  afterAll(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  eventStoreConformance({
    open: () => EmbeddedEventStore.open({ pglite: db, schema: nextSchema() }),
    openBeside: (store) => EmbeddedEventStore.open({ pglite: db, schema: store.schema }),
  });
});

describe('embedded log reopened', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('is for one process at a time: a second open is refused until a close, and the lock of a dead owner is taken over', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tally-data-'));
    dirs.push(dataDir);
    const first = await openEventStore({ dataDir });
    const refused = await openEventStore({ dataDir }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(refused).toBeInstanceOf(EmbeddedLogInUseError);
    expect((refused as EmbeddedLogInUseError).pid).toBe(process.pid);
    await first.close();
    expect(existsSync(join(dataDir, LOCK_FOLDER))).toBe(false);

    // A process that held the log and died without closing it (killed): its claim is stale, and so
    // is the lock file an earlier version of Tally left.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    mkdirSync(join(dataDir, LOCK_FOLDER));
    writeFileSync(join(dataDir, LOCK_FOLDER, `${dead.stdout}-0badc0de`), `${dead.stdout}\nheld\n`);
    const again = await openEventStore({ dataDir });
    try {
      expect(lockClaims(join(dataDir, LOCK_FOLDER)).map((c) => [c.pid, c.held])).toEqual([[process.pid, true]]);
      expect(await again.head()).toBe(0);
    } finally {
      await again.close();
    }
    writeFileSync(join(dataDir, LOCK_FOLDER), `${dead.stdout}\n`);
    const third = await openEventStore({ dataDir });
    try {
      expect(lockClaims(join(dataDir, LOCK_FOLDER)).map((c) => c.pid)).toEqual([process.pid]);
    } finally {
      await third.close();
    }
  });

  it('keeps events and checkpoints across a close and a new open of the same data directory', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tally-data-'));
    dirs.push(dataDir);
    const events = [1, 2, 3].map((i) => makeEvent('FeedRemoved', { feedId: `f-${i}`, reason: null }, [i]));
    const first = await openEventStore({ dataDir });
    expect(first.kind).toBe('embedded');
    await first.append('feed-a', events);
    const sub = first.subscribe({ name: 'projector', handle: async () => {} });
    await sub.caughtUp();
    await first.close();

    const again = await openEventStore({ dataDir });
    try {
      expect((await again.readAll()).map((e) => e.id)).toEqual(events.map((e) => e.id));
      expect(await again.checkpoint('projector')).toBe(3);
      // Migrations ran once: appending continues the log and a retried append is still a no-op.
      expect(await again.append('feed-a', events)).toMatchObject({ written: 0, positions: [1, 2, 3] });
      expect(await again.append('feed-a', [makeEvent('FeedRemoved', { feedId: 'f-4', reason: null }, [4])])).toEqual({
        positions: [4],
        written: 1,
        streamVersion: 4,
      });
    } finally {
      await again.close();
    }
  });
});
