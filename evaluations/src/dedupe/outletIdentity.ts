import { int, pick, type Random, sample } from './random.ts';

/** Who an invented outlet is: the facts its boilerplate speaks of. */
export interface OutletIdentity {
  name: string;
  /** The name without a leading "The", for "the {short} app". */
  short: string;
  host: string;
  company: string;
  city: string;
  country: string;
  founded: number;
  /** What it covers, for "about us" and newsletter blurbs. */
  beats: string[];
  email: string;
  authors: string[];
}

const FIRST = [
  'Northern',
  'Harbour',
  'Valley',
  'Capital',
  'Coastal',
  'Metro',
  'Union',
  'Prairie',
  'Lakeside',
  'Summit',
  'Riverside',
  'Frontier',
  'Civic',
  'Pioneer',
  'Meridian',
  'Granite',
  'Beacon',
  'Highland',
  'Evening',
  'Morning',
  'Continental',
  'Eastern',
  'Western',
  'Atlantic',
  'Pacific',
  'Midland',
  'Central',
  'Open',
  'Daily',
  'Weekly',
];
const SECOND = [
  'Ledger',
  'Courier',
  'Chronicle',
  'Dispatch',
  'Observer',
  'Herald',
  'Post',
  'Gazette',
  'Tribune',
  'Review',
  'Sentinel',
  'Monitor',
  'Record',
  'Bulletin',
  'Standard',
  'Journal',
  'Wire',
  'Report',
  'Times',
  'Examiner',
];
const CITIES: [string, string][] = [
  ['Leeds', 'England'],
  ['Cardiff', 'Wales'],
  ['Dundee', 'Scotland'],
  ['Cork', 'Ireland'],
  ['Halifax', 'Canada'],
  ['Winnipeg', 'Canada'],
  ['Denver', 'the United States'],
  ['Tucson', 'the United States'],
  ['Perth', 'Australia'],
  ['Hobart', 'Australia'],
  ['Dunedin', 'New Zealand'],
  ['Durban', 'South Africa'],
  ['Pune', 'India'],
  ['Omaha', 'the United States'],
  ['Bristol', 'England'],
  ['Aberdeen', 'Scotland'],
];
const BEATS = [
  'local politics',
  'business',
  'technology',
  'science',
  'health',
  'the environment',
  'education',
  'courts and crime',
  'sport',
  'culture',
  'housing',
  'transport',
  'energy',
  'agriculture',
  'personal finance',
  'world affairs',
  'public services',
  'labour and workplaces',
  'food',
  'travel',
];
const GIVEN = [
  'Alex',
  'Sam',
  'Jordan',
  'Priya',
  'Tomasz',
  'Aisha',
  'Mateo',
  'Hannah',
  'Kenji',
  'Olivia',
  'Noah',
  'Fatima',
  'Liam',
  'Chiara',
  'Dmitri',
  'Grace',
  'Ravi',
  'Sofia',
  'Ethan',
  'Mei',
  'Lucas',
  'Amara',
  'Owen',
  'Ines',
];
const FAMILY = [
  'Hartley',
  'Okafor',
  'Lindqvist',
  'Moreau',
  'Castellano',
  'Brennan',
  'Nakamura',
  'Adeyemi',
  'Kowalski',
  'Fitzgerald',
  'Haddad',
  'Sorensen',
  'Delacroix',
  'Whitmore',
  'Petrov',
  'Achterberg',
  'Mbeki',
  'Ferreira',
  'Gallagher',
  'Iwasaki',
  'Holloway',
  'Varga',
  'Quinlan',
  'Ashworth',
];
const COMPANY_FORMS = [
  'Media Ltd',
  'Publishing Group',
  'News Company',
  'Press Holdings',
  'Media Trust',
  'Newspapers plc',
];

/** A new outlet; names are drawn without repeats across the outlets of one draw (`taken`). */
export function createIdentity(r: Random, taken: Set<string>): OutletIdentity {
  let name = '';
  do name = `The ${pick(r, FIRST)} ${pick(r, SECOND)}`;
  while (taken.has(name));
  taken.add(name);
  const bare = name.replace(/^The /, '');
  const slug = bare.toLowerCase().replace(/[^a-z]+/g, '');
  const [city, country] = pick(r, CITIES);
  const host = `${pick(r, ['www.', 'www.', 'news.', ''])}${slug}.example`;
  return {
    name,
    short: bare,
    host,
    company: r() < 0.5 ? `${bare} ${pick(r, COMPANY_FORMS)}` : `${city} ${pick(r, COMPANY_FORMS)}`,
    city,
    country,
    founded: int(r, 1854, 2019),
    beats: sample(r, BEATS, int(r, 3, 6)),
    email: `${pick(r, ['newsdesk', 'tips', 'editor', 'corrections', 'hello'])}@${slug}.example`,
    authors: Array.from({ length: int(r, 2, 5) }, () => `${pick(r, GIVEN)} ${pick(r, FAMILY)}`),
  };
}

/** "a, b and c" */
export function listOf(xs: readonly string[]): string {
  if (xs.length <= 1) return xs.join('');
  return `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}
