import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedFigureKeys, seedScenario } from '@tally/projections/testing';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, type Harness, listen, startHarness, TOKEN } from './harness.ts';

/** Debian's chromium package (CI installs it); the test is skipped, saying so, when it is missing. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`dashboard browser test skipped: no chromium at ${CHROMIUM} (apt-get install chromium)`);

const outputDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'test-output');

describe.skipIf(!hasChromium)('dashboard in a real browser', () => {
  let h: Harness;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(outputDir, { recursive: true });
    // Discovery fetches from the site on loopback below.
    h = await startHarness({ HTTP_ALLOW: '127.0.0.1', HTTP_HOST_INTERVAL_MS: 0 });
    await h.append(seedScenario().entries);
    await h.project();
    // No token, on loopback: the local demo's setting, where the dashboard is open.
    base = await listen(await h.app({ API_TOKEN: undefined }));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('shows the current figures, and a figure’s timeline with its points linked to their sources', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const response = await page.goto(`${base}/`);
    expect(response?.status()).toBe(200);
    const row = page.locator(`tr[data-figure-key="${seedFigureKeys.containers}"]`);
    await expect.poll(() => row.locator('.figure-value').textContent()).toContain('nearly 11,000 containers');
    expect(await row.textContent()).toContain('Tracey Newell');
    expect(await page.locator('tr.figure-row').count()).toBe(Object.keys(seedFigureKeys).length);
    await page.screenshot({ path: join(outputDir, 'figures.png'), fullPage: true });

    await row.locator('a').first().click();
    await page.waitForURL(/\/figures\/.+\/page$/);
    expect(await page.locator('#current-figure').textContent()).toBe('nearly 11,000 containers');
    const chart = page.locator('svg.timeline');
    const box = await chart.boundingBox();
    expect(box?.width).toBeGreaterThan(300);
    expect(box?.height).toBeGreaterThan(150);
    const points = chart.locator('a.point');
    expect(await points.count()).toBe(3);
    expect(await chart.locator('a.point.has-conflict').count()).toBe(1);
    // The points climb from 1,000 to nearly 11,000: the last is drawn highest.
    const ys = await chart.locator('circle.dot').evaluateAll((dots) => dots.map((d) => Number(d.getAttribute('cy'))));
    expect(ys[2]!).toBeLessThan(ys[0]!);
    await page.screenshot({ path: join(outputDir, 'figure-page.png'), fullPage: true });

    // A point links to its statement: the sources and the quote.
    await chart.locator('a.point.has-conflict').click();
    await page.waitForURL(/#statement-1$/);
    const statement = page.locator('#statement-1');
    expect(await statement.locator('.conflict-box').count()).toBeGreaterThan(0);
    expect(await statement.locator('blockquote.quote').first().textContent()).toMatch(/1,000 containers/);
    expect(await statement.locator('.copies').textContent()).toContain('Harbor Times');
    await statement.screenshot({ path: join(outputDir, 'statement.png') });
    await page.close();
  });

  it('shows the pipeline page, Bull Board and the interactive API docs', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    expect((await page.goto(`${base}/pipeline`))?.status()).toBe(200);
    expect(await page.locator('tr[data-queue]').count()).toBe(3);
    expect(await page.locator('#projection-lag').textContent()).toBe('0');
    await page.screenshot({ path: join(outputDir, 'pipeline.png'), fullPage: true });
    await page.goto(`${base}/admin/queues`);
    await expect.poll(() => page.getByText('poll', { exact: true }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.screenshot({ path: join(outputDir, 'queues.png') });
    await page.goto(`${base}/docs`);
    await expect.poll(() => page.getByText('/figures/{key}').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.close();
  });

  it('manages feeds on the feeds page: add a site’s advertised feed, edit, pause, resume, poll now, remove', async () => {
    // A site on loopback that advertises its feed; changes need the token (basic auth in the browser).
    const site: Server = createServer((req, res) => {
      if (req.url === '/') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(
          '<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/news.xml"></head></html>',
        );
      } else if (req.url === '/news.xml') {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end('<?xml version="1.0"?><rss version="2.0"><channel><title>Quay Weekly</title></channel></rss>');
      } else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    const tokened = await listen(await h.app());
    const context = await browser.newContext({
      viewport: { width: 1300, height: 900 },
      httpCredentials: { username: 'tally', password: TOKEN },
    });
    const page = await context.newPage();
    try {
      expect((await page.goto(`${tokened}/feeds/page`))?.status()).toBe(200);
      expect(await page.locator('tr.feed-row').count()).toBeGreaterThan(0);

      await page.fill('form.add-form input[name="url"]', `${origin}/`);
      await page.click('form.add-form button[data-action="add"]');
      const offered = page.locator('#discovered button[data-action="add-discovered"]');
      await expect.poll(() => offered.count()).toBe(1);
      expect(await page.locator('#discovered').textContent()).toContain(`${origin}/news.xml`);
      await offered.click();
      await page.waitForURL(/done=add/);
      const row = page.locator('tr.feed-row', { hasText: `${origin}/news.xml` });
      expect(await row.count()).toBe(1);
      const feedId = await row.getAttribute('data-feed-id');

      const mine = () => page.locator(`tr.feed-row[data-feed-id="${feedId}"]`);
      await mine().locator('details.edit summary').click();
      await mine().locator('input[name="title"]').fill('Quay news');
      await mine().locator('input[name="tags"]').fill('Harbours, Weekly');
      await mine().locator('input[name="maxIntervalSec"]').fill('3600');
      await mine().locator('button[data-action="edit"]').click();
      await page.waitForURL(/done=edit/);
      expect(await mine().locator('.feed-title').textContent()).toBe('Quay news');
      expect(await mine().locator('.badge.tag').allTextContents()).toEqual(['Harbours', 'Weekly']);

      await mine().locator('button[data-action="pause"]').click();
      await page.waitForURL(/done=pause/);
      expect(await mine().getAttribute('data-health')).toBe('paused');
      expect(await mine().locator('button[data-action="poll"]').count()).toBe(0);
      await page.screenshot({ path: join(outputDir, 'feeds.png'), fullPage: true });

      await mine().locator('button[data-action="resume"]').click();
      await page.waitForURL(/done=resume/);
      expect(await mine().getAttribute('data-health')).not.toBe('paused');
      await mine().locator('button[data-action="poll"]').click();
      await page.waitForURL(/done=poll/);
      expect(await page.locator('#notice').textContent()).toContain('Poll asked for');
      await mine().locator('button[data-action="remove"]').click();
      await page.waitForURL(/done=remove/);
      expect(await mine().getAttribute('data-health')).toBe('removed');

      const types = (await h.store.readStream(`feed-${feedId}`)).map((e) => e.type);
      expect(types).toEqual([
        'FeedRegistered',
        'FeedEdited',
        'FeedPaused',
        'FeedResumed',
        'FeedPollRequested',
        'FeedRemoved',
      ]);
    } finally {
      await context.close();
      await new Promise<void>((resolve) => site.close(() => resolve()));
    }
  });

  it('takes the feeds page’s changes from a scoped token with the write scope, without API_TOKEN', async () => {
    const issued = await (await h.app()).inject({
      method: 'POST',
      url: '/tokens',
      headers: auth,
      payload: { name: 'dashboard editor', scopes: ['write', 'operator'] },
    });
    expect(issued.statusCode).toBe(201);
    await h.project();
    const scoped = await listen(await h.app({ API_TOKEN: undefined }, { tokensRefreshMs: 0 }));
    const context = await browser.newContext({
      viewport: { width: 1300, height: 900 },
      httpCredentials: { username: 'tally', password: (issued.json() as { token: string }).token },
    });
    const page = await context.newPage();
    try {
      expect((await page.goto(`${scoped}/feeds/page`))?.status()).toBe(200);
      expect(await page.locator('.notice.error').count()).toBe(0);
      const row = page.locator('tr.feed-row[data-health="ok"], tr.feed-row[data-health="new"]').first();
      const feedId = await row.getAttribute('data-feed-id');
      const mine = () => page.locator(`tr.feed-row[data-feed-id="${feedId}"]`);
      await mine().locator('button[data-action="pause"]').click();
      await page.waitForURL(/done=pause/);
      expect(await mine().getAttribute('data-health')).toBe('paused');
      await page.screenshot({ path: join(outputDir, 'feeds-scoped-token.png'), fullPage: true });
      await mine().locator('button[data-action="resume"]').click();
      await page.waitForURL(/done=resume/);
      expect(await mine().getAttribute('data-health')).not.toBe('paused');
    } finally {
      await context.close();
    }
  });
});
