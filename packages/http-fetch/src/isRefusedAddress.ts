import { isIP } from 'node:net';

/** An IP address as bytes: 4 for IPv4, 16 for IPv6. */
interface IpBytes {
  family: 4 | 6;
  bytes: Uint8Array;
}

interface Cidr extends IpBytes {
  prefix: number;
}

/** A compiled SSRF allowlist: exact host names, `*.suffix` host names, IPs and CIDR ranges. */
export interface AllowList {
  hosts: ReadonlySet<string>;
  hostSuffixes: readonly string[];
  ranges: readonly Cidr[];
  /** `ip:port` entries: that address, on that port only. */
  endpoints: readonly (IpBytes & { port: number })[];
  /** `host:port` entries: that host name, on those ports only. */
  hostPorts: ReadonlyMap<string, ReadonlySet<number>>;
}

/**
 * Parses an IPv4 or IPv6 address (brackets and an IPv6 zone id are accepted and ignored).
 * Returns null for anything else.
 */
export function parseIp(text: string): IpBytes | null {
  let ip = text.trim();
  if (ip.startsWith('[') && ip.endsWith(']')) ip = ip.slice(1, -1);
  const zone = ip.indexOf('%');
  if (zone >= 0) ip = ip.slice(0, zone);
  const family = isIP(ip);
  if (family === 4) return { family: 4, bytes: Uint8Array.from(ip.split('.').map(Number)) };
  if (family !== 6) return null;

  const bytes = new Uint8Array(16);
  let tail = ip;
  // A dotted-quad tail (::ffff:127.0.0.1) fills the last four bytes.
  let v4Tail: number[] | null = null;
  const lastColon = tail.lastIndexOf(':');
  if (tail.includes('.', lastColon)) {
    v4Tail = tail
      .slice(lastColon + 1)
      .split('.')
      .map(Number);
    tail = `${tail.slice(0, lastColon + 1)}0:0`;
  }
  const [head = '', rest] = tail.split('::') as [string, string | undefined];
  const headGroups = head === '' ? [] : head.split(':');
  const restGroups = rest === undefined || rest === '' ? [] : rest.split(':');
  const groups =
    rest === undefined
      ? headGroups
      : [...headGroups, ...new Array<string>(8 - headGroups.length - restGroups.length).fill('0'), ...restGroups];
  groups.forEach((g, i) => {
    const n = Number.parseInt(g, 16);
    bytes[i * 2] = n >> 8;
    bytes[i * 2 + 1] = n & 0xff;
  });
  if (v4Tail) bytes.set(v4Tail, 12);
  return { family: 6, bytes };
}

function cidr(text: string): Cidr {
  const [address = '', bits] = text.split('/');
  const ip = parseIp(address);
  const max = ip?.family === 4 ? 32 : 128;
  const prefix = bits === undefined ? max : Number(bits);
  if (!ip || !/^\d+$/.test(bits ?? String(max)) || prefix > max) {
    throw new TypeError(`not an IP address or CIDR range: ${JSON.stringify(text)}`);
  }
  return { ...ip, prefix };
}

function inRange(ip: IpBytes, range: Cidr): boolean {
  if (ip.family !== range.family) return false;
  let bits = range.prefix;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((ip.bytes[i]! & mask) !== (range.bytes[i]! & mask)) return false;
  }
  return true;
}

function sameAddress(a: IpBytes, b: IpBytes): boolean {
  return a.family === b.family && a.bytes.every((byte, i) => byte === b.bytes[i]);
}

/**
 * Ranges never fetched unless allowlisted. Beyond loopback / private / link-local / CGNAT /
 * multicast / unspecified, the other special-purpose blocks (documentation, benchmarking, reserved)
 * are here too: no news site lives there, and a fetch to them can only be a mistake or a probe.
 */
