import { describe, expect, it } from 'vitest';
import { neonConfigFromEnv, vercelConfigFromEnv } from '@/lib/settings/provider-settings';

describe('provider configuration from the environment', () => {
  it('defaults the Vercel API URL and keeps the team optional', () => {
    expect(vercelConfigFromEnv({ VERCEL_TOKEN: 't' })).toEqual({
      baseUrl: 'https://api.vercel.com',
      token: 't',
      teamId: undefined,
    });
  });

  it('names a missing Vercel token', () => {
    expect(() => vercelConfigFromEnv({})).toThrow(/VERCEL_TOKEN/);
  });

  it("defaults the Neon API URL to Neon's v2 base and reads the project", () => {
    const config = neonConfigFromEnv({ NEON_API_KEY: 'k', NEON_PROJECT_ID: 'quiet-sun-123' });
    expect(config).toMatchObject({
      baseUrl: 'https://console.neon.tech/api/v2',
      apiKey: 'k',
      projectId: 'quiet-sun-123',
    });
  });

  it('names a missing Neon key and a malformed project id', () => {
    expect(() => neonConfigFromEnv({ NEON_PROJECT_ID: 'p' })).toThrow(/NEON_API_KEY/);
    expect(() =>
      neonConfigFromEnv({ NEON_API_KEY: 'k', NEON_PROJECT_ID: 'Not A Project' }),
    ).toThrow(/NEON_PROJECT_ID/);
  });

  it('points a client at a sandbox through the same variables', () => {
    const config = vercelConfigFromEnv({
      VERCEL_API_URL: 'http://127.0.0.1:4010',
      VERCEL_TOKEN: 'sandbox',
      VERCEL_TEAM_ID: 'team_sandbox',
    });
    expect(config).toEqual({
      baseUrl: 'http://127.0.0.1:4010',
      token: 'sandbox',
      teamId: 'team_sandbox',
    });
  });
});
