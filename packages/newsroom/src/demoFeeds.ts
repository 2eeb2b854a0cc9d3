import type { Outlet } from './ArticlePage.ts';
import { htmlResource, type PlannedItem } from './demoPages.ts';
import { type FeedDocument, renderAtom, renderRss } from './feedDocuments.ts';
import type { NewsroomFeed } from './Newsroom.ts';
import { makeResource, type Resource } from './Site.ts';
import { outletHomePage } from './siteChrome.ts';

const feedContentTypes: Record<string, string> = {
  '/o/dnipro-dispatch/rss.xml': 'application/rss+xml; charset=utf-8',
  '/o/atlantic-ledger/world/rss.xml': 'application/rss+xml; charset=utf-8',
  '/o/atlantic-ledger/world/atom.xml': 'application/atom+xml; charset=utf-8',
  '/o/bridges-review/feed/atom/': 'application/atom+xml; charset=UTF-8',
  '/o/vistula-daily/feed/': 'application/rss+xml; charset=UTF-8',
  '/o/levant-observer/feeds/world.atom': 'application/atom+xml; charset=utf-8',
  '/o/carpathian-wire/europe/rss': 'text/xml; charset=utf-8',
  '/o/steppe-courier/feed.atom': 'application/xml; charset=utf-8',
  '/o/slobidskyi-visnyk/rss.xml': 'application/rss+xml; charset=windows-1251',
};

/**
 * Each outlet's feeds, newest item first, and its home page advertising them, added to `resources`;
 * every article gets the URLs of the feeds that list it. Returns the feeds.
 */
export function addDemoFeeds(
  outlets: readonly Outlet[],
  items: readonly PlannedItem[],
  origin: string,
  resources: Map<string, Resource>,
): NewsroomFeed[] {
  const feeds: NewsroomFeed[] = [];
  for (const outlet of outlets) {
    const own = items
      .filter((item) => item.outlet.slug === outlet.slug)
      .sort(
        (a, b) =>
          Date.parse(b.entry.publishedAt ?? '1970-01-01T00:00:00Z') -
          Date.parse(a.entry.publishedAt ?? '1970-01-01T00:00:00Z'),
      );
    if (own.length === 0) continue;
    const newest = own
      .map((i) => i.entry.updatedAt ?? i.entry.publishedAt)
      .filter((d): d is string => d !== null)
      .sort((a, b) => Date.parse(b) - Date.parse(a))[0]!;
    for (const link of outlet.feeds) {
      const doc: FeedDocument = {
        format: link.format,
        title: link.title,
        homeUrl: origin + outlet.homePath,
        selfUrl: origin + link.path,
        description: outlet.lang === 'uk' ? 'Новини Харкова, України та світу' : `Latest news from ${outlet.name}`,
        lang: outlet.lang === 'uk' ? 'uk' : 'en-US',
        charset: outlet.charset,
        updatedAt: newest,
        generator: outlet.family === 'wordpress' ? 'https://wordpress.org/?v=6.4.2' : `${outlet.name} CMS`,
        entries: own.map((i) => i.entry),
      };
      const xml = link.format === 'rss' ? renderRss(doc) : renderAtom(doc);
      const contentType = feedContentTypes[link.path] ?? `application/${link.format}+xml; charset=${outlet.charset}`;
      resources.set(
        link.path,
        makeResource(xml, contentType, {
          charset: outlet.charset,
          lastModified: new Date(newest),
          cacheControl: 'public, max-age=60',
        }),
      );
      const feedUrl = origin + link.path;
      feeds.push({
        url: feedUrl,
        title: link.title,
        format: link.format,
        charset: outlet.charset,
        outlet: outlet.name,
      });
      for (const item of own) item.article?.feedUrls.push(feedUrl);
    }
    const home = outletHomePage(
      outlet,
      origin,
      own
        .filter((i) => i.entry.link)
        .map((i) => ({ title: i.entry.title, href: i.entry.link!, publishedAt: i.entry.publishedAt ?? '' })),
    );
    resources.set(outlet.homePath, htmlResource(home, outlet, newest));
  }
  return feeds;
}
