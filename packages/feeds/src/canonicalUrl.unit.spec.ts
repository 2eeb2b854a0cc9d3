import { describe, expect, it } from 'vitest';
import { canonicalUrl } from './canonicalUrl.ts';

describe('canonicalUrl', () => {
  it.each([
    ['HTTP://News.Example.COM/Story', 'http://news.example.com/Story'],
    ['https://example.com:443/a', 'https://example.com/a'],
    ['http://example.com:80/a', 'http://example.com/a'],
    ['http://example.com:8080/a', 'http://example.com:8080/a'],
    ['https://example.com/a#comments', 'https://example.com/a'],
    ['https://example.com/a/?utm_source=rss&utm_medium=feed&id=7', 'https://example.com/a?id=7'],
    ['https://example.com/a?fbclid=x&gclid=y&mc_cid=1&mc_eid=2&ref_src=twsrc', 'https://example.com/a'],
    ['https://example.com/a?z=1&a=2&m=3', 'https://example.com/a?a=2&m=3&z=1'],
    ['https://example.com/a?b=2&a=1&b=1', 'https://example.com/a?a=1&b=2&b=1'],
    ['https://example.com/a/b/', 'https://example.com/a/b'],
    ['https://example.com', 'https://example.com/'],
    ['https://example.com/?', 'https://example.com/'],
    ['https://user:pw@example.com/a', 'https://example.com/a'],
    ['  https://example.com/a  ', 'https://example.com/a'],
  ])('%s → %s', (input, output) => {
    expect(canonicalUrl(input)).toBe(output);
  });

  it('resolves against a base', () => {
    expect(canonicalUrl('../b/?utm_campaign=x', 'https://example.com/a/c/')).toBe('https://example.com/a/b');
  });

  it.each(['mailto:jo@example.com', 'ftp://example.com/a', 'javascript:alert(1)', 'not a url', '/relative', ''])(
    'gives null for %j',
    (input) => {
      expect(canonicalUrl(input)).toBeNull();
    },
  );
});
