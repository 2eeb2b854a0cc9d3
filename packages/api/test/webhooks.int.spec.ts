import { Writable } from 'node:stream';
import { seedFigureKeys, seedScenario } from '@tally/projections/testing';
import { startWebhookDelivery, type WebhookDelivery, webhookKeyFor } from '@tally/webhooks';
import { type Receiver, startReceiver } from '@tally/webhooks/testing';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FigureChangeFeed } from '../src/index.ts';
import { auth, type Harness, startHarness } from './harness.ts';

const SECRET = 'whsec_a-consumer-secret-0123456789';

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
  // Bounded by the test timeout; polls as an operator would.
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.each(['embedded', 'postgres'] as const)('webhooks through the API and the delivery worker (%s log)', (log) => {
  let h: Harness;
  let app: FastifyInstance;
  let flaky: Receiver;
  let down: Receiver;
  let generatedSecret = '';
  let delivery: WebhookDelivery | null = null;
  const logLines: string[] = [];

  beforeAll(async () => {
    flaky = await startReceiver(
      () => SECRET,
      (n) => (n <= 3 ? 500 : 200),
    );
    down = await startReceiver(
      () => generatedSecret,
      () => 503,
    );
    h = await startHarness(
      {
        HTTP_ALLOW: `127.0.0.1:${flaky.port},127.0.0.1:${down.port}`,
        WEBHOOK_SECRET_KEY: 'a webhook key for the API tests, 32+ chars',
        WEBHOOK_MAX_ATTEMPTS: 4,
        WEBHOOK_RETRY_DELAY_MS: 20,
      },
      { log },
    );
    const logger = pino(
      { level: 'debug' },
      new Writable({
        write(chunk, _encoding, done) {
          logLines.push(String(chunk));
          done();
        },
      }),
    );
    app = await h.app({}, {}, logger);
  });
  afterAll(async () => {
    await delivery?.close();
    await h?.close();
    await flaky?.close();
    await down?.close();
  });

  let aidHook = '';
  let deadHook = '';

  it('registers webhooks with the token only, and refuses private addresses not allowlisted', async () => {
    const body = { url: flaky.url, pattern: 'aid:*', secret: SECRET, description: 'aid figures' };
    expect((await app.inject({ method: 'POST', url: '/webhooks', payload: body })).statusCode).toBe(401);
    const refused = await app.inject({
      method: 'POST',
      url: '/webhooks',
      headers: auth,
      payload: { ...body, url: 'http://127.0.0.1:1/hook' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'TALLY_ERR_INVALID_WEBHOOK', details: { reason: 'refused-address' } });
    const credentials = await app.inject({
      method: 'POST',
      url: '/webhooks',
      headers: auth,
      payload: { ...body, url: 'https://user:pw@hooks.example/x' },
    });
    expect(credentials.json()).toMatchObject({ details: { reason: 'url-credentials' } });

    const created = await app.inject({ method: 'POST', url: '/webhooks', headers: auth, payload: body });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ webhook: { url: flaky.url, pattern: 'aid:*' }, secret: null });
    aidHook = created.json().webhook.webhookId;

    const made = await app.inject({ method: 'POST', url: '/webhooks', headers: auth, payload: { url: down.url } });
    expect(made.statusCode).toBe(201);
    expect(made.json().webhook.pattern).toBe('*');
    generatedSecret = made.json().secret;
    expect(generatedSecret).toMatch(/^whsec_/);
    deadHook = made.json().webhook.webhookId;
  });

  it('never shows a secret: not in GET /webhooks, not in the log read through GET /events, not in the logs', async () => {
    const list = await app.inject({ url: '/webhooks', headers: auth });
    expect(list.statusCode).toBe(200);
    expect((list.json().webhooks as { webhookId: string }[]).map((w) => w.webhookId)).toEqual([aidHook, deadHook]);
    const one = await app.inject({ url: `/webhooks/${aidHook}`, headers: auth });
    const events = await app.inject({ url: '/events?types=WebhookRegistered', headers: auth });
    expect(events.json().events).toHaveLength(2);
    for (const text of [list.body, one.body, events.body, logLines.join('')]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(generatedSecret);
    }
  });

  it('delivers figure changes signed, retries a receiver failing 3 times, dead-letters one that never answers 2xx', async () => {
    await h.append(seedScenario().entries);
    delivery = startWebhookDelivery({
      store: h.store,
      redis: h.runtime.redis,
      prefix: h.config.QUEUE_PREFIX,
      changes: new FigureChangeFeed(h.store),
      key: webhookKeyFor(h.config),
      retry: { attempts: h.config.WEBHOOK_MAX_ATTEMPTS, delayMs: h.config.WEBHOOK_RETRY_DELAY_MS },
      concurrency: 4,
      http: { userAgent: 'TallyTest/1', connectTimeoutMs: 2000, totalTimeoutMs: 5000, allow: h.config.HTTP_ALLOW },
      log: { info() {}, warn() {}, error() {} },
    });
    const deliveries = (id: string) =>
      app
        .inject({ url: `/webhooks/${id}/deliveries`, headers: auth })
        .then(
          (r) =>
            r.json().deliveries as { status: string; attempt: number; position: number; httpStatus: number | null }[],
        );

    const aid = await until(
      () => deliveries(aidHook),
      (d) => d.some((a) => a.status === 'delivered'),
    );
    expect(aid.map((a) => a.status).reverse()).toEqual(['failed', 'failed', 'failed', 'delivered']);
    expect(flaky.received.map((s) => [s.attempt, s.answered])).toEqual([
      ['1', 500],
      ['2', 500],
      ['3', 500],
      ['4', 200],
    ]);
    expect(flaky.received.every((s) => s.signatureOk)).toBe(true);
    expect(new Set(flaky.received.map((s) => s.idempotencyKey))).toEqual(new Set([String(aid[0]!.position)]));
    expect(flaky.received[0]!.body).toMatchObject({ type: 'figure.changed', figureKeys: [seedFigureKeys.usAid] });

    // The catch-all webhook is told of every change, duplicate verdicts included, and dead-letters each.
    const dead = await until(
      () => deliveries(deadHook),
      (d) => new Set(d.filter((a) => a.status === 'dead').map((a) => a.position)).size >= 3,
    );
    expect(dead.find((a) => a.status === 'dead')).toMatchObject({ attempt: 4, httpStatus: 503 });
    expect(down.received.every((s) => s.signatureOk)).toBe(true);
    expect(down.received.some((s) => s.body.change.type === 'ArticleDuplicateDetected')).toBe(true);
  });

  it('shows the delivery log on a dashboard page, and removes a webhook', async () => {
    const page = await app.inject({ url: '/webhooks/page', headers: auth });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain(`data-webhook-id="${aidHook}"`);
    expect(page.body).toContain('data-status="delivered"');
    expect(page.body).toContain('data-status="dead"');
    expect(page.body).not.toContain(SECRET);

    expect((await app.inject({ method: 'DELETE', url: `/webhooks/${deadHook}` })).statusCode).toBe(401);
    expect((await app.inject({ method: 'DELETE', url: `/webhooks/${deadHook}`, headers: auth })).statusCode).toBe(204);
    const gone = await app.inject({ url: `/webhooks/${deadHook}`, headers: auth });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().code).toBe('TALLY_ERR_WEBHOOK_NOT_FOUND');
    expect((await app.inject({ method: 'DELETE', url: `/webhooks/${deadHook}`, headers: auth })).statusCode).toBe(404);
  });
});
