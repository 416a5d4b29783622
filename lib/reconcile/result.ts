import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Database } from '@/db/client';

/**
 * What applying one provider object did. `ignored` names why nothing was stored when the board
 * has no place for the object (no project, no environment for its branch, a stale copy…).
 */
export interface ApplyResult {
  changed: boolean;
  ignored?: string;
}

export const changedIf = (changed: boolean): ApplyResult => ({ changed });
export const ignored = (reason: string): ApplyResult => ({ changed: false, ignored: reason });

/**
 * Runs `work` in one transaction. Called inside one already (the webhook route applies a delivery
 * in the transaction that stores it), it joins that transaction rather than opening a savepoint:
 * a failure aborts the whole, which the caller rolls back anyway, and a savepoint would cost two
 * more round trips.
 */
export function inTransaction<T>(db: Database, work: (tx: Database) => Promise<T>): Promise<T> {
  if (isTransaction(db)) return work(db);
  return db.transaction(work);
}

/** A plain boolean, not a type guard: a transaction is already a `Database`, so nothing narrows. */
const isTransaction = (db: Database): boolean => db instanceof PgTransaction;

/** Whether any of `keys` differs between the stored row and the proposed one (Dates by value). */
export function differs<Row extends object>(
  stored: Row,
  proposed: Partial<Row>,
  keys: readonly (keyof Row)[],
): boolean {
  return keys.some((key) => {
    const after = proposed[key];
    if (after === undefined) return false;
    const before = stored[key];
    if (before instanceof Date || after instanceof Date) {
      return (before as Date | null)?.getTime() !== (after as Date | null | undefined)?.getTime();
    }
    return before !== after;
  });
}

/** Later of two instants, ignoring missing ones. */
export function latest(...dates: (Date | null | undefined)[]): Date | null {
  let found: Date | null = null;
  for (const date of dates) if (date && (!found || date > found)) found = date;
  return found;
}
