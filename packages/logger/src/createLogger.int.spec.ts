import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from './index.ts';

const dir = mkdtempSync(join(tmpdir(), 'tally-logger-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sink() {
  const lines: string[] = [];
  return { lines, stream: { write: (line: string) => void lines.push(line) } };
}

async function settled(file: string, lines: number): Promise<string[]> {
  for (let i = 0; i < 100; i++) {
    const text = (() => {
      try {
        return readFileSync(file, 'utf8');
      } catch {
        return '';
      }
    })();
    const got = text.split('\n').filter(Boolean);
    if (got.length >= lines) return got;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${file} never held ${lines} lines`);
}

describe('createLogger', () => {
  it('writes JSON lines by default, secrets redacted', () => {
    const out = sink();
    createLogger({ stream: out.stream }).info({ token: 'secret-token-value' }, 'hello');
    const record = JSON.parse(out.lines[0]!) as Record<string, unknown>;
    expect(record).toMatchObject({ msg: 'hello', token: '[redacted]', level: 30 });
  });

  it('in the text format writes short lines from textLevel up, and every record at level as JSON to the file', async () => {
    const out = sink();
    const file = join(dir, 'logs', 'tally.log');
    const log = createLogger({ stream: out.stream, format: 'text', textLevel: 'warn', level: 'info', file });
    log.info({ feedId: 'f1' }, 'feed polled');
    log.warn({ reason: 'http-404', token: 'secret-token-value' }, 'article fetch failed');
    log.debug('below the level');
    expect(out.lines).toHaveLength(1);
    expect(out.lines[0]).toMatch(/ WARN article fetch failed {2}reason=http-404 {2}token=\[redacted\]\n$/);
    expect(out.lines[0]).not.toContain('{');
    const json = (await settled(file, 2)).map((l) => JSON.parse(l) as { msg: string; token?: string });
    expect(json.map((r) => r.msg)).toEqual(['feed polled', 'article fetch failed']);
    expect(json[1]!.token).toBe('[redacted]');
  });

  it('with a file and JSON lines writes both', async () => {
    const out = sink();
    const file = join(dir, 'both.log');
    createLogger({ stream: out.stream, file }).info('api listening');
    expect(JSON.parse(out.lines[0]!)).toMatchObject({ msg: 'api listening' });
    expect((await settled(file, 1)).map((l) => JSON.parse(l).msg)).toEqual(['api listening']);
  });
});
