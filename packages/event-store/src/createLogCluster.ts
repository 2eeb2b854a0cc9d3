import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Creates PGlite's database (initdb and a first start) in `dir`, in a child process of its own.
 *
 * Creating a database grows PGlite's WebAssembly memory to about 600 MB, and WebAssembly memory is
 * never given back while the module lives: created in the process that then keeps the log open,
 * the whole run would hold it (measured with `npm run bench:memory`: `tally api` on a new log 874 MB
 * resident, on a log that existed 352 MB). The child returns it all when it exits, and this process
 * opens the database as it opens any existing one. The child runs PGlite's CommonJS build, found
 * from this module, so it works from the sources and from a bundle alike.
 */
export function createLogCluster(dir: string): Promise<void> {
  const script =
    'const { PGlite } = require(process.argv[1]);' +
    'PGlite.create({ dataDir: process.argv[2] }).then((db) => db.close()).then(() => process.exit(0), (err) => {' +
    ' process.stderr.write(String(err && err.stack || err)); process.exit(1); });';
  const pglite = require.resolve('@electric-sql/pglite');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['-e', script, pglite, dir],
      { maxBuffer: 16 * 1024 * 1024, windowsHide: true },
      (err, _stdout, stderr) => {
        if (!err) resolve();
        else
          reject(
            new Error(`could not create the embedded log in ${dir}: ${stderr.trim() || err.message}`, { cause: err }),
          );
      },
    );
  });
}
