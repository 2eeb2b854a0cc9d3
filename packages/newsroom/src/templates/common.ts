import type { ArticlePage, Block, LinkRef } from '../ArticlePage.ts';
import { escapeHtml as h, jsonForScript } from '../markup.ts';

export { escapeHtml as h } from '../markup.ts';

export function absolute(page: ArticlePage, path: string): string {
  return /^https?:/.test(path) ? path : page.origin + path;
}

export function canonicalUrl(page: ArticlePage): string {
  return page.origin + page.path;
}

/** OpenGraph, Twitter card and `article:*` meta, as most news sites emit them. */
export function openGraphMeta(page: ArticlePage): string {
  const url = canonicalUrl(page);
  const lines = [
    `<meta property="og:type" content="article">`,
    `<meta property="og:site_name" content="${h(page.outlet.name)}">`,
    `<meta property="og:title" content="${h(page.headline)}">`,
    `<meta property="og:description" content="${h(page.description)}">`,
    `<meta property="og:url" content="${h(url)}">`,
    `<meta property="og:image" content="${h(absolute(page, page.image.src))}">`,
    `<meta property="og:locale" content="${page.outlet.lang === 'uk' ? 'uk_UA' : 'en_US'}">`,
    `<meta property="article:published_time" content="${page.publishedAt}">`,
  ];
  if (page.modifiedAt) lines.push(`<meta property="article:modified_time" content="${page.modifiedAt}">`);
  lines.push(`<meta property="article:section" content="${h(page.section)}">`);
  for (const tag of page.tags) lines.push(`<meta property="article:tag" content="${h(tag)}">`);
  lines.push(
    `<meta name="twitter:card" content="summary_large_image">`,
    `<meta name="twitter:title" content="${h(page.headline)}">`,
  );
  return lines.join('\n');
}

function newsArticle(page: ArticlePage): Record<string, unknown> {
  const url = canonicalUrl(page);
  const personal = page.byline !== page.outlet.desk;
  return {
    '@type': 'NewsArticle',
    headline: page.headline,
    description: page.description,
    datePublished: page.publishedAt,
    dateModified: page.modifiedAt ?? page.publishedAt,
    inLanguage: page.outlet.lang,
    articleSection: page.section,
    keywords: page.tags.join(', '),
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    image: [absolute(page, page.image.src)],
    author: personal ? { '@type': 'Person', name: page.byline } : { '@type': 'Organization', name: page.outlet.desk },
    publisher: {
      '@type': 'Organization',
      name: page.outlet.name,
      logo: { '@type': 'ImageObject', url: absolute(page, `${page.outlet.homePath}static/logo.png`) },
    },
  };
}

/**
 * JSON-LD in the three shapes seen in the wild: a lone `NewsArticle`, a Yoast-style `@graph`,
 * and an array with a breadcrumb list.
 */
export function jsonLd(page: ArticlePage, shape: 'plain' | 'graph' | 'array'): string {
  const article = newsArticle(page);
  let doc: unknown;
  if (shape === 'plain') {
    doc = { '@context': 'https://schema.org', ...article };
  } else if (shape === 'graph') {
    const home = absolute(page, page.outlet.homePath);
    doc = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'Organization', '@id': `${home}#organization`, name: page.outlet.name, url: home },
        { '@type': 'WebSite', '@id': `${home}#website`, url: home, name: page.outlet.name },
        {
          '@type': 'WebPage',
          '@id': canonicalUrl(page),
          url: canonicalUrl(page),
          name: page.headline,
          isPartOf: { '@id': `${home}#website` },
          datePublished: page.publishedAt,
        },
        { ...article, isPartOf: { '@id': canonicalUrl(page) } },
      ],
    };
  } else {
    doc = [
      {
        '@context': 'https://schema.org',
        '@type': 'BreadcrumbList',
        itemListElement: [
          { '@type': 'ListItem', position: 1, name: page.outlet.ui.home, item: absolute(page, page.outlet.homePath) },
          { '@type': 'ListItem', position: 2, name: page.section },
        ],
      },
      { '@context': 'https://schema.org', ...article },
    ];
  }
  return `<script type="application/ld+json">${jsonForScript(doc)}</script>`;
}

export function feedAlternates(page: ArticlePage): string {
  return page.outlet.feeds
    .map(
      (feed) =>
        `<link rel="alternate" type="application/${feed.format}+xml" title="${h(feed.title)}" href="${h(absolute(page, feed.path))}">`,
    )
    .join('\n');
}

export function linkList(links: readonly LinkRef[], itemClass: string): string {
  return links.map((link) => `<li class="${itemClass}"><a href="${h(link.href)}">${h(link.title)}</a></li>`).join('');
}

export function navLinks(page: ArticlePage, itemClass: string): string {
  const base = page.outlet.homePath;
  return [`<li class="${itemClass}"><a href="${base}">${h(page.outlet.ui.home)}</a></li>`]
    .concat(
      page.outlet.sections.map(
        (section) =>
          `<li class="${itemClass}"><a href="${base}${encodeURI(section.toLowerCase())}/">${h(section)}</a></li>`,
      ),
    )
    .join('');
}

export function shareBar(page: ArticlePage, cls: string): string {
  const url = encodeURIComponent(canonicalUrl(page));
  const targets = [
    'https://www.facebook.com/sharer/sharer.php?u=',
    'https://twitter.com/intent/tweet?url=',
    'https://t.me/share/url?url=',
    'mailto:?body=',
  ];
  return `<div class="${cls}">${page.outlet.ui.share
    .map(
      (label, i) =>
        `<a class="${cls}__item" rel="nofollow noopener" href="${targets[i % targets.length]}${url}">${h(label)}</a>`,
    )
    .join('')}</div>`;
}

