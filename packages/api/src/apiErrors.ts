import { z } from 'zod';

/**
 * Every error the API answers with: a stable code, its HTTP status and a default message. Clients
 * branch on `code`, never on `message`. New failures get a new code here; a code is never reused
 * for another meaning.
 */
export const apiErrors = {
  TALLY_ERR_VALIDATION: { status: 400, message: 'the request does not match its schema' },
  TALLY_ERR_MALFORMED_JSON: { status: 400, message: 'the request body is not valid JSON' },
  TALLY_ERR_INVALID_FEED_URL: { status: 400, message: 'the feed URL is not an http(s) URL' },
  TALLY_ERR_FEED_URL_CREDENTIALS: {
    status: 400,
    message:
      'the feed URL carries credentials (user:password@): feed URLs are recorded in the log and shown to readers, so they are refused',
  },
  TALLY_ERR_INVALID_OPML: {
    status: 400,
    message:
      'the body is not a readable OPML subscription list (details.reason: too-large, bad-encoding, doctype, malformed, too-deep, not-opml, too-many-feeds); nothing was registered',
  },
  TALLY_ERR_INVALID_WEBHOOK: {
    status: 400,
    message:
      'the webhook cannot be registered (details.reason: invalid-url, url-credentials, refused-address, invalid-pattern)',
  },
  TALLY_ERR_INVALID_POLL_BOUNDS: {
    status: 400,
    message: 'the shortest polling interval asked for is longer than the longest (given or kept)',
  },
  TALLY_ERR_BAD_REQUEST: { status: 400, message: 'the request is not valid HTTP' },
  TALLY_ERR_UNAUTHORIZED: { status: 401, message: 'a valid bearer token is required' },
  TALLY_ERR_TOKEN_NOT_CONFIGURED: {
    status: 401,
    message: 'this route needs a token and none is configured: set API_TOKEN (or listen on loopback only)',
  },
  TALLY_ERR_FORBIDDEN_SCOPE: {
    status: 403,
    message:
      "the token is valid but lacks the scope this route needs (details.needed: read, write or operator; details.scopes: the token's)",
  },
  TALLY_ERR_ORIGIN_NOT_ALLOWED: {
    status: 403,
    message: 'a write from a page of another origin is refused (the Origin is neither this API nor a configured host)',
  },
  TALLY_ERR_NOT_FOUND: { status: 404, message: 'no such route' },
  TALLY_ERR_FIGURE_NOT_FOUND: { status: 404, message: 'no such figure' },
  TALLY_ERR_ARTICLE_NOT_FOUND: { status: 404, message: 'no such article' },
  TALLY_ERR_FEED_NOT_FOUND: { status: 404, message: 'no such feed (or it is removed already)' },
  TALLY_ERR_WEBHOOK_NOT_FOUND: { status: 404, message: 'no such webhook (or it is removed already)' },
  TALLY_ERR_TOKEN_NOT_FOUND: { status: 404, message: 'no live API token with that id (unknown, or revoked already)' },
  TALLY_ERR_STREAM_NOT_FOUND: { status: 404, message: 'no such stream: the log holds no event of it' },
  TALLY_ERR_EVENT_NOT_FOUND: { status: 404, message: 'no event at that position (past the log head)' },
  TALLY_ERR_FEED_PAUSED: { status: 409, message: 'the feed is paused: resume it first' },
  TALLY_ERR_WEBSUB_NOT_CONFIGURED: {
    status: 404,
    message: 'WebSub is not configured here (WEBSUB_CALLBACK_URL): no subscription is wanted',
  },
  TALLY_ERR_WEBSUB_NOT_WANTED: {
    status: 404,
    message: 'no such subscription is wanted: the feed has none pending for that topic (or wants it still)',
  },
  TALLY_ERR_WEBSUB_REFUSED: {
    status: 403,
    message:
      'the content distribution is refused, nothing was recorded (details.reason: signature-missing, signature-malformed, signature-unsupported, signature-mismatch, not-a-feed)',
  },
  TALLY_ERR_WEBSUB_NO_SUBSCRIPTION: {
    status: 410,
    message: 'the feed has no live WebSub subscription: the distribution is refused, nothing was recorded',
  },
  TALLY_ERR_REQUEST_TIMEOUT: { status: 408, message: 'the request did not arrive in time (API_REQUEST_TIMEOUT_MS)' },
  TALLY_ERR_BODY_TOO_LARGE: { status: 413, message: 'the request body is larger than the limit' },
  TALLY_ERR_URI_TOO_LONG: { status: 414, message: 'a path parameter is longer than the router accepts' },
  TALLY_ERR_UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'unsupported content type: send application/json' },
  TALLY_ERR_HOST_NOT_ALLOWED: {
    status: 421,
    message: 'this API does not answer to that Host: add the name to API_ALLOWED_HOSTS',
  },
  TALLY_ERR_TOO_MANY_STREAMS: { status: 429, message: 'too many open streams: try again later' },
  TALLY_ERR_TOO_MANY_CLIENT_STREAMS: {
    status: 429,
    message: 'this client has too many open streams: close one first (API_MAX_STREAMS_PER_CLIENT)',
  },
  TALLY_ERR_RATE_LIMITED: {
    status: 429,
    message: 'too many requests from this client: wait for Retry-After seconds (API_RATE_LIMIT_MAX)',
  },
  TALLY_ERR_HEADERS_TOO_LARGE: { status: 431, message: 'the request headers are larger than the limit' },
  TALLY_ERR_INTERNAL: { status: 500, message: 'internal error' },
  TALLY_ERR_OVERLOADED: {
    status: 503,
    message: 'the API is overloaded (its event loop lags): try again after Retry-After seconds',
  },
  TALLY_ERR_WEBHOOKS_NOT_CONFIGURED: {
    status: 503,
    message:
      'webhooks need WEBHOOK_SECRET_KEY with a log on PostgreSQL (the same key in every API and webhook worker process)',
  },
} as const satisfies Record<string, { status: number; message: string }>;

