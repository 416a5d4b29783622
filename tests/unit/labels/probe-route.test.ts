import { describe, expect, test } from 'vitest';
import { probeUrl, uptimeSandboxUrl } from '@/lib/uptime/probe-route';

const SANDBOX = 'http://127.0.0.1:4014';

describe('where uptime probes go', () => {
  test('to the uptime sandbox while the Vercel API is a sandbox', () => {
    const env = { VERCEL_API_URL: 'http://127.0.0.1:4012', UPTIME_SANDBOX_URL: SANDBOX };
    expect(uptimeSandboxUrl(env)).toBe(SANDBOX);
    expect(probeUrl('https://acme-web.vercel.app/api/health?deep=1', SANDBOX)).toBe(
      `${SANDBOX}/acme-web.vercel.app/api/health?deep=1`,
    );
  });

  test('to the real URLs with Vercel’s real API, even if the sandbox variable lingers', () => {
    expect(uptimeSandboxUrl({ UPTIME_SANDBOX_URL: SANDBOX })).toBeUndefined();
    expect(
      uptimeSandboxUrl({ VERCEL_API_URL: 'https://api.vercel.com', UPTIME_SANDBOX_URL: SANDBOX }),
    ).toBeUndefined();
    expect(uptimeSandboxUrl({ VERCEL_API_URL: 'http://127.0.0.1:4012' })).toBeUndefined();
    expect(probeUrl('https://acme-web.vercel.app/api/health', undefined)).toBe(
      'https://acme-web.vercel.app/api/health',
    );
  });
});
