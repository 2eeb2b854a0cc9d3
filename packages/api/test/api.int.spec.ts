import type { StoredEvent } from '@tally/events';
import type { FigureView } from '@tally/projection-store';
import { seedArticleIds, seedFigureKeys } from '@tally/projections/testing';
import { Worker } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrors } from '../src/index.ts';
import { auth, capturingLogger, type Harness, startSeededHarness, TOKEN } from './harness.ts';

let h: Harness;
let app: FastifyInstance;
const containers = encodeURIComponent(seedFigureKeys.containers);

beforeAll(async () => {
  ({ h, app } = await startSeededHarness());
});
afterAll(async () => {
  await h?.close();
});

function expectError(res: { statusCode: number; json(): unknown }, code: keyof typeof apiErrors) {
  expect(res.json()).toMatchObject({ code, statusCode: apiErrors[code].status });
  expect(res.statusCode).toBe(apiErrors[code].status);
}

describe('figures', () => {
  it('lists the current figures: the containers figure is nearly 11,000 (Tracey Newell, May 2024)', async () => {
    const res = await app.inject({ url: '/figures' });
    expect(res.statusCode).toBe(200);
    const { figures } = res.json() as { figures: FigureView[] };
    expect(figures.map((f) => f.figureKey).sort()).toEqual(Object.values(seedFigureKeys).sort());
    const f = figures.find((x) => x.figureKey === seedFigureKeys.containers)!;
    expect(f.current).toMatchObject({
      value: 11_000,
      bound: '~<',
      qualifier: 'nearly',
      speaker: { name: 'Tracey Newell' },
    });
    expect(f).not.toHaveProperty('history');
  });

  it('lists the figures a page at a time in key order, each once, when asked for pages', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 20; pages++) {
      const res = await app.inject({ url: `/figures?limit=2${after ? `&after=${encodeURIComponent(after)}` : ''}` });
      expect(res.statusCode).toBe(200);
      const body = res.json() as { figures: FigureView[]; next: string | null };
      expect(body.figures.length).toBeLessThanOrEqual(2);
      seen.push(...body.figures.map((f) => f.figureKey));
      after = body.next;
      if (!after) break;
    }
    expect(after).toBeNull();
    expect(seen.length).toBe(Object.values(seedFigureKeys).length);
    expect([...seen].sort()).toEqual(Object.values(seedFigureKeys).sort());
    expectError(await app.inject({ url: '/figures?limit=0' }), 'TALLY_ERR_VALIDATION');
  });

  it('serves one figure with its history, sources (copies credited) and the Kirby conflict', async () => {
    const res = await app.inject({ url: `/figures/${containers}` });
    expect(res.statusCode).toBe(200);
    const { figure } = res.json() as { figure: FigureView };
    expect(figure.history.map((s) => [s.speaker?.name, s.value, s.bound])).toEqual([
      ['John Kirby', 1000, '>'],
      ['Julianne Smith', 1000, '>'],
      ['Tracey Newell', 11_000, '~<'],
    ]);
    const kirby = figure.history[0]!;
    expect(kirby.independentSources).toBe(3);
    expect(kirby.conflicts.map((c) => c.kind)).toContain('bound');
    const r003 = kirby.sources.find((s) => s.articleId === seedArticleIds.r003)!;
    expect(r003.alsoPublishedBy.map((c) => c.outlet).sort()).toEqual(['Harbor Times', 'Riverside Gazette']);
    expect(r003.sentence).toContain('more than 1,000 containers');
    expect(r003.url).toMatch(/^https:\/\/vistula-daily\.example\//);
  });

  it('says "exactly" of no plain number: a figure its source gave without a qualifier has none', async () => {
    const res = await app.inject({ url: `/figures/${encodeURIComponent(seedFigureKeys.shellsHeld)}` });
    expect(res.statusCode).toBe(200);
    const { figure } = res.json() as { figure: FigureView };
    expect(figure.current).toMatchObject({ value: 4_000_000, bound: '=', qualifier: null });
    expect(figure.current!.sources.map((s) => s.qualifier)).toEqual(figure.current!.sources.map(() => null));
    expect(res.body).not.toContain('"exactly"');
  });

  it('answers 404 with a code for an unknown figure, and 400 / 414 for a key too long', async () => {
    expectError(await app.inject({ url: '/figures/transfer%3ANOPE' }), 'TALLY_ERR_FIGURE_NOT_FOUND');
    expectError(await app.inject({ url: `/figures/${'x'.repeat(600)}` }), 'TALLY_ERR_VALIDATION');
    expectError(await app.inject({ url: `/figures/${'x'.repeat(5000)}` }), 'TALLY_ERR_URI_TOO_LONG');
    expectError(await app.inject({ url: '/figures/%E0%A4%A' }), 'TALLY_ERR_VALIDATION');
  });
});