export function cookieBanner(page: ArticlePage, id: string): string {
  return `<div id="${id}" class="consent-banner" role="dialog" aria-live="polite"><p>${h(page.outlet.ui.cookie)}</p><button type="button" data-consent="all">${h(page.outlet.ui.cookieAccept)}</button><button type="button" data-consent="necessary">Only necessary</button></div>`;
}

export function newsletterBox(page: ArticlePage, cls: string): string {
  return `<section class="${cls}"><h3>${h(page.outlet.ui.newsletter)}</h3><form action="${page.outlet.homePath}newsletter" method="post"><input type="email" name="email" placeholder="you@example.org"><button type="submit">${h(page.outlet.ui.newsletterCta)}</button></form></section>`;
}

export function commentsTeaser(page: ArticlePage, cls: string): string {
  return `<div class="${cls}"><a href="${page.path}#comments">${h(page.outlet.ui.comments(page.commentsCount))}</a></div>`;
}

export function adSlot(id: string, size: string, label = 'Advertisement'): string {
  return `<div class="ad-slot" id="${id}" data-ad-size="${size}"><span class="ad-label">${h(label)}</span><div class="ad-frame" style="min-height:${size.split('x')[1] ?? '250'}px"></div></div>`;
}

export interface BlockClasses {
  paragraph?: string;
  figure: string;
  ad: string;
  label: string;
  readmore: string;
  tweet: string;
  related: string;
  plea: string;
  notice: string;
  modal: string;
  source: string;
  credit: string;
}

/** Renders content blocks; each template passes its own class names. */
export function renderBlocks(blocks: readonly Block[], c: BlockClasses): string {
  return blocks
    .map((block) => {
      switch (block.kind) {
        case 'p':
          return c.paragraph ? `<p class="${c.paragraph}">${h(block.text)}</p>` : `<p>${h(block.text)}</p>`;
        case 'h2':
          return `<h2>${h(block.text)}</h2>`;
        case 'figure':
          return `<figure class="${c.figure}"><img src="${h(block.src)}" alt="${h(block.alt)}" loading="lazy" width="800" height="533"><figcaption>${h(block.caption)}</figcaption></figure>`;
        case 'ad':
          return `<div class="${c.ad}"><span class="${c.ad}__title">${h(block.label)}</span><ins class="adsbygoogle" style="display:block" data-ad-format="auto"></ins></div>`;
        case 'label':
          return `<div class="${c.label}"><h4 class="${c.label}__title"><span>${h(block.text)}</span></h4></div>`;
        case 'readmore':
          return `<p class="${c.readmore}">${h(block.lead)} <a href="${h(block.link.href)}">${h(block.link.title)}</a></p>`;
        case 'tweet':
          return `<blockquote class="${c.tweet}" data-dnt="true">${block.lines.map((line) => `<p>${h(line)}</p>`).join('')}</blockquote>`;
        case 'related':
          return `<div class="${c.related}"><strong>${h(block.label)}</strong><ul>${linkList(block.links, `${c.related}__item`)}</ul></div>`;
        case 'plea':
          return `<aside class="${c.plea}"><p>${h(block.text)}</p><a class="${c.plea}__button" href="#support">${h(block.cta)}</a></aside>`;
        case 'notice':
          return `<p class="${c.notice}">${h(block.text)}</p>`;
        case 'modal':
          return `<div class="${c.modal}" role="dialog"><div class="${c.modal}__title">${h(block.title)}</div><p>${h(block.text)}</p><textarea readonly></textarea><button type="button">Send</button></div>`;
        case 'source':
          return `<a class="${c.source}" href="${h(block.href)}" rel="nofollow noopener" target="_blank">${h(block.text)}</a>`;
        case 'credit':
          return `<p class="${c.credit}"><em>${h(block.text)}</em></p>`;
      }
      return '';
    })
    .join('\n');
}

export const inlineScripts = {
  gtm: (id: string) =>
    `<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src='https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);})(window,document,'script','dataLayer','${id}');</script>`,
  pixel: () =>
    `<script>!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?n.callMethod.apply(n,arguments):n.queue.push(arguments)};if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';n.queue=[];t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window,document,'script','https://connect.facebook.net/en_US/fbevents.js');fbq('init','1029384756');fbq('track','PageView');</script>`,
  ads: () =>
    `<script async src="https://securepubads.g.doubleclick.net/tag/js/gpt.js"></script><script>window.googletag=window.googletag||{cmd:[]};googletag.cmd.push(function(){googletag.pubads().enableSingleRequest();googletag.enableServices();});</script>`,
};

export function htmlDocument(lang: string, head: string, bodyAttrs: string, body: string): string {
  return `<!DOCTYPE html>\n<html lang="${lang}">\n<head>\n${head}\n</head>\n<body ${bodyAttrs}>\n${body}\n</body>\n</html>\n`;
}

/** Class names for `renderBlocks` in one naming scheme: `<prefix>-<role>`. */
export function blockClasses(prefix: string, overrides: Partial<BlockClasses> = {}): BlockClasses {
  return {
    figure: `${prefix}-figure`,
    ad: `${prefix}-ad`,
    label: `${prefix}-block-title`,
    readmore: `${prefix}-readmore`,
    tweet: 'twitter-tweet',
    related: `${prefix}-related-inline`,
    plea: `${prefix}-plea`,
    notice: `${prefix}-notice`,
    modal: `${prefix}-modal`,
    source: `${prefix}-source-link`,
    credit: `${prefix}-credit`,
    ...overrides,
  };
}
