import { describe, expect, it } from 'vitest';
import { checkWebhookUrl, deliversAt, InvalidWebhookError, type Webhook } from './webhookRegistry.ts';

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (err) {
    return err instanceof InvalidWebhookError ? err.code : 'other';
  }
}

describe('checkWebhookUrl', () => {
  it('takes public http(s) URLs', () => {
    expect(checkWebhookUrl('https://hooks.example.com/tally?x=1', []).href).toBe('https://hooks.example.com/tally?x=1');
  });

  it('refuses other schemes, credentials and refused IP literals unless allowlisted', () => {
    expect(codeOf(() => checkWebhookUrl('ftp://hooks.example.com/', []))).toBe('invalid-url');
    expect(codeOf(() => checkWebhookUrl('not a url', []))).toBe('invalid-url');
    expect(codeOf(() => checkWebhookUrl('https://user:pw@hooks.example.com/', []))).toBe('url-credentials');
    expect(codeOf(() => checkWebhookUrl('http://127.0.0.1:8080/hook', []))).toBe('refused-address');
    expect(codeOf(() => checkWebhookUrl('http://10.0.0.5/hook', []))).toBe('refused-address');
    expect(codeOf(() => checkWebhookUrl('http://169.254.169.254/latest', []))).toBe('refused-address');
    expect(codeOf(() => checkWebhookUrl('http://[::1]:8080/hook', []))).toBe('refused-address');
    expect(codeOf(() => checkWebhookUrl('http://127.0.0.1:8080/hook', ['127.0.0.1:8080']))).toBeNull();
    expect(codeOf(() => checkWebhookUrl('http://10.0.0.5/hook', ['10.0.0.0/8']))).toBeNull();
  });
});

describe('deliversAt', () => {
  const webhook = { registeredPosition: 10, removedPosition: null } as Webhook;
  it('delivers changes after the registration, until the removal', () => {
    expect(deliversAt(webhook, 10)).toBe(false);
    expect(deliversAt(webhook, 11)).toBe(true);
    const removed = { ...webhook, removedPosition: 20 };
    expect(deliversAt(removed, 19)).toBe(true);
    expect(deliversAt(removed, 21)).toBe(false);
  });
});
