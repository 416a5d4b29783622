import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Exchange } from './exchanges';

/**
 * Checks recorded exchanges against a provider's OpenAPI document: the operation is found by
 * method and path template, then the query, the JSON request body and the response body for the
 * answered status are validated with the document's own schemas. Each departure is one readable
 * line: the operation, where (a JSON pointer) and what is wrong.
 */

type Json = Record<string, unknown>;

export interface Departure {
  operation: string;
  /** `query.created`, `request/branch/name`, `response 200/0/auto_merge`, … */
  where: string;
  message: string;
}

export const describeDeparture = (d: Departure) => `${d.operation} ${d.where}: ${d.message}`;

export interface ContractOptions {
  /** The API's path prefix on the wire, stripped before matching templates (Neon: `/api/v2`). */
  basePath?: string;
  /**
   * A schema pointer (`#/components/schemas/basic-error`) for error statuses an operation does not
   * list; GitHub documents rate limits and server errors once for the whole API, not per call.
   */
  undocumentedErrorSchema?: string;
  /** Replaces a query parameter's documented schema where the document is known to be wrong. */
  querySchemaOverrides?: Record<string, Json>;
}

interface Operation {
  method: string;
  template: string;
  matcher: RegExp;
  literalSegments: number;
  /** JSON pointer segments to the operation object. */
  pointer: string[];
  node: Json;
  pathItem: Json;
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/**
 * OpenAPI 3.0 keywords JSON Schema lacks, rewritten in place: `nullable` becomes a `null` type
 * (or an `anyOf` with null where there is no `type`), and draft-4 boolean `exclusiveMinimum`
 * becomes the numeric form.
 */
function toJsonSchema(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) toJsonSchema(item);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const schema = node as Json;
  for (const value of Object.values(schema)) toJsonSchema(value);
  for (const [bound, limit] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof schema[bound] === 'boolean') {
      if (schema[bound]) schema[bound] = schema[limit];
      else delete schema[bound];
      if (schema[bound] !== undefined) delete schema[limit];
    }
  }
  if (schema.nullable !== true) return;
  delete schema.nullable;
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum.push(null);
  if (typeof schema.type === 'string') {
    schema.type = [schema.type, 'null'];
    return;
  }
  const rest = { ...schema };
  for (const key of Object.keys(schema)) delete schema[key];
  schema.anyOf = [rest, { type: 'null' }];
}

const escapePointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');
const pointerText = (segments: string[]) => segments.map(escapePointer).join('/');

export class OpenApiContract {
  private readonly ajv: Ajv;
  private readonly operations: Operation[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(
    private readonly document: Json,
    private readonly options: ContractOptions = {},
  ) {
    toJsonSchema(document.components);
    toJsonSchema(document.paths);
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, logger: false });
    addFormats(this.ajv);
    this.ajv.addSchema(document, 'openapi');
    this.operations = Object.entries(document.paths as Record<string, Json>).flatMap(
      ([template, pathItem]) =>
        HTTP_METHODS.filter((method) => pathItem[method]).map((method) => {
          const segments = template.split('/');
          const pattern = segments
            .map((s) => (/^\{.+\}$/.test(s) ? '[^/]+' : s.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
            .join('/');
          return {
            method: method.toUpperCase(),
            template,
            matcher: new RegExp(`^${pattern}$`),
            literalSegments: segments.filter((s) => s && !s.startsWith('{')).length,
            pointer: ['paths', template, method],
            node: pathItem[method] as Json,
            pathItem,
          };
        }),
    );
  }

  /** The response body's schema an operation documents for a status, `$ref`s followed. */
  responseSchema(method: string, template: string, status: number): Json {
    const pointer = ['paths', template, method.toLowerCase(), 'responses', String(status)];
    const { node, pointer: at } = this.resolve(pointer);
    const type = jsonMediaType(node.content as Json | undefined);
    if (!type) throw new Error(`${method} ${template} documents no JSON body for ${status}`);
    return this.schema(this.resolve([...at, 'content', type, 'schema']).node);
  }

  /** A schema with its own `$ref` followed (nested ones stay, for the caller to follow). */
  schema(node: Json): Json {
    const ref = node.$ref;
    if (typeof ref !== 'string') return node;
    const target = ref.replace(/^#\//, '').split('/');
    return this.schema(
      this.resolve(target.map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))).node,
    );
  }

  /** `METHOD /template` of the documented operation a request is for, if any. */
  operationFor(method: string, url: URL): Operation | undefined {
    const base = this.options.basePath ?? '';
    if (!url.pathname.startsWith(base)) return undefined;
    const path = url.pathname.slice(base.length) || '/';
    return this.operations
      .filter((op) => op.method === method && op.matcher.test(path))
      .sort((a, b) => b.literalSegments - a.literalSegments)[0];
  }

  check(exchange: Exchange): Departure[] {
    const { request, response } = exchange;
    const operation = this.operationFor(request.method, request.url);
    if (!operation) {
      const name = `${request.method} ${request.url.pathname}`;
      return [{ operation: name, where: 'path', message: 'no documented operation' }];
    }
    const name = `${operation.method} ${operation.template}`;
    const departures = [
      ...this.checkQuery(operation, request.url.searchParams),
      ...this.checkRequestBody(operation, request.body),
      ...this.checkResponse(operation, response.status, response.body),
    ];
    return departures.map((d) => ({ ...d, operation: name }));
  }

