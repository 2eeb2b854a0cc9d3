import { existsSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedFigureKeys, seedScenario } from '@tally/projections/testing';
import { registerWebhook, webhookKeyFor } from '@tally/webhooks';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, listen, startHarness } from './harness.ts';
import { parseCsv } from './parseCsv.ts';

/** Debian's chromium package (CI installs it); the test is skipped, saying so, when it is missing. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(`dashboard security test skipped: no chromium at ${CHROMIUM} (apt-get install chromium)`);

const outputDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'test-output');

/** Opens a page that records every Content-Security-Policy violation the browser reports. */
async function watchedPage(browser: Browser): Promise<{ page: Page; violations: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, acceptDownloads: true });
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (load|execute|apply)/i.test(m.text())) violations.push(m.text());
  });
  return { page, violations };
}

describe.skipIf(!hasChromium)('dashboard under its CSP, and the export buttons, in a real browser', () => {
  let h: Harness;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(outputDir, { recursive: true });
    h = await startHarness({ WEBHOOK_SECRET_KEY: 'a webhook key for the browser test, 32+ chars' });
    await h.append(seedScenario().entries);
    await registerWebhook(h.store, webhookKeyFor(h.config)!, {
      url: 'https://hooks.example/tally',
      pattern: 'transfer:*',
      description: 'transfers to a dashboard of ours',
    });
    await h.project();
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

  it('downloads the current figures and a figure’s history as CSV from the figures pages', async () => {
    const { page, violations } = await watchedPage(browser);
    await page.goto(`${base}/`);
    const [all] = await Promise.all([page.waitForEvent('download'), page.locator('#download-figures-csv').click()]);
    expect(all.suggestedFilename()).toBe('tally-figures.csv');
    const rows = parseCsv(await readFile(await all.path(), 'utf8'));
    expect(rows.length - 1).toBe(Object.keys(seedFigureKeys).length);
    await page.screenshot({ path: join(outputDir, 'figures-with-exports.png') });

    await page.goto(`${base}/figures/${encodeURIComponent(seedFigureKeys.containers)}/page`);
    const [history] = await Promise.all([page.waitForEvent('download'), page.locator('#download-history-csv').click()]);
    expect(history.suggestedFilename()).toBe('transfer_KP_RU_container-history.csv');
    expect(parseCsv(await readFile(await history.path(), 'utf8')).length - 1).toBe(3);
    await page.screenshot({ path: join(outputDir, 'figure-with-exports.png') });
    expect(violations).toEqual([]);
    await page.close();
  });

  it('renders every dashboard page, Bull Board and the API docs with no CSP violation of their own', async () => {
    const { page, violations } = await watchedPage(browser);
    for (const path of ['/pipeline', '/webhooks/page']) {
      const res = await page.goto(`${base}${path}`);
      expect(res?.status()).toBe(200);
      expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    }
    expect(await page.locator('[data-webhook-id] h2').textContent()).toBe('transfers to a dashboard of ours');
    await page.screenshot({ path: join(outputDir, 'webhooks.png') });
    await page.goto(`${base}/admin/queues`);
    await expect.poll(() => page.getByText('poll', { exact: true }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.goto(`${base}/docs`);
    await expect
      .poll(() => page.getByText('/figures/{key}/history.csv').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await page.screenshot({ path: join(outputDir, 'docs.png') });
    // Bull Board links a web font stylesheet of another origin: blocked on purpose (nothing is
    // loaded from elsewhere; it falls back to the system font). Nothing of this origin is.
    const ours = violations.filter((v) => !/'https:\/\/fonts\.googleapis\.com\//.test(v));
    expect(ours).toEqual([]);
    expect(violations.length).toBeLessThanOrEqual(1);
    await page.close();
  });
});
