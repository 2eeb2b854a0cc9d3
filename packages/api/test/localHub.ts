import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A subscription as the hub holds it, once the subscriber's intent is verified. */
export interface HubSubscription {
  topic: string;
  callback: string;
  secret: string;
  leaseSeconds: number;
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A WebSub hub and publisher on loopback, for tests: serves one feed that names the hub and itself,
 * takes subscription and unsubscription requests, verifies the subscriber's intent (GET to the
 * callback with a challenge it must echo), and distributes the feed signed with the subscription's secret.
 */
export class LocalHub {
  readonly subscriptions: HubSubscription[] = [];
  /** Every verification of intent: what the subscriber answered. */
  readonly verifications: { mode: string; topic: string; status: number; echoed: boolean }[] = [];
  /** Every unsubscription request the hub received (`hub.mode=unsubscribe`). */
  readonly unsubscriptions: { topic: string; callback: string }[] = [];
  private items: { id: string; title: string; link: string }[] = [];
  private waiters: (() => void)[] = [];
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<LocalHub> {
    let hub: LocalHub | undefined;
    const server = createServer((req, res) => {
      hub!.handle(req).then(
        ({ status, body, type }) => res.writeHead(status, { 'content-type': type }).end(body),
        () => res.writeHead(500).end(),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    hub = new LocalHub(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return hub;
  }

  get feedUrl(): string {
    return `${this.url}/feed.xml`;
  }

  get hubUrl(): string {
    return `${this.url}/hub`;
  }

  /** Adds an item to the feed (newest first). */
  publish(id: string): void {
    this.items.unshift({ id, title: `Item ${id}`, link: `${this.url}/articles/${id}` });
  }

  feed(): string {
    const entries = this.items
      .map((i) => `<item><guid>${i.id}</guid><title>${i.title}</title><link>${i.link}</link></item>`)
      .join('');
    return `<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Harbour notes</title><link>${this.url}/</link><atom:link rel="hub" href="${this.hubUrl}"/><atom:link rel="self" href="${this.feedUrl}"/>${entries}</channel></rss>`;
  }

  /** Resolves once the subscriber answered `count` verifications of intent in all (confirmed or not). */
  verificationAnswered(count = 1): Promise<void> {
    if (this.verifications.length >= count) return Promise.resolve();
    return new Promise<void>((resolve) => this.waiters.push(resolve)).then(() => this.verificationAnswered(count));
  }

  /** Sends the feed to every subscriber, signed (`secret` given: signed with it instead). */
  async distribute(options: { secret?: string; method?: string } = {}): Promise<{ status: number; body: unknown }[]> {
    const body = this.feed();
    const out: { status: number; body: unknown }[] = [];
    for (const s of this.subscriptions) {
      const method = options.method ?? 'sha256';
      const signature = createHmac(method, options.secret ?? s.secret)
        .update(body)
        .digest('hex');
      const res = await fetch(s.callback, {
        method: 'POST',
        headers: { 'content-type': 'application/rss+xml', 'x-hub-signature': `${method}=${signature}` },
        body,
      });
      out.push({ status: res.status, body: await res.json() });
    }
    return out;
  }

  /** Asks the subscriber's callback to confirm an intent, as the hub does. */
  async verify(callback: string, mode: string, topic: string, leaseSeconds: number | null): Promise<boolean> {
    const challenge = randomBytes(12).toString('hex');
    const u = new URL(callback);
    u.searchParams.set('hub.mode', mode);
    u.searchParams.set('hub.topic', topic);
    u.searchParams.set('hub.challenge', challenge);
    // WebSub §5.3: the lease is given for a subscription only.
    if (leaseSeconds !== null) u.searchParams.set('hub.lease_seconds', String(leaseSeconds));
    const res = await fetch(u);
    const echoed = res.status >= 200 && res.status < 300 && (await res.text()) === challenge;
    this.verifications.push({ mode, topic, status: res.status, echoed });
    return echoed;
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: string; type: string }> {
    if (req.method === 'GET' && req.url === '/feed.xml') {
      return { status: 200, body: this.feed(), type: 'application/rss+xml' };
    }
    if (req.method === 'POST' && req.url === '/hub') {
      const form = new URLSearchParams(await bodyOf(req));
      const topic = form.get('hub.topic') ?? '';
      const callback = form.get('hub.callback') ?? '';
      const secret = form.get('hub.secret') ?? '';
      const leaseSeconds = Number(form.get('hub.lease_seconds') ?? 3600);
      const mode = form.get('hub.mode');
      if ((mode !== 'subscribe' && mode !== 'unsubscribe') || topic !== this.feedUrl || !callback) {
        return { status: 400, body: 'bad request', type: 'text/plain' };
      }
      if (mode === 'unsubscribe') {
        this.unsubscriptions.push({ topic, callback });
        // Verified as a subscription is; the subscription ends only when the subscriber confirms.
        setImmediate(() => {
          void this.verify(callback, 'unsubscribe', topic, null)
            .then((ok) => {
              if (!ok) return;
              const i = this.subscriptions.findIndex((s) => s.topic === topic && s.callback === callback);
              if (i >= 0) this.subscriptions.splice(i, 1);
            })
            .finally(() => {
              for (const w of this.waiters.splice(0)) w();
            });
        });
        return { status: 202, body: '', type: 'text/plain' };
      }
      // 202 first, then the verification of intent, as WebSub §5.3 has it (asynchronous).
      setImmediate(() => {
        void this.verify(callback, 'subscribe', topic, leaseSeconds)
          .then((ok) => {
            if (ok) this.subscriptions.push({ topic, callback, secret, leaseSeconds });
          })
          .finally(() => {
            for (const w of this.waiters.splice(0)) w();
          });
      });
      return { status: 202, body: '', type: 'text/plain' };
    }
    return { status: 404, body: 'not found', type: 'text/plain' };
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
