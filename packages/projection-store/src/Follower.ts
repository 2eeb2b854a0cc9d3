import type { Subscription } from '@tally/event-store';
import type { Logger } from '@tally/logger';

const MAX_RESTART_DELAY_MS = 30_000;

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/**
 * The projector's subscription as its caller sees it: one object across restarts after a failed
 * batch (each restart resumes from the committed checkpoint).
 */
export class Follower implements Subscription {
  ready: Promise<void> = Promise.resolve();
  stopped = false;
  readonly #subscribe: (onError: (err: unknown) => void) => Subscription;
  readonly #restartDelayMs: number | null;
  readonly #log: Logger;
  #current: Subscription | null = null;
  #changed = deferred();
  #failure: unknown = null;
  #delay: number;
  #restartTimer: NodeJS.Timeout | null = null;

  constructor(
    subscribe: (onError: (err: unknown) => void) => Subscription,
    restartDelayMs: number | null,
    log: Logger,
  ) {
    this.#subscribe = subscribe;
    this.#restartDelayMs = restartDelayMs;
    this.#delay = restartDelayMs ?? 0;
    this.#log = log;
  }

  #announce(): void {
    const changed = this.#changed;
    this.#changed = deferred();
    changed.resolve();
  }

  /** Subscribes (again). */
  begin(): void {
    if (this.stopped) return;
    let sub: Subscription | null = null;
    sub = this.#subscribe((err) => this.#failed(sub, err));
    this.#current = sub;
    this.#failure = null;
    this.#announce();
  }

  #failed(sub: Subscription | null, err: unknown): void {
    if (this.stopped || (sub && sub !== this.#current)) return;
    this.#failure = err;
    this.#log.error({ err }, 'projection batch failed and rolled back');
    this.#announce();
    if (this.#restartDelayMs === null) return;
    const delay = this.#delay;
    this.#delay = Math.min(MAX_RESTART_DELAY_MS, Math.max(1, this.#delay * 2));
    this.#restartTimer = setTimeout(() => {
      this.#restartTimer = null;
      this.begin();
    }, delay);
  }

  async caughtUp(): Promise<void> {
    await this.ready;
    for (;;) {
      if (this.stopped) throw new Error('projector is stopped');
      const sub = this.#current;
      const changed = this.#changed.promise;
      if (!sub) {
        await changed;
        continue;
      }
      try {
        await sub.caughtUp();
        if (sub === this.#current) {
          this.#delay = this.#restartDelayMs ?? 0;
          return;
        }
      } catch (err) {
        if (this.stopped) throw err;
        if (sub === this.#current && this.#failure !== null && this.#restartDelayMs === null) throw this.#failure;
        // A restart is coming: wait for it.
        if (sub === this.#current) await changed;
      }
    }
  }

  position(): number {
    return this.#current?.position() ?? 0;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.#restartTimer) clearTimeout(this.#restartTimer);
    this.#announce();
    await this.ready.catch(() => {});
    await this.#current?.stop();
  }
}
