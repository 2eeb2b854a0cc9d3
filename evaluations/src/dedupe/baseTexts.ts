import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { htmlText } from '../extract/readabilityText.ts';
import { int, seeded, seedOf } from './random.ts';

/**
 * A real article the hard set is built from: its title and body paragraphs as the corpus gives them
 * (captions, subheadings and bylines that the reference text keeps stay in).
 */
export interface BaseText {
  id: string;
  origin: 'news-claims' | 'extract-readability' | 'seeds';
  title: string;
  /** Topic where the corpus gives one (news-claims); pages of other origins are 'web'. */
  category: string;
  paragraphs: string[];
}

/** Articles longer than this are cut at a paragraph end: news articles, not books. */
const MAX_WORDS = 900;
/** Pages with fewer words in sentence paragraphs than this are test fragments, not articles. */
const MIN_SENTENCE_WORDS = 120;
/** Two texts sharing this share of the shorter one's 5-word shingles are one text (the corpus has copies of some pages). */
const SAME_TEXT = 0.3;

const wordsOf = (s: string): string[] => s.split(/\s+/).filter((w) => w.length > 0);
const endsLikeSentence = (s: string): boolean => /[.!?…]["'”’)\]]*$/.test(s.trim());

/**
 * The source of the BBC articles joined each body into one paragraph; news bodies come in paragraphs of
 * one to three sentences, so the body is cut again at sentence ends (the same cut for an article in
 * every draw).
 */
function reparagraph(id: string, body: string): string[] {
  const sentences = body.split(/(?<=[.!?]["'”’]?)\s+(?=["'“‘(]?[A-Z0-9])/);
  const r = seeded(seedOf(id));
  const out: string[] = [];
  for (let i = 0; i < sentences.length; ) {
    const n = int(r, 1, 3);
    out.push(sentences.slice(i, i + n).join(' '));
    i += n;
  }
  return out;
}

function cut(paragraphs: string[]): string[] {
  const out: string[] = [];
  let words = 0;
  for (const p of paragraphs) {
    if (words >= MAX_WORDS) break;
    out.push(p);
    words += wordsOf(p).length;
  }
  return out;
}

function newsClaims(root: string): BaseText[] {
  const dir = path.join(root, 'news-claims');
  if (!existsSync(dir)) return [];
  const meta = readFileSync(path.join(dir, 'articles.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { id: string; category: string; title: string; file: string });
  return meta.map((m) => {
    const text = readFileSync(path.join(dir, m.file), 'utf8');
    let paragraphs = text
      .split(/\n\s*\n/)
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter((p) => p.length > 0);
    if (paragraphs[0] === m.title) paragraphs = paragraphs.slice(1);
    if (paragraphs.length === 1) paragraphs = reparagraph(m.id, paragraphs[0]!);
    return { id: m.id, origin: 'news-claims', title: m.title, category: m.category, paragraphs };
  });
}

function readabilityPages(root: string): BaseText[] {
  const dir = path.join(root, 'extract-readability');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, 'expected.html')))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const html = readFileSync(path.join(dir, name, 'expected.html'), 'utf8');
      const metaFile = path.join(dir, name, 'expected-metadata.json');
      const meta = existsSync(metaFile) ? (JSON.parse(readFileSync(metaFile, 'utf8')) as { title?: string }) : {};
      let paragraphs = htmlText(html)
        .split(/\n\n/)
        .map((p) => p.trim())
        .filter((p) => p.length > 0);
      const title = (meta.title ?? '').trim() || paragraphs[0] || name;
      if (paragraphs[0] === title) paragraphs = paragraphs.slice(1);
      return { id: `rdb-${name}`, origin: 'extract-readability', title, category: 'web', paragraphs };
    });
}

function seedReports(seedsDir: string): BaseText[] {
  if (!existsSync(seedsDir)) return [];
  return readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const paragraphs = readFileSync(path.join(seedsDir, f), 'utf8')
        .split(/\n+/)
        .map((p) => p.trim())
        .filter((p) => p.length > 0);
      const title = paragraphs.find((p) => !endsLikeSentence(p) && wordsOf(p).length >= 6) ?? paragraphs[0] ?? f;
      return {
        id: `seed-${f.replace(/\.txt$/, '')}`,
        origin: 'seeds',
        title,
        category: 'world',
        paragraphs: paragraphs.filter((p) => p !== title),
      };
    });
}

function shingles(paragraphs: string[]): Set<string> {
  const out = new Set<string>();
  for (const p of paragraphs) {
    const w = wordsOf(p.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' '));
    for (let i = 0; i + 5 <= w.length; i++) out.add(w.slice(i, i + 5).join(' '));
  }
  return out;
}

/**
 * Every usable real article beside the repository: the news-claims articles, the reference texts of
 * the extraction corpus and the seed reports. Test fragments are left out, long pages are cut to
 * news length, and a page that repeats another one (the extraction corpus holds the same page under
 * several names) is kept once, so that two bases are never copies of each other.
 */
export function loadBaseTexts(corpusRoot: string, seedsDir: string): BaseText[] {
  const all = [...newsClaims(corpusRoot), ...seedReports(seedsDir), ...readabilityPages(corpusRoot)];
  const kept: { base: BaseText; shingles: Set<string> }[] = [];
  for (const b of all) {
    const sentenceWords = b.paragraphs.filter((p) => endsLikeSentence(p)).reduce((n, p) => n + wordsOf(p).length, 0);
    if (sentenceWords < MIN_SENTENCE_WORDS) continue;
    // the extraction corpus's test fixtures include placeholder Latin, not an article
    if (/\blorem ipsum\b/i.test(b.paragraphs.join(' '))) continue;
    const base = { ...b, paragraphs: cut(b.paragraphs) };
    const own = shingles(base.paragraphs);
    if (own.size < 50) continue;
    // test fixtures that repeat their own paragraphs are not articles
    const total = base.paragraphs.reduce((n, p) => n + Math.max(0, wordsOf(p).length - 4), 0);
    if (own.size < total * 0.8) continue;
    const repeats = kept.some((k) => {
      let shared = 0;
      for (const s of own) if (k.shingles.has(s)) shared++;
      return shared / Math.min(own.size, k.shingles.size) >= SAME_TEXT;
    });
    if (!repeats) kept.push({ base, shingles: own });
  }
  return kept.map((k) => k.base);
}
