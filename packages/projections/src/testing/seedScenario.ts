import { articleIdFor, feedIdFor } from '@tally/events';
import { LogBuilder } from './LogBuilder.ts';

/** Figure keys the seed scenario uses (the claims package owns the real key format). */
export const seedFigureKeys = {
  containers: 'transfer:KP>RU:container',
  najinShipment: 'shipment:KP>RU:container',
  artilleryShells: 'transfer:KP>RU:artillery-shell',
  shellsHeld: 'stock:RU:artillery-shell',
  ballisticMissiles: 'transfer:KP>RU:ballistic-missile',
  usAid: 'aid:US>UA:military',
} as const;

interface SeedOutlet {
  seed: string;
  siteName: string;
  feedUrl: string;
  url: string;
  publishedAt: string;
  title: string;
}

const outlet = (seed: string, host: string, siteName: string, slug: string, publishedAt: string, title: string) => ({
  seed,
  siteName,
  feedUrl: `https://${host}/feed.xml`,
  url: `https://${host}/news/${slug}`,
  publishedAt,
  title,
});

/** The five seed reports, each from its own outlet, dated as the seeds' EXPECTED.md says. */
export const seedOutlets = {
  r000: outlet(
    '000',
    'kyiv-wire.example',
    'Kyiv Wire',
    'dprk-containers-nato',
    '2023-12-21T17:24:00.000Z',
    'Russian forces received "thousands of ammunition containers" from North Korea – US envoy to NATO',
  ),
  r001: outlet(
    '001',
    'pacific-ledger.example',
    'Pacific Ledger',
    'north-korea-military-hardware',
    '2023-10-14T09:00:00.000Z',
    'US says North Korea delivered up to 1,000 containers of munitions to Russia',
  ),
  r002: outlet(
    '002',
    'continental-monitor.example',
    'Continental Monitor',
    'us-diplomat-containers',
    '2024-05-03T06:04:00.000Z',
    'US diplomat says North Korea ships thousands of ammunition containers to Russia',
  ),
  r003: outlet(
    '003',
    'vistula-daily.example',
    'Vistula Daily',
    'white-house-1000-containers',
    '2023-10-13T18:00:00.000Z',
    'USA. White House: North Korea sent Russia over 1,000 containers of weapons',
  ),
  r004: outlet(
    '004',
    'eastern-dispatch.example',
    'Eastern Dispatch',
    'wh-claims-dprk-1k-containers',
    '2023-10-14T07:30:00.000Z',
    'WH claims DPRK sent 1K containers of military assistance to Russia',
  ),
} satisfies Record<string, SeedOutlet>;

/** Two other outlets republishing report 003 under their own headline, with tracking parameters. */
export const seedSyndication = {
  copyA: outlet(
    '003',
    'harbor-times.example',
    'Harbor Times',
    'pyongyang-arms-russia?utm_source=wire&utm_medium=feed',
    '2023-10-13T21:00:00.000Z',
    'Pyongyang shipped arms to Moscow, White House says',
  ),
  copyB: outlet(
    '003',
    'riverside-gazette.example',
    'Riverside Gazette',
    'world/kim-putin-containers?ref=syndication',
    '2023-10-14T05:00:00.000Z',
    'Containers of weapons went from North Korea to Russia',
  ),
};

type OutletName = keyof typeof seedOutlets | keyof typeof seedSyndication;
const all: Record<OutletName, SeedOutlet> = { ...seedOutlets, ...seedSyndication };

export const seedArticleIds = Object.fromEntries(
  Object.entries(all).map(([name, o]) => [name, articleIdFor(o.url)]),
) as Record<OutletName, string>;
export const seedFeedIds = Object.fromEntries(
  Object.entries(all).map(([name, o]) => [name, feedIdFor(o.feedUrl)]),
) as Record<OutletName, string>;

const kirby = { name: 'John Kirby', role: 'US National Security Council spokesperson' };
const smith = { name: 'Julianne Smith', role: 'US Ambassador to NATO' };
const newell = { name: 'Tracey Newell', role: 'US Mission to the OSCE' };

interface SeedClaim {
  key: string;
  value: number | null;
  range?: [number, number];
  bound: '=' | '>' | '<=' | '~' | '~<';
  speaker: { name: string; role: string | null } | null;
  statedAt: string;
  sentence: string;
  /** A repetition of the report's figure (lead, caption) that names no person: only with `repetitions`. */
  repetition?: true;
}

