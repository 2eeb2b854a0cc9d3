import { describe, expect, it } from 'vitest';
import { loadFixtures } from '../conformance/harness.ts';
import { parseFeed } from './parseFeed.ts';

/** Deterministic damage: every fixture cut, spliced with markup fragments and corrupted byte-wise. */
describe('parseFeed never throws', () => {
  let seed = 2024;
  const random = (): number => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  const fragments = [
    '<',
    '&',
    '"',
    '<![CDATA[',
    ']]>',
    '<!--',
    '<?',
    '</item>',
    '<entry>',
    '&#99999999;',
    '\u0000',
    'xml:base="::"',
  ];

  it('on damaged copies of the conformance documents', { timeout: 60_000 }, () => {
    let parsed = 0;
    for (const fixture of loadFixtures()) {
      const bytes = Buffer.from(fixture.document);
      const text = bytes.toString('latin1');
      const at = Math.floor(random() * text.length);
      const variants = [
        bytes.subarray(0, at),
        Buffer.from(text.slice(0, at) + fragments[Math.floor(random() * fragments.length)] + text.slice(at), 'latin1'),
        Buffer.from(bytes.map((b) => (random() < 0.03 ? Math.floor(random() * 256) : b))),
      ];
      for (const variant of variants) {
        const result = parseFeed(variant, fixture.options ?? {});
        expect(typeof result.ok).toBe('boolean');
        parsed++;
      }
    }
    expect(parsed).toBeGreaterThan(900);
  });
});
