import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const repo = path.resolve(import.meta.dirname, '../../..');

/**
 * The `@tally/claims` package as it was at a git commit, unpacked under `node_modules/.cache` (so it
 * resolves its dependencies from the repository's `node_modules`) and imported from its source.
 * Lets an evaluation print the previous rules' figures beside the current ones in one run.
 */
export async function claimsAt(ref: string): Promise<Record<string, unknown>> {
  const sha = execFileSync('git', ['rev-parse', '--short=12', `${ref}^{commit}`], {
    cwd: repo,
    encoding: 'utf8',
  }).trim();
  const dir = path.join(repo, 'node_modules/.cache/tally-eval', `claims-${sha}`);
  const entry = path.join(dir, 'packages/claims/src/index.ts');
  if (!existsSync(entry)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const archive = execFileSync('git', ['archive', '--format=tar', sha, 'packages/claims'], {
      cwd: repo,
      maxBuffer: 256 * 1024 * 1024,
    });
    execFileSync('tar', ['-x', '-C', dir], { input: archive });
  }
  return import(pathToFileURL(entry).href) as Promise<Record<string, unknown>>;
}
