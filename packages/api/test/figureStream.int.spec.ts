import http from 'node:http';
import { generateLog, seedScenario } from '@tally/projections/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FigureChange, FigureChangeFeed } from '../src/index.ts';
import { type Harness, type LoggedEntry, listen, startHarness } from './harness.ts';

interface SseEvent {
  id: string | null;
  event: string;
  data: string;
}

interface StreamClient {
  status: Promise<number>;
  /** Resolves when the server ends the stream (or the client closed it). */
  ended: Promise<void>;
  close(): void;
}

/** A minimal EventSource over node:http, so the test controls reconnection and Last-Event-ID itself. */
function openStream(
  url: string,
  headers: Record<string, string>,
  on: { event?: (e: SseEvent) => void; comment?: (text: string) => void; body?: (text: string) => void },
): StreamClient {
  let resolveStatus!: (n: number) => void;
  let resolveEnded!: () => void;
  const status = new Promise<number>((r) => {
    resolveStatus = r;
  });
  const ended = new Promise<void>((r) => {
    resolveEnded = r;
  });
  let closed = false;
  const req = http.get(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
    resolveStatus(res.statusCode ?? 0);
    res.setEncoding('utf8');
    let buffer = '';
    res.on('data', (chunk: string) => {
      if (closed) return;
      on.body?.(chunk);
      buffer += chunk;
      for (let i = buffer.indexOf('\n\n'); i >= 0 && !closed; i = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        const e: SseEvent = { id: null, event: 'message', data: '' };
        let isEvent = false;
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) on.comment?.(line.slice(1).trim());
          else if (line.startsWith('id: ')) e.id = line.slice(4);
          else if (line.startsWith('event: ')) e.event = line.slice(7);
          else if (line.startsWith('data: ')) {
            e.data += line.slice(6);
            isEvent = true;
          }
        }
        if (isEvent) on.event?.(e);
      }
    });
    res.on('end', () => resolveEnded());
    res.on('close', () => resolveEnded());
  });
  req.on('error', () => {
    resolveStatus(0);
    resolveEnded();
  });
  return {
    status,
    ended,
    close() {
      closed = true;
      req.destroy();
    },
  };
}

function until(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      if (check()) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 5);
    };
    tick();
  });
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('GET /figures/stream', () => {
  it('delivers every figure change exactly once, in order, across 10 reconnections during ingestion', async () => {
    const app = await h.app({}, { stream: { heartbeatMs: 60_000 } });
    const base = await listen(app);
    const units = [
      ...generateLog({
        events: 800,
        seed: 5,
        feeds: 10,
        textBytes: 100,
        duplicateRate: 0.3,
        oddities: 0.2,
        tailFigureKeys: 30,
        storyFigureKeys: 6,
      }),
    ];
    const chunks: LoggedEntry[][] = Array.from({ length: 12 }, (_, i) =>
      units.slice(Math.floor((i * units.length) / 12), Math.floor(((i + 1) * units.length) / 12)).flat(),
    );

    const received: FigureChange[] = [];
    let lastId: string | null = null;
    for (let round = 0; round < 10; round++) {
      expect(chunks[round]!.filter((e) => e.event.type === 'ClaimExtracted').length).toBeGreaterThanOrEqual(3);
      await h.append(chunks[round]!);
      const before = received.length;
      let client: StreamClient | null = null;
      // Disconnect in the middle of the stream: whatever is in flight after the third new change is lost.
      client = openStream(`${base}/figures/stream`, lastId === null ? {} : { 'last-event-id': lastId }, {
        event(e) {
          if (received.length - before >= 3) return;
          received.push(JSON.parse(e.data) as FigureChange);
          lastId = e.id;
          if (received.length - before === 3) client?.close();
        },
      });
      expect(await client.status).toBe(200);
      await until(() => received.length - before >= 3, `three new changes in round ${round}`);
      await client.ended;
    }
    // The last connection stays open while the rest of the log is appended.
    const final = openStream(
      `${base}/figures/stream`,
      { 'last-event-id': lastId! },
      {
        event(e) {
          received.push(JSON.parse(e.data) as FigureChange);
        },
      },
    );
    expect(await final.status).toBe(200);
    await h.append(chunks[10]!);
    await h.append(chunks[11]!);

    const reference = new FigureChangeFeed(h.store);
    await reference.advance();
    const expected: FigureChange[] = [];
    for (let after = 0; ; ) {
      const page = await reference.read(after, 1000);
      expected.push(...page.changes);
      if (page.next === after) break;
      after = page.next;
    }
    await until(() => received.length >= expected.length, 'every change');
    final.close();

    const positions = received.map((c) => c.position);
    expect(new Set(positions).size).toBe(positions.length);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(received).toEqual(expected);
    expect(expected.some((c) => c.type === 'ArticleDuplicateDetected')).toBe(true);
    await app.close();
  });

  it('starts after `after` without Last-Event-ID, sends heartbeats when idle, and ends when the app closes', async () => {
    const app = await h.app({}, { stream: { heartbeatMs: 100 } });
    const base = await listen(app);
    await h.append(seedScenario({ syndicate: false }).entries);
    const head = await h.store.head();
    const events: SseEvent[] = [];
    const comments: string[] = [];
    let body = '';
    const client = openStream(
      `${base}/figures/stream?after=${head}`,
      {},
      {
        event: (e) => events.push(e),
        comment: (c) => comments.push(c),
        body: (text) => {
          body += text;
        },
      },
    );
    expect(await client.status).toBe(200);
    await until(() => comments.includes('heartbeat'), 'a heartbeat');
    expect(events).toEqual([]);
    expect(body).toMatch(/^retry: \d+\n\n/);
    await app.close();
    await client.ended;
  });

  it('refuses a Last-Event-ID that is not a position, and streams beyond the limit', async () => {
    const app = await h.app({}, { stream: { maxStreams: 1, heartbeatMs: 60_000 } });
    const bad = await app.inject({ url: '/figures/stream', headers: { 'last-event-id': 'yesterday' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'TALLY_ERR_VALIDATION' });
    const base = await listen(app);
    const head = await h.store.head();
    const first = openStream(`${base}/figures/stream?after=${head}`, {}, {});
    expect(await first.status).toBe(200);
    const second = await fetch(`${base}/figures/stream?after=${head}`);
    expect(second.status).toBe(429);
    expect(await second.json()).toMatchObject({ code: 'TALLY_ERR_TOO_MANY_STREAMS' });
    first.close();
    await app.close();
  });
});
