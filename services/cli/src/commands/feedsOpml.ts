import { closeSync, openSync, readSync, statSync, writeFileSync } from 'node:fs';
import { type OpmlImport, OpmlImportError } from '@tally/ingest';
import { createFeedCommands } from '@tally/pipeline';
import { Command } from 'commander';
import { cliConfig, UsageError, withStore } from '../context.ts';

/** The largest OPML file read; the same bound `readOpml` refuses past. */
const MAX_OPML_BYTES = 1_048_576;

/** Reads at most `MAX_OPML_BYTES + 1` bytes, so a huge file is refused without being read whole. */
function readBounded(path: string): Buffer {
  let fd: number;
  try {
    if (!statSync(path).isFile()) throw new UsageError(`${path} is not a file`, 'not-a-file');
    fd = openSync(path, 'r');
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`cannot read ${path}: ${(err as Error).message}`, 'unreadable');
  }
  try {
    const buffer = Buffer.alloc(MAX_OPML_BYTES + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0 || length + n >= buffer.length) return buffer.subarray(0, length + n);
      length += n;
    }
  } finally {
    closeSync(fd);
  }
}

export const importOpmlCommand = new Command('import')
  .description('Register every feed of an OPML subscription list; its folders become the feeds\u2019 tags.')
  .argument('<file>', 'OPML file (1.0 or 2.0), as feed readers export it')
  .option('--json', 'print the outcome as one JSON object')
  .addHelpText(
    'after',
    '\nA file that is not readable OPML (malformed, DOCTYPE/entities, over 1 MiB, over 10,000 feeds, folders\n' +
      'nested over 32 deep) or lists a URL with credentials registers nothing: exit status 2 and the reason\n' +
      'code. Feeds registered already are left as they are ("exists").\n\nExample:\n  tally feeds import subscriptions.opml',
  )
  .action(async (file: string, opts: { json?: boolean }) => {
    const bytes = readBounded(file);
    await withStore(cliConfig(), async (store) => {
      let result: OpmlImport;
      try {
        result = await createFeedCommands({ store }).importOpml(bytes, 'cli', { maxBytes: MAX_OPML_BYTES });
      } catch (err) {
        if (err instanceof OpmlImportError)
          throw new UsageError(`${file}: ${err.message} (nothing registered)`, err.code);
        throw err;
      }
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(result)}\n`);
        return;
      }
      for (const f of result.feeds) {
        process.stdout.write(`${f.created ? 'added' : 'exists'}\t${f.feedId}\t${f.url}\t${f.tags.join(', ')}\n`);
      }
      for (const s of result.skipped) process.stderr.write(`skipped\t${s.url}\t${s.reason}\n`);
      process.stderr.write(
        `${result.created} added, ${result.existing} registered already, ${result.skipped.length} skipped\n`,
      );
    });
  });

export const exportOpmlCommand = new Command('export')
  .description('Write the registered feeds as an OPML 2.0 subscription list (tags as folders), to FILE or stdout.')
  .argument('[file]', 'where to write it; stdout when left out')
  .action(async (file: string | undefined) => {
    const xml = await withStore(cliConfig(), (store) => createFeedCommands({ store }).exportOpml());
    if (file) writeFileSync(file, xml);
    else process.stdout.write(xml.endsWith('\n') ? xml : `${xml}\n`);
  });
