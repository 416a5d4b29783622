import { z } from 'zod';
import { NEON_PLANS } from '@/lib/domain/costs';
import { DEFAULT_PREVIEW_MAX_PIN_DAYS } from '@/lib/domain/pins';

/**
 * Every environment variable envboard reads, one zod schema per area. Readers parse only their
 * own area (or a pick of it), so one bad variable is reported once, by its reader, and never
 * hides another; lib/settings/check-settings.ts runs them all at start-up. A new variable is
 * added here and to the README's configuration table (a unit test compares the two).
 */

/** Unset and blank are the same: a variable exported empty by a shell means "not set". */
const optional = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || undefined);

/** Set by Node.js, Next.js and Vercel, never by hand. */
export const runtimeEnv = z.object({
  NODE_ENV: optional,
  // https://nextjs.org/docs/app/guides/instrumentation: 'nodejs' or 'edge'.
  NEXT_RUNTIME: optional,
  // Set while `next build` runs: https://nextjs.org/docs/app/api-reference/config/next-config-js
  NEXT_PHASE: optional,
  // Set by Vercel on every deployment: production, preview or development.
  // https://vercel.com/docs/environment-variables/system-environment-variables
  VERCEL_ENV: optional,
  // This deployment's own host, and the project's production domain, both without a scheme.
  VERCEL_URL: optional,
  VERCEL_PROJECT_PRODUCTION_URL: optional,
});

export const databaseEnv = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATABASE_DRIVER: z.enum(['pglite', 'neon', 'postgres']).optional(),
  PGLITE_DIR: z.string().min(1).optional(),
});

export const boardEnv = z.object({
  ENVBOARD_PROJECT: optional,
  /** How soon before an incident a deployment must have begun serving to be suspected of it. */
  INCIDENT_SUSPECT_HOURS: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.coerce
      .number({ error: 'must be a number of hours' })
      .positive('must be more than 0 hours')
      .max(168, 'must be at most 168 hours (a week)')
      .default(2),
  ),
});

/** What the Vercel build (scripts/vercel-build.ts) decides from, before it runs migrations. */
export const buildEnv = z.object({
  VERCEL_ENV: optional,
  DATABASE_URL: optional,
  // The host of production's database (no user, no password), e.g. ep-cool-name-123456.us-east-2.aws.neon.tech.
  PRODUCTION_DATABASE_HOST: optional.pipe(
    z
      .string()
      .regex(/^[a-z0-9.-]+$/i, 'PRODUCTION_DATABASE_HOST is a host name only, e.g. ep-….neon.tech')
      .optional(),
  ),
});

export const authEnv = z.object({
  NODE_ENV: optional,
  NEXTAUTH_SECRET: optional,
  AUTH_SECRET: optional,
  NEXTAUTH_URL: z.url().optional(),
  GITHUB_ID: optional,
  GITHUB_SECRET: optional,
  GITHUB_TEAM_ROLES: optional,
  ENVBOARD_DEMO_SIGNIN: z
    .enum(['', '0', '1'], { error: 'ENVBOARD_DEMO_SIGNIN is 1 (on) or 0 (off)' })
    .optional(),
  VERCEL_ENV: optional,
  PGLITE_DIR: optional,
});

export const githubEnv = z.object({
  GITHUB_API_URL: z.url().default('https://api.github.com'),
  GITHUB_TOKEN: z.string().min(1, 'GITHUB_TOKEN is required to call the GitHub API'),
  GITHUB_REPOSITORY: z
    .string()
    .regex(/^[\w.-]+\/[\w.-]+$/, 'GITHUB_REPOSITORY must be "owner/name"'),
  GITHUB_APP_SLUG: z
    .string()
    .regex(/^[a-z0-9-]+$/i, 'GITHUB_APP_SLUG must be the GitHub App\'s slug, e.g. "envboard"')
    .optional(),
});

export const vercelEnv = z.object({
  VERCEL_API_URL: z.url().default('https://api.vercel.com'),
  VERCEL_TOKEN: z.string().min(1, 'VERCEL_TOKEN is required to call the Vercel API'),
  // Absent for a personal account; every call then acts as the token's user.
  VERCEL_TEAM_ID: z.string().min(1).optional(),
  // The project the deployment sync reads when the project row names none.
  VERCEL_PROJECT_ID: optional,
});

