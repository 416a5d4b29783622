/** Webhook bodies are small JSON documents; anything bigger is refused before it is read whole. */
export const MAX_WEBHOOK_BYTES = 1024 * 1024;

type BodyRead = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Reads the raw body as UTF-8, refusing it when `content-length` announces more than `limit`
 * bytes or when more than `limit` bytes actually arrive (a missing or lying header).
 */
export async function readBodyWithin(
  request: Request,
  limit = MAX_WEBHOOK_BYTES,
): Promise<BodyRead> {
  const announced = Number(request.headers.get('content-length'));
  if (Number.isFinite(announced) && announced > limit) {
    return { ok: false, reason: `content-length ${announced} is over the ${limit}-byte limit` };
  }
  if (!request.body) return { ok: true, text: '' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      await reader.cancel();
      return { ok: false, reason: `the body is over the ${limit}-byte limit` };
    }
    chunks.push(value);
  }
  return { ok: true, text: Buffer.concat(chunks).toString('utf8') };
}
