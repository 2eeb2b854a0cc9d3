import type { ArticlePage } from '../ArticlePage.ts';
import { h, htmlDocument, inlineScripts, linkList } from './common.ts';
import { templateParts } from './templateParts.ts';

/** A WordPress news theme: top bar with weather and date widgets, Yoast JSON-LD graph, "- Advertisement -" spots. */
export function renderWordpress(page: ArticlePage): string {
  const { p, home, ...part } = templateParts(page, () => ({
    figure: 'wp-block-image',
    ad: 'td-a-ad',
    label: 'td-block-title-wrap',
    related: 'td-related-inline',
    source: 'td-source-link',
  }));
  const head = `<meta charset="${page.outlet.charset}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${h(page.headline)} | ${h(page.outlet.name)}</title>
<meta name="robots" content="index, follow, max-image-preview:large">
<link rel="canonical" href="${h(part.canonical)}">
<meta name="description" content="${h(page.description)}">
${part.openGraph}
<meta name="author" content="${h(page.byline)}">
${part.jsonLd('graph')}
${part.feedLinks}
<link rel="stylesheet" id="td-theme-css" href="${home}wp-content/themes/Newspaper/style.css?ver=12.6.1" type="text/css" media="all">
<link rel="https://api.w.org/" href="${home}wp-json/">
<style id="td-theme-inline">.td-header-top-menu{background:#222;color:#ddd}.td-post-content p{margin-bottom:26px}.td-a-ad .td-adspot-title{color:#767676;font-size:10px;text-align:center;display:block}.td-theme-wrap .td-block-title span{background:${page.outlet.accent}}</style>
${inlineScripts.pixel()}`;
  const topWidgets = page.widgets
    .map((w, i) =>
      i === 0
        ? `<div class="td-weather-top-widget"><span class="td-weather-now">${h(w)}</span></div>`
        : `<div class="td_data_time"><div>${h(w)}</div></div>`,
    )
    .join('');
  const body = `<div class="td-scroll-up"><i class="td-icon-menu-up"></i></div>
<div id="td-outer-wrap" class="td-theme-wrap">
<div class="td-header-wrap td-header-style-1">
<div class="td-header-top-menu-full td-container-wrap"><div class="td-container td-header-row td-header-top-menu"><div class="top-bar-style-1"><div class="td-header-sp-top-widget">${topWidgets}</div><div class="td-header-sp-top-menu"><ul class="top-header-menu"><li><a href="${home}about/">About us</a></li><li><a href="${home}contact/">Contact</a></li></ul></div></div></div></div>
<div class="td-banner-wrap-full td-logo-wrap-full"><div class="td-header-sp-logo"><a class="td-main-logo" href="${home}"><span class="td-logo-text">${h(page.outlet.name)}</span></a></div><div class="td-header-sp-recs"><div class="td-header-rec-wrap"><div class="td-a-rec td-a-rec-id-header"><span class="td-adspot-title">- Advertisement -</span></div></div></div></div>
<div class="td-header-menu-wrap-full"><div id="td-header-menu" role="navigation"><ul id="menu-main" class="sf-menu">${part.nav('menu-item menu-item-type-taxonomy')}</ul></div><div class="td-search-btns-wrap"><a id="td-header-search-button" href="#" role="button"><i class="td-icon-search"></i></a></div></div>
</div>
<div class="td-main-content-wrap td-container-wrap"><div class="td-container td-post-template-default">
<div class="td-crumb-container"><div class="entry-crumbs"><span><a href="${home}">${h(page.outlet.ui.home)}</a></span> <i class="td-icon-right td-bread-sep"></i> <span><a href="${home}${encodeURI(page.section.toLowerCase())}/">${h(page.section)}</a></span></div></div>
<div class="td-pb-row"><div class="td-pb-span8 td-main-content" role="main"><div class="td-ss-main-content">
<article id="post-48213" class="post-48213 post type-post status-publish format-standard has-post-thumbnail category-world">
${page.pixel ? `<p class="td-pixel">${h(page.pixel)}</p>` : ''}
<div class="td-post-header"><ul class="td-category"><li class="entry-category"><a href="${home}${encodeURI(page.section.toLowerCase())}/">${h(page.section)}</a></li></ul>
<header class="td-post-title"><h1 class="entry-title">${h(page.headline)}</h1>
${page.standfirst ? `<p class="td-post-sub-title">${h(page.standfirst)}</p>` : ''}
<div class="td-module-meta-info"><div class="td-post-author-name"><div class="td-author-by">By</div> <a href="${home}author/desk/">${h(page.byline)}</a><div class="td-author-line"> - </div></div><span class="td-post-date"><time class="entry-date updated td-module-date" datetime="${page.publishedAt}">${h(page.dateline)}</time></span><div class="td-post-comments"><a href="#respond"><i class="td-icon-comments"></i>${page.commentsCount}</a></div></div>
</header></div>
${part.share('td-post-sharing td-post-sharing-top')}
${page.imageTitle ? `<div class="td-post-featured-image"><img class="entry-thumb" src="${h(page.image.src)}" alt="${h(page.image.alt)}" title="${h(page.imageTitle)}"><span class="td-image-title">${h(page.imageTitle)}</span></div>` : `<div class="td-post-featured-image"><img class="entry-thumb" src="${h(page.image.src)}" alt="${h(page.image.alt)}"></div>`}
<div class="td-post-content tagdiv-type">
${part.blocks(page.body)}
${part.blocks(page.after)}
</div>
<footer><div class="td-post-source-tags"><ul class="td-tags td-post-small-box clearfix"><li><span>TAGS</span></li>${page.tags.map((t) => `<li><a href="${home}tag/${encodeURIComponent(t)}/">${h(t)}</a></li>`).join('')}</ul></div>
${part.share('td-post-sharing td-post-sharing-bottom')}
<div class="td-block-row td-post-next-prev"><div class="td-block-span6 td-post-prev-post"><div class="td-post-next-prev-content"><span>Previous article</span><a href="${h(page.related[0]?.href ?? home)}">${h(page.related[0]?.title ?? '')}</a></div></div></div>
<div class="author-box-wrap"><div class="desc"><div class="td-author-name vcard author"><span class="fn">${h(page.byline)}</span></div></div></div></footer>
<div class="td_block_wrap td_block_related_posts"><h4 class="td-related-title"><a class="td-related-left td-cur-simple-item" href="#">RELATED ARTICLES</a><a class="td-related-right" href="#">MORE FROM AUTHOR</a></h4><div class="td_block_inner"><ul>${linkList(page.related, 'td-related-span4')}</ul></div></div>
<div class="comments" id="comments">${part.comments('td-comments-title-wrap')}<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">LEAVE A REPLY</h3><form action="${home}wp-comments-post.php" method="post" id="commentform"><textarea name="comment" placeholder="Comment:"></textarea><input name="author" placeholder="Name:*"><input name="email" placeholder="Email:*"><p class="comment-form-cookies-consent"><input type="checkbox" id="wp-comment-cookies-consent"><label for="wp-comment-cookies-consent">Save my name, email, and website in this browser for the next time I comment.</label></p><input name="submit" type="submit" value="Post Comment"></form></div></div>
</article></div></div>
<div class="td-pb-span4 td-main-sidebar" role="complementary"><div class="td-ss-main-sidebar">
<div class="td_block_wrap td_block_social_counter"><div class="td-block-title-wrap"><h4 class="block-title"><span>Stay Connected</span></h4></div><div class="td-social-list">${page.outlet.ui.share.map((s) => `<div class="td_social_type"><span class="td_social_button">${h(s)}</span></div>`).join('')}</div></div>
<div class="td-a-rec td-a-rec-id-sidebar"><span class="td-adspot-title">- Advertisement -</span></div>
<div class="td_block_wrap td_block_7"><div class="td-block-title-wrap"><h4 class="block-title"><span>${h(page.outlet.ui.mostRead)}</span></h4></div><ul>${linkList(page.related, 'td_module_6 td_module_wrap')}</ul></div>
${part.newsletter('td_block_wrap tdn_block_newsletter_subscribe')}
</div></div></div></div></div>
<div class="td-footer-wrapper td-container-wrap"><div class="td-footer-bottom-full"><div class="td-container"><aside class="footer-text-wrap"><div class="block-title"><span>ABOUT US</span></div>${h(page.outlet.ui.footer)}</aside><aside class="footer-social-wrap td-social-style-2"><div class="block-title"><span>FOLLOW US</span></div></aside></div></div>
<div class="td-sub-footer-container"><div class="td-container"><div class="td-pb-row"><div class="td-pb-span td-sub-footer-menu"><ul id="menu-footer" class="td-subfooter-menu">${part.nav('menu-item')}</ul></div><div class="td-pb-span td-sub-footer-copy">&copy; ${h(page.outlet.name)}</div></div></div></div></div>
</div>
${part.cookies('cookie-law-info-bar')}
<script type="text/javascript" id="td-generated-footer-js">var tdBlocksArray=[];var td_ajax_url="${home}wp-admin/admin-ajax.php?td_theme_name=Newspaper&v=12.6.1";var td_get_template_directory_uri="${home}wp-content/plugins/td-composer/legacy/common";</script>`;
  return htmlDocument(
    page.outlet.lang === 'uk' ? 'uk' : 'en-US',
    head,
    `class="post-template-default single single-post single-format-standard td-standard-pack global-block-template-1 tdb-template td-animation-stack-type0 td-full-layout"`,
    body,
  );
}
