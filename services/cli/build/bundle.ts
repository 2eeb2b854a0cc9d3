/**
 * Builds a deployable once into `dist/` of the package it runs in, so that production runs
 * JavaScript and never TypeScript through tsx:
 *
 *   tsx ../cli/build/bundle.ts src/main.ts main     # in services/<name>: dist/main.mjs
 *   tsx build/bundle.ts src/main.ts tally           # in services/cli: dist/tally.mjs
 *
 * The internal packages (`@tally/*`, which export their TypeScript source) are bundled; every
 * other package stays an import from node_modules, resolved at run time as usual, so files that a
 * library finds beside its own module (PGlite's WebAssembly, WordNet's dictionary, Bull Board's
 * pages) are where it looks for them. Commands loaded on demand stay separate chunks (`tally
 * --help` loads none of them). Worker-thread entries (`new URL('./x.mjs', import.meta.url)` in a
 * bundled module) are bundled as entries of their own under the same name in the same folder, which
 * is where that URL points once the module that names it is a chunk of `dist/`. Other files a
 * bundled module reads beside itself the same way (`new URL('./x.lua', import.meta.url)`: the dedupe
 * index's Lua) are copied into `dist/` under their name, for the same reason.
 *
 * `dist/build.json` lists the sources the build was made from: the bin runs the build only while
 * none of them is newer than it (a checkout whose sources were edited since runs them through tsx).
 */
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { type BuildOptions, build, type Plugin } from 'esbuild';

const [entryArg, name] = process.argv.slice(2);
if (!entryArg || !name) {
  process.stderr.write('usage: bundle.ts <entry.ts> <output name>\n');
  process.exit(2);
}
const packageDir = process.cwd();
const outdir = join(packageDir, 'dist');
const entry = resolve(packageDir, entryArg);

/**
 * Bundles `@tally/*` and relative imports; leaves every other package to node_modules. A worker
 * entry's second try at its runner under tsx (`./x.ts?loader=tsx`) is the same module, not a copy.
 */
const internalOnly: Plugin = {
  name: 'internal-only',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@tally/')) return undefined;
      return { path: args.path, external: true };
    });
    b.onResolve({ filter: /\?loader=tsx$/ }, (args) =>
      b.resolve(args.path.replace(/\?loader=tsx$/, ''), { resolveDir: args.resolveDir, kind: args.kind }),
    );
  },
};

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  // The oldest Node the project supports (engines); nothing newer is emitted.
  target: 'node20.19',
  plugins: [internalOnly],
  logLevel: 'warning',
};

const workerUrl = /new URL\(\s*['"](\.\/[\w.-]+\.mjs)['"]\s*,\s*import\.meta\.url\s*\)/g;
const assetUrl = /new URL\(\s*['"](\.\/[\w.-]+\.lua)['"]\s*,\s*import\.meta\.url\s*\)/g;

/** Collects `outName → source file` for each URL `pattern` finds in `file`; one name, one source. */
function collect(found: Map<string, string>, file: string, text: string, pattern: RegExp, ending: string): void {
  for (const m of text.matchAll(pattern)) {
    const target = resolve(dirname(file), m[1]!);
    const outName = m[1]!.slice(2, m[1]!.length - ending.length);
    const seen = found.get(outName);
    if (seen && seen !== target) throw new Error(`two sources would be dist/${outName}${ending}: ${seen}, ${target}`);
    found.set(outName, target);
  }
}

// First pass: which sources make the bundle, and which worker entries and files beside them they name.
const scan = await build({ ...common, entryPoints: [entry], write: false, metafile: true, outdir });
const workers = new Map<string, string>();
const assets = new Map<string, string>();
for (const input of Object.keys(scan.metafile?.inputs ?? {})) {
  if (!/\.(ts|mjs)$/.test(input)) continue;
  const file = resolve(input);
  const text = readFileSync(file, 'utf8');
  collect(workers, file, text, workerUrl, '.mjs');
  collect(assets, file, text, assetUrl, '');
}

rmSync(outdir, { recursive: true, force: true });
const result = await build({
  ...common,
  entryPoints: { [name]: entry, ...Object.fromEntries(workers) },
  outdir,
  outExtension: { '.js': '.mjs' },
  splitting: true,
  // Chunks sit beside the entries: a worker's URL is resolved against the chunk that names it.
  chunkNames: 'chunk-[hash]',
  sourcemap: 'linked',
  metafile: true,
});

for (const [outName, source] of assets) copyFileSync(source, join(outdir, outName));

const inputs = [...Object.keys(result.metafile?.inputs ?? {}).map((input) => resolve(input)), ...assets.values()]
  .map((file) => relative(outdir, file))
  .sort();
writeFileSync(
  join(outdir, 'build.json'),
  `${JSON.stringify({ entry: `${name}.mjs`, builtAt: new Date().toISOString(), inputs }, null, 1)}\n`,
);
const bytes = Object.values(result.metafile?.outputs ?? {}).reduce((n, o) => n + o.bytes, 0);
process.stdout.write(
  `built ${relative(process.cwd(), outdir)}/${name}.mjs from ${inputs.length} sources` +
    `${workers.size ? ` (worker entries: ${[...workers.keys()].join(', ')})` : ''}` +
    `${assets.size ? ` (files beside them: ${[...assets.keys()].join(', ')})` : ''}, ${(bytes / 1024).toFixed(0)} KB\n`,
);
