import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, verifySignature } from '../index.ts';

export interface ReceivedDelivery {
  idempotencyKey: string;
  attempt: string;
  webhookId: string;
  signatureOk: boolean;
  body: {
    type: string;
    position: number;
    figureKeys: string[];
    change: { type: string; position: number; figureKeys: string[] };
  };
  answered: number;
}

export interface Receiver {
  url: string;
  port: number;
  received: ReceivedDelivery[];
  /** Resolves once `n` deliveries were answered (bounded by the test's timeout). */
  waitFor(n: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * A webhook receiver on loopback, as a consumer would write one: it checks each delivery's
 * signature against the secret (or the secret known by then, for one the API generates after the
 * receiver starts), answers 401 to a bad signature and `answer(n)` for the n-th request (1-based).
 */
export async function startReceiver(secret: string | (() => string), answer: (n: number) => number): Promise<Receiver> {
  const received: ReceivedDelivery[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const check = verifySignature({
        header: req.headers[SIGNATURE_HEADER] as string | undefined,
        body: raw,
        secret: typeof secret === 'string' ? secret : secret(),
        nowSec: Math.floor(Date.now() / 1000),
      });
      const status = check.ok ? answer(received.length + 1) : 401;
      received.push({
        idempotencyKey: String(req.headers[IDEMPOTENCY_HEADER]),
        attempt: String(req.headers['tally-delivery-attempt']),
        webhookId: String(req.headers['tally-webhook-id']),
        signatureOk: check.ok,
        body: JSON.parse(raw),
        answered: status,
      });
      res.writeHead(status).end();
      for (const w of waiters.filter((w) => received.length >= w.n)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/tally-hook`,
    port,
    received,
    waitFor: (n) => (received.length >= n ? Promise.resolve() : new Promise((resolve) => waiters.push({ n, resolve }))),
    close: () => new Promise((r) => server.close(() => r())),
  };
}
