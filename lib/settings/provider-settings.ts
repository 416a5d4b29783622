import type { NeonPlan } from '@/lib/domain/costs';
import type { GitHubConfig } from '@/lib/providers/github/config';
import type { NeonConfig } from '@/lib/providers/neon/config';
import type { VercelConfig } from '@/lib/providers/vercel/config';
import { currentEnv, type Env } from './env';
import { githubEnv, neonEnv, vercelEnv } from './schemas';

// Each reader picks only the variables its client needs, so a bad NEON_PLAN is reported by the
// cost sync alone and VERCEL_PROJECT_ID only by the deployment sync.
const githubClientEnv = githubEnv;
const vercelClientEnv = vercelEnv.omit({ VERCEL_PROJECT_ID: true });
const neonClientEnv = neonEnv.omit({ NEON_PLAN: true });

/** Reads the GitHub settings; a missing or malformed variable names itself in the error. */
export function githubConfigFromEnv(env: Env = currentEnv()): GitHubConfig {
  const parsed = githubClientEnv.parse(env);
  const [owner, repo] = parsed.GITHUB_REPOSITORY.split('/') as [string, string];
  return {
    baseUrl: parsed.GITHUB_API_URL,
    token: parsed.GITHUB_TOKEN,
    owner,
    repo,
    ...(parsed.GITHUB_APP_SLUG && { appSlug: parsed.GITHUB_APP_SLUG }),
  };
}

/** Reads the Vercel settings; a missing or malformed variable names itself in the error. */
export function vercelConfigFromEnv(env: Env = currentEnv()): VercelConfig {
  const parsed = vercelClientEnv.parse(env);
  return {
    baseUrl: parsed.VERCEL_API_URL,
    token: parsed.VERCEL_TOKEN,
    teamId: parsed.VERCEL_TEAM_ID,
  };
}

/** Reads the Neon settings; a missing or malformed variable names itself in the error. */
export function neonConfigFromEnv(env: Env = currentEnv()): NeonConfig {
  const parsed = neonClientEnv.parse(env);
  return {
    baseUrl: parsed.NEON_API_URL,
    apiKey: parsed.NEON_API_KEY,
    projectId: parsed.NEON_PROJECT_ID,
    orgId: parsed.NEON_ORG_ID,
  };
}

/** GITHUB_API_URL alone (sign-in's team lookup needs no token): github.com's API unless told. */
export function githubApiUrl(env: Env = currentEnv()): string {
  const raw = env.GITHUB_API_URL || undefined;
  return githubEnv.pick({ GITHUB_API_URL: true }).parse({ GITHUB_API_URL: raw }).GITHUB_API_URL;
}

/** NEON_PLAN picks the price list; Launch unless told. */
export function neonPlanFromEnv(env: Env = currentEnv()): NeonPlan {
  return neonEnv.pick({ NEON_PLAN: true }).parse(env).NEON_PLAN;
}

/** VERCEL_PROJECT_ID, the deployment sync's fallback when the project row names none. */
export function vercelProjectIdFromEnv(env: Env = currentEnv()): string | undefined {
  return vercelEnv.pick({ VERCEL_PROJECT_ID: true }).parse(env).VERCEL_PROJECT_ID;
}
