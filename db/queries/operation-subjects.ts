import 'server-only';
import { inArray } from 'drizzle-orm';
import { operationSubject } from '@/lib/domain/operation-names';
import type { Database } from '../client';
import { deployments, environments, type Operation } from '../schema';

/** The deployment an operation moves production to: a promotion's build, a rollback's target. */
function deploymentIdOf(operation: Operation): number | undefined {
  const key = operation.kind === 'rollback' ? 'targetDeploymentId' : 'deploymentId';
  const value = operation.before?.[key];
  return typeof value === 'number' ? value : undefined;
}

/** Each operation's subject (see operationSubject), read with two queries for any number. */
export async function operationSubjects(
  db: Database,
  operations: readonly Operation[],
): Promise<Map<number, string>> {
  const environmentIds = [
    ...new Set(operations.flatMap((op) => (op.environmentId === null ? [] : [op.environmentId]))),
  ];
  const deploymentIds = [...new Set(operations.flatMap((op) => deploymentIdOf(op) ?? []))];
  const [names, commits] = await Promise.all([
    environmentIds.length === 0
      ? []
      : db
          .select({ id: environments.id, name: environments.name })
          .from(environments)
          .where(inArray(environments.id, environmentIds)),
    deploymentIds.length === 0
      ? []
      : db
          .select({
            id: deployments.id,
            commitSha: deployments.commitSha,
            commitMessage: deployments.commitMessage,
          })
          .from(deployments)
          .where(inArray(deployments.id, deploymentIds)),
  ]);
  const nameOf = new Map(names.map((row) => [row.id, row.name]));
  const commitOf = new Map(commits.map((row) => [row.id, row]));
  return new Map(
    operations.map((op) => {
      const deploymentId = deploymentIdOf(op);
      return [
        op.id,
        operationSubject(op, {
          environmentName:
            op.environmentId === null ? null : (nameOf.get(op.environmentId) ?? null),
          deployment: deploymentId === undefined ? undefined : commitOf.get(deploymentId),
        }),
      ];
    }),
  );
}
