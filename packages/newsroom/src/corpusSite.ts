import type { ArticlePage, Block, LinkRef, Outlet } from './ArticlePage.ts';
import type { Corpus, CorpusArticle, CorpusManifest } from './Corpus.ts';
import { monthNames } from './calendar.ts';
import { corpusManifest } from './corpusManifest.ts';
import { captionTemplates } from './corpusPhrases.ts';
import { expand } from './expandTemplate.ts';
import { type FeedDocument, type FeedEntry, renderAtom, renderRss } from './feedDocuments.ts';
import type { NewsroomArticle, NewsroomFeed } from './Newsroom.ts';
import { pdfDocument } from './pdfDocument.ts';
import { createRng } from './Rng.ts';
import { makeResource, type Resource, type Site } from './Site.ts';
import { newsroomIndexPage, outletHomePage, robotsTxt } from './siteChrome.ts';
import { renderArticlePageBytes } from './templates/renderArticlePage.ts';

const monthShort = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const monthLong = monthNames;
const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The date as the outlet's template prints it, from the local wall time of `publishedAt`. */
function dateline(outlet: Outlet, publishedAt: string): string {
  const [date = '', time = ''] = publishedAt.split('T');
  const [y, m, d] = date.split('-');
  const hm = time.slice(0, 5);
  const month = Number(m) - 1;
  const day = Number(d);
  switch (outlet.family) {
    case 'ledger':
      return `${monthShort[month]}. ${day}, ${y} ${hm}`;
    case 'wordpress':
      return `${monthLong[month]} ${day}, ${y}`;
    case 'portal':
      return `${hm} ${day} ${monthShort[month]} ${y}`;
    case 'magazine':
      return `${monthLong[month]} ${day}, ${y} - ${hm}`;
    case 'wire':
      return `${day} ${monthShort[month]} ${y} ${hm}`;
    case 'aggregator':
      return `${d}/${m}/${y} ${hm}`;
    case 'bulletin':
      return `${d}.${m}.${y}, ${hm}`;
  }
  return date;
}

interface CorpusIndex {
  byPath: Map<string, CorpusArticle>;
  byId: Map<string, CorpusArticle>;
  outletBySlug: Map<string, Outlet>;
  byOutlet: Map<string, CorpusArticle[]>;
}

const indexes = new WeakMap<Corpus, CorpusIndex>();

function indexOf(corpus: Corpus): CorpusIndex {
  let index = indexes.get(corpus);
  if (!index) {
    const byOutlet = new Map<string, CorpusArticle[]>();
    for (const article of corpus.articles) {
      const list = byOutlet.get(article.outletSlug) ?? [];
      list.push(article);
      byOutlet.set(article.outletSlug, list);
    }
    for (const list of byOutlet.values()) list.sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt));
    index = {
      byPath: new Map(corpus.articles.map((a) => [a.path, a])),
      byId: new Map(corpus.articles.map((a) => [a.id, a])),
      outletBySlug: new Map(corpus.outlets.map((o) => [o.slug, o])),
      byOutlet,
    };
    indexes.set(corpus, index);
  }
  return index;
}

/** The HTML of a generated article page as a string; see {@link renderCorpusPageBytes}. */
export function renderCorpusPage(corpus: Corpus, article: CorpusArticle, origin: string): string {
  return renderCorpusPageBytes(corpus, article, origin).toString('utf8');
}

/**
 * The UTF-8 bytes of a generated article page, padded to its target size. Deterministic: the same
 * corpus, article and origin always give the same bytes.
 */
