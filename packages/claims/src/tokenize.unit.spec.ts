import { describe, expect, it } from 'vitest';
import { type Token, tokenize } from './tokenize.ts';

/** The tokenizer's definition as one regex, read token by token: the hand-read path must agree with it. */
function byRegex(text: string): Token[] {
  const TOKEN =
    /(\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)|\d+(?:\.\d+)?)|((?:\p{L}\.){2,}|\p{L}[\p{L}\p{M}\d]*(?:['’](?![sS]\b)\p{L}+)*|['’][sS]\b)|(\S)/uy;
  const SPACE = /\s+/y;
  const out: Token[] = [];
  let pos = 0;
  let spaceBefore = true;
  while (pos < text.length) {
    SPACE.lastIndex = pos;
    const ws = SPACE.exec(text);
    if (ws) {
      pos += ws[0].length;
      spaceBefore = true;
      continue;
    }
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(text)!;
    const t = m[0];
    const kind = m[1] !== undefined ? 'num' : m[2] !== undefined ? 'word' : 'punct';
    out.push({ text: t, lower: t.toLowerCase(), start: pos, end: pos + t.length, kind, spaceBefore });
    pos += t.length;
    spaceBefore = false;
  }
  return out;
}

const texts = (text: string): string[] => tokenize(text).map((t) => t.text);

describe('tokenize', () => {
  it('keeps thousands groups, decimals, possessives and dotted acronyms whole', () => {
    expect(texts("U.S. officials said Russia's army got 11,000 containers and 1.5 million shells.")).toEqual([
      'U.S.',
      'officials',
      'said',
      'Russia',
      "'s",
      'army',
      'got',
      '11,000',
      'containers',
      'and',
      '1.5',
      'million',
      'shells',
      '.',
    ]);
    expect(texts('Ukraine’s F-16 jets, 10km away, 300-500 tanks, O’Brien didn’t')).toEqual([
      'Ukraine',
      '’s',
      'F',
      '-',
      '16',
      'jets',
      ',',
      '10',
      'km',
      'away',
      ',',
      '300',
      '-',
      '500',
      'tanks',
      ',',
      'O’Brien',
      'didn’t',
    ]);
  });

  it('marks kinds, lower-case forms and the spaces between tokens', () => {
    const [a, b, c] = tokenize('NATO 1,000s');
    expect(a).toMatchObject({ text: 'NATO', lower: 'nato', kind: 'word', spaceBefore: true });
    expect(b).toMatchObject({ text: '1,000', kind: 'num', spaceBefore: true });
    expect(c).toMatchObject({ text: 's', kind: 'word', spaceBefore: false });
  });

  it.each([
    'Zelenskyy’s aide said Kyiv’s forces downed 30 of 35 Shahed-136 drones at 0600 GMT.',
    'Þórdís Kolbrún Reykfjörð Gylfadóttir, Iceland’s foreign minister, met Łukasz Kamiński in Kraków.',
    'The résumé lists 1,000,000.5 units, 1234,567 rounds, 12,34 shells and 3.14.15 items.',
    "It'sa rock'n'roll 'S 's' O'sullivan a.m. p.m. e.g. A.B.c U.S.A. x.y",
    'Non\u00a0breaking\u2009spaces,\ttabs\nand\u2028line separators; 𝐀𝐁𝐂 math letters; 5½ kg; ¥300; ₴1.2bn',
    'combining e\u0301 marks, Ⓐ circled, “quotes” «guillemets» — dashes – and … ellipses',
  ])('reads every token as the regex would: %s', (text) => {
    expect(tokenize(text)).toEqual(byRegex(text));
  });
});
