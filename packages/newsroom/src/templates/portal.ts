import type { ArticlePage } from '../ArticlePage.ts';
import { adSlot, h, htmlDocument, inlineScripts, linkList } from './common.ts';
import { templateParts } from './templateParts.ts';

/**
 * A busy national news portal: language switch and exchange rates in the top bar, a timed news
 * feed column, the date printed above the headline, a Telegram plea and a spelling-error dialog.
 */
export function renderPortal(page: ArticlePage): string {
  const { p, home, ...part } = templateParts(page, (p) => ({
    figure: `${p}-post__photo`,
    notice: `${p}-post__mistake`,
  }));
  const feedTimes = ['17:02', '16:48', '16:31', '16:05', '15:47', '15:20', '14:58', '14:33'];
  const head = `<meta charset="${page.outlet.charset}">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(page.headline)} | ${h(page.outlet.name)}</title>
<meta name="description" content="${h(page.description)}">
<link rel="canonical" href="${h(part.canonical)}">
<link rel="alternate" hreflang="${page.outlet.lang}" href="${h(part.canonical)}">
${part.openGraph}
${part.feedLinks}
<link rel="preload" href="${home}assets/fonts/e-Ukraine-Regular.woff2" as="font" crossorigin>
<link rel="stylesheet" href="${home}assets/app.min.css?v=2311">
${part.jsonLd('plain')}
${inlineScripts.gtm('GTM-PRT7731')}`;
  const body = `${page.pixel ? `<div class="${p}-pixel">${h(page.pixel)}</div>` : ''}
<div class="${p}-header-top"><div class="${p}-container"><div class="${p}-lang"><a href="${home}" class="active">EN</a><a href="${home}ua/">UA</a></div><div class="${p}-rates"><span>USD <b>37,42</b></span><span>EUR <b>41,08</b></span></div>${page.widgets.map((w) => `<span class="${p}-widget">${h(w)}</span>`).join('')}<div class="${p}-socials"><a href="https://t.me/">Telegram</a><a href="https://www.facebook.com/">Facebook</a><a href="https://www.youtube.com/">YouTube</a></div></div></div>
<header class="${p}-header"><div class="${p}-container"><a class="${p}-logo" href="${home}"><img src="${home}assets/logo.svg" alt="${h(page.outlet.name)}"></a><nav class="${p}-menu"><ul>${part.nav(`${p}-menu__item`)}</ul></nav><button class="${p}-burger" aria-label="Menu"></button></div></header>
<div class="${p}-container ${p}-page">
<aside class="${p}-newsfeed"><div class="${p}-newsfeed__title">${h(page.outlet.ui.mostRead)}</div><ul>${page.related
    .map(
      (link, i) =>
        `<li class="${p}-newsfeed__item"><span class="${p}-newsfeed__time">${feedTimes[i % feedTimes.length]}</span><a href="${h(link.href)}">${h(link.title)}</a></li>`,
    )
    .join('')}</ul><a class="${p}-newsfeed__all" href="${home}news/">All news</a></aside>
<main class="${p}-main"><article class="${p}-post">
<div class="${p}-post__time"><time datetime="${page.publishedAt}">${h(page.dateline)}</time></div>
<h1 class="${p}-post__title">${h(page.headline)}</h1>
${page.standfirst ? `<div class="${p}-post__lead">${h(page.standfirst)}</div>` : ''}
${page.imageTitle ? `<div class="${p}-post__image-title">${h(page.imageTitle)}</div>` : ''}
<div class="${p}-post__text">
${part.blocks(page.body)}
</div>
<div class="${p}-post__author">${h(page.byline)}</div>
<div class="${p}-post__tags">${page.tags.map((t) => `<a href="${home}tag/${encodeURIComponent(t)}/">#${h(t)}</a>`).join(' ')}</div>
${part.share(`${p}-post__share`)}
<div class="${p}-post__telegram"><a href="https://t.me/">${h(page.outlet.ui.subscribe)}</a></div>
${part.blocks(page.after)}
${part.comments(`${p}-post__comments`)}
</article>
<section class="${p}-read-also"><div class="${p}-read-also__title">${h(page.outlet.ui.related)}</div><ul>${linkList(page.related.slice(0, 4), `${p}-read-also__item`)}</ul></section>
</main>
<aside class="${p}-sidebar">${adSlot(`${p}-sidebar-top`, '300x250')}${part.newsletter(`${p}-subscribe`)}${adSlot(`${p}-sidebar-sticky`, '300x600')}</aside>
</div>
<footer class="${p}-footer"><div class="${p}-container"><ul class="${p}-footer__menu">${part.nav(`${p}-footer__item`)}</ul><p class="${p}-footer__copy">${h(page.outlet.ui.footer)}</p></div></footer>
${part.cookies(`${p}-cookies`)}
<noscript><img height="1" width="1" style="display:none" alt="" src="https://www.facebook.com/tr?id=1029384756&amp;ev=PageView&amp;noscript=1"></noscript>`;
  return htmlDocument(page.outlet.lang, head, `class="${p}-body ${p}-body--article"`, body);
}
