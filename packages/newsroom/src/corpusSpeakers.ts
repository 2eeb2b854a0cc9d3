import type { SpeakerPool } from './corpusFigures.ts';
import type { Rng } from './Rng.ts';

export interface Speaker {
  name: string;
  /** Used after "the": "the US ambassador to NATO". */
  role: string;
  /** Short source for headlines: "US envoy", "Kyiv". */
  label: string;
  pool: SpeakerPool;
}

type NamePool =
  | 'us'
  | 'uk'
  | 'ua'
  | 'ee'
  | 'lt'
  | 'lv'
  | 'kr'
  | 'jp'
  | 'de'
  | 'dk'
  | 'nl'
  | 'pl'
  | 'se'
  | 'ca'
  | 'eu'
  | 'analyst';

const roles: Record<SpeakerPool, ReadonlyArray<{ role: string; label: string; names: NamePool }>> = {
  us: [
    { role: 'spokesperson for the US National Security Council', label: 'White House', names: 'us' },
    { role: 'US ambassador to NATO', label: 'US envoy', names: 'us' },
    { role: 'deputy head of the US mission to the OSCE', label: 'US diplomat', names: 'us' },
    { role: 'Pentagon press secretary', label: 'Pentagon', names: 'us' },
    { role: 'US State Department spokesperson', label: 'State Department', names: 'us' },
  ],
  uk: [
    { role: 'head of British defence intelligence', label: 'UK intelligence', names: 'uk' },
    { role: 'UK armed forces minister', label: 'London', names: 'uk' },
    { role: 'British ambassador to the OSCE', label: 'UK envoy', names: 'uk' },
  ],
  ukraine: [
    { role: "spokesperson for Ukraine's military intelligence", label: 'Ukrainian intelligence', names: 'ua' },
    { role: 'spokesperson for the Ukrainian General Staff', label: 'Kyiv', names: 'ua' },
    { role: 'Ukrainian deputy defence minister', label: 'Kyiv', names: 'ua' },
    { role: "head of Ukraine's Centre for Countering Disinformation", label: 'Kyiv', names: 'ua' },
  ],
  baltic: [
    { role: 'head of the Estonian Defence Forces Intelligence Centre', label: 'Estonian intelligence', names: 'ee' },
    { role: 'Lithuanian deputy foreign minister', label: 'Vilnius', names: 'lt' },
    { role: 'Latvian defence ministry spokesperson', label: 'Riga', names: 'lv' },
  ],
  korea: [
    { role: 'South Korean defence minister', label: 'Seoul', names: 'kr' },
    {
      role: "spokesperson for South Korea's National Intelligence Service",
      label: 'South Korean intelligence',
      names: 'kr',
    },
    { role: 'Japanese defence ministry spokesperson', label: 'Tokyo', names: 'jp' },
  ],
  germany: [
    { role: 'German defence ministry spokesperson', label: 'Berlin', names: 'de' },
    { role: 'German deputy government spokesperson', label: 'Berlin', names: 'de' },
  ],
  denmark: [{ role: 'Danish defence minister', label: 'Copenhagen', names: 'dk' }],
  netherlands: [{ role: 'Dutch defence ministry spokesperson', label: 'The Hague', names: 'nl' }],
  poland: [{ role: 'Polish deputy defence minister', label: 'Warsaw', names: 'pl' }],
  sweden: [{ role: 'Swedish defence minister', label: 'Stockholm', names: 'se' }],
  canada: [{ role: 'Canadian defence minister', label: 'Ottawa', names: 'ca' }],
  eu: [{ role: "EU's deputy foreign policy chief", label: 'Brussels', names: 'eu' }],
  thinkTank: [
    { role: 'senior fellow at the Baltic Security Institute', label: 'think tank', names: 'analyst' },
    { role: 'director of the Danube Policy Forum', label: 'think tank', names: 'analyst' },
    { role: 'military analyst at the Transatlantic Defence Institute', label: 'think tank', names: 'analyst' },
  ],
};

