import { maskIssuedTokens } from '@tally/ingest';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { redactUrlCredentials } from './urlCredentials.ts';

/**
 * What the API's logs never hold: the admin token and any string shaped like an issued scoped
 * token (`tly_…`; wherever a client put it: a header, the path, the query string), the values of query parameters named like secrets (`token`, `access_token`,
 * `api_key`, `password`, `signature`, …: clients and proxies put credentials there), and the
 * credentials of URLs passed as parameters or in the path. Headers are not logged at all.
 *
 * Fastify logs every request's URL as sent; these serializers replace its own, so the masking holds
 * at every level and for every logger the app is given, not only for one configured with redaction.
 */

/** Names of query parameters whose values are secrets; matched anywhere in the name, case aside. */
const SECRET_PARAMETER = /token|secret|passw|pwd|auth|api[-_]?key|^key$|signature|^sig$|session|credential|jwt|cookie/i;

const MASK = '***';

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replaceAll('+', ' '));
  } catch {
    return s;
  }
}

export class LogScrubber {
  /** The token as it may appear in a URL or a message: as given and percent-encoded. */
  readonly #token: readonly string[];

  constructor(token: string | undefined) {
    this.#token = token ? [...new Set([token, encodeURIComponent(token)])] : [];
  }

  /** `text` without the token and URL credentials. */
  text(text: string): string {
    let out = maskIssuedTokens(redactUrlCredentials(text), MASK);
    for (const t of this.#token) if (out.includes(t)) out = out.split(t).join(MASK);
    return out;
  }

  /** A request URL (path and query string) as it may be logged. */
  url(url: string): string {
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const decodedPath = decode(path);
    const safePath = redactUrlCredentials(decodedPath) === decodedPath ? path : redactUrlCredentials(decodedPath);
    if (q < 0) return this.text(safePath);
    const query = url
      .slice(q + 1)
      .split('&')
      .map((pair) => this.#parameter(pair))
      .join('&');
    return this.text(`${safePath}?${query}`);
  }

  #parameter(pair: string): string {
    const eq = pair.indexOf('=');
    if (eq < 0) return pair;
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    if (value !== '' && SECRET_PARAMETER.test(decode(name))) return `${name}=${MASK}`;
    const decoded = decode(value);
    const redacted = redactUrlCredentials(decoded);
    return redacted === decoded ? pair : `${name}=${encodeURIComponent(redacted)}`;
  }

  /**
   * Serializers for the API's logger, replacing Fastify's: a request is its method, URL (scrubbed),
   * host and client; an error's message and stack are scrubbed like any text.
   */
  serializers() {
    return {
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: this.url(request.url),
        host: request.host,
        remoteAddress: request.ip,
        remotePort: request.socket?.remotePort,
      }),
      res: (reply: FastifyReply) => ({ statusCode: reply.statusCode }),
      err: (err: unknown) => this.#error(err, 0),
    };
  }

  /** An error as pino's standard serializer writes it (type, message, stack, own fields, causes), scrubbed. */
  #error(err: unknown, depth: number): unknown {
    if (!(err instanceof Error)) return typeof err === 'string' ? this.text(err) : err;
    const out: Record<string, unknown> = {
      type: err.constructor?.name ?? err.name,
      message: this.text(err.message),
      stack: this.text(err.stack ?? ''),
    };
    for (const [key, value] of Object.entries(err)) {
      if (key in out || key === 'cause') continue;
      out[key] = typeof value === 'string' ? this.text(value) : value;
    }
    if (err.cause !== undefined && depth < 4) out.cause = this.#error(err.cause, depth + 1);
    return out;
  }
}
