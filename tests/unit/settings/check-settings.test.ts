import { describe, expect, test } from 'vitest';
import { assertValidSettings, settingProblems } from '@/lib/settings/check-settings';

/** A production deployment with everything it needs, as Vercel would run it. */
const production = {
  NODE_ENV: 'production',
  VERCEL_ENV: 'production',
  NEXTAUTH_SECRET: 'a-long-random-secret-from-openssl-rand',
  NEXTAUTH_URL: 'https://envboard.example.com',
  GITHUB_ID: 'Iv1.abc',
  GITHUB_SECRET: 'shh',
  GITHUB_TEAM_ROLES: 'acme/release:release_manager,acme/ops:admin',
  DATABASE_URL: 'postgresql://board:pw@ep-quiet-fog-123.us-east-2.aws.neon.tech/envboard',
  GITHUB_TOKEN: 'ghp_x',
  GITHUB_REPOSITORY: 'acme/shop',
  VERCEL_TOKEN: 'vc_x',
  NEON_API_KEY: 'neon_x',
  NEON_PROJECT_ID: 'quiet-fog-123',
  ENVBOARD_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
};

describe('the settings check at start-up', () => {
  test('a complete production configuration passes', () => {
    expect(settingProblems(production)).toEqual([]);
    expect(() => assertValidSettings(production)).not.toThrow();
  });

  test('production without NEXTAUTH_SECRET refuses, naming the variable', () => {
    const { NEXTAUTH_SECRET: _, ...env } = production;
    expect(() => assertValidSettings(env)).toThrow(/NEXTAUTH_SECRET is required in production/);
  });

  test('production without ENVBOARD_ENCRYPTION_KEY refuses, naming the variable', () => {
    const { ENVBOARD_ENCRYPTION_KEY: _, ...env } = production;
    expect(() => assertValidSettings(env)).toThrow(
      /ENVBOARD_ENCRYPTION_KEY is required in production/,
    );
  });

  test('an encryption key of the wrong length is named', () => {
    expect(settingProblems({ ...production, ENVBOARD_ENCRYPTION_KEY: 'c2hvcnQ=' })).toEqual([
      expect.stringMatching(/ENVBOARD_ENCRYPTION_KEY must be 32 bytes.*decodes to 5/),
    ]);
  });

  test('every bad variable is named in one error, none hiding another', () => {
    const env = {
      ...production,
      NEXTAUTH_SECRET: '',
      ENVBOARD_DEMO_SIGNIN: 'yes',
      GITHUB_TEAM_ROLES: 'acme/ops:boss',
      GITHUB_SECRET: '',
      GITHUB_API_URL: 'github.example',
      VERCEL_API_URL: 'not a url',
      NEON_PROJECT_ID: 'Not A Neon Id!',
      DATABASE_URL: 'mysql://db.example/envboard',
      NEXTAUTH_URL: 'envboard.example.com',
      NEON_PLAN: 'enterprise',
      TEST_REPORT_MAX_BYTES: 'lots',
      PROMOTION_REQUEST_TTL: 'a day',
      RETENTION_DAYS: '0',
      CLEANUP_MAX_DELETIONS: 'all',
      SEED_HOOK_SECRET: 'short',
    };
    const problems = settingProblems(env);
    for (const variable of [
      'NEXTAUTH_SECRET',
      'ENVBOARD_DEMO_SIGNIN',
      'GITHUB_TEAM_ROLES',
      'GITHUB_ID and GITHUB_SECRET',
      'GITHUB_API_URL',
      'VERCEL_API_URL',
      'NEON_PROJECT_ID',
      'DATABASE_URL',
      'NEXTAUTH_URL',
      'NEON_PLAN',
      'TEST_REPORT_MAX_BYTES',
      'PROMOTION_REQUEST_TTL',
      'RETENTION_DAYS',
      'CLEANUP_MAX_DELETIONS',
      'SEED_HOOK_SECRET',
    ]) {
      expect(
        problems.filter((problem) => problem.includes(variable)),
        variable,
      ).toHaveLength(1);
    }
    expect(problems).toHaveLength(15);
    expect(() => assertValidSettings(env)).toThrow(/cannot start: 15 settings are wrong/);
  });

  test('a provider is checked whole once its credential is set, and not before', () => {
    const { GITHUB_REPOSITORY: _, ...env } = production;
    expect(settingProblems(env)).toEqual(['GITHUB_REPOSITORY is not set']);
    const { GITHUB_TOKEN: _token, ...noClient } = env;
    expect(settingProblems(noClient)).toEqual([]);
  });

  test('a local run needs nothing set but its two secrets', () => {
    expect(
      settingProblems({
        NODE_ENV: 'production',
        NEXTAUTH_SECRET: 's',
        ENVBOARD_ENCRYPTION_KEY: production.ENVBOARD_ENCRYPTION_KEY,
      }),
    ).toEqual([]);
  });
});
