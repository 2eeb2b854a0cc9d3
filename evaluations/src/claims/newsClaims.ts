import { readFileSync } from 'node:fs';
import path from 'node:path';

/** One article of `news-claims/` (see its README). */
export interface GoldArticle {
  id: string;
  source: string;
  category: string;
  title: string | null;
  published: string | null;
  url: string | null;
  text: string;
}

export interface GoldChange {
  direction: 'up' | 'down';
  by: number | null;
  unit: string | null;
}

/** One gold claim, fields as the corpus README defines them. */
export interface GoldClaim {
  article: string;
  gid: string;
  sentence: string;
  figure: string;
  importance: number;
  value: number | null;
  range: [number, number] | null;
  bound: string;
  unit: string | null;
  measure: string | null;
  subject: string | null;
  recipient: string | null;
  predicate: string | null;
  change: GoldChange | null;
  period: string | null;
  hedged: boolean;
  speaker: string | null;
  statedAt: string | null;
  /** Offsets of `sentence` in the article's text. */
  sentenceSpan: [number, number];
}

export interface NewsClaimsSet {
  articles: GoldArticle[];
  gold: GoldClaim[];
}

function jsonLines<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

/** Reads `articles.jsonl`, the article files and `gold.jsonl` of a news-claims folder. */
export function loadNewsClaims(dir: string): NewsClaimsSet {
  const meta = jsonLines<Omit<GoldArticle, 'text'> & { file: string }>(path.join(dir, 'articles.jsonl'));
  const articles: GoldArticle[] = meta.map(({ file, ...m }) => ({
    ...m,
    text: readFileSync(path.join(dir, file), 'utf8'),
  }));
  const byId = new Map(articles.map((a) => [a.id, a]));
  const gold = jsonLines<Omit<GoldClaim, 'sentenceSpan'>>(path.join(dir, 'gold.jsonl')).map((g) => {
    const text = byId.get(g.article)?.text;
    if (text === undefined) throw new Error(`gold claim ${g.gid} names an unknown article`);
    const at = text.indexOf(g.sentence);
    if (at < 0) throw new Error(`gold claim ${g.gid}: its sentence is not in the article`);
    return { ...g, sentenceSpan: [at, at + g.sentence.length] as [number, number] };
  });
  return { articles, gold };
}
