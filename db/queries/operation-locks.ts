import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { SelectedFields } from 'drizzle-orm/pg-core';
import type { Database } from '../client';
import { apiTokens, environments, type Operation, operations, users } from '../schema';

/** The states in which an operation holds its environment's lock. */
export const ACTIVE_OPERATION_STATES = ['requested', 'approved', 'running'] as const;

export interface ActiveOperation {
  id: number;
  kind: Operation['kind'];
  state: Operation['state'];
  step: string | null;
  actorLogin: string | null;
  /** The API token that asked, when no person did. */
  actorTokenName: string | null;
  environmentName: string | null;
  requestedAt: Date;
  /** When the row last moved (a step begun or done): how the recovery tells a stuck one. */
  updatedAt: Date;
}

const activeColumns = {
  id: operations.id,
  kind: operations.kind,
  state: operations.state,
  step: operations.step,
  actorLogin: users.githubLogin,
  actorTokenName: apiTokens.name,
  environmentName: environments.name,
  requestedAt: operations.requestedAt,
  updatedAt: operations.updatedAt,
};

/** Operations with who asked and where: what every read of the lock's holders starts from. */
function selectActive<Extra extends SelectedFields>(db: Database, extra: Extra) {
  return db
    .select({ ...activeColumns, ...extra })
    .from(operations)
    .leftJoin(users, eq(users.id, operations.actorId))
    .leftJoin(apiTokens, eq(apiTokens.id, operations.actorTokenId))
    .leftJoin(environments, eq(environments.id, operations.environmentId))
    .$dynamic();
}

/** The operation holding an environment's lock, if any (the partial unique index allows one). */
export async function getActiveOperation(
  db: Database,
  environmentId: number,
): Promise<ActiveOperation | undefined> {
  return (await getActiveOperations(db, [environmentId])).get(environmentId);
}

/** The operations holding the locks of many environments, keyed by environment id. */
export async function getActiveOperations(
  db: Database,
  environmentIds: readonly number[],
): Promise<Map<number, ActiveOperation>> {
  if (environmentIds.length === 0) return new Map();
  const rows = await selectActive(db, { environmentId: operations.environmentId }).where(
    and(
      inArray(operations.environmentId, [...new Set(environmentIds)]),
      inArray(operations.state, [...ACTIVE_OPERATION_STATES]),
    ),
  );
  return new Map(
    rows.flatMap(({ environmentId, ...active }) =>
      environmentId === null ? [] : [[environmentId, active] as const],
    ),
  );
}

/** Operations waiting for a second release manager, oldest first. */
export async function listPendingApprovals(
  db: Database,
  projectId: number,
): Promise<(ActiveOperation & { reason: string | null; actorId: number | null })[]> {
  return selectActive(db, { reason: operations.reason, actorId: operations.actorId })
    .where(and(eq(operations.projectId, projectId), eq(operations.state, 'requested')))
    .orderBy(asc(operations.requestedAt), asc(operations.id));
}
