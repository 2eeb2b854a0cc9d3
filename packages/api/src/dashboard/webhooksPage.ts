import { html } from './html.ts';
import { page } from './layout.ts';

export interface WebhookRow {
  webhook: { webhookId: string; url: string; pattern: string; description: string | null; registeredAt: string };
  deliveries: {
    position: number;
    attempt: number;
    status: 'delivered' | 'failed' | 'dead' | 'skipped';
    at: string;
    httpStatus: number | null;
    error: string | null;
  }[];
}

const badge: Record<WebhookRow['deliveries'][number]['status'], string> = {
  delivered: 'badge ok',
  failed: 'badge hedged',
  dead: 'badge failing',
  skipped: 'badge',
};

/** `/webhooks/page`: each webhook with its latest delivery attempts. */
export function webhooksPage(rows: readonly WebhookRow[]): string {
  const body = html`<h1>Webhooks</h1>
    <p class="muted">
      Figure changes POSTed to consumers, signed (<code>Tally-Signature</code>), retried with backoff, dead-lettered when
      the attempts run out (retry those from the <a href="/admin/queues/queue/webhook">webhook queue</a>). The API:
      <code>GET /webhooks/{id}/deliveries</code>.
    </p>
    ${
      rows.length === 0
        ? html`<div class="card"><p class="muted">No webhook is registered (<code>POST /webhooks</code>).</p></div>`
        : rows.map(
            ({ webhook: w, deliveries }) => html`<div class="card" data-webhook-id="${w.webhookId}">
              <h2>${w.description ?? w.webhookId}</h2>
              <p>
                <code>${w.pattern}</code> → <span class="muted">${w.url}</span><br />
                <span class="muted">${w.webhookId}, registered ${w.registeredAt}</span>
              </p>
              ${
                deliveries.length === 0
                  ? html`<p class="muted">No delivery yet.</p>`
                  : html`<table>
                      <thead>
                        <tr><th>When</th><th class="num">Position</th><th class="num">Attempt</th><th>Outcome</th><th>Detail</th></tr>
                      </thead>
                      <tbody>
                        ${deliveries.map(
                          (d) => html`<tr class="delivery" data-status="${d.status}">
                            <td>${d.at.replace('T', ' ').replace(/\.\d+Z$/, 'Z')}</td>
                            <td class="num">${d.position}</td>
                            <td class="num">${d.attempt}</td>
                            <td><span class="${badge[d.status]}">${d.status}</span></td>
                            <td class="muted">${d.httpStatus ?? ''} ${d.error ?? ''}</td>
                          </tr>`,
                        )}
                      </tbody>
                    </table>`
              }
            </div>`,
          )
    }`;
  return page('Webhooks', 'webhooks', body);
}
