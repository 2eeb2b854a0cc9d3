import { streams } from '@tally/events';
import type { FeedRow } from '@tally/projections';
import type { QueueThroughput } from '../JobDurationSampler.ts';
import type { LogCounts } from '../LogCounters.ts';
import { html, type SafeHtml, safeHref } from './html.ts';
import { page } from './layout.ts';
import { streamPageHref } from './logLinks.ts';

export interface PipelineView {
  /** Per queue: job counts by state. */
  queues: Record<string, Record<string, number>>;
  throughput: Record<string, QueueThroughput>;
  counts: LogCounts;
  /** Articles per stage (from the projection). */
  articlesByStatus: Partial<Record<string, number>>;
  logHead: number;
  /** Null when the projector's checkpoint cannot be read. */
  projectionLag: number | null;
  feeds: FeedRow[];
  /** When the view was read (ISO). */
  at: string;
}

function outcomeTable(title: string, outcomes: Record<string, number>): SafeHtml {
  const entries = Object.entries(outcomes).sort(
    ([a, x], [b, y]) => (a === 'ok' ? -1 : b === 'ok' ? 1 : 0) || y - x || a.localeCompare(b),
  );
  const total = entries.reduce((n, [, c]) => n + c, 0);
  return html`<div class="card">
    <h2>${title}</h2>
    ${
      entries.length === 0
        ? html`<p class="muted">None yet.</p>`
        : html`<table>
          <thead><tr><th>Outcome</th><th class="num">Count</th><th class="num">Share</th></tr></thead>
          <tbody>
            ${entries.map(
              ([outcome, n]) =>
                html`<tr data-outcome="${outcome}">
                  <td>${outcome === 'ok' || outcome === 'not-modified' ? outcome : html`<span class="badge failing">${outcome}</span>`}</td>
                  <td class="num">${n}</td>
                  <td class="num">${total > 0 ? `${((100 * n) / total).toFixed(1)}%` : ''}</td>
                </tr>`,
            )}
          </tbody>
        </table>`
    }
  </div>`;
}

function when(iso: string | null): string {
  return iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '—';
}

/** `/pipeline`: queue depths, throughput, failures by reason, projection lag, feed health. */
export function pipelinePage(v: PipelineView): string {
  const states = ['waiting', 'active', 'delayed', 'prioritized', 'failed', 'completed'];
  const queueRows = Object.entries(v.queues).map(([queue, counts]) => {
    const t = v.throughput[queue];
    return html`<tr data-queue="${queue}">
      <td><a href="/admin/queues/queue/${encodeURIComponent(queue)}">${queue}</a></td>
      ${states.map((s) => html`<td class="num">${counts[s] ?? 0}</td>`)}
      <td class="num">${t ? `${t.completed}${t.capped ? '+' : ''}` : '—'}</td>
      <td class="num">${t ? t.failed : '—'}</td>
    </tr>`;
  });
  const byStatus = Object.entries(v.articlesByStatus).filter(([, n]) => (n ?? 0) > 0);
  const feedRows = [...v.feeds]
    .sort((a, b) => Number(a.removed) - Number(b.removed) || b.consecutiveErrors - a.consecutiveErrors)
    .map(
      (f) => html`<tr data-feed-id="${f.feedId}">
        <td>${f.title ?? f.feedTitle ?? f.feedId} <a class="feed-events" href="${streamPageHref(streams.feed(f.feedId))}">events</a><br /><a class="muted" href="${safeHref(f.url)}" rel="noopener noreferrer">${f.url ?? ''}</a></td>
        <td><span class="badge ${f.health}">${f.health}</span></td>
        <td>${when(f.lastPollAt)}</td>
        <td>${when(f.nextPollAt)}</td>
        <td class="num">${f.consecutiveErrors}</td>
        <td>${f.lastReason ?? ''}</td>
        <td class="num">${f.articlesDiscovered}</td>
      </tr>`,
    );
  const lag = v.projectionLag;
  const body = html`<h1>Pipeline</h1>
    <p class="muted">As of ${when(v.at)}. Reload for fresh numbers.</p>
    <div class="grid-2">
      <div class="card"><div class="muted">Log head</div><div class="stat" id="log-head">${v.logHead}</div></div>
      <div class="card">
        <div class="muted">Projection lag (events behind the log)</div>
        <div class="stat" id="projection-lag">${lag === null ? 'unknown' : lag}</div>
      </div>
      <div class="card">
        <div class="muted">Articles by stage</div>
        ${byStatus.length === 0 ? html`<div class="muted">none yet</div>` : ''}
        ${byStatus.map(([status, n]) => html`<div data-status="${status}">${status}: <strong>${n ?? 0}</strong></div>`)}
      </div>
    </div>
    <h2>Queues</h2>
    <table class="queues">
      <thead>
        <tr>
          <th>Queue</th>
          ${states.map((s) => html`<th class="num">${s}</th>`)}
          <th class="num">done / 5 min</th>
          <th class="num">failed / 5 min</th>
        </tr>
      </thead>
      <tbody>
        ${queueRows}
      </tbody>
    </table>
    <div class="grid-2">
      ${outcomeTable('Feed polls', v.counts.feedPolls)} ${outcomeTable('Article fetches', v.counts.articleFetches)}
      ${outcomeTable('Extractions', v.counts.extractions)}
    </div>
    <h2>Feeds (${v.feeds.length})</h2>
    <table class="feeds">
      <thead>
        <tr>
          <th>Feed</th>
          <th>Health</th>
          <th>Last poll</th>
          <th>Next poll</th>
          <th class="num">Errors in a row</th>
          <th>Last reason</th>
          <th class="num">Articles</th>
        </tr>
      </thead>
      <tbody>
        ${feedRows}
      </tbody>
    </table>`;
  return page('Pipeline', 'pipeline', body);
}
