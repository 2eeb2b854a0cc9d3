import { isIPv4, isIPv6 } from 'node:net';

/**
 * The client a per-client limit counts: the token's holder (`holder`: `token` for the admin token,
 * `token:<tokenId>` for a scoped one), else the address the request came from (the client's,
 * behind a trusted proxy). An IPv6 client is its /64: one host commonly owns a whole /64, so
 * counting single addresses would give it billions of slots.
 */
export function clientKeyOf(address: string | undefined, holder: string | null): string {
  if (holder !== null) return holder;
  if (address === undefined || address === '') return 'address:unknown';
  const ip = address.toLowerCase().replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
  if (mapped && isIPv4(mapped[1]!)) return `address:${mapped[1]}`;
  if (isIPv6(ip)) return `address:${ipv6Prefix64(ip)}::/64`;
  return `address:${ip}`;
}

/** The first four groups of an IPv6 address, expanded (`2001:db8::1` → `2001:db8:0:0`). */
function ipv6Prefix64(ip: string): string {
  const withoutZone = ip.split('%')[0]!;
  const [head = '', tail = ''] = withoutZone.split('::') as [string, string?];
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = withoutZone.includes('::') ? (tail === '' ? [] : tail.split(':')) : [];
  // An embedded IPv4 tail counts as two groups.
  const count = (groups: string[]) => groups.reduce((n, g) => n + (g.includes('.') ? 2 : 1), 0);
  const missing = withoutZone.includes('::') ? 8 - count(headGroups) - count(tailGroups) : 0;
  const groups = [...headGroups, ...Array<string>(Math.max(0, missing)).fill('0'), ...tailGroups];
  return groups
    .slice(0, 4)
    .map((g) => (g.includes('.') ? g : Number.parseInt(g, 16).toString(16)))
    .join(':');
}
