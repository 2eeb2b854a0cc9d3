import type { LinkRef, Outlet, OutletFeedLink, OutletUi, TemplateFamily } from './ArticlePage.ts';
import { slugify } from './markup.ts';
import { englishUi, ukrainianUi } from './outletUi.ts';

/*
 * The demo newsroom's outlets. Names are invented; each has its own page template, path scheme and
 * feed format, as the outlets of the real seed reports did.
 */

const englishSections = ['World', 'Politics', 'War', 'Economy', 'Opinion', 'Culture', 'Sport'];

interface DemoOutletSpec {
  slug: string;
  name: string;
  family: TemplateFamily;
  /** `uk`: a Ukrainian outlet on an old Cyrillic site, pages and feeds in windows-1251. Default `en`, in UTF-8. */
  lang?: 'en' | 'uk';
  sections: readonly string[];
  accent: string;
  /** Paths under the outlet's home. */
  feeds: OutletFeedLink[];
  /** Interface strings that differ from the English defaults. */
  ui?: Partial<OutletUi>;
  desk: string;
}

/** An outlet served under `/o/<slug>/`, its CSS classes prefixed with the initials of its slug. */
function demoOutlet({ slug, name, family, lang = 'en', sections, accent, feeds, ui, desk }: DemoOutletSpec): Outlet {
  const homePath = `/o/${slug}/`;
  return {
    slug,
    name,
    family,
    lang,
    charset: lang === 'uk' ? 'windows-1251' : 'utf-8',
    homePath,
    sections,
    accent,
    classPrefix: slug
      .split('-')
      .map((word) => word[0])
      .join(''),
    feeds: feeds.map((feed) => ({ ...feed, path: homePath + feed.path })),
    ui: lang === 'uk' ? ukrainianUi(name) : englishUi(name, ui),
    desk,
  };
}

export const demoOutlets = {
  dniproDispatch: demoOutlet({
    slug: 'dnipro-dispatch',
    name: 'The Dnipro Dispatch',
    family: 'portal',
    sections: ['News', 'War', 'Politics', 'Economy', 'Society', 'Video'],
    accent: '#0057b7',
    feeds: [{ path: 'rss.xml', format: 'rss', title: 'The Dnipro Dispatch: all news' }],
    ui: { mostRead: 'News feed', subscribe: 'Subscribe to our Telegram channel' },
    desk: 'Dnipro Dispatch newsroom',
  }),
  atlanticLedger: demoOutlet({
    slug: 'atlantic-ledger',
    name: 'The Atlantic Ledger',
    family: 'ledger',
    sections: englishSections,
    accent: '#8b0000',
    feeds: [
      { path: 'world/rss.xml', format: 'rss', title: 'The Atlantic Ledger - World' },
      { path: 'world/atom.xml', format: 'atom', title: 'The Atlantic Ledger - World (Atom)' },
    ],
    desk: 'Ledger World Desk',
  }),
  bridgesReview: demoOutlet({
    slug: 'bridges-review',
    name: 'Bridges Review',
    family: 'magazine',
    sections: ['News', 'Analysis', 'Explainers', 'Culture', 'Opinion'],
    accent: '#e8a33d',
    feeds: [{ path: 'feed/atom/', format: 'atom', title: 'Bridges Review' }],
    ui: { subscribe: 'Independent journalism about Ukraine, funded by readers.' },
    desk: 'Bridges Review',
  }),
  vistulaDaily: demoOutlet({
    slug: 'vistula-daily',
    name: 'Vistula Daily',
    family: 'wordpress',
    sections: ['World', 'Europe', 'USA', 'Business', 'Tech'],
    accent: '#4db2ec',
    feeds: [{ path: 'feed/', format: 'rss', title: 'Vistula Daily' }],
    ui: { mostRead: 'Latest article' },
    desk: 'Vistula Daily',
  }),
  levantObserver: demoOutlet({
    slug: 'levant-observer',
    name: 'The Levant Observer',
    family: 'wire',
    sections: ['Lebanon', 'World', 'Politics', 'Business', 'Opinion'],
    accent: '#c8102e',
    feeds: [{ path: 'feeds/world.atom', format: 'atom', title: 'The Levant Observer - World' }],
    desk: 'Levant Observer Staff',
  }),
  carpathianWire: demoOutlet({
    slug: 'carpathian-wire',
    name: 'Carpathian Wire',
    family: 'aggregator',
    sections: ['Europe', 'World', 'Business', 'Science', 'Lifestyle'],
    accent: '#2e7d32',
    feeds: [{ path: 'europe/rss', format: 'rss', title: 'Carpathian Wire | Europe' }],
    ui: { newsletter: 'The Carpathian Wire daily: five stories before breakfast' },
    desk: 'Carpathian Wire',
  }),
  steppeCourier: demoOutlet({
    slug: 'steppe-courier',
    name: 'Steppe Courier',
    family: 'bulletin',
    sections: ['News', 'Region', 'World', 'Economy', 'Letters'],
    accent: '#555555',
    feeds: [{ path: 'feed.atom', format: 'atom', title: 'Steppe Courier: latest articles' }],
    ui: { mostRead: 'Archive', related: 'See also' },
    desk: 'Steppe Courier',
  }),
  slobidskyiVisnyk: demoOutlet({
    slug: 'slobidskyi-visnyk',
    name: 'Слобідський вісник',
    family: 'portal',
    lang: 'uk',
    sections: ['Новини', 'Харків', 'Політика', 'Економіка', 'Культура'],
    accent: '#ffd500',
    feeds: [{ path: 'rss.xml', format: 'rss', title: 'Слобідський вісник — Новини' }],
    desk: 'Редакція «Слобідського вісника»',
  }),
} satisfies Record<string, Outlet>;

const englishRelated = [
  'EU leaders agree to open accession talks with Ukraine and Moldova',
  'Kremlin dismisses reports of a new mobilisation wave',
  'Seoul and Tokyo step up sharing of missile-warning data',
  'Analysts question how long Russia can sustain its artillery fire',
  'Baltic states push for faster ammunition production in Europe',
  'UN panel to examine violations of the arms embargo',
  'Ukraine prepares its air defences for a hard winter',
  'Japan urges Beijing to press Pyongyang on arms exports',
];

const ukrainianRelated = [
  'У Харкові відновили рух тролейбусів у центрі міста',
  'Синоптики попереджають про ожеледицю на дорогах області',
  'Волонтери передали військовим нові генератори',
  'У місті відкрили ще один пункт незламності',
];

/** Links to other (unserved) stories of an outlet, for related-links widgets. */
export function relatedLinks(outlet: Outlet, count = 5, offset = 0): LinkRef[] {
  const pool = outlet.lang === 'uk' ? ukrainianRelated : englishRelated;
  const links: LinkRef[] = [];
  for (let i = 0; i < Math.min(count, pool.length); i++) {
    const title = pool[(i + offset) % pool.length]!;
    const slug = outlet.lang === 'uk' ? `novyna-${(i + offset) % pool.length}` : slugify(title);
    links.push({ title, href: `${outlet.homePath}story/${slug}` });
  }
  return links;
}
