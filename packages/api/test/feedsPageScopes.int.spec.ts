import { streams } from '@tally/events';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, type Harness, startHarness, TOKEN } from './harness.ts';

/** Browsers send the token as Basic's password (the dashboard's challenge). */
const basic = (token: string) => ({ authorization: `Basic ${Buffer.from(`tally:${token}`).toString('base64')}` });
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const notice = (body: string) => /<div class="notice[^"]*" id="write-access">([\s\S]*?)<\/div>/.exec(body)?.[1] ?? null;

describe('the feeds page with scoped tokens', () => {
  let h: Harness;
  /** No admin token: scoped tokens only, the dashboard open on loopback. */
  let app: FastifyInstance;
  let feedId: string;
  const tokens: Record<'writer' | 'operator', string> = { writer: '', operator: '' };

  beforeAll(async () => {
    h = await startHarness();
    const admin = await h.app({}, { tokensRefreshMs: 0 });
    for (const [name, scopes] of [
      ['writer', ['write', 'operator']],
      ['operator', ['operator']],
    ] as const) {
      const res = await admin.inject({ method: 'POST', url: '/tokens', headers: auth, payload: { name, scopes } });
      expect(res.statusCode).toBe(201);
      tokens[name] = (res.json() as { token: string }).token;
    }
    ({ feedId } = await h.runtime.feedCommands.register({ url: 'https://quay.example/feed.xml' }, 'api'));
    await h.project();
    app = await h.app({ API_TOKEN: undefined }, { tokensRefreshMs: 0 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('takes changes from a token with the write scope as from API_TOKEN, saying nothing against them', async () => {
    const page = await app.inject({ url: '/feeds/page', headers: basic(tokens.writer) });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`data-feed-id="${feedId}"`);
    expect(notice(page.body)).toBeNull();
    expect(page.body).not.toContain('notice error');
    const pause = await app.inject({
      method: 'POST',
      url: `/feeds/page/${feedId}/pause`,
      headers: { ...basic(tokens.writer), ...FORM },
      payload: '',
    });
    expect(pause.statusCode).toBe(303);
    expect((await h.store.readStream(streams.feed(feedId))).map((e) => e.type)).toContain('FeedPaused');
    const admin = await h.app({}, { tokensRefreshMs: 0 });
    expect(notice((await admin.inject({ url: '/feeds/page', headers: basic(TOKEN) })).body)).toBeNull();
  });

  it('says a token without the write scope cannot change feeds, and its forms are refused', async () => {
    const page = await app.inject({ url: '/feeds/page', headers: basic(tokens.operator) });
    expect(page.statusCode).toBe(200);
    expect(notice(page.body)).toContain('no <code>write</code> scope');
    const resume = await app.inject({
      method: 'POST',
      url: `/feeds/page/${feedId}/resume`,
      headers: { ...basic(tokens.operator), ...FORM },
      payload: '',
    });
    expect(resume.statusCode).toBe(403);
  });

  it('tells a browser without a token that a change asks for one, and asks for it when a form is sent', async () => {
    const page = await app.inject({ url: '/feeds/page' });
    expect(page.statusCode).toBe(200);
    expect(notice(page.body)).toContain('your browser asks for it');
    const resume = await app.inject({
      method: 'POST',
      url: `/feeds/page/${feedId}/resume`,
      headers: FORM,
      payload: '',
    });
    expect(resume.statusCode).toBe(401);
    expect(resume.headers['www-authenticate']).toMatch(/^Basic /);
  });
});
