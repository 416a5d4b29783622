import { gunzipSync } from 'node:zlib';
import { HttpError } from '@/lib/http/responses';

/** A gzipped report is inflated up to this much; a report this size is already unusual. */
export const MAX_INFLATED_REPORT_BYTES = 50 * 1024 * 1024;

/**
 * The request body as text, refused with 413 as soon as it passes `maxBytes`: by its declared
 * Content-Length before reading, or while reading when the length was not declared or lied.
 * `Content-Encoding: gzip` is inflated (big JUnit reports shrink about tenfold), up to
 * MAX_INFLATED_REPORT_BYTES.
 */
export async function readBodyWithLimit(request: Request, maxBytes: number): Promise<string> {
  const tooLarge = (limit: number, what = 'The report') =>
    new HttpError(413, 'payload_too_large', `${what} is larger than ${limit} bytes.`);
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const chunks: Uint8Array[] = [];
  if (request.body) {
    const reader = request.body.getReader();
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw tooLarge(maxBytes);
      }
      chunks.push(value);
    }
  }
  const raw = Buffer.concat(chunks);
  const encoding = request.headers.get('content-encoding')?.trim().toLowerCase() ?? 'identity';
  if (encoding === 'identity') return raw.toString('utf8');
  if (encoding !== 'gzip') {
    throw new HttpError(
      415,
      'unsupported_encoding',
      `Content-Encoding "${encoding}" is not supported: send the report gzipped or as it is.`,
    );
  }
  try {
    return gunzipSync(raw, { maxOutputLength: MAX_INFLATED_REPORT_BYTES }).toString('utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw tooLarge(MAX_INFLATED_REPORT_BYTES, 'The inflated report');
    }
    throw new HttpError(400, 'invalid_report', 'The body is marked gzip but is not valid gzip.');
  }
}
