import { type OpmlImport, OpmlImportError } from '@tally/ingest';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApiError, ErrorBody } from '../apiErrors.ts';
import type { FeedRoutePorts } from '../FeedCommands.ts';
import { OpmlImported } from '../schemas.ts';

/** The media types an OPML upload may carry. */
export const OPML_TYPES = ['text/x-opml', 'application/x-opml', 'application/xml', 'text/xml'];
/** The largest OPML body read (about 10,000 feeds), over API_BODY_LIMIT's JSON default on purpose. */
export const OPML_BODY_LIMIT = 1_048_576;
const OPML_TYPE = 'text/x-opml; charset=utf-8';

/**
 * OPML import and export: `POST /feeds/opml` registers a subscription list's feeds (folders as
 * tags) as `POST /feeds` registers one, `GET /feeds.opml` writes the registered feeds back. The
 * OPML body parser lives in this plugin's scope only: every other route still takes JSON alone.
 */
export async function opmlRoutes(app: FastifyInstance, ports: FeedRoutePorts): Promise<void> {
  app.addContentTypeParser(OPML_TYPES, { parseAs: 'buffer', bodyLimit: OPML_BODY_LIMIT }, (_request, body, done) =>
    done(null, body),
  );
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/feeds/opml',
    {
      bodyLimit: OPML_BODY_LIMIT,
      config: { access: 'write' },
      schema: {
        tags: ['feeds'],
        summary: 'Import an OPML subscription list',
        description: `Send the OPML document as the body (\`${OPML_TYPES.join('`, `')}\`; at most 1 MiB). Every outline with an \`xmlUrl\` is registered as \`POST /feeds\` registers one (\`FeedRegistered\`, source \`api\`, first poll scheduled), its folders kept as tags; feeds registered already are left as they are. A document that is not readable OPML (malformed, a DOCTYPE or entity declarations, folders over 32 deep, over 10,000 feeds) is refused with \`TALLY_ERR_INVALID_OPML\` and \`details.reason\`, one that lists a URL with credentials with \`TALLY_ERR_FEED_URL_CREDENTIALS\`: either way nothing is registered. Answers 201 when a feed was added, else 200.`,
        security: [{ bearer: [] }],
        consumes: OPML_TYPES,
        response: {
          200: OpmlImported,
          201: OpmlImported,
          400: ErrorBody,
          401: ErrorBody,
          413: ErrorBody,
          415: ErrorBody,
        },
      },
    },
    async (request, reply) => {
      // The app's JSON parser is still in scope: a JSON body is not an OPML document.
      if (!Buffer.isBuffer(request.body)) {
        throw new ApiError(
          'TALLY_ERR_UNSUPPORTED_MEDIA_TYPE',
          `send the OPML document itself as the body (${OPML_TYPES.join(', ')})`,
        );
      }
      let result: OpmlImport;
      try {
        result = await ports.feeds.importOpml(request.body, 'api', {
          maxBytes: OPML_BODY_LIMIT,
          contentType: request.headers['content-type'] ?? null,
        });
      } catch (err) {
        if (err instanceof OpmlImportError) {
          if (err.code === 'feed-url-credentials') throw new ApiError('TALLY_ERR_FEED_URL_CREDENTIALS', err.message);
          throw new ApiError('TALLY_ERR_INVALID_OPML', err.message, { reason: err.code });
        }
        throw err;
      }
      const created = result.feeds.filter((f) => f.created);
      // The same job ids the poller's reconciliation would use, so the two never poll twice.
      for (const f of created) {
        await ports.queues.enqueue('pollFeed', { feedId: f.feedId, slot: 'first', reschedule: true, runId: null });
      }
      request.log.info(
        { created: result.created, existing: result.existing, skipped: result.skipped.length },
        'OPML imported',
      );
      reply.code(result.created > 0 ? 201 : 200);
      return result;
    },
  );

  r.get(
    '/feeds.opml',
    {
      config: { access: 'read' },
      schema: {
        tags: ['feeds'],
        summary: 'Export the registered feeds as OPML',
        description:
          'An OPML 2.0 subscription list (`text/x-opml`) of every registered feed, removed ones left out: its current URL, title, and tags (the first as its folder, the others as `category`), so `POST /feeds/opml` of it registers the same feeds with the same tags.',
        produces: ['text/x-opml'],
      },
    },
    async (_request, reply) => {
      const xml = await ports.feeds.exportOpml();
      return reply.type(OPML_TYPE).header('content-disposition', 'inline; filename="tally-feeds.opml"').send(xml);
    },
  );
}
