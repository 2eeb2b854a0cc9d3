import { type StoredEvent, streamCategory, streams } from '@tally/events';
import type { StreamSlice } from '../streamReads.ts';
import { figurePageHref } from './figurePages.ts';
import { html, type SafeHtml } from './html.ts';
import { page } from './layout.ts';
import { eventPageHref, streamPageHref } from './logLinks.ts';

/** The data fields that say what an event is about, shown beside its type. */
const SUMMARY_FIELDS = ['feedId', 'articleId', 'figureKey', 'url', 'reason', 'value', 'title', 'webhookId'] as const;

function summaryOf(e: StoredEvent): string {
  const data = e.data as Record<string, unknown>;
  return SUMMARY_FIELDS.filter((k) => data[k] !== undefined && data[k] !== null)
    .map((k) => `${k}=${String(data[k]).slice(0, 80)}`)
    .join(' ');
}

/** Links to the streams and figure an event names (its article, feed, original, figure). */
function relatedLinks(e: StoredEvent): SafeHtml[] {
  const data = e.data as Record<string, unknown>;
  const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : null);
  const links: SafeHtml[] = [];
  const add = (streamId: string, label: string) => {
    if (streamId !== e.streamId) links.push(html`<li><a href="${streamPageHref(streamId)}">${label}</a></li>`);
  };
  const feedId = text('feedId');
  const articleId = text('articleId');
  const originalId = text('originalId');
  const figureKey = text('figureKey');
  if (feedId) add(streams.feed(feedId), `feed ${feedId}`);
  if (articleId) add(streams.article(articleId), `article ${articleId}`);
  if (originalId) add(streams.article(originalId), `original article ${originalId}`);
  if (figureKey) {
    links.push(html`<li><a href="${figurePageHref(figureKey)}">figure ${figureKey}</a></li>`);
    add(streams.figure(figureKey), `figure stream ${figureKey}`);
  }
  return links;
}

/** `/streams/:id/page`: a stream's events by version, newest first (or oldest), a page at a time. */
export function streamPage(
  streamId: string,
  slice: StreamSlice | null,
  query: { order: 'newest' | 'oldest'; limit: number },
): string {
  if (!slice) {
    return page(
      'Stream not found',
      'pipeline',
      html`<h1>No such stream</h1>
        <div class="card">The log holds no event of <code>${streamId}</code>.</div>`,
    );
  }
  const category = streamCategory(streamId);
  const figureKey = category === 'figure' ? streamId.slice('figure-'.length) : null;
  const other = query.order === 'newest' ? 'oldest' : 'newest';
  const rows = slice.events.map(
    (e) => html`<tr class="event-row" data-position="${e.position}">
      <td class="num"><a href="${eventPageHref(e.position)}">${e.position}</a></td>
      <td class="num">${e.streamVersion}</td>
      <td>${e.type}</td>
      <td>${e.recordedAt}</td>
      <td class="muted">${summaryOf(e)}</td>
    </tr>`,
  );
  const body = html`<h1>Stream <code>${streamId}</code></h1>
    <p class="muted">
      ${slice.version} event${slice.version === 1 ? '' : 's'}, ${query.order} first.
      <a href="${streamPageHref(streamId, { order: other })}">${other} first</a>
      ${figureKey ? html` · <a href="${figurePageHref(figureKey)}">the figure</a>` : ''}
      · <a href="/streams/${encodeURIComponent(streamId)}?order=${query.order}">JSON</a>
    </p>
    <table class="stream">
      <thead>
        <tr>
          <th class="num">Position</th>
          <th class="num">Version</th>
          <th>Type</th>
          <th>Recorded</th>
          <th>About</th>
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
    ${
      slice.next === null
        ? ''
        : html`<p><a rel="next" id="next-page" href="${streamPageHref(streamId, { order: query.order, after: slice.next })}"
            >${query.order === 'newest' ? 'Older' : 'Newer'} events</a
          ></p>`
    }`;
  return page(`Stream ${streamId}`, 'pipeline', body);
}

/** `/events/:position/page`: one event, what it names, and its neighbours in the log and in its stream. */
export function eventPage(position: number, event: StoredEvent | null, head: number): string {
  if (!event) {
    return page(
      'Event not found',
      'pipeline',
      html`<h1>No event at position ${position}</h1>
        <div class="card">The log ends at position ${head}.</div>`,
    );
  }
  const related = relatedLinks(event);
  const body = html`<h1>Event ${event.position}: ${event.type}</h1>
    <div class="card">
      <table class="event">
        <tbody>
          <tr><th>Stream</th><td><a id="event-stream" href="${streamPageHref(event.streamId)}">${event.streamId}</a>, version ${event.streamVersion}</td></tr>
          <tr><th>Recorded</th><td>${event.recordedAt}</td></tr>
          <tr><th>Id</th><td><code>${event.id}</code></td></tr>
          <tr><th>Schema version</th><td>${String(event.metadata.schemaVersion ?? '')}</td></tr>
        </tbody>
      </table>
    </div>
    ${related.length > 0 ? html`<h2>Names</h2><ul class="related">${related}</ul>` : ''}
    <h2>Data</h2>
    <pre class="card" style="overflow-x:auto; white-space:pre-wrap">${JSON.stringify(event.data, null, 2)}</pre>
    <p>
      ${position > 1 ? html`<a rel="prev" href="${eventPageHref(position - 1)}">← event ${position - 1}</a>` : ''}
      ${position < head ? html` <a rel="next" href="${eventPageHref(position + 1)}">event ${position + 1} →</a>` : ''}
      · <a href="${streamPageHref(event.streamId, { order: 'oldest', after: event.streamVersion - 1 })}">its stream from here</a>
      · <a href="/events/${position}">JSON</a>
    </p>`;
  return page(`Event ${position}`, 'pipeline', body);
}