describe('articles', () => {
  it('pages through every article exactly once, newest first', async () => {
    const seen: string[] = [];
    let after: number | null = null;
    let pages = 0;
    do {
      const res = await app.inject({ url: `/articles?limit=2${after === null ? '' : `&after=${after}`}` });
      expect(res.statusCode).toBe(200);
      const body = res.json() as { articles: { articleId: string }[]; next: number | null };
      seen.push(...body.articles.map((a) => a.articleId));
      after = body.next;
      pages++;
    } while (after !== null && pages < 20);
    expect(seen.sort()).toEqual(Object.values(seedArticleIds).sort());
    expect(pages).toBe(4);
  });

  it('filters by stage: the two syndicated copies are duplicates', async () => {
    const res = await app.inject({ url: '/articles?status=duplicate' });
    const ids = (res.json() as { articles: { articleId: string; duplicateOf: { originalId: string } }[] }).articles;
    expect(ids.map((a) => a.articleId).sort()).toEqual([seedArticleIds.copyA, seedArticleIds.copyB].sort());
    expect(ids.every((a) => a.duplicateOf.originalId === seedArticleIds.r003)).toBe(true);
  });

  it('refuses a bad filter or page size with a validation code', async () => {
    expectError(await app.inject({ url: '/articles?status=lost' }), 'TALLY_ERR_VALIDATION');
    expectError(await app.inject({ url: '/articles?limit=0' }), 'TALLY_ERR_VALIDATION');
    expectError(await app.inject({ url: '/articles?limit=abc' }), 'TALLY_ERR_VALIDATION');
    const res = await app.inject({ url: '/articles?after=-1' });
    expectError(res, 'TALLY_ERR_VALIDATION');
    expect((res.json() as { details: { in: string }[] }).details[0]).toMatchObject({ in: 'querystring' });
  });

  it('serves one article, and 404 with a code for an unknown one', async () => {
    const res = await app.inject({ url: `/articles/${seedArticleIds.r002}` });
    expect(res.json()).toMatchObject({ article: { articleId: seedArticleIds.r002, status: 'analyzed' } });
    expectError(await app.inject({ url: '/articles/a_nope' }), 'TALLY_ERR_ARTICLE_NOT_FOUND');
  });
});

