import { createHmac, timingSafeEqual } from 'node:crypto';

/** How old a signed request may be: an older one is a replay. */
const TOLERANCE_SECONDS = 5 * 60;

export type SignatureCheck = 'valid' | 'invalid' | 'unchecked';

/**
 * Verifies `X-Envboard-Signature: t=<unix seconds>,v1=<hex>` as a receiver would: the HMAC-SHA256
 * of `<t>.<raw body>` under the channel's signing secret, compared in constant time, and a time
 * within five minutes of now. The README shows the same steps.
 */
export function verifySignature(
  header: string | undefined,
  rawBody: string,
  secret: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): boolean {
  const parts = Object.fromEntries(
    (header ?? '').split(',').map((part) => part.trim().split('=', 2) as [string, string]),
  );
  const timestamp = Number(parts.t);
  if (!Number.isInteger(timestamp) || !parts.v1) return false;
  if (Math.abs(nowSeconds - timestamp) > TOLERANCE_SECONDS) return false;
  const expected = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest();
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
