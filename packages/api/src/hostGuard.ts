import { isIP } from 'node:net';
import { ApiError } from './apiErrors.ts';

/**
 * Which Host and Origin a request may carry. A page on any web site can point a name of its own at
 * 127.0.0.1 (DNS rebinding) and then call the API as if it were Tally's own page: what stops it is
 * that its requests carry its name as Host. A page can also send a write to 127.0.0.1 without any
 * rebinding (a "simple" cross-origin request); what stops that is the Origin browsers put on it.
 */
export interface HostGuardSettings {
  /** `API_ALLOWED_HOSTS`: names (`tally.example.org`), suffixes (`*.example.org`) or `*` for any. */
  allowedHosts: readonly string[];
  /** `API_HOST`: when it is a name, the API answers to it too. */
  listenHost: string;
}

/** Methods that change nothing: their Origin is not checked. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The host name of a Host header value (`name`, `name:port`, `[v6]:port`), lower case, no final dot. */
export function hostNameOf(host: string): string | null {
  const h = host.trim().toLowerCase();
  let name: string;
  if (h.startsWith('[')) {
    const end = h.indexOf(']');
    if (end < 0) return null;
    name = h.slice(1, end);
    const rest = h.slice(end + 1);
    if (rest !== '' && !/^:\d{1,5}$/.test(rest)) return null;
  } else {
    const m = /^([^:]*)(?::\d{1,5})?$/.exec(h);
    if (!m) return null;
    name = m[1]!;
  }
  name = name.replace(/\.$/, '');
  if (name === '') return null;
  // A name as browsers send it: letters, digits, hyphens, dots (IDNs arrive as punycode).
  if (isIP(name) === 0 && !/^[a-z0-9_-]+(?:\.[a-z0-9_-]+)*$/.test(name)) return null;
  return name;
}

/** `host` as a URL of `protocol` writes it (the scheme's default port left out), or null. */
function sameSchemeHost(protocol: string, host: string): string | null {
  try {
    return new URL(`${protocol}//${host.trim()}`).host;
  } catch {
    return null;
  }
}

function matches(name: string, entry: string): boolean {
  const e = entry.trim().toLowerCase().replace(/\.$/, '');
  if (e === '*') return true;
  if (e.startsWith('*.')) return name.endsWith(e.slice(1));
  return name === e;
}

export class HostGuard {
  /** Names configured by the operator (the allowlist and a named `API_HOST`). */
  readonly #configured: readonly string[];

  constructor(settings: HostGuardSettings) {
    const listen = hostNameOf(settings.listenHost);
    const listenIsName = listen !== null && isIP(listen) === 0 && listen !== 'localhost';
    this.#configured = [...settings.allowedHosts, ...(listenIsName ? [listen] : [])];
  }

  /**
   * Whether the API answers to this host name: loopback names (`localhost`, `*.localhost`, which
   * browsers resolve to loopback themselves), any IP literal (a page cannot rebind an address it
   * does not own), and the configured names.
   */
  allowsHostName(name: string): boolean {
    if (isIP(name) !== 0) return true;
    if (name === 'localhost' || name.endsWith('.localhost')) return true;
    return this.#configured.some((entry) => matches(name, entry));
  }

  /**
   * Throws `TALLY_ERR_HOST_NOT_ALLOWED` unless `host` (the Host header, or X-Forwarded-Host from a
   * trusted proxy) names this API, and `TALLY_ERR_ORIGIN_NOT_ALLOWED` when a write comes from a page
   * of another origin.
   */
  check(method: string, host: string | undefined, origin: string | undefined): void {
    const name = host === undefined ? null : hostNameOf(host);
    if (name === null || !this.allowsHostName(name)) {
      throw new ApiError(
        'TALLY_ERR_HOST_NOT_ALLOWED',
        name === null
          ? 'the request has no valid Host header'
          : `this API does not answer to the host ${name}: add it to API_ALLOWED_HOSTS`,
      );
    }
    if (origin === undefined || SAFE_METHODS.has(method.toUpperCase())) return;
    if (!this.allowsOrigin(origin, host!)) {
      throw new ApiError('TALLY_ERR_ORIGIN_NOT_ALLOWED');
    }
  }

  /**
   * A write's Origin passes when it is the API's own (same host and port as the request's Host), or
   * names a host the operator configured (a proxy in front may rewrite Host); `null` and anything
   * unparsable never pass.
   */
  allowsOrigin(origin: string, host: string): boolean {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return false;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
    if (url.host === sameSchemeHost(url.protocol, host)) return true;
    const name = hostNameOf(url.host);
    return name !== null && this.#configured.some((entry) => matches(name, entry));
  }
}
