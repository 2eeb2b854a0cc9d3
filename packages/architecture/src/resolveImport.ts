import { existsSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { WorkspacePackage } from './readWorkspace.ts';

/** Where an import leads: a file of the tree, a workspace package (and its file), or a module from outside. */
export type Target =
  | { kind: 'file'; path: string }
  | { kind: 'package'; name: string; path: string | null }
  | { kind: 'external'; name: string }
  | { kind: 'missing' };

const TRIED_ENDINGS = ['', '.ts', '.mts', '.tsx', '.js', '.mjs', '/index.ts', '/index.js'];

/** Resolves `specifier` as written in the file at `from` (paths relative to `root`). */
export function resolveImport(
  root: string,
  from: string,
  specifier: string,
  packagesByName: ReadonlyMap<string, WorkspacePackage>,
): Target {
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    const path = fileAt(root, posix.normalize(posix.join(posix.dirname(from), specifier)));
    return path === null ? { kind: 'missing' } : { kind: 'file', path };
  }
  if (specifier.startsWith('node:')) return { kind: 'external', name: specifier };
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
  const pkg = packagesByName.get(name);
  if (!pkg) return { kind: 'external', name };
  const subpath = specifier === name ? '.' : `.${specifier.slice(name.length)}`;
  return { kind: 'package', name, path: pkg.entries.get(subpath) ?? null };
}

function fileAt(root: string, path: string): string | null {
  // TypeScript lets `./x.js` name `./x.ts`.
  const candidates = TRIED_ENDINGS.map((ending) => path + ending);
  if (/\.[cm]?js$/.test(path)) candidates.push(path.replace(/js$/, 'ts'));
  for (const candidate of candidates) {
    const abs = join(root, candidate);
    if (existsSync(abs) && statSync(abs).isFile()) return candidate;
  }
  return null;
}
