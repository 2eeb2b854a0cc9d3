import { readFile } from 'node:fs/promises';
import { type Claim, extractClaims, type GazetteerExtension } from '@tally/claims';
import { Command } from 'commander';
import { z } from 'zod';

const PublishedAt = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

const Extension = z.object({
  entities: z
    .array(z.object({ id: z.string().min(1), name: z.string().min(1), aliases: z.array(z.string()).optional() }))
    .optional(),
  aliases: z.record(z.string(), z.string()).optional(),
});

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** A claim as printed: every field but the sentence's own span, which the output leaves out. */
function view({ sentenceSpan: _, ...claim }: Claim): Omit<Claim, 'sentenceSpan'> {
  return claim;
}

export default new Command('claims')
  .description('Extract the claims of an article text: who did what to whom, how much, said by whom, when.')
  .argument('[file]', 'a plain-text article; "-" or nothing reads standard input', '-')
  .option('--published-at <iso>', 'the publication date (ISO 8601): "on Friday", "last month" resolve against it')
  .option('--title <text>', 'the headline, when the text is the body without it ("White House: …" names the speaker)')
  .option(
    '--gazetteer <file>',
    'a JSON file of extra names: {"entities":[{"id","name","aliases"}],"aliases":{"name":"id"}}',
  )
  .addHelpText(
    'after',
    '\nOutput, one JSON object:\n' +
      '  {"claims":[{"figureKey","subject","predicate","recipient","value","range","bound","unit","concept",\n' +
      '    "change","negated","hedged","speaker":{"name","role"}|null,"statedAt","period":{"from","to","text"}|null,\n' +
      '    "sentence","span":[start,end]}]}\n' +
      'The figure key is predicate:subject>recipient:unit[:scope], e.g. transfer:KP>RU:container.\n' +
      'statedAt is YYYY-MM-DD, YYYY-MM or YYYY; without a date in the text it is the publication month.\n' +
      'Spans are offsets into the input text.\n' +
      'Exit status: 0 on success, 1 when the file cannot be read, 2 on a bad option.\n' +
      '\nExamples:\n' +
      '  tally claims article.txt --published-at 2023-10-13\n' +
      "  tally claims body.txt --title 'White House: North Korea sent 300 containers to Russia'\n" +
      "  curl -s https://example.org/a.txt | tally claims - --published-at 2024-05-03T06:04:00Z | jq '.claims[].figureKey'",
  )
  .action(async (file: string, opts: { publishedAt?: string; title?: string; gazetteer?: string }) => {
    // A bad option is a usage error (status 2); an unreadable input is a failure (status 1).
    const fail = (message: string, status: number): void => {
      process.stderr.write(`tally claims: ${message}\n`);
      process.exitCode = status;
    };
    let publishedAt: string | null = null;
    if (opts.publishedAt !== undefined) {
      const parsed = PublishedAt.safeParse(opts.publishedAt);
      if (!parsed.success)
        return fail(`--published-at must be an ISO 8601 date or date-time, got "${opts.publishedAt}"`, 2);
      publishedAt = parsed.data;
    }
    let gazetteer: GazetteerExtension | undefined;
    if (opts.gazetteer) {
      let json: unknown;
      try {
        json = JSON.parse(await readFile(opts.gazetteer, 'utf8'));
      } catch (error) {
        return fail(`--gazetteer: ${(error as Error).message}`, 2);
      }
      const parsed = Extension.safeParse(json);
      if (!parsed.success) return fail(`--gazetteer: ${z.prettifyError(parsed.error)}`, 2);
      gazetteer = parsed.data;
    }
    let text: string;
    try {
      text = file === '-' ? await readStdin() : await readFile(file, 'utf8');
    } catch (error) {
      return fail((error as Error).message, 1);
    }
    const claims = extractClaims(text, { publishedAt, title: opts.title ?? null, gazetteer });
    process.stdout.write(`${JSON.stringify({ claims: claims.map(view) })}\n`);
  });
