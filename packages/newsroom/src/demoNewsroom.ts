import type { ArticlePage, Block, Outlet } from './ArticlePage.ts';
import { demoOutlets, relatedLinks } from './demoOutlets.ts';
import { type FeedDocument, type FeedEntry, renderAtom, renderRss } from './feedDocuments.ts';
import { escapeHtml } from './markup.ts';
import type { NewsroomArticle, NewsroomFeed } from './Newsroom.ts';
import { pdfDocument } from './pdfDocument.ts';
import type { Seed } from './Seed.ts';
import { makeResource, type Resource, type Site } from './Site.ts';
import { layoutSeed, type SeedPageParts, seedLayouts } from './seedLayouts.ts';
import { newsroomIndexPage, outletHomePage, robotsTxt } from './siteChrome.ts';
import { renderArticlePage } from './templates/renderArticlePage.ts';

export interface BuiltSite {
  site: Site;
  feeds: NewsroomFeed[];
  articles: NewsroomArticle[];
}

/** The seed whose text other outlets republish. */
export const syndicatedSeedId = '002';

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

interface PlannedItem {
  outlet: Outlet;
  entry: FeedEntry;
  article: NewsroomArticle | null;
}

function htmlResource(html: string, outlet: Outlet, lastModified: string): Resource {
  return makeResource(html, `text/html; charset=${outlet.charset}`, {
    charset: outlet.charset,
    lastModified: new Date(lastModified),
    cacheControl: 'public, max-age=300',
  });
}

function summaryOf(parts: { standfirst: string | null; body: readonly Block[] }): string {
  if (parts.standfirst) return parts.standfirst;
  const first = parts.body.find((b) => b.kind === 'p');
  const text = first?.kind === 'p' ? first.text : '';
  return text.length > 240 ? `${text.slice(0, text.lastIndexOf(' ', 240))}…` : text;
}

function bodyHtml(blocks: readonly Block[]): string {
  return blocks
    .filter((b) => b.kind === 'p')
    .map((b) => (b.kind === 'p' ? `<p>${escapeHtml(b.text)}</p>` : ''))
    .join('\n');
}

function pageFrom(
  outlet: Outlet,
  origin: string,
  path: string,
  parts: SeedPageParts,
  meta: {
    publishedAt: string;
    modifiedAt: string | null;
    section: string;
    byline: string | null;
    tags: string[];
    commentsCount: number;
    relatedOffset: number;
  },
): ArticlePage {
  return {
    outlet,
    origin,
    path,
    headline: parts.headline,
    standfirst: parts.standfirst,
    section: meta.section,
    byline: meta.byline ?? outlet.desk,
    publishedAt: meta.publishedAt,
    modifiedAt: meta.modifiedAt,
    dateline: parts.dateline,
    widgets: parts.widgets,
    pixel: parts.pixel,
    imageTitle: parts.imageTitle,
    body: parts.body,
    after: parts.after,
    related: relatedLinks(outlet, 5, meta.relatedOffset),
    tags: meta.tags,
    description: summaryOf(parts),
    image: { src: `${outlet.homePath}media/lead-${meta.relatedOffset}.jpg`, alt: parts.headline },
    commentsCount: meta.commentsCount,
    padding: null,
  };
}

/** Straight quotes and hyphens, as a copy desk with an old CMS would leave them. */
function plainTypography(text: string): string {
  return text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/[–—]/g, '-');
}

