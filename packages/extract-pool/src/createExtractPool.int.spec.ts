import { readFileSync } from 'node:fs';
import { decodeHtml, ExtractError, extractArticle } from '@tally/extract';
import { afterAll, describe, expect, it } from 'vitest';
import { createExtractPool } from './createExtractPool.ts';

const FIXTURES = new URL('../../extract/fixtures/pages/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', FIXTURES), 'utf8')) as {
  name: string;
  url: string;
  contentType: string | null;
}[];
const pages = manifest.slice(0, 8).map((entry) => ({
  ...entry,
  bytes: new Uint8Array(readFileSync(new URL(`${entry.name}.html`, FIXTURES))),
}));

const SMALL_PAGE_HTML = `<html><body><article><h1>Bridge closed</h1>${'<p>The Old Mill bridge was closed on Thursday morning after a lorry hit its parapet, police said.</p>'.repeat(4)}</article></body></html>`;
/** A fresh copy each time: the pool moves a page's buffer to its worker. */
const smallPage = () => new TextEncoder().encode(SMALL_PAGE_HTML);

/** Takes seconds to extract on any machine: hundreds of thousands of paragraphs. */
function pathologicalPage(): Uint8Array {
  const paragraph = '<div><p>Word word, word word word word, word word word word word.</p></div>';
  return new TextEncoder().encode(`<html><body>${paragraph.repeat(300_000)}</body></html>`);
}

async function reasonOf(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (err) {
    return err instanceof ExtractError ? err.reason : `not an ExtractError: ${String(err)}`;
  }
}

describe('createExtractPool', () => {
  const pool = createExtractPool({ threads: 2, timeoutMs: 30_000 });
  afterAll(() => pool.close());

  it('extracts pages on worker threads exactly as extractArticle does in-process', async () => {
    const results = await Promise.all(pages.map((page) => pool.extract({ ...page, bytes: page.bytes.slice() })));
    results.forEach((result, i) => {
      const page = pages[i]!;
      const { html, charset } = decodeHtml(page.bytes, page.contentType);
      expect({ ...result }).toEqual({ ...extractArticle(html, { url: page.url }), charset });
    });
  });

  it('moves a page that owns its buffer to the worker, and copies one that is part of a larger buffer', async () => {
    const own = smallPage();
    const expected = await pool.extract({ bytes: smallPage(), url: 'https://a.example/own' });
    const moved = await pool.extract({ bytes: own, url: 'https://a.example/own' });
    expect(own.byteLength).toBe(0);
    expect(moved).toEqual(expected);

    const page = smallPage();
    const larger = new Uint8Array(page.length + 8);
    larger.set(page, 4);
    const part = larger.subarray(4, 4 + page.length);
    const copied = await pool.extract({ bytes: part, url: 'https://a.example/own' });
    expect(part.byteLength).toBe(page.length);
    expect(larger.byteLength).toBe(page.length + 8);
    expect(copied).toEqual(expected);
  });

  it('rejects with the extractor’s ExtractError reasons', async () => {
    expect(
      await reasonOf(
        pool.extract({ bytes: new TextEncoder().encode('%PDF-1.7\n1 0 obj'), url: 'https://a.example/x.pdf' }),
      ),
    ).toBe('not-html');
    const stub = new TextEncoder().encode('<html><body><nav><a href="/">Home</a></nav><p>Not found.</p></body></html>');
    expect(await reasonOf(pool.extract({ bytes: stub, contentType: 'text/html', url: 'https://a.example/404' }))).toBe(
      'empty',
    );
  });
});

describe('a page over its time budget', () => {
  it('is cut off with extract-timeout, its worker replaced, and the event loop keeps running meanwhile', async () => {
    const pool = createExtractPool({ threads: 1, timeoutMs: 400 });
    try {
      // Warm the worker up first: the budget starts when a worker takes the page, not at start-up.
      await pool.extract({ bytes: smallPage(), url: 'https://a.example/warm' });
      let ticks = 0;
      const interval = setInterval(() => ticks++, 20);
      const reason = await reasonOf(pool.extract({ bytes: pathologicalPage(), url: 'https://a.example/huge' }));
      clearInterval(interval);
      expect(reason).toBe('extract-timeout');
      // Extraction on the main thread would have frozen the interval for the whole budget.
      expect(ticks).toBeGreaterThanOrEqual(5);
      const next = await pool.extract({ bytes: smallPage(), url: 'https://a.example/next' });
      expect(next.title).toBe('Bridge closed');
    } finally {
      await pool.close();
    }
  });

  it('does not hold up pages queued behind it on other workers', async () => {
    const pool = createExtractPool({ threads: 2, timeoutMs: 1_500 });
    try {
      const huge = reasonOf(pool.extract({ bytes: pathologicalPage(), url: 'https://a.example/huge' }));
      const small = await Promise.all(
        [1, 2, 3, 4].map((i) => pool.extract({ bytes: smallPage(), url: `https://a.example/${i}` })),
      );
      expect(small.map((a) => a.title)).toEqual(['Bridge closed', 'Bridge closed', 'Bridge closed', 'Bridge closed']);
      expect(await huge).toBe('extract-timeout');
    } finally {
      await pool.close();
    }
  });
});