export type ApiErrorCode = keyof typeof apiErrors;

/** The body of every error response. */
export const ErrorBody = z
  .object({
    statusCode: z.number().int(),
    code: z.enum(Object.keys(apiErrors) as [ApiErrorCode, ...ApiErrorCode[]]),
    message: z.string(),
    details: z.unknown().optional(),
  })
  .meta({ id: 'Error', description: 'Every error answer: a stable `TALLY_ERR_*` code and its HTTP status.' });
export type ErrorBody = z.infer<typeof ErrorBody>;

/** An error with a code of the registry; the error handler turns it into its status and body. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly statusCode: number;
  constructor(
    readonly code: ApiErrorCode,
    message?: string,
    readonly details?: unknown,
  ) {
    super(message ?? apiErrors[code].message);
    this.statusCode = apiErrors[code].status;
  }

  toBody(): ErrorBody {
    return {
      statusCode: this.statusCode,
      code: this.code,
      message: this.message,
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }
}

/** Fastify's own error codes, by the registry code they mean to a client. */
const fastifyCodes: Record<string, ApiErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'TALLY_ERR_BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'TALLY_ERR_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_JSON_BODY: 'TALLY_ERR_MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'TALLY_ERR_MALFORMED_JSON',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'TALLY_ERR_VALIDATION',
  FST_ERR_VALIDATION: 'TALLY_ERR_VALIDATION',
  FST_ERR_NOT_FOUND: 'TALLY_ERR_NOT_FOUND',
  FST_ERR_BAD_URL: 'TALLY_ERR_VALIDATION',
  FST_ERR_MAX_PARAM_LENGTH: 'TALLY_ERR_URI_TOO_LONG',
  FST_ERR_ASYNC_CONSTRAINT: 'TALLY_ERR_VALIDATION',
};

interface FastifyLikeError {
  code?: unknown;
  statusCode?: unknown;
  message?: unknown;
  validation?: unknown;
  validationContext?: unknown;
}

/** A zod issue as a client sees it: where, and what is wrong. */
function issuesOf(validation: unknown, context: unknown): unknown {
  if (!Array.isArray(validation)) return undefined;
  return validation.map((v: { instancePath?: string; message?: string }) => ({
    in: typeof context === 'string' ? context : undefined,
    path: v.instancePath ?? '',
    message: v.message ?? 'invalid',
  }));
}

/**
 * Maps any thrown error to a registry error. Errors the registry does not know are internal (500):
 * their message is logged, never sent, so nothing about the inside leaks to a client.
 */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const e = (err ?? {}) as FastifyLikeError;
  if (Array.isArray(e.validation)) {
    return new ApiError(
      'TALLY_ERR_VALIDATION',
      `invalid ${typeof e.validationContext === 'string' ? e.validationContext : 'request'}`,
      issuesOf(e.validation, e.validationContext),
    );
  }
  const mapped = typeof e.code === 'string' ? fastifyCodes[e.code] : undefined;
  if (mapped) {
    const message = mapped === 'TALLY_ERR_MALFORMED_JSON' && typeof e.message === 'string' ? e.message : undefined;
    return new ApiError(mapped, message);
  }
  // A JSON syntax error from the body parser carries a 400 but no Fastify code on some paths.
  if (err instanceof SyntaxError && e.statusCode === 400) return new ApiError('TALLY_ERR_MALFORMED_JSON', err.message);
  if (typeof e.statusCode === 'number') {
    if (e.statusCode === 413) return new ApiError('TALLY_ERR_BODY_TOO_LARGE');
    if (e.statusCode === 415) return new ApiError('TALLY_ERR_UNSUPPORTED_MEDIA_TYPE');
    if (e.statusCode === 404) return new ApiError('TALLY_ERR_NOT_FOUND');
    if (e.statusCode >= 400 && e.statusCode < 500) {
      return new ApiError('TALLY_ERR_VALIDATION', typeof e.message === 'string' ? e.message : undefined);
    }
  }
  return new ApiError('TALLY_ERR_INTERNAL');
}
