import { describe, expect, it } from 'vitest';
import {
  compileAllowList,
  isAllowedEndpoint,
  isAllowedHost,
  isRefusedAddress,
  isRefusedHostPort,
  parseIp,
} from './isRefusedAddress.ts';

describe('isRefusedAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback range'],
    ['10.0.0.1', 'private 10/8'],
    ['172.16.0.1', 'private 172.16/12'],
    ['172.31.255.255', 'private 172.16/12, last address'],
    ['192.168.1.1', 'private 192.168/16'],
    ['169.254.169.254', 'cloud metadata'],
    ['169.254.1.1', 'link-local'],
    ['100.64.0.1', 'CGNAT'],
    ['100.127.255.255', 'CGNAT, last address'],
    ['100.100.100.200', 'Alibaba metadata (in CGNAT)'],
    ['168.63.129.16', 'Azure host endpoint'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', '0/8'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast (SSDP)'],
    ['255.255.255.255', 'broadcast'],
    ['198.18.0.1', 'benchmarking'],
    ['::1', 'IPv6 loopback'],
    ['::', 'IPv6 unspecified'],
    ['fe80::1', 'IPv6 link-local'],
    ['fe80::1%eth0', 'IPv6 link-local with a zone id'],
    ['febf:ffff::1', 'IPv6 link-local, end of fe80::/10'],
    ['fc00::1', 'IPv6 ULA'],
    ['fd12:3456::1', 'IPv6 ULA (fd)'],
    ['fd00:ec2::254', 'AWS metadata over IPv6'],
    ['ff02::1', 'IPv6 multicast'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback, hex form'],
    ['::ffff:10.0.0.1', 'IPv4-mapped private'],
    ['::ffff:169.254.169.254', 'IPv4-mapped metadata'],
    ['0:0:0:0:0:ffff:192.168.0.1', 'IPv4-mapped private, long form'],
    ['::ffff:0:127.0.0.1', 'IPv4-translated loopback'],
    ['::127.0.0.1', 'IPv4-compatible loopback'],
    ['64:ff9b::a00:1', 'NAT64 of 10.0.0.1'],
    ['2002:7f00:1::', '6to4 of 127.0.0.1'],
    ['[::1]', 'bracketed IPv6 loopback'],
    ['not an ip', 'not an address at all'],
    ['', 'empty'],
    ['127.1', 'shorthand IPv4 (not canonical)'],
  ])('refuses %s (%s)', (ip) => {
    expect(isRefusedAddress(ip)).toBe(true);
  });

  it.each([
    ['93.184.215.14'],
    ['8.8.8.8'],
    ['172.15.255.255'],
    ['172.32.0.0'],
    ['100.63.255.255'],
    ['100.128.0.0'],
    ['192.169.0.1'],
    ['2606:4700::6810:85e5'],
    ['2a00:1450:4001:80b::200e'],
    ['::ffff:93.184.215.14'],
    ['64:ff9b::808:808'],
    ['2002:808:808::1'],
  ])('lets public %s through', (ip) => {
    expect(isRefusedAddress(ip)).toBe(false);
  });

  it('lets allowlisted addresses and ranges through, the IPv4-mapped form too', () => {
    expect(isRefusedAddress('127.0.0.1', ['127.0.0.1'])).toBe(false);
    expect(isRefusedAddress('::ffff:127.0.0.1', ['127.0.0.1'])).toBe(false);
    expect(isRefusedAddress('127.0.0.2', ['127.0.0.1'])).toBe(true);
    expect(isRefusedAddress('10.1.2.3', ['10.1.0.0/16'])).toBe(false);
    expect(isRefusedAddress('10.2.0.1', ['10.1.0.0/16'])).toBe(true);
    expect(isRefusedAddress('fd12::5', ['fd12::/16'])).toBe(false);
    expect(isRefusedAddress('::1', ['::1'])).toBe(false);
  });

  it('opens a metadata address only to an entry naming it exactly', () => {
    expect(isRefusedAddress('169.254.169.254', ['169.254.0.0/16'])).toBe(true);
    expect(isRefusedAddress('169.254.1.1', ['169.254.0.0/16'])).toBe(false);
    expect(isRefusedAddress('169.254.169.254', ['169.254.169.254'])).toBe(false);
    expect(isRefusedAddress('fd00:ec2::254', ['fc00::/7'])).toBe(true);
  });

  it('ignores host-name entries when judging an address', () => {
    expect(isRefusedAddress('127.0.0.1', ['localhost'])).toBe(true);
  });

  it('rejects malformed allowlist ranges instead of guessing', () => {
    expect(() => isRefusedAddress('8.8.8.8', ['10.0.0.0/33'])).toThrow(TypeError);
    expect(() => isRefusedAddress('8.8.8.8', ['10.0.0.300/8'])).toThrow(TypeError);
  });
});

describe('allowlisted host names', () => {
  it('match exactly or under a *. suffix, ignoring case and a trailing dot', () => {
    const allow = compileAllowList(['Newsroom.Local', '*.lab.example', '127.0.0.1']);
    expect(isAllowedHost('newsroom.local.', allow)).toBe(true);
    expect(isAllowedHost('feeds.lab.example', allow)).toBe(true);
    expect(isAllowedHost('lab.example', allow)).toBe(false);
    expect(isAllowedHost('evil-newsroom.local', allow)).toBe(false);
    expect(isAllowedHost('evillab.example', allow)).toBe(false);
  });
});

describe('allowlist entries with a port', () => {
  it('open that address or name on that port only', () => {
    const allow = compileAllowList(['127.0.0.1:4100', '[::1]:4100', 'Newsroom.Local:8080']);
    expect(isAllowedEndpoint('127.0.0.1', 4100, allow)).toBe(true);
    expect(isAllowedEndpoint('::ffff:127.0.0.1', 4100, allow)).toBe(true);
    expect(isAllowedEndpoint('::1', 4100, allow)).toBe(true);
    expect(isAllowedEndpoint('127.0.0.1', 3000, allow)).toBe(false);
    expect(isAllowedEndpoint('127.0.0.2', 4100, allow)).toBe(false);
    // The address itself stays refused on every other port.
    expect(isRefusedAddress('127.0.0.1', ['127.0.0.1:4100'])).toBe(true);
    expect(isAllowedHost('newsroom.local', allow)).toBe(true);
    expect(isRefusedHostPort('newsroom.local', 8080, allow)).toBe(false);
    expect(isRefusedHostPort('newsroom.local', 3000, allow)).toBe(true);
    expect(isRefusedHostPort('other.local', 3000, allow)).toBe(false);
  });

  it('leave a name also allowlisted without a port open on every port', () => {
    const allow = compileAllowList(['newsroom.local:8080', 'newsroom.local']);
    expect(isRefusedHostPort('newsroom.local', 3000, allow)).toBe(false);
  });
});

describe('parseIp', () => {
  it('expands IPv6 shorthand and dotted tails', () => {
    expect(Array.from(parseIp('::ffff:1.2.3.4')!.bytes)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255, 1, 2, 3, 4]);
    expect(Array.from(parseIp('2001:db8::1')!.bytes)).toEqual([32, 1, 13, 184, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(Array.from(parseIp('1::')!.bytes)).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
});
