import type { ArticlePage } from '../ArticlePage.ts';
import { adSlot, h, htmlDocument, inlineScripts, linkList } from './common.ts';
import { templateParts } from './templateParts.ts';

/** A regional news channel's site: breaking ticker, excerpt under the headline, embedded tweets, "Read more" links. */
export function renderWire(page: ArticlePage): string {
  const { p, home, ...part } = templateParts(page, (p) => ({ readmore: `${p}-read-more`, figure: `${p}-image` }));
  const head = `<meta charset="${page.outlet.charset}">
<meta name="viewport" content="width=device-width,initial-scale=1,shrink-to-fit=no">
<title>${h(page.headline)}</title>
<meta name="description" content="${h(page.description)}">
<meta name="keywords" content="${h(page.tags.join(','))}">
<link rel="canonical" href="${h(part.canonical)}">
<link rel="amphtml" href="${h(`${part.canonical}/amp`)}">
${part.openGraph}
${part.jsonLd('array')}
${part.feedLinks}
<link href="${home}css/bundle.css?v=0d91" rel="stylesheet">
<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>`;
  const body = `<div class="${p}-breaking"><span class="${p}-breaking__label">Breaking</span><ul class="${p}-breaking__list">${linkList(page.related.slice(0, 3), `${p}-breaking__item`)}</ul></div>
<header class="${p}-header"><div class="${p}-header__inner"><a class="${p}-header__logo" href="${home}">${h(page.outlet.name)}</a><a class="${p}-header__live" href="${home}live">Live</a>
<nav class="${p}-nav"><ul>${part.nav(`${p}-nav__item`)}</ul></nav></div></header>
${page.widgets.length ? `<div class="${p}-widgets">${page.widgets.map((w) => `<span>${h(w)}</span>`).join('')}</div>` : ''}
<div class="${p}-container"><div class="${p}-row">
<div class="${p}-col-main">
<nav class="${p}-breadcrumb"><a href="${home}">${h(page.outlet.ui.home)}</a> / <a href="${home}news/${encodeURI(page.section.toLowerCase())}">${h(page.section)}</a></nav>
<article class="${p}-article" data-article-id="1153218">
${page.pixel ? `<p class="${p}-pixel">${h(page.pixel)}</p>` : ''}
<h1 class="${p}-article__title">${h(page.headline)}</h1>
${page.standfirst ? `<p class="${p}-article__excerpt">${h(page.standfirst)}</p>` : ''}
<div class="${p}-article__info"><span class="${p}-article__author">${h(page.byline)}</span><span class="${p}-article__date"><time datetime="${page.publishedAt}">${h(page.dateline)}</time></span></div>
${part.share(`${p}-share`)}
<figure class="${p}-article__image">${page.imageTitle ? `<div class="${p}-article__image-title">${h(page.imageTitle)}</div>` : ''}<img src="${h(page.image.src)}" alt="${h(page.image.alt)}"></figure>
<div class="${p}-article__content">
${part.blocks(page.body)}
${part.blocks(page.after)}
</div>
<div class="${p}-article__tags">${page.tags.map((t) => `<a class="${p}-tag" href="${home}tags/${encodeURIComponent(t)}">${h(t)}</a>`).join('')}</div>
${part.comments(`${p}-article__comments`)}
</article>
<section class="${p}-related"><h3>${h(page.outlet.ui.related)}</h3><ul>${linkList(page.related, `${p}-related__item`)}</ul></section>
</div>
<aside class="${p}-col-side">${adSlot(`${p}-mpu`, '300x250')}<section class="${p}-most-read"><h3>${h(page.outlet.ui.mostRead)}</h3><ol>${linkList(page.related.slice().reverse(), `${p}-most-read__item`)}</ol></section>${part.newsletter(`${p}-nl`)}</aside>
</div></div>
<footer class="${p}-footer"><ul>${part.nav(`${p}-footer__item`)}</ul><p>${h(page.outlet.ui.footer)}</p></footer>
${part.cookies(`${p}-cookie-notice`)}
${inlineScripts.gtm('GTM-WIRE90')}`;
  return htmlDocument(page.outlet.lang, head, `class="${p}-page ${p}-page--article"`, body);
}
