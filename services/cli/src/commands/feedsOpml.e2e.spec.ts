import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readerExportOpml } from '@tally/feeds/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rowsOf, runTally } from '../../test/support/tallyProcess.ts';

const readerExport = readerExportOpml({ nonHttpFeed: false });

describe('tally feeds import / export (OPML)', () => {
  let dir: string;
  let env: Record<string, string>;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tally-opml-'));
    env = { TALLY_DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'silent', DATABASE_URL: '' };
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a reader export with its folders as tags, lists them, exports them back, and imports nothing twice', async () => {
    const file = join(dir, 'subscriptions.opml');
    writeFileSync(file, readerExport);
    const first = await runTally(['feeds', 'import', file], env);
    expect(first.code, first.stderr).toBe(0);
    const rows = rowsOf(first.stdout);
    expect(rows.map(([outcome, , url, tags]) => [outcome, url, tags])).toEqual([
      ['added', 'https://harbour.example/feed', 'News'],
      ['added', 'https://wire.example/rss', 'News, Economy'],
      ['added', 'https://loose.example/atom.xml', ''],
    ]);
    expect(first.stderr).toContain('3 added, 0 registered already, 0 skipped');

    const list = await runTally(['feeds', 'list', '--json'], env);
    expect(list.code, list.stderr).toBe(0);
    const listed = list.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { url: string; tags: string[] });
    expect(listed.map((f) => [f.url, f.tags])).toEqual([
      ['https://harbour.example/feed', ['News']],
      ['https://wire.example/rss', ['News', 'Economy']],
      ['https://loose.example/atom.xml', []],
    ]);

    const out = join(dir, 'export.opml');
    const exported = await runTally(['feeds', 'export', out], env);
    expect(exported.code, exported.stderr).toBe(0);
    const xml = readFileSync(out, 'utf8');
    expect(xml).toContain('<opml version="2.0">');
    expect(xml).toMatch(/<outline text="News">[\s\S]*xmlUrl="https:\/\/harbour\.example\/feed"/);
    const toStdout = await runTally(['feeds', 'export'], env);
    expect(toStdout.stdout.replace(/<dateCreated>.*<\/dateCreated>/, '')).toBe(
      xml.replace(/<dateCreated>.*<\/dateCreated>/, ''),
    );

    // The export, imported into another data directory, gives the same feeds and tags.
    const other = { ...env, TALLY_DATA_DIR: join(dir, 'other') };
    const reimport = await runTally(['feeds', 'import', '--json', out], other);
    expect(reimport.code, reimport.stderr).toBe(0);
    const summary = JSON.parse(reimport.stdout) as { created: number; feeds: { url: string; tags: string[] }[] };
    expect(summary.created).toBe(3);
    expect(summary.feeds.map((f) => [f.url, f.tags]).sort()).toEqual(listed.map((f) => [f.url, f.tags]).sort());

    const again = await runTally(['feeds', 'import', file], env);
    expect(again.code, again.stderr).toBe(0);
    expect(rowsOf(again.stdout).map(([outcome]) => outcome)).toEqual(['exists', 'exists', 'exists']);
  });

  it('refuses a hostile or broken file with its reason code and registers nothing', async () => {
    const cases: [string, string][] = [
      [
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><opml version="2.0"><body><outline text="&lol2;" xmlUrl="https://a.example/"/></body></opml>',
        'doctype',
      ],
      ['<opml version="2.0"><body><outline text="x" xmlUrl="https://a.example/"></body></opml>', 'malformed'],
      ['<rss version="2.0"><channel><title>x</title></channel></rss>', 'not-opml'],
      [`<opml version="2.0"><body>${' '.repeat(1_100_000)}</body></opml>`, 'too-large'],
      [
        readerExport.replace('https://loose.example', 'https://reader:s3cret-pass@loose.example'),
        'feed-url-credentials',
      ],
    ];
    for (const [content, code] of cases) {
      const file = join(dir, `${code}.opml`);
      writeFileSync(file, content);
      const run = await runTally(['feeds', 'import', file], env);
      expect(run.code, code).toBe(2);
      expect(run.stderr).toContain(`[${code}]`);
      expect(run.stderr).toContain('nothing registered');
      expect(run.stderr).not.toContain('s3cret-pass');
    }
    const list = await runTally(['feeds', 'list', '--json', '--all'], env);
    expect(list.stdout.trim()).toBe('');
  });
});
