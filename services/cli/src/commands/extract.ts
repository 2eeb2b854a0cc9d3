import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ExtractError } from '@tally/extract';
import { createExtractPool, type PoolArticle } from '@tally/extract-pool';
import { Command } from 'commander';
import { z } from 'zod';

const Options = z.object({
  url: z.url({ protocol: /^https?$/ }).optional(),
  contentType: z.string().min(1).optional(),
  timeout: z.coerce.number().int().positive().max(600_000),
});

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

function articleLine(file: string, url: string | null, article: PoolArticle): Record<string, unknown> {
  return {
    file,
    url: url ?? article.canonicalUrl,
    title: article.title,
    byline: article.byline,
    siteName: article.siteName,
    publishedAt: article.publishedAt,
    lang: article.lang,
    text: article.text,
  };
}

function errorLine(file: string, code: string, message: string): Record<string, unknown> {
  return { file, error: { code, message } };
}

export default new Command('extract')
  .description('Extract the article text and metadata of saved HTML pages and print one JSON line per file.')
  .argument('<files...>', 'HTML files; "-" reads standard input')
  .option('--url <url>', 'the URL the page was served from: resolves relative links and may carry its date')
  .option('--content-type <value>', 'the Content-Type it was served with, e.g. "text/html; charset=windows-1251"')
  .option('--timeout <ms>', 'time budget per page; a page over it fails with extract-timeout', '10000')
  .addHelpText(
    'after',
    '\nOutput, one line per file, in the order given:\n' +
      '  {"file","url","title","byline","siteName","publishedAt","lang","text"}\n' +
      '  {"file","error":{"code","message"}}\n' +
      'text is the article alone: paragraphs separated by a blank line, list items as "- item" lines; no\n' +
      'headline, byline, captions, share bars, ads, related links, comments or other page furniture.\n' +
      'url is --url, else the canonical URL the page declares, else null. publishedAt is ISO 8601 UTC,\n' +
      'read from JSON-LD, then OpenGraph, other meta tags, <time datetime>, the URL. The charset comes\n' +
      'from a byte-order mark, then --content-type, then <meta charset>, then a guess (windows-1251,\n' +
      'KOI8-R and windows-1252 are told apart). Pages are extracted on worker threads; nothing is fetched.\n' +
      '\nError codes: not-html (a PDF or an image), bad-encoding, empty (no article text on the page),\n' +
      'extract-error, extract-timeout, unreadable (the file could not be read).\n' +
      'Exit status: 0 when every file yielded an article, 1 otherwise.\n' +
      '\nExamples:\n' +
      '  tally extract saved/*.html\n' +
      '  curl -s https://example.org/news/story | tally extract - --url https://example.org/news/story\n' +
      "  tally extract page.html --content-type 'text/html; charset=koi8-r' | jq -r .text",
  )
  .action(async (files: string[], raw: { url?: string; contentType?: string; timeout: string }) => {
    const parsed = Options.safeParse(raw);
    if (!parsed.success) {
      process.stderr.write(`extract: ${z.prettifyError(parsed.error)}\n`);
      process.exitCode = 1;
      return;
    }
    const options = parsed.data;
    const pool = createExtractPool({
      threads: Math.max(1, Math.min(files.length, availableParallelism())),
      timeoutMs: options.timeout,
    });
    let stdin: Promise<Uint8Array> | undefined;
    // Every file is read and queued at once; lines are printed in the order the files were given.
    const results = files.map(async (file): Promise<Record<string, unknown>> => {
      let bytes: Uint8Array;
      try {
        if (file === '-') {
          stdin ??= readStdin();
          bytes = await stdin;
        } else {
          bytes = await readFile(file);
        }
      } catch (error) {
        return errorLine(file, 'unreadable', (error as NodeJS.ErrnoException).message);
      }
      const pageUrl = options.url ?? (file === '-' ? 'about:blank' : pathToFileURL(resolve(file)).href);
      try {
        const article = await pool.extract({ bytes, contentType: options.contentType ?? null, url: pageUrl });
        return articleLine(file, options.url ?? null, article);
      } catch (error) {
        if (error instanceof ExtractError) return errorLine(file, error.reason, error.message);
        throw error;
      }
    });
    let allExtracted = true;
    try {
      for (const result of results) {
        const line = await result;
        if ('error' in line) allExtracted = false;
        process.stdout.write(`${JSON.stringify(line)}\n`);
      }
    } finally {
      await pool.close();
    }
    if (!allExtracted) process.exitCode = 1;
  });
