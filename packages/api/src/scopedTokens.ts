import { createHash, timingSafeEqual } from 'node:crypto';
import type { TokenScope } from '@tally/events';
import type { TokenRow } from '@tally/projections';

/** A live scoped token as the API holds it: the digest of its secret and what it opens. */
interface LiveToken {
  tokenId: string;
  name: string;
  scopes: readonly TokenScope[];
  digest: Buffer;
}

/** Who presented a token that opens something: the deployment's admin token, or a scoped one. */
export type Caller =
  | { kind: 'admin'; scopes: readonly TokenScope[] }
  | { kind: 'token'; tokenId: string; name: string; scopes: readonly TokenScope[] };

export interface ScopedTokensOptions {
  /** The tokens of the log, revoked ones included (the tokens projection). */
  load: () => Promise<readonly TokenRow[]>;
  /**
   * How long a loaded set is used before it is loaded again: a token issued or revoked through
   * another process opens (or stops opening) within this much time after the projector folded it.
   * @defaultValue 2000
   */
  refreshMs?: number;
  /** Called when loading fails (the set loaded before is kept). */
  onError?: (err: unknown) => void;
}

const EMPTY = Buffer.alloc(32);

/**
 * The live scoped tokens, held in memory and loaded again when stale, so a request costs no query.
 * A presented token's SHA-256 is compared with every live token's digest in constant time and
 * without stopping at a match: how long it takes says nothing of which prefix, or which token,
 * came close. What this process itself issues or revokes counts at once, before the projection
 * shows it.
 */
export class ScopedTokens {
  readonly #options: ScopedTokensOptions;
  #live: readonly LiveToken[] = [];
  #loadedAt = Number.NEGATIVE_INFINITY;
  #loading: Promise<void> | null = null;
  /** Issued here and not yet in a loaded set. */
  readonly #issuedHere = new Map<string, LiveToken>();
  /** Revoked here: never opens again, whatever a set loaded before the revocation says. */
  readonly #revokedHere = new Set<string>();

  constructor(options: ScopedTokensOptions) {
    this.#options = options;
  }

  /** Loads the tokens when the set held is older than `refreshMs`; concurrent callers share one load. */
  async refresh(now = Date.now()): Promise<void> {
    if (now - this.#loadedAt < (this.#options.refreshMs ?? 2000)) return;
    this.#loading ??= this.#options
      .load()
      .then((rows) => {
        this.#live = rows
          .filter((r) => !r.revoked)
          .map((r) => ({
            tokenId: r.tokenId,
            name: r.name,
            scopes: r.scopes,
            digest: Buffer.from(r.tokenSha256, 'hex'),
          }));
        for (const r of rows) this.#issuedHere.delete(r.tokenId);
        this.#loadedAt = now;
      })
      .catch((err: unknown) => {
        // Tried again after `refreshMs`, not on every request while the database is away.
        this.#loadedAt = now;
        this.#options.onError?.(err);
      })
      .finally(() => {
        this.#loading = null;
      });
    await this.#loading;
  }

  /** Whether any scoped token is live (as far as this process knows). */
  get any(): boolean {
    return this.#candidates().length > 0;
  }

  /** The live token whose secret is `presented`, or null. */
  match(presented: string): Caller | null {
    const given = createHash('sha256').update(presented, 'utf8').digest();
    let found: LiveToken | null = null;
    for (const t of this.#candidates()) {
      // Every digest is compared, a match or not: no early exit.
      const same = timingSafeEqual(given, t.digest.length === 32 ? t.digest : EMPTY);
      if (same && found === null) found = t;
    }
    if (!found) return null;
    return { kind: 'token', tokenId: found.tokenId, name: found.name, scopes: found.scopes };
  }

  /** A token this process issued: it opens at once. */
  issued(row: Pick<TokenRow, 'tokenId' | 'name' | 'scopes' | 'tokenSha256'>): void {
    this.#issuedHere.set(row.tokenId, {
      tokenId: row.tokenId,
      name: row.name,
      scopes: row.scopes,
      digest: Buffer.from(row.tokenSha256, 'hex'),
    });
  }

  /** A token this process revoked: it stops opening at once. */
  revoked(tokenId: string): void {
    this.#revokedHere.add(tokenId);
    this.#issuedHere.delete(tokenId);
  }

  #candidates(): readonly LiveToken[] {
    const all = this.#issuedHere.size === 0 ? this.#live : [...this.#live, ...this.#issuedHere.values()];
    return this.#revokedHere.size === 0 ? all : all.filter((t) => !this.#revokedHere.has(t.tokenId));
  }
}
