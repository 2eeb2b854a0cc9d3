import type { Bound } from '@tally/events';
import { streams } from '@tally/events';
import { countedThing } from '@tally/figure-wording';
import type { FigureSummary, FigureView } from '@tally/projection-store';
import { periodDays, type Statement } from '@tally/projections';
import { html, type SafeHtml, safeHref } from './html.ts';
import { page } from './layout.ts';
import { streamPageHref } from './logLinks.ts';
import { searchForm } from './searchForm.ts';
import { type TimelinePoint, timelineChart } from './timelineChart.ts';
import {
  figureKeyLabel,
  figureTitle,
  hedgeMark,
  readableDate,
  sourceWording,
  statementPeriod,
  statementWording,
} from './wording.ts';

/** The link to a figure's page. */
export function figurePageHref(figureKey: string): string {
  return `/figures/${encodeURIComponent(figureKey)}/page`;
}

/** The link to a figure's history export. */
export function historyHref(figureKey: string, format: 'csv' | 'json'): string {
  return `/figures/${encodeURIComponent(figureKey)}/history.${format}`;
}

/** "forecast", "target", …: a hedged statement is marked wherever its figure is shown. */
function hedgeBadge(s: Statement): SafeHtml | '' {
  const mark = hedgeMark(s);
  return mark ? html` <span class="badge hedged" title="not a statement of fact">${mark}</span>` : '';
}

function periodOf(s: Statement): SafeHtml {
  const period = statementPeriod(s);
  return period ? html`<span class="period">${period}</span>` : html`<span class="muted">no period</span>`;
}

function statementDate(s: Statement): string {
  return readableDate(s.statedAt ?? s.statedFrom ?? s.firstPublishedAt);
}

function speakerOf(s: Statement): SafeHtml {
  if (!s.speaker) return html`<span class="muted">unattributed</span>`;
  return html`<span class="speaker">${s.speaker.name}</span>${s.speaker.role ? html` <span class="muted">(${s.speaker.role})</span>` : ''}`;
}

function anchorOf(index: number): string {
  return `statement-${index + 1}`;
}

/** `/`: every current figure with its wording, speaker and date. */
export function figuresIndexPage(figures: readonly FigureSummary[]): string {
  const sorted = [...figures].sort((a, b) => b.sourceCount - a.sourceCount || a.figureKey.localeCompare(b.figureKey));
  const rows = sorted.map((f) => {
    const s = f.current;
    return html`<tr class="figure-row" data-figure-key="${f.figureKey}">
      <td>
        <a href="${figurePageHref(f.figureKey)}">${figureTitle(f)}</a><br />
        <span class="muted">${figureKeyLabel(f.figureKey)}</span>
      </td>
      <td class="figure-value">${s ? html`${statementWording(s, f.concept)}${hedgeBadge(s)}` : html`<span class="muted">no statement</span>`}</td>
      <td>${s ? periodOf(s) : ''}</td>
      <td>${s ? speakerOf(s) : ''}</td>
      <td>${s ? statementDate(s) : ''}</td>
      <td class="num">${f.statementCount}</td>
      <td class="num">${f.sourceCount}</td>
      <td>${f.conflictCount > 0 ? html`<span class="badge conflict">${f.conflictCount} conflict${f.conflictCount === 1 ? '' : 's'}</span>` : ''}</td>
    </tr>`;
  });
  const body =
    figures.length === 0
      ? html`<h1>Current figures</h1>
          ${searchForm()}
          <div class="card">No figure yet: register feeds and let the pipeline ingest them.</div>`
      : html`<h1>Current figures</h1>
          ${searchForm()}
          <p class="muted">
            The latest statement of each figure (the latest period's, when its sources give periods), worded as its
            sources word it, with the change they state. Forecasts and targets are marked. Open a figure for its
            timeline, sources and quotes.
          </p>
          <p class="downloads">
            Download the current figures:
            <a class="download" id="download-figures-csv" href="/figures.csv" download>CSV</a>
            <a class="download" id="download-figures-json" href="/figures.json" download>JSON</a>
          </p>
          <table class="figures">
            <thead>
              <tr>
                <th>Figure</th>
                <th>Current</th>
                <th>Period</th>
                <th>Said by</th>
                <th>Stated</th>
                <th class="num">Statements</th>
                <th class="num">Sources</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              ${rows}
            </tbody>
          </table>`;
  return page('Current figures', 'figures', body);
}

