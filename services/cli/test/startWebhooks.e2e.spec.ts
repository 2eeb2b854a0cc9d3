import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEventStore } from '@tally/event-store';
import { freePort } from '@tally/local-services';
import { registerWebhook, SIGNATURE_HEADER, verifySignature, WEBHOOK_KEY_FILE, webhookKeyFor } from '@tally/webhooks';
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
  let server: Server;
  const seen: { ok: boolean; key: string; figureKeys: string[] }[] = [];
  let start: TallyChild;
  let exit: { code: number | null; signal: NodeJS.Signals | null };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tally-start-webhooks-'));
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const ok = verifySignature({
          header: req.headers[SIGNATURE_HEADER] as string | undefined,
          body: raw,
          secret: SECRET,
          nowSec: Math.floor(Date.now() / 1000),
        }).ok;
        seen.push({ ok, key: String(req.headers['idempotency-key']), figureKeys: JSON.parse(raw).figureKeys });
        res.writeHead(ok ? 204 : 401).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const endpoint = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    const data = join(dir, 'data');
    const store = await openEventStore({ dataDir: join(data, 'log') });
    try {
      const key = webhookKeyFor({ TALLY_DATA_DIR: data, DATABASE_URL: undefined, WEBHOOK_SECRET_KEY: undefined })!;
      await registerWebhook(
        store,
        key,
        { url: `http://${endpoint}/hook`, pattern: '*', secret: SECRET },
        { allow: [endpoint] },
      );
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
    await start.waitFor('a delivery', () => seen.length > 0, 120_000);
    exit = await start.stop('SIGTERM');
  });

  afterAll(async () => {
    if (start?.running) await start.stop('SIGKILL');
    await new Promise((r) => (server ? server.close(r) : r(null)));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('delivers the demo’s figure changes, signed, each change once to the receiver that took it', () => {
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((s) => s.ok)).toBe(true);
    expect(seen.every((s) => s.figureKeys.length > 0)).toBe(true);
    expect(new Set(seen.map((s) => s.key)).size).toBe(seen.length);
  });

  it('keeps the webhook key in a file beside the log, readable by its owner only', () => {
    expect(statSync(join(dir, 'data', WEBHOOK_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(start.stderr).not.toContain(SECRET);
  });

  it('stops cleanly on SIGTERM', () => {
    expect(exit).toEqual({ code: 0, signal: null });
  });
});
