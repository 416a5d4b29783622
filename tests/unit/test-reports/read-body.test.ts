import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { HttpError } from '@/lib/http/responses';
import { MAX_INFLATED_REPORT_BYTES, readBodyWithLimit } from '@/lib/test-reports/read-body';

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request('http://localhost/api/v1/test-runs', { method: 'POST', body, headers });

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the body to be refused');
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(HttpError);
      const { status, code, message } = error as HttpError;
      return { status, code, message };
    },
  );

/** A body sent in pieces with no Content-Length, as a chunked upload is. */
function streamed(parts: number, size: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent++ === parts) controller.close();
      else controller.enqueue(new Uint8Array(size).fill(97));
    },
  });
}

describe('readBodyWithLimit', () => {
  test('reads text as UTF-8 up to the limit', async () => {
    expect(await readBodyWithLimit(post('héllo'), 6)).toBe('héllo');
  });

  test('refuses by the declared length before reading, and while reading without one', async () => {
    expect(await refusal(readBodyWithLimit(post('x'.repeat(11)), 10))).toEqual({
      status: 413,
      code: 'payload_too_large',
      message: 'The report is larger than 10 bytes.',
    });
    const chunked = new Request('http://localhost/', {
      method: 'POST',
      body: streamed(5, 4),
      duplex: 'half',
    } as RequestInit);
    expect((await refusal(readBodyWithLimit(chunked, 10))).status).toBe(413);
  });

  test('inflates gzip, refusing a bomb past the inflated cap and a body that is not gzip', async () => {
    expect(
      await readBodyWithLimit(
        post(new Uint8Array(gzipSync('<testsuites/>')), { 'content-encoding': 'gzip' }),
        100,
      ),
    ).toBe('<testsuites/>');
    const bomb = new Uint8Array(gzipSync(Buffer.alloc(MAX_INFLATED_REPORT_BYTES + 1, 'a')));
    expect(
      await refusal(readBodyWithLimit(post(bomb, { 'content-encoding': 'gzip' }), 1024 * 1024)),
    ).toEqual({
      status: 413,
      code: 'payload_too_large',
      message: `The inflated report is larger than ${MAX_INFLATED_REPORT_BYTES} bytes.`,
    });
    expect(
      await refusal(readBodyWithLimit(post('plain', { 'content-encoding': 'gzip' }), 100)),
    ).toMatchObject({ status: 400, code: 'invalid_report' });
    expect(
      await refusal(readBodyWithLimit(post('plain', { 'content-encoding': 'deflate' }), 100)),
    ).toMatchObject({ status: 415, code: 'unsupported_encoding' });
  });
});