/** The bounds each side of a bound conflict gives (drawn on the chart in the conflict colour). */
function conflictingBounds(s: Statement): Bound[] {
  const bounds: Bound[] = [];
  for (const c of s.conflicts) {
    if (c.kind !== 'bound') continue;
    for (const side of c.sides) if (side.bound && !bounds.includes(side.bound)) bounds.push(side.bound);
  }
  return bounds;
}

function timelinePoints(f: FigureView): TimelinePoint[] {
  return f.history.flatMap((s, i) => {
    // A statement about a period stands at its period (the series of a recurring measure), else at its date.
    const days = periodDays(s.period);
    const from = days?.from ?? s.statedFrom ?? s.firstPublishedAt?.slice(0, 10) ?? null;
    if (!from) return [];
    const period = statementPeriod(s);
    const mark = hedgeMark(s);
    return [
      {
        anchor: anchorOf(i),
        from,
        to: days?.to ?? s.statedTo ?? from,
        value: s.value,
        range: s.range,
        bound: s.bound,
        label: `${statementWording(s, f.concept)}${mark ? ` (${mark})` : ''}${period ? `, ${period}` : ''}: ${s.speaker?.name ?? 'unattributed'}, ${statementDate(s)}, ${s.independentSources} source${s.independentSources === 1 ? '' : 's'}`,
        conflictingBounds: conflictingBounds(s),
        conflict: s.conflicts.length > 0,
        current: f.current?.statementId === s.statementId,
      },
    ];
  });
}

/** What a source says that its statement does not: another period, or a hedge the others do not make. */
function sourceNotes(src: Statement['sources'][number], s: Statement): SafeHtml | '' {
  const own = statementPeriod({ period: src.period ?? null });
  const notes = [own && own !== statementPeriod(s) ? own : null, src.hedged && !s.hedged ? 'hedged' : null].filter(
    (n): n is string => !!n,
  );
  return notes.length > 0 ? html` <span class="muted">(${notes.join(', ')})</span>` : '';
}

function sourceItem(src: Statement['sources'][number], s: Statement, concept: string | null): SafeHtml {
  const copies = src.alsoPublishedBy.map(
    (c) =>
      html`<li>
        <a href="${safeHref(c.url)}" rel="noopener noreferrer">${c.outlet}</a>${c.similarity !== null ? html` <span class="muted">(${Math.round(c.similarity * 100)}% similar, ${c.method})</span>` : ''}${c.qualifier ? html` — says “${c.qualifier}”` : ''}
      </li>`,
  );
  return html`<li class="source" data-article-id="${src.articleId}">
    <strong>${src.outlet}</strong> · <a href="${safeHref(src.url)}" rel="noopener noreferrer">${src.url ?? 'no URL'}</a>
    <span class="muted">· published ${src.publishedAt ? readableDate(src.publishedAt.slice(0, 10)) : 'undated'}${src.feedId ? html` · feed <a class="feed-events" href="${streamPageHref(streams.feed(src.feedId))}"><code>${src.feedId}</code></a>` : ''} · article <a href="/articles/${encodeURIComponent(src.articleId)}"><code>${src.articleId}</code></a> (<a class="article-events" href="${streamPageHref(streams.article(src.articleId))}">its events</a>)</span>
    <div>Says: <em>${sourceWording(src, s, concept)}</em>${sourceNotes(src, s)}${src.quotedFrom ? html` <span class="muted">(quoted from copy ${src.quotedFrom})</span>` : ''}</div>
    <blockquote class="quote">${src.sentence}</blockquote>
    ${copies.length > 0 ? html`<div class="copies">Also published by (credited to this source, not counted again):<ul>${copies}</ul></div>` : ''}
  </li>`;
}

