import { describe, expect, it } from 'vitest';
import { parseFeed } from './parseFeed.ts';

const SY = 'xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"';

function ttlOf(doc: string): number | null {
  const result = parseFeed(doc);
  if (!result.ok) throw new Error(`expected a feed, got ${result.error.code}`);
  return result.feed.ttlMinutes;
}

const rss = (channel: string, attrs = '') =>
  `<?xml version="1.0"?><rss version="2.0" ${attrs}><channel><title>F</title>${channel}</channel></rss>`;

describe('feed ttl (how long the feed may be cached)', () => {
  it('reads the RSS ttl in minutes', () => {
    expect(ttlOf(rss('<ttl>60</ttl>'))).toBe(60);
    expect(ttlOf(rss('<ttl> 15 </ttl>'))).toBe(15);
  });

  it('ignores a ttl that is not a positive whole number', () => {
    for (const bad of ['0', '-5', '1.5', 'soon', '']) expect(ttlOf(rss(`<ttl>${bad}</ttl>`)), bad).toBeNull();
    expect(ttlOf(rss(''))).toBeNull();
  });

  it('reads sy:updatePeriod divided by sy:updateFrequency', () => {
    expect(ttlOf(rss('<sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency>', SY))).toBe(
      30,
    );
    expect(ttlOf(rss('<sy:updatePeriod>daily</sy:updatePeriod>', SY))).toBe(1440);
    expect(ttlOf(rss('<sy:updateFrequency>4</sy:updateFrequency>', SY))).toBe(360);
    expect(ttlOf(rss('<sy:updatePeriod>fortnightly</sy:updatePeriod>', SY))).toBeNull();
  });

  it('prefers the RSS ttl over the syndication module', () => {
    expect(ttlOf(rss('<ttl>10</ttl><sy:updatePeriod>daily</sy:updatePeriod>', SY))).toBe(10);
  });

  it('reads the syndication module in RSS 1.0 and Atom', () => {
    const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" ${SY}><channel rdf:about="http://x.org/"><title>R</title><sy:updatePeriod>hourly</sy:updatePeriod></channel></rdf:RDF>`;
    expect(ttlOf(rdf)).toBe(60);
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" ${SY}><title>A</title><sy:updatePeriod>weekly</sy:updatePeriod></feed>`;
    expect(ttlOf(atom)).toBe(10_080);
  });

  it('is null for JSON Feed', () => {
    expect(ttlOf('{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[]}')).toBeNull();
  });
});
