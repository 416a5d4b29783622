import { type Placeholder, type Query, sql } from 'drizzle-orm';
import type { PgSession } from 'drizzle-orm/pg-core';
import type { Database } from './client';

/** A drizzle query built with `sql.placeholder(…)` where its values go. */
interface Preparable {
  toSQL(): Query;
  prepare(name: string): unknown;
}

/** What drizzle's own prepared query keeps to map result rows; the same on every driver. */
interface PreparedShape {
  fields?: unknown;
  customResultMapper?: unknown;
  _isResponseInArrayMode?: boolean;
  /** A select's left-joined tables, read back as null when the join found nothing. */
  joinsNotNullableMap?: Record<string, boolean>;
}

interface Template {
  query: Query;
  fields: PreparedShape['fields'];
  arrayMode: boolean;
  resultMapper: PreparedShape['customResultMapper'];
  joinsNotNullableMap: PreparedShape['joinsNotNullableMap'];
}

type SessionOf = { _: { session: PgSession } };

function templateOf(builder: Preparable): Template {
  const prepared = builder.prepare('envboard_compiled') as PreparedShape;
  return {
    query: builder.toSQL(),
    fields: prepared.fields,
    arrayMode: prepared._isResponseInArrayMode ?? true,
    resultMapper: prepared.customResultMapper,
    joinsNotNullableMap: prepared.joinsNotNullableMap,
  };
}

/** The row type of a query builder function: what its statement, once compiled, returns. */
export type RowOf<Build extends (...args: never[]) => PromiseLike<readonly unknown[]>> = Awaited<
  ReturnType<Build>
>[number];

export type CompiledStatement<Row> = (
  db: Database,
  values: Record<string, unknown>,
) => Promise<Row[]>;

/**
 * A statement on a hot write path, built once with placeholders rather than on every call.
 * drizzle's builder walks every column and SQL chunk each time it runs, which costs the webhook
 * path more Node CPU than its round trips. The built text runs on whatever it is given (the pool,
 * or the transaction a delivery is applied in) through that session's own prepareQuery, so each
 * driver runs it, fills the placeholders (through the columns' own encoders) and maps the rows
 * exactly as drizzle does. It stays unnamed: a named statement would outlive a migration on a
 * pooled connection.
 */
export function compiledStatement<Row>(
  build: (db: Database) => Preparable,
): CompiledStatement<Row> {
  let template: Template | undefined;
  return async (db, values) => {
    template ??= templateOf(build(db));
    const session = (db as unknown as SessionOf)._.session;
    const prepared = session.prepareQuery(
      template.query,
      template.fields as never,
      undefined,
      template.arrayMode,
      template.resultMapper as never,
    ) as ReturnType<PgSession['prepareQuery']> & PreparedShape;
    prepared.joinsNotNullableMap = template.joinsNotNullableMap;
    return (await prepared.execute(values)) as Row[];
  };
}

/** For each given key of a row: its placeholder, or a literal NULL (no encoder takes null). */
export type ShapeValues<Input> = {
  [Key in keyof Input]: null extends Input[Key] ? Placeholder | null : Placeholder;
};

/**
 * A compiled statement per shape of input (which keys are given, which of them are null), for
 * writes whose callers pass partial rows: an absent key keeps its column default, as drizzle's
 * own insert does.
 */
export function compiledPerShape<Input extends object, Row>(
  build: (db: Database, values: ShapeValues<Input>) => Preparable,
): (db: Database, input: Input) => Promise<Row[]> {
  const byShape = new Map<string, CompiledStatement<Row>>();
  return (db, input) => {
    const given = Object.entries(input).filter(([, value]) => value !== undefined);
    const shape = given.map(([key, value]) => (value === null ? `${key}=null` : key)).join(',');
    let statement = byShape.get(shape);
    if (!statement) {
      const values = Object.fromEntries(
        given.map(([key, value]) => [key, value === null ? null : sql.placeholder(key)]),
      ) as ShapeValues<Input>;
      statement = compiledStatement<Row>((database) => build(database, values));
      byShape.set(shape, statement);
    }
    return statement(db, Object.fromEntries(given.filter(([, value]) => value !== null)));
  };
}
