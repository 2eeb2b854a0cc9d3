import { createInterface } from 'node:readline';
import { extractQuantities, type Quantity } from '@tally/claims';
import { Command } from 'commander';
import { z } from 'zod';

const InputLine = z.object({ id: z.union([z.string(), z.number()]), text: z.string() });

function view(q: Quantity, full: boolean): Record<string, unknown> {
  const base = {
    value: q.value,
    range: q.range,
    bound: q.bound,
    change: q.change,
    unit: q.unit,
    concept: q.concept,
    span: q.span,
  };
  return full
    ? { ...base, text: q.text, kind: q.kind, currency: q.currency ?? null, linkedTo: q.linkedTo ?? null }
    : base;
}

export default new Command('quantities')
  .description(
    'Extract the quantities of sentences: reads JSON lines {"id","text"} on stdin, prints one JSON line each.',
  )
  .option('--full', 'also print text, kind, currency and linkedTo for every quantity')
  .addHelpText(
    'after',
    '\nInput, one JSON object per line:\n' +
      '  {"id":"s1","text":"North Korea has sent nearly 11,000 containers of ammunition to Russia."}\n' +
      'Output, one line per input line:\n' +
      '  {"id","quantities":[{"value","range":[lo,hi]|null,"bound","change","unit","concept","span":[start,end]}]}\n' +
      '  {"line":N,"error":{"code","message"}}   for a line that is not JSON (bad-json) or lacks id/text (bad-input)\n' +
      'Bounds: = exact, > more than, >= at least, < fewer than, <= up to, ~ about, ~< nearly.\n' +
      'Spans are offsets into "text"; the text is one sentence or a short passage.\n' +
      'Exit status: 0 when every line was read, 1 when some line was malformed (the others are still printed).\n' +
      '\nExamples:\n' +
      '  echo \'{"id":1,"text":"Up to 1,000 containers were sent."}\' | tally quantities\n' +
      "  tally quantities --full < sentences.jsonl | jq -c '.quantities[] | [.value, .unit]'",
  )
  .action(async (opts: { full?: boolean }) => {
    const full = opts.full === true;
    const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
    let n = 0;
    let malformed = false;
    for await (const raw of lines) {
      n++;
      if (raw.trim() === '') continue;
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch (error) {
        malformed = true;
        process.stdout.write(
          `${JSON.stringify({ line: n, error: { code: 'bad-json', message: (error as Error).message } })}\n`,
        );
        continue;
      }
      const parsed = InputLine.safeParse(json);
      if (!parsed.success) {
        malformed = true;
        process.stdout.write(
          `${JSON.stringify({ line: n, error: { code: 'bad-input', message: z.prettifyError(parsed.error) } })}\n`,
        );
        continue;
      }
      const { id, text } = parsed.data;
      const quantities = extractQuantities(text).map((q) => view(q, full));
      process.stdout.write(`${JSON.stringify({ id, quantities })}\n`);
    }
    if (malformed) process.exitCode = 1;
  });
