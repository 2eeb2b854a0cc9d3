import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A feed server on 127.0.0.1 for the poller's integration tests: each path answers through its own
 * handler, every request is recorded, and closing destroys whatever is still open (stalled
 * responses included), so a test never waits on its own server.
 */
export interface FeedTestServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  route(path: string, handler: (req: IncomingMessage, res: ServerResponse) => void): void;
  /** Requests received, in order. */
  requests: { path: string; headers: IncomingHttpHeaders }[];
  /** How many requests a path received. */
  hits(path: string): number;
  close(): Promise<void>;
}

export async function startFeedTestServer(): Promise<FeedTestServer> {
  const routes = new Map<string, (req: IncomingMessage, res: ServerResponse) => void>();
  const requests: FeedTestServer['requests'] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    requests.push({ path, headers: req.headers });
    const handler = routes.get(path);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    handler(req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    route: (path, handler) => void routes.set(path, handler),
    requests,
    hits: (path) => requests.filter((r) => r.path === path).length,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export interface TestItem {
  title: string;
  link?: string | null;
  guid?: string;
  /** Printed as is in `<pubDate>`. */
  pubDate?: string;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** An RSS 2.0 document. */
export function rssDocument(title: string, items: readonly TestItem[], extraChannel = ''): string {
  const body = items
    .map((i) => {
      let x = `<item><title>${escapeXml(i.title)}</title>`;
      if (i.link) x += `<link>${escapeXml(i.link)}</link>`;
      if (i.guid) x += `<guid isPermaLink="false">${escapeXml(i.guid)}</guid>`;
      if (i.pubDate) x += `<pubDate>${escapeXml(i.pubDate)}</pubDate>`;
      return `${x}<description>About ${escapeXml(i.title)}</description></item>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>${escapeXml(title)}</title><link>https://news.example.org/</link>${extraChannel}\n${body}\n</channel></rss>\n`;
}

/** `count` items linking to `https://<site>/story/<n>`, an hour apart. */
export function numberedItems(site: string, count: number, from = 0): TestItem[] {
  return Array.from({ length: count }, (_, k) => {
    const n = from + k;
    return {
      title: `Story ${n} from ${site}`,
      link: `https://${site}/story/${n}`,
      guid: `${site}-${n}`,
      pubDate: new Date(Date.UTC(2024, 4, 3, 12) - n * 3_600_000).toUTCString(),
    };
  });
}

/** Serves a fixed document with an ETag and Last-Modified, answering 304 to matching validators. */
export function conditional(
  body: () => string,
  options: { etag?: () => string | null; lastModified?: string | null; contentType?: string } = {},
) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const etag = options.etag ? options.etag() : null;
    const lastModified = options.lastModified ?? null;
    const headers: Record<string, string> = {
      'content-type': options.contentType ?? 'application/rss+xml; charset=utf-8',
    };
    if (etag) headers.etag = etag;
    if (lastModified) headers['last-modified'] = lastModified;
    const inm = req.headers['if-none-match'];
    const ims = req.headers['if-modified-since'];
    if ((etag && inm === etag) || (!etag && lastModified && ims === lastModified)) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(200, headers).end(body());
  };
}
