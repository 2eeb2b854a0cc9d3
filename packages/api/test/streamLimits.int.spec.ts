import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, type Harness, listen, startHarness } from './harness.ts';

/**
 * One reader used to be able to open every figure stream (100 from one anonymous address, then 429
 * for everyone). Each client now holds at most API_MAX_STREAMS_PER_CLIENT: an address (other
 * loopback addresses stand for other machines here), or the token's holder.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

interface OpenStream {
  status: number;
  code: string | null;
  close(): void;
}

function openStream(base: string, from: string, headers: Record<string, string> = {}): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      `${base}/figures/stream?after=${Number.MAX_SAFE_INTEGER}`,
      { localAddress: from, headers: { accept: 'text/event-stream', ...headers } },
      (res) => {
        const close = () => req.destroy();
        if (res.statusCode === 200) return resolve({ status: 200, code: null, close });
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => {
          body += d;
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, code: (JSON.parse(body) as { code: string }).code, close }),
        );
      },
    );
    req.on('error', reject);
  });
}

describe('figure streams per client', () => {
  it('refuses a client its streams beyond its share, and leaves the rest to others', async () => {
    const app = await h.app({ API_MAX_STREAMS: 6, API_MAX_STREAMS_PER_CLIENT: 3 }, { stream: { heartbeatMs: 60_000 } });
    const base = await listen(app);
    const open: OpenStream[] = [];
    try {
      for (let i = 0; i < 3; i++) open.push(await openStream(base, '127.0.0.2'));
      expect(open.map((s) => s.status)).toEqual([200, 200, 200]);
      const greedy = await openStream(base, '127.0.0.2');
      expect([greedy.status, greedy.code]).toEqual([429, 'TALLY_ERR_TOO_MANY_CLIENT_STREAMS']);

      // Another reader still gets streams while the first holds its share.
      for (let i = 0; i < 3; i++) open.push(await openStream(base, '127.0.0.3'));
      expect(open.map((s) => s.status)).toEqual([200, 200, 200, 200, 200, 200]);
      // Every slot taken: the global limit answers for a third reader.
      const third = await openStream(base, '127.0.0.4');
      expect([third.status, third.code]).toEqual([429, 'TALLY_ERR_TOO_MANY_STREAMS']);

      // A stream closed gives its client its slot back.
      open.shift()!.close();
      await expect.poll(async () => (await openStream(base, '127.0.0.4')).status).toBe(200);
      expect(await app.inject({ url: '/metrics', headers: auth }).then((r) => r.body)).toMatch(
        /tally_api_open_streams \d/,
      );
    } finally {
      for (const s of open) s.close();
      await app.close();
    }
  });

  it('counts the token holder apart from the address it comes from', async () => {
    const app = await h.app({ API_MAX_STREAMS_PER_CLIENT: 1 }, { stream: { heartbeatMs: 60_000 } });
    const base = await listen(app);
    const open: OpenStream[] = [];
    try {
      open.push(await openStream(base, '127.0.0.2'));
      open.push(await openStream(base, '127.0.0.2', auth));
      expect(open.map((s) => s.status)).toEqual([200, 200]);
      expect((await openStream(base, '127.0.0.2', auth)).code).toBe('TALLY_ERR_TOO_MANY_CLIENT_STREAMS');
      expect((await openStream(base, '127.0.0.2')).code).toBe('TALLY_ERR_TOO_MANY_CLIENT_STREAMS');
    } finally {
      for (const s of open) s.close();
      await app.close();
    }
  });

  it('counts the clients a trusted proxy names, and ignores what an untrusted one claims', async () => {
    const trusting = await h.app(
      { API_MAX_STREAMS_PER_CLIENT: 1, API_TRUST_PROXY: '127.0.0.2' },
      { stream: { heartbeatMs: 60_000 } },
    );
    const base = await listen(trusting);
    const open: OpenStream[] = [];
    try {
      // Through the proxy (127.0.0.2): two clients, one stream each.
      open.push(await openStream(base, '127.0.0.2', { 'x-forwarded-for': '198.51.100.1' }));
      open.push(await openStream(base, '127.0.0.2', { 'x-forwarded-for': '198.51.100.2' }));
      expect(open.map((s) => s.status)).toEqual([200, 200]);
      const again = await openStream(base, '127.0.0.2', { 'x-forwarded-for': '198.51.100.1' });
      expect(again.code).toBe('TALLY_ERR_TOO_MANY_CLIENT_STREAMS');
      // Not from the proxy: the header is the client's own word, and does not buy it more streams.
      open.push(await openStream(base, '127.0.0.3', { 'x-forwarded-for': '198.51.100.3' }));
      const liar = await openStream(base, '127.0.0.3', { 'x-forwarded-for': '198.51.100.4' });
      expect(liar.code).toBe('TALLY_ERR_TOO_MANY_CLIENT_STREAMS');
    } finally {
      for (const s of open) s.close();
      await trusting.close();
    }
  });
});
