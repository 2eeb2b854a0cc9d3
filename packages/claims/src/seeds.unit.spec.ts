import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractClaims } from './extractClaims.ts';
import { extractQuantities } from './extractQuantities.ts';
import { splitSentences } from './splitSentences.ts';
import type { Claim } from './types.ts';

// The five seed reports and their acceptance table (EXPECTED.md) live beside the repository.
const repoRoot = path.resolve(import.meta.dirname, '../../..');
const seedsDir = process.env.SEEDS_DIR ?? path.resolve(repoRoot, '../shared/seeds');

/** Publication dates from EXPECTED.md. */
const PUBLISHED: Record<string, string> = {
  '000': '2023-12-21T17:24:00Z',
  '001': '2023-10-14',
  '002': '2024-05-03T06:04:00Z',
  '003': '2023-10-13',
  '004': '2023-10-14',
};

const texts = new Map<string, string>();
for (const f of readdirSync(seedsDir)) {
  if (/^\d{3}_.*\.txt$/.test(f)) texts.set(f.slice(0, 3), readFileSync(path.join(seedsDir, f), 'utf8'));
}
const claimsOf = new Map<string, Claim[]>();
for (const [id, text] of texts) claimsOf.set(id, extractClaims(text, { publishedAt: PUBLISHED[id] }));

function find(report: string, figureKey: string, value: number | null): Claim[] {
  return (claimsOf.get(report) ?? []).filter((c) => c.figureKey === figureKey && c.value === value);
}

const CONTAINERS = 'transfer:KP>RU:container';

