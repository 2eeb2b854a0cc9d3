import { type EventStore, openEventStore } from '@tally/event-store';
import { type FigureRow, InMemoryProjections } from '@tally/projections';
import { generateLog, type LoggedEvent, seedScenario } from '@tally/projections/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FigureChange, FigureChangeFeed } from './FigureChangeFeed.ts';

// One in-memory log for the file (opening one is the slow part): each test appends its own events
// and checks the feed against the projection over the whole log so far.
let store: EventStore;
beforeAll(async () => {
  store = await openEventStore({ dataDir: 'memory://' });
});
afterAll(async () => {
  await store?.close();
});

async function appendAll(entries: readonly LoggedEvent[]): Promise<void> {
  for (const { streamId, event } of entries) await store.append(streamId, [event]);
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
async function changedFiguresByPosition(): Promise<[number, string[]][]> {
  const events = await store.readAll({ limit: 100_000 });
  const projections = new InMemoryProjections();
  const changed: [number, string[]][] = [];
  for (const e of events) {
    projections.apply([e]);
    if (e.type !== 'ClaimExtracted' && e.type !== 'ArticleDuplicateDetected') continue;
    const keys = [...projections.rows<FigureRow>('figures').values()]
      .filter((row) => row.position === e.position)
      .map((row) => row.figureKey)
      .sort();
    if (keys.length > 0) changed.push([e.position, keys]);
  }
  return changed;
}

const asPairs = (changes: FigureChange[]) =>
  changes.map((c): [number, string[]] => [c.position, [...c.figureKeys].sort()]);

describe('FigureChangeFeed', () => {
  it('sends every claim and exactly the verdicts that change a figure (the seeds, verdicts after the copies’ claims)', async () => {
    await appendAll(seedScenario({ lateVerdicts: true }).entries);
    const feed = new FigureChangeFeed(store);
    await feed.advance();
    expect(feed.indexedTo).toBe(await store.head());
    const changes = await readEverything(feed);
    expect(asPairs(changes)).toEqual(await changedFiguresByPosition());
    expect(changes.filter((c) => c.type === 'ArticleDuplicateDetected')).toHaveLength(2);
    const newell = changes.find((c) => c.claim?.speaker?.name === 'Tracey Newell');
    expect(newell?.claim).toMatchObject({ value: 11_000, bound: '~<', qualifier: 'nearly' });
  });

  it('matches the projection on a generated log with copies of copies, merges and late verdicts, and resumes anywhere', async () => {
    await appendAll(
      [
        ...generateLog({
          events: 900,
          seed: 11,
          feeds: 12,
          textBytes: 120,
          duplicateRate: 0.35,
          oddities: 0.25,
          tailFigureKeys: 40,
          storyFigureKeys: 8,
        }),
      ].flat(),
    );
    const feed = new FigureChangeFeed(store, { pageSize: 100 });
    await feed.advance();
    const all = await readEverything(feed);
    expect(asPairs(all)).toEqual(await changedFiguresByPosition());
    const verdicts = (await store.readAll({ limit: 100_000, types: ['ArticleDuplicateDetected'] })).length;
    const sent = all.filter((c) => c.type === 'ArticleDuplicateDetected').length;
    // Some verdicts change figures and some do not: the test tells the two apart.
    expect(sent).toBeGreaterThan(3);
    expect(sent).toBeLessThan(verdicts);
    // Resuming after any change gives exactly the rest, in order.
    for (const i of [0, 1, 17, Math.floor(all.length / 2), all.length - 2]) {
      const rest = await readEverything(feed, all[i]!.position, 50);
      expect(rest.map((c) => c.position)).toEqual(all.slice(i + 1).map((c) => c.position));
    }
  });

  it('follows the log: indexes what is committed and wakes waiters when the log grows', async () => {
    const log = [...generateLog({ events: 300, seed: 23, feeds: 4, textBytes: 60, tailFigureKeys: 10 })].flat();
    const half = Math.floor(log.length / 2);
    await appendAll(log.slice(0, half));
    const feed = new FigureChangeFeed(store);
    feed.start();
    const ctl = new AbortController();
    const head = await store.head();
    expect(await feed.waitPast(head - 1, 30_000, ctl.signal)).toBe(true);
    expect(feed.indexedTo).toBe(head);
    const waiting = feed.waitPast(head, 30_000, ctl.signal);
    await appendAll(log.slice(half));
    expect(await waiting).toBe(true);
    const end = await store.head();
    await feed.waitPast(end - 1, 30_000, ctl.signal);
    expect(asPairs(await readEverything(feed))).toEqual(await changedFiguresByPosition());
    // A waiter that is aborted answers at once that nothing moved.
    const aborted = feed.waitPast(end, 30_000, ctl.signal);
    ctl.abort();
    expect(await aborted).toBe(false);
    await feed.close();
  });
});
