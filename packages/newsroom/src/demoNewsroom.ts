import type { ArticlePage, Block, Outlet } from './ArticlePage.ts';
import { cyrillicArticles } from './cyrillicArticles.ts';
import { addDemoFeeds } from './demoFeeds.ts';
import { demoOutlets, relatedLinks } from './demoOutlets.ts';
import { bodyHtml, htmlResource, type PlannedItem, pageFrom } from './demoPages.ts';
import { addTroubleItems } from './demoTroubleItems.ts';
import type { FeedEntry } from './feedDocuments.ts';
import type { NewsroomArticle, NewsroomFeed } from './Newsroom.ts';
import type { Seed } from './Seed.ts';
import { makeResource, type Resource, type Site } from './Site.ts';
import { layoutSeed, type SeedPageParts, seedLayouts } from './seedLayouts.ts';
import { newsroomIndexPage, robotsTxt } from './siteChrome.ts';
import { syndicatedCopies } from './syndicatedCopies.ts';
import { renderArticlePage } from './templates/renderArticlePage.ts';

export interface BuiltSite {
  site: Site;
  feeds: NewsroomFeed[];
  articles: NewsroomArticle[];
}

/** The seed whose text other outlets republish. */
export const syndicatedSeedId = '002';

/**
 * The demo newsroom: the five seed reports on the pages of five outlets, one of them republished
 * by two more, a Cyrillic outlet with a windows-1251 feed, and the usual trouble (a broken feed
 * item, a link to a removed page, a link to a PDF).
 */
export function buildDemoSite(seeds: readonly Seed[], origin: string): BuiltSite {
  const resources = new Map<string, Resource>();
  const items: PlannedItem[] = [];
  const seedsById = new Map(seeds.map((seed) => [seed.id, seed]));
  const addArticle = (
    outlet: Outlet,
    page: ArticlePage,
    article: Omit<NewsroomArticle, 'feedUrls'>,
    entry: Omit<FeedEntry, 'title' | 'summary'>,
  ) => {
    resources.set(page.path, htmlResource(renderArticlePage(page), outlet, page.modifiedAt ?? page.publishedAt));
    items.push({
      outlet,
      entry: { ...entry, title: page.headline, summary: page.description },
      article: { ...article, feedUrls: [] },
    });
  };

  let relatedOffset = 0;
  for (const layout of seedLayouts) {
    const seed = seedsById.get(layout.seedId);
    if (!seed) continue;
    relatedOffset++;
    const outlet = layout.outlet;
    const parts = layoutSeed(seed, layout, relatedLinks(outlet, 5, relatedOffset + 2));
    const page = pageFrom(outlet, origin, layout.path, parts, { ...layout, relatedOffset });
    const url = origin + layout.path;
    const isWordpress = outlet.family === 'wordpress';
    addArticle(
      outlet,
      page,
      {
        url,
        feedLink: url,
        outlet: outlet.name,
        outletSlug: outlet.slug,
        seedId: seed.id,
        publishedAt: layout.publishedAt,
        title: parts.headline,
        kind: 'article',
        lang: outlet.lang,
        charset: outlet.charset,
      },
      {
        link: url,
        id: isWordpress
          ? `${origin}${outlet.homePath}?p=48213`
          : outlet.feeds[0]?.format === 'atom'
            ? `tag:${outlet.slug}.example,${layout.publishedAt.slice(0, 10)}:${seed.hash}`
            : url,
        idIsPermaLink: !isWordpress && outlet.feeds[0]?.format !== 'atom',
        publishedAt: layout.publishedAt,
        rawDate: null,
        updatedAt: layout.modifiedAt,
        author: page.byline,
        categories: layout.tags.slice(0, 2),
        contentHtml: isWordpress ? bodyHtml(parts.body) : null,
      },
    );

    if (seed.id === syndicatedSeedId) {
      const originalBody = parts.body.filter((b) => b.kind === 'p' || b.kind === 'figure');
      const copies = syndicatedCopies(originalBody);
      for (const copy of copies) {
        relatedOffset++;
        const copyParts: SeedPageParts = {
          headline: copy.headline,
          standfirst: copy.standfirst,
          dateline: copy.dateline,
          widgets: [],
          pixel: null,
          imageTitle: null,
          body: copy.body,
          after: copy.after,
        };
        const copyPage = pageFrom(copy.outlet, origin, copy.path, copyParts, {
          publishedAt: copy.publishedAt,
          modifiedAt: null,
          section: copy.outlet.sections[0]!,
          byline: null,
          tags: ['North Korea', 'Russia', 'OSCE'],
          commentsCount: 3,
          relatedOffset,
        });
        const copyUrl = origin + copy.path;
        const atom = copy.outlet.feeds[0]?.format === 'atom';
        addArticle(
          copy.outlet,
          copyPage,
          {
            url: copyUrl,
            feedLink: copyUrl + copy.tracking,
            outlet: copy.outlet.name,
            outletSlug: copy.outlet.slug,
            seedId: seed.id,
            publishedAt: copy.publishedAt,
            title: copy.headline,
            syndicatedFrom: url,
            kind: 'article',
            lang: copy.outlet.lang,
            charset: copy.outlet.charset,
          },
          {
            link: copyUrl + copy.tracking,
            id: copy.id,
            idIsPermaLink: false,
            publishedAt: copy.publishedAt,
            rawDate: null,
            updatedAt: null,
            author: atom ? copy.outlet.desk : null,
            categories: ['World'],
            contentHtml: null,
          },
        );
      }
    }
  }

  // The Cyrillic outlet: pages and feed in windows-1251.
  const visnyk = demoOutlets.slobidskyiVisnyk;
  for (const cyr of cyrillicArticles) {
    relatedOffset++;
    const parts: SeedPageParts = {
      headline: cyr.headline,
      standfirst: null,
      dateline: cyr.dateline,
      widgets: [],
      pixel: null,
      imageTitle: null,
      body: cyr.paragraphs.map((text): Block => ({ kind: 'p', text })),
      after: [],
    };
    const page = pageFrom(visnyk, origin, cyr.path, parts, {
      publishedAt: cyr.publishedAt,
      modifiedAt: null,
      section: visnyk.sections[0]!,
      byline: null,
      tags: ['КНДР', 'Росія'],
      commentsCount: 2,
      relatedOffset,
    });
    const url = origin + cyr.path;
    addArticle(
      visnyk,
      page,
      {
        url,
        feedLink: url,
        outlet: visnyk.name,
        outletSlug: visnyk.slug,
        publishedAt: cyr.publishedAt,
        title: cyr.headline,
        kind: 'article',
        lang: visnyk.lang,
        charset: visnyk.charset,
      },
      {
        link: url,
        id: url,
        idIsPermaLink: true,
        publishedAt: cyr.publishedAt,
        rawDate: null,
        updatedAt: null,
        author: null,
        categories: ['Новини'],
        contentHtml: null,
      },
    );
  }

  addTroubleItems(origin, items, resources);

  // Feeds, newest item first; every outlet advertises its feeds on its home page.
  const outlets = Object.values(demoOutlets) as Outlet[];
  const feeds = addDemoFeeds(outlets, items, origin, resources);

  resources.set(
    '/',
    makeResource(newsroomIndexPage('Tally demo newsroom', outlets, feeds), 'text/html; charset=utf-8', {
      cacheControl: 'no-cache',
    }),
  );
  resources.set('/robots.txt', makeResource(robotsTxt, 'text/plain; charset=utf-8'));

  const articles = items.flatMap((item) => (item.article ? [item.article] : []));
  return { site: { resolve: (pathname) => resources.get(pathname) }, feeds, articles };
}
