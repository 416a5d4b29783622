import type { ZodTypeAny } from 'zod/v3';
import { startCountingDefaultToZeroValue } from '@vercel/sdk/types/defaultToZeroValue.js';
import { startCountingUnrecognized } from '@vercel/sdk/types/unrecognized.js';

/**
 * Checks a JSON value against one of `@vercel/sdk`'s zod (v3) models, strictly. The SDK's own
 * parsers are lax on purpose: a missing required string becomes "", a missing number 0, an
 * unknown enum value or a number sent as a string is accepted, and null stands in for an absent
 * optional field. Parsing with them would accept almost anything, so this walks the model
 * instead: it drops the lax alternatives the generator adds to each union, requires every key
 * the model does not mark optional, checks enums against their values and reports keys the model
 * does not have. Each departure names where it is.
 */

export interface Departure {
  /** Where in the value, e.g. `deployments[0].creator.uid`. */
  path: string;
  message: string;
}

/** A model, or the variants of one of the SDK's smart unions (the value must match one). */
export type Model = ZodTypeAny | readonly ZodTypeAny[];

export function checkModel(model: Model, value: unknown, root = ''): Departure[] {
  const variants: readonly ZodTypeAny[] = Array.isArray(model) ? model : [model as ZodTypeAny];
  let closest: Departure[] | undefined;
  for (const variant of variants) {
    const found: Departure[] = [];
    walk(variant, value, root, found);
    if (found.length === 0) return [];
    if (!closest || found.length < closest.length) closest = found;
  }
  return closest ?? [];
}

type Def = { typeName?: string } & Record<string, unknown>;
const defOf = (schema: ZodTypeAny) => schema._def as Def;
const kind = (schema: ZodTypeAny) => defOf(schema).typeName;

// The generator's coercions: `z.any()`, `z.null()`, `z.undefined()`, `z.string()` or
// `z.number()` transformed into a default, undefined, null, a number or an unknown enum value.
const COERCED_FROM = new Set(['ZodAny', 'ZodNull', 'ZodUndefined', 'ZodString', 'ZodNumber']);

function isCoercion(schema: ZodTypeAny): boolean {
  if (kind(schema) !== 'ZodEffects') return false;
  return COERCED_FROM.has(kind(defOf(schema).schema as ZodTypeAny) ?? '');
}

/** Whether a union's option is worth trying: not a coercion, and not null for a non-null value. */
function fits(option: ZodTypeAny, value: unknown): boolean {
  if (isCoercion(option)) return false;
  if (kind(option) === 'ZodNull') return value === null;
  if (kind(option) === 'ZodUndefined') return value === undefined;
  return true;
}

/** A smart union: `z.unknown().transform(…)` that picks the best of its hidden variants. */
function isSmartUnion(schema: ZodTypeAny): boolean {
  return kind(schema) === 'ZodEffects' && kind(defOf(schema).schema as ZodTypeAny) === 'ZodUnknown';
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const join = (path: string, key: string | number) =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

function walk(schema: ZodTypeAny, value: unknown, path: string, out: Departure[]): void {
  const def = defOf(schema);
  switch (def.typeName) {
    case 'ZodLazy':
      return walk((def.getter as () => ZodTypeAny)(), value, path, out);
    case 'ZodOptional':
    case 'ZodDefault':
      if (value === undefined) return;
      return walk(def.innerType as ZodTypeAny, value, path, out);
    case 'ZodNullable':
      if (value === null) return;
      return walk(def.innerType as ZodTypeAny, value, path, out);
    case 'ZodPipeline':
      return walk(def.in as ZodTypeAny, value, path, out);
    case 'ZodEffects':
      if (isSmartUnion(schema)) return leaf(schema, value, path, out);
      return walk(def.schema as ZodTypeAny, value, path, out);
    case 'ZodUnion': {
      const options = (def.options as ZodTypeAny[]).filter((option) => fits(option, value));
      if (options.length === 0) return leaf(schema, value, path, out, []);
      if (options.length === 1) return walk(options[0]!, value, path, out);
      if (options.every((option) => kind(option) === 'ZodLiteral')) {
        return leaf(schema, value, path, out, options);
      }
      out.push(...checkModel(options, value, path));
      return;
    }
    case 'ZodObject':
      if (!isRecord(value)) return leaf(schema, value, path, out);
      return walkObject(schema, value, path, out);
    case 'ZodArray':
      if (!Array.isArray(value)) return leaf(schema, value, path, out);
      value.forEach((item, index) => walk(def.type as ZodTypeAny, item, join(path, index), out));
      return;
    case 'ZodRecord':
      if (!isRecord(value)) return leaf(schema, value, path, out);
      for (const [key, item] of Object.entries(value)) {
        walk(def.valueType as ZodTypeAny, item, join(path, key), out);
      }
      return;
    default:
      return leaf(schema, value, path, out);
  }
}

function walkObject(
  schema: ZodTypeAny,
  value: Record<string, unknown>,
  path: string,
  out: Departure[],
): void {
  const def = defOf(schema);
  const shape = (def.shape as () => Record<string, ZodTypeAny>)();
  for (const [key, field] of Object.entries(shape)) walk(field, value[key], join(path, key), out);
  const open = def.unknownKeys === 'passthrough' || kind(def.catchall as ZodTypeAny) !== 'ZodNever';
  if (open) return;
  for (const key of Object.keys(value)) {
    if (!(key in shape)) out.push({ path: join(path, key), message: 'not in the model' });
  }
}

/** A value the walk cannot descend into: it must parse without any of the SDK's coercions. */
function leaf(
  schema: ZodTypeAny,
  value: unknown,
  path: string,
  out: Departure[],
  options: readonly ZodTypeAny[] = [schema],
): void {
  if (options.some((option) => parsesExactly(option, value) === true)) return;
  const where = path || '(body)';
  if (value === undefined) return void out.push({ path: where, message: 'required, but missing' });
  if (value === null) {
    return void out.push({ path: where, message: 'null, which the model does not allow' });
  }
  const shown = JSON.stringify(value).slice(0, 60);
  const literals = options.map((option) => defOf(option).value);
  if (options.length > 1 && options.every((option) => kind(option) === 'ZodLiteral')) {
    return void out.push({ path: where, message: `${shown} is not one of ${literals.join(', ')}` });
  }
  const why = options[0] ? parsesExactly(options[0], value) : 'of a type the model does not allow';
  const message = why === false ? 'matches the model only after the SDK coerces it' : why;
  out.push({ path: where, message: `${shown}: ${message}` });
}

/** true, the first zod issue, or false when it parses only through a coercion. */
function parsesExactly(schema: ZodTypeAny, value: unknown): true | false | string {
  const unrecognized = startCountingUnrecognized();
  const zeroed = startCountingDefaultToZeroValue();
  let result: ReturnType<ZodTypeAny['safeParse']>;
  let coerced = 0;
  try {
    result = schema.safeParse(value);
  } finally {
    coerced = zeroed.end() + unrecognized.end();
  }
  if (!result.success) return result.error.issues[0]?.message ?? 'invalid';
  return coerced === 0;
}
