import { streams } from '@tally/events';
import type { FeedRow } from '@tally/projections';
import type { WriteAccess } from '../auth.ts';
import type { FeedDiscovery } from '../FeedCommands.ts';
import { html, type SafeHtml, safeHref } from './html.ts';
import { page } from './layout.ts';
import { streamPageHref } from './logLinks.ts';

/** What the feeds page shows above the list: the outcome of the last action, or its refusal. */
export interface FeedsNotice {
  kind: 'done' | 'error';
  text: string;
}

export interface FeedsView {
  feeds: readonly FeedRow[];
  notice: FeedsNotice | null;
  /** The feeds a page given to "add" advertises, to pick from. */
  discovered: FeedDiscovery | null;
  /** Whether this request's credentials can make changes: the page says so above the forms when not. */
  writeAccess: WriteAccess;
}

function when(iso: string | null): string {
  return iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '—';
}

/** The page's forms post here: `/feeds/page/<feedId>/<action>`. */
export function feedActionHref(feedId: string, action: string): string {
  return `/feeds/page/${encodeURIComponent(feedId)}/${action}`;
}

function button(feedId: string, action: string, label: string, extra: SafeHtml | string = ''): SafeHtml {
  return html`<form class="inline" method="post" action="${feedActionHref(feedId, action)}">
    ${extra}<button type="submit" data-action="${action}">${label}</button>
  </form>`;
}

function actions(f: FeedRow): SafeHtml {
  if (f.removed) return html``;
  return html`${f.paused ? button(f.feedId, 'resume', 'Resume') : button(f.feedId, 'pause', 'Pause')}
    ${f.paused ? '' : button(f.feedId, 'poll', 'Poll now')}
    ${f.consecutiveErrors > 0 || f.lastReason !== null ? button(f.feedId, 'clear-errors', 'Clear errors') : ''}
    ${button(f.feedId, 'remove', 'Remove')}
    <details class="edit">
      <summary>Edit</summary>
      <form method="post" action="${feedActionHref(f.feedId, 'edit')}" class="edit-form">
        <label>Title <input name="title" value="${f.title ?? ''}" maxlength="300" placeholder="${f.feedTitle ?? 'the feed’s own'}" /></label>
        <label>Tags <input name="tags" value="${f.tags.join(', ')}" placeholder="comma, separated" /></label>
        <label>Min interval (s) <input name="minIntervalSec" value="${f.minIntervalSec ?? ''}" inputmode="numeric" placeholder="deployment’s" /></label>
        <label>Max interval (s) <input name="maxIntervalSec" value="${f.maxIntervalSec ?? ''}" inputmode="numeric" placeholder="deployment’s" /></label>
        <button type="submit" data-action="edit">Save</button>
      </form>
    </details>`;
}

/** What each write access says above the forms (none when the request's token can write). */
const writeNotice: Record<Exclude<WriteAccess, 'granted'>, SafeHtml> = {
  ask: html`<div class="notice" id="write-access">Changes ask for a token with the <code>write</code> scope (<code>API_TOKEN</code> or one issued with it): your browser asks for it when a form is sent.</div>`,
  'scope-missing': html`<div class="notice error" id="write-access">This token has no <code>write</code> scope: changes need <code>API_TOKEN</code> or a token issued with the <code>write</code> scope.</div>`,
  'no-token': html`<div class="notice error" id="write-access">Changes need a token: set <code>API_TOKEN</code>, or issue one with the <code>write</code> scope (<code>tally tokens issue --scopes write,operator</code>).</div>`,
};

/** The feed's WebSub subscription: its state, hub and lease, and why the latest one lapsed. */
function subscriptionCell(f: FeedRow): SafeHtml {
  const s = f.subscription;
  if (!s || s.state === 'none') return html`<span class="muted websub-state" data-websub="none">—</span>`;
  const lease =
    s.state === 'live'
      ? html`<br /><span class="muted">until ${when(s.expiresAt)}${s.renewing ? ' (renewing)' : ''}</span>`
      : '';
  const lapse = s.lastLapseReason
    ? html`<br /><span class="muted">lapsed: <code class="websub-lapse">${s.lastLapseReason}</code> ${when(s.lastLapsedAt)}</span>`
    : '';
  return html`<span class="badge websub-state ${s.state === 'live' ? 'ok' : s.state === 'lapsed' ? 'failing' : 'new'}" data-websub="${s.state}">${s.state}</span>
    <br /><span class="muted">${s.hub ?? ''}</span>${lease}${lapse}`;
}

