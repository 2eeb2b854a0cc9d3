import { describe, expect, it } from 'vitest';
import { decodeEntities, fixC1References, readDeclaredEntities } from './entities.ts';

describe('readDeclaredEntities', () => {
  it('expands literal internal entities and refuses external, parameter and referring ones', () => {
    const { entities, refused } = readDeclaredEntities(
      '<!ENTITY port "Kirkwall"><!ENTITY sign "&#169; &amp; co"><!ENTITY ext SYSTEM "file:///etc/passwd">' +
        '<!ENTITY % p "x"><!ENTITY two "&port;&port;"><!ENTITY port "ignored: the first binding wins">',
    );
    expect(refused).toBe(3);
    expect(decodeEntities('&port; &sign; &ext; &two;', undefined, entities)).toBe('Kirkwall © & co &ext; &two;');
  });

  it('stops expanding once the document has added a million characters', () => {
    const { entities } = readDeclaredEntities(`<!ENTITY big "${'x'.repeat(10_000)}">`);
    const expanded = decodeEntities('&big;'.repeat(150), undefined, entities);
    expect(expanded.length).toBeLessThan(1_000_000 + 150 * 5);
    expect(expanded.endsWith('&big;')).toBe(true);
  });
});

describe('fixC1References', () => {
  it('writes references into the C1 range as the windows-1252 characters they meant', () => {
    expect(fixC1References('It&#146;s &#x93;so&#x94; &#8217; &#129;')).toBe('It\u2019s \u201cso\u201d &#8217; &#129;');
  });
});
