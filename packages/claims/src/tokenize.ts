/**
 * A token of a sentence. Offsets are into the string that was tokenized. `spaceBefore` tells
 * whether whitespace separates this token from the previous one: "F-16" and "1K" are told apart
 * from "F - 16" and "1 K" by it.
 */
export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  kind: 'num' | 'word' | 'punct';
  spaceBefore: boolean;
}

// Numbers: thousands groups of exactly three digits ("11,000", "1,000,000") or plain digits with an
// optional decimal part. Words: dotted acronyms ("U.S.", "a.m."), letters optionally followed by
// letters and digits ("F16", "A320"), with inner apostrophes ("don't") but with the possessive
// "'s" split off so "Russia's" still names Russia. Everything else is one character of punctuation.
const TOKEN =
  /(\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)|\d+(?:\.\d+)?)|((?:\p{L}\.){2,}|\p{L}[\p{L}\p{M}\d]*(?:['’](?![sS]\b)\p{L}+)*|['’][sS]\b)|(\S)/uy;
const SPACE = /\s+/y;

export function tokenize(text: string): Token[] {
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
    const m = TOKEN.exec(text);
    if (!m) break;
    const t = m[0];
    out.push({
      text: t,
      lower: t.toLowerCase(),
      start: pos,
      end: pos + t.length,
      kind: m[1] !== undefined ? 'num' : m[2] !== undefined ? 'word' : 'punct',
      spaceBefore,
    });
    pos += t.length;
    spaceBefore = false;
  }
  return out;
}

/** "1,000.5" → 1000.5 */
export function parseDigits(text: string): number {
  return Number(text.replace(/,/g, ''));
}

export function isCapitalized(t: Token): boolean {
  const c = t.text.charCodeAt(0);
  return t.kind === 'word' && c >= 65 && c <= 90;
}
