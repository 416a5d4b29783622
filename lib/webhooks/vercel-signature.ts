import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Vercel signs each webhook with `x-vercel-signature`: the hex HMAC-SHA1 of the raw request
 * body, keyed by the webhook's secret, with no timestamp header
 * (https://vercel.com/docs/webhooks/webhooks-api#securing-webhooks; guides showing SHA-256 are
 * wrong). Verify the raw bytes before parsing anything.
 */

export type SignatureCheck = 'missing' | 'invalid' | 'valid';

export function signVercelBody(rawBody: string | Uint8Array, secret: string): string {
  return createHmac('sha1', secret).update(rawBody).digest('hex');
}

export function verifyVercelSignature(
  rawBody: string | Uint8Array,
  signature: string | null | undefined,
  secret: string,
): SignatureCheck {
  if (!signature) return 'missing';
  const expected = Buffer.from(signVercelBody(rawBody, secret), 'hex');
  // A header that is not 40 hex characters cannot match; checking first keeps timingSafeEqual
  // from throwing on a length mismatch.
  if (!/^[0-9a-f]{40}$/i.test(signature)) return 'invalid';
  const given = Buffer.from(signature, 'hex');
  return timingSafeEqual(expected, given) ? 'valid' : 'invalid';
}
