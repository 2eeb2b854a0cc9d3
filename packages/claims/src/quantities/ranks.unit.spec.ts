import { describe, expect, it } from 'vitest';
import { extractClaims } from '../extractClaims.ts';
import { tokenize } from '../tokenize.ts';
import { rankQuantities } from './ranks.ts';

const ranks = (text: string) => rankQuantities(text, tokenize(text), []).map((q) => [q.value, q.text]);

describe('ranks', () => {
  it('an ordinal before a superlative is a rank, with the rest of a compound adjective', () => {
    expect(ranks('the seventh biggest firm')).toEqual([[7, 'seventh biggest']]);
    expect(ranks('the sixth-highest earning film')).toEqual([[6, 'sixth-highest earning']]);
    expect(ranks('the 21st most visited site')).toEqual([[21, '21st most visited']]);
    expect(ranks('the twenty-second largest port')).toEqual([[22, 'twenty-second largest']]);
    expect(ranks('the third botched launch')).toEqual([]);
    expect(ranks('for the second time')).toEqual([]);
  });

  it('a rank is a figure of what holds it, not of where it ranks', () => {
    const claims = (text: string) =>
      extractClaims(text, { publishedAt: '2024-03-08' }).map((c) => [c.value, c.unit, c.measure, c.subject]);
    expect(claims("Norbank is Ruritania's second-largest lender.")).toEqual([[2, 'rank', 'rank', 'Norbank']]);
    expect(claims('The third best-selling album of the year was Blue Harbor by the Tides.')).toEqual([
      [3, 'rank', 'rank', 'Blue Harbor'],
    ]);
    expect(claims('Before its collapse, the firm was the ninth biggest company in the country.')).toEqual([
      [9, 'rank', 'rank', 'firm'],
    ]);
  });
});
