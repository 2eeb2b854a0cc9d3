import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuardedPoster } from './createGuardedPoster.ts';
import { FetchError } from './FetchError.ts';

let server: Server;
let port: number;
const received: { method: string; body: string; headers: Record<string, unknown> }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push({ method: req.method ?? '', body, headers: req.headers });
      res.writeHead(req.url === '/gone' ? 410 : 204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
});

const base = { userAgent: 'TallyTest/1', connectTimeoutMs: 2000, totalTimeoutMs: 5000 };

describe('createGuardedPoster', () => {
  it('refuses a loopback address that is not allowlisted, before any request', async () => {
    const poster = createGuardedPoster(base);
    try {
      const before = received.length;
      const err = await poster.post(`http://127.0.0.1:${port}/hook`, '{}', {}).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(FetchError);
      expect((err as FetchError).reason).toBe('refused-address');
      // A name that resolves to loopback is refused by the guarded resolver too.
      const named = await poster.post(`http://localhost:${port}/hook`, '{}', {}).catch((e: unknown) => e);
      expect((named as FetchError).reason).toBe('refused-address');
      expect(received.length).toBe(before);
    } finally {
      await poster.close();
    }
  });

  it('posts the body and headers to an allowlisted address and answers any status as it is', async () => {
    const poster = createGuardedPoster({ ...base, allow: [`127.0.0.1:${port}`] });
    try {
      const ok = await poster.post(`http://127.0.0.1:${port}/hook`, '{"a":1}', { 'content-type': 'application/json' });
      expect(ok.status).toBe(204);
      const last = received.at(-1)!;
      expect(last).toMatchObject({ method: 'POST', body: '{"a":1}' });
      expect(last.headers['user-agent']).toBe('TallyTest/1');
      expect(last.headers['content-type']).toBe('application/json');
      expect((await poster.post(`http://127.0.0.1:${port}/gone`, '{}', {})).status).toBe(410);
      // Another port of the same address stays refused.
      const other = await poster.post(`http://127.0.0.1:${port + 1}/hook`, '{}', {}).catch((e: unknown) => e);
      expect((other as FetchError).reason).toBe('refused-address');
    } finally {
      await poster.close();
    }
  });
});
