import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, listen, startHarness } from './harness.ts';
import { firstResponse, rawConnection } from './rawSocket.ts';

/**
 * Requests Node's HTTP parser refuses before Fastify sees them: they are answered from the same
 * error registry as everything else, with a `TALLY_ERR_*` code, and the connection is closed.
 */
let h: Harness;
let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  h = await startHarness();
  app = await h.app();
  base = await listen(app);
});
afterAll(async () => {
  await h?.close();
});

async function exchange(bytes: string): Promise<{ status: number; body: unknown; closed: boolean }> {
  const c = await rawConnection(base);
  c.socket.write(bytes, 'latin1');
  await c.until((r) => r.includes('\r\n\r\n'), 10_000, 'response');
  await c.until(() => c.isClosed, 10_000, 'close');
  const { status, body } = firstResponse(c.received);
  return { status, body, closed: c.isClosed };
}

describe('protocol-level errors', () => {
  it('answers a malformed request line or header with 400 TALLY_ERR_BAD_REQUEST', async () => {
    for (const bytes of [
      'GET /figures HTTP/1.1\r\nHost: 127.0.0.1\r\nno colon here\r\n\r\n',
      'NOT HTTP AT ALL\r\n\r\n',
      'GET /figures HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n',
    ]) {
      const res = await exchange(bytes);
      expect(res.status, bytes).toBe(400);
      expect(res.body, bytes).toMatchObject({ statusCode: 400, code: 'TALLY_ERR_BAD_REQUEST' });
      expect(res.closed).toBe(true);
    }
  });

  it('answers headers over the limit with 431 TALLY_ERR_HEADERS_TOO_LARGE', async () => {
    const res = await exchange(`GET /figures HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`);
    expect(res.status).toBe(431);
    expect(res.body).toMatchObject({ statusCode: 431, code: 'TALLY_ERR_HEADERS_TOO_LARGE' });
  });

  it('still serves well-formed requests on the same server', async () => {
    const res = await exchange('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });
});
