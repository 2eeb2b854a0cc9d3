import { describe, expect, it } from 'vitest';
import { splitSentences } from './splitSentences.ts';

const texts = (t: string) => splitSentences(t).map((s) => s.text);

describe('splitSentences', () => {
  it('keeps offsets into the input', () => {
    const text = '  First one. Second one!\nThird?  ';
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(texts(text)).toEqual(['First one.', 'Second one!', 'Third?']);
  });

  it('survives titles, initials, "No." and acronyms', () => {
    expect(texts('Mr. Smith met Gen. Milley in the U.S. on Friday. He said No. 5 was ready.')).toEqual([
      'Mr. Smith met Gen. Milley in the U.S. on Friday.',
      'He said No. 5 was ready.',
    ]);
    expect(texts('John F. Kennedy spoke. U.S. officials listened.')).toEqual([
      'John F. Kennedy spoke.',
      'U.S. officials listened.',
    ]);
    expect(texts('On Oct. 13 the U.N. met.')).toEqual(['On Oct. 13 the U.N. met.']);
  });

  it('ends a sentence after an acronym when a sentence opener follows', () => {
    expect(texts('The parts were sent to the U.S. The next day they arrived.')).toEqual([
      'The parts were sent to the U.S.',
      'The next day they arrived.',
    ]);
  });

  it('splits after closing quotes but not inside a quoted clause', () => {
    expect(texts('"We have new information. According to it, they sent 5," the envoy said. Then she left.')).toEqual([
      '"We have new information.',
      'According to it, they sent 5," the envoy said.',
      'Then she left.',
    ]);
  });

  it('treats every line as a boundary (headlines and captions have no full stop)', () => {
    expect(texts('Russia gets shells from North Korea\n\nThe report said so. It was sourced.')).toEqual([
      'Russia gets shells from North Korea',
      'The report said so.',
      'It was sourced.',
    ]);
  });

  it('does not split decimals or numbers', () => {
    expect(texts('Inflation was 7.4 percent. Growth was 1.5 percent.')).toEqual([
      'Inflation was 7.4 percent.',
      'Growth was 1.5 percent.',
    ]);
  });
});
