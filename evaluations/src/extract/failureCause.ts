import { tokens } from './tokenF1.ts';

/**
 * A short, mechanical cause for a page's score: how many tokens were missed or added, and the largest
 * paragraph responsible (a paragraph of the reference mostly absent from the extracted text, or an
 * extracted paragraph mostly absent from the reference). Reading the page by hand says why; this says
 * where to look.
 */
export function failureCause(extracted: string, reference: string, error: string | null): string {
  if (error !== null) return `extraction failed (${error})`;
  const got = tokens(extracted);
  const want = tokens(reference);
  const missed = surplus(want, got);
  const extra = surplus(got, want);
  if (missed === 0 && extra === 0) return 'same text';
  const missing = missed >= extra;
  const [from, other] = missing ? [reference, extracted] : [extracted, reference];
  const paragraphs = unmatched(from, other);
  const label = missing ? `missed ${missed} of ${want.length} tokens` : `added ${extra} tokens`;
  if (paragraphs.length === 0) {
    return `${label}: ${missing ? 'text the page repeats kept once' : 'text repeated or split differently'}`;
  }
  const largest = paragraphs.reduce((a, b) => (b.words > a.words ? b : a));
  return `${label} (${paragraphs.length} paragraph(s)), largest: "${snippet(largest.text)}"`;
}

/** Tokens of `a` beyond their count in `b`. */
function surplus(a: readonly string[], b: readonly string[]): number {
  const left = new Map<string, number>();
  for (const token of b) left.set(token, (left.get(token) ?? 0) + 1);
  let count = 0;
  for (const token of a) {
    const n = left.get(token) ?? 0;
    if (n > 0) left.set(token, n - 1);
    else count++;
  }
  return count;
}

interface Paragraph {
  text: string;
  words: number;
}

const shingles = (list: readonly string[]): string[] =>
  list.length < 3 ? [list.join(' ')] : list.slice(2).map((_, i) => list.slice(i, i + 3).join(' '));

/** Paragraphs of `text` less than half of whose word trigrams appear anywhere in `other`. */
function unmatched(text: string, other: string): Paragraph[] {
  const known = new Set(shingles(tokens(other)));
  return text
    .split(/\n{2,}|\n(?=- )/)
    .map((paragraph) => ({ text: paragraph.trim(), list: tokens(paragraph) }))
    .filter(({ list }) => {
      if (list.length === 0) return false;
      const own = shingles(list);
      return own.filter((s) => known.has(s)).length < own.length / 2;
    })
    .map(({ text: paragraph, list }) => ({ text: paragraph, words: list.length }));
}

function snippet(text: string): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length <= 70 ? line : `${line.slice(0, 67)}...`;
}
