/**
 * Synthetic articles for the throughput and memory benchmark: ~3 KB of sentences over a Zipf-
 * distributed vocabulary of 30,000 made-up words, in paragraphs, with curly quotes and figures.
 * Function words recur as in English, so unrelated articles share some common shingles, as real
 * ones do. A seeded generator: every run indexes the same documents.
 */

const SYLLABLES = 'ka,ro,mi,te,sul,an,ver,do,li,por,gen,ta,wes,bri,chu,on,ex,ma,ni,stra,pel,cor,dim,fa,lo'.split(',');
const FUNCTION_WORDS =
  'the,of,and,to,in,a,that,said,for,on,was,with,by,as,at,from,has,is,it,have,were,its,after,but,not'.split(',');

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createNewsGenerator(seed = 7): { article(targetChars?: number): string; copyOf(text: string): string } {
  const r = rng(seed);
  const vocabulary: string[] = [...FUNCTION_WORDS];
  while (vocabulary.length < 30_000) {
    let w = '';
    const n = 1 + Math.floor(r() * 3);
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(r() * SYLLABLES.length)];
    vocabulary.push(w);
  }
  // Zipf(1) by inverse CDF over ranks
  const cdf = new Float64Array(vocabulary.length);
  let sum = 0;
  for (let i = 0; i < vocabulary.length; i++) {
    sum += 1 / (i + 1);
    cdf[i] = sum;
  }
  const word = (): string => {
    const x = r() * sum;
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return vocabulary[lo]!;
  };
  const sentence = (): string => {
    const n = 12 + Math.floor(r() * 16);
    const words: string[] = [];
    for (let i = 0; i < n; i++) words.push(word());
    if (r() < 0.3) words.splice(Math.floor(r() * n), 0, `${Math.floor(r() * 10_000).toLocaleString('en-US')}`);
    let s = words.join(' ');
    s = s[0]!.toUpperCase() + s.slice(1);
    return r() < 0.15 ? `\u201c${s},\u201d ${word()} said.` : `${s}.`;
  };
  return {
    article(targetChars = 3000) {
      const paragraphs: string[] = [];
      let length = 0;
      while (length < targetChars) {
        const p = [sentence(), sentence(), r() < 0.5 ? sentence() : ''].join(' ').trim();
        paragraphs.push(p);
        length += p.length + 1;
      }
      return paragraphs.join('\n');
    },
    /** A syndicated copy: another headline, one paragraph dropped, a footer. */
    copyOf(text) {
      const paragraphs = text.split('\n');
      paragraphs.splice(Math.floor(r() * paragraphs.length), 1);
      return [
        `Headline ${word()} ${word()} ${word()}`,
        ...paragraphs,
        'Share this article',
        `\u00a9 2024 ${word()} News. All rights reserved.`,
      ].join('\n');
    },
  };
}
