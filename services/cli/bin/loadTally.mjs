// Which code `tally` runs: the build in dist/ or the TypeScript source through tsx. Plain JavaScript:
// it runs before any TypeScript loader is there.
import { readFileSync, statSync } from 'node:fs';

const dist = new URL('../dist/', import.meta.url);

/** `dist/build.json`: the build's entry, when it was made and the sources it was made from; null without a build. */
function readBuild() {
  try {
    return JSON.parse(readFileSync(new URL('build.json', dist), 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Whether none of the sources changed since the build (about 300 `stat` calls, a few
 * milliseconds). A source that is gone (an image that left some out) does not make it stale.
 */
function isFresh(build) {
  const builtAt = Date.parse(build.builtAt);
  for (const input of build.inputs) {
    try {
      if (statSync(new URL(input, dist)).mtimeMs > builtAt) return false;
    } catch {
      // gone: nothing to compare
    }
  }
  return true;
}

async function registerTsx() {
  try {
    const { register } = await import('tsx/esm/api');
    register();
    return true;
  } catch {
    return false;
  }
}

/** Imports the command: the fresh build, else the source under tsx, else a stale build rather than nothing. */
export async function loadTally() {
  const build = readBuild();
  if (build && isFresh(build)) return import(new URL(build.entry, dist).href);
  if (await registerTsx()) {
    if (build && process.stderr.isTTY) {
      process.stderr.write(
        '(services/cli/dist is older than the sources: running the sources; `npm run build` rebuilds it)\n',
      );
    }
    return import('../src/main.ts');
  }
  if (build) return import(new URL(build.entry, dist).href);
  throw new Error('tally is neither built (npm run build) nor runnable from source (tsx is not installed)');
}
