import { describe, expect, it } from 'vitest';
import type { CorpusArticle, CorpusClaim } from './Corpus.ts';
import { monthNames } from './calendar.ts';
import { corpusManifest } from './corpusManifest.ts';
import { renderCorpusPageBytes } from './corpusSite.ts';
import { generateCorpus } from './generateCorpus.ts';
import { pageText } from './testSupport.ts';

const options = {
  feeds: 8,
  articlesPerFeed: 12,
  duplicateRate: 0.2,
  minBytes: 40_000,
  maxBytes: 90_000,
  seed: 42,
  missingRate: 0.02,
  pdfRate: 0.02,
};
const corpus = generateCorpus(options);
const byId = new Map(corpus.articles.map((a) => [a.id, a]));
const articles = corpus.articles.filter((a) => a.kind === 'article');
const originals = articles.filter((a) => !a.copyOf);
const copies = articles.filter((a) => a.copyOf);

const numberWords: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };

/** Reads a figure as an end-to-end test would expect an extractor to. */
function parseValue(text: string): number {
  const m = /^[$€]?([\d,.]+|[a-z]+) ?(million|billion)?$/.exec(text);
  if (!m) throw new Error(`unreadable value ${text}`);
  const base = numberWords[m[1]!] ?? Number(m[1]!.replace(/,/g, ''));
  const scale = m[2] === 'billion' ? 1e9 : m[2] === 'million' ? 1e6 : 1;
  return Math.round(base * scale);
}

const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const months: readonly string[] = monthNames;

/** The documented rule: a weekday or a date is the latest such day on or before the publication day. */
function resolveDate(dateText: string, publishedAt: string): string {
  const published = Date.parse(`${publishedAt.slice(0, 10)}T00:00:00Z`);
  const weekday = /^on (\w+day)$/.exec(dateText);
  if (weekday) {
    const target = weekdays.indexOf(weekday[1]!);
    for (let back = 0; back < 7; back++) {
      const day = new Date(published - back * 86_400_000);
      if (day.getUTCDay() === target) return day.toISOString().slice(0, 10);
    }
  }
  const uk = /^on (\d{1,2}) ([A-Z][a-z]+)(?: (\d{4}))?$/.exec(dateText);
  const us = /^on ([A-Z][a-z]+) (\d{1,2})(?:, (\d{4}))?$/.exec(dateText);
  const [dayOfMonth, month, year] = uk ? [uk[1], uk[2], uk[3]] : us ? [us[2], us[1], us[3]] : [];
  if (!dayOfMonth || !month) throw new Error(`unreadable date phrase ${dateText}`);
  let y = year ? Number(year) : new Date(published).getUTCFullYear();
  let candidate = Date.UTC(y, months.indexOf(month), Number(dayOfMonth));
  if (!year && candidate > published) candidate = Date.UTC(--y, months.indexOf(month), Number(dayOfMonth));
  return new Date(candidate).toISOString().slice(0, 10);
}

