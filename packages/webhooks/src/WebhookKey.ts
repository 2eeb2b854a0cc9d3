import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The sealed secret could not be opened: another key, or a changed event. */
export class SealedSecretError extends Error {
  override readonly name = 'SealedSecretError';
}

const VERSION = 'v1';

/**
 * Seals webhook secrets for the log (AES-256-GCM, a fresh 96-bit nonce each, the webhook id as
 * associated data so a sealed secret cannot be moved to another webhook) and opens them for
 * signing. Whoever reads the log without the key sees no secret.
 */
export class WebhookKey {
  readonly #key: Buffer;

  /** `material`: the key text (config `WEBHOOK_SECRET_KEY`, or the key file); the AES key is its SHA-256. */
  constructor(material: string) {
    if (material.length < 32) throw new RangeError('webhook key material has at least 32 characters');
    this.#key = createHash('sha256').update(material, 'utf8').digest();
  }

  seal(secret: string, webhookId: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    cipher.setAAD(Buffer.from(webhookId, 'utf8'));
    const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), sealed]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  open(sealed: string, webhookId: string): string {
    const [version, iv, tag, data] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || data === undefined) throw new SealedSecretError('not a sealed secret');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(webhookId, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
    } catch (err) {
      throw new SealedSecretError('the webhook secret was sealed under another key (WEBHOOK_SECRET_KEY)', {
        cause: err,
      });
    }
  }
}

/**
 * The key of a deployment: `configured` when set (every process of a distributed deployment must
 * share it); else, for the embedded log only, a key file beside the log, made on first use (mode
 * 0600). A log on a server without a configured key gets none (null): each process would make its
 * own and none could open another's secrets.
 */
export function resolveWebhookKey(options: {
  configured: string | undefined;
  keyFile: string;
  embedded: boolean;
}): WebhookKey | null {
  if (options.configured) return new WebhookKey(options.configured);
  if (!options.embedded) return null;
  try {
    return new WebhookKey(readFileSync(options.keyFile, 'utf8').trim());
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(dirname(options.keyFile), { recursive: true });
  try {
    writeFileSync(options.keyFile, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    // Another process made it first: use theirs.
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return new WebhookKey(readFileSync(options.keyFile, 'utf8').trim());
}

/** The key file beside the embedded log. */
export const WEBHOOK_KEY_FILE = 'webhook.key';

/** The deployment's key from its configuration (see `resolveWebhookKey`). */
export function webhookKeyFor(config: {
  WEBHOOK_SECRET_KEY?: string | undefined;
  DATABASE_URL?: string | undefined;
  TALLY_DATA_DIR: string;
}): WebhookKey | null {
  return resolveWebhookKey({
    configured: config.WEBHOOK_SECRET_KEY,
    keyFile: join(config.TALLY_DATA_DIR, WEBHOOK_KEY_FILE),
    embedded: !config.DATABASE_URL,
  });
}
