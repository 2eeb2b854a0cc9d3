interface Waiter {
  after: number;
  wake: () => void;
}

/** Wakes whoever waits for the log to grow past a position (in-process appends and NOTIFY both feed it). */
export class AppendSignal {
  readonly #waiters = new Set<Waiter>();

  /** An append committed up to `position`. */
  notify(position: number): void {
    for (const w of this.#waiters) if (position > w.after) w.wake();
  }

  /** Registers a waiter; the returned function removes it. */
  add(after: number, wake: () => void): () => void {
    const w: Waiter = { after, wake };
    this.#waiters.add(w);
    return () => this.#waiters.delete(w);
  }

  /** Wakes everybody (closing). */
  wakeAll(): void {
    for (const w of this.#waiters) w.wake();
  }
}
