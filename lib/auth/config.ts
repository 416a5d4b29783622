import { createHash } from 'node:crypto';
import { z } from 'zod';
import { parseTeamRoles, type TeamRole } from './team-roles';

type Env = Record<string, string | undefined>;

export interface AuthConfig {
  /** Signs and encrypts the session cookie. */
  secret: string;
  /** The GitHub OAuth app, or null when GITHUB_ID / GITHUB_SECRET are not both set. */
  github: { clientId: string; clientSecret: string } | null;
  /** Whether the sign-in page offers the demo team (Credentials provider). */
  demoSignIn: boolean;
  teamRoles: TeamRole[];
}

const optional = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || undefined);

const envSchema = z.object({
  NODE_ENV: optional,
  NEXTAUTH_SECRET: optional,
  AUTH_SECRET: optional,
  GITHUB_ID: optional,
  GITHUB_SECRET: optional,
  GITHUB_TEAM_ROLES: optional,
  ENVBOARD_DEMO_SIGNIN: z
    .enum(['', '0', '1'], { error: 'ENVBOARD_DEMO_SIGNIN is 1 (on) or 0 (off)' })
    .optional(),
});

const isProduction = (env: Env) => env.NODE_ENV === 'production';

export function githubFromEnv(env: Env): AuthConfig['github'] {
  const { GITHUB_ID, GITHUB_SECRET } = envSchema.parse(env);
  if (!GITHUB_ID && !GITHUB_SECRET) return null;
  if (!GITHUB_ID || !GITHUB_SECRET) {
    throw new Error(`GitHub sign-in needs both GITHUB_ID and GITHUB_SECRET; only one is set.`);
  }
  return { clientId: GITHUB_ID, clientSecret: GITHUB_SECRET };
}

/**
 * The demo team may sign in without a password when ENVBOARD_DEMO_SIGNIN=1, or — with the
 * variable unset — outside production while GitHub sign-in is not configured, so a fresh
 * `npm run dev` has a way in. ENVBOARD_DEMO_SIGNIN=0 turns it off everywhere.
 */
export function demoSignInAllowed(env: Env): boolean {
  const { ENVBOARD_DEMO_SIGNIN } = envSchema.parse(env);
  if (ENVBOARD_DEMO_SIGNIN === '1') return true;
  if (ENVBOARD_DEMO_SIGNIN === '0') return false;
  return !isProduction(env) && githubFromEnv(env) === null;
}

/**
 * NEXTAUTH_SECRET (or AUTH_SECRET). Production refuses to start without one. Elsewhere a secret
 * is derived from the checkout's path, so `npm run dev` works with no configuration and sessions
 * survive restarts; it is guessable, which is acceptable only where anyone may sign in as the
 * demo team anyway.
 */
export function authSecret(env: Env, cwd = process.cwd()): string {
  const { NEXTAUTH_SECRET, AUTH_SECRET } = envSchema.parse(env);
  const secret = NEXTAUTH_SECRET ?? AUTH_SECRET;
  if (secret) return secret;
  if (isProduction(env)) {
    throw new Error(
      'NEXTAUTH_SECRET is required in production: set it to a random string (openssl rand -base64 32).',
    );
  }
  return createHash('sha256').update(`envboard development session secret:${cwd}`).digest('hex');
}

export function authConfigFromEnv(env: Env = process.env): AuthConfig {
  return {
    secret: authSecret(env),
    github: githubFromEnv(env),
    demoSignIn: demoSignInAllowed(env),
    teamRoles: parseTeamRoles(envSchema.parse(env).GITHUB_TEAM_ROLES),
  };
}