  /** Follows a `$ref` to a reusable object (parameter, response, request body) in the document. */
  private resolve(pointer: string[]): { node: Json; pointer: string[] } {
    let node: unknown = this.document;
    for (const segment of pointer) node = (node as Json)[segment];
    const ref = (node as Json).$ref;
    if (typeof ref === 'string') {
      const target = ref.replace(/^#\//, '').split('/');
      return this.resolve(target.map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')));
    }
    return { node: node as Json, pointer };
  }

  private validator(pointer: string[]): ValidateFunction {
    const key = pointerText(pointer);
    let validate = this.validators.get(key);
    if (!validate) {
      const fragment = pointer.map((s) => encodeURIComponent(escapePointer(s))).join('/');
      validate = this.ajv.compile({ $ref: `openapi#/${fragment}` });
      this.validators.set(key, validate);
    }
    return validate;
  }

  private validate(
    pointer: string[],
    data: unknown,
    where: string,
  ): Omit<Departure, 'operation'>[] {
    const validate = this.validator(pointer);
    if (validate(data)) return [];
    return (validate.errors ?? []).map((error: ErrorObject) => ({
      where: `${where}${error.instancePath}`,
      message: `${error.message ?? error.keyword}${paramsText(error)}`,
    }));
  }

  private parameters(operation: Operation) {
    const listed = (owner: string[], list: unknown) =>
      ((list as unknown[] | undefined) ?? []).map((_, index) =>
        this.resolve([...owner, 'parameters', String(index)]),
      );
    const pathPointer = operation.pointer.slice(0, 2);
    const all = [
      ...listed(pathPointer, operation.pathItem.parameters),
      ...listed(operation.pointer, operation.node.parameters),
    ];
    return all.filter(({ node }) => node.in === 'query');
  }

  private checkQuery(operation: Operation, query: URLSearchParams): Departure[] {
    const documented = this.parameters(operation);
    const departures: Departure[] = [];
    for (const name of new Set(query.keys())) {
      const parameter = documented.find(({ node }) => node.name === name);
      const where = `query.${name}`;
      if (!parameter) {
        departures.push({ operation: '', where, message: 'is not a documented parameter' });
        continue;
      }
      const override = this.options.querySchemaOverrides?.[name];
      const schemaPointer = [...parameter.pointer, 'schema'];
      const { node: schema, pointer: resolvedPointer } = this.resolve(schemaPointer);
      const values = query.getAll(name);
      const value =
        schema.type === 'array'
          ? values.flatMap((v) => v.split(','))
          : coerce(values[values.length - 1]!, schema);
      if (override) {
        const validate =
          this.ajv.getSchema(`override:${name}`) ?? this.compileOverride(name, override);
        if (!validate(value)) {
          const message = (validate.errors ?? []).map((e) => e.message).join('; ');
          departures.push({ operation: '', where, message: `${message} (${String(value)})` });
        }
        continue;
      }
      const items = schema.type === 'array' ? this.resolve([...resolvedPointer, 'items']).node : {};
      const data =
        schema.type === 'array' ? (value as string[]).map((v) => coerce(v, items)) : value;
      departures.push(
        ...this.validate(schemaPointer, data, where).map((d) => ({ ...d, operation: '' })),
      );
    }
    for (const { node } of documented) {
      if (node.required === true && !query.has(String(node.name))) {
        departures.push({
          operation: '',
          where: `query.${String(node.name)}`,
          message: 'is required but missing',
        });
      }
    }
    return departures;
  }

  private compileOverride(name: string, schema: Json): ValidateFunction {
    this.ajv.addSchema(schema, `override:${name}`);
    return this.ajv.getSchema(`override:${name}`)!;
  }

  private checkRequestBody(operation: Operation, body: unknown): Departure[] {
    const declared = operation.node.requestBody;
    if (body === undefined) {
      if (!declared || this.resolve([...operation.pointer, 'requestBody']).node.required !== true)
        return [];
      return [{ operation: '', where: 'request', message: 'a body is required but none was sent' }];
    }
    if (!declared) return [{ operation: '', where: 'request', message: 'no body is documented' }];
    const { node, pointer } = this.resolve([...operation.pointer, 'requestBody']);
    const type = jsonMediaType(node.content as Json | undefined);
    if (!type) return [{ operation: '', where: 'request', message: 'no JSON body is documented' }];
    return this.validate([...pointer, 'content', type, 'schema'], body, 'request').map((d) => ({
      ...d,
      operation: '',
    }));
  }

  private checkResponse(operation: Operation, status: number, body: unknown): Departure[] {
    const responses = operation.node.responses as Json;
    const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => responses[k]);
    const where = `response ${status}`;
    if (!key) {
      const fallback = this.options.undocumentedErrorSchema;
      if (status >= 400 && fallback) {
        const pointer = fallback.replace(/^#\//, '').split('/');
        return this.validate(pointer, body, where).map((d) => ({ ...d, operation: '' }));
      }
      return [{ operation: '', where, message: 'the status is not documented' }];
    }
    const { node, pointer } = this.resolve([...operation.pointer, 'responses', key]);
    const type = jsonMediaType(node.content as Json | undefined);
    if (!type) {
      return body === undefined
        ? []
        : [{ operation: '', where, message: 'a body was sent where none is documented' }];
    }
    return this.validate([...pointer, 'content', type, 'schema'], body, where).map((d) => ({
      ...d,
      operation: '',
    }));
  }
}

function jsonMediaType(content: Json | undefined): string | undefined {
  const types = Object.keys(content ?? {});
  return types.find((t) => t === 'application/json') ?? types.find((t) => t.includes('json'));
}

/** Query values are text; the schema says what they mean. */
function coerce(value: string, schema: Json): unknown {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(value)) {
    return Number(value);
  }
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

function paramsText(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'enum') return ` (${JSON.stringify(params.allowedValues)})`;
  if (error.keyword === 'additionalProperties') return ` (${String(params.additionalProperty)})`;
  return '';
}
