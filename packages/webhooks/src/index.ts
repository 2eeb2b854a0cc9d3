export { type DeliveryAttempt, DeliveryLog } from './deliveryLog.ts';
export {
  createDeliveryQueue,
  type DeliverWebhook,
  type DeliveryRetry,
  deliveryJobId,
  WEBHOOK_QUEUE,
} from './deliveryQueue.ts';
export { compileFigurePattern, type FigurePattern, MAX_PATTERN_LENGTH } from './figurePattern.ts';
export {
  type DeliveryLogger,
  startWebhookDelivery,
  type WebhookDelivery,
  type WebhookDeliveryOptions,
} from './startWebhookDelivery.ts';
export {
  type FigureChangeLike,
  type FigureChangeSource,
  WebhookDispatcher,
  type WebhookDispatcherOptions,
} from './WebhookDispatcher.ts';
export { resolveWebhookKey, SealedSecretError, WEBHOOK_KEY_FILE, WebhookKey, webhookKeyFor } from './WebhookKey.ts';
export {
  checkWebhookUrl,
  deliversAt,
  evolveWebhook,
  getWebhook,
  InvalidWebhookError,
  listWebhooks,
  type NewWebhook,
  registerWebhook,
  removeWebhook,
  type Webhook,
  webhookEventTypes,
} from './webhookRegistry.ts';
export {
  ATTEMPT_HEADER,
  DEFAULT_TOLERANCE_SEC,
  IDEMPOTENCY_HEADER,
  SIGNATURE_HEADER,
  type SignatureCheck,
  signatureHeader,
  verifySignature,
  WEBHOOK_ID_HEADER,
} from './webhookSignature.ts';
