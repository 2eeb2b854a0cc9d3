import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EventStore, openEventStore } from '@tally/event-store';
import type {} from '@tally/local-services/vitest-setup';
import { seedFigureKeys, seedScenario } from '@tally/projections/testing';
import { registerWebhook, WebhookKey } from '@tally/webhooks';
import { type Receiver, startReceiver } from '@tally/webhooks/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freshDatabase } from './support/freshDatabase.ts';
import { TallyChild } from './support/tallyChild.ts';

const KEY = 'the webhook key of this deployment, 32+ characters';
const SECRET = 'whsec_worker-test-secret-0123456789';

/**
 * `tally worker webhooks` as an operator runs it beside the other parts (REDIS_URL, DATABASE_URL):
 * it follows the figure changes of the log and delivers them, signed, to a receiver on loopback,
 * retrying the first failure; SIGTERM stops it cleanly. Alone on the embedded defaults it refuses.
 */
describe('tally worker webhooks', () => {
  let dir: string;
  let db: { url: string; drop(): Promise<void> };
  let store: EventStore;
  let receiver: Receiver;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tally-webhook-worker-'));
    db = await freshDatabase(inject('databaseUrl'), 'webhooks');
    store = await openEventStore({ databaseUrl: db.url });
    // The first delivery fails (502), so the worker's retry is seen.
    receiver = await startReceiver(SECRET, (n) => (n === 1 ? 502 : 204));
  });
  afterAll(async () => {
    await receiver?.close();
    await store?.close();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('delivers figure changes, signed, and retries a failed delivery', async () => {
    const allow = `127.0.0.1:${receiver.port}`;
    await registerWebhook(
      store,
      new WebhookKey(KEY),
      { url: receiver.url, pattern: seedFigureKeys.usAid, secret: SECRET },
      { allow: [allow] },
    );
    const worker = new TallyChild(['worker', 'webhooks'], {
      REDIS_URL: inject('redisUrl'),
      DATABASE_URL: db.url,
      QUEUE_PREFIX: `wh${randomUUID().slice(0, 8)}`,
      TALLY_DATA_DIR: join(dir, 'data'),
      HTTP_ALLOW: allow,
      WEBHOOK_SECRET_KEY: KEY,
      WEBHOOK_RETRY_DELAY_MS: '50',
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'info',
    });
    try {
      await worker.waitFor('the webhook stage', () => worker.logged('webhook deliveries started').length > 0, 120_000);
      const claim = seedScenario().entries.find(
        (e) => e.event.type === 'ClaimExtracted' && e.event.data.figureKey === seedFigureKeys.usAid,
      )!;
      await store.append(claim.streamId, [claim.event]);
      const seen = receiver.received;
      await worker.waitFor('a delivery', () => seen.some((s) => s.answered === 204), 120_000);
      expect(seen.map((s) => [s.signatureOk, s.answered])).toEqual([
        [true, 502],
        [true, 204],
      ]);
      expect(seen[0]!.idempotencyKey).toBe(seen[1]!.idempotencyKey);
      expect(seen[1]!.body.figureKeys).toEqual([seedFigureKeys.usAid]);
      expect(worker.stderr).not.toContain(SECRET);
    } finally {
      const exit = await worker.stop('SIGTERM');
      expect(exit.code).toBe(0);
    }
  });

  it('refuses to run alone on the embedded defaults', async () => {
    const alone = new TallyChild(['worker', 'webhooks'], {
      TALLY_DATA_DIR: join(dir, 'alone'),
      REDIS_URL: '',
      DATABASE_URL: '',
    });
    const exit = await alone.exit;
    expect(exit.code).toBe(2);
    expect(alone.stderr).toContain('one part of a distributed deployment');
  });
});
