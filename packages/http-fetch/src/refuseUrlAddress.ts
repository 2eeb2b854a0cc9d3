import { isIP } from 'node:net';
import { FetchError } from './FetchError.ts';
import { type AllowList, isAllowedEndpoint, isRefusedHostPort, isRefusedIp } from './isRefusedAddress.ts';

/**
 * Refuses a URL whose host is an IP literal the guard refuses, or a host allowlisted only on other
 * ports: an IP literal never reaches the resolver, and the resolver is never told the port, so both
 * are checked here, before any request (`refused-address`).
 */
export function refuseUrlAddress(url: URL, allow: AllowList): void {
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
  if (isIP(literal) && isRefusedIp(literal, allow) && !isAllowedEndpoint(literal, port, allow)) {
    throw new FetchError('refused-address', `${literal} is a refused address (not on the allowlist)`, {
      url: url.href,
    });
  }
  if (!isIP(literal) && isRefusedHostPort(literal, port, allow)) {
    throw new FetchError('refused-address', `${literal} is allowlisted on other ports than ${port}`, {
      url: url.href,
    });
  }
}
