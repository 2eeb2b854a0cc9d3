import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, listen, startHarness } from './harness.ts';

/**
 * With no token on loopback, the operator routes are open to local requests so the demo needs no
 * set-up. A reverse proxy on the same machine connects over loopback too: what it forwards must not
 * count as local, whichever forwarding header it adds (X-Real-IP was let through), and the operator
 * can turn the exemption off (`API_LOOPBACK_OPEN=false`) for a proxy that adds none.
 */
const operatorRoutes = ['/events', '/metrics', '/pipeline', '/admin/queues', '/admin/queues/api/queues'];
const pause = '/admin/queues/api/queues/fetch/pause';
const forwardingHeaders: Record<string, string>[] = [
  { forwarded: 'for=203.0.113.9;proto=https' },
  { 'x-forwarded-for': '203.0.113.9' },
  // nginx's usual `proxy_set_header X-Real-IP $remote_addr`, alone, and naming loopback itself.
  { 'x-real-ip': '203.0.113.9' },
  { 'x-real-ip': '127.0.0.1' },
  { 'x-forwarded-host': 'tally.example.org' },
  { 'x-forwarded-proto': 'https' },
  { via: '1.1 proxy.example' },
];

let h: Harness;
let demo: FastifyInstance;
let closed: FastifyInstance;

beforeAll(async () => {
  h = await startHarness();
  demo = await h.app({ API_TOKEN: undefined, API_HOST: '127.0.0.1' });
  closed = await h.app({ API_TOKEN: undefined, API_HOST: '127.0.0.1', API_LOOPBACK_OPEN: 'false' });
});
afterAll(async () => {
  await h.runtime.queues.queues.fetchArticle.resume();
  await h?.close();
});

const paused = () => h.runtime.queues.queues.fetchArticle.isPaused();

describe('through inject()', () => {
  it('opens operator routes to a local request that carries no forwarding header', async () => {
    for (const url of operatorRoutes) expect((await demo.inject({ url })).statusCode, url).toBe(200);
  });

  it('treats a request carrying any forwarding header as not local', async () => {
    for (const headers of forwardingHeaders) {
      for (const url of operatorRoutes) {
        const res = await demo.inject({ url, headers });
        expect(res.statusCode, `${url} ${JSON.stringify(headers)}`).toBe(401);
        expect(res.json()).toMatchObject({ code: 'TALLY_ERR_TOKEN_NOT_CONFIGURED' });
      }
      const write = await demo.inject({ method: 'PUT', url: pause, headers });
      expect(write.statusCode, JSON.stringify(headers)).toBe(401);
    }
    expect(await paused()).toBe(false);
  });

  it('closes operator routes to local requests too with API_LOOPBACK_OPEN=false, reads staying public', async () => {
    for (const url of operatorRoutes) {
      const res = await closed.inject({ url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json()).toMatchObject({ code: 'TALLY_ERR_TOKEN_NOT_CONFIGURED' });
    }
    expect((await closed.inject({ method: 'PUT', url: pause })).statusCode).toBe(401);
    expect(await paused()).toBe(false);
    for (const url of ['/figures', '/feeds', '/healthz'])
      expect((await closed.inject({ url })).statusCode, url).toBe(200);
  });
});

/** A reverse proxy on 127.0.0.1 that forwards to `target` with the Host it was asked for and `add` headers. */
async function startProxy(target: string, add: Record<string, string>): Promise<{ base: string; server: Server }> {
  const to = new URL(target);
  const server = createServer((req, res) => {
    const upstream = httpRequest(
      {
        host: to.hostname,
        port: to.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, ...add },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('on a real socket', () => {
  let demoBase: string;
  let closedBase: string;
  const proxies: Server[] = [];

  beforeAll(async () => {
    demoBase = await listen(demo);
    closedBase = await listen(closed);
  });
  afterAll(async () => {
    for (const p of proxies) {
      const closing = new Promise((r) => p.close(r));
      p.closeAllConnections();
      await closing;
    }
  });

  const proxy = async (target: string, add: Record<string, string>) => {
    const p = await startProxy(target, add);
    proxies.push(p.server);
    return p.base;
  };

  it('opens operator routes to a browser on this machine', async () => {
    for (const url of operatorRoutes) expect((await fetch(`${demoBase}${url}`)).status, url).toBe(200);
  });

  it('needs the token behind a proxy on the same machine that adds X-Real-IP or X-Forwarded-For', async () => {
    const adds: Record<string, string>[] = [{ 'x-real-ip': '127.0.0.1' }, { 'x-forwarded-for': '198.51.100.7' }];
    for (const add of adds) {
      const base = await proxy(demoBase, add);
      for (const url of operatorRoutes) {
        const res = await fetch(`${base}${url}`);
        expect(res.status, `${url} ${JSON.stringify(add)}`).toBe(401);
        expect(await res.json()).toMatchObject({ code: 'TALLY_ERR_TOKEN_NOT_CONFIGURED' });
      }
      expect((await fetch(`${base}${pause}`, { method: 'PUT' })).status).toBe(401);
    }
    expect(await paused()).toBe(false);
  });

  it('cannot tell a proxy that adds nothing from a local browser: API_LOOPBACK_OPEN=false closes it', async () => {
    const bare = await proxy(demoBase, {});
    expect((await fetch(`${bare}/events`)).status).toBe(200);
    const bareToClosed = await proxy(closedBase, {});
    for (const base of [bareToClosed, closedBase]) {
      for (const url of operatorRoutes) expect((await fetch(`${base}${url}`)).status, `${base}${url}`).toBe(401);
    }
    expect((await fetch(`${closedBase}/figures`)).status).toBe(200);
  });
});
