import type { ArticlePage } from '../ArticlePage.ts';
import { adSlot, h, htmlDocument, inlineScripts, linkList } from './common.ts';
import { templateParts } from './templateParts.ts';

/** A reader-funded magazine: subtitle, dateline with time, headline repeated over the photo, donation plea, Disqus. */
export function renderMagazine(page: ArticlePage): string {
  const { p, home, ...part } = templateParts(page, (p) => ({
    figure: 'wp-caption',
    plea: `${p}-donate`,
    related: `${p}-related`,
  }));
  const head = `<meta charset="${page.outlet.charset}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(page.headline)} - ${h(page.outlet.name)}</title>
<link rel="canonical" href="${h(part.canonical)}">
<link rel="shortlink" href="${home}?p=174512">
<meta name="description" content="${h(page.description)}">
${part.openGraph}
${part.feedLinks}
${part.jsonLd('graph')}
<link rel="stylesheet" href="${home}wp-content/themes/bridges/dist/main.css?ver=4.2.0">
<style>:root{--accent:${page.outlet.accent}}.${p}-donate{border-left:4px solid var(--accent);padding:1rem 1.5rem;background:#fff8e6}.${p}-subtitle{font-size:1.25rem;color:#555}</style>`;
  const body = `<div class="${p}-announcement">${h(page.outlet.ui.subscribe)} <a href="${home}support/">Support us</a></div>
<header class="${p}-site-header"><div class="${p}-wrap"><a class="${p}-brand" href="${home}">${h(page.outlet.name)}</a>
<nav class="${p}-primary-nav"><ul>${part.nav(`${p}-primary-nav__item`)}</ul></nav>
<a class="${p}-btn ${p}-btn--donate" href="${home}support/">Donate</a><button class="${p}-search-toggle" aria-label="${h(page.outlet.ui.search)}"></button></div></header>
<main class="${p}-site-main"><div class="${p}-wrap ${p}-grid">
<article class="${p}-entry">
${page.pixel ? `<p class="${p}-pixel">${h(page.pixel)}</p>` : ''}
<header class="${p}-entry-header">
<div class="${p}-cats"><a href="${home}category/${encodeURI(page.section.toLowerCase())}/">${h(page.section)}</a></div>
<h1 class="${p}-entry-title">${h(page.headline)}</h1>
${page.standfirst ? `<h2 class="${p}-subtitle">${h(page.standfirst)}</h2>` : ''}
<div class="${p}-entry-meta"><span class="${p}-posted-on"><time class="entry-date published" datetime="${page.publishedAt}">${h(page.dateline)}</time></span> <span class="${p}-byline">${h(page.byline)}</span></div>
</header>
<div class="${p}-featured">${page.imageTitle ? `<div class="${p}-featured__title">${h(page.imageTitle)}</div>` : ''}<img src="${h(page.image.src)}" alt="${h(page.image.alt)}" width="1200" height="675"></div>
${part.share(`${p}-share`)}
<div class="${p}-entry-content">
${part.blocks(page.body)}
${part.blocks(page.after)}
</div>
<footer class="${p}-entry-footer"><span class="${p}-tags-links">${page.tags.map((t) => `<a href="${home}tag/${encodeURIComponent(t)}/" rel="tag">${h(t)}</a>`).join(', ')}</span></footer>
<div class="${p}-patreon"><a href="https://www.patreon.com/" class="${p}-patreon__button">Become a Patron!</a></div>
<section id="comments" class="${p}-comments"><div id="disqus_thread"></div>${part.comments(`${p}-comments__count`)}<script>var disqus_config=function(){this.page.url=${JSON.stringify(part.canonical)};this.page.identifier="174512";};</script></section>
</article>
<aside class="${p}-sidebar">${adSlot(`${p}-sidebar-ad`, '300x250')}${part.newsletter(`${p}-newsletter`)}<section class="${p}-widget"><h3 class="${p}-widget__title">${h(page.outlet.ui.mostRead)}</h3><ul>${linkList(page.related, `${p}-widget__item`)}</ul></section></aside>
</div></main>
<section class="${p}-more"><h2>${h(page.outlet.ui.related)}</h2><div class="${p}-cards">${page.related
    .map(
      (link) =>
        `<div class="${p}-card"><a href="${h(link.href)}"><span class="${p}-card__title">${h(link.title)}</span></a></div>`,
    )
    .join('')}</div></section>
<footer class="${p}-site-footer"><div class="${p}-wrap"><p>${h(page.outlet.ui.footer)}</p><ul>${part.nav(`${p}-footer-nav__item`)}</ul></div></footer>
${part.cookies(`${p}-gdpr`)}
${inlineScripts.gtm('GTM-MAG22K')}`;
  return htmlDocument(
    page.outlet.lang === 'uk' ? 'uk' : 'en-US',
    head,
    `class="post-template-default single single-post ${p}-single"`,
    body,
  );
}
