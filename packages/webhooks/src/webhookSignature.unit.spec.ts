import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signatureHeader, verifySignature } from './webhookSignature.ts';

const secret = 'whsec_test-secret';
const body = '{"type":"figure.changed","position":42}';

describe('Tally-Signature', () => {
  it('is t=<seconds>,v1=<HMAC-SHA256 of "t.body" under the secret>', () => {
    const header = signatureHeader(secret, body, 1_700_000_000);
    const expected = createHmac('sha256', secret).update(`1700000000.${body}`).digest('hex');
    expect(header).toBe(`t=1700000000,v1=${expected}`);
  });

  it('verifies a fresh delivery and refuses a changed body, another secret, an old timestamp', () => {
    const header = signatureHeader(secret, body, 1_700_000_000);
    expect(verifySignature({ header, body, secret, nowSec: 1_700_000_010 })).toEqual({
      ok: true,
      timestampSec: 1_700_000_000,
    });
    expect(verifySignature({ header, body: `${body} `, secret, nowSec: 1_700_000_010 })).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(verifySignature({ header, body, secret: 'other', nowSec: 1_700_000_010 })).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(verifySignature({ header, body, secret, nowSec: 1_700_000_301 })).toEqual({ ok: false, reason: 'stale' });
    expect(verifySignature({ header, body, secret, nowSec: 1_700_000_301, toleranceSec: 600 }).ok).toBe(true);
  });

  it('refuses a header without a timestamp or signature, and accepts any one of several v1 (rotation)', () => {
    expect(verifySignature({ header: undefined, body, secret, nowSec: 0 })).toEqual({ ok: false, reason: 'malformed' });
    expect(verifySignature({ header: 'v1=abc', body, secret, nowSec: 0 })).toEqual({ ok: false, reason: 'malformed' });
    const [t, v1] = signatureHeader(secret, body, 100).split(',');
    const old = signatureHeader('old-secret', body, 100).split(',')[1];
    expect(verifySignature({ header: `${t},${old},${v1}`, body, secret, nowSec: 100 }).ok).toBe(true);
    // The timestamp is signed: moving it forward breaks the signature.
    expect(verifySignature({ header: `t=101,${v1}`, body, secret, nowSec: 101 })).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });
});
