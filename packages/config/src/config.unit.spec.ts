import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('gives the documented defaults on an empty environment', () => {
    const c = loadConfig({}, {});
    expect(c.HTTP_HOST_CONCURRENCY).toBe(2);
    expect(c.HTTP_HOST_LIMITS).toEqual({});
    expect(c.HTTP_ALLOW).toEqual([]);
  });

  it('reads per-host limits, interval optional, host names in lower case', () => {
    const c = loadConfig({}, { HTTP_HOST_LIMITS: 'News.Example=8/250, wire.example=4,127.0.0.1=16/0' });
    expect(c.HTTP_HOST_LIMITS).toEqual({
      'news.example': { concurrency: 8, intervalMs: 250 },
      'wire.example': { concurrency: 4, intervalMs: 0 },
      '127.0.0.1': { concurrency: 16, intervalMs: 0 },
    });
  });

  it.each(['news.example', 'news.example=0', 'news.example=x/10', '=4', 'a b=4'])(
    'refuses the host limit "%s" with a message naming it',
    (value) => {
      expect(() => loadConfig({}, { HTTP_HOST_LIMITS: value })).toThrow(ConfigError);
      expect(() => loadConfig({}, { HTTP_HOST_LIMITS: value })).toThrow(/HTTP_HOST_LIMITS/);
    },
  );

  it('opens operator routes to local requests by default, and reads the switch that turns it off', () => {
    expect(loadConfig({}, {}).API_LOOPBACK_OPEN).toBe(true);
    for (const off of ['false', '0', 'no'])
      expect(loadConfig({}, { API_LOOPBACK_OPEN: off }).API_LOOPBACK_OPEN).toBe(false);
    expect(() => loadConfig({}, { API_LOOPBACK_OPEN: 'sometimes' })).toThrow(/API_LOOPBACK_OPEN/);
  });

  it('obeys robots.txt by default, and reads the switch that turns it off for private feeds', () => {
    expect(loadConfig({}, {}).ROBOTS_TXT).toBe(true);
    expect(loadConfig({}, { ROBOTS_TXT: 'false' }).ROBOTS_TXT).toBe(false);
    expect(() => loadConfig({}, { ROBOTS_TXT: 'maybe' })).toThrow(/ROBOTS_TXT/);
  });

  it('names every invalid key at once', () => {
    try {
      loadConfig({}, { API_PORT: '70000', DEDUPE_THRESHOLD: '2' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).issues.map((i) => i.split(':')[0])).toEqual(['API_PORT', 'DEDUPE_THRESHOLD']);
    }
  });
});
