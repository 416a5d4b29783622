import { z } from 'zod';
import type { OpenApiContract } from './openapi';

/**
 * Walks a client's zod schema beside the document's schema for the same answer and lists each
 * place the client is stricter than the document: a field the client requires that the document
 * marks optional, or one that the document lets be null and the client does not.
 */

type Json = Record<string, unknown>;

interface Flat {
  properties: Record<string, Json>;
  required: Set<string>;
  nullable: boolean;
  items?: Json;
}

/** One view of a schema: `allOf` merged, null (from `nullable` or `anyOf`) pulled out. */
function flatten(contract: OpenApiContract, raw: Json): Flat {
  const schema = contract.schema(raw);
  const flat: Flat = { properties: {}, required: new Set(), nullable: false };
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes('null')) flat.nullable = true;
  for (const part of (schema.allOf as Json[] | undefined) ?? [])
    merge(flat, flatten(contract, part));
  const anyOf = (schema.anyOf as Json[] | undefined) ?? [];
  if (anyOf.some((option) => option.type === 'null')) {
    flat.nullable = true;
    for (const option of anyOf.filter((o) => o.type !== 'null')) {
      merge(flat, flatten(contract, option));
    }
  }
  Object.assign(flat.properties, (schema.properties as Record<string, Json> | undefined) ?? {});
  for (const name of (schema.required as string[] | undefined) ?? []) flat.required.add(name);
  if (schema.items) flat.items = schema.items as Json;
  return flat;
}

function merge(into: Flat, from: Flat): void {
  Object.assign(into.properties, from.properties);
  for (const name of from.required) into.required.add(name);
  into.nullable ||= from.nullable;
  into.items ??= from.items;
}

function unwrap(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) {
    return unwrap(schema.unwrap() as z.ZodType);
  }
  return schema;
}

export function stricterThanDocument(
  contract: OpenApiContract,
  client: z.ZodType,
  document: Json,
  path = '',
): string[] {
  const inner = unwrap(client);
  const flat = flatten(contract, document);
  if (inner instanceof z.ZodArray) {
    return flat.items
      ? stricterThanDocument(contract, inner.element as z.ZodType, flat.items, `${path}[]`)
      : [`${path}: an array in the client, not in the document`];
  }
  if (!(inner instanceof z.ZodObject)) return [];
  return Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([name, field]) => {
    const at = path ? `${path}.${name}` : name;
    const documented = flat.properties[name];
    if (!documented) return [`${at}: read by the client, absent from the document`];
    const found: string[] = [];
    if (!flat.required.has(name) && !field.safeParse(undefined).success) {
      found.push(`${at}: required by the client, optional in the document`);
    }
    if (flatten(contract, documented).nullable && !field.safeParse(null).success) {
      found.push(`${at}: may be null in the document, not in the client`);
    }
    return [...found, ...stricterThanDocument(contract, field, documented, at)];
  });
}
