import {
  type ArticleLang,
  type ArticleSource,
  type BodyBlock,
  escapeHtml,
  expectedText,
  inlineHtml,
  plain,
} from './articleSource.ts';
import {
  bodyHtml,
  comments,
  datePath,
  dottedDate,
  FURNITURE,
  jsonLd,
  linkList,
  longDate,
  monthDayTime,
  navigation,
  openGraph,
  otherHeadlines,
  type Site,
  scriptBlob,
  shortDateTime,
  siteFooter,
  slugify,
  stateBlob,
  styleBlob,
  svgSprite,
  teasers,
  widgetDate,
  withInlineLinks,
} from './pageParts.ts';
import type { Random } from './random.ts';

/**
 * Outlet templates: each wraps an article in the page furniture of one family of real news sites
 * (a WordPress news theme, a wire service, a tabloid, a broadsheet, a news agency with error-report
 * widgets, a legacy table layout in windows-1251, a React app...). Each says what a correct
 * extraction of its page is: the text, and the metadata the page carries, with its source.
 */

export type MetadataSourceName = 'json-ld' | 'opengraph' | 'meta' | 'time-element' | 'url' | 'none';

/** What a correct extraction of the page yields; an absent field is not checked. */
export interface ExpectedMetadata {
  title?: string | null;
  byline?: string | null;
  siteName?: string | null;
  lang?: string | null;
  canonicalUrl?: string | null;
  publishedAt: string | null;
  publishedAtSource: MetadataSourceName;
}

export interface RenderedPage {
  template: string;
  html: string;
  /** The charset the page is stored in. */
  charset: 'utf-8' | 'windows-1251' | 'koi8-r' | 'windows-1252';
  /** The Content-Type a server would send, or null when the page alone declares its charset. */
  contentType: string | null;
  url: string;
  text: string;
  expected: ExpectedMetadata;
}

export interface TemplateOptions {
  /** Extra bytes of scripts, styles, menus and teasers, to make bench pages as heavy as real ones. */
  bulk: number;
}

export interface OutletTemplate {
  name: string;
  langs: readonly ArticleLang[];
  render(article: ArticleSource, rng: Random, options: TemplateOptions): RenderedPage;
}

const utc = (iso: string) => new Date(iso).toISOString();

function bulkHead(rng: Random, article: ArticleSource, bulk: number): string {
  if (bulk <= 0) return scriptBlob(rng, 600) + styleBlob(rng, 800);
  return scriptBlob(rng, bulk * 0.45) + styleBlob(rng, bulk * 0.15) + stateBlob(rng, article, bulk * 0.2);
}

/** Heavier pages carry more of the DOM real pages carry: bigger menus, more teasers. */
function scale(bulk: number, base: number, perHundredKb: number): number {
  return base + Math.round((bulk / 100_000) * perHundredKb);
}

function authorsText(article: ArticleSource): string | null {
  return article.authors.length > 0 ? article.authors.join(', ') : null;
}

function site(name: string, domain: string): Site {
  return { name, domain };
}

function urlFor(s: Site, article: ArticleSource, style: 'dated' | 'plain' | 'id' | 'html', rng: Random): string {
  switch (style) {
    case 'dated':
      return `https://${s.domain}/${article.section}/${datePath(article.publishedAt)}/${slugify(article.slug)}/`;
    case 'plain':
      return `https://${s.domain}/${article.section}/${slugify(article.slug)}`;
    case 'id':
      return `https://${s.domain}/${article.section}/${rng.int(3_000_000, 3_999_999)}-${slugify(article.slug)}.html`;
    case 'html':
      return `https://${s.domain}/news/${datePath(article.publishedAt)}/${rng.int(10000, 99999)}.html`;
  }
}

function urlDate(url: string): string | null {
  const match = /\/(\d{4})\/(\d{2})\/(\d{2})\//.exec(url);
  return match ? `${match[1]}-${match[2]}-${match[3]}T00:00:00.000Z` : null;
}

// ---------------------------------------------------------------- 1. WordPress news theme

const newsTheme: OutletTemplate = {
  name: 'wp-news-theme',
  langs: ['en'],
  render(article, rng, { bulk }) {
    const s = rng.pick([
      site('The Daily Ledger', 'dailyledger.example'),
      site('Capital Observer', 'capobserver.example'),
    ]);
    const url = urlFor(s, article, 'dated', rng);
    const yoast = rng.chance(0.6);
    const adInserter = rng.chance(0.5);
    const sourceLink = rng.chance(0.6);
    const f = FURNITURE.en;
    const adLabel = adInserter
      ? `<div class="code-block code-block-${rng.int(1, 9)}" style="margin: 8px auto; text-align: center;"><p>- Advertisement -</p><a href="https://ads.example/c?${rng.hex(8)}"><img src="https://ads.example/b/${rng.hex(8)}.gif" width="300" height="250"></a></div>`
      : `<div class="td-a-rec td-a-rec-id-content_inline"><span class="td-adspot-title">- Advertisement -</span><div class="td-all-devices"><img src="https://ads.example/${rng.hex(6)}.jpg"></div></div>`;
    const blocks = withInlineLinks(rng, s, article.body);
    const body = bodyHtml(blocks, { insertAfter: (i, total) => (i % 3 === 1 && i < total - 1 ? adLabel : null) });
    const temp = `${rng.int(-5, 25)}.${rng.int(0, 9)}`;
    const html = `<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(article.headline)} - ${escapeHtml(s.name)}</title>
<link rel="canonical" href="${url}">
${article.authors.length > 0 ? `<meta name="author" content="${escapeHtml(article.authors.join(', '))}">` : ''}
${openGraph(article, s, url, { published: !yoast })}
${yoast ? jsonLd(article, s, url, { graph: true, type: 'Article' }) : ''}
${bulkHead(rng, article, bulk)}
</head>
<body class="post-template-default single single-post postid-${rng.int(1000, 99999)} td-standard-pack">
<div id="td-outer-wrap" class="td-theme-wrap">
<div class="td-header-top-menu">
  <div class="td-weather-top-widget" id="td_top_weather_uid"><div class="td-weather-now"><span class="td-big-degrees">${temp}</span><span class="td-weather-unit">C</span></div></div>
  <div class="td_data_time"><div>${widgetDate(article.publishedAt, rng.int(1, 60))}</div></div>
  ${navigation(rng, s, 'en', { cls: 'top-header-menu', items: 5, tag: 'div' })}
</div>
<div class="td-header-menu-wrap"><a class="td-main-logo" href="https://${s.domain}/"><span class="td-visual-hidden">${escapeHtml(s.name)}</span></a>
${navigation(rng, s, 'en', { cls: 'td-header-main-menu', items: scale(bulk, 10, 60) })}
</div>
<div class="td-main-content-wrap td-container-wrap"><div class="td-container td-post-template-default">
<div class="td-crumb-container"><div class="entry-crumbs"><span><a href="https://${s.domain}/">${f.home}</a></span> › <span><a href="https://${s.domain}/${article.section}/">${escapeHtml(article.section)}</a></span></div></div>
<div class="td-pb-row"><div class="td-pb-span8 td-main-content" role="main"><div class="td-ss-main-content">
<div class="td-a-rec td-a-rec-id-content_top"><span class="td-adspot-title">- Advertisement -</span></div>
<article id="post-${rng.int(1000, 9999)}" class="post type-post status-publish format-standard has-post-thumbnail category-${article.section}">
<div class="td-post-header">
<ul class="td-category"><li class="entry-category"><a href="https://${s.domain}/${article.section}/">${escapeHtml(article.section)}</a></li></ul>
<header class="td-post-title"><h1 class="entry-title">${escapeHtml(article.headline)}</h1>
<div class="td-module-meta-info">${article.authors[0] ? `<div class="td-post-author-name"><div class="td-author-by">By</div> <a href="https://${s.domain}/author/${slugify(article.authors[0])}/">${escapeHtml(article.authors[0])}</a><div class="td-author-line"> - </div></div>` : ''}
<span class="td-post-date"><time class="entry-date updated td-module-date" datetime="${article.publishedAt}">${longDate(article.publishedAt)}</time></span></div>
</header></div>
<div class="td-post-sharing-top"><div class="td-social-sharing-buttons">${f.share.map((n) => `<a class="td-social-sharing-button" href="#"><span>${n}</span></a>`).join('')}</div></div>
<div class="td-post-content tagdiv-type">
<div class="td-post-featured-image"><figure><img src="https://${s.domain}/wp-content/uploads/${rng.hex(8)}.jpg" alt="${escapeHtml(article.caption)}"><figcaption class="wp-caption-text">${escapeHtml(article.caption)}</figcaption></figure></div>
${body}
${sourceLink ? `<p><a href="https://origin.example/${rng.hex(8)}" target="_blank" rel="noopener">Source link</a></p>` : ''}
</div>
<footer><div class="td-post-source-tags"><ul class="td-tags td-post-small-box clearfix"><li><span>TAGS</span></li><li><a href="#">${escapeHtml(article.section)}</a></li></ul></div>
<div class="td-post-sharing-bottom"><div class="td-social-sharing-buttons">${f.share.map((n) => `<a href="#">${n}</a>`).join('')}</div></div></footer>
<div class="td_block_wrap td_block_related_posts"><h4 class="td-related-title"><a class="td-related-left" href="#">${f.related}</a><a href="#">${f.moreArticles}</a></h4>
${teasers(rng, s, 'en', scale(bulk, 3, 8), { cls: 'td_block_inner' })}</div>
</article></div></div>
<div class="td-pb-span4 td-main-sidebar" role="complementary"><div class="td-ss-main-sidebar">
${teasers(rng, s, 'en', scale(bulk, 4, 8), { cls: 'td_block_wrap td_block_1', summaries: true, heading: f.mustRead })}
<div class="td-a-rec td-a-rec-id-sidebar"><span class="td-adspot-title">- Advertisement -</span></div>
${teasers(rng, s, 'en', scale(bulk, 4, 8), { cls: 'td_block_wrap td_block_2', heading: 'Latest article' })}
</div></div></div></div></div>
<div class="td-footer-wrapper">${siteFooter(rng, s, 'en')}</div>
</div>
</body>
</html>`;
    return {
      template: this.name,
      html,
      charset: 'utf-8',
      contentType: 'text/html; charset=UTF-8',
      url,
      text: expectedText({ ...article, body: blocks }, { standfirst: false }),
      expected: {
        title: article.headline,
        byline: authorsText(article),
        siteName: s.name,
        lang: 'en-US',
        canonicalUrl: url,
        publishedAt: utc(article.publishedAt),
        publishedAtSource: yoast ? 'json-ld' : 'opengraph',
      },
    };
  },
};

