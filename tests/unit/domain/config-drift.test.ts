import { describe, expect, test } from 'vitest';
import {
  configDrift,
  type DriftEnvironment,
  type EnvVarScope,
  hasDrift,
  variableApplies,
} from '@/lib/domain/config-drift';

const production: DriftEnvironment = { slug: 'production', kind: 'production', gitBranch: 'main' };
const staging: DriftEnvironment = { slug: 'staging', kind: 'staging', gitBranch: 'staging' };
const development: DriftEnvironment = {
  slug: 'development',
  kind: 'development',
  gitBranch: 'develop',
};
const preview: DriftEnvironment = { slug: 'pr-12', kind: 'preview', gitBranch: 'feat/cart' };

const variable = (key: string, targets: string[], gitBranch: string | null = null) => ({
  key,
  targets,
  gitBranch,
});

describe('which environments a variable applies to', () => {
  test.each<[string, EnvVarScope, DriftEnvironment, boolean]>([
    ['production target', variable('A', ['production']), production, true],
    ['production target, not staging', variable('A', ['production']), staging, false],
    ['the staging custom environment', variable('A', ['staging']), staging, true],
    ['preview for every branch, a preview', variable('A', ['preview']), preview, true],
    ['preview for every branch, development', variable('A', ['preview']), development, true],
    ['preview scoped to its branch', variable('A', ['preview'], 'feat/cart'), preview, true],
    ['preview scoped to another branch', variable('A', ['preview'], 'develop'), preview, false],
    ["Vercel's local development target only", variable('A', ['development']), development, false],
    ['preview target, not production', variable('A', ['preview']), production, false],
  ])('%s', (_, scope, environment, applies) => {
    expect(variableApplies(scope, environment)).toBe(applies);
  });
});

describe('config drift', () => {
  const variables = [
    variable('DATABASE_URL', ['production', 'staging', 'preview']),
    variable('SENTRY_DSN', ['production', 'preview']),
    variable('STRIPE_WEBHOOK_SECRET', ['production']),
    variable('FEATURE_FLAGS_KEY', ['staging', 'preview']),
    variable('DATABASE_URL', ['preview'], 'feat/cart'),
  ];

  test.each<[DriftEnvironment, string[]]>([
    [production, ['FEATURE_FLAGS_KEY']],
    [staging, ['SENTRY_DSN', 'STRIPE_WEBHOOK_SECRET']],
    [development, ['STRIPE_WEBHOOK_SECRET']],
    [preview, ['STRIPE_WEBHOOK_SECRET']],
  ])('$slug lacks what production or staging has: %j', (environment, missing) => {
    const drift = configDrift(variables, [production, staging, development, preview]);
    expect(drift.environments.find((env) => env.slug === environment.slug)?.missing).toEqual(
      missing,
    );
  });

  test('a name only one compared environment has is named with that environment', () => {
    const drift = configDrift(variables, [production, staging, development]);
    expect(drift.onlyOne).toEqual([{ key: 'STRIPE_WEBHOOK_SECRET', slug: 'production' }]);
  });

  test('each environment lists the variables that apply to it, by name', () => {
    const drift = configDrift(variables, [preview]);
    expect(drift.environments[0]!.variables.map((v) => [v.key, v.gitBranch])).toEqual([
      ['DATABASE_URL', null],
      ['DATABASE_URL', 'feat/cart'],
      ['FEATURE_FLAGS_KEY', null],
      ['SENTRY_DSN', null],
    ]);
  });

  test('one environment alone has nothing to be compared with', () => {
    const drift = configDrift(variables, [preview]);
    expect(drift.onlyOne).toEqual([]);
    expect(drift.environments[0]!.missing).toEqual([]);
  });

  test.each<[string, EnvVarScope[], boolean]>([
    ['the same names everywhere', [variable('A', ['production', 'staging', 'preview'])], false],
    ['a name staging lacks', [variable('A', ['production', 'preview'])], true],
    ['a name development lacks', [variable('A', ['production', 'staging'])], true],
    ['no variables at all', [], false],
  ])('%s: drift %s', (_, scoped, drifted) => {
    expect(hasDrift(configDrift(scoped, [production, staging, development]))).toBe(drifted);
  });
});