describe('seed reports: the claims of EXPECTED.md', () => {
  it('reads all five seed texts', () => {
    expect([...texts.keys()].sort()).toEqual(['000', '001', '002', '003', '004']);
  });

  it('North Korea → Russia, containers, 1,000: John Kirby, 13 October 2023, in 001 (up to), 003 and 004 (more than)', () => {
    const expectations: Array<[string, string, string]> = [
      ['001', '<=', '2023-10-14'], // no day in the text: the day of publication
      ['003', '>', '2023-10-13'], // "said on Friday", published Friday 13 October
      ['004', '>', '2023-10-13'], // "The White House on Friday announced", published the Saturday
    ];
    for (const [report, bound, statedAt] of expectations) {
      const hits = find(report, CONTAINERS, 1000).filter((c) => c.speaker?.name === 'John Kirby' && c.bound === bound);
      expect(hits.length, `report ${report}`).toBeGreaterThanOrEqual(1);
      const c = hits[0]!;
      expect(c.subject).toBe('North Korea');
      expect(c.recipient).toBe('Russia');
      expect(c.unit).toBe('container');
      expect(c.concept).toMatch(/equipment/);
      expect(c.statedAt).toBe(statedAt);
      expect(c.negated).toBe(false);
    }
  });

  it('North Korea → Russia, containers, more than 1,000: Julianne Smith, US Ambassador to NATO, 2023-12-20', () => {
    const hits = find('000', CONTAINERS, 1000);
    // The lead ("The latest report by US officials … says") and the quotation ("the US envoy said").
    expect(hits.map((c) => c.speaker?.name)).toEqual(['Julianne Smith', 'Julianne Smith']);
    for (const c of hits) {
      expect(c.bound).toBe('>');
      expect(c.speaker!.role).toBe('US Ambassador to NATO');
      // "announced this on Wednesday" in an article of Thursday 21 December.
      expect(c.statedAt).toBe('2023-12-20');
    }
    expect(hits.map((c) => c.concept)).toEqual([
      'military equipment and munitions',
      'military equipment and ammunition',
    ]);
  });

  it('North Korea → Russia, containers of ammunition, nearly 11,000: Tracey Newell (US Mission to the OSCE), 2024-05', () => {
    const hits = find('002', CONTAINERS, 11000);
    expect(hits.length).toBe(2); // the reported sentence and the quotation
    for (const c of hits) {
      expect(c.bound).toBe('~<');
      expect(c.concept).toBe('ammunition');
      expect(c.speaker?.name).toBe('Tracey Newell');
      expect(c.speaker?.role).toMatch(/US Mission to the Organization for Security and Cooperation in Europe/);
      expect(c.statedAt).toBe('2024-05-03');
      expect(c.period).toMatchObject({ from: '2023-12', to: null, text: 'Since the end of last year' });
    }
  });

  it('North Korea → Russia, artillery shells, more than 1 million: Bloomberg, October 2023', () => {
    const [c] = find('000', 'transfer:KP>RU:artillery shell', 1_000_000);
    expect(c).toBeDefined();
    expect(c!.bound).toBe('>');
    expect(c!.speaker).toEqual({ name: 'Bloomberg', role: null });
    expect(c!.statedAt).toBe('2023-10');
  });

  it('Russia, artillery shells held, four million: Ants Kiviselg (Estonian Defence Forces intelligence), 2023-12', () => {
    const [c] = find('000', 'stock:RU:artillery shell', 4_000_000);
    expect(c).toBeDefined();
    expect(c!.bound).toBe('=');
    expect(c!.subject).toBe('Russia');
    expect(c!.recipient).toBeNull();
    expect(c!.speaker?.name).toBe('Ants Kiviselg');
    expect(c!.speaker?.role).toMatch(/Estonian Defense Forces Intelligence Center/);
    expect(c!.statedAt).toBe('2023-12-21');
  });

  it('North Korea → Russia, ballistic missiles, dozens: a range, no point value, Tracey Newell', () => {
    const hits = find('002', 'transfer:KP>RU:ballistic missile', null);
    expect(hits.length).toBe(2); // "dozens of such missiles" and "dozens of ballistic missiles"
    for (const c of hits) {
      expect(c.range).toEqual([12, 120]);
      expect(c.bound).toBe('~');
      expect(c.speaker?.name).toBe('Tracey Newell');
      expect(c.statedAt).toBe('2024-05-03');
    }
  });

  it('North Korea → Russia, one shipment of 300 containers (Najin): its own figure, in 001 and 003', () => {
    const key = `${CONTAINERS}:shipment`;
    const [a] = find('001', key, 300);
    const [b] = find('003', key, 300);
    expect(a?.bound).toBe('=');
    expect(b?.bound).toBe('=');
    expect(a!.speaker?.name).toBe('US officials'); // "Photographs released by officials show …"
    expect(b!.speaker?.name).toBe('White House'); // the headline's attribution
    expect(a!.statedAt).toMatch(/^2023-10/);
    expect(b!.statedAt).toBe('2023-10-13'); // the day 003 dates the containers figure itself (Kirby, "on Friday")
  });

  it('United States → Ukraine, military aid halted, $6 billion: stated by the report itself', () => {
    const [c] = find('001', 'halt-aid:US>UA:USD', 6e9);
    expect(c).toBeDefined();
    expect(c!.bound).toBe('=');
    expect(c!.subject).toBe('United States');
    expect(c!.recipient).toBe('Ukraine');
    expect(c!.concept).toBe('military aid');
    expect(c!.speaker).toBeNull();
    expect(c!.statedAt).toBe('2023-10-14');
  });

  it('keeps the figures apart: containers, one shipment, shells, missiles, stock and aid have six keys', () => {
    const keys = new Set([...claimsOf.values()].flat().map((c) => c.figureKey));
    for (const k of [
      CONTAINERS,
      `${CONTAINERS}:shipment`,
      'transfer:KP>RU:artillery shell',
      'transfer:KP>RU:ballistic missile',
      'stock:RU:artillery shell',
      'halt-aid:US>UA:USD',
    ]) {
      expect(keys.has(k), k).toBe(true);
    }
  });

  it('normalises every name of North Korea and Russia in the container claims', () => {
    const containerClaims = [...claimsOf.values()].flat().filter((c) => c.figureKey === CONTAINERS);
    expect(containerClaims.length).toBeGreaterThanOrEqual(8);
    for (const c of containerClaims) {
      expect(c.subject).toBe('North Korea');
      expect(c.recipient).toBe('Russia');
    }
  });

  it('the latest container statement is nearly 11,000 (Newell, May 2024)', () => {
    const containerClaims = [...claimsOf.values()].flat().filter((c) => c.figureKey === CONTAINERS && c.value !== null);
    const latest = containerClaims.sort((a, b) => (a.statedAt! < b.statedAt! ? 1 : -1))[0]!;
    expect(latest.value).toBe(11000);
    expect(latest.bound).toBe('~<');
  });

  it('every claim points back to its sentence and its quantity in the text', () => {
    for (const [id, claims] of claimsOf) {
      const text = texts.get(id)!;
      for (const c of claims) {
        expect(text.slice(c.sentenceSpan[0], c.sentenceSpan[1])).toBe(c.sentence);
        expect(c.span[0]).toBeGreaterThanOrEqual(c.sentenceSpan[0]);
        expect(c.span[1]).toBeLessThanOrEqual(c.sentenceSpan[1]);
      }
    }
  });
});