// ---------------------------------------------------------------- 2. News agency with error-report widget

const newsAgency: OutletTemplate = {
  name: 'news-agency',
  langs: ['en', 'uk'],
  render(article, rng, { bulk }) {
    const lang = article.lang;
    const s =
      lang === 'uk' ? site('Укрінформ-Схід', 'ukrschid.example') : site('Eastern Wire Agency', 'easternwire.example');
    const url = urlFor(s, article, 'id', rng);
    const f = FURNITURE[lang];
    const neutralClasses = rng.chance(0.5);
    const blocks = article.body;
    const lead = blocks[0] && 'p' in blocks[0] ? blocks[0].p : null;
    const rest = lead ? blocks.slice(1) : blocks;
    const body = bodyHtml(rest);
    const html = `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(article.headline)}</title>
${openGraph(article, s, url, { published: true, titleSuffix: true })}
<link rel="canonical" href="${url}">
${bulkHead(rng, article, bulk)}
</head>
<body>
<noscript><img height="1" width="1" style="display:none" src="https://www.facebook.com/tr?id=${rng.int(1e9, 2e9)}&amp;ev=PageView&amp;noscript=1" alt="fbpx"></noscript>
<div class="header"><div class="header__logo"><a href="https://${s.domain}/">${escapeHtml(s.name)}</a></div>
${navigation(rng, s, lang, { cls: 'header__menu', items: scale(bulk, 8, 40) })}
<div class="header__langs"><a href="/ua/">UA</a> <a href="/en/">EN</a> <a href="/de/">DE</a></div></div>
<div class="main">
<div class="newsItem">
<div class="newsItem__date">${shortDateTime(article.publishedAt)}</div>
<h1 class="newsItem__title">${escapeHtml(article.headline)}</h1>
<div class="newsItem__image"><img src="https://static.${s.domain}/photo/${rng.hex(10)}.jpg" alt=""><div class="${neutralClasses ? 'newsItem__note' : 'newsItem__caption'}">${f.photo}: ${escapeHtml(article.credit)}</div></div>
<div class="newsItem__text">
${lead ? `<div class="newsItem__heading"><p>${inlineHtml(lead)}</p></div>` : ''}
${body}
</div>
<div class="${neutralClasses ? 'newsItem__bottom' : 'orfo-notice'}"><p>${escapeHtml(f.spelling)}</p></div>
<div class="newsItem__tags">${['Russia', 'North Korea', 'war'].map((t) => `<a href="/tag/${t}">${t}</a>`).join(' ')}</div>
</div>
<div class="${neutralClasses ? 'block-wide' : 'related-block'}"><h3>${escapeHtml(f.latest)}</h3>${linkList(rng, s, lang, scale(bulk, 6, 12), 'other-news')}</div>
</div>
<div class="${neutralClasses ? 'dlg' : 'orfo-dialog'}"><h3>Spelling error report</h3><p>The following text will be sent to our editors:</p><div class="dlg__text"></div><textarea></textarea><button>Send</button><button>Cancel</button></div>
${siteFooter(rng, s, lang)}
</body>
</html>`;
    return {
      template: this.name,
      html,
      charset: 'utf-8',
      contentType: 'text/html; charset=utf-8',
      url,
      text: expectedText(article, { standfirst: false }),
      expected: {
        title: article.headline,
        siteName: s.name,
        lang,
        canonicalUrl: url,
        publishedAt: utc(article.publishedAt),
        publishedAtSource: 'opengraph',
      },
    };
  },
};

// ---------------------------------------------------------------- 3. Reader-funded WordPress site with pleas

const readerFunded: OutletTemplate = {
  name: 'reader-funded',
  langs: ['en'],
  render(article, rng, { bulk }) {
    const s = site('Steppe Press', 'steppepress.example');
    const url = urlFor(s, article, 'dated', rng);
    const withTime = rng.chance(0.5);
    const pleaClass = rng.chance(0.5) ? 'post-cta' : 'patreon-box';
    const relatedHeadlines = otherHeadlines(rng, 'en', 3);
    const blocks = withInlineLinks(rng, s, article.body);
    const body = bodyHtml(blocks, {
      insertAfter: (i, total) =>
        i === Math.floor(total / 2) && total > 3
          ? `<p><strong>Read more:</strong> <a href="https://${s.domain}/news/${slugify(relatedHeadlines[0]!)}">${escapeHtml(relatedHeadlines[0]!)}</a></p>`
          : null,
    });
    const html = `<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<title>${escapeHtml(article.headline)} - ${escapeHtml(s.name)}</title>
${openGraph(article, s, url, { published: !withTime })}
${bulkHead(rng, article, bulk)}
</head>
<body class="post-template-default single">
<div id="page" class="site">
<header id="masthead" class="site-header"><div class="site-branding"><p class="site-title"><a href="https://${s.domain}/">${escapeHtml(s.name)}</a></p><p class="site-description">News and analysis from the region</p></div>
${navigation(rng, s, 'en', { cls: 'main-navigation', items: scale(bulk, 9, 50) })}</header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article class="post type-post status-publish hentry">
<header class="entry-header">
<h1 class="entry-title">${escapeHtml(article.headline)}</h1>
${article.standfirst ? `<h2 class="entry-subtitle">${escapeHtml(article.standfirst)}</h2>` : ''}
<div class="post-date">${withTime ? `<time datetime="${article.publishedAt}">${monthDayTime(article.publishedAt)}</time>` : monthDayTime(article.publishedAt)}</div>
</header>
<div class="entry-content">
<p class="headline-repeat"><strong>${escapeHtml(article.headline)}</strong></p>
<div class="wp-block-image"><img src="https://${s.domain}/wp-content/uploads/${rng.hex(8)}.jpg" alt=""><p class="image-note">${escapeHtml(article.caption)} (Image source: ${escapeHtml(article.credit)})</p></div>
${body}
<p>Related: </p>
<ul>${relatedHeadlines.map((h) => `<li><a href="https://${s.domain}/news/${slugify(h)}">${escapeHtml(h)}</a></li>`).join('')}</ul>
<div class="${pleaClass}"><p>You could close this page. Or you could join our community and help us produce more materials like this. We keep our reporting open and accessible to everyone because we believe in the power of free information. This is why our small, cost-effective team depends on the support of readers like you to bring deliver timely news, quality analysis, and on-the-ground reports. A little bit goes a long way: for as little as the cost of one cup of coffee a month, you can help build bridges between us and the rest of the world. Become a patron or see other ways to support.</p><p><a class="button" href="https://www.patreon.com/x">Become a Patron!</a></p></div>
</div>
</article>
${comments(rng, 'en', scale(bulk, 3, 10), 'comments-area')}
</main></div></div>
${siteFooter(rng, s, 'en')}
</div>
</body>
</html>`;
    return {
      template: this.name,
      html,
      charset: 'utf-8',
      contentType: 'text/html; charset=UTF-8',
      url,
      text: expectedText({ ...article, body: blocks }, { standfirst: true }),
      expected: {
        title: article.headline,
        siteName: s.name,
        lang: 'en-US',
        canonicalUrl: url,
        publishedAt: utc(article.publishedAt),
        publishedAtSource: withTime ? 'time-element' : 'opengraph',
      },
    };
  },
};

