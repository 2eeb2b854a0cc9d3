import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureRedisServer, freePort, pingRedis } from '@tally/local-services';

/**
 * A redis-server configured as the deployment runs it (`docker-compose.yml`: append-only file,
 * `noeviction`), on a fixed loopback port so it can be stopped and started again at the same
 * address with its data.
 */
export class PersistentRedis {
  readonly dir = mkdtempSync(join(tmpdir(), 'tally-redis-'));
  #child: ChildProcess | null = null;

  private constructor(readonly port: number) {}

  static async start(): Promise<PersistentRedis> {
    const r = new PersistentRedis(await freePort());
    await r.start();
    return r;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn(
      ensureRedisServer(),
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--dir',
        this.dir,
        '--appendonly',
        'yes',
        '--save',
        '',
        '--maxmemory-policy',
        'noeviction',
        '--loglevel',
        'warning',
      ],
      { stdio: 'ignore' },
    );
    this.#child = child;
    const deadline = Date.now() + 10_000;
    while (!(await pingRedis(this.port))) {
      if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
      if (Date.now() > deadline) throw new Error('redis-server did not answer within 10 s');
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Shuts the server down as an operator's restart does (SIGTERM: the append-only file is flushed). */
  async stop(): Promise<void> {
    const child = this.#child;
    this.#child = null;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }

  async close(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
