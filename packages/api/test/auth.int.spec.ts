import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, type Harness, startHarness, TOKEN } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const basic = (password: string) => ({
  authorization: `Basic ${Buffer.from(`operator:${password}`).toString('base64')}`,
});
const tokenOnly = ['/events', '/metrics', '/pipeline', '/admin/queues', '/admin/queues/api/queues'];
const reads = ['/figures', '/articles', '/feeds', '/'];

describe('with a token configured', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await h.app();
  });

  it('refuses token routes without the token, asking for a bearer token (or Basic on dashboard pages)', async () => {
    for (const url of tokenOnly) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json(), url).toMatchObject({ code: 'TALLY_ERR_UNAUTHORIZED' });
      const challenge = res.headers['www-authenticate'];
      expect(challenge, url).toMatch(url === '/events' || url === '/metrics' ? /^Bearer / : /^Basic /);
    }
    const post = await app.inject({ method: 'POST', url: '/feeds', payload: { url: 'https://a.example/feed' } });
    expect(post.statusCode).toBe(401);
    expect((await app.inject({ method: 'DELETE', url: '/feeds/f_x' })).statusCode).toBe(401);
  });

  it('refuses a wrong token the same way whatever its length', async () => {
    const sameLength = `${TOKEN.slice(0, -1)}${TOKEN.endsWith('x') ? 'y' : 'x'}`;
    const answers = [];
    for (const header of [
      { authorization: `Bearer ${sameLength}` },
      { authorization: 'Bearer short' },
      { authorization: `Bearer ${TOKEN}${TOKEN}` },
      { authorization: `Bearer ${TOKEN.toUpperCase()}` },
      { authorization: TOKEN },
      basic(sameLength),
    ]) {
      const res = await app.inject({ url: '/events', headers: header });
      answers.push([res.statusCode, (res.json() as { code: string; message: string }).message]);
    }
    expect(new Set(answers.map((a) => JSON.stringify(a)))).toEqual(
      new Set([JSON.stringify([401, 'the token is not valid']), JSON.stringify([401, 'a bearer token is required'])]),
    );
    expect(answers.filter(([, m]) => m === 'the token is not valid')).toHaveLength(5);
  });

  it('lets the token through as Bearer, and as the password of Basic credentials (browsers)', async () => {
    for (const url of tokenOnly) {
      expect((await app.inject({ url, headers: auth })).statusCode, url).toBe(200);
      expect((await app.inject({ url, headers: basic(TOKEN) })).statusCode, url).toBe(200);
    }
  });

  it('keeps reads, health and docs open', async () => {
    for (const url of [...reads, '/healthz', '/readyz', '/docs/json']) {
      expect((await app.inject({ url })).statusCode, url).toBe(200);
    }
  });
});

it('asks for the token on reads too when API_READS_NEED_TOKEN is set', async () => {
  const app = await h.app({ API_READS_NEED_TOKEN: 'true' });
  for (const url of reads) {
    expect((await app.inject({ url })).statusCode, url).toBe(401);
    expect((await app.inject({ url, headers: auth })).statusCode, url).toBe(200);
  }
  expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
});

describe('without a token', () => {
  it('on loopback, opens events, metrics and the dashboard for the local demo, but never writes', async () => {
    const app = await h.app({ API_TOKEN: undefined, API_HOST: '127.0.0.1' });
    for (const url of tokenOnly) expect((await app.inject({ url })).statusCode, url).toBe(200);
    const post = await app.inject({ method: 'POST', url: '/feeds', payload: { url: 'https://a.example/feed' } });
    expect(post.statusCode).toBe(401);
    expect(post.json()).toMatchObject({ code: 'TALLY_ERR_TOKEN_NOT_CONFIGURED' });
    expect((post.json() as { message: string }).message).toMatch(/API_TOKEN/);
  });

  it('on a public address, refuses every token route with a clear message', async () => {
    const app = await h.app({ API_TOKEN: undefined, API_HOST: '0.0.0.0' });
    for (const url of tokenOnly) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json(), url).toMatchObject({ code: 'TALLY_ERR_TOKEN_NOT_CONFIGURED' });
    }
    for (const url of reads) expect((await app.inject({ url })).statusCode, url).toBe(200);
  });
});

it('never writes the token to the logs', async () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const logger = pino({ level: 'trace' }, sink);
  const app = await h.app({}, {}, logger);
  await app.inject({ url: '/events', headers: auth });
  await app.inject({ url: '/events', headers: { authorization: `Bearer wrong-${TOKEN}` } });
  await app.inject({ method: 'POST', url: '/feeds', headers: auth, payload: '{"url": ' });
  await app.inject({ url: '/metrics', headers: basic(TOKEN) });
  expect(lines.length).toBeGreaterThan(4);
  const all = lines.join('');
  expect(all).not.toContain(TOKEN);
  expect(all).not.toContain(Buffer.from(`operator:${TOKEN}`).toString('base64'));
});
