import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, ErrorBody } from '../apiErrors.ts';
import { identifierText } from '../requestText.ts';

/** Why a distribution was refused (nothing recorded). */
type Refusal =
  | 'no-subscription'
  | 'signature-missing'
  | 'signature-malformed'
  | 'signature-unsupported'
  | 'signature-mismatch'
  | 'not-a-feed';

/**
 * The WebSub subscriber's side the callback route needs, given by the process that polls (it keeps
 * the feed states): the hub's verification of intent, and its content distributions.
 */
export interface WebSubCallbacks {
  /** The challenge to echo, or null when no such subscription is wanted. */
  verify(
    feedId: string,
    v: {
      mode: 'subscribe' | 'unsubscribe' | 'denied';
      topic: string;
      challenge: string;
      leaseSeconds: number | null;
      reason: string | null;
    },
  ): Promise<string | null>;
  distribute(
    feedId: string,
    d: { body: Buffer; contentType: string | null; signature: string | undefined },
  ): Promise<
    { accepted: true; newItems: number; items: number; duplicate: boolean } | { accepted: false; reason: Refusal }
  >;
}

const Params = z.object({ feedId: identifierText(z.string().min(1).max(100)) });
const Verification = z.object({
  'hub.mode': z.enum(['subscribe', 'unsubscribe', 'denied']),
  'hub.topic': z.string().min(1).max(8192),
  'hub.challenge': z.string().min(1).max(1000).optional(),
  'hub.lease_seconds': z.coerce.number().int().positive().optional(),
  'hub.reason': z.string().max(1000).optional(),
});
const Accepted = z.object({
  accepted: z.literal(true),
  items: z.number().int(),
  newItems: z.number().int(),
  duplicate: z.boolean().describe('The same content was distributed before: nothing new was recorded.'),
});

const tags = ['websub'];

/**
 * WebSub callbacks (`/websub/:feedId`), public as a hub must reach them: the hub's verification of
 * intent (GET, echoing `hub.challenge` only for a subscription this Tally asked for) and its
 * content distributions (POST, any feed media type, recorded only when `X-Hub-Signature` is the
 * HMAC of the raw body under the subscription's secret).
 */
export function websubRoutes(app: FastifyInstance, websub: WebSubCallbacks | null, bodyLimit: number): void {
  const ready = () => {
    if (!websub) throw new ApiError('TALLY_ERR_WEBSUB_NOT_CONFIGURED');
    return websub;
  };
  app.register(async (scope) => {
    // A distribution is the feed's own bytes, whatever its media type; the signature covers them raw.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, (_request, body, done) => done(null, body));
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/websub/:feedId',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: "A hub's verification of intent",
          description:
            'WebSub §5.3: answers `hub.challenge` as text/plain when the feed has a subscription of `hub.topic` pending (or being renewed), and appends `FeedSubscribed` with the lease granted; 404 otherwise, so nobody else can subscribe this Tally. `hub.mode=denied` lapses the subscription (`FeedSubscriptionLapsed`, reason `hub-denied`).',
          params: Params,
          querystring: Verification,
          response: { 200: z.string(), 400: ErrorBody, 404: ErrorBody },
        },
      },
      async (request, reply) => {
        const q = request.query;
        const challenge = await ready().verify(request.params.feedId, {
          mode: q['hub.mode'],
          topic: q['hub.topic'],
          challenge: q['hub.challenge'] ?? '',
          leaseSeconds: q['hub.lease_seconds'] ?? null,
          reason: q['hub.reason'] ?? null,
        });
        if (challenge === null) throw new ApiError('TALLY_ERR_WEBSUB_NOT_WANTED');
        return reply.type('text/plain; charset=utf-8').send(challenge);
      },
    );

    r.post(
      '/websub/:feedId',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: "A hub's content distribution",
          description:
            "WebSub §7–8: the feed document as the hub sends it. Recorded only when `X-Hub-Signature: sha256=<hex>` (or sha1, sha384, sha512) is the HMAC of the raw body under the secret of the feed's live subscription: its items become articles as a poll's do (once each), then `FeedContentDistributed` (once per content). Refused with nothing recorded: 403 `TALLY_ERR_WEBSUB_REFUSED` (`details.reason`), 410 `TALLY_ERR_WEBSUB_NO_SUBSCRIPTION`.",
          params: Params,
          response: { 202: Accepted, 403: ErrorBody, 404: ErrorBody, 410: ErrorBody, 413: ErrorBody },
        },
      },
      async (request, reply) => {
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const signature = request.headers['x-hub-signature'];
        const outcome = await ready().distribute(request.params.feedId, {
          body,
          contentType: request.headers['content-type'] ?? null,
          signature: Array.isArray(signature) ? signature[0] : signature,
        });
        if (!outcome.accepted) {
          if (outcome.reason === 'no-subscription') throw new ApiError('TALLY_ERR_WEBSUB_NO_SUBSCRIPTION');
          throw new ApiError('TALLY_ERR_WEBSUB_REFUSED', undefined, { reason: outcome.reason });
        }
        return reply.code(202).send(outcome);
      },
    );
  });
}