const refusedV4 = [
  '0.0.0.0/8', // "this network", includes 0.0.0.0 which reaches the local host on Linux
  '10.0.0.0/8',
  '100.64.0.0/10', // carrier-grade NAT
  '127.0.0.0/8',
  '169.254.0.0/16', // link-local, includes 169.254.169.254 (cloud metadata)
  '172.16.0.0/12',
  '192.0.0.0/24', // IETF protocol assignments
  '192.0.2.0/24', // documentation
  '192.88.99.0/24', // 6to4 relay anycast (deprecated)
  '192.168.0.0/16',
  '198.18.0.0/15', // benchmarking
  '198.51.100.0/24', // documentation
  '203.0.113.0/24', // documentation
  '224.0.0.0/4', // multicast
  '240.0.0.0/4', // reserved, includes broadcast 255.255.255.255
].map(cidr);

const refusedV6 = [
  '::/128', // unspecified
  '::1/128', // loopback
  '64:ff9b:1::/48', // local-use IPv4/IPv6 translation
  '100::/64', // discard
  '2001::/32', // Teredo (an obfuscated IPv4 inside)
  '2001:2::/48', // benchmarking
  '2001:db8::/32', // documentation
  'fc00::/7', // unique local, includes fd00:ec2::254 (cloud metadata)
  'fe80::/10', // link-local
  'fec0::/10', // site-local (deprecated)
  'ff00::/8', // multicast
].map(cidr);

/**
 * Cloud metadata endpoints. Most already sit in a refused range; they are listed because a broad
 * allowlist range (say 169.254.0.0/16 for a lab network) must not open them: only an allowlist
 * entry naming the exact address does.
 */
const metadataAddresses = [
  '169.254.169.254', // AWS, GCP, Azure, OpenStack, DigitalOcean…
  'fd00:ec2::254', // AWS over IPv6
  '100.100.100.200', // Alibaba Cloud
  '168.63.129.16', // Azure host endpoint (a public address)
].map((a) => parseIp(a)!);

/** IPv6 forms that carry an IPv4 address: mapped, compatible, NAT64 well-known prefix, 6to4. */
function embeddedIpv4(ip: IpBytes): IpBytes | null {
  if (ip.family !== 6) return null;
  const b = ip.bytes;
  const zeros = (from: number, to: number) => b.subarray(from, to).every((x) => x === 0);
  if (zeros(0, 10) && b[10] === 0xff && b[11] === 0xff) return { family: 4, bytes: b.slice(12, 16) }; // ::ffff:a.b.c.d
  if (zeros(0, 8) && b[8] === 0xff && b[9] === 0xff && zeros(10, 12)) return { family: 4, bytes: b.slice(12, 16) }; // ::ffff:0:a.b.c.d
  if (zeros(0, 12) && !zeros(12, 16)) return { family: 4, bytes: b.slice(12, 16) }; // ::a.b.c.d (compatible)
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zeros(4, 12)) {
    return { family: 4, bytes: b.slice(12, 16) }; // 64:ff9b::a.b.c.d
  }
  if (b[0] === 0x20 && b[1] === 0x02) return { family: 4, bytes: b.slice(2, 6) }; // 2002:aabb:ccdd::
  return null;
}

/** `host:port`, `a.b.c.d:port` or `[v6]:port`; null for an entry without a port. */
function withPort(entry: string): { host: string; port: number } | null {
  const m = /^(\[[^\]]+\]|[^:[\]]+):(\d{1,5})$/.exec(entry);
  const port = Number(m?.[2]);
  if (!m || !(port >= 1 && port <= 65535)) return null;
  return { host: m[1]!.replace(/^\[|\]$/g, ''), port };
}

/**
 * Compiles allowlist entries; throws a TypeError naming a malformed IP or CIDR entry. An entry with
 * a port (`127.0.0.1:8080`, `[::1]:8080`, `news.local:8080`) lets its address or name through on
 * that port only: a local newsroom is reached, the other services of its machine are not.
 */
