import { randomUUID } from 'node:crypto';
import { type EventStore, openEventStore } from '@tally/event-store';
import type {} from '@tally/local-services/vitest-setup';
import { createRng } from '@tally/newsroom';
import { createProjectionReader, createProjector } from '@tally/projection-store';
import { generateLog, type LoggedEvent } from '@tally/projections/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freshDatabase } from './support/freshDatabase.ts';
import { dumpProjections } from './support/projectionDump.ts';
import { type Exit, WorkerProcess } from './support/tallyProcess.ts';

const KILLS = 20;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * `tally worker projector` SIGKILLed at 20 random points while 3,000 events arrive (copies, copies
 * of copies, merged clusters, late verdicts among them): the tables it leaves must equal the ones
 * a fresh rebuild makes from the same log.
 */
describe('a projector process killed 20 times during ingestion', () => {
  let db: { url: string; drop(): Promise<void> };
  let store: EventStore;
  let projector: WorkerProcess;
  let entries: LoggedEvent[];
  const kills: string[] = [];
  let busyKills = 0;
  let lastExit: Exit;
  let afterKills: Record<string, Record<string, unknown>>;
  let rebuilt: Record<string, Record<string, unknown>>;
  let head: number;
  let position: number;

  beforeAll(async () => {
    db = await freshDatabase(inject('databaseUrl'), 'projector_kill');
    store = await openEventStore({ databaseUrl: db.url });
    entries = [
      ...generateLog({
        events: 3000,
        seed: 11,
        feeds: 20,
        textBytes: 300,
        oddities: 0.05,
        tailFigureKeys: 300,
        storyFigureKeys: 20,
      }),
    ].flat();
    projector = new WorkerProcess('projector', {
      REDIS_URL: inject('redisUrl'),
      DATABASE_URL: db.url,
      QUEUE_PREFIX: `pk${randomUUID().slice(0, 8)}`,
      LOG_LEVEL: 'info',
    });
    const reader = createProjectionReader(store);
    const rng = createRng('projector kills');
    const chunk = Math.ceil(entries.length / (KILLS + 1));
    let appended = 0;
    const appendUpTo = async (n: number, pauseMs = 0) => {
      const to = Math.min(Math.round(n), entries.length);
      while (appended < to) {
        const streamId = entries[appended]!.streamId;
        const run: LoggedEvent[] = [];
        while (appended + run.length < to && entries[appended + run.length]!.streamId === streamId) {
          run.push(entries[appended + run.length]!);
        }
        await store.append(
          streamId,
          run.map((e) => e.event),
        );
        appended += run.length;
        if (pauseMs > 0) await sleep(pauseMs);
      }
    };
    // How long after its start-up a kill may come: shortened when the last kill found the
    // projector idle, lengthened when it found it working, so kills land inside batches as well
    // as between them.
    let windowMs = 300;
    for (let kill = 0; kill < KILLS; kill++) {
      // Most of a slice waits for the projector (catch-up); the rest trickles in while it follows.
      await appendUpTo(kill * chunk + chunk * 0.7);
      projector.start();
      await projector.waitReady();
      const following = appendUpTo((kill + 1) * chunk, 5);
      await sleep(rng.next() * windowMs);
      const at = { position: (await reader.stats()).position, appended };
      await projector.stop('SIGKILL');
      const working = at.position < at.appended;
      if (working) busyKills++;
      windowMs = Math.min(3000, Math.max(20, windowMs * (working ? 1.25 : 0.6)));
      kills.push(
        `kill ${kill + 1}: projection at ${at.position} of ${at.appended} events${working ? ' (working)' : ''}`,
      );
      if (process.env.TALLY_TEST_TRACE) process.stderr.write(`${kills.at(-1)}\n`);
      await following;
    }
    projector.start();
    await projector.waitReady();
    await appendUpTo(entries.length);
    head = await store.head();
    const deadline = Date.now() + 60_000;
    while ((await reader.stats()).position < head && Date.now() < deadline) await sleep(100);
    position = (await reader.stats()).position;
    lastExit = await projector.stop('SIGTERM');
    afterKills = await dumpProjections(store);
    await createProjector(store).rebuild();
    rebuilt = await dumpProjections(store);
  });

  afterAll(async () => {
    await projector?.stop('SIGKILL');
    await store?.close();
    await db?.drop();
  });

  it('was killed 20 times while events arrived, and caught up with the log after', () => {
    expect(kills).toHaveLength(KILLS);
    expect(head).toBeGreaterThanOrEqual(entries.length);
    expect(position, kills.join('\n')).toBe(head);
    if (process.env.TALLY_TEST_TRACE) process.stderr.write(`${busyKills} kills while the projector was behind\n`);
    expect(projector.unexpectedExits).toEqual([]);
  });

  it('left exactly the rows a fresh rebuild makes, in every projection', () => {
    const diff: string[] = [];
    for (const name of Object.keys(rebuilt)) {
      const got = afterKills[name] ?? {};
      const want = rebuilt[name]!;
      for (const key of new Set([...Object.keys(got), ...Object.keys(want)])) {
        if (JSON.stringify(got[key]) !== JSON.stringify(want[key])) {
          diff.push(
            `${name} ${key}:\n  after kills ${JSON.stringify(got[key] ?? null).slice(0, 400)}\n  rebuilt     ${JSON.stringify(want[key] ?? null).slice(0, 400)}`,
          );
        }
      }
    }
    expect(diff.slice(0, 10).join('\n'), kills.join('\n')).toBe('');
    expect(Object.keys(rebuilt.figures ?? {}).length).toBeGreaterThan(0);
  });

  it('stops cleanly on SIGTERM', () => {
    expect(lastExit).toEqual({ code: 0, signal: null });
  });
});