function feedRow(f: FeedRow): SafeHtml {
  const errors =
    f.consecutiveErrors > 0
      ? html`<span class="num">${f.consecutiveErrors}</span> <code>${f.lastReason ?? ''}</code><br /><span class="muted">${f.lastMessage ?? ''}</span>`
      : f.lastReason
        ? html`0 <span class="muted">(last: <code>${f.lastReason}</code>)</span>`
        : html`0`;
  const advertised =
    f.advertisedFeeds.length > 0
      ? html`<br /><span class="muted">advertises:</span> ${f.advertisedFeeds.map(
          (url) => html`<form class="inline" method="post" action="/feeds/page/add">
            <input type="hidden" name="url" value="${url}" /><input type="hidden" name="direct" value="1" />
            <button type="submit" data-action="add-advertised">Add ${url}</button>
          </form>`,
        )}`
      : '';
  return html`<tr class="feed-row" id="feed-${f.feedId}" data-feed-id="${f.feedId}" data-health="${f.health}">
    <td>
      <strong class="feed-title">${f.title ?? f.feedTitle ?? f.feedId}</strong>
      <a class="feed-events" href="${streamPageHref(streams.feed(f.feedId))}">events</a><br />
      <a class="muted" href="${safeHref(f.url)}" rel="noopener noreferrer">${f.url ?? ''}</a><br />
      ${f.tags.map((t) => html`<span class="badge tag">${t}</span> `)}
      ${f.minIntervalSec !== null || f.maxIntervalSec !== null ? html`<span class="muted bounds">every ${f.minIntervalSec ?? '…'}–${f.maxIntervalSec ?? '…'} s</span>` : ''}
    </td>
    <td><span class="badge ${f.health}">${f.health}</span>${f.pausedReason ? html`<br /><span class="muted">${f.pausedReason}</span>` : ''}</td>
    <td>${when(f.lastPollAt)}</td>
    <td>${f.paused ? html`<span class="muted">paused</span>` : when(f.nextPollAt)}</td>
    <td class="errors">${errors}${advertised}</td>
    <td class="websub">${subscriptionCell(f)}</td>
    <td class="num">${f.articlesDiscovered}</td>
    <td class="actions">${actions(f)}</td>
  </tr>`;
}

function discoveredCard(d: FeedDiscovery): SafeHtml {
  return html`<div class="card" id="discovered">
    <h2>Feeds advertised by <a href="${safeHref(d.url)}" rel="noopener noreferrer">${d.url}</a></h2>
    <ul>
      ${d.feeds.map(
        (f) => html`<li>
          <form class="inline" method="post" action="/feeds/page/add">
            <input type="hidden" name="url" value="${f.url}" /><input type="hidden" name="direct" value="1" />
            <button type="submit" data-action="add-discovered">Add</button>
          </form>
          <code>${f.url}</code>
        </li>`,
      )}
    </ul>
  </div>`;
}

/** `/feeds/page`: every feed with its health and polling, the operator's actions, and a form to add one. */
export function feedsPage(v: FeedsView): string {
  const rows = [...v.feeds].sort(
    (a, b) =>
      Number(a.removed) - Number(b.removed) ||
      b.consecutiveErrors - a.consecutiveErrors ||
      (a.title ?? a.feedId).localeCompare(b.title ?? b.feedId),
  );
  const counts = new Map<string, number>();
  for (const f of v.feeds) counts.set(f.health, (counts.get(f.health) ?? 0) + 1);
  const body = html`<h1>Feeds</h1>
    <p class="muted">
      ${[...counts].map(([health, n]) => html`<span class="badge ${health}">${health}</span> ${n} `)} Every change here is an
      event on the feed’s stream (the same commands as <code>PATCH /feeds/{id}</code>, <code>POST /feeds/{id}/poll</code> and
      <code>tally feeds</code>).
    </p>
    ${v.notice ? html`<div class="notice ${v.notice.kind}" id="notice" role="status">${v.notice.text}</div>` : ''}
    ${v.writeAccess === 'granted' ? '' : writeNotice[v.writeAccess]}
    <div class="card">
      <form method="post" action="/feeds/page/add" class="add-form">
        <label>Feed or site URL <input name="url" type="url" required maxlength="2048" placeholder="https://example.org/" /></label>
        <label>Title <input name="title" maxlength="300" placeholder="optional" /></label>
        <button type="submit" data-action="add">Add</button>
      </form>
      <p class="muted">A site’s address finds the feeds it advertises (<code>&lt;link rel="alternate"&gt;</code>).</p>
    </div>
    ${v.discovered ? discoveredCard(v.discovered) : ''}
    <table class="feeds">
      <thead>
        <tr>
          <th>Feed</th>
          <th>Health</th>
          <th>Last poll</th>
          <th>Next poll</th>
          <th>Errors in a row</th>
          <th>WebSub</th>
          <th class="num">Articles</th>
          <th>Actions</th>
        </tr>
      </thead>
      <tbody>
        ${rows.length === 0 ? html`<tr><td colspan="8" class="muted">No feed yet.</td></tr>` : rows.map(feedRow)}
      </tbody>
    </table>`;
  return page('Feeds', 'feeds', body);
}
