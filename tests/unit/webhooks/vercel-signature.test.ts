import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signVercelBody, verifyVercelSignature } from '@/lib/webhooks/vercel-signature';

const secret = 'webhook-secret';
const body = JSON.stringify({ type: 'deployment.succeeded', id: 'evt_1', createdAt: 1 });

describe('verifyVercelSignature', () => {
  it('accepts the hex HMAC-SHA1 of the raw body', () => {
    const signature = createHmac('sha1', secret).update(body).digest('hex');
    expect(verifyVercelSignature(body, signature, secret)).toBe('valid');
  });

  it('accepts raw bytes as well as a string', () => {
    const bytes = new TextEncoder().encode(body);
    expect(verifyVercelSignature(bytes, signVercelBody(body, secret), secret)).toBe('valid');
  });

  it('accepts an upper-case hex header', () => {
    expect(verifyVercelSignature(body, signVercelBody(body, secret).toUpperCase(), secret)).toBe(
      'valid',
    );
  });

  it('reports a missing header as missing', () => {
    expect(verifyVercelSignature(body, null, secret)).toBe('missing');
    expect(verifyVercelSignature(body, '', secret)).toBe('missing');
  });

  it('refuses a tampered body', () => {
    const signature = signVercelBody(body, secret);
    expect(verifyVercelSignature(body.replace('succeeded', 'error'), signature, secret)).toBe(
      'invalid',
    );
  });

  it('refuses a signature made with another secret', () => {
    expect(verifyVercelSignature(body, signVercelBody(body, 'other-secret'), secret)).toBe(
      'invalid',
    );
  });

  it('refuses a SHA-256 signature and a malformed header without throwing', () => {
    const sha256 = createHmac('sha256', secret).update(body).digest('hex');
    expect(verifyVercelSignature(body, sha256, secret)).toBe('invalid');
    expect(verifyVercelSignature(body, 'sha1=zz', secret)).toBe('invalid');
  });
});
