import type { lookup as dnsLookup, LookupAddress, LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { type AllowList, isAllowedHost, isRefusedIp } from './isRefusedAddress.ts';

/** The resolver refused to hand out an address the SSRF guard forbids. */
export class RefusedAddressError extends Error {
  override readonly name = 'RefusedAddressError';
  readonly code = 'ERR_REFUSED_ADDRESS';
  constructor(
    readonly hostname: string,
    readonly address: string,
  ) {
    super(`${hostname} resolves to ${address}, a refused address (not on the allowlist)`);
  }
}

function resolveAll(resolver: typeof dnsLookup, hostname: string, family: number): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => {
    const options: LookupOptions & { all: true } = { all: true, family };
    resolver(hostname, options, (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => {
      if (err) reject(err);
      else if (!Array.isArray(addresses) || addresses.length === 0) {
        reject(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND', hostname }));
      } else resolve(addresses);
    });
  });
}

/**
 * A `lookup` for the sockets undici opens: resolves every address of the host itself, refuses the
 * whole host if any of them is refused (an attacker's DNS may mix a public and a private answer),
 * and hands the socket exactly the addresses it vetted. The socket connects to what was checked,
 * so there is no second resolution for DNS rebinding to slip into.
 */
export function createGuardedLookup(resolver: typeof dnsLookup, allow: AllowList): LookupFunction {
  return (hostname, options, callback) => {
    const requested = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
    resolveAll(resolver, hostname, requested === 4 || requested === 6 ? requested : 0).then(
      (addresses) => {
        if (!isAllowedHost(hostname, allow)) {
          const refused = addresses.find((a) => isRefusedIp(a.address, allow));
          if (refused) {
            callback(new RefusedAddressError(hostname, refused.address), '', 0);
            return;
          }
        }
        if (options.all) callback(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, '', 0),
    );
  };
}