export function renderCorpusPageBytes(corpus: Corpus, article: CorpusArticle, origin: string): Buffer {
  const index = indexOf(corpus);
  const outlet = index.outletBySlug.get(article.outletSlug)!;
  const rng = createRng(`corpus/${corpus.options.seed}/page/${article.id}`);
  const siblings = (index.byOutlet.get(article.outletSlug) ?? []).filter(
    (a) => a.kind === 'article' && a.id !== article.id,
  );
  const start = siblings.length ? rng.int(0, siblings.length - 1) : 0;
  const related: LinkRef[] = [];
  for (let i = 0; i < Math.min(5, siblings.length); i++) {
    const s = siblings[(start + i) % siblings.length]!;
    related.push({ title: s.title, href: s.path });
  }

  const caption = expand(rng.pick(captionTemplates), rng, {});
  const image: Block = {
    kind: 'figure',
    caption,
    alt: caption.replace(/\s*(Photo:|\(Image source:).*$/, ''),
    src: `${outlet.homePath}media/${article.id}.jpg`,
  };
  const body: Block[] = article.paragraphs.map((text): Block => ({ kind: 'p', text }));
  const after: Block[] = [];
  let widgets: string[] = [];
  let pixel: string | null = null;
  let imageTitle: string | null = null;
  const insert = (at: number, block: Block) => body.splice(Math.min(at, body.length), 0, block);
  switch (outlet.family) {
    case 'ledger':
      insert(3, { kind: 'ad', label: 'Advertisement' });
      insert(1, image);
      break;
    case 'wordpress': {
      const end = new Date(Date.parse(`${corpus.options.startDate}T00:00:00Z`) + corpus.options.days * 86_400_000);
      widgets = [
        `${(rng.int(-80, 260) / 10).toFixed(1)} C`,
        `${weekdays[end.getUTCDay()]}, ${monthLong[end.getUTCMonth()]} ${end.getUTCDate()}, ${end.getUTCFullYear()}`,
      ];
      insert(4, { kind: 'ad', label: '- Advertisement -' });
      insert(2, image);
      insert(1, { kind: 'ad', label: '- Advertisement -' });
      if (rng.chance(0.5)) insert(0, { kind: 'label', text: 'Must read' });
      if (rng.chance(0.6))
        after.push({ kind: 'source', text: 'Source link', href: `${outlet.homePath}out?id=${article.id}` });
      after.push(
        { kind: 'label', text: 'More articles' },
        { kind: 'ad', label: '- Advertisement -' },
        { kind: 'label', text: 'Latest article' },
      );
      break;
    }
    case 'portal':
      insert(0, image);
      if (rng.chance(0.5)) pixel = 'fbpx';
      after.push(
        {
          kind: 'notice',
          text: 'If you have found a spelling error, please, notify us by selecting that text and pressing Ctrl+Enter.',
        },
        { kind: 'modal', title: 'Spelling error report', text: 'The following text will be sent to our editors:' },
      );
      break;
    case 'magazine':
      imageTitle = article.title;
      insert(0, image);
      after.push(
        { kind: 'related', label: 'Related:', links: related.slice(0, 3) },
        {
          kind: 'plea',
          text: `You could close this page. Or you could join our community and help us produce more materials like this. We keep our reporting open and accessible to everyone because we believe in the power of free information. A little bit goes a long way: for as little as the cost of one cup of coffee a month, you can help us keep ${outlet.name} going.`,
          cta: 'Become a Patron!',
        },
      );
      break;
    case 'wire':
      if (related[0]) insert(3, { kind: 'readmore', lead: 'Read more:', link: related[0] });
      insert(1, image);
      break;
    case 'aggregator':
      insert(2, { kind: 'ad', label: 'Advertisement' });
      break;
    case 'bulletin':
      break;
  }
  if (article.copyOf && rng.chance(0.5)) {
    const original = index.byId.get(article.copyOf)!;
    after.unshift({
      kind: 'credit',
      text: `This article first appeared in ${original.outlet} and is republished with permission.`,
    });
  }
  const page: ArticlePage = {
    outlet,
    origin,
    path: article.path,
    headline: article.title,
    standfirst: article.standfirst,
    section: outlet.sections[0]!,
    byline: article.byline,
    publishedAt: article.publishedAt,
    modifiedAt: null,
    dateline: dateline(outlet, article.publishedAt),
    widgets,
    pixel,
    imageTitle,
    body,
    after,
    related,
    tags: Array.from(new Set(article.claims.flatMap((c) => [c.subject, c.recipient ?? c.subject]))).slice(0, 4),
    description: article.standfirst ?? article.paragraphs[0]?.slice(0, 200) ?? article.title,
    image: { src: `${outlet.homePath}media/${article.id}-lead.jpg`, alt: article.title },
    commentsCount: rng.int(0, 400),
    padding: { targetBytes: article.targetBytes, rng },
  };
  return renderArticlePageBytes(page);
}

function feedEntry(article: CorpusArticle, origin: string, format: 'rss' | 'atom'): FeedEntry {
  return {
    title: article.title,
    link: origin + article.feedLink,
    id:
      format === 'atom'
        ? `tag:${article.outletSlug}.example,${article.publishedAt.slice(0, 10)}:${article.id}`
        : origin + article.path,
    idIsPermaLink: format === 'rss',
    publishedAt: article.publishedAt,
    rawDate: null,
    updatedAt: null,
    author: article.byline,
    categories: article.claims.length ? [article.claims[0]!.subject] : [],
    summary: article.standfirst ?? article.paragraphs[0] ?? article.title,
    contentHtml: null,
  };
}

export interface BuiltCorpusSite {
  site: Site;
  feeds: NewsroomFeed[];
  articles: NewsroomArticle[];
  manifest: CorpusManifest;
}

export interface CorpusSiteOptions {
  /**
   * Render every article page up front and serve the stored bytes (a benchmark's server then costs
   * next to nothing per request). Otherwise pages are rendered on request, a few ms each.
   * @defaultValue false
   */
  prerender?: boolean;
}

/** Serves a generated corpus: feeds and home pages rendered once, article pages on request or up front. */
export function buildCorpusSite(corpus: Corpus, origin: string, options: CorpusSiteOptions = {}): BuiltCorpusSite {
  const index = indexOf(corpus);
  const fixed = new Map<string, Resource>();
  const feeds: NewsroomFeed[] = [];
  for (const feed of corpus.feeds) {
    const outlet = index.outletBySlug.get(feed.outletSlug)!;
    const items = index.byOutlet.get(feed.outletSlug) ?? [];
    const newest = items[0]?.publishedAt ?? `${corpus.options.startDate}T00:00:00Z`;
    const doc: FeedDocument = {
      format: feed.format,
      title: feed.title,
      homeUrl: origin + outlet.homePath,
      selfUrl: origin + feed.path,
      description: `Latest news from ${outlet.name}`,
      lang: 'en',
      charset: feed.charset,
      updatedAt: newest,
      generator: `${outlet.name} CMS`,
      entries: items.map((a) => feedEntry(a, origin, feed.format)),
    };
    fixed.set(
      feed.path,
      makeResource(
        feed.format === 'rss' ? renderRss(doc) : renderAtom(doc),
        `application/${feed.format}+xml; charset=${feed.charset}`,
        {
          lastModified: new Date(newest),
          cacheControl: 'public, max-age=60',
        },
      ),
    );
    fixed.set(
      outlet.homePath,
      makeResource(
        outletHomePage(
          outlet,
          origin,
          items
            .filter((a) => a.kind === 'article')
            .map((a) => ({ title: a.title, href: a.path, publishedAt: a.publishedAt })),
        ),
        'text/html; charset=utf-8',
        { lastModified: new Date(newest), cacheControl: 'public, max-age=60' },
      ),
    );
    feeds.push({
      url: origin + feed.path,
      title: feed.title,
      format: feed.format,
      charset: feed.charset,
      outlet: feed.outlet,
    });
  }
  fixed.set(
    '/',
    makeResource(
      newsroomIndexPage(`Generated corpus (seed ${corpus.options.seed})`, corpus.outlets, feeds),
      'text/html; charset=utf-8',
      { cacheControl: 'no-cache' },
    ),
  );
  fixed.set('/robots.txt', makeResource(robotsTxt, 'text/plain; charset=utf-8'));

  const pageOf = (article: CorpusArticle): Resource =>
    makeResource(renderCorpusPageBytes(corpus, article, origin), 'text/html; charset=utf-8', {
      lastModified: new Date(article.publishedAt),
      cacheControl: 'public, max-age=300',
    });
  if (options.prerender) {
    for (const article of corpus.articles) if (article.kind === 'article') fixed.set(article.path, pageOf(article));
  }

  const site: Site = {
    resolve(pathname) {
      const hit = fixed.get(pathname);
      if (hit) return hit;
      const article = index.byPath.get(pathname);
      if (!article || article.kind === 'missing') return undefined;
      if (article.kind === 'pdf') {
        return makeResource(
          pdfDocument(article.title, [`Document ${article.id} of a generated corpus.`]),
          'application/pdf',
          {
            lastModified: new Date(article.publishedAt),
            cacheControl: 'public, max-age=86400',
          },
        );
      }
      return pageOf(article);
    },
  };

  const articles: NewsroomArticle[] = corpus.articles.map((a) => {
    const original = a.copyOf ? index.byId.get(a.copyOf) : undefined;
    const out: NewsroomArticle = {
      url: origin + a.path,
      feedLink: origin + a.feedLink,
      feedUrls: [origin + a.feedPath],
      outlet: a.outlet,
      outletSlug: a.outletSlug,
      publishedAt: a.publishedAt,
      title: a.title,
      kind: a.kind,
      lang: 'en',
      charset: 'utf-8',
      claims: a.claims,
    };
    if (original) out.syndicatedFrom = origin + original.path;
    return out;
  });
  return { site, feeds, articles, manifest: corpusManifest(corpus, origin) };
}