describe('pages handed to a worker ahead', () => {
  it('go to a fresh worker, bytes intact, when the page before them is cut off', async () => {
    const pool = createExtractPool({ threads: 1, timeoutMs: 600, prefetch: 3 });
    try {
      await pool.extract({ bytes: smallPage(), url: 'https://a.example/warm' });
      const huge = reasonOf(pool.extract({ bytes: pathologicalPage(), url: 'https://a.example/huge' }));
      // Waiting in the one worker's queue behind the pathological page.
      const behind = [1, 2].map((i) => pool.extract({ bytes: smallPage(), url: `https://a.example/behind-${i}` }));
      expect(await huge).toBe('extract-timeout');
      expect((await Promise.all(behind)).map((a) => a.title)).toEqual(['Bridge closed', 'Bridge closed']);
    } finally {
      await pool.close();
    }
  });

  it('go to an idle worker when the page before them runs long', async () => {
    const pool = createExtractPool({ threads: 2, timeoutMs: 2_000, prefetch: 2, stealAfterMs: 100 });
    try {
      // Both workers ready, so that the next pages are dealt out as in a busy pool.
      await Promise.all([1, 2].map((i) => pool.extract({ bytes: smallPage(), url: `https://a.example/warm-${i}` })));
      const settled: string[] = [];
      const huge = reasonOf(pool.extract({ bytes: pathologicalPage(), url: 'https://a.example/huge' })).then(
        (reason) => {
          settled.push('huge');
          return reason;
        },
      );
      // One of these waits in the queue of the worker that took the pathological page.
      const small = [1, 2, 3].map((i) =>
        pool.extract({ bytes: smallPage(), url: `https://a.example/${i}` }).then((a) => {
          settled.push(`small ${i}`);
          return a.title;
        }),
      );
      expect(await Promise.all(small)).toEqual(['Bridge closed', 'Bridge closed', 'Bridge closed']);
      expect(settled).not.toContain('huge');
      await huge;
    } finally {
      await pool.close();
    }
  });

  it('are extracted as pages handed over one at a time are', async () => {
    const one = createExtractPool({ threads: 1, prefetch: 1 });
    const ahead = createExtractPool({ threads: 2, prefetch: 3 });
    try {
      const inputs = Array.from({ length: 8 }, (_, i) => ({ url: `https://a.example/p${i}` }));
      const a = await Promise.all(inputs.map((p) => one.extract({ ...p, bytes: smallPage() })));
      const b = await Promise.all(inputs.map((p) => ahead.extract({ ...p, bytes: smallPage() })));
      expect(b).toEqual(a);
    } finally {
      await Promise.all([one.close(), ahead.close()]);
    }
  });
});

describe('idle workers', () => {
  it('are stopped, and the next page starts one again', async () => {
    const pool = createExtractPool({ threads: 2, idleMs: 50 });
    try {
      const first = await Promise.all(
        [1, 2].map((i) => pool.extract({ bytes: smallPage(), url: `https://a.example/${i}` })),
      );
      expect(pool.workers).toBeGreaterThan(0);
      for (let waited = 0; pool.workers > 0 && waited < 200; waited++) await new Promise((r) => setTimeout(r, 50));
      expect(pool.workers).toBe(0);
      const again = await pool.extract({ bytes: smallPage(), url: 'https://a.example/1' });
      expect(again).toEqual(first[0]);
    } finally {
      await pool.close();
    }
  });

  it('are kept with idleMs 0', async () => {
    const pool = createExtractPool({ threads: 1, idleMs: 0 });
    try {
      await pool.extract({ bytes: smallPage(), url: 'https://a.example/1' });
      await new Promise((r) => setTimeout(r, 300));
      expect(pool.workers).toBe(1);
    } finally {
      await pool.close();
    }
  });
});

describe('close', () => {
  it('finishes the pages already accepted, then refuses new ones', async () => {
    const pool = createExtractPool({ threads: 1 });
    const pending = [1, 2, 3].map((i) => pool.extract({ bytes: smallPage(), url: `https://a.example/${i}` }));
    await pool.close();
    expect((await Promise.all(pending)).length).toBe(3);
    await expect(pool.extract({ bytes: smallPage(), url: 'https://a.example/late' })).rejects.toThrow(/closed/);
  });
});
