import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, listen, startHarness, TOKEN } from './harness.ts';
import { firstResponse, type RawConnection, rawConnection, within } from './rawSocket.ts';

/**
 * A client announcing a huge body and sending it a byte at a time, or sending nothing, must not keep
 * a connection: refused requests close at once, and every request is bounded by
 * API_REQUEST_TIMEOUT_MS. Bounds here are generous multiples of the configured timeouts.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Sends a byte every `ms` until the connection closes or `stop` is called. */
function dribble(c: RawConnection, ms: number): () => void {
  const timer = setInterval(() => {
    if (!c.isClosed) c.socket.write('x');
  }, ms);
  c.closed.then(() => clearInterval(timer));
  return () => clearInterval(timer);
}

const slowPost = (extra = '') =>
  `POST /feeds HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000000000\r\n${extra}\r\n`;

describe('slow and idle clients', () => {
  it('closes the connection of a refused request at once, however slowly its body comes', async () => {
    // A long request timeout: only closing on the refusal can end these connections in time.
    for (const token of [undefined, TOKEN]) {
      const app = await h.app({ API_TOKEN: token, API_REQUEST_TIMEOUT_MS: 600_000 });
      const base = await listen(app);
      const connections = await Promise.all(Array.from({ length: 5 }, () => rawConnection(base)));
      const stops = connections.map((c) => {
        c.socket.write(slowPost());
        return dribble(c, 50);
      });
      try {
        for (const c of connections) {
          await c.until((r) => r.includes('\r\n\r\n'), 10_000, 'the refusal');
          expect(firstResponse(c.received).status).toBe(401);
          expect(firstResponse(c.received).body).toMatchObject({
            code: token ? 'TALLY_ERR_UNAUTHORIZED' : 'TALLY_ERR_TOKEN_NOT_CONFIGURED',
          });
          expect(await within(c.closed, 10_000), 'closed after the refusal').toBe(true);
        }
      } finally {
        for (const stop of stops) stop();
        for (const c of connections) c.close();
      }
      await app.close();
    }
  });

  it('answers 413 to a body announced over the limit and closes, without reading it', async () => {
    const app = await h.app({ API_REQUEST_TIMEOUT_MS: 600_000 });
    const c = await rawConnection(await listen(app));
    c.socket.write(slowPost(`Authorization: Bearer ${TOKEN}\r\n`));
    const stop = dribble(c, 50);
    try {
      await c.until((r) => r.includes('\r\n\r\n'), 10_000, 'the refusal');
      expect(firstResponse(c.received).body).toMatchObject({ code: 'TALLY_ERR_BODY_TOO_LARGE' });
      expect(await within(c.closed, 10_000), 'closed after the refusal').toBe(true);
    } finally {
      stop();
      c.close();
    }
    await app.close();
  });

  it('times out an authorized request whose body does not arrive within the request timeout (408)', async () => {
    const app = await h.app({ API_REQUEST_TIMEOUT_MS: 500 });
    const c = await rawConnection(await listen(app));
    c.socket.write(
      `POST /feeds HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"url":`,
    );
    const stop = dribble(c, 50);
    try {
      expect(await within(c.closed, 15_000), 'closed within the bound').toBe(true);
      expect(firstResponse(c.received).status).toBe(408);
      expect(firstResponse(c.received).body).toMatchObject({ code: 'TALLY_ERR_REQUEST_TIMEOUT' });
    } finally {
      stop();
      c.close();
    }
    await app.close();
  });

  it('closes connections that send incomplete headers, or nothing at all', async () => {
    const app = await h.app({ API_REQUEST_TIMEOUT_MS: 500, API_IDLE_TIMEOUT_MS: 1000 });
    const base = await listen(app);
    const partial = await rawConnection(base);
    partial.socket.write('GET /figures HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const stop = dribble(partial, 50);
    const silent = await rawConnection(base);
    try {
      expect(await within(partial.closed, 15_000), 'incomplete headers closed').toBe(true);
      expect(await within(silent.closed, 15_000), 'silent connection closed').toBe(true);
    } finally {
      stop();
      partial.close();
      silent.close();
    }
    await app.close();
  });

  it('keeps serving ordinary requests and a figure stream past those bounds', async () => {
    const app = await h.app(
      { API_REQUEST_TIMEOUT_MS: 500, API_IDLE_TIMEOUT_MS: 1000 },
      { stream: { heartbeatMs: 200 } },
    );
    const base = await listen(app);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const res = await fetch(`${base}/figures/stream?after=${await h.store.head()}`);
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    let ended = false;
    // Ten heartbeats 200 ms apart: the stream outlived both timeouts, twice over.
    while (text.split(': heartbeat').length - 1 < 10) {
      const { value, done } = await reader.read();
      if (done) {
        ended = true;
        break;
      }
      text += decoder.decode(value, { stream: true });
    }
    expect(ended).toBe(false);
    await reader.cancel();
    await app.close();
  });
});