// ---------------------------------------------------------------- 4. Broadsheet

const broadsheet: OutletTemplate = {
  name: 'broadsheet',
  langs: ['en', 'de', 'fr'],
  render(article, rng, { bulk }) {
    const lang = article.lang;
    const f = FURNITURE[lang];
    const s =
      lang === 'de'
        ? site('Rheinische Rundschau', 'rundschau.example')
        : lang === 'fr'
          ? site('Le Courrier du Sud', 'courrierdusud.example')
          : site('The Northern Chronicle', 'northernchronicle.example');
    const url = urlFor(s, article, 'dated', rng);
    const latin1 = lang !== 'en';
    const related = otherHeadlines(rng, lang, 2);
    const blocks = withInlineLinks(rng, s, article.body);
    const body = bodyHtml(blocks, {
      paragraph: (html, i) => `<p class="${i === 0 ? 'dcr-first' : 'dcr-p'}">${html}</p>`,
      insertAfter: (i, total) => {
        if (i === 1 && total > 4) {
          return `<aside class="rich-link"><div class="rich-link__container"><span class="rich-link__kicker">${escapeHtml(f.related)}</span><a class="rich-link__link" href="https://${s.domain}/news/${slugify(related[0]!)}">${escapeHtml(related[0]!)}</a></div></aside>`;
        }
        if (i === 3 && total > 6) {
          return `<div class="newsletter-signup"><p>${escapeHtml(f.newsletter)}</p><form><input type="email" placeholder="Email"><button>Sign up</button></form><p class="privacy">Privacy Notice: Newsletters may contain info about charities and online ads.</p></div>`;
        }
        return null;
      },
    });
    const html = `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="${latin1 ? 'iso-8859-1' : 'utf-8'}">
<title>${escapeHtml(article.headline)} | ${escapeHtml(s.name)}</title>
<link rel="canonical" href="${url}">
${openGraph(article, s, url, { published: true, titleSuffix: false })}
${jsonLd(article, s, url)}
${bulkHead(rng, article, bulk)}
</head>
<body>
<a class="skip-link" href="#maincontent">Skip to main content</a>
<header class="site-header"><a class="logo" href="https://${s.domain}/">${escapeHtml(s.name)}</a>
${navigation(rng, s, lang, { cls: 'pillar-nav', items: scale(bulk, 7, 70) })}
<div class="support-us"><p>Support independent journalism</p><a href="/contribute">Support us</a></div></header>
<main id="maincontent">
<article>
<div class="article-header">
<a class="kicker" href="https://${s.domain}/${article.section}">${escapeHtml(article.section)}</a>
<h1>${escapeHtml(article.headline)}</h1>
${article.standfirst ? `<div class="standfirst"><p>${escapeHtml(article.standfirst)}</p></div>` : ''}
</div>
<figure class="main-media"><img src="https://i.${s.domain}/img/${rng.hex(16)}.jpg" alt=""><figcaption>${escapeHtml(article.caption)} <span class="credit">${f.photo}: ${escapeHtml(article.credit)}</span></figcaption></figure>
<div class="article-meta">
${article.authors.length > 0 ? `<address>${article.authors.map((a) => `<a rel="author" href="https://${s.domain}/profile/${slugify(a)}">${escapeHtml(a)}</a>`).join(' and ')}</address>` : ''}
<time datetime="${article.publishedAt}">${longDate(article.publishedAt)}</time>
<ul class="share-links">${f.share.map((n) => `<li><a href="#">${n}</a></li>`).join('')}</ul>
</div>
<div class="article-body" id="article-body">
${body}
</div>
<div class="submeta"><span>Explore more on these topics</span><ul>${['Europe', 'Transport', 'Economics'].map((t) => `<li><a href="/${t}">${t}</a></li>`).join('')}</ul>
<ul class="share-links">${f.share.map((n) => `<li><a href="#">${n}</a></li>`).join('')}</ul><a href="#comments">Reuse this content</a></div>
</article>
<aside class="most-viewed"><h2>${escapeHtml(f.mustRead)}</h2>${linkList(rng, s, lang, scale(bulk, 10, 10), 'most-viewed-list', 'ol')}</aside>
<section class="onwards">${teasers(rng, s, lang, scale(bulk, 6, 20), { cls: 'onwards-container', summaries: true, heading: f.moreArticles, headingTag: 'h2' })}</section>
</main>
${siteFooter(rng, s, lang)}
<div id="cmp-banner" class="consent-banner"><p>${escapeHtml(f.cookie)}</p><button>Yes, I’m happy</button><button>Manage my cookies</button></div>
</body>
</html>`;
    return {
      template: this.name,
      html,
      charset: latin1 ? 'windows-1252' : 'utf-8',
      contentType: latin1 ? 'text/html' : 'text/html; charset=utf-8',
      url,
      text: expectedText({ ...article, body: blocks }, { standfirst: true }),
      expected: {
        title: article.headline,
        byline: authorsText(article),
        siteName: s.name,
        lang,
        canonicalUrl: url,
        publishedAt: utc(article.publishedAt),
        publishedAtSource: 'json-ld',
      },
    };
  },
};

// ---------------------------------------------------------------- 5. Wire service