describe('seed reports: not claims', () => {
  const all = [...claimsOf.entries()].flatMap(([id, cs]) => cs.map((c) => ({ c, text: texts.get(id)! })));
  const claimedTexts = all.map(({ c, text }) => text.slice(c.span[0], c.span[1]));

  it.each([
    ['a year', '2022'],
    ['a date', 'September 7'],
    ['a time', '17:24'],
    ['a distance', '180 miles'],
    ['a distance in other units', '290 kilometers'],
    ['a distance in km', '290 km'],
    ['the donation pitch', 'one cup'],
    ['the weather widget', '7.3'],
    ['the date widget', 'December 4'],
  ])('%s (%s) is never a claim', (_what, surface) => {
    expect(claimedTexts.some((t) => t.includes(surface))).toBe(false);
  });

  it.each([
    ['17:24 21 Dec 2023'],
    ['7.3 C'],
    ['Monday, December 4, 2023'],
    ['May 3, 2024 - 06:04'],
    ['If you have found a spelling error, please, notify us by selecting that text and pressing Ctrl+Enter.'],
    [
      'US officials have consistently expressed concerns about North Korea’s alleged provision of munitions to Russia since the start of Russia’s invasion of Ukraine in February 2022.',
    ],
    ['It shows that between September 7 and October 1, North Korea sent a set of containers to Russia by sea.'],
    [
      'Kim Jong Un, the "Supreme Leader" of North Korea, supervises the April 22 test-launch of a missile from a submerged platform.',
    ],
  ])('page furniture, dates and times carry no quantity: %s', (line) => {
    expect(extractQuantities(line)).toEqual([]);
  });

  it('records the depot distance as two linked measures, and no claim', () => {
    const line = splitSentences(texts.get('001')!).find((s) => s.text.includes('180 miles'))!;
    const qs = extractQuantities(line.text);
    expect(qs.map((q) => [q.value, q.unit, q.bound, q.kind, q.linkedTo])).toEqual([
      [180, 'mile', '~', 'measure', 1],
      [290, 'km', '~', 'measure', 0],
    ]);
    const inLine = (claimsOf.get('001') ?? []).filter((c) => c.sentenceSpan[0] === line.start);
    expect(inLine).toEqual([]);
  });

  it('"one cup of coffee a month" is a quantity but no claim', () => {
    const text = texts.get('002')!;
    const line = splitSentences(text).find((s) => s.text.includes('cup of coffee'))!;
    expect(extractQuantities(line.text).map((q) => [q.value, q.unit, q.concept])).toEqual([[1, 'cup/month', 'coffee']]);
    expect((claimsOf.get('002') ?? []).some((c) => c.sentenceSpan[0] === line.start)).toBe(false);
  });
});
