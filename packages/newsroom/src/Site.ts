import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';

/** One response the newsroom can serve. */
export interface Resource {
  status: number;
  /** Full `Content-Type`, charset included where it applies. */
  contentType: string;
  body: Buffer;
  /** Strong validator of the identity body; null for error pages. */
  etag: string | null;
  lastModified: Date | null;
  cacheControl: string | null;
}

/** Everything served under one origin: path (no query) to resource. */
export interface Site {
  resolve(pathname: string): Resource | undefined;
}

export interface ResourceOptions {
  status?: number;
  /** Encoding of a string body: `utf-8` (default) or any encoding iconv-lite knows, e.g. `windows-1251`. */
  charset?: string;
  lastModified?: Date | null;
  cacheControl?: string | null;
}

export function makeResource(body: Buffer | string, contentType: string, options: ResourceOptions = {}): Resource {
  const charset = options.charset ?? 'utf-8';
  const bytes =
    typeof body === 'string'
      ? /^utf-?8$/i.test(charset)
        ? Buffer.from(body, 'utf8')
        : iconv.encode(body, charset)
      : body;
  const status = options.status ?? 200;
  return {
    status,
    contentType,
    body: bytes,
    etag: status === 200 ? `"${createHash('sha1').update(bytes).digest('base64url').slice(0, 22)}"` : null,
    // HTTP dates have whole seconds; dropping the milliseconds keeps If-Modified-Since comparisons exact.
    lastModified: options.lastModified ? new Date(Math.floor(options.lastModified.getTime() / 1000) * 1000) : null,
    cacheControl: options.cacheControl ?? null,
  };
}
