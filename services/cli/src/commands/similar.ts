import { readFile } from 'node:fs/promises';
import { clusterTexts, DEFAULT_THRESHOLD } from '@tally/dedupe';
import { Command } from 'commander';
import { z } from 'zod';

const Options = z.object({
  threshold: z.coerce.number().min(0).max(1).default(DEFAULT_THRESHOLD),
});

function fail(message: string, code: string, exitCode: number): void {
  process.stderr.write(`tally similar: ${message} [${code}]\n`);
  process.exitCode = exitCode;
}

export default new Command('similar')
  .description('Group plain-text files into near-duplicates: which are copies of which (offline, nothing indexed).')
  .argument('<files...>', 'plain-text files (UTF-8), e.g. article texts as extracted')
  .option(
    '--threshold <similarity>',
    `estimated Jaccard similarity of 4-word shingles from which a file is a copy, 0 to 1 (default ${DEFAULT_THRESHOLD})`,
  )
  .addHelpText(
    'after',
    '\nOutput, one JSON document on standard output:\n' +
      '  {"clusters":[{"original":FILE,"copies":[{"file":FILE,"similarity":0.87}]}]}\n' +
      'Every file appears exactly once: as the original of a cluster (a file with no copies is a cluster\n' +
      'without copies) or as a copy. Files carry no publication date, so the first file given of a group\n' +
      'of copies is its original: list the earliest published first. Clusters come in the order of their\n' +
      'originals; a file named twice counts once.\n' +
      '\nText is compared after typographic normalisation (quotes, dashes, spaces, case) and without\n' +
      'headline-like and furniture lines, so another headline, a share bar, tracking links, a dropped,\n' +
      'added or moved paragraph still leave a copy a copy; different articles on one story stay apart.\n' +
      '\nErrors, one line each on standard error: "tally similar: <message> [<code>]" with the system\n' +
      'code (ENOENT, EISDIR, EACCES, …) for a file that cannot be read, "usage" for a bad option; then\n' +
      'nothing is printed on standard output. Exit status: 0, 1 when a file could not be read, 2 on a\n' +
      'bad option.\n' +
      '\nExamples:\n' +
      '  tally similar wire.txt outlet-a.txt outlet-b.txt\n' +
      "  tally similar texts/*.txt | jq '.clusters[] | select(.copies | length > 0)'",
  )
  .action(async (files: string[], raw: { threshold?: string }) => {
    const parsed = Options.safeParse(raw);
    if (!parsed.success) {
      fail(`--threshold: ${z.prettifyError(parsed.error).replace(/\s+/g, ' ')}`, 'usage', 2);
      return;
    }
    const unique = [...new Set(files)];
    const read = await Promise.all(
      unique.map(async (file) => {
        try {
          return { file, text: await readFile(file, 'utf8') };
        } catch (err) {
          const e = err as NodeJS.ErrnoException;
          fail(`cannot read ${file}: ${e.message}`, e.code ?? 'unreadable', 1);
          return null;
        }
      }),
    );
    if (read.some((r) => r === null)) return;
    const clusters = clusterTexts(
      read.map((r) => ({ id: r!.file, text: r!.text })),
      { threshold: parsed.data.threshold },
    );
    const out = {
      clusters: clusters.map((c) => ({
        original: c.original,
        copies: c.copies.map((x) => ({ file: x.id, similarity: Math.round(x.similarity * 1000) / 1000 })),
      })),
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
  });
