import type { ArticleSource } from './articleSource.ts';
import { encodePage } from './fixtureSet.ts';
import { generateArticle } from './generatedArticles.ts';
import { HANDWRITTEN_ARTICLES } from './handwrittenArticles.ts';
import { OUTLET_TEMPLATES } from './outletTemplates.ts';
import { Random } from './random.ts';

export interface BenchPage {
  name: string;
  url: string;
  contentType: string | null;
  bytes: Uint8Array;
}

const MIN_BYTES = 50_000;
const MAX_BYTES = 500_000;

/**
 * Pages of 50–500 KB as news sites serve them: the fixture templates with the weight real pages
 * carry (inline scripts and styles, application-state JSON, menus of hundreds of links, teaser grids),
 * sizes spread log-uniformly over the range. Deterministic.
 */
export function generateBenchCorpus(count = 120, seed = 4242): BenchPage[] {
  const rng = new Random(seed);
  const pages: BenchPage[] = [];
  for (let i = 0; i < count; i++) {
    const template = OUTLET_TEMPLATES[i % OUTLET_TEMPLATES.length]!;
    const lang = rng.pick(template.langs);
    let article: ArticleSource;
    const handwritten = HANDWRITTEN_ARTICLES.filter((a) => a.lang === lang);
    if (lang === 'de' || lang === 'fr' || rng.chance(0.25)) article = rng.pick(handwritten);
    else article = generateArticle(rng, lang as 'en' | 'ru' | 'uk', 20_000 + i);
    const target = Math.round(MIN_BYTES * (MAX_BYTES / MIN_BYTES) ** rng.next());
    let bulk = target;
    let bytes: Uint8Array = new Uint8Array();
    let page = template.render(article, new Random(seed + i), { bulk });
    for (let attempt = 0; attempt < 4; attempt++) {
      page = template.render(article, new Random(seed + i), { bulk });
      bytes = encodePage(page.html, page.charset);
      if (bytes.length >= MIN_BYTES && bytes.length <= MAX_BYTES) break;
      bulk = Math.max(1_000, Math.round(bulk * (target / bytes.length)));
    }
    pages.push({
      name: `${String(i + 1).padStart(3, '0')}-${template.name}`,
      url: page.url,
      contentType: page.contentType,
      bytes,
    });
  }
  return pages;
}
