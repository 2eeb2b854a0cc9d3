import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from './apiErrors.ts';

/**
 * Who may call a route:
 * - `public`: anyone (health, docs);
 * - `read`: anyone, unless `API_READS_NEED_TOKEN` (then as `operator`);
 * - `operator`: the token (events, metrics, dashboard); open without one only when no token is
 *   configured, the API listens on loopback and `API_LOOPBACK_OPEN` is on (the default), to local
 *   requests, so the local demo works out of the box;
 * - `write`: the token, always (a write is never open, not even on loopback).
 */
export type Access = 'public' | 'read' | 'operator' | 'write';

export interface AuthSettings {
  token: string | undefined;
  readsNeedToken: boolean;
  /** The host the API listens on (config `API_HOST`). */
  listenHost: string;
  /**
   * Whether operator routes are open to local requests when no token is configured (config
   * `API_LOOPBACK_OPEN`). Off for a proxy on the same machine that sends no forwarding header.
   * @defaultValue true
   */
  loopbackOpen?: boolean;
}

/**
 * Headers a proxy adds to what it forwards (RFC 7239 and the de facto ones of nginx, Apache, Caddy,
 * HAProxy, Traefik and the cloud balancers). A browser on this machine sends none of them.
 */
export const FORWARDING_HEADERS = [
  'forwarded',
  'x-forwarded-for',
  'x-real-ip',
  'x-forwarded-host',
  'x-forwarded-proto',
  'via',
] as const;

export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  if (h.startsWith('::ffff:')) return isLoopbackHost(h.slice(7));
  return isIP(h) === 4 && h.startsWith('127.');
}

/**
 * Whether a request comes from this machine for this machine: it arrived on a loopback address,
 * from a loopback client (behind a trusted proxy: the client the proxy names), for a loopback Host,
 * and no proxy forwarded it. A reverse proxy on the same machine connects over loopback too; the
 * Host it passes on and its forwarding headers tell its requests apart from a local browser's. One
 * that rewrites Host to a loopback name and adds no forwarding header cannot be told apart: that is
 * what `API_LOOPBACK_OPEN=false` (or a token) is for.
 */
export function isLocalRequest(request: FastifyRequest): boolean {
  const local = request.socket?.localAddress;
  if (local !== undefined && !isLoopbackHost(local)) return false;
  if (!isLoopbackHost(request.ip)) return false;
  if (FORWARDING_HEADERS.some((name) => request.headers[name] !== undefined)) return false;
  const host = request.host;
  const name = host.startsWith('[') ? host.slice(1, host.indexOf(']')) : host.split(':', 1)[0]!;
  return isLoopbackHost(name) || name.toLowerCase().endsWith('.localhost');
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}

/** The credential a request presents: `Bearer <token>`, or Basic with the token as password (browsers). */
export function presentedToken(authorization: string | undefined): string | null {
  if (!authorization) return null;
  const m = /^\s*(\S+)\s+(.+?)\s*$/.exec(authorization);
  if (!m) return null;
  const scheme = m[1]!.toLowerCase();
  if (scheme === 'bearer') return m[2]!;
  if (scheme === 'basic') {
    const decoded = Buffer.from(m[2]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon < 0 ? null : decoded.slice(colon + 1);
  }
  return null;
}

/**
 * Checks requests against the token. Both sides are hashed to fixed-length digests first, so the
 * comparison takes the same time whatever the presented token's length or content.
 */
export class Authenticator {
  readonly #expected: Buffer | null;
  readonly #settings: AuthSettings;

  constructor(settings: AuthSettings) {
    this.#settings = settings;
    this.#expected = settings.token ? digest(settings.token) : null;
  }

  /** Whether a token is configured. */
  get hasToken(): boolean {
    return this.#expected !== null;
  }

  tokenMatches(presented: string | null): boolean {
    if (this.#expected === null) return false;
    // Hash even when nothing was presented: the same work on every path.
    const given = digest(presented ?? '');
    return timingSafeEqual(given, this.#expected) && presented !== null;
  }

  /** Whether the route is open without a token for this request. */
  #openWithoutToken(access: Access, request: FastifyRequest): boolean {
    if (access === 'public') return true;
    if (access === 'read' && !this.#settings.readsNeedToken) return true;
    if (access === 'write' || this.#expected !== null) return false;
    // No token configured: operator routes (and tokened reads) are open to local requests only,
    // unless the operator turned that off.
    if (this.#settings.loopbackOpen === false) return false;
    return isLoopbackHost(this.#settings.listenHost) && isLocalRequest(request);
  }

  /** Throws `TALLY_ERR_UNAUTHORIZED` / `TALLY_ERR_TOKEN_NOT_CONFIGURED` unless the request may pass. */
  check(access: Access, request: FastifyRequest, reply: FastifyReply, challenge: 'bearer' | 'basic'): void {
    if (this.#openWithoutToken(access, request)) return;
    reply.header(
      'www-authenticate',
      challenge === 'basic' ? 'Basic realm="Tally", charset="UTF-8"' : 'Bearer realm="Tally"',
    );
    if (this.#expected === null) throw new ApiError('TALLY_ERR_TOKEN_NOT_CONFIGURED');
    const presented = presentedToken(request.headers.authorization);
    if (!this.tokenMatches(presented)) {
      throw new ApiError(
        'TALLY_ERR_UNAUTHORIZED',
        presented === null ? 'a bearer token is required' : 'the token is not valid',
      );
    }
  }
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route (see `Access`); routes without one need the operator's token. */
    access?: Access;
    /** How a refusal asks for credentials: `basic` makes browsers prompt (dashboard pages). */
    challenge?: 'bearer' | 'basic';
  }
}
