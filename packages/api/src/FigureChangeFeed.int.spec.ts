import { type EventStore, openEventStore } from '@tally/event-store';
import type { StoredEvent } from '@tally/events';
import { type FigureRow, InMemoryProjections } from '@tally/projections';
import { generateLog, seedScenario } from '@tally/projections/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FigureChange, FigureChangeFeed } from './FigureChangeFeed.ts';

let store: EventStore;
beforeEach(async () => {
  store = await openEventStore({ dataDir: 'memory://' });
});
afterEach(async () => {
  await store.close();
});

async function appendAll(
  units: Iterable<{ streamId: string; event: StoredEvent | import('@tally/events').NewEvent }[]>,
) {
  for (const unit of units)
    await store.append(
      unit[0]!.streamId,
      unit.map((u) => u.event as import('@tally/events').NewEvent),
    );
}

async function readEverything(feed: FigureChangeFeed, after = 0, pageSize = 37): Promise<FigureChange[]> {
  const out: FigureChange[] = [];
  let cursor = after;
  for (;;) {
    const page = await feed.read(cursor, pageSize);
    out.push(...page.changes);
    if (page.next === cursor) return out;
    cursor = page.next;
  }
}

/**
 * The figures each event changes according to the figures projection itself: fold the log one
 * event at a time and see which figure rows took the event's position.
 */
async function changedFiguresByPosition(): Promise<Map<number, string[]>> {
  const events = await store.readAll({ limit: 100_000 });
  const projections = new InMemoryProjections();
  const changed = new Map<number, string[]>();
  for (const e of events) {
    projections.apply([e]);
    if (e.type !== 'ClaimExtracted' && e.type !== 'ArticleDuplicateDetected') continue;
    const keys = [...projections.rows<FigureRow>('figures').values()]
      .filter((row) => row.position === e.position)
      .map((row) => row.figureKey)
      .sort();
    if (keys.length > 0) changed.set(e.position, keys);
  }
  return changed;
}

describe('FigureChangeFeed', () => {
  it.each([false, true])(
    'sends every claim and exactly the verdicts that change a figure (seeds, late verdicts: %s)',
    async (lateVerdicts) => {
      await appendAll(seedScenario({ lateVerdicts }).entries.map((e) => [e]));
      const feed = new FigureChangeFeed(store);
      await feed.advance();
      expect(feed.indexedTo).toBe(await store.head());
      const changes = await readEverything(feed);
      const oracle = await changedFiguresByPosition();
      expect(changes.map((c) => [c.position, [...c.figureKeys].sort()])).toEqual([...oracle]);
      expect(changes.some((c) => c.type === 'ArticleDuplicateDetected')).toBe(true);
      const newell = changes.find((c) => c.claim?.speaker?.name === 'Tracey Newell');
      expect(newell?.claim).toMatchObject({ value: 11_000, bound: '~<', qualifier: 'nearly' });
    },
  );

  it('matches the projection on a generated log with copies of copies, merges and late verdicts, and resumes anywhere', async () => {
    await appendAll(
      generateLog({
        events: 1500,
        seed: 11,
        feeds: 12,
        textBytes: 120,
        duplicateRate: 0.3,
        oddities: 0.25,
        tailFigureKeys: 40,
        storyFigureKeys: 8,
      }),
    );
    const feed = new FigureChangeFeed(store, { pageSize: 100 });
    await feed.advance();
    const all = await readEverything(feed);
    const oracle = await changedFiguresByPosition();
    expect(all.map((c) => [c.position, [...c.figureKeys].sort()])).toEqual([...oracle]);
    expect(all.filter((c) => c.type === 'ArticleDuplicateDetected').length).toBeGreaterThan(5);
    // Resuming after any change gives exactly the rest, in order.
    for (const i of [0, 1, 17, Math.floor(all.length / 2), all.length - 2]) {
      const rest = await readEverything(feed, all[i]!.position, 50);
      expect(rest.map((c) => c.position)).toEqual(all.slice(i + 1).map((c) => c.position));
    }
  });

  it('indexes only what is committed and wakes waiters when the log grows', async () => {
    const log = seedScenario({ syndicate: false });
    const half = Math.floor(log.entries.length / 2);
    await appendAll(log.entries.slice(0, half).map((e) => [e]));
    const feed = new FigureChangeFeed(store);
    feed.start();
    const ctl = new AbortController();
    await feed.waitPast(0, 5000, ctl.signal);
    const head = await store.head();
    await expect.poll(() => feed.indexedTo).toBe(head);
    const waiting = feed.waitPast(head, 30_000, ctl.signal);
    await appendAll(log.entries.slice(half).map((e) => [e]));
    expect(await waiting).toBe(true);
    await expect.poll(() => feed.indexedTo).toBe(await store.head());
    const changes = await readEverything(feed);
    expect(changes.filter((c) => c.type === 'ClaimExtracted')).toHaveLength(
      log.entries.filter((e) => e.event.type === 'ClaimExtracted').length,
    );
    await feed.close();
  });
});