const wireService: OutletTemplate = {
  name: 'wire-service',
  langs: ['en'],
  render(article, rng, { bulk }) {
    const s = site('Meridian News Service', 'meridiannews.example');
    const url = urlFor(s, article, 'plain', rng);
    const city = rng.pick(['WASHINGTON', 'LONDON', 'KYIV', 'BRUSSELS', 'SEOUL', 'GENEVA']);
    const p = /^(\d{4})-(\d{2})-(\d{2})/.exec(article.publishedAt)!;
    const months = ['Jan', 'Feb', 'March', 'April', 'May', 'June', 'July', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];
    const dateline = `${city}, ${months[Number(p[2]) - 1]} ${Number(p[3])} (Meridian) - `;
    const first = article.body.findIndex((b) => 'p' in b);
    const blocks: BodyBlock[] = article.body.map((b, i) =>
      i === first && 'p' in b ? { p: dateline + b.p.replace(/^[A-Z]+ — /, '') } : b,
    );
    const byline = article.authors.length > 0 ? `By ${article.authors.join(' and ')}` : null;
    const editors = `Reporting by ${article.authors[0] ?? 'Sam Porter'}; Editing by ${rng.pick(['Alex Richardson', 'Diane Craft', 'Mark Heinrich'])}`;
    const body = bodyHtml(blocks, {
      paragraph: (html) => `<p data-testid="paragraph-${rng.int(0, 99)}" class="text__text">${html}</p>`,
    });
    const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(article.headline)} | ${escapeHtml(s.name)}</title>
<meta name="description" content="${escapeHtml(article.standfirst ?? article.headline)}">
<link rel="canonical" href="${url}">
${bulkHead(rng, article, bulk)}
</head>
<body>
<div id="fusion-app">
<header class="site-header__container">${navigation(rng, s, 'en', { cls: 'nav-bar', items: scale(bulk, 10, 80) })}</header>
<main class="regular-article-layout__main">
<article class="article__container">
<header class="article-header__container"><span class="article-header__tag">${escapeHtml(article.section)}</span>
<h1 data-testid="Heading">${escapeHtml(article.headline)}</h1>
<div class="article-header__dateline"><time datetime="${utc(article.publishedAt)}"><span>${longDate(article.publishedAt)}</span></time></div>
</header>
<div class="article-body__content">
${byline ? `<p class="text__text">${escapeHtml(byline)}</p>` : ''}
${body}
<p class="text__text">${escapeHtml(editors)}</p>
<p class="text__text">Our Standards: The Meridian Trust Principles.</p>
</div>
<div class="read-next-panel"><h2>Read Next</h2>${linkList(rng, s, 'en', scale(bulk, 4, 10), 'read-next')}</div>
</article>
</main>
${siteFooter(rng, s, 'en')}
</div>
</body>
</html>`;
    return {
      template: this.name,
      html,
      charset: 'utf-8',
      contentType: 'text/html; charset=utf-8',
      url,
      text: expectedText({ ...article, body: blocks }, { standfirst: false }),
      expected: {
        title: article.headline,
        byline: authorsText(article)?.replace(', ', ' and ') ?? null,
        lang: 'en',
        canonicalUrl: url,
        publishedAt: utc(article.publishedAt),
        publishedAtSource: 'time-element',
      },
    };
  },
};

// ---------------------------------------------------------------- 6. Tabloid

const tabloid: OutletTemplate = {
  name: 'tabloid',
  langs: ['en'],
  render(article, rng, { bulk }) {
    const s = site('Daily Express Online', 'dexonline.example');
    const url = urlFor(s, article, 'id', rng);
    const keyPoints = otherHeadlines(rng, 'en', 3).map(
      (h) => `${h.replace(/, [^,]+ says$/, '')} according to officials`,
    );
    const published = longDate(article.publishedAt);
    const blocks = article.body;
    const body = bodyHtml(blocks, {
      paragraph: (html) => `<p class="mol-para-with-font">${html}</p>`,
      insertAfter: (i) =>
        i % 2 === 0
          ? `<div class="${rng.chance(0.5) ? 'mpu_puff_wrapper' : 'art-ins'}"><span class="label">Advertisement</span><div id="ad-${rng.hex(4)}"></div></div>`
          : null,
    });
    const html = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>${escapeHtml(article.headline)} | Daily Express Online</title>
<meta property="og:title" content="${escapeHtml(article.headline)}">
<meta property="og:site_name" content="${s.name}">
<meta itemprop="datePublished" content="${article.publishedAt}">
${article.modifiedAt ? `<meta itemprop="dateModified" content="${article.modifiedAt}">` : ''}
<link rel="canonical" href="${url}">
${bulkHead(rng, article, bulk)}
</head>
<body>
<div class="page-header">${navigation(rng, s, 'en', { cls: 'nav-primary', items: scale(bulk, 12, 80) })}</div>
<div id="content" class="article-text wide">
<div class="js-article-text">
<h2 class="headline">${escapeHtml(article.headline)}</h2>
<ul class="mol-bullets-with-font">${keyPoints.map((k) => `<li class="class-1"><strong>${escapeHtml(k)}</strong></li>`).join('')}</ul>
${article.authors[0] ? `<p class="author-section byline-plain">By <a class="author" href="#">${escapeHtml(article.authors[0].toUpperCase())}</a> FOR DEXONLINE</p>` : ''}
<p class="byline-section"><span class="article-timestamp article-timestamp-published"><span class="article-timestamp-label">Published:</span> <time datetime="${article.publishedAt}">${published}</time></span></p>
<div class="social share-wrapper"><ul><li>Share</li><li>${rng.int(10, 900)} shares</li></ul></div>
<div itemprop="articleBody">
<div class="artSplitter mol-img-group"><img src="https://i.${s.domain}/${rng.hex(10)}.jpg"><p class="imageCaption">${escapeHtml(article.caption)}</p></div>
${body}
</div>
<div class="related-carousel"><h3>RELATED ARTICLES</h3><a>Previous</a><span>1</span><a>Next</a>${linkList(rng, s, 'en', scale(bulk, 4, 10), 'rc-list')}</div>
<div class="column-content cleared"><div class="share-article"><p>Share or comment on this article:</p>${FURNITURE.en.share.map((n) => `<a href="#">${n}</a>`).join('')}</div></div>
${comments(rng, 'en', scale(bulk, 6, 14), 'reader-comments')}
</div>
<div class="puff-feed">${teasers(rng, s, 'en', scale(bulk, 8, 30), { cls: 'femail item', summaries: true })}</div>
</div>
${siteFooter(rng, s, 'en')}
</body>
</html>`;
    const bullets = keyPoints.map((k) => `- ${k}`).join('\n');
    return {
      template: this.name,
      html,
      charset: 'utf-8',
      contentType: 'text/html; charset=utf-8',
      url,
      text: `${bullets}\n\n${expectedText(article, { standfirst: false })}`,
      expected: {
        title: article.headline,
        siteName: s.name,
        lang: 'en-GB',
        canonicalUrl: url,
        publishedAt: utc(article.publishedAt),
        publishedAtSource: 'meta',
      },
    };
  },
};

// ---------------------------------------------------------------- 7. Legacy table layout, windows-1251

const legacyTable: OutletTemplate = {
  name: 'legacy-table-1251',
  langs: ['ru', 'uk'],
  render(article, rng, { bulk }) {
    const lang = article.lang;
    const f = FURNITURE[lang];
    const s =
      lang === 'ru' ? site('Вестник Приволжья', 'vestnik-pv.example') : site('Вісті Полісся', 'visti-polissia.example');
    const url = urlFor(s, article, 'html', rng);
    const withLang = rng.chance(0.5);
    const paragraphs: string[] = [];
    for (const block of article.body) {
      if ('p' in block) paragraphs.push(`${inlineHtml(block.p)}<br><br>`);
      else if ('h' in block) paragraphs.push(`<b>${escapeHtml(block.h)}</b><br><br>`);
      else if ('quote' in block) paragraphs.push(`<i>${inlineHtml(block.quote)}</i><br><br>`);
      else {
        const items = 'ul' in block ? block.ul : block.ol;
        paragraphs.push(`<ul>${items.map((i) => `<li>${inlineHtml(i)}</li>`).join('')}</ul>`);
      }
    }
    const related = otherHeadlines(rng, lang, 3);
    const leftLinks = navigation(rng, s, lang, { cls: 'leftmenu', items: scale(bulk, 12, 60), tag: 'div' });
    const html = `<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
${withLang ? `<meta http-equiv="Content-Language" content="${lang}">` : ''}
<title>${escapeHtml(s.name)} :: ${escapeHtml(article.headline)}</title>
${bulkHead(rng, article, bulk)}
</head>
<body bgcolor="#ffffff" topmargin="0">
<table width="100%" border="0" cellspacing="0" cellpadding="0">
<tr><td colspan="2" class="top"><a href="/"><img src="/i/logo.gif" alt="${escapeHtml(s.name)}"></a>
<span class="weather">${lang === 'ru' ? 'Погода' : 'Погода'}: ${rng.int(-15, 20)} °C</span></td></tr>
<tr>
<td width="200" valign="top" class="left">${leftLinks}
<div class="counter"><a href="https://top.example/"><img src="https://top.example/c.gif" width="88" height="31"></a></div></td>
<td valign="top" class="main">
<div class="path"><a href="/">${f.home}</a> / <a href="/news/">${f.menu[0]}</a></div>
<h1>${escapeHtml(article.headline)}</h1>
<span class="date">${dottedDate(article.publishedAt)}</span><br><br>
<div class="text">
${article.standfirst ? `<b>${escapeHtml(article.standfirst)}</b><br><br>` : ''}
${paragraphs.join('\n')}
</div>
<br><b>${escapeHtml(f.related)}:</b><br>
${related.map((h) => `<a href="/news/${rng.int(10000, 99999)}.html">${escapeHtml(h)}</a><br>`).join('\n')}
<br><a href="/print/${rng.int(1000, 9999)}.html">${lang === 'ru' ? 'Версия для печати' : 'Версія для друку'}</a> | <a href="#">${lang === 'ru' ? 'Поделиться' : 'Поширити'}</a>
</td></tr>
<tr><td colspan="2" class="bottom">© ${escapeHtml(s.name)}, 2003–2024. ${lang === 'ru' ? 'Все права защищены' : 'Усі права захищено'}.</td></tr>
</table>
</body>
</html>`;
    return {
      template: this.name,
      html,
      charset: 'windows-1251',
      contentType: rng.chance(0.5) ? 'text/html' : null,
      url,
      text: expectedText(article, { standfirst: true }),
      expected: {
        title: article.headline,
        lang: withLang ? lang : null,
        publishedAt: urlDate(url),
        publishedAtSource: 'url',
      },
    };
  },
};

// ---------------------------------------------------------------- 8. Div-soup portal in KOI8-R

