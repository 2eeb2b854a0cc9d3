import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasUrlCredentials, withoutUrlCredentials } from '@tally/ingest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FeedsFileError, readFeedsFile } from './feedsFile.ts';

const SECRET = 'hunter2-s3cret';

describe('hasUrlCredentials', () => {
  it('sees a user name or a password, parsed or by shape, and nothing else', () => {
    expect(hasUrlCredentials('http://user:pass@host.example/feed')).toBe(true);
    expect(hasUrlCredentials('https://user@host.example/feed')).toBe(true);
    expect(hasUrlCredentials('https://:pass@host.example/')).toBe(true);
    expect(hasUrlCredentials('http://user:pass@[bad/feed')).toBe(true);
    expect(hasUrlCredentials('https://host.example/feed?mail=a@b.example')).toBe(false);
    expect(hasUrlCredentials('https://host.example/@user')).toBe(false);
    expect(hasUrlCredentials('https://@host.example/')).toBe(false);
    expect(hasUrlCredentials('not a url')).toBe(false);
  });

  it('names a URL without them', () => {
    expect(withoutUrlCredentials(`http://reader:${SECRET}@host.example/feed`)).toBe('http://***@host.example/feed');
    expect(withoutUrlCredentials(`http://reader:${SECRET}@[bad/feed`)).toBe('http://***@[bad/feed');
    expect(withoutUrlCredentials('https://host.example/feed')).toBe('https://host.example/feed');
  });
});

describe('readFeedsFile with credentials in a URL', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tally-feeds-file-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses the whole file with its reason code, naming the URLs without their credentials', () => {
    const file = join(dir, 'feeds.yaml');
    writeFileSync(
      file,
      `feeds:\n  - https://open.example/feed\n  - url: https://editor:${SECRET}@private.example/feed\n  - https://${SECRET}@other.example/rss\n`,
    );
    let error: unknown;
    try {
      readFeedsFile(file);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(FeedsFileError);
    const e = error as FeedsFileError;
    expect(e.code).toBe('feed-url-credentials');
    expect(e.message).toContain('https://***@private.example/feed');
    expect(e.message).toContain('https://***@other.example/rss');
    expect(e.message).not.toContain(SECRET);
  });

  it('reads a file without credentials as before', () => {
    const file = join(dir, 'feeds.yaml');
    writeFileSync(file, '- https://open.example/feed\n- url: https://wire.example/feed?key=a@b\n  title: Wire\n');
    expect(readFeedsFile(file)).toEqual([
      { url: 'https://open.example/feed' },
      { url: 'https://wire.example/feed?key=a@b', title: 'Wire' },
    ]);
  });
});
