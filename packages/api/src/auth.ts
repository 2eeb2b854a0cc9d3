import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import { type TokenScope, tokenScopes } from '@tally/events';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from './apiErrors.ts';
import { clientKeyOf } from './clientKey.ts';
import type { Caller, ScopedTokens } from './scopedTokens.ts';

/**
 * Who may call a route:
 * - `public`: anyone (health, docs);
 * - `read`: anyone, unless `API_READS_NEED_TOKEN` (then a token with the `read` scope, opened as
 *   `operator` routes are when no admin token is configured);
 * - `operator`: a token with the `operator` scope (events, streams, metrics, dashboard, job
 *   actions); open without one only when no admin token (`API_TOKEN`) is configured, the API
 *   listens on loopback and `API_LOOPBACK_OPEN` is on (the default), to local requests, so the
 *   local demo works out of the box;
 * - `write`: a token with the `write` scope (feeds, webhooks), always (never open, not even on loopback);
 * - `tokens`: a token with the `operator` scope, always: issuing and revoking tokens is never open.
 *
 * The admin token (`API_TOKEN`) holds every scope; a scoped token (`POST /tokens`) holds its own.
 */
export type Access = 'public' | 'read' | 'operator' | 'write' | 'tokens';

/**
 * Whether a request's forms can make changes (a page's `write` routes): `granted` (its token holds
 * the write scope), `ask` (it carries no token: the browser asks for one when a form is sent),
 * `scope-missing` (its token has no write scope), `no-token` (no token could open a write at all).
 */
export type WriteAccess = 'granted' | 'ask' | 'scope-missing' | 'no-token';

/** The scope a route's access asks of a token. */
export function scopeFor(access: Exclude<Access, 'public'>): TokenScope {
  return access === 'tokens' ? 'operator' : access;
}

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
 * Checks requests against the admin token and the live scoped tokens. Both sides are hashed to
 * fixed-length digests first, so a comparison takes the same time whatever the presented token's
 * length or content.
 */
export class Authenticator {
  readonly #expected: Buffer | null;
  readonly #settings: AuthSettings;
  readonly #scoped: ScopedTokens | null;

  constructor(settings: AuthSettings, scoped: ScopedTokens | null = null) {
    this.#settings = settings;
    this.#expected = settings.token ? digest(settings.token) : null;
    this.#scoped = scoped;
  }

  /** Whether the admin token is configured. */
  get hasToken(): boolean {
    return this.#expected !== null;
  }

  /** Whether any token (the admin token or a live scoped one) can open a write. */
  get anyToken(): boolean {
    return this.#expected !== null || (this.#scoped?.any ?? false);
  }

  tokenMatches(presented: string | null): boolean {
    if (this.#expected === null) return false;
    // Hash even when nothing was presented: the same work on every path.
    const given = digest(presented ?? '');
    return timingSafeEqual(given, this.#expected) && presented !== null;
  }

  /** Who holds the presented token: the admin, a live scoped token's holder, or nobody (null). */
  callerOf(presented: string | null): Caller | null {
    if (this.tokenMatches(presented)) return { kind: 'admin', scopes: tokenScopes };
    if (presented === null || this.#scoped === null) return null;
    return this.#scoped.match(presented);
  }

  /** Whether the request's own credentials can make changes (see `WriteAccess`); the write routes still check. */
  writeAccessOf(request: FastifyRequest): WriteAccess {
    const caller = this.callerOf(presentedToken(request.headers.authorization));
    if (caller?.scopes.includes('write')) return 'granted';
    if (caller !== null) return 'scope-missing';
    return this.anyToken ? 'ask' : 'no-token';
  }

  /** The client a per-client limit counts the request against (see `clientKeyOf`). */
  clientOf(request: FastifyRequest): string {
    const caller = this.callerOf(presentedToken(request.headers.authorization));
    const holder = caller === null ? null : caller.kind === 'admin' ? 'token' : `token:${caller.tokenId}`;
    return clientKeyOf(request.ip, holder);
  }

  /** Loads the scoped tokens again when the set held is stale (before `check` on each request). */
  async refresh(): Promise<void> {
    await this.#scoped?.refresh();
  }

  /** Whether the route is open without a token for this request. */
  #openWithoutToken(access: Access, request: FastifyRequest): boolean {
    if (access === 'public') return true;
    if (access === 'read' && !this.#settings.readsNeedToken) return true;
    if (access === 'write' || access === 'tokens' || this.#expected !== null) return false;
    // No token configured: operator routes (and tokened reads) are open to local requests only,
    // unless the operator turned that off.
    if (this.#settings.loopbackOpen === false) return false;
    return isLoopbackHost(this.#settings.listenHost) && isLocalRequest(request);
  }

  /**
   * Throws unless the request may pass: `TALLY_ERR_UNAUTHORIZED` for no token, an unknown or a
   * revoked one (`TALLY_ERR_TOKEN_NOT_CONFIGURED` when no token at all could open the route), and
   * `TALLY_ERR_FORBIDDEN_SCOPE` for a valid token without the route's scope.
   */
  check(access: Access, request: FastifyRequest, reply: FastifyReply, challenge: 'bearer' | 'basic'): void {
    if (access === 'public' || this.#openWithoutToken(access, request)) return;
    const presented = presentedToken(request.headers.authorization);
    const caller = this.callerOf(presented);
    const scope = scopeFor(access);
    if (caller !== null) {
      if (caller.scopes.includes(scope)) return;
      throw new ApiError(
        'TALLY_ERR_FORBIDDEN_SCOPE',
        `this route needs a token with the ${scope} scope; this one has ${caller.scopes.join(', ')}`,
        { needed: scope, scopes: caller.scopes },
      );
    }
    reply.header(
      'www-authenticate',
      challenge === 'basic' ? 'Basic realm="Tally", charset="UTF-8"' : 'Bearer realm="Tally"',
    );
    if (!this.anyToken) throw new ApiError('TALLY_ERR_TOKEN_NOT_CONFIGURED');
    throw new ApiError(
      'TALLY_ERR_UNAUTHORIZED',
      presented === null ? 'a bearer token is required' : 'the token is not valid',
    );
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