const koi8Portal: OutletTemplate = {
  name: 'portal-koi8',
  langs: ['ru'],
  render(article, rng, { bulk }) {
    const s = site('Северный портал', 'sever-portal.example');
    const dated = rng.chance(0.5);
    const url = dated
      ? `https://${s.domain}/news/${datePath(article.publishedAt).replace(/\//g, '')}/${rng.int(1000, 9999)}/`
      : `https://${s.domain}/news/?id=${rng.int(100000, 999999)}`;
    const blocks = article.body
      .map((block) => {
        if ('p' in block) return `<div class="txt">${inlineHtml(block.p)}</div>`;
        if ('h' in block) return `<div class="subtitle"><b>${escapeHtml(block.h)}</b></div>`;
        if ('quote' in block) return `<div class="txt"><i>${inlineHtml(block.quote)}</i></div>`;
        const items = 'ul' in block ? block.ul : block.ol;
        return `<ul>${items.map((i) => `<li>${inlineHtml(i)}</li>`).join('')}</ul>`;
      })
      .join('\n');
    const d = /^(\d{4})-(\d{2})-(\d{2})/.exec(article.publishedAt)!;
    const html = `<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="koi8-r">
<title>${escapeHtml(article.headline)} — ${escapeHtml(s.name)}</title>
${bulkHead(rng, article, bulk)}
</head>
<body>
<div id="top">${navigation(rng, s, 'ru', { cls: 'topmenu', items: scale(bulk, 8, 50), tag: 'div' })}<div class="today">Сегодня: ${Number(d[3])}.${d[2]}.${d[1]}</div></div>
<div id="wrap">
<div id="left">${linkList(rng, s, 'ru', scale(bulk, 8, 20), 'lenta')}</div>
<div id="center">
<div class="newstitle">${escapeHtml(article.headline)}</div>
<div class="newsdate">${dottedDate(article.publishedAt)}</div>
${article.standfirst ? `<div class="anons"><b>${escapeHtml(article.standfirst)}</b></div>` : ''}
${blocks}
<div class="src">Источник: ${escapeHtml(s.name)}</div>
<div class="share">Поделиться: ВКонтакте Одноклассники Telegram</div>
<div class="more"><div class="more-title">${FURNITURE.ru.moreArticles}</div>${linkList(rng, s, 'ru', 4, 'more-list')}</div>
</div>
</div>
<div id="bottom">© ${escapeHtml(s.name)}</div>
</body>
</html>`;
    return {
      template: this.name,
      html,
      charset: 'koi8-r',
      contentType: null,
      url,
      text: expectedText(article, { standfirst: true }),
      expected: {
        lang: 'ru',
        publishedAt: dated ? `${d[1]}-${d[2]}-${d[3]}T00:00:00.000Z` : null,
        publishedAtSource: dated ? 'url' : 'none',
      },
    };
  },
};

// ---------------------------------------------------------------- 9. Copied text: furniture in plain paragraphs

const MONTHS_GENITIVE: Record<'ru' | 'uk', string[]> = {
  ru: [
    'января',
    'февраля',
    'марта',
    'апреля',
    'мая',
    'июня',
    'июля',
    'августа',
    'сентября',
    'октября',
    'ноября',
    'декабря',
  ],
  uk: [
    'січня',
    'лютого',
    'березня',
    'квітня',
    'травня',
    'червня',
    'липня',
    'серпня',
    'вересня',
    'жовтня',
    'листопада',
    'грудня',
  ],
};
const WEEKDAYS_LOCAL: Record<'ru' | 'uk', string[]> = {
  ru: ['Воскресенье', 'Понедельник', 'Вторник', 'Среда', 'Четверг', 'Пятница', 'Суббота'],
  uk: ['Неділя', 'Понеділок', 'Вівторок', 'Середа', 'Четвер', 'Пʼятниця', 'Субота'],
};

function localWidgetDate(iso: string, lang: ArticleLang, daysLater: number): string {
  if (lang !== 'ru' && lang !== 'uk') return widgetDate(iso, daysLater);
  const d = new Date(
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)) + daysLater),
  );
  return `${WEEKDAYS_LOCAL[lang][d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS_GENITIVE[lang][d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** Furniture as it appears in text copied from a page: the lines of the seed reports and their kin. */
function copiedFurniture(article: ArticleSource, rng: Random) {
  const lang = article.lang;
  const f = FURNITURE[lang];
  const related = otherHeadlines(rng, lang, 1)[0]!;
  const top = [
    `${rng.int(-5, 25)}.${rng.int(0, 9)} C`,
    lang === 'en' ? `${rng.int(-5, 25)}.${rng.int(0, 9)} C` : `${rng.pick(['+', '−'])}${rng.int(1, 25)} °C`,
    localWidgetDate(article.publishedAt, lang, rng.int(1, 60)),
    f.mustRead,
    lang === 'en' ? '- Advertisement -' : f.advertisement,
    'fbpx',
  ];
  const inline = [
    lang === 'en' ? '- Advertisement -' : f.advertisement,
    `${f.readMore}: ${related}`,
    `${f.photo}: ${article.credit}/AFP`,
    `— Jay in Kyiv (@JayinKyiv) ${longDate(article.publishedAt).replace(/^\w+, /, '')}`,
    `According to the report @CSIS pic.twitter.com/${rng.hex(10)}`,
    f.follow,
    f.cookie,
    f.newsletter,
    `${lang === 'en' ? 'Share' : lang === 'ru' ? 'Поделиться' : 'Поширити'} ${f.share.join(' ')}`,
    'Loading...',
  ];
  const bottom =
    lang === 'en'
      ? [
          'Source link',
          'More articles',
          '- Advertisement -',
          'Latest article',
          'If you have found a spelling error, please, notify us by selecting that text and pressing Ctrl+Enter.',
          'Spelling error report',
          'The following text will be sent to our editors:',
          `© ${rng.int(2015, 2024)} Regional Herald. All rights reserved.`,
        ]
      : [f.moreArticles, f.latest, f.spelling, `© ${rng.int(2015, 2024)}`, f.follow];
  return { top, inline, bottom };
}

const plainCopy: OutletTemplate = {
  name: 'plain-paragraphs',
  langs: ['en', 'ru', 'uk'],
  render(article, rng, { bulk }) {
    const lang = article.lang;
    const s = site(
      lang === 'en' ? 'Regional Herald' : lang === 'ru' ? 'Областной вестник' : 'Обласний вісник',
      'regionalherald.example',
    );
    const url = urlFor(s, article, 'plain', rng);
    const furniture = copiedFurniture(article, rng);
    const top = rng.sample(furniture.top, rng.int(2, 5));
    const bottom = rng.sample(furniture.bottom, rng.int(3, 6));
    const paragraphs: string[] = top.map((t) => `<p>${escapeHtml(t)}</p>`);
    paragraphs.push(`<p>${escapeHtml(article.headline)}</p>`);
    const inline = rng.sample(furniture.inline, furniture.inline.length);
    let pulled = false;
    article.body.forEach((block, i) => {
      if ('p' in block) paragraphs.push(`<p>${inlineHtml(block.p)}</p>`);
      else if ('h' in block) paragraphs.push(`<p><strong>${escapeHtml(block.h)}</strong></p>`);
      else if ('quote' in block) paragraphs.push(`<blockquote>${inlineHtml(block.quote)}</blockquote>`);
      else {
        const tag = 'ul' in block ? 'ul' : 'ol';
        const items = 'ul' in block ? block.ul : block.ol;
        paragraphs.push(`<${tag}>${items.map((x) => `<li>${inlineHtml(x)}</li>`).join('')}</${tag}>`);
      }
      if (i < article.body.length - 1 && inline.length > 0 && rng.chance(0.45))
        paragraphs.push(`<p>${escapeHtml(inline.pop()!)}</p>`);
      // A pull quote: the paragraph printed again as a quote (long paragraphs only).
      if (!pulled && 'p' in block && i > 0 && plain(block.p).split(' ').length >= 12 && rng.chance(0.3)) {
        paragraphs.push(`<blockquote>${inlineHtml(block.p)}</blockquote>`);
        pulled = true;
      }
    });
    for (const b of bottom) paragraphs.push(`<p>${escapeHtml(b)}</p>`);
    const html = `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(article.headline)}</title>
