import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { cache } from 'react';
import type { Database } from '../client';
import { compiledStatement } from '../compiled-statement';
import { firstCreated, getActiveEnvironmentOfKind, isActiveOfKind } from './environment-of-kind';
import { ACTIVE_OPERATION_STATES, type ActiveOperation } from './operation-locks';
import {
  type Deployment,
  deployments,
  type Environment,
  environments,
  operations,
  users,
} from '../schema';

export interface ProductionServing {
  production: Environment | undefined;
  /** The deployment production serves. */
  current: Deployment | undefined;
  /** The operation holding production's lock. */
  holder: ActiveOperation | undefined;
}

const productionServingStatement = compiledStatement<{
  production: Environment;
  current: Deployment | null;
  // Left-joined columns of two tables: drizzle leaves the object with every field null.
  holder: { [Key in keyof Omit<ActiveOperation, 'environmentName'>]: ActiveOperation[Key] | null };
}>((db) =>
  db
    .select({
      production: environments,
      current: deployments,
      holder: {
        id: operations.id,
        kind: operations.kind,
        state: operations.state,
        step: operations.step,
        actorLogin: users.githubLogin,
        requestedAt: operations.requestedAt,
      },
    })
    .from(environments)
    .leftJoin(deployments, eq(deployments.id, environments.currentDeploymentId))
    .leftJoin(
      operations,
      and(
        eq(operations.environmentId, environments.id),
        inArray(operations.state, [...ACTIVE_OPERATION_STATES]),
      ),
    )
    .leftJoin(users, eq(users.id, operations.actorId))
    .where(isActiveOfKind(sql.placeholder('projectId'), 'production'))
    .orderBy(firstCreated)
    .limit(1),
);

/**
 * The project's production environment (getProductionEnvironment's pick), the deployment it
 * serves and the operation holding its lock, in one query. A page asks for it from several
 * offers (promote, roll back, the gate): React keeps one read per request while rendering.
 */
export const getProductionServing = cache(async function getProductionServing(
  db: Database,
  projectId: number,
): Promise<ProductionServing> {
  const [row] = await productionServingStatement(db, { projectId });
  if (!row) return { production: undefined, current: undefined, holder: undefined };
  const { production, current, holder } = row;
  return {
    production,
    current: current ?? undefined,
    holder:
      holder.id === null
        ? undefined
        : ({ ...holder, environmentName: production.name } as ActiveOperation),
  };
});

/** The project's active production environment. */
export function getProductionEnvironment(
  db: Database,
  projectId: number,
): Promise<Environment | undefined> {
  return getActiveEnvironmentOfKind(db, projectId, 'production');
}
