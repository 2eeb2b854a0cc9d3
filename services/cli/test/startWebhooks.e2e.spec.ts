import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEventStore } from '@tally/event-store';
import { freePort } from '@tally/local-services';
import { registerWebhook, WEBHOOK_KEY_FILE, webhookKeyFor } from '@tally/webhooks';
import { type Receiver, startReceiver } from '@tally/webhooks/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TallyChild } from './support/tallyChild.ts';

const SECRET = 'whsec_start-test-secret-0123456789';

/**
 * `tally start` on the embedded defaults runs the webhook stage too: a webhook registered in the
 * log before the start (its secret sealed under the key file beside the log) is told of the demo's
 * figure changes, each signed, one delivery per change.
 */
describe('tally start delivers figure changes to webhooks', () => {
  let dir: string;
  let receiver: Receiver;
  let start: TallyChild;
  let exit: { code: number | null; signal: NodeJS.Signals | null };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tally-start-webhooks-'));
    receiver = await startReceiver(SECRET, () => 204);
    const endpoint = `127.0.0.1:${receiver.port}`;
    const data = join(dir, 'data');
    const store = await openEventStore({ dataDir: join(data, 'log') });
    try {
      const key = webhookKeyFor({ TALLY_DATA_DIR: data, DATABASE_URL: undefined, WEBHOOK_SECRET_KEY: undefined })!;
      await registerWebhook(store, key, { url: receiver.url, pattern: '*', secret: SECRET }, { allow: [endpoint] });
    } finally {
      await store.close();
    }
    start = new TallyChild(['start', '--port', String(await freePort())], {
      TALLY_DATA_DIR: data,
      REDIS_URL: '',
      DATABASE_URL: '',
      HTTP_ALLOW: endpoint,
      LOG_LEVEL: 'info',
      EXTRACT_THREADS: '1',
    });
    await start.waitFor('the first round to end', () => start.stdout.includes('Polling goes on'), 400_000);
    await start.waitFor('a delivery', () => receiver.received.length > 0, 120_000);
    exit = await start.stop('SIGTERM');
  });

  afterAll(async () => {
    if (start?.running) await start.stop('SIGKILL');
    await receiver?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('delivers the demo’s figure changes, signed, each change once to the receiver that took it', () => {
    const seen = receiver.received;
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((s) => s.signatureOk)).toBe(true);
    expect(seen.every((s) => s.body.figureKeys.length > 0)).toBe(true);
    expect(new Set(seen.map((s) => s.idempotencyKey)).size).toBe(seen.length);
  });

  it('keeps the webhook key in a file beside the log, readable by its owner only', () => {
    expect(statSync(join(dir, 'data', WEBHOOK_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(start.stderr).not.toContain(SECRET);
  });

  it('stops cleanly on SIGTERM', () => {
    expect(exit).toEqual({ code: 0, signal: null });
  });
});
