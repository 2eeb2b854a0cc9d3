import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, type Harness, startHarness } from './harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

function capturing(level: string) {
  const records: { level: number; msg: string; url?: string; req?: { url?: string } }[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      records.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { records, logger: pino({ level }, sink) };
}

const INFO = 30;
const DEBUG = 20;

/** The static files a page pulls in, as paths (Bull Board's are relative to its base). */
function staticFilesOf(html: string, base: string): string[] {
  return [...html.matchAll(/(?:src|href)="([^"]*static\/[^"]+)"/g)].map((m) => new URL(m[1]!, base).pathname);
}

describe('access logs', () => {
  for (const page of ['/docs', '/admin/queues']) {
    it(`log the page ${page} at info and each static file it pulls in at debug only`, async () => {
      const { records, logger } = capturing('debug');
      const app = await h.app({}, {}, logger);
      const res = await app.inject({ url: page, headers: auth });
      expect(res.statusCode).toBe(200);
      const files = staticFilesOf(res.body, `http://127.0.0.1${page}/`);
      expect(files.length).toBeGreaterThan(1);
      for (const file of files) expect((await app.inject({ url: file, headers: auth })).statusCode, file).toBe(200);

      const urlOf = (r: (typeof records)[number]) => r.req?.url ?? r.url ?? '';
      const ofFiles = records.filter((r) => files.includes(urlOf(r)));
      expect(new Set(ofFiles.map(urlOf))).toEqual(new Set(files));
      expect(ofFiles.filter((r) => r.level !== DEBUG)).toEqual([]);
      expect(records.filter((r) => urlOf(r) === page).map((r) => [r.level, r.msg])).toContainEqual([
        INFO,
        'incoming request',
      ]);
    });
  }
});

describe('metrics of the API process', () => {
  it('carry Node process metrics under their standard names, and request and stage latency histograms', async () => {
    const app = await h.app();
    await app.inject({ url: '/figures' });
    const text = (await app.inject({ url: '/metrics', headers: auth })).body;
    expect(text).toMatch(/^process_cpu_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes \d/m);
    expect(text).not.toContain('tally_api_process_');
    expect(text).not.toContain('tally_api_nodejs_');
    expect(text).toMatch(
      /^tally_http_request_duration_seconds_count\{route="\/figures",method="GET",status="200"\} 1$/m,
    );
    for (const histogram of ['fetch', 'extract', 'analyze', 'append']) {
      expect(text).toContain(`# TYPE tally_${histogram}_duration_seconds histogram`);
    }
  });
});
