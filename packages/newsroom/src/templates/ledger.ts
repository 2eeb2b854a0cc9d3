import type { ArticlePage } from '../ArticlePage.ts';
import { adSlot, h, htmlDocument, inlineScripts, linkList } from './common.ts';
import { templateParts } from './templateParts.ts';

/** A broadsheet's site: masthead, section nav, kicker, dek, inline ads between paragraphs, right rail. */
export function renderLedger(page: ArticlePage): string {
  const { p, home, ...part } = templateParts(page, (p) => ({ ad: `${p}-ad-inline` }));
  const blocks = part.blocks(page.body, { paragraph: `${p}-story__para` });
  const after = part.blocks(page.after);
  const head = `<meta charset="${page.outlet.charset}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(page.headline)} - ${h(page.outlet.name)}</title>
<meta name="description" content="${h(page.description)}">
<link rel="canonical" href="${h(part.canonical)}">
${part.openGraph}
${part.feedLinks}
<link rel="stylesheet" href="${home}static/css/story.8f3a1c.css">
<style>.${p}-masthead{border-bottom:3px double #111}.${p}-kicker{color:${page.outlet.accent};text-transform:uppercase;font:700 12px/1.4 Georgia,serif}.${p}-story__para{font:18px/1.6 Georgia,serif}</style>
${part.jsonLd('plain')}
${inlineScripts.gtm('GTM-LDG4Q2')}`;
  const body = `<a class="skip-link" href="#main">Skip to content</a>
<div class="${p}-topbar">${page.widgets.map((w) => `<span class="${p}-topbar__widget">${h(w)}</span>`).join('')}<a href="${home}subscribe">${h(page.outlet.ui.subscribe)}</a><a href="${home}account">Sign in</a></div>
<header class="${p}-masthead"><a class="${p}-logo" href="${home}">${h(page.outlet.name)}</a>
<nav class="${p}-sections" aria-label="Sections"><ul>${part.nav(`${p}-sections__item`)}</ul></nav>
<form class="${p}-search" action="${home}search"><input name="q" placeholder="${h(page.outlet.ui.search)}"></form></header>
${adSlot(`${p}-leaderboard`, '970x250')}
<main id="main" class="${p}-layout">
<article class="${p}-story">
${page.pixel ? `<p class="${p}-pixel">${h(page.pixel)}</p>` : ''}
<header class="${p}-story__header">
<p class="${p}-kicker"><a href="${home}${encodeURI(page.section.toLowerCase())}/">${h(page.section)}</a></p>
<h1 class="${p}-headline">${h(page.headline)}</h1>
${page.standfirst ? `<p class="${p}-dek">${h(page.standfirst)}</p>` : ''}
<div class="${p}-byline">By <span class="${p}-byline__name">${h(page.byline)}</span> <time datetime="${page.publishedAt}">${h(page.dateline)}</time></div>
${part.share(`${p}-share`)}
</header>
${page.imageTitle ? `<div class="${p}-lead-title">${h(page.imageTitle)}</div>` : ''}
<section class="${p}-story__body" itemprop="articleBody">
${blocks}
${after}
</section>
<footer class="${p}-story__footer">
<ul class="${p}-tags">${page.tags.map((t) => `<li><a href="${home}tag/${encodeURIComponent(t)}">${h(t)}</a></li>`).join('')}</ul>
${part.share(`${p}-share ${p}-share--bottom`)}
${part.comments(`${p}-comments-teaser`)}
</footer>
</article>
<aside class="${p}-rail">
${adSlot(`${p}-rail-ad-1`, '300x600')}
<section class="${p}-rail__block"><h3>${h(page.outlet.ui.mostRead)}</h3><ol>${linkList(page.related, `${p}-rail__item`)}</ol></section>
${part.newsletter(`${p}-newsletter`)}
</aside>
</main>
<section class="${p}-more"><h2>${h(page.outlet.ui.related)}</h2><ul>${linkList(page.related.slice().reverse(), `${p}-more__item`)}</ul></section>
<footer class="${p}-site-footer"><nav><ul>${part.nav(`${p}-site-footer__item`)}</ul></nav><p>${h(page.outlet.ui.footer)}</p><p><a href="${home}privacy">Privacy</a> · <a href="${home}terms">Terms</a> · <a href="${home}contact">Contact</a></p></footer>
${part.cookies(`${p}-consent`)}
${inlineScripts.ads()}`;
  return htmlDocument(page.outlet.lang, head, `class="${p}-article-page"`, body);
}
