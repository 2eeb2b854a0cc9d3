import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkHouse, type HouseRules } from './checkHouse.ts';
import { findCircles } from './findCircles.ts';
import { readWorkspace } from './readWorkspace.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Writes a small workspace: a domain package `core`, an adapter `store` over it, a service `app`. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'house-'));
  made.push(root);
  const all: Record<string, string> = {
    'package.json': JSON.stringify({ workspaces: ['packages/*', 'services/*'] }),
    'packages/core/package.json': manifest('@fx/core', {}),
    'packages/store/package.json': manifest('@fx/store', { '@fx/core': '*' }),
    'packages/store/src/index.ts': "import { rule } from '@fx/core';\nexport const kept = rule;\n",
    'services/app/package.json': manifest('@fx/app', { '@fx/store': '*' }),
    ...files,
  };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function manifest(name: string, dependencies: Record<string, string>): string {
  return JSON.stringify({ name, exports: { '.': './src/index.ts' }, dependencies });
}

const rules: HouseRules = {
  layerOf: (pkg) => (pkg.name === '@fx/core' ? 'domain' : pkg.name === '@fx/store' ? 'adapter' : 'service'),
  impureModules: ['pg'],
  supportDirs: ['bench'],
  forbidden: [],
  allowed: [],
};

const cleanCore = {
  'packages/core/src/index.ts': "export { rule } from './rule.ts';\n",
  'packages/core/src/rule.ts': "import type { Shape } from './shape.ts';\nexport const rule = (s: Shape) => s.size;\n",
  'packages/core/src/shape.ts': 'export interface Shape { size: number }\n',
  'services/app/src/main.ts': "import { kept } from '@fx/store';\nconsole.log(kept);\n",
};

