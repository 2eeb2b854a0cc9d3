import { describe, expect, it } from 'vitest';
import { ApiError } from './apiErrors.ts';
import { HostGuard, hostNameOf } from './hostGuard.ts';

const codeOf = (fn: () => void): string | null => {
  try {
    fn();
    return null;
  } catch (err) {
    return err instanceof ApiError ? err.code : String(err);
  }
};

describe('hostNameOf', () => {
  it('reads the name of a Host header with or without a port, IPv6 in brackets', () => {
    expect(hostNameOf('LocalHost:3000')).toBe('localhost');
    expect(hostNameOf('127.0.0.1')).toBe('127.0.0.1');
    expect(hostNameOf('[::1]:3000')).toBe('::1');
    expect(hostNameOf('tally.example.org.')).toBe('tally.example.org');
    for (const bad of ['', ':3000', '[::1', 'a b', 'evil.example:3000:1', 'x/y', '[::1]x']) {
      expect(hostNameOf(bad), bad).toBeNull();
    }
  });
});

describe('HostGuard', () => {
  const loopback = new HostGuard({ allowedHosts: [], listenHost: '127.0.0.1' });

  it('answers to loopback names and IP literals, and refuses other names (DNS rebinding)', () => {
    for (const host of ['localhost:3000', '127.0.0.1:3000', '[::1]:3000', 'app.localhost', '10.0.0.5']) {
      expect(
        codeOf(() => loopback.check('PUT', host, undefined)),
        host,
      ).toBeNull();
    }
    for (const host of ['evil.example', 'evil.example:3000', 'localhost.evil.example', undefined, 'a b']) {
      expect(
        codeOf(() => loopback.check('GET', host, undefined)),
        String(host),
      ).toBe('TALLY_ERR_HOST_NOT_ALLOWED');
    }
  });

  it('answers to the configured names, suffixes, a named API_HOST, or any host with *', () => {
    const g = new HostGuard({ allowedHosts: ['tally.example.org', '*.news.example'], listenHost: 'api.internal' });
    for (const host of ['tally.example.org', 'TALLY.example.org:443', 'a.news.example', 'api.internal:3000']) {
      expect(
        codeOf(() => g.check('GET', host, undefined)),
        host,
      ).toBeNull();
    }
    for (const host of ['news.example', 'example.org', 'evil.example']) {
      expect(
        codeOf(() => g.check('GET', host, undefined)),
        host,
      ).toBe('TALLY_ERR_HOST_NOT_ALLOWED');
    }
    const any = new HostGuard({ allowedHosts: ['*'], listenHost: '0.0.0.0' });
    expect(codeOf(() => any.check('GET', 'whatever.example', undefined))).toBeNull();
  });

  it('refuses a write from a page of another origin, never a read', () => {
    const host = '127.0.0.1:3000';
    expect(codeOf(() => loopback.check('PUT', host, 'http://evil.example'))).toBe('TALLY_ERR_ORIGIN_NOT_ALLOWED');
    expect(codeOf(() => loopback.check('POST', host, 'null'))).toBe('TALLY_ERR_ORIGIN_NOT_ALLOWED');
    expect(codeOf(() => loopback.check('DELETE', host, 'http://127.0.0.1:8080'))).toBe('TALLY_ERR_ORIGIN_NOT_ALLOWED');
    expect(codeOf(() => loopback.check('POST', host, 'file://x'))).toBe('TALLY_ERR_ORIGIN_NOT_ALLOWED');
    expect(codeOf(() => loopback.check('GET', host, 'http://evil.example'))).toBeNull();
    expect(codeOf(() => loopback.check('PUT', host, 'http://127.0.0.1:3000'))).toBeNull();
    expect(codeOf(() => loopback.check('PUT', 'localhost:80', 'http://localhost'))).toBeNull();
    expect(codeOf(() => loopback.check('PUT', host, undefined))).toBeNull();
  });

  it('lets a write from a configured name through when a proxy rewrote Host', () => {
    const g = new HostGuard({ allowedHosts: ['tally.example.org'], listenHost: '127.0.0.1' });
    expect(codeOf(() => g.check('POST', '127.0.0.1:3000', 'https://tally.example.org'))).toBeNull();
    expect(codeOf(() => g.check('POST', '127.0.0.1:3000', 'https://evil.example'))).toBe(
      'TALLY_ERR_ORIGIN_NOT_ALLOWED',
    );
  });
});
