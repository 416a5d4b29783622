import { currentEnv, type Env } from '@/lib/settings/env';
import { authEnv } from '@/lib/settings/schemas';
import { developmentSecret, developmentSecretPath } from './development-secret';
import { parseTeamRoles, type TeamRole } from './team-roles';

export interface AuthConfig {
  /** Signs and encrypts the session cookie. */
  secret: string;
  /** The GitHub OAuth app, or null when GITHUB_ID / GITHUB_SECRET are not both set. */
  github: { clientId: string; clientSecret: string } | null;
  /** Whether the sign-in page offers the demo team (Credentials provider). */
  demoSignIn: boolean;
  teamRoles: TeamRole[];
}

// Each reader parses only its own variables, so one bad variable is reported once, by its reader,
// and never hides another (lib/settings collects them all at start-up).
const githubEnv = authEnv.pick({ GITHUB_ID: true, GITHUB_SECRET: true });
const demoEnv = authEnv.pick({ NODE_ENV: true, VERCEL_ENV: true, ENVBOARD_DEMO_SIGNIN: true });
const secretEnv = authEnv.pick({
  NODE_ENV: true,
  NEXTAUTH_SECRET: true,
  AUTH_SECRET: true,
  PGLITE_DIR: true,
});
const teamRolesEnv = authEnv.pick({ GITHUB_TEAM_ROLES: true });

const isProduction = (env: Env) => env.NODE_ENV === 'production';

export function githubFromEnv(env: Env = currentEnv()): AuthConfig['github'] {
  const { GITHUB_ID, GITHUB_SECRET } = githubEnv.parse(env);
  if (!GITHUB_ID && !GITHUB_SECRET) return null;
  if (!GITHUB_ID || !GITHUB_SECRET) {
    throw new Error(`GitHub sign-in needs both GITHUB_ID and GITHUB_SECRET; only one is set.`);
  }
  return { clientId: GITHUB_ID, clientSecret: GITHUB_SECRET };
}

/**
 * The demo team may sign in without a password when ENVBOARD_DEMO_SIGNIN=1, or — with the
 * variable unset — outside production while GitHub sign-in is not configured, so a fresh
 * `npm run dev` has a way in. ENVBOARD_DEMO_SIGNIN=0 turns it off everywhere, and Vercel's
 * production environment (VERCEL_ENV=production) never has it, whatever ENVBOARD_DEMO_SIGNIN says:
 * there anyone could act as any member.
 */
export function demoSignInAllowed(env: Env = currentEnv()): boolean {
  const { ENVBOARD_DEMO_SIGNIN, VERCEL_ENV } = demoEnv.parse(env);
  if (VERCEL_ENV === 'production') return false;
  if (ENVBOARD_DEMO_SIGNIN === '1') return true;
  if (ENVBOARD_DEMO_SIGNIN === '0') return false;
  return !isProduction(env) && githubFromEnv(env) === null;
}

/**
 * NEXTAUTH_SECRET (or AUTH_SECRET). Production refuses to start without one. Elsewhere a random
 * secret is made on first use and kept in the local data folder (developmentSecretPath), so
 * `npm run dev` works with no configuration and sessions survive restarts.
 */
export function authSecret(env: Env = currentEnv()): string {
  const { NEXTAUTH_SECRET, AUTH_SECRET, PGLITE_DIR } = secretEnv.parse(env);
  const secret = NEXTAUTH_SECRET ?? AUTH_SECRET;
  if (secret) return secret;
  if (isProduction(env)) {
    throw new Error(
      'NEXTAUTH_SECRET is required in production: set it to a random string (openssl rand -base64 32).',
    );
  }
  return developmentSecret(developmentSecretPath(PGLITE_DIR));
}

export function teamRolesFromEnv(env: Env = currentEnv()): TeamRole[] {
  return parseTeamRoles(teamRolesEnv.parse(env).GITHUB_TEAM_ROLES);
}

export function authConfigFromEnv(env: Env = currentEnv()): AuthConfig {
  return {
    secret: authSecret(env),
    github: githubFromEnv(env),
    demoSignIn: demoSignInAllowed(env),
    teamRoles: teamRolesFromEnv(env),
  };
}