/** The claims the seeds carry, by report (EXPECTED.md, "Claims"). */
const seedClaims: Record<OutletName, SeedClaim[]> = {
  r003: [
    {
      key: seedFigureKeys.containers,
      value: 1000,
      bound: '=',
      speaker: { name: 'White House', role: null },
      statedAt: '2023-10',
      sentence:
        'The White House reports that even before Kim Jong Un’s meeting with Vladimir Putin, North Korea transferred a thousand containers of military equipment to Russia.',
      repetition: true,
    },
    {
      key: seedFigureKeys.containers,
      value: 1000,
      bound: '>',
      speaker: kirby,
      statedAt: '2023-10-13',
      sentence:
        'The Pyongyang regime sent more than 1,000 containers of military equipment and ammunition to Russia in September, John Kirby, spokesman for the US National Security Council, said on Friday.',
    },
    {
      key: seedFigureKeys.najinShipment,
      value: 300,
      bound: '=',
      speaker: null,
      statedAt: '2023-10-13',
      sentence: 'The White House published satellite photos showing 300 containers assembled for transport in Najin.',
    },
    {
      key: seedFigureKeys.containers,
      value: 1000,
      bound: '>',
      speaker: null,
      statedAt: '2023-10',
      sentence: 'North Korea sent over 1,000 containers of military equipment and ammunition to Russia',
      repetition: true,
    },
  ],
  r001: [
    {
      key: seedFigureKeys.containers,
      value: 1000,
      bound: '<=',
      speaker: kirby,
      statedAt: '2023-10-13',
      sentence:
        'According to National Security Council Spokesperson John Kirby, Pyongyang has delivered up to 1,000 containers of “equipment and munitions” in recent weeks.',
    },
    {
      key: seedFigureKeys.najinShipment,
      value: 300,
      bound: '=',
      speaker: null,
      statedAt: '2023-10-13',
      sentence: 'Photographs released by officials show 300 containers assembled for transport in Najin, North Korea.',
    },
    {
      key: seedFigureKeys.usAid,
      value: 6_000_000_000,
      bound: '=',
      speaker: null,
      statedAt: '2023-10',
      sentence: 'Congress halted $6 billion in military aid to Ukraine.',
    },
  ],
  r004: [
    {
      key: seedFigureKeys.containers,
      value: 1000,
      bound: '>',
      speaker: kirby,
      statedAt: '2023-10-13',
      sentence:
        'The White House on Friday announced that the DPRK has supplied Russia with over 1,000 containers of military equipment and ammunition to support its special military operation in Ukraine.',
    },
  ],
  copyA: [
    {
      key: seedFigureKeys.containers,
      value: 1000,
      bound: '>',
      speaker: kirby,
      statedAt: '2023-10-13',
      sentence:
        'The Pyongyang regime sent more than 1,000 containers of military equipment and ammunition to Russia in September, John Kirby, spokesman for the US National Security Council, said on Friday.',
    },
  ],
  copyB: [],
  r000: [
    {
      key: seedFigureKeys.containers,
      value: 1000,
      bound: '>',
      speaker: { name: 'US officials', role: null },
      statedAt: '2023-12',
      sentence:
        'The latest report by US officials, confirmed by satellite footage, says North Korea has delivered over a thousand containers of military equipment and munitions to Russia.',
      repetition: true,
    },
    {
      key: seedFigureKeys.containers,
      value: 1000,
      bound: '>',
      speaker: smith,
      statedAt: '2023-12-20',
      sentence:
        '"According to our information, the DPRK has transferred more than a thousand containers of military equipment and ammunition to Russia," the US envoy said.',
    },
    {
      key: seedFigureKeys.artilleryShells,
      value: 1_000_000,
      bound: '>',
      speaker: { name: 'Bloomberg', role: null },
      statedAt: '2023-10',
      sentence:
        'As Bloomberg reported, North Korea has shipped over 1 million artillery shells to Russia since October.',
    },
    {
      key: seedFigureKeys.shellsHeld,
      value: 4_000_000,
      bound: '=',
      speaker: { name: 'Ants Kiviselg', role: 'Estonian Defence Forces intelligence' },
      statedAt: '2023-12',
      sentence:
        'Russia has four million artillery shells, said Ants Kiviselg of the Estonian Defence Forces intelligence.',
    },
  ],
  r002: [
    {
      key: seedFigureKeys.containers,
      value: 11_000,
      bound: '~<',
      speaker: newell,
      statedAt: '2024-05',
      sentence:
        '“Since the end of last year, North Korea has delivered nearly 11,000 containers of ammunition to Russia, as well as ballistic missile launchers and dozens of ballistic missiles.',
    },
    {
      key: seedFigureKeys.ballisticMissiles,
      value: null,
      range: [24, 99],
      bound: '~',
      speaker: newell,
      statedAt: '2024-05',
      sentence:
        '“Since the end of last year, North Korea has delivered nearly 11,000 containers of ammunition to Russia, as well as ballistic missile launchers and dozens of ballistic missiles.',
    },
  ],
};

