/**
 * A process for the lock race test (`dataDirLock.int.spec.ts`), started as
 * `node --import tsx dataDirLockRacer.ts <mode>`:
 *
 * - `hold <dataDir>`: takes the lock, prints `held`, and waits to be killed (it leaves a stale lock).
 * - `race`: reads commands on stdin, one per line. `round <n> <dataDir> <goFile>` waits (spinning, so
 *   every racer starts within microseconds of the others) until `goFile` exists, tries to take the
 *   lock and prints `<n> held`, `<n> overlap` (it took the lock while another racer held it),
 *   `<n> refused` (EmbeddedLogInUseError) or `<n> error <name> <code>`. A holder keeps the lock until
 *   `release <n>`.
 */
import { closeSync, existsSync, mkdirSync, openSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { EmbeddedLogInUseError, lockDataDir } from './dataDirLock.ts';
import { LOCK_FOLDER } from './EmbeddedEventStore.ts';

const say = (line: string) => process.stdout.write(`${line}\n`);

if (process.argv[2] === 'hold') {
  const dataDir = process.argv[3]!;
  mkdirSync(dataDir, { recursive: true });
  await lockDataDir(dataDir, join(dataDir, LOCK_FOLDER));
  say('held');
  setInterval(() => {}, 60_000);
} else {
  const releases = new Map<string, () => void>();
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    const [command, round = '', dataDir = '', goFile = ''] = line.split(' ');
    if (command === 'release') {
      releases.get(round)?.();
      releases.delete(round);
      say(`${round} released`);
      continue;
    }
    if (command !== 'round') continue;
    say(`${round} ready`);
    while (!existsSync(goFile)) {
      // spin: a timer would spread the racers' starts over milliseconds
    }
    try {
      const release = await lockDataDir(dataDir, join(dataDir, LOCK_FOLDER));
      // Two holders at once: the second cannot create the marker the first made.
      const marker = join(dataDir, 'holder');
      let overlap = false;
      try {
        closeSync(openSync(marker, 'wx'));
      } catch {
        overlap = true;
      }
      releases.set(round, () => {
        if (!overlap) unlinkSync(marker);
        release();
      });
      say(`${round} ${overlap ? 'overlap' : 'held'}`);
    } catch (err) {
      if (err instanceof EmbeddedLogInUseError) say(`${round} refused`);
      else say(`${round} error ${(err as Error).name} ${(err as NodeJS.ErrnoException).code ?? '-'}`);
    }
  }
}
