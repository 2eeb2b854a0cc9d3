import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import type { EventStore } from '@tally/event-store';
import { makeEvent, type StoredEvent, streams } from '@tally/events';
import { isRefusedAddress } from '@tally/http-fetch';
import { compileFigurePattern } from './figurePattern.ts';
import type { WebhookKey } from './WebhookKey.ts';

/** A webhook as its stream folds: what it delivers, where, since when. */
export interface Webhook {
  webhookId: string;
  url: string;
  pattern: string;
  description: string | null;
  /** Only the worker opens it (with the deployment's key); never shown, never logged. */
  sealedSecret: string;
  registeredAt: string;
  /** Log position of the registration: changes after it are delivered. */
  registeredPosition: number;
  removedAt: string | null;
  /** Log position of the removal: changes from it on are not delivered. */
  removedPosition: number | null;
  /** Events in the webhook's stream (its expected version for the next append). */
  version: number;
}

export const webhookEventTypes = ['WebhookRegistered', 'WebhookRemoved'] as const;

/** Folds one event of a webhook's stream. */
export function evolveWebhook(state: Webhook | null, event: StoredEvent): Webhook | null {
  switch (event.type) {
    case 'WebhookRegistered':
      return {
        webhookId: event.data.webhookId,
        url: event.data.url,
        pattern: event.data.pattern,
        description: event.data.description,
        sealedSecret: event.data.sealedSecret,
        registeredAt: event.recordedAt,
        registeredPosition: event.position,
        removedAt: null,
        removedPosition: null,
        version: event.streamVersion,
      };
    case 'WebhookRemoved':
      return state
        ? { ...state, removedAt: event.recordedAt, removedPosition: event.position, version: event.streamVersion }
        : null;
    default:
      return state;
  }
}

/** Whether the webhook is told about a change at `position`: registered before it, not removed by then. */
export function deliversAt(webhook: Webhook, position: number): boolean {
  return (
    webhook.registeredPosition < position && (webhook.removedPosition === null || webhook.removedPosition > position)
  );
}

/** Why a webhook cannot be registered. */
export class InvalidWebhookError extends Error {
  override readonly name = 'InvalidWebhookError';
  constructor(
    readonly code: 'invalid-url' | 'url-credentials' | 'refused-address' | 'invalid-pattern',
    message: string,
  ) {
    super(message);
  }
}

export interface NewWebhook {
  url: string;
  pattern: string;
  /** The signing secret; a random one is made (and answered once) when none is given. */
  secret?: string;
  description?: string | null;
}

/**
 * Checks a webhook URL as far as can be known before a delivery: http(s), no credentials (the URL
 * is recorded in the log), not an IP literal the SSRF guard refuses (`allow`: config `HTTP_ALLOW`).
 * A name is resolved, and refused when it leads to a refused address, at each delivery.
 */
export function checkWebhookUrl(text: string, allow: readonly string[]): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InvalidWebhookError('invalid-url', 'the webhook URL is not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidWebhookError('invalid-url', `only http and https webhook URLs are sent to, not ${url.protocol}`);
  }
  if (url.username || url.password) {
    throw new InvalidWebhookError(
      'url-credentials',
      'the webhook URL carries credentials (user:password@): it is recorded in the log; sign with the secret instead',
    );
  }
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const endpoint = isIP(literal) === 6 ? `[${literal}]:${port}` : `${literal}:${port}`;
  if (isIP(literal) && isRefusedAddress(literal, allow) && !allow.includes(endpoint)) {
    throw new InvalidWebhookError(
      'refused-address',
      `${literal} is a private or local address: deliveries there are refused unless HTTP_ALLOW names it`,
    );
  }
  return url;
}

/** Registers a webhook: `WebhookRegistered` on a new `webhook-<id>` stream, its secret sealed. */
export async function registerWebhook(
  store: EventStore,
  key: WebhookKey,
  input: NewWebhook,
  options: { allow?: readonly string[] } = {},
): Promise<{ webhook: Webhook; secret: string }> {
  const url = checkWebhookUrl(input.url, options.allow ?? []);
  try {
    compileFigurePattern(input.pattern);
  } catch (err) {
    throw new InvalidWebhookError('invalid-pattern', (err as Error).message);
  }
  const webhookId = `wh_${randomBytes(12).toString('base64url')}`;
  const secret = input.secret ?? `whsec_${randomBytes(24).toString('base64url')}`;
  const event = makeEvent(
    'WebhookRegistered',
    {
      webhookId,
      url: url.href,
      pattern: input.pattern,
      sealedSecret: key.seal(secret, webhookId),
      description: input.description ?? null,
    },
    [webhookId],
  );
  await store.append(streams.webhook(webhookId), [event], { expectedVersion: 'no-stream' });
  const webhook = await getWebhook(store, webhookId);
  if (!webhook) throw new Error(`webhook ${webhookId} was appended but cannot be read back`);
  return { webhook, secret };
}

export async function getWebhook(store: EventStore, webhookId: string): Promise<Webhook | null> {
  const events = await store.readStream(streams.webhook(webhookId));
  return events.reduce<Webhook | null>(evolveWebhook, null);
}

/** Appends `WebhookRemoved`; false when there is no such webhook or it is removed already. */
export async function removeWebhook(store: EventStore, webhookId: string, reason: string | null): Promise<boolean> {
  const webhook = await getWebhook(store, webhookId);
  if (!webhook || webhook.removedPosition !== null) return false;
  await store.append(
    streams.webhook(webhookId),
    [makeEvent('WebhookRemoved', { webhookId, reason }, [webhookId, 'removed'])],
    { expectedVersion: webhook.version },
  );
  return true;
}

/**
 * Every webhook, removed ones included, in registration order, folded from the log after
 * `after` onto `known` (a dispatcher keeps its fold and reads only what is new).
 */
export async function foldWebhooks(
  store: EventStore,
  known: Map<string, Webhook> = new Map(),
  after = 0,
): Promise<{ webhooks: Map<string, Webhook>; readTo: number }> {
  let readTo = after;
  for (;;) {
    const page = await store.readAll({ after: readTo, limit: 500, types: webhookEventTypes });
    for (const event of page) {
      const id = (event.data as { webhookId: string }).webhookId;
      const next = evolveWebhook(known.get(id) ?? null, event);
      if (next) known.set(id, next);
      readTo = event.position;
    }
    if (page.length < 500) return { webhooks: known, readTo };
  }
}

/** The webhooks not removed, in registration order. */
export async function listWebhooks(store: EventStore): Promise<Webhook[]> {
  const { webhooks } = await foldWebhooks(store);
  return [...webhooks.values()].filter((w) => w.removedPosition === null);
}