describe('feeds', () => {
  it('lists feeds with their health', async () => {
    const { feeds } = (await app.inject({ url: '/feeds' })).json() as { feeds: { health: string; title: string }[] };
    expect(feeds).toHaveLength(7);
    expect(feeds.every((f) => f.health === 'ok')).toBe(true);
  });

  it('registers a feed (once), schedules its first poll, and removes it', async () => {
    const url = 'https://new-outlet.example/rss.xml';
    const first = await app.inject({
      method: 'POST',
      url: '/feeds',
      headers: auth,
      payload: { url, title: 'New Outlet' },
    });
    expect(first.statusCode).toBe(201);
    const { feedId } = first.json() as { feedId: string };
    const again = await app.inject({ method: 'POST', url: '/feeds', headers: auth, payload: { url } });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ feedId, created: false });
    const job = await h.runtime.queues.queues.pollFeed.getJob(`poll_${feedId}_first`);
    expect(job?.data).toMatchObject({ feedId, slot: 'first' });
    await h.project();
    const { feeds } = (await app.inject({ url: '/feeds' })).json() as { feeds: { feedId: string; source: string }[] };
    expect(feeds.find((f) => f.feedId === feedId)).toMatchObject({ source: 'api', title: 'New Outlet' });

    const removed = await app.inject({ method: 'DELETE', url: `/feeds/${feedId}?reason=test`, headers: auth });
    expect(removed.statusCode).toBe(204);
    expect(removed.body).toBe('');
    expectError(
      await app.inject({ method: 'DELETE', url: `/feeds/${feedId}`, headers: auth }),
      'TALLY_ERR_FEED_NOT_FOUND',
    );
    await h.project();
    const after = (await app.inject({ url: '/feeds' })).json() as { feeds: { feedId: string; removed: boolean }[] };
    expect(after.feeds.find((f) => f.feedId === feedId)).toMatchObject({ removed: true });
  });

  it('refuses bodies that are not a valid feed with a code, never a 500', async () => {
    const post = (payload: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
      app.inject({ method: 'POST', url: '/feeds', headers: { ...auth, ...headers }, payload });
    expectError(await post('{"url": "ftp://files.example/feed"}'), 'TALLY_ERR_INVALID_FEED_URL');
    expectError(await post('{"url": "https://a.example/f", "admin": true}'), 'TALLY_ERR_VALIDATION');
    expectError(await post('{"title": "no url"}'), 'TALLY_ERR_VALIDATION');
    expectError(await post('[1,2,3]'), 'TALLY_ERR_VALIDATION');
    expectError(await post('{"url": "https://a.example/f",'), 'TALLY_ERR_MALFORMED_JSON');
    expectError(
      await post('{"__proto__": {"polluted": true}, "url": "https://a.example/f"}'),
      'TALLY_ERR_MALFORMED_JSON',
    );
    expectError(await post(''), 'TALLY_ERR_MALFORMED_JSON');
    expectError(
      await post('url=https://a.example/f', { 'content-type': 'text/plain' }),
      'TALLY_ERR_UNSUPPORTED_MEDIA_TYPE',
    );
    expectError(
      await post('url=https://a.example/f', { 'content-type': 'application/x-www-form-urlencoded' }),
      'TALLY_ERR_UNSUPPORTED_MEDIA_TYPE',
    );
    const big = JSON.stringify({ url: 'https://a.example/f', title: 'x'.repeat(h.config.API_BODY_LIMIT) });
    const res = await post(big);
    expectError(res, 'TALLY_ERR_BODY_TOO_LARGE');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('events', () => {
  it('pages through the log by position, in order, with a cursor to resume', async () => {
    const all = await h.store.readAll({ limit: 10_000 });
    const read: StoredEvent[] = [];
    let after = 0;
    for (let i = 0; i < 100; i++) {
      const res = await app.inject({ url: `/events?after=${after}&limit=7`, headers: auth });
      expect(res.statusCode).toBe(200);
      const page = res.json() as { events: StoredEvent[]; next: number; head: number };
      read.push(...page.events);
      if (page.events.length < 7) break;
      after = page.next;
    }
    expect(read.map((e) => e.position)).toEqual(all.map((e) => e.position));
    expect(read.map((e) => e.id)).toEqual(all.map((e) => e.id));
  });

  it('filters by type and jumps the cursor to the head when caught up', async () => {
    const res = await app.inject({
      url: '/events?types=ClaimExtracted,ArticleDuplicateDetected&limit=1000',
      headers: auth,
    });
    const page = res.json() as { events: StoredEvent[]; next: number; head: number };
    expect(new Set(page.events.map((e) => e.type))).toEqual(new Set(['ClaimExtracted', 'ArticleDuplicateDetected']));
    expect(page.next).toBe(page.head);
    expect(page.head).toBe(await h.store.head());
  });

  it('caps the page size and refuses bad parameters with a code', async () => {
    const res = await app.inject({ url: '/events?limit=999999', headers: auth });
    expect(res.statusCode).toBe(200);
    expect((res.json() as { events: unknown[] }).events.length).toBeLessThanOrEqual(1000);
    expectError(await app.inject({ url: '/events?types=NotAnEvent', headers: auth }), 'TALLY_ERR_VALIDATION');
    expectError(await app.inject({ url: '/events?after=abc', headers: auth }), 'TALLY_ERR_VALIDATION');
  });
});

describe('operations', () => {
  it('is healthy and ready when Redis, the log and the projector are fine', async () => {
    expect((await app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({
      status: 'ready',
      checks: { redis: { ok: true }, log: { ok: true }, projector: { ok: true } },
    });
  });

  it('is not ready while the projector lags more than the bound', async () => {
    const strict = await h.app({}, { readyMaxLag: 0 });
    // A new feed registered but not projected yet: the projector is behind by one event.
    await app.inject({
      method: 'POST',
      url: '/feeds',
      headers: auth,
      payload: { url: 'https://lagging.example/feed' },
    });
    const res = await strict.inject({ url: '/readyz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 'not-ready', checks: { projector: { ok: false } } });
    await h.project();
    expect((await strict.inject({ url: '/readyz' })).statusCode).toBe(200);
  });

  it('exposes metrics: queue depths, job durations, events by type, fetch outcomes, verdicts, lag', async () => {
    const poll = h.runtime.queues.queues.pollFeed;
    await poll.add('pollFeed', { n: 1 }, { jobId: 'metrics-ok' });
    await poll.add('pollFeed', { n: 2 }, { jobId: 'metrics-fail', attempts: 1 });
    const worker = new Worker(
      poll.name,
      async (job) => {
        if (job.id === 'metrics-fail') throw new Error('fails on purpose');
      },
      { connection: h.runtime.redis.duplicate(), prefix: h.config.QUEUE_PREFIX, concurrency: 1 },
    );
    worker.on('error', () => {});
    await expect
      .poll(async () => (await poll.getJobCounts('completed', 'failed')) as Record<string, number>)
      .toMatchObject({
        failed: 1,
      });
    await worker.close();
    const counts = await poll.getJobCounts('completed', 'failed', 'waiting');

    const res = await app.inject({ url: '/metrics', headers: auth });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const text = res.body;
    const value = (series: string) => {
      const line = text.split('\n').find((l) => l.startsWith(`${series} `));
      return line === undefined ? undefined : Number(line.slice(series.length + 1));
    };
    const events = await h.store.readAll({ limit: 10_000 });
    expect(value('tally_events_appended_total{type="ClaimExtracted"}')).toBe(
      events.filter((e) => e.type === 'ClaimExtracted').length,
    );
    expect(value('tally_dedupe_verdicts_total{method="minhash"}')).toBe(2);
    expect(value('tally_fetch_outcomes_total{kind="article",outcome="ok"}')).toBe(7);
    expect(value('tally_fetch_outcomes_total{kind="feed",outcome="ok"}')).toBe(7);
    expect(value('tally_projection_lag_events')).toBe(0);
    expect(value('tally_queue_jobs{queue="poll",state="failed"}')).toBe(counts.failed);
    expect(value('tally_queue_jobs{queue="poll",state="completed"}')).toBe(counts.completed);
    expect(value('tally_queue_jobs{queue="fetch",state="waiting"}')).toBe(0);
    expect(value('tally_job_duration_seconds_count{queue="poll",outcome="completed"}')).toBe(counts.completed);
    expect(value('tally_job_duration_seconds_count{queue="poll",outcome="failed"}')).toBe(1);
    // A second scrape counts nothing twice.
    const again = (await app.inject({ url: '/metrics', headers: auth })).body;
    expect(again).toContain(`tally_job_duration_seconds_count{queue="poll",outcome="failed"} 1\n`);
    expect(again).toContain(`tally_dedupe_verdicts_total{method="minhash"} 2\n`);
  });

  it('publishes an OpenAPI document generated from the request schemas, and interactive docs', async () => {
    const doc = (await app.inject({ url: '/docs/json' })).json() as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: unknown; parameters?: { name: string; in: string }[] }>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/figures',
        '/figures/{key}',
        '/figures/stream',
        '/articles',
        '/articles/{id}',
        '/feeds',
        '/feeds/{id}',
        '/events',
        '/healthz',
        '/readyz',
        '/metrics',
      ]),
    );
    const body = JSON.stringify(doc.paths['/feeds']!.post!.requestBody);
    const ref = /#\/components\/schemas\/(\w+)/.exec(body)?.[1];
    expect(ref).toBeDefined();
    expect(doc.components.schemas[ref!]).toMatchObject({
      type: 'object',
      required: ['url'],
      additionalProperties: false,
    });
    expect(doc.paths['/events']!.get!.parameters!.map((p) => p.name)).toEqual(
      expect.arrayContaining(['after', 'limit', 'types']),
    );
    expect(doc.components.schemas).toHaveProperty('Error');
    expect(Object.keys(doc.paths)).not.toContain('/admin/queues');
    const ui = await app.inject({ url: '/docs' });
    expect([200, 302]).toContain(ui.statusCode);
  });

  it('mounts Bull Board for every queue, the webhook deliveries’ included', async () => {
    const page = await app.inject({ url: '/admin/queues', headers: auth });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/html/);
    const api = await app.inject({ url: '/admin/queues/api/queues', headers: auth });
    expect(api.statusCode).toBe(200);
    const names = (api.json() as { queues: { name: string }[] }).queues.map((q) => q.name).sort();
    expect(names).toEqual(['analyze', 'fetch', 'poll', 'webhook']);
  });

  it('answers unknown routes with a 404 code', async () => {
    expectError(await app.inject({ url: '/nope' }), 'TALLY_ERR_NOT_FOUND');
    expectError(await app.inject({ method: 'PUT', url: '/figures' }), 'TALLY_ERR_NOT_FOUND');
  });
});

describe('pages', () => {
  it('renders the figures page with the current figure worded as the reports word it', async () => {
    const res = await app.inject({ url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('nearly 11,000 containers');
    expect(res.body).toContain('Tracey Newell');
    expect(res.body).toContain(`/figures/${containers}/page`);
  });

  it('renders a figure page with its timeline chart, sources, quotes and the conflict', async () => {
    const res = await app.inject({ url: `/figures/${containers}/page` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<svg class="timeline"');
    expect(res.body.match(/<a class="point/g)).toHaveLength(3);
    expect(res.body).toContain('conflict-ring');
    expect(res.body).toContain('Harbor Times');
    expect(res.body).toContain('Pyongyang has delivered up to 1,000 containers');
    expect((await app.inject({ url: '/figures/nope/page' })).statusCode).toBe(404);
  });

  it('renders the pipeline page', async () => {
    const res = await app.inject({ url: '/pipeline', headers: auth });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('data-queue="poll"');
    expect(res.body).toMatch(/id="projection-lag">\d+</);
    expect(res.body).toContain('Feeds (');
  });
});

const basic = (password: string) => ({
  authorization: `Basic ${Buffer.from(`operator:${password}`).toString('base64')}`,
});
const tokenOnly = ['/events', '/metrics', '/pipeline', '/admin/queues', '/admin/queues/api/queues'];
const reads = ['/figures', '/articles', '/feeds', '/'];

describe('auth with a token configured', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await h.app();
  });

  it('refuses token routes without the token, asking for a bearer token (or Basic on dashboard pages)', async () => {
    for (const url of tokenOnly) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json(), url).toMatchObject({ code: 'TALLY_ERR_UNAUTHORIZED' });
      const challenge = res.headers['www-authenticate'];
      expect(challenge, url).toMatch(url === '/events' || url === '/metrics' ? /^Bearer / : /^Basic /);
    }
    const post = await app.inject({ method: 'POST', url: '/feeds', payload: { url: 'https://a.example/feed' } });
    expect(post.statusCode).toBe(401);
    expect((await app.inject({ method: 'DELETE', url: '/feeds/f_x' })).statusCode).toBe(401);
  });

  it('refuses a wrong token the same way whatever its length', async () => {
    const sameLength = `${TOKEN.slice(0, -1)}${TOKEN.endsWith('x') ? 'y' : 'x'}`;
    const answers = [];
    for (const header of [
      { authorization: `Bearer ${sameLength}` },
      { authorization: 'Bearer short' },
      { authorization: `Bearer ${TOKEN}${TOKEN}` },
      { authorization: `Bearer ${TOKEN.toUpperCase()}` },
      { authorization: TOKEN },
      basic(sameLength),
    ]) {
      const res = await app.inject({ url: '/events', headers: header });
      answers.push([res.statusCode, (res.json() as { code: string; message: string }).message]);
    }
    expect(new Set(answers.map((a) => JSON.stringify(a)))).toEqual(
      new Set([JSON.stringify([401, 'the token is not valid']), JSON.stringify([401, 'a bearer token is required'])]),
    );
    expect(answers.filter(([, m]) => m === 'the token is not valid')).toHaveLength(5);
  });

  it('lets the token through as Bearer, and as the password of Basic credentials (browsers)', async () => {
    for (const url of tokenOnly) {
      expect((await app.inject({ url, headers: auth })).statusCode, url).toBe(200);
      expect((await app.inject({ url, headers: basic(TOKEN) })).statusCode, url).toBe(200);
    }
  });

  it('keeps reads, health and docs open', async () => {
    for (const url of [...reads, '/healthz', '/readyz', '/docs/json']) {
      expect((await app.inject({ url })).statusCode, url).toBe(200);
    }
  });
});

it('asks for the token on reads too when API_READS_NEED_TOKEN is set', async () => {
  const app = await h.app({ API_READS_NEED_TOKEN: 'true' });
  for (const url of reads) {
    expect((await app.inject({ url })).statusCode, url).toBe(401);
    expect((await app.inject({ url, headers: auth })).statusCode, url).toBe(200);
  }
  expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
});

describe('auth without a token', () => {
  it('on loopback, opens events, metrics and the dashboard for the local demo, but never writes', async () => {
    const app = await h.app({ API_TOKEN: undefined, API_HOST: '127.0.0.1' });
    for (const url of tokenOnly) expect((await app.inject({ url })).statusCode, url).toBe(200);
    const post = await app.inject({ method: 'POST', url: '/feeds', payload: { url: 'https://a.example/feed' } });
    expect(post.statusCode).toBe(401);
    expect(post.json()).toMatchObject({ code: 'TALLY_ERR_TOKEN_NOT_CONFIGURED' });
    expect((post.json() as { message: string }).message).toMatch(/API_TOKEN/);
  });

  it('on a public address, refuses every token route with a clear message', async () => {
    const app = await h.app({ API_TOKEN: undefined, API_HOST: '0.0.0.0' });
    for (const url of tokenOnly) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json(), url).toMatchObject({ code: 'TALLY_ERR_TOKEN_NOT_CONFIGURED' });
    }
    for (const url of reads) expect((await app.inject({ url })).statusCode, url).toBe(200);
  });
});

it('never writes the token to the logs', async () => {
  const { logger, lines } = capturingLogger();
  const app = await h.app({}, {}, logger);
  await app.inject({ url: '/events', headers: auth });
  await app.inject({ url: '/events', headers: { authorization: `Bearer wrong-${TOKEN}` } });
  await app.inject({ method: 'POST', url: '/feeds', headers: auth, payload: '{"url": ' });
  await app.inject({ url: '/metrics', headers: basic(TOKEN) });
  expect(lines.length).toBeGreaterThan(4);
  const all = lines.join('');
  expect(all).not.toContain(TOKEN);
  expect(all).not.toContain(Buffer.from(`operator:${TOKEN}`).toString('base64'));
});