describe('checkHouse', () => {
  it('finds nothing in a house that keeps the rules', () => {
    const report = checkHouse(readWorkspace(tree(cleanCore)), rules);
    expect(report.violations).toEqual([]);
  });

  it('fails on a domain import of an adapter, an undeclared package, an impure module and a circle', () => {
    const root = tree({
      ...cleanCore,
      // the domain reaches an adapter it does not declare, and a driver
      'packages/core/src/save.ts': "import { kept } from '@fx/store';\nimport pg from 'pg';\nexport { kept, pg };\n",
      // a type-only import back closes a circle rule -> shape -> rule
      'packages/core/src/shape.ts':
        "import type { rule } from './rule.ts';\nexport interface Shape { size: number; r?: typeof rule }\n",
      // production code reaching its package's support code
      'packages/core/src/timing.ts': "export { runs } from '../bench/runs.ts';\n",
      'packages/core/bench/runs.ts': 'export const runs = 3;\n',
      // a service naming a package it does not declare, and another package's file by path
      'services/app/src/main.ts':
        "import { rule } from '@fx/core';\nimport { kept } from '../../../packages/store/src/index.ts';\nconsole.log(rule, kept);\n",
    });
    const keys = checkHouse(readWorkspace(root), rules).violations.map((v) => v.key);
    expect(keys.sort()).toEqual(
      [
        'circle packages/core/src/rule.ts | packages/core/src/shape.ts',
        'domain-reaches-out packages/core/src/save.ts -> @fx/store',
        'domain-reaches-out packages/core/src/save.ts -> pg',
        'domain-reaches-out packages/core/src/timing.ts -> packages/core/bench/runs.ts',
        'into-another-package services/app/src/main.ts -> packages/store/src/index.ts',
        'undeclared-package packages/core/src/save.ts -> @fx/store',
        'undeclared-package services/app/src/main.ts -> @fx/core',
      ].sort(),
    );
  });

  it('fails on an import between layers the rules forbid, and only there', () => {
    const root = tree({
      ...cleanCore,
      'packages/face/package.json': manifest('@fx/face', { '@fx/flow': '*', '@fx/store': '*' }),
      'packages/face/src/index.ts':
        "import { run } from '@fx/flow';\nimport { kept } from '@fx/store';\nexport { run, kept };\n",
      'packages/flow/package.json': manifest('@fx/flow', {}),
      'packages/flow/src/index.ts': 'export const run = 1;\n',
    });
    const layered: HouseRules = {
      ...rules,
      layerOf: (pkg) => (pkg.name === '@fx/face' ? 'face' : pkg.name === '@fx/flow' ? 'pipeline' : rules.layerOf(pkg)),
      forbidden: [{ from: 'face', to: 'pipeline', why: 'faces take ports' }],
    };
    const violations = checkHouse(readWorkspace(root), layered).violations;
    expect(violations.map((v) => `${v.key} (${v.detail})`)).toEqual([
      'layer-forbidden packages/face/src/index.ts -> @fx/flow (faces take ports)',
    ]);
  });

  it('fails on a domain package, an adapter or a service importing a tools workspace; tools may import them', () => {
    const root = tree({
      ...cleanCore,
      'package.json': JSON.stringify({ workspaces: ['packages/*', 'services/*', 'tools/*'] }),
      'tools/bench/package.json': manifest('@fx/bench', { '@fx/core': '*', '@fx/store': '*' }),
      'tools/bench/src/index.ts':
        "import { rule } from '@fx/core';\nimport { kept } from '@fx/store';\nexport const timed = [rule, kept];\n",
      'packages/core/package.json': manifest('@fx/core', { '@fx/bench': '*' }),
      'packages/core/src/timed.ts': "export { timed } from '@fx/bench';\n",
      'packages/store/package.json': manifest('@fx/store', { '@fx/core': '*', '@fx/bench': '*' }),
      'packages/store/src/timed.ts': "export { timed } from '@fx/bench';\n",
      'services/app/package.json': manifest('@fx/app', { '@fx/store': '*', '@fx/bench': '*' }),
      'services/app/src/timed.ts': "export { timed } from '@fx/bench';\n",
    });
    const tooled: HouseRules = {
      ...rules,
      layerOf: (pkg) => (pkg.dir.startsWith('tools/') ? 'tools' : rules.layerOf(pkg)),
      forbidden: (['adapter', 'service'] as const).map((from) => ({ from, to: 'tools', why: 'tools measure' })),
    };
    const keys = checkHouse(readWorkspace(root), tooled).violations.map((v) => v.key);
    expect(keys.sort()).toEqual(
      [
        'domain-reaches-out packages/core/src/timed.ts -> @fx/bench',
        'layer-forbidden packages/store/src/timed.ts -> @fx/bench',
        'layer-forbidden services/app/src/timed.ts -> @fx/bench',
      ].sort(),
    );
  });

  it('reads imports, not text: tests, template strings and comments do not count', () => {
    const root = tree({
      ...cleanCore,
      'packages/core/src/rule.spec.ts': "import { kept } from '@fx/store';\nexport { kept };\n",
      'packages/core/src/suite.ts':
        "import { it } from 'vitest';\nimport { kept } from '@fx/store';\nit('x', () => kept);\n",
      'packages/core/src/generated.ts':
        "// import { kept } from '@fx/store';\nexport const code = `import { kept } from '@fx/store';`;\n",
    });
    expect(checkHouse(readWorkspace(root), rules).violations).toEqual([]);
  });

  it('lets an allowed violation pass and reports an allowance that no longer matches', () => {
    const root = tree({
      ...cleanCore,
      'packages/core/src/save.ts': "import pg from 'pg';\nexport { pg };\n",
    });
    const allowed = [
      { key: 'domain-reaches-out packages/core/src/save.ts -> pg', why: 'moves to the store' },
      { key: 'domain-reaches-out packages/core/src/gone.ts -> pg', why: 'fixed since' },
    ];
    const report = checkHouse(readWorkspace(root), { ...rules, allowed });
    expect(report.violations).toEqual([]);
    expect(report.allowedFound.map((v) => v.key)).toEqual([allowed[0]!.key]);
    expect(report.staleAllowances).toEqual([allowed[1]]);
  });
});

describe('findCircles', () => {
  it('finds each circle once, a long one and a file importing itself, and no chain', () => {
    const edges = new Map<string, Set<string>>([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a', 'd'])],
      ['d', new Set(['e'])],
      ['e', new Set()],
      ['f', new Set(['f'])],
    ]);
    expect(findCircles(edges)).toEqual([['a', 'b', 'c'], ['f']]);
  });
});