export interface SeedScenarioOptions {
  /** Include the two syndicated copies of report 003 (one analysed, one not). @defaultValue true */
  syndicate?: boolean;
  /** Put the duplicate verdicts after the copies' claims (a verdict that arrives late). @defaultValue false */
  lateVerdicts?: boolean;
  /**
   * Also log the repetitions of the containers figure that name no person: in 003 the White House
   * lead ("a thousand containers") and the caption (unattributed), in 000 the lead by "US officials".
   * @defaultValue false
   */
  repetitions?: boolean;
}

function publish(
  log: LogBuilder,
  name: OutletName,
  duplicateOf: OutletName | null,
  lateVerdict: boolean,
  repetitions: boolean,
): void {
  const o = all[name];
  const articleId = seedArticleIds[name];
  const claims = seedClaims[name].filter((c) => repetitions || !c.repetition);
  const text = claims.map((c) => c.sentence).join(' ');
  log
    .articleDiscovered({ articleId, feedId: seedFeedIds[name], url: o.url, title: o.title, publishedAt: o.publishedAt })
    .articleFetched(articleId, o.url)
    .articleExtracted({
      articleId,
      url: o.url,
      siteName: o.siteName,
      title: o.title,
      publishedAt: o.publishedAt,
      text,
    });
  if (duplicateOf && !lateVerdict) log.duplicateDetected(articleId, seedArticleIds[duplicateOf], 0.93, 'minhash');
  let at = 0;
  for (const [n, c] of claims.entries()) {
    const start = text.indexOf(c.sentence, at);
    at = start + c.sentence.length;
    log.claim({
      claimId: `${articleId}:${n}`,
      articleId,
      figureKey: c.key,
      value: c.value,
      range: c.range ?? null,
      bound: c.bound,
      unit: null,
      speaker: c.speaker,
      statedAt: c.statedAt,
      sentence: c.sentence,
      span: [start, start + c.sentence.length],
      url: o.url,
      publishedAt: o.publishedAt,
      siteName: o.siteName,
      subject: 'North Korea',
      recipient: 'Russia',
      concept: c.key.split(':').at(-1) ?? null,
    });
  }
  if (claims.length > 0) log.articleAnalyzed(articleId, claims.length);
  if (duplicateOf && lateVerdict) log.duplicateDetected(articleId, seedArticleIds[duplicateOf], 0.93, 'minhash');
}

/**
 * The seed reports as the pipeline would log them: feeds registered and polled, each report
 * discovered, fetched, extracted and analysed in publication order, claims as in EXPECTED.md, and
 * (by default) report 003 syndicated by two other outlets, credited to it as copies.
 */
export function seedScenario(options: SeedScenarioOptions = {}): LogBuilder {
  const syndicate = options.syndicate ?? true;
  const log = new LogBuilder();
  const names: OutletName[] = syndicate
    ? ['r003', 'copyA', 'r001', 'r004', 'copyB', 'r000', 'r002']
    : ['r003', 'r001', 'r004', 'r000', 'r002'];
  for (const name of names) log.feedRegistered(seedFeedIds[name], all[name].feedUrl, all[name].siteName);
  for (const name of names) {
    log.feedPolled(seedFeedIds[name], {
      url: all[name].feedUrl,
      slot: '2024-05-03T07:00:00.000Z',
      nextCheckAt: '2024-05-03T07:15:00.000Z',
      newItemCount: 1,
    });
  }
  for (const name of names) {
    publish(
      log,
      name,
      name === 'copyA' || name === 'copyB' ? 'r003' : null,
      options.lateVerdicts ?? false,
      options.repetitions ?? false,
    );
  }
  return log;
}
