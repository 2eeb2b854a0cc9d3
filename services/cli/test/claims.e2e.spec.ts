import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tallyBin } from './support/tallyProcess.ts';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `tally claims` as a user runs it: arguments, and optionally something piped to standard input. */
function claims(args: string[], stdin?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tallyBin, 'claims', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

const lines = (out: string): Array<Record<string, unknown>> =>
  out
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('tally claims', () => {
  let dir: string;
  let earnings: string;
  let layoffs: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tally-claims-'));
    earnings = join(dir, 'earnings.txt');
    layoffs = join(dir, 'layoffs.txt');
    writeFileSync(earnings, 'Acme Corp said its revenue rose 3.5% to $27.2 billion in the third quarter.\n');
    writeFileSync(layoffs, 'The carmaker will cut 1,200 jobs at its two plants, the company said on Tuesday.\n');
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reads several files in one start-up, one JSON line per claim named by its file', async () => {
    const run = await claims([earnings, layoffs, '--published-at', '2024-11-20']);
    expect(run.code).toBe(0);
    const out = lines(run.stdout);
    const revenue = out.find((c) => c.id === earnings && c.value === 27_200_000_000);
    expect(revenue).toMatchObject({ unit: 'USD', measure: 'revenue', change: 'up', changeBy: 3.5, changeUnit: '%' });
    expect(out.some((c) => c.id === layoffs && c.value === 1200 && c.unit === 'job')).toBe(true);
  });

  it('reads a batch of JSON lines on standard input, each article with its own id and date', async () => {
    const batch = [
      { id: 'a1', text: 'Local auto dealers sold 30,154 new cars in October.', publishedAt: '2019-11-05T08:00' },
      { id: 2, text: 'Police arrested six people after the protest, officials said.', publishedAt: '2020-06-01' },
    ]
      .map((a) => JSON.stringify(a))
      .join('\n');
    const run = await claims([], `${batch}\n`);
    expect(run.code).toBe(0);
    const out = lines(run.stdout);
    expect(out.find((c) => c.id === 'a1')).toMatchObject({ value: 30_154, unit: 'car', statedAt: '2019-11-05' });
    expect(out.find((c) => c.id === 2)).toMatchObject({ value: 6 });
  });

  it('reports a malformed line by number, reads the others, and exits 1', async () => {
    const run = await claims([], '{"id":"ok","text":"Sales fell 4% to $2.1 billion."}\nnot json\n{"text":"no id"}\n');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/line 2: not JSON/);
    expect(run.stderr).toMatch(/line 3: /);
    expect(lines(run.stdout).map((c) => c.id)).toContain('ok');
  });

  it('refuses a publication date that is not ISO 8601 with status 2', async () => {
    const run = await claims([earnings, '--published-at', 'last Tuesday']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--published-at/);
  });

  it('ends on hostile text with claims or none, never a crash; a sentence over the cap is named as skipped', async () => {
    const noFullStop = join(dir, 'no-full-stop.txt');
    writeFileSync(noFullStop, 'revenue 12 '.repeat(200_000));
    const binary = join(dir, 'binary.bin');
    writeFileSync(binary, Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 256)));
    const table = join(dir, 'table.txt');
    writeFileSync(table, Array.from({ length: 10_000 }, (_, i) => `${i} | ${i * 3} | ${i * 7}`).join('\n'));
    const mixed = join(dir, 'mixed.txt');
    writeFileSync(mixed, 'השכר עלה ב-5% ל-12,000 שקלים. Revenue rose 5% to $2bn. 收入增长了5%。\n');
    const run = await claims([noFullStop, binary, table, mixed, '--published-at', '2024-01-02']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/no-full-stop\.txt: 1 sentence\(s\) not read \(sentence-too-long\)/);
    expect(lines(run.stdout).some((c) => c.id === mixed && c.value === 2_000_000_000)).toBe(true);
  });
});