export function compileAllowList(entries: readonly string[] = []): AllowList {
  const hosts = new Set<string>();
  const hostSuffixes: string[] = [];
  const ranges: Cidr[] = [];
  const endpoints: (IpBytes & { port: number })[] = [];
  const hostPorts = new Map<string, Set<number>>();
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase().replace(/\.$/, '');
    if (entry === '') continue;
    const bound = parseIp(entry) ? null : withPort(entry);
    if (bound) {
      const ip = parseIp(bound.host);
      if (ip) endpoints.push({ ...ip, port: bound.port });
      else hostPorts.set(bound.host, (hostPorts.get(bound.host) ?? new Set()).add(bound.port));
    } else if (entry.includes('/') || parseIp(entry)) ranges.push(cidr(entry));
    else if (entry.startsWith('*.')) hostSuffixes.push(entry.slice(1));
    else hosts.add(entry);
  }
  return { hosts, hostSuffixes, ranges, endpoints, hostPorts };
}

/** Whether an `ip:port` entry lets this address through on this port. */
export function isAllowedEndpoint(address: string, port: number, allow: AllowList): boolean {
  const parsed = parseIp(address);
  if (!parsed) return false;
  const v4 = embeddedIpv4(parsed);
  const candidates = v4 ? [parsed, v4] : [parsed];
  return allow.endpoints.some((e) => e.port === port && candidates.some((c) => sameAddress(c, e)));
}

/**
 * Whether a host name is held to the ports its `host:port` entries name and `port` is not one of
 * them. The resolver never learns the port, so it lets such a name through; this check, made
 * before connecting, keeps it to its ports.
 */
export function isRefusedHostPort(hostname: string, port: number, allow: AllowList): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  const ports = allow.hostPorts.get(host);
  if (!ports || allow.hosts.has(host) || allow.hostSuffixes.some((suffix) => host.endsWith(suffix))) return false;
  return !ports.has(port);
}

/**
 * Whether a host name (not an IP) is allowlisted by name: exact, under a `*.suffix` entry, or
 * named with a port (which `isRefusedHostPort` checks before the connection).
 */
export function isAllowedHost(hostname: string, allow: AllowList): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return (
    allow.hosts.has(host) || allow.hostPorts.has(host) || allow.hostSuffixes.some((suffix) => host.endsWith(suffix))
  );
}

function refusedByRanges(ip: IpBytes): boolean {
  const ranges = ip.family === 4 ? refusedV4 : refusedV6;
  if (ranges.some((r) => inRange(ip, r))) return true;
  const v4 = embeddedIpv4(ip);
  return v4 !== null && refusedV4.some((r) => inRange(v4, r));
}

/** `isRefusedAddress` with an allowlist compiled once. */
export function isRefusedIp(address: string, allow: AllowList): boolean {
  const parsed = parseIp(address);
  if (!parsed) return true;
  // An IPv4-mapped address is that IPv4 address: an allowlist entry for 127.0.0.1 covers ::ffff:127.0.0.1.
  const v4 = embeddedIpv4(parsed);
  const candidates = v4 ? [parsed, v4] : [parsed];
  const isMetadata = candidates.some((c) => metadataAddresses.some((m) => sameAddress(c, m)));
  const allowed = candidates.some((c) =>
    allow.ranges.some((r) => (isMetadata ? r.prefix === (r.family === 4 ? 32 : 128) : true) && inRange(c, r)),
  );
  if (allowed) return false;
  return isMetadata || refusedByRanges(parsed);
}

/**
 * Whether the SSRF guard refuses to connect to `ip`: loopback, private, link-local, CGNAT,
 * multicast, unspecified, other special-purpose ranges, their IPv4-mapped / NAT64 / 6to4 IPv6
 * forms, and cloud metadata addresses, unless `allow` lists the IP or a CIDR range containing it
 * (metadata addresses only when listed exactly). Host-name entries of `allow` play no part here.
 * Anything that is not an IP address is refused.
 */
export function isRefusedAddress(ip: string, allow: readonly string[] = []): boolean {
  return isRefusedIp(ip, compileAllowList(allow));
}
