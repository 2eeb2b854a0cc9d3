import { readFile } from 'node:fs/promises';
import { type ParseResult, parseFeed } from '@tally/feeds';
import { Command } from 'commander';
import { z } from 'zod';

const Options = z.object({
  url: z.url({ protocol: /^https?$/ }).optional(),
  contentType: z.string().min(1).optional(),
});

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

function lineFor(file: string, result: ParseResult): Record<string, unknown> {
  if (!result.ok) {
    const { code, message, advertisedFeeds } = result.error;
    return { file, error: { code, message, ...(advertisedFeeds.length > 0 ? { advertisedFeeds } : {}) } };
  }
  return {
    file,
    feed: result.feed,
    items: result.items,
    encoding: result.encoding,
    ...(result.warnings.length > 0 ? { warnings: result.warnings } : {}),
  };
}

export default new Command('parse-feed')
  .description('Parse RSS, RDF, Atom or JSON Feed files offline and print one JSON line per file.')
  .argument('<files...>', 'feed files to parse; "-" reads standard input')
  .option('--url <url>', 'the URL the feed came from: the last base for relative links')
  .option('--content-type <value>', 'the Content-Type it was served with, e.g. "text/xml; charset=koi8-r"')
  .addHelpText(
    'after',
    '\nOutput, one line per file:\n' +
      '  {"file","feed":{"title","link","format"},"items":[{"id","title","link","published","updated",\n' +
      '   "author","summary","content"}],"encoding","warnings"?}\n' +
      '  {"file","error":{"code","message","advertisedFeeds"?}}\n' +
      'Dates are ISO 8601 UTC or null; summary and content are HTML. Bytes are decoded by BOM, then the\n' +
      '--content-type charset, then the XML prolog. Nothing is fetched, not even external entities.\n' +
      '\nError codes: not-a-feed (an HTML page also lists the feeds it advertises), malformed, bad-encoding,\n' +
      'empty, unreadable (the file could not be read).\n' +
      'Exit status: 0 when every file parsed as a feed, 1 otherwise.\n' +
      '\nExamples:\n' +
      '  tally parse-feed saved/*.xml\n' +
      '  curl -s https://example.org/feed | tally parse-feed - --url https://example.org/feed\n' +
      "  tally parse-feed feed.xml | jq '.items[].title'",
  )
  .action(async (files: string[], raw: { url?: string; contentType?: string }) => {
    const parsedOptions = Options.safeParse(raw);
    if (!parsedOptions.success) {
      process.stderr.write(`parse-feed: ${z.prettifyError(parsedOptions.error)}\n`);
      process.exitCode = 1;
      return;
    }
    const options = parsedOptions.data;
    let stdin: Uint8Array | undefined;
    let allParsed = true;
    for (const file of files) {
      let bytes: Uint8Array;
      try {
        if (file === '-') {
          stdin ??= await readStdin();
          bytes = stdin;
        } else {
          bytes = await readFile(file);
        }
      } catch (error) {
        allParsed = false;
        const message = (error as NodeJS.ErrnoException).message;
        process.stdout.write(`${JSON.stringify({ file, error: { code: 'unreadable', message } })}\n`);
        continue;
      }
      const result = parseFeed(bytes, { url: options.url ?? null, contentType: options.contentType ?? null });
      if (!result.ok) allParsed = false;
      process.stdout.write(`${JSON.stringify(lineFor(file, result))}\n`);
    }
    process.exitCode = allParsed ? 0 : 1;
  });
