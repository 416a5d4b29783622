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

export { inTransaction } from '@/db/writes/transaction';

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
