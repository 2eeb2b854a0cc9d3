import type { EventStore } from '@tally/event-store';
import type { QueueSet } from '@tally/queues';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { BULL_BOARD_PATH } from '../dashboard/bullBoard.ts';
import { figureNotFoundPage, figurePage, figuresIndexPage } from '../dashboard/figurePages.ts';
import { pipelinePage } from '../dashboard/pipelinePage.ts';
import type { JobDurationSampler } from '../JobDurationSampler.ts';
import type { LogCounters } from '../LogCounters.ts';
import type { ProjectionReads } from '../ProjectionReads.ts';
import { FigureParams } from '../schemas.ts';

const HTML = 'text/html; charset=utf-8';

export interface DashboardSources {
  store: Pick<EventStore, 'head'>;
  queues: QueueSet;
  reads: ProjectionReads;
  counters: LogCounters;
  sampler: JobDurationSampler;
}

/** The server-rendered pages: figures, one figure, the pipeline. No script, one inline stylesheet. */
export function dashboardRoutes(app: FastifyInstance, s: DashboardSources): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const hide = true;

  r.get('/', { config: { access: 'read', challenge: 'basic' }, schema: { hide } }, async (_request, reply) => {
    const figures = await s.reads.listFigures();
    return reply.type(HTML).send(figuresIndexPage(figures));
  });

  r.get(
    '/figures/:key/page',
    { config: { access: 'read', challenge: 'basic' }, schema: { hide, params: FigureParams } },
    async (request, reply) => {
      const figure = await s.reads.getFigure(request.params.key);
      if (!figure) return reply.code(404).type(HTML).send(figureNotFoundPage(request.params.key));
      return reply.type(HTML).send(figurePage(figure));
    },
  );

  r.get(
    '/pipeline',
    { config: { access: 'operator', challenge: 'basic' }, schema: { hide } },
    async (_request, reply) => {
      const { store, queues, reads, counters, sampler } = s;
      const [queueCounts, stats, logHead, projectionLag, feeds] = await Promise.all([
        queues.counts(),
        reads.stats(),
        store.head(),
        reads.lag().catch(() => null),
        reads.listFeeds(),
        counters.update(),
        sampler.sample(Object.values(queues.queues)),
      ]);
      return reply.type(HTML).send(
        pipelinePage({
          queues: queueCounts,
          throughput: sampler.throughput,
          counts: counters.counts,
          articlesByStatus: stats.articles.byStatus,
          logHead,
          projectionLag,
          feeds,
          at: new Date().toISOString(),
        }),
      );
    },
  );

  r.get('/admin', { config: { access: 'operator', challenge: 'basic' }, schema: { hide } }, async (_request, reply) =>
    reply.redirect(BULL_BOARD_PATH),
  );
}
