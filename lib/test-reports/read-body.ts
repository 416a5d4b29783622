import { HttpError } from '@/lib/http/responses';

/**
 * The request body as text, refused with 413 as soon as it passes `maxBytes`: by its declared
 * Content-Length before reading, or while reading when the length was not declared or lied.
 */
export async function readBodyWithLimit(request: Request, maxBytes: number): Promise<string> {
  const tooLarge = () =>
    new HttpError(413, 'payload_too_large', `The report is larger than ${maxBytes} bytes.`);
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