function shingles(text: string): Set<string> {
  const words = text
    .toLowerCase()
    .replace(/[“”"‘’']/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter(Boolean);
  const out = new Set<string>();
  for (let i = 0; i + 5 <= words.length; i++) out.add(words.slice(i, i + 5).join(' '));
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

const textOf = (a: CorpusArticle) => a.paragraphs.join('\n\n');

describe('generateCorpus', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const again = generateCorpus(options);
    // Compared as JSON: outlets carry small formatting functions, equal in behaviour but not by reference.
    expect(JSON.stringify(again)).toBe(JSON.stringify(corpus));
    const article = articles[3]!;
    expect(
      renderCorpusPageBytes(again, again.articles.find((a) => a.id === article.id)!, 'http://127.0.0.1:1').equals(
        renderCorpusPageBytes(corpus, article, 'http://127.0.0.1:1'),
      ),
    ).toBe(true);
    const other = generateCorpus({ ...options, seed: 43 });
    expect(other.articles.map((a) => a.title)).not.toEqual(corpus.articles.map((a) => a.title));
  });

  it('fills every feed slot: originals, the asked share of copies, missing pages and PDFs', () => {
    const total = options.feeds * options.articlesPerFeed;
    expect(corpus.articles).toHaveLength(total);
    expect(corpus.feeds).toHaveLength(options.feeds);
    expect(copies).toHaveLength(Math.round(total * options.duplicateRate));
    expect(corpus.articles.filter((a) => a.kind === 'missing')).toHaveLength(Math.round(total * options.missingRate));
    expect(corpus.articles.filter((a) => a.kind === 'pdf')).toHaveLength(Math.round(total * options.pdfRate));
    for (const feed of corpus.feeds)
      expect(corpus.articles.filter((a) => a.feedPath === feed.path)).toHaveLength(options.articlesPerFeed);
    expect(new Set(corpus.articles.map((a) => a.path)).size).toBe(total);
    expect(new Set(corpus.outlets.map((o) => o.family)).size).toBe(7);
  });

  it('states every listed claim in the article text, exactly as the manifest describes it', () => {
    const statements = new Map(corpus.statements.map((s) => [s.id, s]));
    let claims = 0;
    for (const article of articles) {
      expect(article.claims.length).toBeGreaterThan(0);
      const text = textOf(article);
      for (const claim of article.claims) {
        claims++;
        expect(text).toContain(claim.sentence);
        expect(parseValue(claim.valueText)).toBe(claim.value);
        const phrase = claim.boundWord ? `${claim.boundWord} ${claim.valueText}` : claim.valueText;
        expect(claim.sentence).toContain(
          `${phrase} ${claim.unit === 'USD' || claim.unit === 'EUR' ? '' : claim.unitText}`.trim(),
        );
        if (!claim.boundWord)
          expect(claim.sentence).not.toMatch(
            new RegExp(`(more than|over|at least|up to|nearly|almost|about|around|roughly) \\${claim.valueText}`),
          );
        expect(claim.sentence).toContain(claim.speaker.name);
        expect(claim.sentence).toContain(claim.speaker.role);
        expect(claim.sentence.toLowerCase()).toContain(claim.subjectText.toLowerCase());
        if (claim.recipientText) expect(claim.sentence).toContain(claim.recipientText);
        expect(claim.sentence).toContain(claim.dateText);
        expect(resolveDate(claim.dateText, article.publishedAt)).toBe(claim.statedAt);
        const statement = statements.get(claim.statementId)!;
        expect(statement).toMatchObject({
          subject: claim.subject,
          recipient: claim.recipient,
          value: claim.value,
          unit: claim.unit,
          speaker: claim.speaker,
          statedAt: claim.statedAt,
          kind: claim.kind,
        });
      }
    }
    expect(claims).toBeGreaterThan(articles.length);
  });

  it('writes no other quantities: outside claim sentences the only numbers are years', () => {
    for (const article of articles) {
      let rest = textOf(article);
      for (const claim of article.claims) rest = rest.replace(claim.sentence, '');
      const numbers = (rest.match(/\d[\d,.]*/g) ?? []).map((n) => n.replace(/[.,]$/, ''));
      for (const n of numbers) expect(['2022', '2023', '2024', '7']).toContain(n);
    }
  });

  it('reports some statements in several independent articles, as news does', () => {
    const sources = new Map<string, Set<string>>();
    for (const article of originals)
      for (const claim of article.claims)
        sources.set(claim.statementId, (sources.get(claim.statementId) ?? new Set()).add(article.outletSlug));
    expect([...sources.values()].filter((outlets) => outlets.size > 1).length).toBeGreaterThan(3);
  });

  it('makes copies that are near-duplicates of an earlier original of another outlet', () => {
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) {
      const source = byId.get(copy.copyOf!)!;
      expect(source.copyOf).toBeNull();
      expect(source.outletSlug).not.toBe(copy.outletSlug);
      expect(Date.parse(copy.publishedAt)).toBeGreaterThan(Date.parse(source.publishedAt));
      expect(copy.title).not.toBe(source.title);
      expect(copy.edits).toEqual(expect.arrayContaining(['headline', 'boilerplate']));
      expect(jaccard(shingles(textOf(copy)), shingles(textOf(source)))).toBeGreaterThan(0.6);
      expect(copy.claims.map((c: CorpusClaim) => ({ ...c, sentence: '' }))).toEqual(
        source.claims.map((c) => ({ ...c, sentence: '' })),
      );
      for (const claim of copy.claims) expect(textOf(copy)).toContain(claim.sentence);
      const link = new URL(copy.feedLink, 'http://x');
      expect(link.pathname).toBe(copy.path);
      expect(link.searchParams.get('utm_medium')).toBe('rss');
    }
  });

  it('keeps independent originals far apart, even when they report the same statement', () => {
    const sets = originals.map((a) => shingles(textOf(a)));
    let max = 0;
    for (let i = 0; i < sets.length; i++)
      for (let j = i + 1; j < sets.length; j++) max = Math.max(max, jaccard(sets[i]!, sets[j]!));
    expect(max).toBeLessThan(0.3);
  });

  it('renders each page at exactly its target size, with the article text and its metadata', () => {
    const origin = 'http://127.0.0.1:9';
    for (const article of articles.slice(0, 30)) {
      expect(article.targetBytes).toBeGreaterThanOrEqual(options.minBytes);
      expect(article.targetBytes).toBeLessThanOrEqual(options.maxBytes);
      const bytes = renderCorpusPageBytes(corpus, article, origin);
      expect(bytes.length).toBe(article.targetBytes);
      const html = bytes.toString('utf8');
      const text = pageText(html).replace(/\s+/g, ' ');
      for (const paragraph of article.paragraphs) expect(text).toContain(paragraph);
      expect(html).toContain(`<link rel="canonical" href="${origin}${article.path}">`);
      expect(html).toContain(`"datePublished":"${article.publishedAt}"`);
      expect(html).toMatch(/<\/html>\n$/);
    }
  });

  it('builds a manifest with absolute URLs that credits copies to their original', () => {
    const origin = 'http://127.0.0.1:4321';
    const manifest = corpusManifest(corpus, origin);
    expect(manifest.articles).toHaveLength(corpus.articles.length);
    for (const entry of manifest.articles) {
      expect(entry.url.startsWith(`${origin}/c/`)).toBe(true);
      expect(manifest.feeds.map((f) => f.url)).toContain(entry.feed);
      if (entry.copyOf) expect(manifest.articles.find((a) => a.url === entry.copyOf)?.copyOf).toBeNull();
    }
    expect(manifest.articles.filter((a) => a.copyOf)).toHaveLength(copies.length);
  });

  it('rejects options that cannot make a corpus', () => {
    expect(() => generateCorpus({ feeds: 0 })).toThrow(RangeError);
    expect(() => generateCorpus({ minBytes: 10, maxBytes: 5 })).toThrow(RangeError);
    expect(() => generateCorpus({ duplicateRate: 1 })).toThrow(RangeError);
  });
});
