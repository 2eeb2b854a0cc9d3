import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { gzip, constants as zlibConstants } from 'node:zlib';
import type { Corpus } from './Corpus.ts';
import { buildCorpusSite } from './corpusSite.ts';
import { buildDemoSite } from './demoNewsroom.ts';
import type { Newsroom, NewsroomStats } from './Newsroom.ts';
import { defaultSeedsDir, loadSeeds } from './Seed.ts';
import { makeResource, type Resource, type Site } from './Site.ts';
import { notFoundPage } from './siteChrome.ts';

const gzipAsync = promisify(gzip);

export interface NewsroomOptions {
  /** @defaultValue `127.0.0.1` */
  host?: string;
  /** @defaultValue `0` (a free port) */
  port?: number;
  /**
   * Where others reach the newsroom (`http://newsroom:8099` in a container network), for the
   * addresses its pages and feeds give: canonical links, feed items, `url` of the result.
   * @defaultValue `http://<host>:<port>` it listens on
   */
  origin?: string;
  /** Directory of the seed reports. @defaultValue {@link defaultSeedsDir} */
  seedsDir?: string;
  /** Serve this generated corpus instead of the seed reports. */
  corpus?: Corpus;
  /**
   * Compress responses for clients that accept gzip. Turning it off lets a benchmark keep the
   * newsroom's own CPU cost (a few ms per 300 KB page) out of what it measures.
   * @defaultValue true
   */
  gzip?: boolean;
  /** With `corpus`: render its article pages up front (see `CorpusSiteOptions.prerender`). @defaultValue false */
  prerender?: boolean;
}

/** Bodies smaller than this go out uncompressed, as most servers do. */
const minGzipBytes = 512;

function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== 'x-gzip' && coding !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

function compressible(contentType: string): boolean {
  return /^(text\/|application\/(?:[\w.+-]*\+)?(?:xml|json|javascript))/i.test(contentType);
}

/** Weak comparison (RFC 9110 §8.8.3.2): `W/` prefixes are ignored, `*` matches anything. */
function etagMatches(header: string, etag: string): boolean {
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((candidate) => {
    const c = candidate.trim();
    return c === '*' || c.replace(/^W\//, '') === bare;
  });
}

function notModified(req: IncomingMessage, resource: Resource): boolean {
  if (resource.status !== 200) return false;
  const ifNoneMatch = req.headers['if-none-match'];
  // When both validators are sent, If-None-Match wins (RFC 9110 §13.2.2).
  if (ifNoneMatch !== undefined) return resource.etag !== null && etagMatches(ifNoneMatch, resource.etag);
  const ifModifiedSince = req.headers['if-modified-since'];
  if (ifModifiedSince === undefined || resource.lastModified === null) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && resource.lastModified.getTime() <= since;
}

/**
 * Starts the newsroom on loopback: the demo outlets built from the seed reports, or a generated
 * corpus. Unknown paths answer 404; GET and HEAD are served, with ETag / Last-Modified validators,
 * 304 on a matching conditional request, and gzip when the client accepts it.
 */
export async function startNewsroom(options: NewsroomOptions = {}): Promise<Newsroom> {
  const host = options.host ?? '127.0.0.1';
  const gzipEnabled = options.gzip ?? true;
  let site: Site | null = null;
  const stats: NewsroomStats = { requests: 0, byStatus: {}, bytesSent: 0 };
  const gzipCache = new WeakMap<Resource, Buffer>();

  const send = (res: ServerResponse, status: number, headers: Record<string, string | number>, body: Buffer | null) => {
    stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
    res.writeHead(status, headers);
    if (body) stats.bytesSent += body.length;
    res.end(body ?? undefined);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    stats.requests++;
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      send(
        res,
        405,
        { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': 18 },
        Buffer.from('Method Not Allowed'),
      );
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURI(new URL(req.url ?? '/', 'http://newsroom.invalid').pathname);
    } catch {
      const message = Buffer.from('Bad Request');
      send(res, 400, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': message.length }, message);
      return;
    }
    const found = site?.resolve(pathname);
    const resource =
      found ??
      makeResource(notFoundPage(pathname), 'text/html; charset=utf-8', { status: 404, cacheControl: 'no-store' });
    const headers: Record<string, string | number> = { 'Content-Type': resource.contentType };
    if (resource.cacheControl) headers['Cache-Control'] = resource.cacheControl;
    if (resource.lastModified) headers['Last-Modified'] = resource.lastModified.toUTCString();
    const gzipped = compressible(resource.contentType) && resource.body.length >= minGzipBytes;
    if (gzipped && gzipEnabled) headers.Vary = 'Accept-Encoding';
    const useGzip = gzipEnabled && gzipped && acceptsGzip(req.headers['accept-encoding']);
    // The gzip representation gets a weak validator: equivalent content, different bytes.
    if (resource.etag) headers.ETag = useGzip ? `W/${resource.etag}` : resource.etag;

    if (notModified(req, resource)) {
      delete headers['Content-Type'];
      send(res, 304, headers, null);
      return;
    }
    let body = resource.body;
    if (useGzip) {
      let compressed = gzipCache.get(resource);
      if (!compressed) {
        // Large generated pages favour speed: the newsroom must not be what a benchmark measures.
        const level = body.length > 64 * 1024 ? zlibConstants.Z_BEST_SPEED : zlibConstants.Z_DEFAULT_COMPRESSION;
        compressed = await gzipAsync(body, { level });
        if (found) gzipCache.set(resource, compressed);
      }
      body = compressed;
      headers['Content-Encoding'] = 'gzip';
    }
    headers['Content-Length'] = body.length;
    send(res, resource.status, headers, method === 'HEAD' ? null : body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        const message = Buffer.from(`Internal error: ${error instanceof Error ? error.message : String(error)}`);
        send(res, 500, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': message.length }, message);
      } else {
        res.destroy();
      }
    });
  });
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = options.origin?.replace(/\/+$/, '') ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  try {
    const built = options.corpus
      ? buildCorpusSite(options.corpus, origin, { prerender: options.prerender ?? false })
      : { ...buildDemoSite(loadSeeds(options.seedsDir ?? defaultSeedsDir()), origin), manifest: null };
    site = built.site;
    return {
      url: origin,
      host,
      port,
      feeds: built.feeds,
      articles: built.articles,
      manifest: built.manifest,
      body: (pathname) => site?.resolve(pathname)?.body,
      stats: () => ({ requests: stats.requests, byStatus: { ...stats.byStatus }, bytesSent: stats.bytesSent }),
      close: () =>
        new Promise<void>((resolve, reject) => {
          server.close((error) => (error ? reject(error) : resolve()));
          server.closeAllConnections();
        }),
    };
  } catch (error) {
    server.closeAllConnections();
    server.close();
    throw error;
  }
}