<meta name="pubdate" content="${article.publishedAt.slice(0, 10).replace(/-/g, '')}">
${bulkHead(rng, article, bulk)}
</head>
<body>
<div class="wrapper">
${bulk > 0 ? navigation(rng, s, lang, { cls: 'menu', items: scale(bulk, 6, 60), tag: 'div' }) : ''}
<div class="post">
${paragraphs.join('\n')}
</div>
${bulk > 0 ? teasers(rng, s, lang, scale(bulk, 0, 30), { cls: 'grid' }) : ''}
</div>
</body>
</html>`;
    return {
      template: this.name,
      html,
      charset: 'utf-8',
      contentType: 'text/html',
      url,
      text: expectedText(article, { standfirst: false }),
      expected: {
        title: article.headline,
        lang,
        publishedAt: `${article.publishedAt.slice(0, 10)}T00:00:00.000Z`,
        publishedAtSource: 'meta',
      },
    };
  },
};

// ---------------------------------------------------------------- 10. React app with hashed class names

const reactApp: OutletTemplate = {
  name: 'react-app',
  langs: ['en'],
  render(article, rng, { bulk }) {
    const s = site('The Metropolitan Times', 'metrotimes.example');
    const url = urlFor(s, article, 'dated', rng);
    const c = () => `css-${rng.hex(6)}`;
    const adLabel = () =>
      `<div class="${c()}"><div class="${c()}"><p class="${c()}">Advertisement</p></div><div id="mid${rng.int(1, 9)}-wrapper" class="${c()}"></div></div>`;
    const newsletter = `<div class="${c()}"><div class="${c()}"><p class="${c()}">${escapeHtml(FURNITURE.en.newsletter)}</p><a class="${c()}" href="/newsletters">Sign up</a></div></div>`;
    const blocks = withInlineLinks(rng, s, article.body);
    const body = bodyHtml(blocks, {
      paragraph: (html) => `<div class="${c()}"><p class="${c()} evys1bk0">${html}</p></div>`,
      heading: (text) => `<h2 class="${c()} eoo0vm40">${escapeHtml(text)}</h2>`,
      insertAfter: (i, total) => (i === 2 && total > 4 ? adLabel() : i === 5 && total > 7 ? newsletter : null),
    });
    const recommended = teasers(rng, s, 'en', scale(bulk, 4, 24), {
      cls: c(),
      summaries: true,
      heading: 'Recommended',
      headingTag: 'h2',
    });
    const html = `<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="utf-8">
<title>${escapeHtml(article.headline)} - The Metropolitan Times</title>
${openGraph(article, s, url, { published: true })}
${article.authors.length > 0 ? `<meta name="byl" content="By ${escapeHtml(article.authors.join(' and '))}">` : ''}
<link rel="canonical" href="${url}">
${bulkHead(rng, article, bulk)}
</head>
<body>
<div id="app"><div class="${c()}">
<header class="${c()}"><div class="${c()}">${navigation(rng, s, 'en', { cls: c(), items: scale(bulk, 10, 80), tag: 'div' })}</div></header>
<main id="site-content" class="${c()}">
<article id="story" class="${c()}">
<header class="${c()}"><h1 class="${c()}" data-testid="headline">${escapeHtml(article.headline)}</h1>
${article.standfirst ? `<p id="article-summary" class="${c()}">${escapeHtml(article.standfirst)}</p>` : ''}
<div class="${c()}"><div class="${c()}"><p class="${c()}">${article.authors.length > 0 ? `By <span class="${c()}">${escapeHtml(article.authors.join(' and '))}</span>` : ''}</p></div>
<time class="${c()}" datetime="${article.publishedAt}">${longDate(article.publishedAt)}</time></div>
</header>
${adLabel()}
<section name="articleBody" class="meteredContent ${c()}">
${body}
</section>
<div class="${c()}"><div class="${c()}"><p class="${c()}">A version of this article appears in print on page A${rng.int(1, 20)} of the New York edition.</p></div></div>
</article>
<div class="${c()}">${recommended}</div>
</main>
<footer class="${c()}">${siteFooter(rng, s, 'en')}</footer>
</div></div>
${stateBlob(rng, article, 2000)}
</body>
</html>`;
    return {
      template: this.name,
      html,
      charset: 'utf-8',
      contentType: 'text/html; charset=utf-8',
      url,
      text: expectedText({ ...article, body: blocks }, { standfirst: true }),
      expected: {
        title: article.headline,
        byline: article.authors.length > 0 ? article.authors.join(' and ') : null,
        siteName: s.name,
        lang: 'en-US',
        canonicalUrl: url,
        publishedAt: utc(article.publishedAt),
        publishedAtSource: 'opengraph',
      },
    };
  },
};

// ---------------------------------------------------------------- 11. Blog with comments

const blogTheme: OutletTemplate = {
  name: 'blog-theme',
  langs: ['en'],
  render(article, rng, { bulk }) {
    const s = site('Field Notes', 'fieldnotes.example');
    const url = urlFor(s, article, 'dated', rng);
    const yoast = rng.chance(0.5);
    const blocks = withInlineLinks(rng, s, article.body);
    const body = bodyHtml(blocks, {
      quote: (html) => `<blockquote class="wp-block-quote"><p>${html}</p></blockquote>`,
      // A bullet image per item: Readability's conditional cleaning drops lists with more images than paragraphs.
      list: (items, ordered) =>
        `<${ordered ? 'ol' : 'ul'} class="wp-block-list">${items.map((item) => `<li><img src="https://${s.domain}/wp-content/uploads/bullet.png" alt="" width="12"> <span>${inlineHtml(item)}</span></li>`).join('')}</${ordered ? 'ol' : 'ul'}>`,
    });
    const author = article.authors[0] ?? 'Admin';
    const html = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="UTF-8">
<title>${escapeHtml(article.headline)} &#8211; ${escapeHtml(s.name)}</title>
${yoast ? jsonLd(article, s, url, { graph: true, type: 'BlogPosting' }) : ''}
<link rel="canonical" href="${url}">
${bulkHead(rng, article, bulk)}
</head>
<body class="post-template-default single single-post">
<div id="page" class="hfeed site">
<header id="masthead" class="site-header"><h1 class="site-title"><a href="https://${s.domain}/">${escapeHtml(s.name)}</a></h1>
${navigation(rng, s, 'en', { cls: 'main-navigation', items: scale(bulk, 6, 40) })}</header>
<div id="content" class="site-content">
<main id="main" class="site-main">
<article id="post-${rng.int(100, 999)}" class="post type-post status-publish format-standard hentry category-notes">
<header class="entry-header"><h2 class="entry-title">${escapeHtml(article.headline)}</h2>
<div class="entry-meta"><span class="posted-on">Posted on <a href="${url}"><time class="entry-date published" datetime="${article.publishedAt}">${longDate(article.publishedAt)}</time></a></span> <span class="byline">by <span class="author vcard"><a class="url fn n" href="#">${escapeHtml(author)}</a></span></span></div>
</header>
<div class="entry-content">
${article.standfirst ? `<p><em>${escapeHtml(article.standfirst)}</em></p>` : ''}
${body}
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul>${FURNITURE.en.share.map((n) => `<li><a href="#">${n}</a></li>`).join('')}</ul></div>
<div class="sharedaddy sd-block sd-like"><h3 class="sd-title">Like this:</h3><p>Like Loading...</p></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Related</em></h3>${teasers(rng, s, 'en', 3, { cls: 'jp-relatedposts-items', summaries: true })}</div>
</div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="#">Notes</a></span> <span class="tags-links">Tagged <a href="#">city</a>, <a href="#">data</a></span></footer>
<div class="author-info"><h2 class="author-title">About ${escapeHtml(author)}</h2><p class="author-bio">${escapeHtml(author)} writes about cities, data and the people who live with both. Previously a reporter for regional newspapers for more than ten years.</p></div>
</article>
<nav class="navigation post-navigation"><a href="#" rel="prev">Previous post</a> <a href="#" rel="next">Next post</a></nav>
<div id="comments" class="comments-area">${comments(rng, 'en', scale(bulk, 4, 14), 'comment-list-wrap')}<div id="respond"><h3>Leave a Reply</h3><form><textarea></textarea><input type="submit" value="Post Comment"></form></div></div>
</main>
<aside id="secondary" class="widget-area"><section class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2>${linkList(rng, s, 'en', 5, 'recent')}</section></aside>
</div>
${siteFooter(rng, s, 'en')}
</div>
</body>
</html>`;
    return {
      template: this.name,
      html,
      charset: 'utf-8',
      contentType: 'text/html; charset=UTF-8',
      url,
      text: expectedText({ ...article, body: blocks }, { standfirst: true }),
      expected: {
        title: article.headline,
        byline: yoast ? authorsText(article) : author,
        lang: 'en-GB',
        canonicalUrl: url,
        publishedAt: utc(article.publishedAt),
        publishedAtSource: yoast ? 'json-ld' : 'time-element',
      },
    };
  },
};

// ---------------------------------------------------------------- 12. Magazine long-form

