import { streams } from '@tally/events';
import type { ArticleHit, FigureSummary, SearchPage } from '@tally/projection-store';
import type { SearchKind } from '../searchSchemas.ts';
import { figurePageHref } from './figurePages.ts';
import { html, type SafeHtml, safeHref } from './html.ts';
import { page } from './layout.ts';
import { streamPageHref } from './logLinks.ts';
import { searchForm } from './searchForm.ts';
import { figureKeyLabel, figureTitle, readableDate, statementWording } from './wording.ts';

function searchHref(query: string, kind: SearchKind, after: string): string {
  return `/search/page?${new URLSearchParams({ q: query, kind, after })}`;
}

export type SearchResults =
  | { kind: 'figures'; page: SearchPage<FigureSummary> }
  | { kind: 'articles'; page: SearchPage<ArticleHit> };

function figureRows(found: SearchPage<FigureSummary>): SafeHtml {
  return html`<table class="search-results figures">
    <thead><tr><th>Figure</th><th>Current</th><th class="num">Sources</th></tr></thead>
    <tbody>
      ${found.items.map(
        (f) => html`<tr class="figure-row" data-figure-key="${f.figureKey}">
          <td>
            <a href="${figurePageHref(f.figureKey)}">${figureTitle(f)}</a><br />
            <span class="muted">${figureKeyLabel(f.figureKey)}</span>
          </td>
          <td>${f.current ? statementWording(f.current, f.concept) : html`<span class="muted">no statement</span>`}</td>
          <td class="num">${f.sourceCount}</td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}

function articleRows(found: SearchPage<ArticleHit>): SafeHtml {
  return html`<table class="search-results articles">
    <thead><tr><th>Article</th><th>Outlet</th><th>Published</th><th>Stage</th></tr></thead>
    <tbody>
      ${found.items.map(
        (a) => html`<tr class="article-row" data-article-id="${a.articleId}">
          <td>
            <a href="${safeHref(a.url)}" rel="noopener noreferrer">${a.title ?? a.url ?? a.articleId}</a><br />
            <a class="muted" href="${streamPageHref(streams.article(a.articleId))}">its events</a>
          </td>
          <td>${a.siteName ?? ''}</td>
          <td>${readableDate(a.publishedAt)}</td>
          <td><span class="badge">${a.status}</span></td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}

/** `/search/page`: the search box and a page of what it found, best first. */
export function searchPage(query: string, results: SearchResults): string {
  const { kind } = results;
  const count = results.page.items.length;
  const next = results.page.next;
  const body = html`<h1>Search</h1>
    ${searchForm(query, kind)}
    ${
      query === ''
        ? html`<p class="muted">Figures by who or what they are about, their measure or who stated them; articles by title, outlet or text.</p>`
        : count === 0
          ? html`<div class="card" id="no-results">No ${kind} match <strong>${query}</strong>.</div>`
          : results.kind === 'figures'
            ? figureRows(results.page)
            : articleRows(results.page)
    }
    ${next === null ? '' : html`<p><a rel="next" id="next-page" href="${searchHref(query, kind, next)}">More ${kind}</a></p>`}`;
  return page(query === '' ? 'Search' : `Search: ${query}`, 'figures', body);
}