/** Invented names; a full name is `first last`, or `first` alone where the pool has no last names. */
const names: Record<NamePool, { first: readonly string[]; last: readonly string[] }> = {
  us: {
    first: ['Karen', 'Michael', 'Laura', 'Daniel', 'Susan', 'Brian', 'Megan', 'Gregory', 'Alicia', 'Thomas'],
    last: [
      'Whitaker',
      'Delgado',
      'Hendricks',
      'Caldwell',
      'Morrison',
      'Pruitt',
      'Okafor',
      'Barrett',
      'Sutton',
      'Lowell',
    ],
  },
  uk: {
    first: ['Eleanor', 'James', 'Harriet', 'Oliver', 'Fiona', 'Rupert'],
    last: ['Hartley', 'Pemberton', 'Ashdown', 'Fairclough', 'Whitmore', 'Ellison'],
  },
  ua: {
    first: ['Andriy', 'Olena', 'Taras', 'Iryna', 'Serhiy', 'Oksana', 'Dmytro', 'Halyna'],
    last: ['Kovalenko', 'Shevchuk', 'Bondar', 'Tkachenko', 'Melnyk', 'Hnatyuk', 'Savchuk', 'Marchenko'],
  },
  ee: { first: ['Mart', 'Kadri', 'Tiit', 'Liina', 'Rein'], last: ['Tamm', 'Saar', 'Kask', 'Paju', 'Mets'] },
  lt: { first: ['Gintaras', 'Rasa', 'Tomas', 'Egle'], last: ['Kazlauskas', 'Petrauskas', 'Jankauskas', 'Vaitkus'] },
  lv: { first: ['Janis', 'Ilze', 'Andris', 'Liga'], last: ['Ozols', 'Kalnins', 'Berzins', 'Liepa'] },
  kr: { first: ['Kim Min-jun', 'Park Ji-won', 'Lee Seo-yeon', 'Choi Hyun-woo', 'Jung Da-eun'], last: [''] },
  jp: { first: ['Sato Hiroshi', 'Tanaka Yuki', 'Kobayashi Aiko', 'Watanabe Ken'], last: [''] },
  de: { first: ['Katrin', 'Jens', 'Sabine', 'Matthias'], last: ['Vogel', 'Albrecht', 'Hoffmann', 'Krause'] },
  dk: { first: ['Mette', 'Lars', 'Signe', 'Anders'], last: ['Lund', 'Holm', 'Kjaer', 'Dahl'] },
  nl: { first: ['Pieter', 'Sanne', 'Joost', 'Femke'], last: ['de Vries', 'Janssen', 'Visser', 'Bakker'] },
  pl: { first: ['Agnieszka', 'Marek', 'Tomasz', 'Joanna'], last: ['Nowak', 'Zielinski', 'Wojcik', 'Kaminska'] },
  se: { first: ['Sofia', 'Erik', 'Karin', 'Johan'], last: ['Berg', 'Lindqvist', 'Nyberg', 'Sandstrom'] },
  ca: { first: ['Claire', 'Ryan', 'Genevieve', 'Colin'], last: ['Tremblay', 'MacLeod', 'Gagnon', 'Fraser'] },
  eu: { first: ['Sophie', 'Luca', 'Ines', 'Henrik'], last: ['Marchal', 'Bianchi', 'Ferreira', 'Aalto'] },
  analyst: {
    first: ['Nora', 'Viktor', 'Helena', 'Marcus', 'Ines'],
    last: ['Halvorsen', 'Brandt', 'Kowalczyk', 'Reyes', 'Sorensen'],
  },
};

/** A corpus's cast of speakers, drawn once per corpus seed. */
export function makeSpeakers(rng: Rng): Map<SpeakerPool, Speaker[]> {
  const cast = new Map<SpeakerPool, Speaker[]>();
  const used = new Set<string>();
  for (const pool of Object.keys(roles) as SpeakerPool[]) {
    const list: Speaker[] = [];
    for (const { role, label, names: namePool } of roles[pool]) {
      // Distinct family names, so that a surname alone names one speaker.
      let name = '';
      let family = '';
      for (let attempt = 0; attempt < 50 && (name === '' || used.has(family)); attempt++) {
        const first = rng.pick(names[namePool].first);
        const last = rng.pick(names[namePool].last);
        name = last ? `${first} ${last}` : first;
        family = last || first;
      }
      used.add(family);
      list.push({ name, role, label, pool });
    }
    cast.set(pool, list);
  }
  return cast;
}
