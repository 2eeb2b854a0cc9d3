import { describe, expect, it } from 'vitest';
import { headerHubLinks, mergeHubLinks } from './hubLinks.ts';
import { parseFeed } from './parseFeed.ts';

const url = 'https://news.example/feed.xml';

function feedOf(doc: string) {
  const r = parseFeed(doc, { url });
  if (!r.ok) throw new Error(r.error.message);
  return r.feed;
}

describe('WebSub discovery in the document', () => {
  it('reads an RSS channel’s atom:link hubs and self, relative ones resolved', () => {
    const feed = feedOf(`<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>T</title>
      <atom:link rel="hub" href="https://hub.example/"/><atom:link rel="hub" href="/hub2"/>
      <atom:link rel="self" href="https://news.example/rss" type="application/rss+xml"/>
      <item><link>https://news.example/a</link></item></channel></rss>`);
    expect(feed.hubs).toEqual(['https://hub.example/', 'https://news.example/hub2']);
    expect(feed.self).toBe('https://news.example/rss');
  });

  it('reads an Atom feed’s links, and ignores other rels and non-http hubs', () => {
    const feed = feedOf(`<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
      <link rel="alternate" href="https://news.example/"/><link rel="hub" href="mailto:x@hub.example"/>
      <link rel="self hub" href="https://news.example/atom"/></feed>`);
    expect(feed.hubs).toEqual(['https://news.example/atom']);
    expect(feed.self).toBe('https://news.example/atom');
    expect(feed.link).toBe('https://news.example/');
  });

  it('reads JSON Feed hubs of type WebSub and feed_url', () => {
    const feed = feedOf(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        feed_url: 'https://news.example/feed.json',
        hubs: [
          { type: 'WebSub', url: 'https://hub.example/' },
          { type: 'rssCloud', url: 'https://cloud.example/' },
        ],
        items: [],
      }),
    );
    expect(feed.hubs).toEqual(['https://hub.example/']);
    expect(feed.self).toBe('https://news.example/feed.json');
  });

  it('names none for a feed without them', () => {
    const feed = feedOf('<rss version="2.0"><channel><title>T</title></channel></rss>');
    expect(feed).toMatchObject({ hubs: [], self: null });
  });
});

describe('WebSub discovery in the HTTP Link header', () => {
  it('reads hubs and self, and prefers them to the document’s', () => {
    const header = '<https://hub.example/>; rel="hub", </feed.xml>; rel=self, <https://x.example/>; rel="next"';
    const fromHeader = headerHubLinks(header, url);
    expect(fromHeader).toEqual({ hubs: ['https://hub.example/'], self: 'https://news.example/feed.xml' });
    const fromDoc = { hubs: ['https://other.example/'], self: 'https://news.example/other' };
    expect(mergeHubLinks(fromHeader, fromDoc)).toEqual(fromHeader);
    expect(mergeHubLinks(headerHubLinks(null, url), fromDoc)).toEqual(fromDoc);
  });

  it('names none for a header that does not parse', () => {
    expect(headerHubLinks('not a link header <', url)).toEqual({ hubs: [], self: null });
  });
});
