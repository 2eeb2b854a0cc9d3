import type { Config } from '@tally/config';
import type { EventStore } from '@tally/event-store';
import {
  createDeliveryQueue,
  DeliveryLog,
  getWebhook,
  InvalidWebhookError,
  listWebhooks,
  registerWebhook,
  removeWebhook,
  type Webhook,
  type WebhookKey,
  webhookKeyFor,
} from '@tally/webhooks';
import type { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { ApiError, ErrorBody } from '../apiErrors.ts';
import { webhooksPage } from '../dashboard/webhooksPage.ts';
import {
  DeliveriesAnswer,
  DeliveriesQuery,
  NewWebhook,
  WebhookAnswer,
  WebhookCreated,
  WebhookParams,
  WebhooksAnswer,
} from '../webhookSchemas.ts';

/** What the webhook routes use: the log (registrations) and Redis (the delivery log, the queue). */
export interface WebhookPorts {
  store: EventStore;
  redis: Redis;
}

type WebhookSettings = Pick<
  Config,
  'QUEUE_PREFIX' | 'HTTP_ALLOW' | 'WEBHOOK_SECRET_KEY' | 'DATABASE_URL' | 'TALLY_DATA_DIR'
>;

/** A webhook as answered: never its secret, sealed or not. */
function viewOf(w: Webhook) {
  return {
    webhookId: w.webhookId,
    url: w.url,
    pattern: w.pattern,
    description: w.description,
    registeredAt: w.registeredAt,
    registeredPosition: w.registeredPosition,
  };
}

const security = [{ bearer: [] }];
const tags = ['webhooks'];

/**
 * Webhooks on figure changes: register, list, remove, and each one's delivery log (API and a
 * dashboard page). Deliveries themselves run in the webhook stage (`tally worker webhooks`, or
 * `tally start`). Answers the delivery queue, for Bull Board (dead-lettered deliveries are retried there).
 */
export function webhookRoutes(app: FastifyInstance, ports: WebhookPorts, config: WebhookSettings): { queue: Queue } {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deliveries = new DeliveryLog(ports.redis, config.QUEUE_PREFIX);
  const queue = createDeliveryQueue(ports.redis, config.QUEUE_PREFIX);
  app.addHook('onClose', async () => queue.close());
  // Resolved on first use: a key file is made only once someone registers a webhook.
  let key: WebhookKey | null | undefined;
  const keyOf = () => {
    if (key === undefined) key = webhookKeyFor(config);
    if (!key) throw new ApiError('TALLY_ERR_WEBHOOKS_NOT_CONFIGURED');
    return key;
  };
  const found = async (id: string) => {
    const webhook = await getWebhook(ports.store, id);
    if (!webhook || webhook.removedPosition !== null) {
      throw new ApiError('TALLY_ERR_WEBHOOK_NOT_FOUND', `no webhook with id ${id}`);
    }
    return webhook;
  };

  r.post(
    '/webhooks',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: 'Register a webhook on figure changes',
        description:
          'Appends `WebhookRegistered` on the stream `webhook-<id>` (the secret sealed). From then on every change to a figure whose key matches `pattern` is POSTed to `url` as JSON `{ type: "figure.changed", webhookId, position, idempotencyKey, figureKeys, change }`, with `Tally-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" under the secret>`, `Idempotency-Key: <log position>` (the same in every attempt), `Tally-Webhook-Id` and `Tally-Delivery-Attempt`. A non-2xx answer is retried with exponential backoff (`WEBHOOK_RETRY_DELAY_MS`, doubling) up to `WEBHOOK_MAX_ATTEMPTS` attempts, then dead-lettered. At least once: deduplicate on the idempotency key.',
        security,
        body: NewWebhook,
        response: { 201: WebhookCreated, 400: ErrorBody, 401: ErrorBody, 415: ErrorBody, 503: ErrorBody },
      },
    },
    async (request, reply) => {
      const { url, pattern, secret, description } = request.body;
      let created: Awaited<ReturnType<typeof registerWebhook>>;
      try {
        created = await registerWebhook(
          ports.store,
          keyOf(),
          { url, pattern, secret, description },
          {
            allow: config.HTTP_ALLOW,
          },
        );
      } catch (err) {
        if (err instanceof InvalidWebhookError)
          throw new ApiError('TALLY_ERR_INVALID_WEBHOOK', err.message, { reason: err.code });
        throw err;
      }
      request.log.info({ webhookId: created.webhook.webhookId, pattern }, 'webhook registered');
      reply.code(201);
      return { webhook: viewOf(created.webhook), secret: secret === undefined ? created.secret : null };
    },
  );

  r.get(
    '/webhooks',
    {
      config: { access: 'operator' },
      schema: {
        tags,
        summary: 'The registered webhooks (never their secrets)',
        security,
        response: { 200: WebhooksAnswer, 401: ErrorBody },
      },
    },
    async () => ({ webhooks: (await listWebhooks(ports.store)).map(viewOf) }),
  );

  r.get(
    '/webhooks/:id',
    {
      config: { access: 'operator' },
      schema: {
        tags,
        summary: 'One webhook',
        security,
        params: WebhookParams,
        response: { 200: WebhookAnswer, 400: ErrorBody, 401: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => ({ webhook: viewOf(await found(request.params.id)) }),
  );

  r.delete(
    '/webhooks/:id',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: 'Remove a webhook',
        description:
          'Appends `WebhookRemoved`: no change after it is delivered, and attempts still queued are skipped.',
        security,
        params: WebhookParams,
        response: { 204: z.null().describe('Removed.'), 400: ErrorBody, 401: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      if (!(await removeWebhook(ports.store, request.params.id, 'removed through the API'))) {
        throw new ApiError('TALLY_ERR_WEBHOOK_NOT_FOUND', `no webhook with id ${request.params.id}`);
      }
      request.log.info({ webhookId: request.params.id }, 'webhook removed');
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/webhooks/:id/deliveries',
    {
      config: { access: 'operator' },
      schema: {
        tags,
        summary: "A webhook's delivery log, newest first",
        description:
          "Every attempt: `delivered` (2xx), `failed` (another answer or none; `retryInMs` says when the next is due), `dead` (the attempts ran out, or no retry can mend it: a refused address, a secret sealed under another key; the job stays in the `webhook` queue's failed set, to be retried from Bull Board), `skipped` (the webhook was removed first). The last 500 attempts are kept.",
        security,
        params: WebhookParams,
        querystring: DeliveriesQuery,
        response: { 200: DeliveriesAnswer, 400: ErrorBody, 401: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      await found(request.params.id);
      return { deliveries: await deliveries.recent(request.params.id, request.query.limit) };
    },
  );

  r.get(
    '/webhooks/page',
    { config: { access: 'operator', challenge: 'basic' }, schema: { hide: true } },
    async (_request, reply) => {
      const webhooks = await listWebhooks(ports.store);
      const recent = await Promise.all(webhooks.map((w) => deliveries.recent(w.webhookId, 20)));
      return reply
        .type('text/html; charset=utf-8')
        .send(webhooksPage(webhooks.map((w, i) => ({ webhook: viewOf(w), deliveries: recent[i]! }))));
    },
  );

  return { queue };
}