export const neonEnv = z.object({
  NEON_API_URL: z.url().default('https://console.neon.tech/api/v2'),
  NEON_API_KEY: z.string().min(1, 'NEON_API_KEY is required to call the Neon API'),
  NEON_PROJECT_ID: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/, 'NEON_PROJECT_ID is not a Neon project id'),
  // Only the consumption history needs it; the branch calls work without.
  NEON_ORG_ID: z.string().min(1).optional(),
  NEON_PLAN: z.enum(NEON_PLANS).default('launch'),
});

export const webhookEnv = z.object({
  GITHUB_WEBHOOK_SECRET: optional,
  VERCEL_WEBHOOK_SECRET: optional,
});

export const cronEnv = z.object({ CRON_SECRET: optional });

// Set by the demo launcher beside the provider sandboxes; see lib/uptime/probe-route.ts.
export const uptimeEnv = z.object({
  UPTIME_SANDBOX_URL: z.url().optional(),
  VERCEL_API_URL: vercelEnv.shape.VERCEL_API_URL,
});

export const testReportEnv = z.object({
  TEST_REPORT_MAX_BYTES: z.coerce.number().int().positive().optional(),
});

const HOUR_MS = 3_600_000;
const UNIT_MS = { m: 60_000, h: HOUR_MS, d: 24 * HOUR_MS } as const;

/** `24`, `24h`, `90m` or `2d`: a bare number counts hours. */
const duration = z
  .string()
  .trim()
  .regex(/^\d+(\.\d+)?\s*[mhd]?$/i, 'must be a number of hours or a duration like 24h, 90m or 2d')
  .transform((text) => {
    const unit = (text.at(-1)?.toLowerCase() ?? 'h') as keyof typeof UNIT_MS;
    const ms = unit in UNIT_MS ? parseFloat(text) * UNIT_MS[unit] : parseFloat(text) * HOUR_MS;
    return Math.round(ms);
  })
  .refine((ms) => ms >= 60_000, 'must be at least one minute');

const DEFAULT_CLEANUP_MAX_DELETIONS = 10;

export const operationsEnv = z.object({
  PROMOTION_REQUEST_TTL: z.string().optional().default('24h').pipe(duration),
  RETENTION_DAYS: z.coerce
    .number({ error: 'must be a whole number of days' })
    .int('must be a whole number of days')
    .min(1, 'must be at least 1 day')
    .optional()
    .default(30),
  CLEANUP_MAX_DELETIONS: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.coerce.number().int().min(1).max(1000).default(DEFAULT_CLEANUP_MAX_DELETIONS),
  ),
  PREVIEW_MAX_PIN_DAYS: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.coerce
      .number({ error: 'must be a whole number of days' })
      .int('must be a whole number of days')
      .min(1, 'must be at least 1 day')
      .max(365, 'must be at most 365 days')
      .default(DEFAULT_PREVIEW_MAX_PIN_DAYS),
  ),
  SEED_HOOK_SECRET: z
    .string()
    .optional()
    .transform((value) => value || undefined)
    .pipe(
      z.string().min(16, { error: 'SEED_HOOK_SECRET must be at least 16 characters' }).optional(),
    ),
  NODE_ENV: z.string().optional(),
});

// Alert channel URLs and signing secrets are encrypted at rest with this key (lib/alerts/encryption-key.ts).
// CHAT_SINK_URL is set by the demo launcher beside the local chat sink the demo channel posts to.
export const alertsEnv = z.object({
  NODE_ENV: optional,
  PGLITE_DIR: optional,
  ENVBOARD_ENCRYPTION_KEY: optional,
  CHAT_SINK_URL: z.url().optional(),
});

/** Every area, by name. */
export const SETTINGS = {
  runtime: runtimeEnv,
  database: databaseEnv,
  board: boardEnv,
  build: buildEnv,
  auth: authEnv,
  github: githubEnv,
  vercel: vercelEnv,
  neon: neonEnv,
  webhooks: webhookEnv,
  cron: cronEnv,
  uptime: uptimeEnv,
  testReports: testReportEnv,
  operations: operationsEnv,
  alerts: alertsEnv,
} as const;

/** Every variable the code reads, each once. */
export const SETTING_NAMES: readonly string[] = [
  ...new Set(Object.values(SETTINGS).flatMap((schema) => Object.keys(schema.shape))),
];
