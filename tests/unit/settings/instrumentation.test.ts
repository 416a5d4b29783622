import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { register } from '@/instrumentation';

class Exited extends Error {}

// The hook imports the settings check (and, once they pass, OpenTelemetry) on first use: load
// them before the tests, so a busy machine's first import is not charged to a test's time limit.
beforeAll(async () => {
  await Promise.all([import('@/lib/settings/check-settings'), import('@vercel/otel')]);
}, 60_000);

let exit: ReturnType<typeof vi.spyOn>;
let logged: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  // The process the test runs in must survive the hook's exit.
  exit = vi.spyOn(process, 'exit').mockImplementation((code) => {
    throw new Exited(`exit ${code}`);
  });
  logged = vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('the server start-up hook', () => {
  test('stops a production server without NEXTAUTH_SECRET, naming it', async () => {
    vi.stubEnv('NEXT_RUNTIME', 'nodejs');
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('NEXTAUTH_SECRET', '');
    vi.stubEnv('AUTH_SECRET', '');
    await expect(register()).rejects.toBeInstanceOf(Exited);
    expect(exit).toHaveBeenCalledWith(1);
    expect(logged).toHaveBeenCalledWith(
      expect.stringMatching(/NEXTAUTH_SECRET is required in production/),
    );
  });

  test('stops any server with a malformed setting', async () => {
    vi.stubEnv('NEXT_RUNTIME', 'nodejs');
    vi.stubEnv('NEXTAUTH_SECRET', 'a-secret-for-this-test-only-0123456789');
    vi.stubEnv('ENVBOARD_DEMO_SIGNIN', 'yes');
    await expect(register()).rejects.toBeInstanceOf(Exited);
    expect(logged).toHaveBeenCalledWith(
      expect.stringMatching(/ENVBOARD_DEMO_SIGNIN is 1 \(on\) or 0 \(off\)/),
    );
  });

  test('stops a production server without ENVBOARD_ENCRYPTION_KEY, naming it', async () => {
    vi.stubEnv('NEXT_RUNTIME', 'nodejs');
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('NEXTAUTH_SECRET', 'a-secret-for-this-test-only-0123456789');
    vi.stubEnv('ENVBOARD_ENCRYPTION_KEY', '');
    await expect(register()).rejects.toBeInstanceOf(Exited);
    expect(logged).toHaveBeenCalledWith(
      expect.stringMatching(/ENVBOARD_ENCRYPTION_KEY is required in production/),
    );
  });

  test('lets good settings start', async () => {
    vi.stubEnv('NEXT_RUNTIME', 'nodejs');
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('NEXTAUTH_SECRET', 'a-secret-for-this-test-only-0123456789');
    vi.stubEnv('ENVBOARD_ENCRYPTION_KEY', Buffer.alloc(32, 1).toString('base64'));
    vi.stubEnv('ENVBOARD_DEMO_SIGNIN', '');
    await expect(register()).resolves.toBeUndefined();
    expect(exit).not.toHaveBeenCalled();
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
    expect(exit).not.toHaveBeenCalled();
  });
});