const magazine: OutletTemplate = {
  name: 'magazine',
  langs: ['en'],
  render(article, rng, { bulk }) {
    const s = site('The Long Read Review', 'longreadreview.example');
    const url = urlFor(s, article, 'plain', rng);
    const paragraphs = article.body.filter((b): b is { p: string } => 'p' in b);
    const pull = paragraphs.length > 3 ? paragraphs[2]!.p.split('. ')[0]! : null;
    // Sections of the body as siblings, with figures and ad breaks between them.
    const sections: BodyBlock[][] = [];
    let current: BodyBlock[] = [];
    for (const block of article.body) {
      if ('h' in block && current.length > 0) {
        sections.push(current);
        current = [];
      }
      current.push(block);
    }
    if (current.length > 0) sections.push(current);
    const sectionHtml = sections
      .map((blocks, i) => {
        const inner = bodyHtml(blocks, {
          paragraph: (html, k) =>
            i === 0 && k === 0
              ? `<p class="has-dropcap"><span class="dropcap">${html.charAt(0)}</span>${html.slice(1)}</p>`
              : `<p>${html}</p>`,
          heading: (t) => `<h2 class="section-heading">${escapeHtml(t)}</h2>`,
          // Fact lists with an icon per item: Readability's conditional cleaning drops lists with more images than paragraphs.
          list: (items, ordered) =>
            `<${ordered ? 'ol' : 'ul'} class="facts">${items.map((item) => `<li><img class="icon" src="https://img.${s.domain}/icons/check.svg" alt=""> ${item.includes(': ') ? `<strong>${inlineHtml(item.slice(0, item.indexOf(': ') + 1))}</strong>${inlineHtml(item.slice(item.indexOf(': ') + 1))}` : `<span>${inlineHtml(item)}</span>`}</li>`).join('')}</${ordered ? 'ol' : 'ul'}>`,
        });
        const pullQuote =
          i === 0 && pull ? `<aside class="pullquote"><blockquote><p>${inlineHtml(pull)}</p></blockquote></aside>` : '';
        const figure = `<figure class="inline-image"><img src="https://img.${s.domain}/${rng.hex(12)}.jpg" alt=""><figcaption>${escapeHtml(article.caption)} Photograph: ${escapeHtml(article.credit)}</figcaption></figure>`;
        const adBreak = `<div class="ad-break"><p>Story continues below advertisement</p></div>`;
        return `<section class="article-section">${inner}${pullQuote}</section>${i < sections.length - 1 ? (i % 2 === 0 ? figure : adBreak) : ''}`;
      })
      .join('\n');
    const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(article.headline)} | The Long Read Review</title>
${jsonLd(article, s, url, { graph: true, type: 'ReportageNewsArticle' })}
<meta property="og:title" content="${escapeHtml(article.headline)}">
<link rel="canonical" href="${url}">
${bulkHead(rng, article, bulk)}
${svgSprite(rng, 20)}
</head>
<body>
<header class="masthead">${navigation(rng, s, 'en', { cls: 'masthead-nav', items: scale(bulk, 8, 50) })}</header>
<main>
<article class="longform">
<header class="longform-header"><p class="series">The long read</p><h1>${escapeHtml(article.headline)}</h1>
${article.standfirst ? `<p class="dek">${escapeHtml(article.standfirst)}</p>` : ''}
<p class="contributors">${article.authors.length > 0 ? `By ${escapeHtml(article.authors.join(' and '))}` : ''}</p></header>
<div class="longform-body">
${sectionHtml}
</div>
<div class="support-box"><h3>Before you go</h3><p>We have no shareholders and no billionaire owner. Our independent journalism is funded by readers like you: if you value it, please consider a donation today.</p><a href="/support">Support us</a></div>
</article>
</main>
${siteFooter(rng, s, 'en')}
</body>
</html>`;
    return {
      template: this.name,
      html,
      charset: 'utf-8',
      contentType: 'text/html; charset=utf-8',
      url,
      text: expectedText(article, { standfirst: true }),
      expected: {
        title: article.headline,
        byline: authorsText(article),
        siteName: s.name,
        lang: 'en',
        canonicalUrl: url,
        publishedAt: utc(article.publishedAt),
        publishedAtSource: 'json-ld',
      },
    };
  },
};

// ---------------------------------------------------------------- 13. Government press release

const pressRelease: OutletTemplate = {
  name: 'press-release',
  langs: ['en'],
  render(article, rng, { bulk }) {
    const s = site('Department for Regional Affairs', 'regional-affairs.gov.example');
    const url = `https://${s.domain}/government/news/${slugify(article.slug)}`;
    const html = `<!DOCTYPE html>
<html lang="en" class="govuk-template">
<head>
<meta charset="utf-8">
<title>${escapeHtml(article.headline)} - GOV.EXAMPLE</title>
<meta name="DC.date.issued" content="${article.publishedAt.slice(0, 10)}">
<meta name="govuk:format" content="press_release">
${bulkHead(rng, article, bulk)}
</head>
<body class="govuk-template__body">
<div id="global-cookie-message" class="gem-c-cookie-banner"><p>We’d like to use additional cookies to remember your settings and understand how you use the service. Accept additional cookies or Reject additional cookies.</p></div>
<header role="banner" class="gem-c-layout-header"><a href="/" class="govuk-header__link">GOV.EXAMPLE</a>${navigation(rng, s, 'en', { cls: 'govuk-header__navigation', items: scale(bulk, 6, 40) })}</header>
<div class="govuk-width-container">
<div class="govuk-breadcrumbs"><ol><li><a href="/">Home</a></li><li><a href="/government">Government</a></li></ol></div>
<main role="main" id="content" class="govuk-main-wrapper" lang="en">
<div class="gem-c-title"><span class="gem-c-title__context">Press release</span><h1 class="gem-c-title__text">${escapeHtml(article.headline)}</h1></div>
${article.standfirst ? `<p class="gem-c-lead-paragraph">${escapeHtml(article.standfirst)}</p>` : ''}
<div class="gem-c-metadata"><dl><dt>From:</dt><dd><a href="/org">${escapeHtml(s.name)}</a></dd><dt>Published</dt><dd>${longDate(article.publishedAt).replace(/^\w+, /, '')}</dd></dl></div>
<div class="gem-c-share-links"><h2>Share this page</h2><ul><li><a href="#">Facebook</a></li><li><a href="#">Twitter</a></li></ul></div>
<div class="gem-c-govspeak govuk-govspeak">
${bodyHtml(article.body)}
</div>
<div class="gem-c-published-dates">Published ${longDate(article.publishedAt).replace(/^\w+, /, '')}</div>
<div class="gem-c-feedback"><h2>Is this page useful?</h2><a href="#">Maybe</a> <a href="#">Yes this page is useful</a> <a href="#">No this page is not useful</a><p>Thank you for your feedback</p><a href="#">Report a problem with this page</a></div>
</main>
<div class="gem-c-related-navigation"><h2>Related content</h2>${linkList(rng, s, 'en', 4, 'related-nav')}<h2>Explore the topic</h2>${linkList(rng, s, 'en', 3, 'topics')}</div>
</div>
${siteFooter(rng, s, 'en')}
</body>
</html>`;
    return {
      template: this.name,
      html,
      charset: 'utf-8',
      contentType: 'text/html; charset=utf-8',
      url,
      text: expectedText(article, { standfirst: true }),
      expected: {
        title: article.headline,
        lang: 'en',
        publishedAt: `${article.publishedAt.slice(0, 10)}T00:00:00.000Z`,
        publishedAtSource: 'meta',
      },
    };
  },
};

// ---------------------------------------------------------------- 14. Modern Cyrillic news site

