import { eq } from 'drizzle-orm';
import type { Database } from '../client';
import { type Environment, environments, type NewOperation, type Operation } from '../schema';
import { insertOperation } from './operations';

/** The environment columns a pin or a freeze sets. */
export type EnvironmentControl = Partial<
  Pick<
    Environment,
    | 'pinned'
    | 'pinnedUntil'
    | 'pinReason'
    | 'pinnedBy'
    | 'expiresAt'
    | 'frozenFrom'
    | 'frozenUntil'
    | 'freezeReason'
    | 'frozenBy'
  >
>;

/**
 * Sets a pin or a freeze on an environment and writes its audit entry (an operation written
 * finished, like a role change) in one transaction: the change and its record land together.
 */
export async function applyEnvironmentControl(
  db: Database,
  environmentId: number,
  changes: EnvironmentControl,
  audit: NewOperation,
): Promise<Operation> {
  return db.transaction(async (tx) => {
    await tx.update(environments).set(changes).where(eq(environments.id, environmentId));
    const { operation } = await insertOperation(tx, audit);
    return operation;
  });
}
