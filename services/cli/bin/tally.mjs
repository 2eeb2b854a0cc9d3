#!/usr/bin/env node
// The tally command. It runs the build (`dist/`, made by `npm run build` and in the image) while the
// build is as new as the sources it was made from; otherwise (a checkout never built, or edited
// since) the TypeScript source through tsx, a development dependency.
import { spawn } from 'node:child_process';
import { loadTally } from './loadTally.mjs';

// A rebuild keeps rows alive across batches; with Node's default young generation every scavenge
// copies the last batches' rows again (about a quarter of a rebuild's CPU). `tally replay` runs
// itself again with 64 MB semi-spaces unless told a size (NODE_OPTIONS or a node flag). Services
// are not run through such a parent (a supervisor's SIGKILL would reach the parent only): the
// projector service's start script and docker-compose pass the flag themselves.
const SEMI_SPACE = '--max-semi-space-size';
const folds = process.argv[2] === 'replay';
const sized = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((a) =>
  a.startsWith(SEMI_SPACE),
);
if (folds && !sized) {
  const child = spawn(process.execPath, [`${SEMI_SPACE}=64`, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
  });
  // The child gets Ctrl+C from the terminal itself; a signal sent to this process alone is passed on.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (signal !== 'SIGINT' || !process.stdin.isTTY) child.kill(signal);
    });
  }
  child.on('exit', (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    }
    process.exit(code ?? 1);
  });
} else {
  await loadTally();
}
