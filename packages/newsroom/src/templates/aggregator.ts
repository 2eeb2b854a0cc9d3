import type { ArticlePage } from '../ArticlePage.ts';
import { adSlot, h, htmlDocument, inlineScripts, linkList } from './common.ts';
import { templateParts } from './templateParts.ts';

/** A syndication-heavy news site: trending strip, partner credit, "recommended" widgets, sticky video and ad grid. */
export function renderAggregator(page: ArticlePage): string {
  const { p, home, ...part } = templateParts(page, (p) => ({ paragraph: `${p}-text`, credit: `${p}-partner-credit` }));
  const head = `<meta charset="${page.outlet.charset}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(page.headline)} | ${h(page.section)} | ${h(page.outlet.name)}</title>
<meta name="description" content="${h(page.description)}">
<meta name="news_keywords" content="${h(page.tags.join(', '))}">
<link rel="canonical" href="${h(part.canonical)}">
${part.openGraph}
${part.feedLinks}
${part.jsonLd('plain')}
<link rel="stylesheet" href="${home}static/site.3c2b.css">
${inlineScripts.ads()}`;
  const body = `<div class="${p}-trending"><span>Trending:</span><ul>${linkList(page.related.slice(0, 4), `${p}-trending__item`)}</ul></div>
<header class="${p}-header"><a class="${p}-logo" href="${home}">${h(page.outlet.name)}</a><nav class="${p}-nav"><ul>${part.nav(`${p}-nav__link`)}</ul></nav><a class="${p}-header__subscribe" href="${home}newsletters">${h(page.outlet.ui.subscribe)}</a></header>
${page.widgets.length ? `<div class="${p}-ticker">${page.widgets.map((w) => `<span>${h(w)}</span>`).join(' | ')}</div>` : ''}
${adSlot(`${p}-billboard`, '970x90')}
<div class="${p}-page"><main class="${p}-content">
<article class="${p}-article">
${page.pixel ? `<p class="${p}-pixel">${h(page.pixel)}</p>` : ''}
<div class="${p}-article__section"><a href="${home}${encodeURI(page.section.toLowerCase())}/">${h(page.section)}</a></div>
<h1 class="${p}-article__headline">${h(page.headline)}</h1>
${page.standfirst ? `<h2 class="${p}-article__summary">${h(page.standfirst)}</h2>` : ''}
<div class="${p}-article__meta"><span class="${p}-article__by">${h(page.byline)}</span> · <time datetime="${page.publishedAt}">${h(page.dateline)}</time></div>
${part.share(`${p}-sharebar`)}
<div class="${p}-video-sticky" data-player="jw"><div class="${p}-video-sticky__title">Watch: latest headlines</div></div>
${page.imageTitle ? `<div class="${p}-article__image-title">${h(page.imageTitle)}</div>` : ''}
<div class="${p}-article__body">
${part.blocks(page.body)}
${part.blocks(page.after)}
</div>
${part.share(`${p}-sharebar ${p}-sharebar--end`)}
${part.comments(`${p}-comment-cta`)}
</article>
<section class="${p}-recommended"><h3>Recommended for you</h3><div class="${p}-recommended__grid">${page.related
    .map(
      (link) =>
        `<a class="${p}-tile" href="${h(link.href)}"><span class="${p}-tile__sponsor">Sponsored</span><span class="${p}-tile__title">${h(link.title)}</span></a>`,
    )
    .join('')}</div></section>
</main>
<aside class="${p}-aside">${adSlot(`${p}-side-1`, '300x250')}<section><h3>${h(page.outlet.ui.mostRead)}</h3><ol>${linkList(page.related, `${p}-popular__item`)}</ol></section>${part.newsletter(`${p}-newsletter`)}${adSlot(`${p}-side-2`, '300x600')}</aside>
</div>
<footer class="${p}-footer"><div class="${p}-footer__cols"><ul>${part.nav(`${p}-footer__link`)}</ul></div><p class="${p}-footer__legal">${h(page.outlet.ui.footer)}</p></footer>
${part.cookies(`${p}-consent-modal`)}
${inlineScripts.pixel()}`;
  return htmlDocument(page.outlet.lang, head, `class="${p}-body"`, body);
}