const cyrillicArticles = [
  {
    path: '/o/slobidskyi-visnyk/novyny/2023/12/22/kndr-peredala-rosii-boieprypasy',
    publishedAt: '2023-12-22T09:10:00+02:00',
    dateline: '22 грудня 2023, 09:10',
    headline: 'Посол США при НАТО: КНДР передала Росії нову партію боєприпасів',
    paragraphs: [
      'Північна Корея передала Росії нову партію військового спорядження та боєприпасів. Про це під час онлайн-брифінгу заявила постійна представниця США при НАТО Джуліанна Сміт.',
      'За її словами, переміщення контейнерів морем від північнокорейських портів до російських підтверджують супутникові знімки.',
      'У Вашингтоні вважають, що в обмін Пхеньян прагне отримати від Москви військові технології, зокрема винищувачі, зенітні ракети та обладнання для виробництва балістичних ракет.',
      'Сполучені Штати й надалі стежитимуть за розвитком подій і реагуватимуть на будь-які спроби КНДР постачати зброю Росії, наголосила дипломатка.',
    ],
  },
  {
    path: '/o/slobidskyi-visnyk/novyny/2023/12/23/rozvidka-estonii-zapasy-snariadiv',
    publishedAt: '2023-12-23T11:45:00+02:00',
    dateline: '23 грудня 2023, 11:45',
    headline: 'Розвідка Естонії оцінила запаси російських снарядів',
    paragraphs: [
      'Керівник розвідувального центру Сил оборони Естонії Антс Ківісельг заявив, що Росія має значні запаси артилерійських снарядів.',
      'За його оцінкою, їх вистачить приблизно на рік бойових дій низької інтенсивності, хоча частина боєприпасів застаріла.',
      'Він також зазначив, що поставки з Північної Кореї допомагають російській армії компенсувати нестачу власного виробництва.',
      'Раніше у Генштабі повідомляли, що російські війська змушені застосовувати неякісні снаряди та міни північнокорейського виробництва.',
    ],
  },
];

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
      const copies = [
        {
          outlet: demoOutlets.carpathianWire,
          path: '/o/carpathian-wire/europe/north-korean-munitions-keep-flowing-to-russia-us-mission-says-20240503.html',
          tracking: '?utm_source=carpathian-wire&utm_medium=rss&utm_campaign=europe',
          publishedAt: '2024-05-03T11:30:00+02:00',
          dateline: '03/05/2024 11:30 CEST',
          headline: 'North Korean munitions keep flowing to Russia, US mission to the OSCE says',
          standfirst: 'Washington says Pyongyang wants Russian military technology in return.',
          body: originalBody,
          after: [
            {
              kind: 'credit',
              text: 'This article was originally published by Bridges Review and is republished here under a content-sharing agreement.',
            },
            {
              kind: 'plea',
              text: 'Get the Carpathian Wire daily briefing: the five stories you need before breakfast.',
              cta: 'Sign up free',
            },
          ] satisfies Block[],
          id: 'carpathian-wire-88412',
        },
        {
          outlet: demoOutlets.steppeCourier,
          path: '/o/steppe-courier/articles/2024-05-04/pyongyang-ships-moscow-more-ammunition',
          tracking: '?utm_source=rss&utm_medium=rss&utm_campaign=pyongyang-ships-moscow-more-ammunition',
          publishedAt: '2024-05-04T08:15:00+03:00',
          dateline: '04.05.2024, 08:15',
          headline: 'Pyongyang ships Moscow more ammunition, US envoy tells OSCE',
          standfirst: null,
          body: originalBody.flatMap((b): Block[] =>
            b.kind === 'p' ? [{ kind: 'p', text: plainTypography(b.text) }] : [],
          ),
          after: [
            {
              kind: 'plea',
              text: 'Steppe Courier is independent and paid for by its readers. Subscribe and keep local reporting alive.',
              cta: 'Subscribe',
            },
          ] satisfies Block[],
          id: 'urn:uuid:5f0c2b7e-9a41-4c1e-8d55-3b2f4e6a7c90',
        },
      ];
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

  // A feed item whose page was taken down: the link answers 404.
  const ledger = demoOutlets.atlanticLedger;
  const missingPath = '/o/atlantic-ledger/world/2023/10/12/pentagon-weighs-air-defence-package-for-kyiv';
  const missingAt = '2023-10-12T17:05:00-04:00';
  items.push({
    outlet: ledger,
    entry: {
      title: 'Pentagon weighs a new air-defence package for Kyiv',
      link: origin + missingPath,
      id: origin + missingPath,
      idIsPermaLink: true,
      publishedAt: missingAt,
      rawDate: null,
      updatedAt: null,
      author: ledger.desk,
      categories: ['World'],
      summary: 'Officials are discussing which systems could be sent before winter.',
      contentHtml: null,
    },
    article: {
      url: origin + missingPath,
      feedLink: origin + missingPath,
      feedUrls: [],
      outlet: ledger.name,
      outletSlug: ledger.slug,
      publishedAt: missingAt,
      title: 'Pentagon weighs a new air-defence package for Kyiv',
      kind: 'missing',
      lang: 'en',
      charset: 'utf-8',
    },
  });

  // A feed item that links to a PDF document.
  const observer = demoOutlets.levantObserver;
  const pdfPath = '/o/levant-observer/files/2023/10/white-house-briefing-dprk-arms-transfers.pdf';
  const pdfAt = '2023-10-13T19:00:00+03:00';
  const pdfTitle = 'Full text: White House briefing on DPRK arms transfers (PDF)';
  resources.set(
    pdfPath,
    makeResource(
      pdfDocument('White House press briefing (excerpt)', [
        'Document served by the demo newsroom.',
        'This file stands in for a transcript an outlet links from its feed.',
      ]),
      'application/pdf',
      { lastModified: new Date(pdfAt), cacheControl: 'public, max-age=86400' },
    ),
  );
  items.push({
    outlet: observer,
    entry: {
      title: pdfTitle,
      link: origin + pdfPath,
      id: `tag:levant-observer.example,2023-10-13:briefing-pdf`,
      idIsPermaLink: false,
      publishedAt: pdfAt,
      rawDate: null,
      updatedAt: null,
      author: observer.desk,
      categories: ['Documents'],
      summary: 'Read the full briefing as a PDF document.',
      contentHtml: null,
    },
    article: {
      url: origin + pdfPath,
      feedLink: origin + pdfPath,
      feedUrls: [],
      outlet: observer.name,
      outletSlug: observer.slug,
      publishedAt: pdfAt,
      title: pdfTitle,
      kind: 'pdf',
      lang: 'en',
      charset: 'utf-8',
    },
  });

  // A broken item: no link, no guid, a date no parser can read. The rest of the feed is fine.
  const vistula = demoOutlets.vistulaDaily;
  items.push({
    outlet: vistula,
    entry: {
      title: 'Weekly review: the week in Ukraine',
      link: null,
      id: null,
      idIsPermaLink: false,
      publishedAt: null,
      rawDate: 'Friday, 32 Octember 2023 25:61:00 CEST',
      updatedAt: null,
      author: vistula.desk,
      categories: ['World'],
      summary: 'A round-up of the week on the front line and in diplomacy.',
      contentHtml: null,
    },
    article: null,
  });

  // Feeds, newest item first; every outlet advertises its feeds on its home page.
  const feeds: NewsroomFeed[] = [];
  const outlets = Object.values(demoOutlets) as Outlet[];
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
