import type { LinkRef, Outlet } from './ArticlePage.ts';
import { slugify } from './markup.ts';
import { englishUi, ukrainianUi } from './outletUi.ts';

/*
 * The demo newsroom's outlets. Names are invented; each has its own page template, path scheme and
 * feed format, as the outlets of the real seed reports did.
 */

const englishSections = ['World', 'Politics', 'War', 'Economy', 'Opinion', 'Culture', 'Sport'];

export const demoOutlets = {
  dniproDispatch: {
    slug: 'dnipro-dispatch',
    name: 'The Dnipro Dispatch',
    family: 'portal',
    lang: 'en',
    charset: 'utf-8',
    homePath: '/o/dnipro-dispatch/',
    sections: ['News', 'War', 'Politics', 'Economy', 'Society', 'Video'],
    accent: '#0057b7',
    classPrefix: 'dd',
    feeds: [{ path: '/o/dnipro-dispatch/rss.xml', format: 'rss', title: 'The Dnipro Dispatch: all news' }],
    ui: englishUi('The Dnipro Dispatch', { mostRead: 'News feed', subscribe: 'Subscribe to our Telegram channel' }),
    desk: 'Dnipro Dispatch newsroom',
  },
  atlanticLedger: {
    slug: 'atlantic-ledger',
    name: 'The Atlantic Ledger',
    family: 'ledger',
    lang: 'en',
    charset: 'utf-8',
    homePath: '/o/atlantic-ledger/',
    sections: englishSections,
    accent: '#8b0000',
    classPrefix: 'al',
    feeds: [
      { path: '/o/atlantic-ledger/world/rss.xml', format: 'rss', title: 'The Atlantic Ledger - World' },
      { path: '/o/atlantic-ledger/world/atom.xml', format: 'atom', title: 'The Atlantic Ledger - World (Atom)' },
    ],
    ui: englishUi('The Atlantic Ledger'),
    desk: 'Ledger World Desk',
  },
  bridgesReview: {
    slug: 'bridges-review',
    name: 'Bridges Review',
    family: 'magazine',
    lang: 'en',
    charset: 'utf-8',
    homePath: '/o/bridges-review/',
    sections: ['News', 'Analysis', 'Explainers', 'Culture', 'Opinion'],
    accent: '#e8a33d',
    classPrefix: 'br',
    feeds: [{ path: '/o/bridges-review/feed/atom/', format: 'atom', title: 'Bridges Review' }],
    ui: englishUi('Bridges Review', { subscribe: 'Independent journalism about Ukraine, funded by readers.' }),
    desk: 'Bridges Review',
  },
  vistulaDaily: {
    slug: 'vistula-daily',
    name: 'Vistula Daily',
    family: 'wordpress',
    lang: 'en',
    charset: 'utf-8',
    homePath: '/o/vistula-daily/',
    sections: ['World', 'Europe', 'USA', 'Business', 'Tech'],
    accent: '#4db2ec',
    classPrefix: 'vd',
    feeds: [{ path: '/o/vistula-daily/feed/', format: 'rss', title: 'Vistula Daily' }],
    ui: englishUi('Vistula Daily', { mostRead: 'Latest article' }),
    desk: 'Vistula Daily',
  },
  levantObserver: {
    slug: 'levant-observer',
    name: 'The Levant Observer',
    family: 'wire',
    lang: 'en',
    charset: 'utf-8',
    homePath: '/o/levant-observer/',
    sections: ['Lebanon', 'World', 'Politics', 'Business', 'Opinion'],
    accent: '#c8102e',
    classPrefix: 'lo',
    feeds: [{ path: '/o/levant-observer/feeds/world.atom', format: 'atom', title: 'The Levant Observer - World' }],
    ui: englishUi('The Levant Observer'),
    desk: 'Levant Observer Staff',
  },
  carpathianWire: {
    slug: 'carpathian-wire',
    name: 'Carpathian Wire',
    family: 'aggregator',
    lang: 'en',
    charset: 'utf-8',
    homePath: '/o/carpathian-wire/',
    sections: ['Europe', 'World', 'Business', 'Science', 'Lifestyle'],
    accent: '#2e7d32',
    classPrefix: 'cw',
    feeds: [{ path: '/o/carpathian-wire/europe/rss', format: 'rss', title: 'Carpathian Wire | Europe' }],
    ui: englishUi('Carpathian Wire', { newsletter: 'The Carpathian Wire daily: five stories before breakfast' }),
    desk: 'Carpathian Wire',
  },
  steppeCourier: {
    slug: 'steppe-courier',
    name: 'Steppe Courier',
    family: 'bulletin',
    lang: 'en',
    charset: 'utf-8',
    homePath: '/o/steppe-courier/',
    sections: ['News', 'Region', 'World', 'Economy', 'Letters'],
    accent: '#555555',
    classPrefix: 'sc',
    feeds: [{ path: '/o/steppe-courier/feed.atom', format: 'atom', title: 'Steppe Courier: latest articles' }],
    ui: englishUi('Steppe Courier', { mostRead: 'Archive', related: 'See also' }),
    desk: 'Steppe Courier',
  },
  slobidskyiVisnyk: {
    slug: 'slobidskyi-visnyk',
    name: 'Слобідський вісник',
    family: 'portal',
    lang: 'uk',
    charset: 'windows-1251',
    homePath: '/o/slobidskyi-visnyk/',
    sections: ['Новини', 'Харків', 'Політика', 'Економіка', 'Культура'],
    accent: '#ffd500',
    classPrefix: 'sv',
    feeds: [{ path: '/o/slobidskyi-visnyk/rss.xml', format: 'rss', title: 'Слобідський вісник — Новини' }],
    ui: ukrainianUi('Слобідський вісник'),
    desk: 'Редакція «Слобідського вісника»',
  },
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
