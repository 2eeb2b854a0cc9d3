import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@tally/local-services';
import { z } from 'zod';

/**
 * The demo newsroom's port, kept in the data directory beside the log.
 *
 * Feeds and articles are named by their URLs (a feed's id is derived from its canonical URL, an
 * article's from its own), and the demo newsroom's URLs carry its port. A newsroom on a new free
 * port at every `tally start` made a second start register nine new feeds, discover every article
 * again under new URLs (each a copy of itself), and leave the first run's feeds failing and its
 * source links dead. So the first start takes a free port and keeps it; every later start on the
 * same data directory serves the newsroom there again, and the log it resumes already knows every
 * feed and article. Ids that left the port out would have touched every event and projection that
 * holds a URL, and a port kept beside the log is what a real outlet has: an address that stays.
 */
export const DEMO_NEWSROOM_FILE = 'newsroom.json';

const Recorded = z.object({ port: z.number().int().min(1).max(65535) });

export class DemoNewsroomPortInUseError extends Error {
  override readonly name = 'DemoNewsroomPortInUseError';
  readonly code = 'newsroom-port-in-use';
  constructor(readonly port: number) {
    super(
      `the demo newsroom's port ${port} is taken by another process. It is kept in the data directory ` +
        `(${DEMO_NEWSROOM_FILE}) so that its feeds and articles keep their addresses across restarts: ` +
        'free the port, or start with --no-demo',
    );
  }
}

/** The port recorded by an earlier start, or null (none yet, or a file that does not hold one). */
export function recordedDemoNewsroomPort(dataDir: string): number | null {
  try {
    return Recorded.parse(JSON.parse(readFileSync(join(dataDir, DEMO_NEWSROOM_FILE), 'utf8'))).port;
  } catch {
    return null;
  }
}

/**
 * The port to serve the demo newsroom on: NEWSROOM_PORT when set, else the one recorded in the
 * data directory, else a free one (recorded once the newsroom listens there).
 */
export async function demoNewsroomPort(dataDir: string, configured: number): Promise<number> {
  if (configured > 0) return configured;
  return recordedDemoNewsroomPort(dataDir) ?? (await freePort());
}

/** Keeps `port` for the next start (written whole, then renamed into place). */
export function recordDemoNewsroomPort(dataDir: string, port: number): void {
  if (recordedDemoNewsroomPort(dataDir) === port) return;
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, DEMO_NEWSROOM_FILE);
  writeFileSync(`${file}.tmp`, `${JSON.stringify({ port })}\n`);
  renameSync(`${file}.tmp`, file);
}
