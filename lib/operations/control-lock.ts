import type { Database } from '@/db/client';
import { getActiveOperation } from '@/db/queries/operation-locks';
import { describeHolder } from '@/lib/domain/operation-names';
import { refuse, type Refusal } from './result';

/**
 * A pin or a freeze is written at once, without taking the environment's lock, but not while an
 * operation holds it: a preview being deleted, or production being promoted, is not changed
 * under that operation's feet. The refusal reads as every other lock refusal does.
 */
export async function refuseWhileLocked(
  db: Database,
  environmentId: number,
  environmentName: string,
): Promise<Refusal | undefined> {
  const active = await getActiveOperation(db, environmentId);
  if (!active) return undefined;
  return refuse(
    'operation_in_progress',
    `An operation is already in progress on ${environmentName}: ${describeHolder(active)}.`,
  );
}