function statementCard(f: FigureView, s: Statement, i: number): SafeHtml {
  const isCurrent = f.current?.statementId === s.statementId;
  const conflicts = s.conflicts.map(
    (c) => html`<div class="conflict-box" data-conflict-kind="${c.kind}">
      <strong>Conflict:</strong> ${c.detail}
      <ul>
        ${c.sides.map((side) => html`<li>${side.label}: ${side.articleIds.length} source${side.articleIds.length === 1 ? '' : 's'}</li>`)}
      </ul>
    </div>`,
  );
  return html`<section class="card statement${s.conflicts.length > 0 ? ' has-conflict' : ''}" id="${anchorOf(i)}">
    <div class="figure-value">${statementWording(s, f.concept)}${hedgeBadge(s)} ${isCurrent ? html`<span class="badge ok">current</span>` : ''}</div>
    <div>${speakerOf(s)} · ${statementDate(s)}${statementPeriod(s) ? html` · ${periodOf(s)}` : ''} · ${s.independentSources} independent source${s.independentSources === 1 ? '' : 's'} from ${s.independentOutlets} outlet${s.independentOutlets === 1 ? '' : 's'}</div>
    ${conflicts}
    <ul class="sources">
      ${s.sources.map((src) => sourceItem(src, s, f.concept))}
    </ul>
  </section>`;
}

/** `/figures/:key/page`: the current figure, the timeline chart and every statement with its sources and quotes. */
export function figurePage(f: FigureView): string {
  const current = f.current;
  const counted = countedThing(f.unit, f.concept);
  const measure = f.measure?.trim() || null;
  const unitLabel = (measure && counted ? `${measure}, ${counted}` : (measure ?? counted)) ?? undefined;
  const body = html`<p><a href="/">← all figures</a></p>
    <h1>${figureTitle(f)}</h1>
    <p class="muted"><code>${f.figureKey}</code> · <a id="figure-events" href="${streamPageHref(streams.figure(f.figureKey))}">its claims in the log</a></p>
    <p class="downloads">
      Download its history:
      <a class="download" id="download-history-csv" href="${historyHref(f.figureKey, 'csv')}" download>CSV</a>
      <a class="download" id="download-history-json" href="${historyHref(f.figureKey, 'json')}" download>JSON</a>
    </p>
    <div class="card">
      ${
        current
          ? html`<div class="muted">Current figure</div>
            <div class="current-figure" id="current-figure">${statementWording(current, f.concept)}${hedgeBadge(current)}</div>
            <div>${speakerOf(current)} · ${statementDate(current)}${statementPeriod(current) ? html` · ${periodOf(current)}` : ''}</div>`
          : html`<div class="muted">No statement yet.</div>`
      }
    </div>
    <h2>Timeline</h2>
    ${timelineChart(timelinePoints(f), { unitLabel })}
    <div class="legend">
      <span>● exact</span><span>○ approximate</span><span>↑ more than</span><span>↓ up to / less than</span
      ><span>┃ about / nearly</span><span style="color:var(--conflict)">◌ sources disagree</span>
    </div>
    <h2>Statements (${f.history.length}), oldest first</h2>
    ${f.history.map((s, i) => statementCard(f, s, i))}`;
  return page(figureTitle(f), 'figures', body);
}

/** A 404 page for an unknown figure. */
export function figureNotFoundPage(key: string): string {
  return page(
    'No such figure',
    'figures',
    html`<h1>No such figure</h1>
      <div class="card">No figure has the key <code>${key}</code>. <a href="/">All figures</a></div>`,
  );
}
