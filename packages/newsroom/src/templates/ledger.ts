import type { ArticlePage } from '../ArticlePage.ts';
import {
  adSlot,
  blockClasses,
  canonicalUrl,
  commentsTeaser,
  cookieBanner,
  feedAlternates,
  h,
  htmlDocument,
  inlineScripts,
  jsonLd,
  linkList,
  navLinks,
  newsletterBox,
  openGraphMeta,
  renderBlocks,
  shareBar,
} from './common.ts';

/** A broadsheet's site: masthead, section nav, kicker, dek, inline ads between paragraphs, right rail. */
export function renderLedger(page: ArticlePage): string {
  const p = page.outlet.classPrefix;
  const blocks = renderBlocks(page.body, blockClasses(p, { paragraph: `${p}-story__para`, ad: `${p}-ad-inline` }));
  const after = renderBlocks(page.after, blockClasses(p, { ad: `${p}-ad-inline` }));
  const head = `<meta charset="${page.outlet.charset}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(page.headline)} - ${h(page.outlet.name)}</title>
<meta name="description" content="${h(page.description)}">
<link rel="canonical" href="${h(canonicalUrl(page))}">
${openGraphMeta(page)}
${feedAlternates(page)}
<link rel="stylesheet" href="${page.outlet.homePath}static/css/story.8f3a1c.css">
<style>.${p}-masthead{border-bottom:3px double #111}.${p}-kicker{color:${page.outlet.accent};text-transform:uppercase;font:700 12px/1.4 Georgia,serif}.${p}-story__para{font:18px/1.6 Georgia,serif}</style>
${jsonLd(page, 'plain')}
${inlineScripts.gtm('GTM-LDG4Q2')}`;
  const body = `<a class="skip-link" href="#main">Skip to content</a>
<div class="${p}-topbar">${page.widgets.map((w) => `<span class="${p}-topbar__widget">${h(w)}</span>`).join('')}<a href="${page.outlet.homePath}subscribe">${h(page.outlet.ui.subscribe)}</a><a href="${page.outlet.homePath}account">Sign in</a></div>
<header class="${p}-masthead"><a class="${p}-logo" href="${page.outlet.homePath}">${h(page.outlet.name)}</a>
<nav class="${p}-sections" aria-label="Sections"><ul>${navLinks(page, `${p}-sections__item`)}</ul></nav>
<form class="${p}-search" action="${page.outlet.homePath}search"><input name="q" placeholder="${h(page.outlet.ui.search)}"></form></header>
${adSlot(`${p}-leaderboard`, '970x250')}
<main id="main" class="${p}-layout">
<article class="${p}-story">
${page.pixel ? `<p class="${p}-pixel">${h(page.pixel)}</p>` : ''}
<header class="${p}-story__header">
<p class="${p}-kicker"><a href="${page.outlet.homePath}${encodeURI(page.section.toLowerCase())}/">${h(page.section)}</a></p>
<h1 class="${p}-headline">${h(page.headline)}</h1>
${page.standfirst ? `<p class="${p}-dek">${h(page.standfirst)}</p>` : ''}
<div class="${p}-byline">By <span class="${p}-byline__name">${h(page.byline)}</span> <time datetime="${page.publishedAt}">${h(page.dateline)}</time></div>
${shareBar(page, `${p}-share`)}
</header>
${page.imageTitle ? `<div class="${p}-lead-title">${h(page.imageTitle)}</div>` : ''}
<section class="${p}-story__body" itemprop="articleBody">
${blocks}
${after}
</section>
<footer class="${p}-story__footer">
<ul class="${p}-tags">${page.tags.map((t) => `<li><a href="${page.outlet.homePath}tag/${encodeURIComponent(t)}">${h(t)}</a></li>`).join('')}</ul>
${shareBar(page, `${p}-share ${p}-share--bottom`)}
${commentsTeaser(page, `${p}-comments-teaser`)}
</footer>
</article>
<aside class="${p}-rail">
${adSlot(`${p}-rail-ad-1`, '300x600')}
<section class="${p}-rail__block"><h3>${h(page.outlet.ui.mostRead)}</h3><ol>${linkList(page.related, `${p}-rail__item`)}</ol></section>
${newsletterBox(page, `${p}-newsletter`)}
</aside>
</main>
<section class="${p}-more"><h2>${h(page.outlet.ui.related)}</h2><ul>${linkList(page.related.slice().reverse(), `${p}-more__item`)}</ul></section>
<footer class="${p}-site-footer"><nav><ul>${navLinks(page, `${p}-site-footer__item`)}</ul></nav><p>${h(page.outlet.ui.footer)}</p><p><a href="${page.outlet.homePath}privacy">Privacy</a> · <a href="${page.outlet.homePath}terms">Terms</a> · <a href="${page.outlet.homePath}contact">Contact</a></p></footer>
${cookieBanner(page, `${p}-consent`)}
${inlineScripts.ads()}`;
  return htmlDocument(page.outlet.lang, head, `class="${p}-article-page"`, body);
}
