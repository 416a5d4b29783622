/**
 * Whether a Vercel build may run the database migrations, decided before `next build`. A preview
 * build must never migrate production's database: on Vercel, a Preview deployment reads the
 * Preview value of DATABASE_URL, which is production's own unless the project gives previews a
 * database of their own (Vercel's Neon integration sets a branch-scoped DATABASE_URL on each
 * preview; envboard's provisioning does the same for the app it watches).
 *
 * A preview has a database branch of its own when its DATABASE_URL's host differs from
 * PRODUCTION_DATABASE_HOST. On Neon every branch has its own compute endpoint, so the host names
 * the branch (https://neon.com/docs/manage/endpoints); the pooled host is the same endpoint with
 * `-pooler` (https://neon.com/docs/connect/connection-pooling), so both forms count as one. Without
 * PRODUCTION_DATABASE_HOST nothing proves the preview's database is not production's, and the
 * preview build does not migrate.
 */
export interface MigrationInputs {
  /** `production`, `preview` or `development` on Vercel; unset elsewhere. */
  vercelEnv: string | undefined;
  databaseUrl: string | undefined;
  productionDatabaseHost: string | undefined;
}

export type MigrationDecision =
  | { action: 'migrate'; reason: string }
  | { action: 'skip'; reason: string }
  /** The build must fail: it cannot tell where it is, or production has nowhere to migrate. */
  | { action: 'refuse'; reason: string };

/** A Neon endpoint's host, the same whether it came pooled (`ep-x-pooler.…`) or direct. */
export function endpointHost(host: string): string {
  const [first = '', ...rest] = host.toLowerCase().split('.');
  return [first.replace(/-pooler$/, ''), ...rest].join('.');
}

function hostOf(databaseUrl: string): string | undefined {
  try {
    const url = new URL(databaseUrl);
    return /^postgres(ql)?:$/.test(url.protocol) && url.hostname ? url.hostname : undefined;
  } catch {
    return undefined;
  }
}

export function decideMigration(inputs: MigrationInputs): MigrationDecision {
  const { vercelEnv, databaseUrl, productionDatabaseHost } = inputs;
  if (vercelEnv !== 'production' && vercelEnv !== 'preview') {
    return {
      action: 'skip',
      reason: `not a Vercel production or preview build (VERCEL_ENV=${vercelEnv ?? 'unset'}): run npm run db:migrate yourself`,
    };
  }
  const host = databaseUrl ? hostOf(databaseUrl) : undefined;
  if (databaseUrl && !host) {
    return { action: 'refuse', reason: 'DATABASE_URL is not a postgres:// URL with a host' };
  }
  if (vercelEnv === 'production') {
    if (!host) {
      return {
        action: 'refuse',
        reason:
          'a production build needs DATABASE_URL (the Neon integration sets it, or set it for Production)',
      };
    }
    return {
      action: 'migrate',
      reason: `production build: migrating production's database at ${host}`,
    };
  }
  if (!host) {
    return {
      action: 'skip',
      reason: 'preview build without a DATABASE_URL: no database to migrate',
    };
  }
  if (!productionDatabaseHost) {
    return {
      action: 'skip',
      reason:
        "preview build: PRODUCTION_DATABASE_HOST is unset, so nothing proves this preview's database is not production's",
    };
  }
  if (endpointHost(host) === endpointHost(productionDatabaseHost)) {
    return {
      action: 'skip',
      reason: `preview build: DATABASE_URL points at production's database (${host}); previews never migrate it`,
    };
  }
  return {
    action: 'migrate',
    reason: `preview build with a database branch of its own at ${host}`,
  };
}
