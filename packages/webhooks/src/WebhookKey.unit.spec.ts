import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveWebhookKey, SealedSecretError, WebhookKey } from './WebhookKey.ts';

const dir = mkdtempSync(join(tmpdir(), 'tally-webhook-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('WebhookKey', () => {
  const key = new WebhookKey('k'.repeat(40));

  it('seals a secret so the sealed text does not hold it, and opens it back', () => {
    const sealed = key.seal('whsec_hunter2-hunter2', 'wh_1');
    expect(sealed).not.toContain('hunter2');
    expect(key.seal('whsec_hunter2-hunter2', 'wh_1')).not.toBe(sealed);
    expect(key.open(sealed, 'wh_1')).toBe('whsec_hunter2-hunter2');
  });

  it('refuses another key, another webhook and a changed seal', () => {
    const sealed = key.seal('s3cret', 'wh_1');
    expect(() => new WebhookKey('x'.repeat(40)).open(sealed, 'wh_1')).toThrow(SealedSecretError);
    expect(() => key.open(sealed, 'wh_2')).toThrow(SealedSecretError);
    expect(() => key.open(`${sealed.slice(0, -2)}AA`, 'wh_1')).toThrow(SealedSecretError);
    expect(() => key.open('plain', 'wh_1')).toThrow(SealedSecretError);
    expect(() => new WebhookKey('short')).toThrow(RangeError);
  });

  it('comes from the configuration, else (embedded log only) from a key file made once', () => {
    const keyFile = join(dir, 'webhook.key');
    expect(resolveWebhookKey({ configured: undefined, keyFile, embedded: false })).toBeNull();
    const made = resolveWebhookKey({ configured: undefined, keyFile, embedded: true })!;
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const text = readFileSync(keyFile, 'utf8');
    const again = resolveWebhookKey({ configured: undefined, keyFile, embedded: true })!;
    expect(readFileSync(keyFile, 'utf8')).toBe(text);
    expect(again.open(made.seal('s', 'wh'), 'wh')).toBe('s');
    const configured = resolveWebhookKey({ configured: 'c'.repeat(32), keyFile, embedded: true })!;
    expect(() => configured.open(made.seal('s', 'wh'), 'wh')).toThrow(SealedSecretError);
  });
});
