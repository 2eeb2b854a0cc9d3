import { describe, expect, it } from 'vitest';
import { redactUrlCredentials } from './urlCredentials.ts';

describe('redactUrlCredentials', () => {
  it('hides the user info of every URL, in text, JSON and HTML', () => {
    expect(redactUrlCredentials('http://user:pass@host.example/feed')).toBe('http://***@host.example/feed');
    expect(redactUrlCredentials('{"url":"https://u:p%40ss@h.example:8080/f","b":"ftp://x@y"}')).toBe(
      '{"url":"https://***@h.example:8080/f","b":"ftp://***@y"}',
    );
    expect(redactUrlCredentials('<a href="http://a:b@c.example">http://a:b@c.example</a>')).toBe(
      '<a href="http://***@c.example">http://***@c.example</a>',
    );
    expect(redactUrlCredentials('fetch of http://u:p@ss@h.example/x failed')).toBe(
      'fetch of http://***@h.example/x failed',
    );
    expect(redactUrlCredentials('a http://u:p@h1.example b https://v:q@h2.example?x')).toBe(
      'a http://***@h1.example b https://***@h2.example?x',
    );
  });

  it('leaves text without credentials as it is (the same string)', () => {
    for (const text of [
      'https://host.example/feed?mail=a@b.example',
      'write to editor@news.example',
      'a :// b @ c',
      'http://***@host.example/',
      '',
      'https://host.example/@user',
    ]) {
      expect(redactUrlCredentials(text), text).toBe(text);
    }
  });
});
