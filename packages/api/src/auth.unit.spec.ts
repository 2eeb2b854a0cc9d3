import { describe, expect, it } from 'vitest';
import { isLoopbackHost, presentedToken } from './auth.ts';

describe('presentedToken', () => {
  it('reads a bearer token, or the password of Basic credentials (browsers)', () => {
    expect(presentedToken('Bearer abc.def')).toBe('abc.def');
    expect(presentedToken('bearer   abc ')).toBe('abc');
    expect(presentedToken(`Basic ${Buffer.from('operator:s3cret:with:colons').toString('base64')}`)).toBe(
      's3cret:with:colons',
    );
    expect(presentedToken(`Basic ${Buffer.from('no-colon').toString('base64')}`)).toBeNull();
    expect(presentedToken('Token abc')).toBeNull();
    expect(presentedToken('Bearer')).toBeNull();
    expect(presentedToken(undefined)).toBeNull();
  });
});

describe('isLoopbackHost', () => {
  it('knows loopback addresses and names', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1']) {
      expect(isLoopbackHost(h), h).toBe(true);
    }
    for (const h of ['0.0.0.0', '::', '10.0.0.1', '192.168.1.1', 'example.org', '128.0.0.1']) {
      expect(isLoopbackHost(h), h).toBe(false);
    }
  });
});
