import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTally } from './support/tallyProcess.ts';

const rss = (title: string, itemBody: string): string =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>https://news.example/</link>` +
  `<item><guid>https://news.example/1</guid><title>${title} item</title>${itemBody}</item></channel></rss>`;

/** `tally parse-feed` as an operator runs it on saved files: one line per file, whatever the files hold. */
describe('tally parse-feed on a deeply nested file between good ones', () => {
  let dir: string;
  const files: Record<string, string> = {};

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tally-parse-feed-'));
    const documents = {
      'good.xml': rss('First', '<description>Plain.</description>'),
      // About 9 KB: 3,000 nested elements inside one item's description.
      'deep.xml': rss('Deep', `<description>${'<b>'.repeat(3000)}x${'</b>'.repeat(3000)}</description>`),
      'good2.xml': rss('Second', '<description>Also plain.</description>'),
    };
    for (const [name, text] of Object.entries(documents)) {
      files[name] = join(dir, name);
      writeFileSync(files[name], text);
    }
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('prints an error line with a reason code for the deep file and still parses the others', async () => {
    const run = await runTally(['parse-feed', files['good.xml']!, files['deep.xml']!, files['good2.xml']!], {});
    expect(run.stderr).toBe('');
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { file: string; feed?: { title: string }; error?: { code: string } });
    expect(lines.map((l) => l.file)).toEqual([files['good.xml'], files['deep.xml'], files['good2.xml']]);
    expect(lines[0]!.feed?.title).toBe('First');
    expect(lines[1]!.error?.code).toBe('malformed');
    expect(lines[2]!.feed?.title).toBe('Second');
    // One file was not a readable feed, so the run as a whole reports failure.
    expect(run.code).toBe(1);
  });
});
