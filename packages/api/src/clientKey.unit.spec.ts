import { describe, expect, it } from 'vitest';
import { clientKeyOf } from './clientKey.ts';

describe('clientKeyOf', () => {
  it('counts the token holder as one client whatever the address', () => {
    expect(clientKeyOf('203.0.113.5', true)).toBe('token');
    expect(clientKeyOf('2001:db8::1', true)).toBe('token');
  });

  it('counts an IPv4 address as itself, in either notation', () => {
    expect(clientKeyOf('203.0.113.5', false)).toBe('address:203.0.113.5');
    expect(clientKeyOf('::ffff:203.0.113.5', false)).toBe('address:203.0.113.5');
    expect(clientKeyOf('203.0.113.6', false)).not.toBe(clientKeyOf('203.0.113.5', false));
  });

  it('counts an IPv6 address by its /64, however it is written', () => {
    const key = clientKeyOf('2001:db8:1:2::1', false);
    expect(key).toBe('address:2001:db8:1:2::/64');
    expect(clientKeyOf('2001:0db8:0001:0002:ffff:ffff:ffff:ffff', false)).toBe(key);
    expect(clientKeyOf('[2001:db8:1:2:a:b:c:d]', false)).toBe(key);
    expect(clientKeyOf('2001:db8:1:3::1', false)).not.toBe(key);
    expect(clientKeyOf('2001:db8::', false)).toBe('address:2001:db8:0:0::/64');
    expect(clientKeyOf('::1', false)).toBe('address:0:0:0:0::/64');
    expect(clientKeyOf('fe80::1%eth0', false)).toBe('address:fe80:0:0:0::/64');
  });

  it('has one key for requests without an address', () => {
    expect(clientKeyOf(undefined, false)).toBe('address:unknown');
  });
});
