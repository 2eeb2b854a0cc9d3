import { emptyFeed, type FeedRow, feedHealth } from '@tally/projections';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../apiErrors.ts';
import { type FeedsNotice, feedsPage } from '../dashboard/feedsPage.ts';
import type { FeedDiscovery, FeedRoutePorts, FeedSummary } from '../FeedCommands.ts';
import { freeText, identifierText } from '../requestText.ts';
import { FeedParams } from '../schemas.ts';
import { feedCommandError } from './feedOperationRoutes.ts';
import { registerFeed } from './registerFeed.ts';

const HTML = 'text/html; charset=utf-8';
const FORM = 'application/x-www-form-urlencoded';

/** A form field left empty is a field not given. */
const field = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const AddForm = z.object({
  url: identifierText(z.string().min(1).max(2048)),
  title: field(freeText(z.string().max(300))),
  direct: field(z.literal('1')),
});

const interval = z.preprocess(
  (v) => (typeof v === 'string' ? (v.trim() === '' ? null : Number(v.trim())) : v),
  z.number().int().min(60).max(2_592_000).nullable(),
);
const EditForm = z.object({
  // An empty title goes back to the feed's own; empty bounds to the deployment's.
  title: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
    freeText(z.string().max(300)).nullable(),
  ),
  tags: freeText(z.string().max(2200))
    .transform((s) =>
      s
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().max(100)).max(20)),
  minIntervalSec: interval,
  maxIntervalSec: interval,
});

const Action = z.enum(['edit', 'pause', 'resume', 'poll', 'clear-errors', 'remove']);
const ActionParams = FeedParams.extend({ action: Action });
const PageQuery = z.object({
  done: field(Action.or(z.literal('add'))),
  feed: field(identifierText(z.string().max(200))),
});

const doneText: Record<z.infer<typeof PageQuery>['done'] & string, string> = {
  add: 'Feed added: its first poll is on its way.',
  edit: 'Feed edited.',
  pause: 'Feed paused.',
  resume: 'Feed resumed.',
  poll: 'Poll asked for.',
  'clear-errors': 'Errors cleared.',
  remove: 'Feed removed.',
};

/** The projection's row with the write side's word on its poll status: the list may lag the log by a moment. */
function withState(row: FeedRow | undefined, s: FeedSummary): FeedRow {
  const base = row ?? { ...emptyFeed(s.feedId, 0), url: s.url, registeredUrl: s.url };
  const next: FeedRow = {
    ...base,
    title: s.title,
    tags: s.tags,
    removed: s.removed,
    paused: s.paused,
    consecutiveErrors: s.consecutiveErrors,
    lastReason: s.lastReason,
    nextPollAt: s.nextCheckAt,
    minIntervalSec: s.minIntervalSec,
    maxIntervalSec: s.maxIntervalSec,
  };
  return { ...next, health: feedHealth(next) };
}

/**
 * The dashboard's feeds page (`GET /feeds/page`, operator access) and the forms it posts: the same
 * commands as the API's, each answered by a redirect back to the page (POST, redirect, GET), or
 * the page with the refusal. Forms carry no script; their body parser lives in this scope only.
 */
export async function feedsPageRoutes(app: FastifyInstance, ports: FeedRoutePorts): Promise<void> {
  app.addContentTypeParser(FORM, { parseAs: 'string' }, (_request, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  const r = app.withTypeProvider<ZodTypeProvider>();
  const hide = true;
  const { feeds } = ports;

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    view: { notice: FeedsNotice | null; discovered?: FeedDiscovery | null; fresh?: string },
  ) {
    let rows = await ports.reads.listFeeds();
    const fresh = view.fresh ? await feeds.get(view.fresh) : null;
    if (fresh) {
      const i = rows.findIndex((f) => f.feedId === fresh.feedId);
      rows = i < 0 ? [...rows, withState(undefined, fresh)] : rows.with(i, withState(rows[i], fresh));
    }
    const page = feedsPage({
      feeds: rows,
      notice: view.notice,
      discovered: view.discovered ?? null,
      writeAccess: ports.writeAccess(request),
    });
    // The page's forms post to this origin: with helmet's `no-referrer`, browsers send `Origin: null`
    // on them, which the write guard refuses. `same-origin` sends the origin to this API alone.
    return reply.code(status).type(HTML).header('referrer-policy', 'same-origin').send(page);
  }
  const refused = (request: FastifyRequest, reply: FastifyReply, err: unknown, feedId?: string) => {
    const e = feedCommandError(err);
    if (!(e instanceof ApiError)) throw e;
    return render(request, reply, e.statusCode, { notice: { kind: 'error', text: e.message }, fresh: feedId });
  };
  const done = (reply: FastifyReply, action: string, feedId: string) =>
    reply.redirect(`/feeds/page?done=${action}&feed=${encodeURIComponent(feedId)}#feed-${feedId}`, 303);

  r.get(
    '/feeds/page',
    { config: { access: 'operator', challenge: 'basic' }, schema: { hide, querystring: PageQuery } },
    async (request, reply) => {
      const { done: action, feed } = request.query;
      return render(request, reply, 200, {
        notice: action ? { kind: 'done', text: doneText[action] } : null,
        fresh: feed,
      });
    },
  );

  r.post(
    '/feeds/page/add',
    { config: { access: 'write', challenge: 'basic' }, schema: { hide, body: AddForm } },
    async (request, reply) => {
      const { url, title, direct } = request.body;
      try {
        if (!direct) {
          const found = await feeds.discover(url);
          if (found.kind === 'page' && found.feeds.length > 0) {
            const notice = { kind: 'done' as const, text: `${url} is a page: pick one of the feeds it advertises.` };
            return render(request, reply, 200, { notice, discovered: found });
          }
          if (found.kind !== 'feed') {
            const why = `${url} offers no feed (${found.reason ?? 'not-a-feed'}${found.message ? `: ${found.message}` : ''}).`;
            return render(request, reply, 400, { notice: { kind: 'error', text: why } });
          }
        }
        const { feedId } = await registerFeed(ports, { url, title: title ?? null }, request.log);
        return done(reply, 'add', feedId);
      } catch (err) {
        return refused(request, reply, err);
      }
    },
  );

  r.post(
    '/feeds/page/:id/:action',
    { config: { access: 'write', challenge: 'basic' }, schema: { hide, params: ActionParams } },
    async (request, reply) => {
      const { id, action } = request.params;
      try {
        if (action === 'edit') {
          const form = EditForm.safeParse(request.body ?? {});
          if (!form.success) {
            const text = `the edit is not valid: ${form.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`;
            return render(request, reply, 400, { notice: { kind: 'error', text }, fresh: id });
          }
          await feeds.edit({ feedId: id, ...form.data });
        } else if (action === 'pause') await feeds.pause(id, 'paused from the dashboard');
        else if (action === 'resume') await feeds.resume(id);
        else if (action === 'poll') await feeds.pollNow(id);
        else if (action === 'clear-errors') await feeds.clearErrors(id);
        else if (!(await feeds.remove(id, 'removed from the dashboard')))
          throw new ApiError('TALLY_ERR_FEED_NOT_FOUND', `no registered feed with id ${id}`);
        request.log.info({ feedId: id, action }, 'feed changed from the dashboard');
        return done(reply, action, id);
      } catch (err) {
        return refused(request, reply, err, id);
      }
    },
  );
}
