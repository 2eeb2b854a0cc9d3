import type { SearchKind } from '../searchSchemas.ts';
import { html, type SafeHtml } from './html.ts';

/** The search box: a plain GET form (no script), on the figures page and above the results. */
export function searchForm(query = '', kind: SearchKind = 'figures'): SafeHtml {
  const option = (value: SearchKind, label: string) =>
    kind === value
      ? html`<option value="${value}" selected>${label}</option>`
      : html`<option value="${value}">${label}</option>`;
  return html`<form class="search" role="search" action="/search/page" method="get">
    <input type="search" name="q" id="search-query" value="${query}" maxlength="200" required
      placeholder="who, what, which outlet: kirby containers, &quot;north korea&quot; -shells" aria-label="Search" size="48" />
    <select name="kind" id="search-kind" aria-label="Search in">${option('figures', 'figures')}${option('articles', 'articles')}</select>
    <button type="submit">Search</button>
  </form>`;
}
