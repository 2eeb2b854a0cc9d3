/**
 * `npm run bench:freshness`: how fresh figures are with WebSub. Tally starts as users start it
 * (`tally start --no-demo`, the embedded defaults, the pipeline otherwise idle) beside a WebSub hub and its feed on loopback (a small hub
 * written here: it verifies the subscriber's intent, then distributes each new item signed with
 * the subscription's secret). Once subscribed, N items are published one at a time, and each is
 * timed from the hub's notification (just before its POST) to the figure update: the article's
 * figures, read through the API, name a figure (`GET /articles/:id`, read every 20 ms).
 *
 * The polling baseline is not waited out (it is minutes per item at the default interval): it is
 * the time an item waits for the next poll, half the interval the feed's schedule chose at its
 * first poll on average for items published at random moments, plus the same pipeline time
 * measured here (a poll that found the item runs the same fetch, extraction and analysis).
 *
 * Flags: --items N (default 20). Last line: one JSON object.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { articleIdFor } from '@tally/events';
import { canonicalUrl } from '@tally/feeds';

const { values: args } = parseArgs({ options: { items: { type: 'string', default: '20' } } });
const N = Number(args.items);
const say = (line: string) => process.stderr.write(`${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const tallyBin = fileURLToPath(new URL('../../../services/cli/bin/tally.mjs', import.meta.url));

// ---------------------------------------------------------------- the hub, the feed, the pages

const TOWNS = ['Harbourton', 'Millbridge', 'Eastcombe', 'Northfold', 'Westerby', 'Southmere', 'Ashdown', 'Kelford'];
const GOODS = ['containers', 'tonnes of grain', 'cars', 'passengers', 'tonnes of steel', 'pallets', 'trucks'];

function articleText(i: number): string {
  const town = TOWNS[i % TOWNS.length]!;
  const goods = GOODS[i % GOODS.length]!;
  return [
    `The ${town} port authority said it handled ${1200 + i * 37} ${goods} in March, up from ${900 + i * 11} a year earlier.`,
    `Dock workers in ${town} worked ${40 + (i % 9)} extra shifts during the month, the union said on ${['Monday', 'Tuesday', 'Friday'][i % 3]}.`,
    `Item ${i}: the council of ${town} plans to spend ${3 + (i % 5)} million pounds on a new quay by ${2027 + (i % 3)}.`,
    `Shipping agents in ${town} expect traffic of ${goods} to rise by ${2 + (i % 7)} percent next year.`,
  ].join(' ');
}

interface Item {
  i: number;
  link: string;
}
const items: Item[] = [];
let subscription: { callback: string; secret: string } | null = null;
let base = '';

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function feedXml(): string {
  const entries = items
    .map((it) => `<item><guid>${it.link}</guid><title>Port figures ${it.i}</title><link>${it.link}</link></item>`)
    .join('');
  return `<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Port news</title><link>${base}/</link><atom:link rel="hub" href="${base}/hub"/><atom:link rel="self" href="${base}/feed.xml"/>${entries}</channel></rss>`;
}

const server = createServer((req, res) => {
  void (async () => {
    const url = req.url ?? '/';
    if (req.method === 'GET' && url === '/feed.xml') {
      return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feedXml());
    }
    const page = /^\/articles\/(\d+)$/.exec(url);
    if (req.method === 'GET' && page) {
      const i = Number(page[1]);
      const html = `<!doctype html><html lang="en"><head><title>Port figures ${i}</title><meta property="article:published_time" content="${new Date().toISOString()}"></head><body><article><h1>Port figures ${i}</h1><p>${articleText(i)}</p></article></body></html>`;
      return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    }
    if (req.method === 'POST' && url === '/hub') {
      const form = new URLSearchParams(await bodyOf(req));
      const callback = form.get('hub.callback') ?? '';
      const secret = form.get('hub.secret') ?? '';
      res.writeHead(202).end();
      const challenge = randomBytes(8).toString('hex');
      const v = new URL(callback);
      for (const [k, val] of Object.entries({
        'hub.mode': 'subscribe',
        'hub.topic': form.get('hub.topic') ?? '',
        'hub.challenge': challenge,
        'hub.lease_seconds': form.get('hub.lease_seconds') ?? '3600',
      }))
        v.searchParams.set(k, val);
      const answer = await fetch(v);
      if (answer.ok && (await answer.text()) === challenge) subscription = { callback, secret };
      return;
    }
    return res.writeHead(404).end();
  })().catch(() => res.writeHead(500).end());
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

// ---------------------------------------------------------------- Tally

async function freePort(): Promise<number> {
  const s = createNetServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise((resolve) => s.close(resolve));
  return port;
}
const dir = mkdtempSync(join(tmpdir(), 'tally-freshness-'));
const apiPort = await freePort();
const api = `http://127.0.0.1:${apiPort}`;
writeFileSync(join(dir, 'feeds.yaml'), `- ${base}/feed.xml\n`);
items.push({ i: 0, link: `${base}/articles/0` });
const child: ChildProcess = spawn(process.execPath, [tallyBin, 'start', '--no-demo'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: {
    ...(process.env as Record<string, string>),
    TALLY_DATA_DIR: join(dir, 'data'),
    FEEDS_FILE: join(dir, 'feeds.yaml'),
    API_PORT: String(apiPort),
    WEBSUB_CALLBACK_URL: api,
    HTTP_ALLOW: '127.0.0.1',
    ROBOTS_TXT: 'false',
    HTTP_HOST_INTERVAL_MS: '0',
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
  },
});
const stop = async () => {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  server.close();
  rmSync(dir, { recursive: true, force: true });
};

async function until<T>(what: string, check: () => Promise<T | null>, timeoutMs: number, everyMs = 20): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check().catch(() => null);
    if (v !== null) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

const figuresOf = async (link: string): Promise<number | null> => {
  const id = articleIdFor(canonicalUrl(link)!);
  const res = await fetch(`${api}/articles/${id}`);
  if (!res.ok) return null;
  const { article } = (await res.json()) as { article: { figureKeys?: string[] } };
  return article.figureKeys && article.figureKeys.length > 0 ? article.figureKeys.length : null;
};

try {
  await until('the API', async () => ((await fetch(`${api}/healthz`)).ok ? true : null), 120_000, 200);
  await until('the hub to verify the subscription', async () => subscription, 120_000, 50);
  // The first item came with the first poll: the pipeline is idle once it is in the figures.
  await until('the first item in the figures', () => figuresOf(items[0]!.link), 120_000);
  const feeds = (await (await fetch(`${api}/feeds`)).json()) as {
    feeds: { url: string | null; lastPollAt: string | null; nextPollAt: string | null }[];
  };
  say(`subscribed; publishing ${N} items one at a time`);
  const latencies: number[] = [];
  for (let i = 1; i <= N; i++) {
    const it = { i, link: `${base}/articles/${i}` };
    items.unshift(it);
    const body = feedXml();
    const sub = subscription!;
    const signature = createHmac('sha256', sub.secret).update(body).digest('hex');
    const t0 = performance.now();
    const res = await fetch(sub.callback, {
      method: 'POST',
      headers: { 'content-type': 'application/rss+xml', 'x-hub-signature': `sha256=${signature}` },
      body,
    });
    if (res.status !== 202) throw new Error(`distribution answered ${res.status}: ${await res.text()}`);
    await until(`item ${i} in the figures`, () => figuresOf(it.link), 60_000);
    latencies.push(performance.now() - t0);
  }
  latencies.sort((a, b) => a - b);
  const p50 = Math.round(percentile(latencies, 50));
  const p95 = Math.round(percentile(latencies, 95));
  // The interval the first poll planned, before the subscription was live (the feeds row as read
  // then); the schedule's default for a feed of undated items at the default bounds is 4 × 300 s.
  const row = feeds.feeds.find((f) => f.url === `${base}/feed.xml`);
  const intervalSec = Math.round(
    row?.lastPollAt && row.nextPollAt ? (Date.parse(row.nextPollAt) - Date.parse(row.lastPollAt)) / 1000 : 1200,
  );
  const baselineP50 = Math.round((intervalSec / 2) * 1000 + p50);
  say('');
  say('                              p50 ms     p95 ms');
  say(`WebSub (hub → figure)     ${String(p50).padStart(9)}  ${String(p95).padStart(9)}`);
  say(
    `polling only (modelled)   ${String(baselineP50).padStart(9)}  ${String(Math.round(intervalSec * 0.95 * 1000 + p95)).padStart(9)}   interval ${intervalSec} s`,
  );
  say(`target p95 ≤ 2000 ms: ${p95 <= 2000 ? 'met' : 'missed'}`);
  process.stdout.write(
    `${JSON.stringify({ bench: 'freshness', items: N, p50_ms: p50, p95_ms: p95, baseline_p50_ms: baselineP50, baseline_interval_sec: intervalSec })}\n`,
  );
} finally {
  await stop();
}
