import { describe, expect, it } from 'vitest';
import { Gazetteer, gazetteerFor, normalizeEntity } from './gazetteer.ts';
import { tokenize } from './tokenize.ts';

describe('normalizeEntity', () => {
  it.each([
    ['DPRK', 'KP', 'North Korea'],
    ['North Korea', 'KP', 'North Korea'],
    ["Democratic People's Republic of Korea", 'KP', 'North Korea'],
    ['Democratic People’s Republic of Korea', 'KP', 'North Korea'],
    ['Pyongyang', 'KP', 'North Korea'],
    ['the Pyongyang regime', 'KP', 'North Korea'],
    ['North Korean', 'KP', 'North Korea'],
    ['Russia', 'RU', 'Russia'],
    ['Moscow', 'RU', 'Russia'],
    ['Russian forces', 'RU', 'Russia'],
    ['the Kremlin', 'RU', 'Russia'],
    ['Russian Federation', 'RU', 'Russia'],
    ['Kyiv', 'UA', 'Ukraine'],
    ['Kiev', 'UA', 'Ukraine'],
    ['Ukrainian', 'UA', 'Ukraine'],
    ['US', 'US', 'United States'],
    ['U.S.', 'US', 'United States'],
    ['the United States', 'US', 'United States'],
    ['White House', 'US', 'United States'],
    ['Washington', 'US', 'United States'],
    ['UK', 'GB', 'United Kingdom'],
    ['Estonian', 'EE', 'Estonia'],
    ['Tehran', 'IR', 'Iran'],
    ['Beijing', 'CN', 'China'],
    ['NATO', 'NATO', 'NATO'],
    ['EU', 'EU', 'European Union'],
  ])('%s → %s', (name, id, display) => {
    expect(normalizeEntity(name)).toEqual({ id, name: display });
  });

  it('knows nothing of words that are not places', () => {
    expect(normalizeEntity('Bloomberg')).toBeNull();
    expect(normalizeEntity('containers')).toBeNull();
    // Shared demonyms are ambiguous and left out.
    expect(normalizeEntity('Korean')).toBeNull();
  });

  it('finds the longest mention in a sentence', () => {
    const tokens = tokenize(
      "The Pyongyang regime sent containers to Russia, and Russian forces met the Democratic People's Republic of Korea.",
    );
    const found = gazetteerFor()
      .mentions(tokens)
      .map((m) => [
        tokens
          .slice(m.start, m.end)
          .map((t) => t.text)
          .join(' '),
        m.entity.id,
      ]);
    expect(found).toEqual([
      ['The Pyongyang regime', 'KP'],
      ['Russia', 'RU'],
      ['Russian forces', 'RU'],
      ["the Democratic People 's Republic of Korea", 'KP'],
    ]);
  });

  it('is extensible with organisations, people and extra names', () => {
    const g = new Gazetteer(
      {
        entities: [{ id: 'ROSOBORONEXPORT', name: 'Rosoboronexport', aliases: ['the state arms exporter'] }],
        aliases: { 'the Hermit Kingdom': 'KP' },
      },
      gazetteerFor(),
    );
    expect(g.lookup('the state arms exporter')).toEqual({ id: 'ROSOBORONEXPORT', name: 'Rosoboronexport' });
    expect(g.lookup('the Hermit Kingdom')).toEqual({ id: 'KP', name: 'North Korea' });
    expect(g.lookup('Russia')).toEqual({ id: 'RU', name: 'Russia' });
    // The built-in gazetteer is unchanged.
    expect(normalizeEntity('the Hermit Kingdom')).toBeNull();
  });
});