const cyrillicNews: OutletTemplate = {
  name: 'cyrillic-news',
  langs: ['ru', 'uk'],
  render(article, rng, { bulk }) {
    const lang = article.lang;
    const f = FURNITURE[lang];
    const s =
      lang === 'ru'
        ? site('Новости Прикамья', 'prikamye-news.example')
        : site('Дніпро Оперативний', 'dnipro-op.example');
    const url = `${urlFor(s, article, 'dated', rng)}?utm_source=rss&utm_medium=feed`;
    const canonical = url.replace(/\?.*$/, '');
    const related = otherHeadlines(rng, lang, 2);
    const blocks = withInlineLinks(rng, s, article.body);
    const body = bodyHtml(blocks, {
      insertAfter: (i, total) => {
        if (i === 0)
          return `<div class="adv"><div class="adv__label">${f.advertisement}</div><div id="adfox_${rng.hex(6)}"></div></div>`;
        if (i === Math.floor(total / 2))
          return `<p><strong>${escapeHtml(f.readMore)}:</strong> <a href="https://${s.domain}/news/${rng.int(1000, 9999)}">${escapeHtml(related[0]!)}</a></p>`;
        return null;
      },
    });
    const html = `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(article.headline)} — ${escapeHtml(s.name)}</title>
<link rel="canonical" href="${canonical}">
${jsonLd(article, s, canonical)}
${openGraph(article, s, canonical, { published: true })}
${bulkHead(rng, article, bulk)}
</head>
<body>
<header class="header">${navigation(rng, s, lang, { cls: 'header__nav', items: scale(bulk, 8, 60) })}</header>
<div class="page">
<div class="page__main">
<article class="article">
<div class="article__meta"><time datetime="${article.publishedAt}">${dottedDate(article.publishedAt)}</time> <span class="views">${rng.int(100, 9000)}</span></div>
<h1 class="article__title">${escapeHtml(article.headline)}</h1>
${article.standfirst ? `<div class="article__lead"><p>${escapeHtml(article.standfirst)}</p></div>` : ''}
<div class="article__image"><img src="https://${s.domain}/upload/${rng.hex(10)}.jpg" alt=""><div class="article__img-source">${f.photo}: ${escapeHtml(article.credit)}</div></div>
<div class="article__text">
${body}
<p>${escapeHtml(f.newsletter)}</p>
</div>
<div class="article__spelling">${escapeHtml(f.spelling)}</div>
<div class="article__share">${lang === 'ru' ? 'Поделиться' : 'Поширити'}: ${f.share.map((n) => `<a href="#">${n}</a>`).join(' ')}</div>
</article>
<div class="news-feed">${teasers(rng, s, lang, scale(bulk, 5, 24), { cls: 'news-feed__list', heading: f.latest, summaries: rng.chance(0.5) })}</div>
</div>
</div>
${siteFooter(rng, s, lang)}
</body>
</html>`;
    return {
      template: this.name,
      html,
      charset: 'utf-8',
      contentType: 'text/html; charset=utf-8',
      url,
      text: expectedText({ ...article, body: blocks }, { standfirst: true }),
      expected: {
        title: article.headline,
        byline: authorsText(article),
        siteName: s.name,
        lang,
        canonicalUrl: canonical,
        publishedAt: utc(article.publishedAt),
        publishedAtSource: 'json-ld',
      },
    };
  },
};

// ---------------------------------------------------------------- 15. AMP page

const ampPage: OutletTemplate = {
  name: 'amp',
  langs: ['en'],
  render(article, rng, { bulk }) {
    const s = site('Coastline Today', 'coastlinetoday.example');
    const canonical = urlFor(s, article, 'plain', rng);
    const url = `${canonical.replace('https://', 'https://amp.')}.amp`;
    const blocks = article.body;
    const body = bodyHtml(blocks, {
      insertAfter: (i) =>
        i % 4 === 2
          ? `<amp-ad width="300" height="250" type="doubleclick" data-slot="/${rng.int(1000, 9999)}/amp"><div fallback>Advertisement</div></amp-ad>`
          : null,
    });
    const html = `<!doctype html>
<html ⚡ lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(article.headline)}</title>
<link rel="canonical" href="${canonical}">
<meta name="viewport" content="width=device-width">
${jsonLd(article, s, canonical)}
<style amp-custom>${styleBlob(rng, 1500).replace(/<\/?style>/g, '')}</style>
${bulk > 0 ? bulkHead(rng, article, bulk) : ''}
</head>
<body>
<header class="amp-header"><a href="${canonical}">${escapeHtml(s.name)}</a><amp-sidebar id="sidebar" layout="nodisplay">${navigation(rng, s, 'en', { cls: 'amp-menu', items: scale(bulk, 8, 50) })}</amp-sidebar></header>
<article class="amp-article">
<h1 class="amp-title">${escapeHtml(article.headline)}</h1>
<div class="amp-byline">${article.authors.length > 0 ? `By ${escapeHtml(article.authors.join(', '))} · ` : ''}${longDate(article.publishedAt)}</div>
<amp-img src="https://img.${s.domain}/${rng.hex(8)}.jpg" width="1200" height="800" layout="responsive"></amp-img>
<p class="amp-caption">${escapeHtml(article.caption)} (Photo: ${escapeHtml(article.credit)})</p>
<div class="amp-social"><amp-social-share type="twitter"></amp-social-share><amp-social-share type="facebook"></amp-social-share></div>
<div class="article-body">
${article.standfirst ? `<p class="summary"><strong>${escapeHtml(article.standfirst)}</strong></p>` : ''}
${body}
</div>
<div class="amp-related"><h3>${FURNITURE.en.moreArticles}</h3>${linkList(rng, s, 'en', scale(bulk, 4, 20), 'amp-related-list')}</div>
</article>
<footer class="amp-footer">© ${escapeHtml(s.name)}</footer>
</body>
</html>`;
    return {
      template: this.name,
      html,
      charset: 'utf-8',
      contentType: 'text/html; charset=utf-8',
      url,
      text: expectedText(article, { standfirst: true }),
      expected: {
        title: article.headline,
        byline: authorsText(article),
        siteName: s.name,
        lang: 'en',
        canonicalUrl: canonical,
        publishedAt: utc(article.publishedAt),
        publishedAtSource: 'json-ld',
      },
    };
  },
};

// ---------------------------------------------------------------- 16. Local news, div paragraphs, lead outside the body

const localNews: OutletTemplate = {
  name: 'local-news',
  langs: ['en'],
  render(article, rng, { bulk }) {
    const s = site('Valley Gazette', 'valleygazette.example');
    const url = urlFor(s, article, 'id', rng);
    const homepageCanonical = rng.chance(0.5);
    const blocks = article.body
      .map((block) => {
        if ('p' in block) return `<div class="text-block">${inlineHtml(block.p)}</div>`;
        if ('h' in block) return `<div class="text-block"><h3>${escapeHtml(block.h)}</h3></div>`;
        if ('quote' in block)
          return `<div class="text-block"><blockquote>${inlineHtml(block.quote)}</blockquote></div>`;
        const items = 'ul' in block ? block.ul : block.ol;
        return `<div class="text-block"><${'ul' in block ? 'ul' : 'ol'}>${items.map((i) => `<li>${inlineHtml(i)}</li>`).join('')}</${'ul' in block ? 'ul' : 'ol'}></div>`;
      })
      .join('\n');
    const html = `<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="utf-8">
<title>${escapeHtml(article.headline)} | Valley Gazette</title>
<link rel="canonical" href="${homepageCanonical ? `https://${s.domain}/` : url}">
<meta property="og:site_name" content="Valley Gazette">
${bulkHead(rng, article, bulk)}
</head>
<body>
<div class="site-header">${navigation(rng, s, 'en', { cls: 'primary-nav', items: scale(bulk, 10, 60), tag: 'div' })}</div>
<div class="layout">
<div class="story" itemscope itemtype="https://schema.org/NewsArticle">
<span itemprop="datePublished" content="${article.publishedAt}"></span>
<h1 itemprop="headline">${escapeHtml(article.headline)}</h1>
${article.standfirst ? `<div class="intro"><p>${escapeHtml(article.standfirst)}</p></div>` : ''}
<div class="dfp-slot"><p>Advertisement</p></div>
<div class="story-meta">By Staff Reporter</div>
<div class="story-meta">Published ${rng.int(2, 11)} hours ago</div>
<div id="story-body">
${blocks}
</div>
<div class="story-tools"><span>Print</span> <span>Email</span></div>
</div>
<div class="rightcol">${teasers(rng, s, 'en', scale(bulk, 5, 20), { cls: 'headlines', heading: FURNITURE.en.latest })}</div>
</div>
${siteFooter(rng, s, 'en')}
</body>
</html>`;
    return {
      template: this.name,
      html,
      charset: 'utf-8',
      contentType: 'text/html; charset=utf-8',
      url,
      text: expectedText(article, { standfirst: true }),
      expected: {
        title: article.headline,
        siteName: s.name,
        lang: 'en-US',
        canonicalUrl: homepageCanonical ? null : url,
        publishedAt: utc(article.publishedAt),
        publishedAtSource: 'meta',
      },
    };
  },
};

export const OUTLET_TEMPLATES: readonly OutletTemplate[] = [
  newsTheme,
  newsAgency,
  readerFunded,
  broadsheet,
  wireService,
  tabloid,
  legacyTable,
  koi8Portal,
  plainCopy,
  reactApp,
  blogTheme,
  magazine,
  pressRelease,
  cyrillicNews,
  ampPage,
  localNews,
];

/** For a test that needs `plain` of a block. */
export { plain };
