import { and, eq, inArray, like, or } from 'drizzle-orm';
import type { Database } from '../client';
import { type Operation, operations } from '../schema';

/** A retry of a pull request head's provisioning carries its base key plus this and a number. */
export const PROVISION_RETRY_SUFFIX = ':retry-';

export interface ProvisionHistory {
  /** How many provisionings of this head failed, and when the last one ended. */
  failures: number;
  lastFailed?: Operation;
  /** One that is in flight or succeeded: no new attempt while it exists. */
  settled?: Operation;
}

const baseKeyOf = (key: string) => key.split(PROVISION_RETRY_SUFFIX)[0]!;

/** Every provision operation of the given heads (by base key), first attempt and retries alike. */
export async function getProvisionHistories(
  db: Database,
  projectId: number,
  baseKeys: readonly string[],
): Promise<Map<string, ProvisionHistory>> {
  const histories = new Map<string, ProvisionHistory>();
  if (baseKeys.length === 0) return histories;
  const rows = await db
    .select()
    .from(operations)
    .where(
      and(
        eq(operations.projectId, projectId),
        eq(operations.kind, 'provision'),
        or(
          inArray(operations.idempotencyKey, [...baseKeys]),
          ...baseKeys.map((key) =>
            like(operations.idempotencyKey, `${key}${PROVISION_RETRY_SUFFIX}%`),
          ),
        ),
      ),
    )
    .orderBy(operations.id);
  for (const operation of rows) {
    const base = baseKeyOf(operation.idempotencyKey);
    const history = histories.get(base) ?? { failures: 0 };
    if (operation.state === 'failed') {
      history.failures++;
      history.lastFailed = operation;
    } else {
      history.settled = operation;
    }
    histories.set(base, history);
  }
  return histories;
}
