import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApiError, ErrorBody } from '../apiErrors.ts';
import type { ProjectionReads } from '../ProjectionReads.ts';
import {
  ArticleAnswer,
  ArticleParams,
  ArticlesAnswer,
  ArticlesQuery,
  FeedsAnswer,
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
          'Every tracked figure with its current statement (history and sources: `GET /figures/{key}`); with `limit`, a page at a time in key order (pass `next` as `after`).',
        querystring: FiguresQuery,
        response: { 200: FiguresAnswer, ...errors },
      },
    },
    async (request) => {
      const { limit, after } = request.query;
      if (limit === undefined && after === undefined) return { figures: await reads.listFigures(), next: null };
      const page = await reads.listFigurePage({ limit: limit ?? 100, after });
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
        description: 'Pages of `limit` articles, newest discovered first; pass `next` as `after` for the next page.',
        querystring: ArticlesQuery,
        response: { 200: ArticlesAnswer, ...errors },
      },
    },
    async (request) => {
      const { status, limit, after } = request.query;
      const page = await reads.listArticles({ status, limit, after });
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
        summary: 'Feeds with their health, last and next poll, consecutive errors',
        response: { 200: FeedsAnswer, 401: ErrorBody },
      },
    },
    async () => ({ feeds: await reads.listFeeds() }),
  );
}
