import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

interface TurboRun {
  status: number | null;
  output: string;
  /** `hit` or `miss` per task that ran, e.g. `{ '@fx/b#typecheck': 'hit' }`. */
  cache: Record<string, 'hit' | 'miss'>;
}

/**
 * Turbo's cache replays a task whose hash it has seen. The hash of a package's typecheck must
 * change with everything that decides the outcome: its own files, the sources of the packages it
 * imports (they export TypeScript, which its `tsc` reads) and the shared compiler options. This
 * runs the repository's own `typecheck` task definition (from turbo.json) with the repository's
 * turbo and TypeScript on a two-package workspace in a temporary git repository: `@fx/b` imports
 * `answer` from `@fx/a`.
 */
describe("turbo's typecheck cache", () => {
  let dir: string;

  function file(path: string, text: string): void {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }

  function typecheckB(): TurboRun {
    // Turbo's variables of the run this test is part of stay out of the nested run.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TURBO_')));
    const r = spawnSync(join(root, 'node_modules', '.bin', 'turbo'), ['run', 'typecheck', '--filter=@fx/b'], {
      cwd: dir,
      env: { ...env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    const output = `${r.stdout}${r.stderr}`;
    const cache: TurboRun['cache'] = {};
    for (const m of output.matchAll(/^(@fx\/\w+):(\w+): cache (hit|miss)/gm))
      cache[`${m[1]}#${m[2]}`] = m[3] as 'hit' | 'miss';
    return { status: r.status, output, cache };
  }

  const warm: TurboRun[] = [];
  let renamed: TurboRun;
  let restored: TurboRun;
  let looser: TurboRun;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tally-turbo-cache-'));
    const turbo = JSON.parse(readFileSync(join(root, 'turbo.json'), 'utf8'));
    file('turbo.json', JSON.stringify({ tasks: { typecheck: turbo.tasks.typecheck } }, null, 2));
    file('tsconfig.base.json', readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
    file(
      'package.json',
      JSON.stringify({ name: 'fx', private: true, workspaces: ['packages/*'], packageManager: 'npm@11.19.1' }),
    );
    file('.gitignore', 'node_modules\n.turbo\n');
    for (const [name, deps] of [
      ['a', {}],
      ['b', { '@fx/a': '0.0.0' }],
    ] as const) {
      file(
        `packages/${name}/package.json`,
        JSON.stringify({
          name: `@fx/${name}`,
          version: '0.0.0',
          type: 'module',
          exports: { '.': './src/index.ts' },
          dependencies: deps,
          scripts: { typecheck: 'tsc -p tsconfig.json' },
        }),
      );
      file(`packages/${name}/tsconfig.json`, JSON.stringify({ extends: '../../tsconfig.base.json', include: ['src'] }));
    }
    file('packages/a/src/index.ts', 'export const answer = 42;\n');
    // Passes under `strict` only: without it the expected error is not there, and tsc says so.
    file(
      'packages/b/src/index.ts',
      "import { answer } from '@fx/a';\nexport const doubled = answer * 2;\n" +
        '// @ts-expect-error a parameter of implicit type any, an error under strict\nexport const echo = function (value) {\n  return value;\n};\n',
    );
    // The workspace's links as npm makes them, to the repository's TypeScript and Node types.
    mkdirSync(join(dir, 'node_modules', '@fx'), { recursive: true });
    mkdirSync(join(dir, 'node_modules', '@types'), { recursive: true });
    mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
    symlinkSync(join(dir, 'packages', 'a'), join(dir, 'node_modules', '@fx', 'a'));
    symlinkSync(join(root, 'node_modules', 'typescript'), join(dir, 'node_modules', 'typescript'));
    symlinkSync(join(root, 'node_modules', '@types', 'node'), join(dir, 'node_modules', '@types', 'node'));
    symlinkSync(join(root, 'node_modules', '.bin', 'tsc'), join(dir, 'node_modules', '.bin', 'tsc'));
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@localhost', ...args], { cwd: dir });
    git('init', '-q', '.');
    git('add', '-A');
    git('commit', '-qm', 'fixture');

    warm.push(typecheckB(), typecheckB());
    file('packages/a/src/index.ts', 'export const reply = 42;\n');
    renamed = typecheckB();
    file('packages/a/src/index.ts', 'export const answer = 42;\n');
    restored = typecheckB();
    file(
      'tsconfig.base.json',
      readFileSync(join(root, 'tsconfig.base.json'), 'utf8').replace('"strict": true', '"strict": false'),
    );
    looser = typecheckB();
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is warm: the second run replays the first', () => {
    expect(warm[0]!.status, warm[0]!.output).toBe(0);
    expect(warm[1]!.status, warm[1]!.output).toBe(0);
    expect(warm[1]!.cache['@fx/b#typecheck']).toBe('hit');
  });

  it('runs a dependent again when a dependency renames an export, and fails it', () => {
    expect(renamed.cache['@fx/b#typecheck']).toBe('miss');
    expect(renamed.status).not.toBe(0);
    expect(renamed.output).toMatch(/error TS2305: Module '"@fx\/a"' has no exported member 'answer'/);
  });

  it('replays the passing result again once the dependency is as it was', () => {
    expect(restored.status, restored.output).toBe(0);
    expect(restored.cache['@fx/b#typecheck']).toBe('hit');
  });

  it('runs again when tsconfig.base.json changes (strict off), and fails where strict was relied on', () => {
    expect(looser.cache['@fx/b#typecheck']).toBe('miss');
    expect(looser.status).not.toBe(0);
    expect(looser.output).toMatch(/error TS2578: Unused '@ts-expect-error' directive/);
  });
});
