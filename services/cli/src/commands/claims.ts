import { readFile } from 'node:fs/promises';
import { type Claim, type GazetteerExtension, readClaims } from '@tally/claims';
import { Command } from 'commander';
import { z } from 'zod';

/** Any ISO 8601 date or date-time, with or without a zone ("2024-05-03", "2024-05-03T06:04", "…Z", "…+02:00"). */
const PublishedAt = z.union([z.iso.datetime({ offset: true, local: true }), z.iso.date()]);

const Extension = z.object({
  entities: z
    .array(z.object({ id: z.string().min(1), name: z.string().min(1), aliases: z.array(z.string()).optional() }))
    .optional(),
  aliases: z.record(z.string(), z.string()).optional(),
});

/** One article of a batch on standard input. */
const ArticleLine = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  title: z.string().nullish(),
  publishedAt: PublishedAt.nullish(),
});

interface Article {
  id: string | number;
  text: string;
  title: string | null;
  publishedAt: string | null;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** A claim as printed: its article's id first, then every field but the sentence's own span. */
function line(id: string | number, { sentenceSpan: _, ...claim }: Claim): string {
  return JSON.stringify({ id, ...claim });
}

/** Standard input holds JSON lines of articles when its first non-blank character opens an object. */
const looksLikeJsonLines = (text: string): boolean => /^\s*\{/.test(text);

export default new Command('claims')
  .description('Extract the claims of articles: who did what to whom, how much, said by whom, when.')
  .argument('[files...]', 'plain-text articles; "-" or nothing reads standard input')
  .option('--published-at <iso>', 'publication date of plain-text input (ISO 8601 date or date-time, zone optional)')
  .option('--title <text>', 'the headline, when the text is the body without it ("White House: …" names the speaker)')
  .option(
    '--gazetteer <file>',
    'a JSON file of extra names: {"entities":[{"id","name","aliases"}],"aliases":{"name":"id"}}',
  )
  .option('--jsonl', 'standard input is JSON lines of articles (detected when it starts with "{")')
  .addHelpText(
    'after',
    '\nInput: plain-text files, or on standard input either one plain text or JSON lines of articles\n' +
      '  {"id","text","title"?,"publishedAt"?} — a batch in one start-up.\n' +
      '\nOutput: one JSON line per claim, with the id of its article (the file name for files, "-" for plain\n' +
      '  standard input):\n' +
      '  {"id","figureKey","subject","predicate","recipient","value","range","bound","unit","concept","measure",\n' +
      '   "change","changeBy","changeUnit","previous","negated","hedged","speaker":{"name","role"}|null,\n' +
      '   "statedAt","period":{"from","to","text","label"}|null,"sentence","span":[start,end]}\n' +
      'The figure key is family:subject[>recipient][:measure]:unit[:scope], e.g. level:home-depot:revenue:USD,\n' +
      '  transfer:KP>RU:container. value is in base units (£3.1bn → 3100000000, unit GBP); range is [lo,hi] when\n' +
      '  only a range is known; bound is = > >= < <= ~ ~< ; change is up|down, changeBy its stated amount in\n' +
      '  changeUnit ("%", "percentage point" or the figure\'s unit); previous the earlier level.\n' +
      'statedAt is YYYY-MM-DD, YYYY-MM or YYYY: the date of the statement, else the day of publication.\n' +
      'Spans are offsets into the article text. Sentences over 1,000 characters are skipped; each article that\n' +
      '  had some is named on standard error with the reason (sentence-too-long).\n' +
      'Exit status: 0 on success, 1 when an input cannot be read or a JSON line is malformed (the others are\n' +
      '  still read), 2 on a bad option.\n' +
      '\nExamples:\n' +
      '  tally claims article.txt --published-at 2023-10-13\n' +
      "  tally claims body.txt --title 'White House: North Korea sent 300 containers to Russia'\n" +
      '  printf \'%s\\n\' \'{"id":1,"text":"Revenue rose 3.5% to $27.2 billion.","publishedAt":"2019-11-19"}\' | tally claims\n' +
      '  tally claims a.txt b.txt | jq -r \'.id + " " + .figureKey\'',
  )
  .action(
    async (files: string[], opts: { publishedAt?: string; title?: string; gazetteer?: string; jsonl?: boolean }) => {
      // A bad option is a usage error (status 2); an unreadable input is a failure (status 1).
      const warn = (message: string): void => {
        process.stderr.write(`tally claims: ${message}\n`);
      };
      const usage = (message: string): void => {
        warn(message);
        process.exitCode = 2;
      };
      let publishedAt: string | null = null;
      if (opts.publishedAt !== undefined) {
        const parsed = PublishedAt.safeParse(opts.publishedAt);
        if (!parsed.success)
          return usage(`--published-at must be an ISO 8601 date or date-time, got "${opts.publishedAt}"`);
        publishedAt = parsed.data;
      }
      let gazetteer: GazetteerExtension | undefined;
      if (opts.gazetteer) {
        let json: unknown;
        try {
          json = JSON.parse(await readFile(opts.gazetteer, 'utf8'));
        } catch (error) {
          return usage(`--gazetteer: ${(error as Error).message}`);
        }
        const parsed = Extension.safeParse(json);
        if (!parsed.success) return usage(`--gazetteer: ${z.prettifyError(parsed.error)}`);
        gazetteer = parsed.data;
      }

      let failed = false;
      const analyse = (a: Article): void => {
        const reading = readClaims(a.text, { publishedAt: a.publishedAt, title: a.title, gazetteer });
        for (const c of reading.claims) process.stdout.write(`${line(a.id, c)}\n`);
        for (const s of reading.skipped) warn(`${a.id}: ${s.sentences} sentence(s) not read (${s.reason})`);
      };
      const plain = (id: string, text: string): Article => ({ id, text, title: opts.title ?? null, publishedAt });

      const inputs = files.length === 0 ? ['-'] : files;
      for (const file of inputs) {
        let text: string;
        try {
          text = file === '-' ? await readStdin() : await readFile(file, 'utf8');
        } catch (error) {
          warn((error as Error).message);
          failed = true;
          continue;
        }
        if (file !== '-' || !(opts.jsonl || looksLikeJsonLines(text))) {
          analyse(plain(file, text));
          continue;
        }
        const lines = text.split('\n');
        for (let i = 0; i < lines.length; i++) {
          if (lines[i]!.trim() === '') continue;
          let json: unknown;
          try {
            json = JSON.parse(lines[i]!);
          } catch (error) {
            warn(`line ${i + 1}: not JSON (${(error as Error).message})`);
            failed = true;
            continue;
          }
          const parsed = ArticleLine.safeParse(json);
          if (!parsed.success) {
            warn(`line ${i + 1}: ${z.prettifyError(parsed.error).replace(/\n/g, '; ')}`);
            failed = true;
            continue;
          }
          const { id, text: body, title, publishedAt: at } = parsed.data;
          analyse({ id, text: body, title: title ?? null, publishedAt: at ?? publishedAt });
        }
      }
      if (failed) process.exitCode = 1;
    },
  );
