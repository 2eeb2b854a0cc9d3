import { describe, expect, it } from 'vitest';
import { clientKeyOf } from './clientKey.ts';

describe('clientKeyOf', () => {
  it('counts the token holder as one client whatever the address', () => {
    expect(clientKeyOf('203.0.113.5', 'token')).toBe('token');
    expect(clientKeyOf('2001:db8::1', 'token')).toBe('token');
    expect(clientKeyOf('2001:db8::1', 'token:tok_a')).toBe('token:tok_a');
  });

  it('counts an IPv4 address as itself, in either notation', () => {
    expect(clientKeyOf('203.0.113.5', null)).toBe('address:203.0.113.5');
    expect(clientKeyOf('::ffff:203.0.113.5', null)).toBe('address:203.0.113.5');
    expect(clientKeyOf('203.0.113.6', null)).not.toBe(clientKeyOf('203.0.113.5', null));
  });

  it('counts an IPv6 address by its /64, however it is written', () => {
    const key = clientKeyOf('2001:db8:1:2::1', null);
    expect(key).toBe('address:2001:db8:1:2::/64');
    expect(clientKeyOf('2001:0db8:0001:0002:ffff:ffff:ffff:ffff', null)).toBe(key);
    expect(clientKeyOf('[2001:db8:1:2:a:b:c:d]', null)).toBe(key);
    expect(clientKeyOf('2001:db8:1:3::1', null)).not.toBe(key);
    expect(clientKeyOf('2001:db8::', null)).toBe('address:2001:db8:0:0::/64');
    expect(clientKeyOf('::1', null)).toBe('address:0:0:0:0::/64');
    expect(clientKeyOf('fe80::1%eth0', null)).toBe('address:fe80:0:0:0::/64');
  });

  it('has one key for requests without an address', () => {
    expect(clientKeyOf(undefined, null)).toBe('address:unknown');
  });
});
