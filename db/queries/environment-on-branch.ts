import { aliasedTable, and, asc, type Column, eq, ne, type SQL, sql } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { Database } from '../client';
import { environments } from '../schema';

/**
 * The active long-lived environment (production, staging, development or another kind that is
 * not a preview) that builds a branch: a pull request from that branch never gets a preview, so
 * nothing done to a preview can reach that environment's database or deployments. Shared by the
 * operations and the pages, and by provisioning, which scripts run too (no 'server-only').
 */
const owner = aliasedTable(environments, 'branch_environment');

function buildsBranch(projectId: Column | number, branch: Column | string) {
  return and(
    eq(owner.projectId, projectId),
    eq(owner.gitBranch, branch),
    ne(owner.kind, 'preview'),
    eq(owner.status, 'active'),
  );
}

/** The environment's name as a column of a query over pull requests or environments. */
export function environmentOnBranchColumn(projectId: Column, branch: Column): SQL<string | null> {
  const first = new QueryBuilder()
    .select({ name: owner.name })
    .from(owner)
    .where(buildsBranch(projectId, branch))
    .orderBy(asc(owner.id))
    .limit(1);
  return sql<string | null>`(${first})`;
}

export async function getEnvironmentOnBranch(
  db: Database,
  projectId: number,
  branch: string,
): Promise<string | null> {
  const [row] = await db
    .select({ name: owner.name })
    .from(owner)
    .where(buildsBranch(projectId, branch))
    .orderBy(asc(owner.id))
    .limit(1);
  return row?.name ?? null;
}
