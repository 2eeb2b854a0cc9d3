import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file beside the embedded log that records how far the log reached. */
export const MANIFEST_FILE = 'manifest.json';

/**
 * What the embedded log held at its latest commits, per schema: its head (positions have no holes,
 * so the head is also the number of events). Written after commits, never before, so it may lag
 * the log (a crash between a commit and the write) but never lead it: a log found behind its
 * manifest has lost events.
 */
export interface LogManifest {
  version: 1;
  heads: Record<string, number>;
  writtenAt: string;
}

/** The manifest's shape, checked by hand: a file of three fields does not call for a schema library. */
function asManifest(doc: unknown): LogManifest {
  const m = doc as Partial<LogManifest> | null;
  const heads = m?.heads;
  const valid =
    m?.version === 1 &&
    typeof m.writtenAt === 'string' &&
    typeof heads === 'object' &&
    heads !== null &&
    Object.values(heads).every((h) => Number.isInteger(h) && h >= 0);
  if (!valid) throw new Error('not a manifest of version 1 ({ version, heads, writtenAt })');
  return m as LogManifest;
}

export function manifestPath(dataDir: string): string {
  return join(dataDir, MANIFEST_FILE);
}

/** The manifest, null when there is none; throws when it is there but cannot be read or parsed. */
export function readManifest(dataDir: string): LogManifest | null {
  let text: string;
  try {
    text = readFileSync(manifestPath(dataDir), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  return asManifest(JSON.parse(text));
}

/**
 * Writes the manifest through a file beside it and a rename: a crash leaves the old manifest or the
 * new one, never half of one.
 */
export function writeManifest(dataDir: string, heads: Readonly<Record<string, number>>): void {
  const manifest: LogManifest = { version: 1, heads: { ...heads }, writtenAt: new Date().toISOString() };
  const path = manifestPath(dataDir);
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(temp, path);
}

/**
 * Keeps the manifest of one open log up to date: the head after each commit, written once per
 * turn of the event loop however many appends committed in it, and once more on close.
 */
export class ManifestKeeper {
  #heads: Record<string, number>;
  #due = false;

  constructor(
    readonly dataDir: string,
    readonly schema: string,
    recorded: LogManifest | null,
    head: number,
    private readonly onError: (err: unknown) => void,
  ) {
    this.#heads = { ...recorded?.heads, [schema]: head };
    this.flush();
  }

  /** A commit reached `position`. */
  committed(position: number): void {
    if (position <= (this.#heads[this.schema] ?? 0)) return;
    this.#heads[this.schema] = position;
    if (this.#due) return;
    this.#due = true;
    setImmediate(() => {
      if (this.#due) this.flush();
    });
  }

  flush(): void {
    this.#due = false;
    try {
      writeManifest(this.dataDir, this.#heads);
    } catch (err) {
      // The log is safe without it; the next commit tries again.
      this.onError(err);
    }
  }
}
