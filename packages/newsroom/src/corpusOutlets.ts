import { type Outlet, type TemplateFamily, templateFamilies } from './ArticlePage.ts';
import type { CorpusFeed } from './Corpus.ts';
import { isoDay } from './corpusFormat.ts';
import { slugify } from './markup.ts';
import { englishUi } from './outletUi.ts';
import type { Rng } from './Rng.ts';

const placeNames = [
  'Baltic',
  'Danube',
  'Carpathian',
  'Dnipro',
  'Vistula',
  'Adriatic',
  'Pontic',
  'Nordic',
  'Alpine',
  'Caspian',
  'Tatra',
  'Oder',
  'Rhine',
  'Elbe',
  'Meridian',
  'Harbour',
  'Lakeside',
  'Northern',
  'Eastern',
  'Continental',
];
const mastheadNouns = [
  'Herald',
  'Ledger',
  'Dispatch',
  'Courier',
  'Observer',
  'Wire',
  'Chronicle',
  'Gazette',
  'Post',
  'Times',
  'Review',
  'Monitor',
  'Tribune',
  'Bulletin',
  'Sentinel',
];
const offsets = ['+00:00', '+01:00', '+02:00', '+03:00', '-04:00', '-05:00'];
const sectionSets = [
  ['World', 'Politics', 'War', 'Economy', 'Opinion', 'Culture'],
  ['News', 'Europe', 'World', 'Business', 'Science'],
  ['News', 'Region', 'World', 'Defence', 'Analysis', 'Sport'],
  ['Latest', 'Ukraine', 'Russia', 'Security', 'Diplomacy'],
];
const accents = ['#8b0000', '#0057b7', '#2e7d32', '#c8102e', '#4db2ec', '#e8a33d', '#5b2a86', '#555555'];

export interface GeneratedOutlet {
  outlet: Outlet;
  offset: string;
  usDates: boolean;
  /** Adds `utm_*` parameters to every link of its feed. */
  tracksLinks: boolean;
  feed: CorpusFeed;
  /** Family-specific furniture choices. */
  family: TemplateFamily;
}

export function makeOutlets(count: number, rng: Rng): GeneratedOutlet[] {
  const names = rng.shuffle(placeNames.flatMap((place) => mastheadNouns.map((noun) => `The ${place} ${noun}`)));
  const out: GeneratedOutlet[] = [];
  for (let i = 0; i < count; i++) {
    const base = names[i % names.length]!;
    const name =
      i < names.length
        ? base
        : `${base} ${['International', 'Weekly', 'Evening Edition', 'Online'][Math.floor(i / names.length - 1) % 4]}${i >= names.length * 5 ? ` ${i}` : ''}`;
    const slug = slugify(name.replace(/^The /, ''));
    const family = templateFamilies[i % templateFamilies.length]!;
    const format: 'rss' | 'atom' = rng.chance(0.6) ? 'rss' : 'atom';
    const homePath = `/c/${slug}/`;
    const feedPath = `${homePath}${format === 'rss' ? 'rss.xml' : 'atom.xml'}`;
    const outlet: Outlet = {
      slug,
      name,
      family,
      lang: 'en',
      charset: 'utf-8',
      homePath,
      sections: rng.pick(sectionSets),
      accent: rng.pick(accents),
      classPrefix:
        slug
          .split('-')
          .map((w) => w[0])
          .join('') + String(i % 100),
      feeds: [{ path: feedPath, format, title: `${name}: latest news` }],
      ui: englishUi(name),
      desk: `${name.replace(/^The /, '')} staff`,
    };
    out.push({
      outlet,
      offset: rng.pick(offsets),
      usDates: rng.chance(0.4),
      tracksLinks: rng.chance(0.3),
      family,
      feed: { path: feedPath, title: `${name}: latest news`, format, charset: 'utf-8', outlet: name, outletSlug: slug },
    });
  }
  return out;
}

// ---------------------------------------------------------------- statements

/** Where an outlet of `g`'s family puts an article; `usedPaths` keeps a corpus's paths apart. */
export function articlePath(
  g: GeneratedOutlet,
  headline: string,
  day: number,
  slot: number,
  usedPaths: Set<string>,
): string {
  const slug = slugify(headline, 9) || 'story';
  const date = isoDay(day);
  const [y, m, d] = date.split('-');
  const numericId = 1_000_000 + slot * 7919;
  const base = g.outlet.homePath;
  let path: string;
  switch (g.family) {
    case 'ledger':
      path = `${base}${g.outlet.sections[0]!.toLowerCase()}/${y}/${m}/${d}/${slug}`;
      break;
    case 'wordpress':
      path = `${base}${slug}/`;
      break;
    case 'portal':
      path = `${base}news/${numericId}-${slug}.html`;
      break;
    case 'magazine':
      path = `${base}${y}/${m}/${d}/${slug}/`;
      break;
    case 'wire':
      path = `${base}news/world/${numericId}-${slug}`;
      break;
    case 'aggregator':
      path = `${base}${g.outlet.sections[1]!.toLowerCase()}/${slug}-${y}${m}${d}.html`;
      break;
    case 'bulletin':
      path = `${base}articles/${date}/${slug}`;
      break;
  }
  if (usedPaths.has(path)) path = path.endsWith('/') ? `${path.slice(0, -1)}-${slot}/` : `${path}-${slot}`;
  usedPaths.add(path);
  return path;
}

/** The link an outlet's feed gives for an article: with `utm_*` parameters where it tracks links, and on copies. */
export function feedLinkOf(g: GeneratedOutlet, path: string, copy: boolean): string {
  if (!copy && !g.tracksLinks) return path;
  const campaign = path
    .split('/')
    .filter(Boolean)
    .pop()!
    .replace(/\.html$/, '');
  return `${path}?utm_source=${g.outlet.slug}&utm_medium=rss&utm_campaign=${copy ? 'syndication' : campaign.slice(0, 40)}`;
}

/** The outlet's desk, or half the time a reporter's name. */
export function bylineOf(g: GeneratedOutlet, r: Rng): string {
  if (r.chance(0.5)) return g.outlet.desk;
  const first = r.pick([
    'Anna',
    'Marek',
    'Olha',
    'Peter',
    'Ruth',
    'Tomas',
    'Ines',
    'Viktor',
    'Claire',
    'Jonas',
    'Maria',
    'Stefan',
  ]);
  const last = r.pick([
    'Novak',
    'Lindgren',
    'Petrenko',
    'Fischer',
    'Moreau',
    'Horvat',
    'Keller',
    'Walsh',
    'Rossi',
    'Berglund',
    'Kral',
    'Doyle',
  ]);
  return `${first} ${last}`;
}
