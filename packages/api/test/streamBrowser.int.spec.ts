import { type StoredEvent, streams } from '@tally/events';
import { seedArticleIds, seedFeedIds, seedFigureKeys } from '@tally/projections/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrors } from '../src/index.ts';
import { auth, type Harness, startSeededHarness } from './harness.ts';

let h: Harness;
let app: FastifyInstance;
const figureStream = streams.figure(seedFigureKeys.containers);
const figureStreamUrl = `/streams/${encodeURIComponent(figureStream)}`;

interface StreamBody {
  streamId: string;
  version: number;
  events: StoredEvent[];
  next: number | null;
}

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

/** Follows the `Link` headers from `url`; answers every page's body. */
async function follow(url: string): Promise<StreamBody[]> {
  const pages: StreamBody[] = [];
  let next: string | null = url;
  for (let i = 0; next && i < 50; i++) {
    const res = await app.inject({ url: next, headers: auth });
    expect(res.statusCode, res.body).toBe(200);
    pages.push(res.json() as StreamBody);
    const link = res.headers.link as string | undefined;
    next = link ? link.slice(1, link.indexOf('>')) : null;
  }
  return pages;
}

describe('GET /streams/:id', () => {
  it('pages through a stream by version, newest first, and oldest first when asked', async () => {
    const whole = await h.store.readStream(figureStream);
    expect(whole.length).toBeGreaterThan(3);
    const newest = await follow(`${figureStreamUrl}?limit=2`);
    expect(newest.length).toBe(Math.ceil(whole.length / 2));
    expect(newest[0]).toMatchObject({ streamId: figureStream, version: whole.length });
    expect(newest.flatMap((p) => p.events.map((e) => e.streamVersion))).toEqual(
      whole.map((e) => e.streamVersion).reverse(),
    );
    expect(newest.at(-1)!.next).toBeNull();

    const oldest = await follow(`${figureStreamUrl}?order=oldest&limit=3`);
    expect(oldest.flatMap((p) => p.events.map((e) => e.id))).toEqual(whole.map((e) => e.id));
  });

  it('answers 404 for a stream the log does not hold, 400 for an id with NUL or control characters', async () => {
    expectError(await app.inject({ url: '/streams/feed-nope', headers: auth }), 'TALLY_ERR_STREAM_NOT_FOUND');
    expectError(await app.inject({ url: '/streams/feed-%00', headers: auth }), 'TALLY_ERR_VALIDATION');
    expectError(await app.inject({ url: '/streams/feed-%1b%5b2J', headers: auth }), 'TALLY_ERR_VALIDATION');
    expectError(await app.inject({ url: `${figureStreamUrl}?after=-1`, headers: auth }), 'TALLY_ERR_VALIDATION');
    expectError(await app.inject({ url: `${figureStreamUrl}?order=sideways`, headers: auth }), 'TALLY_ERR_VALIDATION');
  });

  it('is the operator’s, as /events is: no token, no events', async () => {
    expectError(await app.inject({ url: figureStreamUrl }), 'TALLY_ERR_UNAUTHORIZED');
    expectError(await app.inject({ url: '/events/1' }), 'TALLY_ERR_UNAUTHORIZED');
    const pageRes = await app.inject({ url: `${figureStreamUrl}/page` });
    expect(pageRes.statusCode).toBe(401);
    expect(pageRes.headers['www-authenticate']).toMatch(/^Basic/);
  });
});

describe('GET /events/:position', () => {
  it('answers the event at a position, 404 past the head, 400 for what is not a position', async () => {
    const [third] = await h.store.readAll({ after: 2, limit: 1 });
    const res = await app.inject({ url: '/events/3', headers: auth });
    expect(res.statusCode).toBe(200);
    expect((res.json() as { event: StoredEvent }).event).toMatchObject({
      position: 3,
      id: third!.id,
      streamId: third!.streamId,
    });
    const head = await h.store.head();
    expectError(await app.inject({ url: `/events/${head + 1}`, headers: auth }), 'TALLY_ERR_EVENT_NOT_FOUND');
    for (const bad of ['0', 'abc', '1.5', '-3', '%00']) {
      expectError(await app.inject({ url: `/events/${bad}`, headers: auth }), 'TALLY_ERR_VALIDATION');
    }
  });
});

describe('the stream browser pages', () => {
  it('shows a stream with links to each event, and an event with links to what it names', async () => {
    const stream = await app.inject({ url: `${figureStreamUrl}/page?limit=2`, headers: auth });
    expect(stream.statusCode).toBe(200);
    expect(stream.headers['content-type']).toMatch(/^text\/html/);
    const positions = [...stream.body.matchAll(/data-position="(\d+)"/g)].map((m) => Number(m[1]));
    expect(positions).toHaveLength(2);
    expect(positions[0]).toBeGreaterThan(positions[1]!);
    expect(stream.body).toContain(`href="/events/${positions[0]}/page"`);
    expect(stream.body).toMatch(/id="next-page" href="\/streams\/[^"]+\/page\?after=\d+"/);

    const event = await app.inject({ url: `/events/${positions[0]}/page`, headers: auth });
    expect(event.statusCode).toBe(200);
    expect(event.body).toContain('ClaimExtracted');
    expect(event.body).toContain(`href="/streams/${encodeURIComponent(figureStream)}/page"`);
    // A claim names its article: the article's stream is linked, and the figure's page.
    expect(event.body).toMatch(/href="\/streams\/article-a_[^"]+\/page"/);
    expect(event.body).toContain(`href="/figures/${encodeURIComponent(seedFigureKeys.containers)}/page"`);

    const missing = await app.inject({ url: '/streams/feed-nope/page', headers: auth });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('No such stream');
    const past = await app.inject({ url: '/events/999999/page', headers: auth });
    expect(past.statusCode).toBe(404);
  });

  it('is linked from the figure page (the figure’s claims, its sources’ articles and feeds) and the pipeline page (feeds)', async () => {
    const figure = await app.inject({ url: `/figures/${encodeURIComponent(seedFigureKeys.containers)}/page` });
    expect(figure.body).toContain(`id="figure-events" href="/streams/${encodeURIComponent(figureStream)}/page"`);
    expect(figure.body).toContain(`href="/streams/article-${seedArticleIds.r002}/page"`);
    expect(figure.body).toContain(`href="/streams/feed-${seedFeedIds.r002}/page"`);
    const pipeline = await app.inject({ url: '/pipeline', headers: auth });
    expect(pipeline.body).toContain(`href="/streams/feed-${seedFeedIds.r001}/page"`);
    // Each link leads to a page that shows the stream.
    const feed = await app.inject({ url: `/streams/feed-${seedFeedIds.r001}/page`, headers: auth });
    expect(feed.statusCode).toBe(200);
    expect(feed.body).toContain('FeedRegistered');
  });
});
