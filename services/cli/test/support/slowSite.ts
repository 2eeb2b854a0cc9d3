import { createServer, type Server } from 'node:http';

/**
 * A news site on loopback whose feed lists `items` reports and whose report pages answer
 * `delayMs` late, so that a fetch is surely under way when a test stops or kills the process.
 */
export interface SlowSite {
  origin: string;
  feedUrl: string;
  /** Report pages being answered right now. */
  inFlight(): number;
  /** Requests seen, by path. */
  requests: Map<string, number>;
  close(): Promise<void>;
}

function reportPage(i: number): string {
  const paragraphs = [
    `Officials said on Monday that ${120 + i} trucks carrying grain crossed the northern border during the week.`,
    `The ministry added that ${30 + i} more were expected before the end of the month, weather permitting.`,
    'Traders at the market described the flow as steady but slower than in the same season last year.',
    'A spokesman for the port authority declined to comment on the figures when reached by telephone.',
    'Independent monitors have counted the convoys since the spring and publish their tallies every Friday.',
  ];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Border report ${i}</title></head>
<body><header><nav><a href="/">Home</a></nav></header><article><h1>Border report ${i}</h1>
<p class="byline">By a staff reporter</p>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article>
<footer>Copyright the site</footer></body></html>`;
}

export async function startSlowSite(items: number, delayMs: number): Promise<SlowSite> {
  let inFlight = 0;
  const requests = new Map<string, number>();
  let origin = '';
  const feed = () =>
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Border desk</title><link>${origin}/</link>${Array.from(
      { length: items },
      (_, i) =>
        `<item><title>Border report ${i}</title><link>${origin}/reports/${i}.html</link><guid>${origin}/reports/${i}.html</guid><pubDate>Mon, 02 Dec 2024 ${String(8 + (i % 10)).padStart(2, '0')}:00:00 GMT</pubDate></item>`,
    ).join('')}</channel></rss>`;
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.set(path, (requests.get(path) ?? 0) + 1);
    if (path === '/feed.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed());
      return;
    }
    const m = /^\/reports\/(\d+)\.html$/.exec(path);
    if (!m) {
      res.writeHead(404).end();
      return;
    }
    inFlight++;
    setTimeout(() => {
      inFlight--;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(reportPage(Number(m[1])));
    }, delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    origin,
    feedUrl: `${origin}/feed.xml`,
    inFlight: () => inFlight,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
