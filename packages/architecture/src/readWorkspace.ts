import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { type ImportRef, readImports } from './readImports.ts';

/** A workspace package as its package.json declares it. */
export interface WorkspacePackage {
  name: string;
  /** Its folder, relative to the root, with `/` separators. */
  dir: string;
  /** The `exports` map: subpath (`.`, `./testing`) → file relative to the root. */
  entries: ReadonlyMap<string, string>;
  /** Every package named in dependencies, devDependencies, peerDependencies or optionalDependencies. */
  declared: ReadonlySet<string>;
}

/** A source file of a package with the modules it names. */
export interface SourceFile {
  /** Relative to the root, with `/` separators. */
  path: string;
  packageName: string;
  imports: ImportRef[];
}

export interface Workspace {
  root: string;
  packages: WorkspacePackage[];
  files: SourceFile[];
}

const SOURCE = /\.(?:[cm]?ts|tsx|[cm]?js)$/;
const TEST_NAME = /\.(?:spec|test)\.[cm]?[jt]sx?$/;
/** Folders that hold no source of the package: installs, builds, data and run output. */
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'fixtures', 'test-output', 'bench-output', 'coverage']);
const TEST_DIRS = new Set(['test', 'tests', '__tests__']);

/**
 * Reads the workspaces the root package.json lists (`packages/*`, `services/*`, `tools/*`, `evaluations`) and the imports
 * of every source file in them. Tests are left out: a spec, a file under `test/`, or any file that
 * imports vitest (shared suites, configs, global setups) is test code, free to reach anything.
 */
export function readWorkspace(root: string): Workspace {
  const rootManifest = readJson(join(root, 'package.json'));
  const patterns = Array.isArray(rootManifest.workspaces) ? (rootManifest.workspaces as string[]) : [];
  const packages: WorkspacePackage[] = [];
  const files: SourceFile[] = [];
  for (const dir of expandWorkspaces(root, patterns)) {
    const manifest = readJson(join(root, dir, 'package.json'));
    const name = typeof manifest.name === 'string' ? manifest.name : dir;
    packages.push({ name, dir, entries: entriesOf(dir, manifest.exports), declared: declaredOf(manifest) });
    for (const path of sourceFiles(root, dir)) {
      const source = readFileSync(join(root, path), 'utf8');
      const imports = readImports(path, source);
      if (isTestFile(path, imports)) continue;
      files.push({ path, packageName: name, imports });
    }
  }
  return { root, packages, files };
}

/** Whether a file is test code (see `readWorkspace`). */
export function isTestFile(path: string, imports: readonly ImportRef[]): boolean {
  if (TEST_NAME.test(path)) return true;
  if (path.split('/').some((part) => TEST_DIRS.has(part))) return true;
  return imports.some((i) => i.specifier === 'vitest' || i.specifier.startsWith('vitest/'));
}

function expandWorkspaces(root: string, patterns: readonly string[]): string[] {
  const dirs: string[] = [];
  for (const pattern of patterns) {
    if (pattern.endsWith('/*')) {
      const parent = pattern.slice(0, -2);
      if (!existsSync(join(root, parent))) continue;
      for (const entry of readdirSync(join(root, parent), { withFileTypes: true }).sort(byName)) {
        if (entry.isDirectory() && existsSync(join(root, parent, entry.name, 'package.json'))) {
          dirs.push(`${parent}/${entry.name}`);
        }
      }
    } else if (existsSync(join(root, pattern, 'package.json'))) {
      dirs.push(pattern);
    }
  }
  return dirs;
}

function sourceFiles(root: string, dir: string): string[] {
  const found: string[] = [];
  const walk = (abs: string) => {
    for (const entry of readdirSync(abs, { withFileTypes: true }).sort(byName)) {
      if (entry.name.startsWith('.')) continue;
      const child = join(abs, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(child);
      } else if (entry.isFile() && SOURCE.test(entry.name)) {
        found.push(relative(root, child).split(sep).join('/'));
      }
    }
  };
  walk(join(root, dir));
  return found;
}

function entriesOf(dir: string, exports: unknown): Map<string, string> {
  const entries = new Map<string, string>();
  const target = (value: unknown): string | null => {
    if (typeof value === 'string') return value;
    if (value && typeof value === 'object') {
      const conditions = value as Record<string, unknown>;
      return target(conditions.import ?? conditions.default ?? conditions.types);
    }
    return null;
  };
  if (typeof exports === 'string') entries.set('.', exports);
  else if (exports && typeof exports === 'object') {
    for (const [subpath, value] of Object.entries(exports)) {
      const file = target(value);
      if (file) entries.set(subpath, file);
    }
  }
  for (const [subpath, file] of entries) entries.set(subpath, `${dir}/${file.replace(/^\.\//, '')}`);
  return entries;
}

function declaredOf(manifest: Record<string, unknown>): Set<string> {
  const declared = new Set<string>();
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
    const deps = manifest[field];
    if (deps && typeof deps === 'object') for (const name of Object.keys(deps)) declared.add(name);
  }
  return declared;
}

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
