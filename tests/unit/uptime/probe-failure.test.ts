import { describe, expect, it } from 'vitest';
import { describeFailure } from '@/lib/uptime/probe';

const fetchFailure = (code: string, message: string) =>
  new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code }) });

describe('describeFailure', () => {
  it('says the probe timed out when the timeout fired', () => {
    expect(describeFailure(new DOMException('aborted', 'TimeoutError'), true, 5000)).toBe(
      'timeout: no answer within 5000 ms',
    );
  });

  it('names DNS, refused, reset and TLS failures from the socket error code', () => {
    expect(
      describeFailure(fetchFailure('ENOTFOUND', 'getaddrinfo ENOTFOUND x.invalid'), false, 1),
    ).toBe('DNS: getaddrinfo ENOTFOUND x.invalid');
    expect(describeFailure(fetchFailure('ECONNREFUSED', 'connect ECONNREFUSED'), false, 1)).toMatch(
      /^connection refused: /,
    );
    expect(describeFailure(fetchFailure('ECONNRESET', 'socket hang up'), false, 1)).toMatch(
      /^connection reset: /,
    );
    expect(
      describeFailure(
        fetchFailure('DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'),
        false,
        1,
      ),
    ).toBe('TLS: self-signed certificate');
    expect(
      describeFailure(fetchFailure('ERR_TLS_CERT_ALTNAME_INVALID', 'bad name'), false, 1),
    ).toBe('TLS: bad name');
  });

  it('keeps any other code and message', () => {
    expect(describeFailure(fetchFailure('EHOSTUNREACH', 'no route'), false, 1)).toBe(
      'EHOSTUNREACH: no route',
    );
    expect(describeFailure(new TypeError('Invalid URL'), false, 1)).toBe(
      'request failed: Invalid URL',
    );
  });
});
