import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auth, type Harness, listen, startHarness } from './harness.ts';
import { firstResponse, rawConnection } from './rawSocket.ts';

/**
 * The local demo opens the operator pages (Bull Board, the pipeline, events) on loopback without a
 * token. A web page must not reach them: not by pointing a name of its own at 127.0.0.1 (DNS
 * rebinding: its requests carry that name as Host), nor by sending a write across origins.
 */
let h: Harness;
let demo: FastifyInstance;
const pause = '/admin/queues/api/queues/fetch/pause';
const resume = '/admin/queues/api/queues/fetch/resume';

beforeAll(async () => {
  h = await startHarness();
  demo = await h.app({ API_TOKEN: undefined, API_HOST: '127.0.0.1' });
});
afterEach(async () => {
  await h.runtime.queues.queues.fetchArticle.resume();
});
afterAll(async () => {
  await h?.close();
});

const paused = () => h.runtime.queues.queues.fetchArticle.isPaused();

describe('DNS rebinding (another name for the loopback address)', () => {
  it('cannot pause a queue through Bull Board, nor read the operator pages', async () => {
    const res = await demo.inject({ method: 'PUT', url: pause, headers: { host: 'evil.example:3000' } });
    expect(res.statusCode).toBe(421);
    expect(res.json()).toMatchObject({ code: 'TALLY_ERR_HOST_NOT_ALLOWED' });
    expect(await paused()).toBe(false);
    for (const url of ['/pipeline', '/events', '/metrics', '/admin/queues', '/figures', '/nope']) {
      const page = await demo.inject({ url, headers: { host: 'evil.example' } });
      expect(page.statusCode, url).toBe(421);
    }
  });

  it('is refused on a real socket too, where the browser sends the name it resolved', async () => {
    const base = await listen(demo);
    const c = await rawConnection(base);
    c.socket.write(
      `PUT ${pause} HTTP/1.1\r\nHost: rebind.evil.example:${new URL(base).port}\r\nConnection: close\r\n\r\n`,
    );
    await c.until(() => c.isClosed, 10_000, 'the answer');
    expect(firstResponse(c.received).status).toBe(421);
    expect(await paused()).toBe(false);
  });

  it('still lets the operator at localhost or 127.0.0.1 pause and resume', async () => {
    for (const host of ['127.0.0.1:3000', 'localhost:3000', '[::1]:3000']) {
      expect((await demo.inject({ method: 'PUT', url: pause, headers: { host } })).statusCode, host).toBe(200);
      expect(await paused()).toBe(true);
      expect((await demo.inject({ method: 'PUT', url: resume, headers: { host } })).statusCode, host).toBe(200);
      expect(await paused()).toBe(false);
    }
  });

  it('answers to the names of API_ALLOWED_HOSTS, which need the token for operator pages', async () => {
    const named = await h.app({ API_TOKEN: undefined, API_HOST: '127.0.0.1', API_ALLOWED_HOSTS: 'tally.example.org' });
    expect((await named.inject({ url: '/figures', headers: { host: 'tally.example.org' } })).statusCode).toBe(200);
    // Reached by a name that is not loopback (a proxy in front, say): not the local demo any more.
    const res = await named.inject({ method: 'PUT', url: pause, headers: { host: 'tally.example.org' } });
    expect(res.statusCode).toBe(401);
    expect(await paused()).toBe(false);
  });
});

describe('writes from a page of another origin', () => {
  it('cannot pause a queue on 127.0.0.1 (no rebinding needed: the browser sends Origin)', async () => {
    for (const origin of ['http://evil.example', 'null', 'http://127.0.0.1:9999']) {
      const res = await demo.inject({
        method: 'PUT',
        url: pause,
        headers: { host: '127.0.0.1:3000', origin },
      });
      expect(res.statusCode, origin).toBe(403);
      expect(res.json()).toMatchObject({ code: 'TALLY_ERR_ORIGIN_NOT_ALLOWED' });
    }
    expect(await paused()).toBe(false);
    const own = await demo.inject({
      method: 'PUT',
      url: pause,
      headers: { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' },
    });
    expect(own.statusCode).toBe(200);
  });

  it('cannot register a feed even with the token (a browser with cached credentials)', async () => {
    const app = await h.app();
    const head = await h.store.head();
    const res = await app.inject({
      method: 'POST',
      url: '/feeds',
      headers: { ...auth, origin: 'https://evil.example' },
      payload: { url: 'https://planted.example/feed' },
    });
    expect(res.statusCode).toBe(403);
    expect(await h.store.head()).toBe(head);
  });

  it('does not refuse reads from other origins (they are public, and not readable across origins)', async () => {
    const res = await demo.inject({ url: '/figures', headers: { origin: 'https://evil.example' } });
    expect(res.statusCode).toBe(200);
  });
});

describe('the demo behind a proxy on the same machine', () => {
  it('needs the token for operator pages when the request was forwarded', async () => {
    for (const headers of [{ 'x-forwarded-for': '203.0.113.9' }, { forwarded: 'for=203.0.113.9' }]) {
      const res = await demo.inject({ url: '/pipeline', headers });
      expect(res.statusCode).toBe(401);
    }
    expect((await demo.inject({ url: '/pipeline' })).statusCode).toBe(200);
  });
});
