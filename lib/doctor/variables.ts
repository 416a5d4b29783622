import { settingProblems } from '@/lib/settings/check-settings';
import { authEnv, runtimeEnv } from '@/lib/settings/schemas';
import { type CheckResult, type DoctorContext, fail, pass } from './check';

const VARIABLES = 'Variables';
const PUBLIC_URL = 'NEXTAUTH_URL';

/** What a deployment needs beyond what the server insists on to start. */
const REQUIRED = [
  'GITHUB_TOKEN',
  'GITHUB_REPOSITORY',
  'GITHUB_WEBHOOK_SECRET',
  'VERCEL_TOKEN',
  'VERCEL_WEBHOOK_SECRET',
  'NEON_API_KEY',
  'NEON_PROJECT_ID',
] as const;

/** Where NEXTAUTH_URL points when unset, outside production (next-auth's own default here). */
const LOCAL_URL = 'http://localhost:3000';

/** Every variable the server reads is well formed, and the ones a deployment needs are set. */
export function checkVariables({ env }: DoctorContext): CheckResult {
  const missing = REQUIRED.filter((name) => !env[name]?.trim()).map((name) => `${name} is not set`);
  const problems = [...missing, ...settingProblems(env)];
  if (problems.length === 0) return pass(VARIABLES, 'every variable is set and well formed');
  return fail(
    VARIABLES,
    problems.join('; '),
    'Set each one in the Vercel project (Settings → Environment Variables) or .env.local; docs/deploy.md lists them.',
  );
}

/**
 * The public URL envboard is reached at: NEXTAUTH_URL, or localhost outside production. On
 * Vercel it must be this deployment's: the production domain on production, the deployment's
 * own URL elsewhere (https://vercel.com/docs/environment-variables/system-environment-variables).
 */
export function appUrlOf(env: DoctorContext['env']): string | undefined {
  const url = authEnv.shape.NEXTAUTH_URL.safeParse(env.NEXTAUTH_URL?.trim() || undefined);
  if (url.success && url.data) return url.data.replace(/\/+$/, '');
  const runtime = runtimeEnv.parse(env);
  return runtime.NODE_ENV === 'production' || runtime.VERCEL_URL ? undefined : LOCAL_URL;
}

export function checkPublicUrl({ env }: DoctorContext): CheckResult {
  const appUrl = appUrlOf(env);
  if (!appUrl) {
    return fail(
      PUBLIC_URL,
      env.NEXTAUTH_URL ? 'not a URL' : 'not set',
      "Set NEXTAUTH_URL to envboard's public URL, e.g. https://envboard.example.com.",
    );
  }
  const runtime = runtimeEnv.parse(env);
  if (!runtime.VERCEL_URL) return pass(PUBLIC_URL, appUrl);
  const expected =
    runtime.VERCEL_ENV === 'production'
      ? runtime.VERCEL_PROJECT_PRODUCTION_URL
      : runtime.VERCEL_URL;
  const host = new URL(appUrl).host;
  if (!expected || host === expected) return pass(PUBLIC_URL, `${appUrl} (this deployment)`);
  return fail(
    PUBLIC_URL,
    `${appUrl} is not this deployment (${expected})`,
    `Set NEXTAUTH_URL to https://${expected} for the ${runtime.VERCEL_ENV ?? 'current'} environment.`,
  );
}
