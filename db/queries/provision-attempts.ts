import { and, desc, eq, inArray, like, or, sql } from 'drizzle-orm';
import type { Database } from '../client';
import { environments, type Operation, operations } from '../schema';

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

/**
 * For each given pull request whose preview was deleted while it was open: the head commit it
 * had then (the delete operation's `before.headSha`). Provisioning leaves such a preview deleted
 * until the pull request's head moves on.
 */
export async function getDeletedPreviewHeads(
  db: Database,
  projectId: number,
  pullRequestIds: readonly number[],
): Promise<Map<number, string>> {
  if (pullRequestIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([environments.pullRequestId], {
      pullRequestId: environments.pullRequestId,
      headSha: sql<string | null>`${operations.before}->>'headSha'`,
    })
    .from(environments)
    .innerJoin(
      operations,
      and(
        eq(operations.environmentId, environments.id),
        eq(operations.kind, 'delete'),
        eq(operations.state, 'succeeded'),
      ),
    )
    .where(
      and(
        eq(environments.projectId, projectId),
        eq(environments.kind, 'preview'),
        eq(environments.status, 'deleted'),
        inArray(environments.pullRequestId, [...pullRequestIds]),
      ),
    )
    .orderBy(environments.pullRequestId, desc(environments.id), desc(operations.id));
  return new Map(
    rows.flatMap((row) =>
      row.pullRequestId !== null && row.headSha ? [[row.pullRequestId, row.headSha] as const] : [],
    ),
  );
}
