import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One seed report: plain text copied from a real page, page furniture included. */
export interface Seed {
  /** The numeric prefix of the file name, e.g. `002`. */
  id: string;
  /** File name inside the seeds directory. */
  file: string;
  /** The hex part of the file name, e.g. `621147f8b7c91622`. */
  hash: string;
  text: string;
  /** Non-empty lines, trimmed of trailing spaces: the page's paragraphs and furniture in order. */
  lines: string[];
}

const seedFileName = /^(\d{3})_([0-9a-f]+)\.txt$/;

/**
 * The seeds directory beside the repository root (`<repo>/../shared/seeds`). The root is the
 * nearest folder above this module with a workspaces `package.json`: this module may run from
 * `packages/newsroom/src` or bundled into a deployable's `dist/`.
 */
export function defaultSeedsDir(): string {
  for (let dir = import.meta.dirname; ; ) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { workspaces?: unknown };
      if (pkg.workspaces) return path.resolve(dir, '..', 'shared', 'seeds');
    } catch {
      // no package.json here
    }
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(import.meta.dirname, '..', '..', '..', '..', 'shared', 'seeds');
    dir = parent;
  }
}

/** Reads every `NNN_<hash>.txt` file of `dir`, sorted by id; other files are ignored. */
export function loadSeeds(dir: string): Seed[] {
  return readdirSync(dir)
    .filter((file) => seedFileName.test(file))
    .sort()
    .map((file) => {
      const [, id, hash] = seedFileName.exec(file)!;
      const text = readFileSync(path.join(dir, file), 'utf8')
        .replace(/^\uFEFF/, '')
        .replace(/\r\n?/g, '\n');
      const lines = text
        .split('\n')
        .map((line) => line.replace(/\s+$/, ''))
        .filter((line) => line.trim().length > 0);
      return { id: id!, file, hash: hash!, text, lines };
    });
}
