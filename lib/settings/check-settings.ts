import { z } from 'zod';
import { databaseConfigFromEnv } from '@/db/client';
import { authSecret, demoSignInAllowed, githubFromEnv, teamRolesFromEnv } from '@/lib/auth/config';
import { alertEncryptionKey } from '@/lib/alerts/encryption-key';
import { cleanupMaxDeletionsFromEnv } from '@/lib/operations/cleanup-settings';
import { recoverySettingsFromEnv } from '@/lib/operations/recovery-settings';
import { seedHookSecret } from '@/lib/operations/seed-hook';
import { maxReportBytesFromEnv } from '@/lib/test-reports/report-limit';
import { currentEnv, type Env } from './env';
import {
  githubConfigFromEnv,
  neonConfigFromEnv,
  neonPlanFromEnv,
  vercelConfigFromEnv,
  vercelProjectIdFromEnv,
} from './provider-settings';
import { authEnv, githubEnv, neonEnv, vercelEnv } from './schemas';
import {
  boardSettings,
  chatSinkUrl,
  cronSecret,
  runtimeSettings,
  webhookSecrets,
} from './settings';

/**
 * One setting (or group of settings that only make sense together), read with the same parser
 * the code that uses it calls, so start-up refuses exactly what first use would have refused.
 * `when` skips a group that is optional and absent.
 */
interface SettingCheck {
  read: (env: Env) => unknown;
  when?: (env: Env) => boolean;
}

const isSet = (env: Env, name: string) => Boolean(env[name]?.trim());

// A provider's client is configured once its credential is set; then every variable it needs
// must be right. Without it, only an API URL that is set is checked (sign-in reads GITHUB_API_URL).
const apiUrl = (name: string, schema: z.ZodType): SettingCheck => ({
  read: (env) => schema.parse(env),
  when: (env) => isSet(env, name),
});

/** Append a check here when a new setting is added. */
const CHECKS: readonly SettingCheck[] = [
  { read: authSecret },
  { read: githubFromEnv },
  { read: demoSignInAllowed },
  { read: teamRolesFromEnv },
  {
    read: (env) => authEnv.pick({ NEXTAUTH_URL: true }).parse(env),
    when: (env) => isSet(env, 'NEXTAUTH_URL'),
  },
  { read: databaseConfigFromEnv },
  { read: githubConfigFromEnv, when: (env) => isSet(env, 'GITHUB_TOKEN') },
  { read: vercelConfigFromEnv, when: (env) => isSet(env, 'VERCEL_TOKEN') },
  { read: neonConfigFromEnv, when: (env) => isSet(env, 'NEON_API_KEY') },
  apiUrl('GITHUB_API_URL', githubEnv.pick({ GITHUB_API_URL: true })),
  apiUrl('VERCEL_API_URL', vercelEnv.pick({ VERCEL_API_URL: true })),
  apiUrl('NEON_API_URL', neonEnv.pick({ NEON_API_URL: true })),
  { read: vercelProjectIdFromEnv },
  { read: neonPlanFromEnv },
  { read: maxReportBytesFromEnv },
  { read: recoverySettingsFromEnv },
  { read: cleanupMaxDeletionsFromEnv },
  // Whether production needs the secret depends on a project having a hook, known only when a
  // reseed runs; a secret that is set must be one the hook can trust.
  { read: seedHookSecretOrThrow, when: (env) => isSet(env, 'SEED_HOOK_SECRET') },
  { read: runtimeSettings },
  { read: boardSettings },
  { read: cronSecret },
  { read: webhookSecrets },
  // Production refuses to start without the key alert channel URLs are encrypted with.
  { read: alertEncryptionKey },
  { read: chatSinkUrl },
];

function seedHookSecretOrThrow(env: Env): void {
  const { refusal } = seedHookSecret(env);
  if (refusal) throw new Error(refusal.message);
}

/** What is wrong with the settings, one sentence per problem, each naming its variable. */
export function settingProblems(env: Env = currentEnv()): string[] {
  const problems = new Set<string>();
  for (const check of CHECKS) {
    if (check.when && !check.when(env)) continue;
    try {
      check.read(env);
    } catch (error) {
      for (const problem of describe(error)) problems.add(problem);
    }
  }
  return [...problems];
}

/** Thrown at start-up when any setting is wrong; its message lists every one. */
export class InvalidSettingsError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `envboard cannot start: ${problems.length === 1 ? 'a setting is' : `${problems.length} settings are`} wrong.\n${problems.map((problem) => `- ${problem}`).join('\n')}`,
    );
    this.name = 'InvalidSettingsError';
  }
}

/** Refuses to go on with any bad setting, naming each; instrumentation.ts calls it at start-up. */
export function assertValidSettings(env: Env = currentEnv()): void {
  const problems = settingProblems(env);
  if (problems.length > 0) throw new InvalidSettingsError(problems);
}

function describe(error: unknown): string[] {
  if (error instanceof z.ZodError) {
    return error.issues.map((issue) => {
      const variable = issue.path.join('.') || 'a setting';
      // zod's own words for an absent value say nothing about a variable.
      const missing = issue.code === 'invalid_type' && /received undefined$/.test(issue.message);
      return missing ? `${variable} is not set` : `${variable}: ${issue.message}`;
    });
  }
  return [error instanceof Error ? error.message : String(error)];
}
