import type { ArticlePage, Block } from '../ArticlePage.ts';
import { h, htmlDocument, linkList } from './common.ts';
import { templateParts } from './templateParts.ts';

/**
 * An old table-layout site that never left 2008: left navigation column, paragraphs separated by
 * `<br><br>` instead of `<p>`, banner cells on the right.
 */
export function renderBulletin(page: ArticlePage): string {
  const { p, home, ...part } = templateParts(page);
  // Consecutive paragraphs become one text run with <br><br> breaks; other blocks keep their markup.
  const runs: string[] = [];
  let text: string[] = [];
  const flush = () => {
    if (text.length) runs.push(`<div class="${p}-text">${text.join('<br><br>\n')}</div>`);
    text = [];
  };
  const emit = (blocks: readonly Block[]) => {
    for (const block of blocks) {
      if (block.kind === 'p') text.push(h(block.text));
      else {
        flush();
        runs.push(part.blocks([block]));
      }
    }
    flush();
  };
  emit(page.body);
  const bodyHtml = runs.splice(0).join('\n');
  emit(page.after);
  const afterHtml = runs.join('\n');
  const head = `<meta http-equiv="Content-Type" content="text/html; charset=${page.outlet.charset}">
<title>${h(page.outlet.name)} :: ${h(page.headline)}</title>
<meta name="description" content="${h(page.description)}">
<link rel="canonical" href="${h(part.canonical)}">
${part.openGraph}
${part.feedLinks}
${part.jsonLd('plain')}
<link rel="stylesheet" type="text/css" href="${home}style.css">
<script type="text/javascript" src="${home}js/jquery-1.4.2.min.js"></script>`;
  const body = `<table id="${p}-layout" width="100%" cellpadding="0" cellspacing="0" border="0">
<tr><td colspan="3" class="${p}-top"><a href="${home}"><img src="${home}img/logo.gif" alt="${h(page.outlet.name)}" border="0"></a>${page.widgets.map((w) => `<span class="${p}-widget">${h(w)}</span>`).join('')}<div class="${p}-topmenu">${page.outlet.sections.map((s) => `<a href="${home}${encodeURI(s.toLowerCase())}/">${h(s)}</a>`).join(' | ')}</div></td></tr>
<tr>
<td class="${p}-left" width="180" valign="top"><ul class="${p}-menu">${part.nav(`${p}-menu__item`)}</ul><div class="${p}-archive"><b>${h(page.outlet.ui.mostRead)}</b><ul>${linkList(page.related, `${p}-archive__item`)}</ul></div></td>
<td class="${p}-center" valign="top">
${page.pixel ? `<div class="${p}-pixel">${h(page.pixel)}</div>` : ''}
<div class="${p}-date">${h(page.dateline)}</div>
<h1 class="${p}-title">${h(page.headline)}</h1>
${page.standfirst ? `<div class="${p}-lead"><b>${h(page.standfirst)}</b></div>` : ''}
${page.imageTitle ? `<div class="${p}-img-title">${h(page.imageTitle)}</div>` : ''}
${bodyHtml}
<div class="${p}-author">${h(page.byline)}</div>
${afterHtml}
${part.share(`${p}-share`)}
${part.comments(`${p}-comments`)}
<div class="${p}-tags">${page.tags.map((t) => `<a href="${home}tags/${encodeURIComponent(t)}/">${h(t)}</a>`).join(', ')}</div>
<div class="${p}-also"><b>${h(page.outlet.ui.related)}</b><ul>${linkList(page.related.slice(0, 5), `${p}-also__item`)}</ul></div>
</td>
<td class="${p}-right" width="240" valign="top"><div class="${p}-banner"><a href="${home}ads/"><img src="${home}banners/240x400.gif" width="240" height="400" alt="Advertisement"></a></div>${part.newsletter(`${p}-subscribe`)}<div class="${p}-counter"><img src="${home}counter.gif" width="88" height="31" alt=""></div></td>
</tr>
<tr><td colspan="3" class="${p}-bottom"><div class="${p}-bottommenu">${page.outlet.sections.map((s) => `<a href="${home}${encodeURI(s.toLowerCase())}/">${h(s)}</a>`).join(' | ')}</div><div class="${p}-copy">${h(page.outlet.ui.footer)}</div></td></tr>
</table>
${part.cookies(`${p}-cookie`)}`;
  return htmlDocument(page.outlet.lang, head, `bgcolor="#ffffff" class="${p}-body"`, body);
}
