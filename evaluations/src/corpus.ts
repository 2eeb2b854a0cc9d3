import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The shared development corpus lives beside the repository (`../shared/corpus`), never inside it.
 * `--corpus DIR` on an evaluation's command line points elsewhere, e.g. at held-out material of the
 * same layout.
 */
export function corpusDir(folder: string, argv: readonly string[] = process.argv): string {
  const flag = argv.indexOf('--corpus');
  const root =
    flag >= 0 && argv[flag + 1]
      ? path.resolve(argv[flag + 1]!)
      : path.resolve(import.meta.dirname, '../../../shared/corpus');
  const dir = path.join(root, folder);
  if (!existsSync(dir)) throw new Error(`corpus folder not found: ${dir} (pass --corpus DIR)`);
  return dir;
}
