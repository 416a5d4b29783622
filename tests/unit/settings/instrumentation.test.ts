import { afterEach, describe, expect, test, vi } from 'vitest';
import { register } from '@/instrumentation';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the server start-up hook', () => {
  test('refuses to start production without NEXTAUTH_SECRET, naming it', async () => {
    vi.stubEnv('NEXT_RUNTIME', 'nodejs');
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('NEXTAUTH_SECRET', '');
    vi.stubEnv('AUTH_SECRET', '');
    await expect(register()).rejects.toThrow(/NEXTAUTH_SECRET is required in production/);
  });

  test('refuses a malformed setting on any server', async () => {
    vi.stubEnv('NEXT_RUNTIME', 'nodejs');
    vi.stubEnv('NEXTAUTH_SECRET', 'a-secret-for-this-test-only-0123456789');
    vi.stubEnv('ENVBOARD_DEMO_SIGNIN', 'yes');
    await expect(register()).rejects.toThrow(/ENVBOARD_DEMO_SIGNIN is 1 \(on\) or 0 \(off\)/);
  });

  test('leaves the build and the edge runtime alone', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('NEXTAUTH_SECRET', '');
    vi.stubEnv('AUTH_SECRET', '');
    vi.stubEnv('NEXT_RUNTIME', 'edge');
    await expect(register()).resolves.toBeUndefined();
    vi.stubEnv('NEXT_RUNTIME', 'nodejs');
    vi.stubEnv('NEXT_PHASE', 'phase-production-build');
    await expect(register()).resolves.toBeUndefined();
  });
});
