import { InvalidSearchError } from '@tally/projection-store';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, ErrorBody } from '../apiErrors.ts';
import { type SearchResults, searchPage } from '../dashboard/searchPage.ts';
import type { ProjectionReads } from '../ProjectionReads.ts';
import { linkNextPage } from '../pageLinks.ts';
import { SearchAnswer, type SearchKind, SearchQuery } from '../searchSchemas.ts';

const HTML = 'text/html; charset=utf-8';

/** The page's query: as the API's, but an empty box shows the form instead of an error. */
const SearchPageQuery = SearchQuery.extend({ q: SearchQuery.shape.q.optional().or(z.literal('')) });

type Search = Pick<ProjectionReads, 'searchFigures' | 'searchArticles'>;

/** Runs a search; a cursor or query the index cannot take is the client's error (400), not ours. */
async function runSearch(
  reads: Search,
  kind: SearchKind,
  options: { query: string; limit: number; after?: string | undefined },
): Promise<SearchResults> {
  try {
    return kind === 'figures'
      ? { kind, page: await reads.searchFigures(options) }
      : { kind, page: await reads.searchArticles(options) };
  } catch (err) {
    if (err instanceof InvalidSearchError) {
      throw new ApiError('TALLY_ERR_VALIDATION', err.message, [{ in: 'querystring', reason: err.reason }]);
    }
    throw err;
  }
}

/** Full-text search over the figures and the articles (the projections' search index). */
export function searchRoutes(app: FastifyInstance, reads: Search): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/search',
    {
      config: { access: 'read' },
      schema: {
        tags: ['search'],
        summary: 'Search the figures or the articles',
        description:
          'Figures by subject, recipient, measure, concept and speaker; articles by title, outlet, byline and text. Best first (a match in a name or title ranks above one in the text); pass `next` as `after` for the next page, or follow the `Link: <…>; rel="next"` header.',
        querystring: SearchQuery,
        response: { 200: SearchAnswer, 400: ErrorBody, 401: ErrorBody },
      },
    },
    async (request, reply) => {
      const { q, kind, limit, after } = request.query;
      const found = await runSearch(reads, kind, { query: q, limit, after });
      linkNextPage(request, reply, found.page.next);
      return found.kind === 'figures'
        ? { kind, figures: found.page.items, next: found.page.next }
        : { kind, articles: found.page.items, next: found.page.next };
    },
  );

  r.get(
    '/search/page',
    { config: { access: 'read', challenge: 'basic' }, schema: { hide: true, querystring: SearchPageQuery } },
    async (request, reply) => {
      const { q, kind, limit, after } = request.query;
      const query = q?.trim() ?? '';
      const found: SearchResults =
        query === ''
          ? { kind: 'figures', page: { items: [], next: null } }
          : await runSearch(reads, kind, { query, limit, after });
      return reply.type(HTML).send(searchPage(query, found));
    },
  );
}
