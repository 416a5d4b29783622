import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Database } from '../client';

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
