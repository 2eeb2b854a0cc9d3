import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApiError, ErrorBody } from '../apiErrors.ts';
import type { ProjectionReads } from '../ProjectionReads.ts';
import { linkNextPage } from '../pageLinks.ts';
import {
  ArticleAnswer,
  ArticleParams,
  ArticlesAnswer,
  ArticlesQuery,
  FeedsAnswer,
  FeedsQuery,
  FigureAnswer,
  FigureParams,
  FiguresAnswer,
  FiguresQuery,
} from '../schemas.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody };

/** Figures, articles and feeds, from the projections. */
export function readRoutes(app: FastifyInstance, reads: ProjectionReads): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'read' as const };

  r.get(
    '/figures',
    {
      config,
      schema: {
        tags: ['figures'],
        summary: 'Current figures',
        description:
          'Every tracked figure with its current statement (history and sources: `GET /figures/{key}`); with `limit`, a page at a time in key order (pass `next` as `after`, or follow the `Link: <…>; rel="next"` header).',
        querystring: FiguresQuery,
        response: { 200: FiguresAnswer, ...errors },
      },
    },
    async (request, reply) => {
      const { limit, after } = request.query;
      if (limit === undefined && after === undefined) return { figures: await reads.listFigures(), next: null };
      const page = await reads.listFigurePage({ limit: limit ?? 100, after });
      linkNextPage(request, reply, page.next);
      return { figures: page.items, next: page.next };
    },
  );

  r.get(
    '/figures/:key',
    {
      config,
      schema: {
        tags: ['figures'],
        summary: 'One figure, with its history and provenance',
        description:
          'The current statement, every statement oldest first with its sources (article, outlet, feed, URL, sentence, span; copies credited to their originals) and conflicts, and the claims behind them.',
        params: FigureParams,
        response: { 200: FigureAnswer, ...errors },
      },
    },
    async (request) => {
      const figure = await reads.getFigure(request.params.key);
      if (!figure) throw new ApiError('TALLY_ERR_FIGURE_NOT_FOUND', `no figure with key ${request.params.key}`);
      return { figure };
    },
  );

  r.get(
    '/articles',
    {
      config,
      schema: {
        tags: ['articles'],
        summary: 'Articles, newest first, by stage',
        description:
          'Pages of `limit` articles, newest discovered first; pass `next` as `after` for the next page, or follow the `Link: <…>; rel="next"` header. A fetch that failed shows its reason code (`robots-disallowed` for a page the site\'s robots.txt disallows).',
        querystring: ArticlesQuery,
        response: { 200: ArticlesAnswer, ...errors },
      },
    },
    async (request, reply) => {
      const { status, limit, after } = request.query;
      const page = await reads.listArticles({ status, limit, after });
      linkNextPage(request, reply, page.next);
      return { articles: page.items, next: page.next };
    },
  );

  r.get(
    '/articles/:id',
    {
      config,
      schema: {
        tags: ['articles'],
        summary: 'One article: its stage, failures with reason codes, duplicate link, figures',
        params: ArticleParams,
        response: { 200: ArticleAnswer, ...errors },
      },
    },
    async (request) => {
      const article = await reads.getArticle(request.params.id);
      if (!article) throw new ApiError('TALLY_ERR_ARTICLE_NOT_FOUND', `no article with id ${request.params.id}`);
      return { article };
    },
  );

  r.get(
    '/feeds',
    {
      config,
      schema: {
        tags: ['feeds'],
        summary: 'Feeds with their health, last and next poll, consecutive errors, WebSub subscription',
        description:
          'Every feed in registration order; with `limit` or `after`, a page at a time in feed id order (pass `next` as `after`, or follow the `Link: <…>; rel="next"` header). `subscription` is the feed’s WebSub subscription: `state` (`none`, `pending`, `live`, `lapsed`), `hub`, `expiresAt` while live, and the latest lapse’s reason.',
        querystring: FeedsQuery,
        response: { 200: FeedsAnswer, ...errors },
      },
    },
    async (request, reply) => {
      const { limit, after } = request.query;
      const feeds = await reads.listFeeds();
      if (limit === undefined && after === undefined) return { feeds, next: null };
      // Feeds number in the thousands at most: a page is cut from the whole list, in id order, so
      // a cursor stays valid however registrations interleave.
      const rest = feeds
        .filter((f) => after === undefined || f.feedId > after)
        .sort((a, b) => (a.feedId < b.feedId ? -1 : a.feedId > b.feedId ? 1 : 0));
      const size = limit ?? 100;
      const page = rest.slice(0, size);
      const next = rest.length > size ? (page.at(-1)?.feedId ?? null) : null;
      linkNextPage(request, reply, next);
      return { feeds: page, next };
    },
  );
}
