import { describe, expect, it } from 'vitest';
import { itemKey } from './itemKey.ts';
import type { FeedItem } from './types.ts';

const item = (fields: Partial<FeedItem>): FeedItem => ({
  id: null,
  title: null,
  titleHtml: null,
  link: null,
  published: null,
  updated: null,
  author: null,
  summary: null,
  content: null,
  ...fields,
});

describe('itemKey', () => {
  it('uses a globally unique id as is', () => {
    expect(itemKey(item({ id: 'tag:example.com,2004:1', link: 'https://example.com/1' }))).toBe(
      'id:tag:example.com,2004:1',
    );
  });

  it('canonicalises a URL id so the same article meets itself from another feed', () => {
    const fromGuid = itemKey(item({ id: 'https://Example.com/story/?utm_source=a' }), 'https://a.example/feed');
    const fromLink = itemKey(item({ link: 'https://example.com/story#top' }), 'https://b.example/rss');
    expect(fromGuid).toBe('url:https://example.com/story');
    expect(fromLink).toBe(fromGuid);
  });

  it('scopes short ids to their feed', () => {
    const a = itemKey(item({ id: '123' }), 'https://a.example/feed');
    const b = itemKey(item({ id: '123' }), 'https://b.example/feed');
    expect(a).toBe('id:https://a.example/feed#123');
    expect(a).not.toBe(b);
  });

  it('does not change when the title is edited', () => {
    const before = itemKey(item({ link: 'https://example.com/s', title: 'Draft' }));
    expect(itemKey(item({ link: 'https://example.com/s', title: 'Final title' }))).toBe(before);
  });

  it('falls back to a hash of title and date', () => {
    const a = itemKey(item({ title: 'Hello', published: '2024-01-01T00:00:00.000Z' }), 'https://a.example/feed');
    expect(a).toMatch(/^hash:[0-9a-f]{64}$/);
    expect(itemKey(item({ title: 'Hello', published: '2024-01-01T00:00:00.000Z' }), 'https://a.example/feed')).toBe(a);
    expect(itemKey(item({ title: 'Hello', published: '2024-01-02T00:00:00.000Z' }), 'https://a.example/feed')).not.toBe(
      a,
    );
  });

  it('resolves a relative link against the feed URL', () => {
    expect(itemKey(item({ link: '/s/1' }), 'https://example.com/feed')).toBe('url:https://example.com/s/1');
  });
});
