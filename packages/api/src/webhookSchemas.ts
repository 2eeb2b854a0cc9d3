import { MAX_PATTERN_LENGTH } from '@tally/webhooks';
import { z } from 'zod';
import { freeText, identifierText } from './requestText.ts';

/** Requests and answers of the webhook routes (see `schemas.ts` for the others). */

export const NewWebhook = z
  .object({
    url: identifierText(z.string().min(1).max(2048)).describe(
      'Where deliveries are POSTed (http or https, without credentials). A private or local address is refused unless `HTTP_ALLOW` names it.',
    ),
    pattern: identifierText(z.string().min(1).max(MAX_PATTERN_LENGTH))
      .default('*')
      .describe(
        'Figure keys to deliver: `*` is any run of characters (`transfer:*`, `*:container`); `*` alone: every figure.',
      ),
    secret: identifierText(z.string().min(16).max(256))
      .optional()
      .describe('The signing secret (16 to 256 characters); left out, one is made and answered once, in this 201.'),
    description: freeText(z.string().max(300)).optional(),
  })
  .strict()
  .meta({ id: 'NewWebhook' });

export const WebhookView = z
  .object({
    webhookId: z.string(),
    url: z.string(),
    pattern: z.string(),
    description: z.string().nullable(),
    registeredAt: z.string(),
    registeredPosition: z.number().int(),
  })
  .meta({ id: 'Webhook', description: 'A webhook as registered; its secret is never shown.' });

export const WebhookCreated = z
  .object({
    webhook: WebhookView,
    secret: z
      .string()
      .nullable()
      .describe('The secret made for this webhook when none was given (shown this once); null when you gave one.'),
  })
  .meta({ id: 'WebhookCreated' });

export const WebhooksAnswer = z.object({ webhooks: z.array(WebhookView) });
export const WebhookAnswer = z.object({ webhook: WebhookView });
export const WebhookParams = z.object({ id: identifierText(z.string().min(1).max(100)) });

export const DeliveryAttemptView = z
  .object({
    webhookId: z.string(),
    position: z.number().int().describe("The change's log position: the delivery's `Idempotency-Key`."),
    attempt: z.number().int(),
    status: z.enum(['delivered', 'failed', 'dead', 'skipped']),
    at: z.string(),
    httpStatus: z.number().int().nullable(),
    error: z.string().nullable(),
    durationMs: z.number().nullable(),
    retryInMs: z.number().nullable().describe('For `failed`: when the next attempt is due.'),
  })
  .meta({ id: 'DeliveryAttempt' });

export const DeliveriesQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });
export const DeliveriesAnswer = z.object({ deliveries: z.array(DeliveryAttemptView) });
