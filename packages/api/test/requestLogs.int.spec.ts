import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, capturingLogger, type Harness, listen, startHarness, TOKEN } from './harness.ts';

/**
 * Request logs name what was asked for, never a secret that came with it: Fastify logs every
 * request's URL, query string included, so `?token=…` or a feed URL with credentials passed as a
 * parameter went to the logs as sent. Headers (Authorization, cookies) are not logged at all.
 */
const secrets = {
  token: 'query-token-0001',
  accessToken: 'query-token-0002',
  apiKey: 'query-token-0003',
  password: 'query-token-0004',
  urlInQuery: 'query-token-0005',
  urlInPath: 'query-token-0006',
  proxyAuthorization: 'header-secret-0007',
  cookie: 'header-secret-0008',
  refused: 'query-token-0009',
};

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const requestUrls = (lines: readonly string[]) =>
  lines
    .map((l) => JSON.parse(l) as { req?: { url?: string }; url?: string })
    .map((r) => r.req?.url ?? r.url)
    .filter((u): u is string => u !== undefined);

describe('request logs', () => {
  it('mask secret query parameters, URL credentials and the token, and keep the rest of the URL', async () => {
    const log = capturingLogger();
    const app = await h.app({}, {}, log.logger);
    const withCredentials = `http://reader:${secrets.urlInQuery}@private.example/rss.xml`;
    const requests = [
      { url: `/figures?limit=5&token=${secrets.token}` },
      { url: `/events?access_token=${secrets.accessToken}&limit=3`, headers: auth },
      { url: `/articles?api_key=${secrets.apiKey}&Password=${secrets.password}` },
      { url: `/feeds?next=${encodeURIComponent(withCredentials)}&raw=${withCredentials}` },
      { url: `/figures/${encodeURIComponent(`http://u:${secrets.urlInPath}@x.example`)}` },
      { url: `/feeds/${TOKEN}`, method: 'DELETE' as const },
      { url: `/nope?q=${TOKEN}` },
      { url: `/pipeline?token=${secrets.refused}`, headers: { host: 'rebind.evil.example' } },
      {
        url: '/events',
        headers: {
          authorization: `Basic ${Buffer.from(`operator:${TOKEN}`).toString('base64')}`,
          'proxy-authorization': `Bearer ${secrets.proxyAuthorization}`,
          cookie: `session=${secrets.cookie}`,
        },
      },
    ];
    for (const r of requests) await app.inject(r);

    const all = log.lines.join('');
    for (const [name, secret] of Object.entries(secrets)) expect(all, name).not.toContain(secret);
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain(Buffer.from(`operator:${TOKEN}`).toString('base64'));

    const urls = requestUrls(log.lines);
    expect(urls).toContain('/figures?limit=5&token=***');
    expect(urls).toContain('/events?access_token=***&limit=3');
    expect(urls).toContain('/articles?api_key=***&Password=***');
    expect(urls.some((u) => u.startsWith('/feeds?next=') && u.includes('***'))).toBe(true);
    expect(urls).toContain('/feeds/***');
    expect(urls).toContain('/nope?q=***');
    // The refusal before routing (a Host the API does not answer to) is logged with the URL too.
    expect(urls).toContain('/pipeline?token=***');
  });

  it('hold no secret sent on a real socket either', async () => {
    const log = capturingLogger();
    const app = await h.app({}, {}, log.logger);
    const base = await listen(app);
    const res = await fetch(`${base}/figures?after=0&token=${secrets.token}`, {
      headers: { authorization: `Bearer ${TOKEN}`, cookie: `session=${secrets.cookie}` },
    });
    expect(res.status).toBe(200);
    await app.close();
    const all = log.lines.join('');
    expect(all).toContain('/figures?after=0&token=***');
    expect(all).not.toContain(secrets.token);
    expect(all).not.toContain(secrets.cookie);
    expect(all).not.toContain(TOKEN);
  });
});
