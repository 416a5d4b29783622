import { type SQL, sql } from 'drizzle-orm';

const snakeCase = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** `set` clause for ON CONFLICT DO UPDATE that takes each named column from the proposed row. */
export function fromExcluded<Key extends string>(keys: readonly Key[]): Record<Key, SQL> {
  return Object.fromEntries(
    keys.map((key) => [key, sql.raw(`excluded.${snakeCase(key)}`)]),
  ) as Record<Key, SQL>;
}

/** Only overwrite when the provider says the incoming state is at least as new as ours. */
export function whenNotOlder(table: string): SQL {
  return sql.raw(`excluded.provider_updated_at >= ${table}.provider_updated_at`);
}

/** Only overwrite when one of the named columns would change (NULLs compare as values). */
export function whenAnyDiffers(table: string, keys: readonly string[]): SQL {
  const columns = keys.map(snakeCase);
  const stored = columns.map((column) => `${table}.${column}`).join(', ');
  const incoming = columns.map((column) => `excluded.${column}`).join(', ');
  return sql.raw(`(${stored}) is distinct from (${incoming})`);
}
