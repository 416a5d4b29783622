import { z, type ZodTypeAny } from 'zod/v3';
import {
  CreateProjectEnv11$outboundSchema,
  CreateProjectEnv12$outboundSchema,
  CreateProjectEnvRequest$outboundSchema,
  CreateProjectEnvResponseBody$inboundSchema,
} from '@vercel/sdk/models/createprojectenvop.js';
import {
  DeleteDeploymentRequest$outboundSchema,
  DeleteDeploymentResponseBody$inboundSchema,
} from '@vercel/sdk/models/deletedeploymentop.js';
import {
  FilterProjectEnvsRequest$outboundSchema,
  FilterProjectEnvsResponseBody1$inboundSchema,
  FilterProjectEnvsResponseBody2$inboundSchema,
  FilterProjectEnvsResponseBody3$inboundSchema,
} from '@vercel/sdk/models/filterprojectenvsop.js';
import { GetDeploymentRequest$outboundSchema } from '@vercel/sdk/models/getdeploymentgitsourcedeploymentsresponse200applicationjsonresponsebody215type.js';
import { GetDeploymentResponseBody2$inboundSchema } from '@vercel/sdk/models/getdeploymentresponsebody1.js';
import {
  GetDeploymentsRequest$outboundSchema,
  GetDeploymentsResponseBody$inboundSchema,
} from '@vercel/sdk/models/getdeploymentsop.js';
import {
  GetProjectsByIdOrNameCustomEnvironmentsRequest$outboundSchema,
  GetProjectsByIdOrNameCustomEnvironmentsResponseBody$inboundSchema,
} from '@vercel/sdk/models/getprojectsbyidornamecustomenvironmentsop.js';
import {
  GetWebhooksRequest$outboundSchema,
  GetWebhooksResponseBody1$inboundSchema,
  GetWebhooksResponseBody2$inboundSchema,
} from '@vercel/sdk/models/getwebhooksop.js';
import { GetProjectRequest$outboundSchema } from '@vercel/sdk/models/getprojecthas2.js';
import { GetProjectResponseBody$inboundSchema } from '@vercel/sdk/models/getprojectresponsebody.js';
import {
  RemoveProjectEnvRequest$outboundSchema,
  RemoveProjectEnvResponseBody2$inboundSchema,
  RemoveProjectEnvResponseBody3$inboundSchema,
} from '@vercel/sdk/models/removeprojectenvop.js';
import { RequestPromoteRequest$outboundSchema } from '@vercel/sdk/models/requestpromoteop.js';
import { RequestRollbackRequest$outboundSchema } from '@vercel/sdk/models/requestrollbackop.js';
import type { Exchange } from './exchanges';
import { checkModel, type Model } from './sdk-schema-check';

/**
 * Each Vercel call envboard's client makes, with `@vercel/sdk`'s own models for it (the SDK is
 * generated from Vercel's OpenAPI document, which no npm package ships): the request model
 * (path and query parameters together, as the SDK declares them), the JSON body's and each
 * success status's response model. A smart union's variants are listed so the check can name
 * where a value departs from the closest one.
 */
export interface VercelOperation {
  /** The SDK's operation id. */
  id: string;
  method: string;
  /** The path template, with `{name}` parameters as the SDK writes it. */
  path: string;
  request: ZodTypeAny;
  body?: Model;
  /** Success statuses the SDK accepts; null for an empty body. */
  responses: Record<number, Model | null>;
  /** One JSON object per line, each checked against the model. */
  jsonl?: boolean;
}

/**
 * `GET /v1/billing/charges` (FOCUS v1.3 JSONL). The current SDK has no such call; its model is
 * `ListBillingChargesResponseBody` as @vercel/sdk 1.21.9 generated it from Vercel's OpenAPI
 * document (github.com/vercel/sdk, src/models/listbillingchargesop.ts, before commit 6b5886d),
 * restated strictly here in the SDK's own zod v3 so the same check applies.
 */
const focusCharge = z.object({
  BilledCost: z.number(),
  BillingCurrency: z.literal('USD'),
  ChargeCategory: z.enum(['Adjustment', 'Credit', 'Purchase', 'Tax', 'Usage']),
  ChargePeriodStart: z.string(),
  ChargePeriodEnd: z.string(),
  ConsumedQuantity: z.number().nullable(),
  ConsumedUnit: z.string().nullable(),
  EffectiveCost: z.number(),
  RegionId: z.string().optional(),
  RegionName: z.string().optional(),
  ServiceName: z.string(),
  ServiceCategory: z.string().optional(),
  ServiceProviderName: z.string(),
  Tags: z.record(z.string()),
  PricingCategory: z.enum(['Other', 'Standard', 'Dynamic', 'Committed']),
  PricingCurrency: z.literal('USD'),
  PricingQuantity: z.number(),
  PricingUnit: z.string(),
});

const billingChargesRequest = z.object({
  from: z.string(),
  to: z.string(),
  teamId: z.string().optional(),
  slug: z.string().optional(),
});

export const VERCEL_OPERATIONS: readonly VercelOperation[] = [
  {
    id: 'getDeployments',
    method: 'GET',
    path: '/v7/deployments',
    request: GetDeploymentsRequest$outboundSchema,
    responses: { 200: GetDeploymentsResponseBody$inboundSchema },
  },
  {
    id: 'getDeployment',
    method: 'GET',
    path: '/v13/deployments/{idOrUrl}',
    request: GetDeploymentRequest$outboundSchema,
    // The SDK's union also has the reduced public view (Body3) and the anonymous one (Body1);
    // envboard reads with the team's own token, which gets the owner's full view.
    responses: { 200: GetDeploymentResponseBody2$inboundSchema },
  },
  {
    id: 'deleteDeployment',
    method: 'DELETE',
    path: '/v13/deployments/{id}',
    request: DeleteDeploymentRequest$outboundSchema,
    responses: { 200: DeleteDeploymentResponseBody$inboundSchema },
  },
  {
    id: 'requestPromote',
    method: 'POST',
    path: '/v10/projects/{projectId}/promote/{deploymentId}',
    request: RequestPromoteRequest$outboundSchema,
    responses: { 201: null, 202: null },
  },
  {
    id: 'requestRollback',
    method: 'POST',
    path: '/v1/projects/{projectId}/rollback/{deploymentId}',
    request: RequestRollbackRequest$outboundSchema,
    responses: { 201: null },
  },
  {
    id: 'getProject',
    method: 'GET',
    path: '/v9/projects/{idOrName}',
    request: GetProjectRequest$outboundSchema,
    responses: { 200: GetProjectResponseBody$inboundSchema },
  },
  {
    id: 'createProjectEnv',
    method: 'POST',
    path: '/v10/projects/{idOrName}/env',
    request: CreateProjectEnvRequest$outboundSchema,
    body: [CreateProjectEnv11$outboundSchema, CreateProjectEnv12$outboundSchema],
    responses: { 201: CreateProjectEnvResponseBody$inboundSchema },
  },
  {
    id: 'filterProjectEnvs',
    method: 'GET',
    path: '/v10/projects/{idOrName}/env',
    request: FilterProjectEnvsRequest$outboundSchema,
    responses: {
      200: [
        FilterProjectEnvsResponseBody1$inboundSchema,
        FilterProjectEnvsResponseBody2$inboundSchema,
        FilterProjectEnvsResponseBody3$inboundSchema,
      ],
    },
  },
  {
    id: 'removeProjectEnv',
    method: 'DELETE',
    path: '/v9/projects/{idOrName}/env/{id}',
    request: RemoveProjectEnvRequest$outboundSchema,
    responses: {
      200: [
        RemoveProjectEnvResponseBody2$inboundSchema,
        RemoveProjectEnvResponseBody3$inboundSchema,
      ],
    },
  },
  {
    id: 'getProjectsByIdOrNameCustomEnvironments',
    method: 'GET',
    path: '/v9/projects/{idOrName}/custom-environments',
    request: GetProjectsByIdOrNameCustomEnvironmentsRequest$outboundSchema,
    responses: { 200: GetProjectsByIdOrNameCustomEnvironmentsResponseBody$inboundSchema },
  },
  {
    id: 'getWebhooks',
    method: 'GET',
    path: '/v1/webhooks',
    request: GetWebhooksRequest$outboundSchema,
    // An array of either variant: with or without each project's metadata.
    responses: {
      200: [
        z.array(GetWebhooksResponseBody1$inboundSchema),
        z.array(GetWebhooksResponseBody2$inboundSchema),
      ],
    },
  },
  {
    id: 'listBillingCharges',
    method: 'GET',
    path: '/v1/billing/charges',
    request: billingChargesRequest,
    responses: { 200: focusCharge },
    jsonl: true,
  },
];

/**
 * Vercel's error body, `{ error: { code, message } }`
 * (https://vercel.com/docs/rest-api/reference/welcome#errors); the SDK models no error bodies.
 */
const vercelError = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** Sent with a 429 (https://vercel.com/docs/rest-api/reference/welcome#rate-limits). */
const RATE_LIMIT_HEADERS = ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'];

export interface VercelDeparture {
  operation: string;
  call: string;
  path: string;
  message: string;
}

/** Finds the operation a recorded call made, with its path parameters. */
export function matchOperation(method: string, pathname: string) {
  for (const operation of VERCEL_OPERATIONS) {
    if (operation.method !== method) continue;
    const names: string[] = [];
    const pattern = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    const found = new RegExp(`^${pattern}$`).exec(pathname);
    if (!found) continue;
    const params = Object.fromEntries(
      names.map((name, i) => [name, decodeURIComponent(found[i + 1]!)]),
    );
    return { operation, params };
  }
  return undefined;
}

/** Every way one recorded exchange departs from the SDK's models. */
export function checkVercelExchange({ request, response }: Exchange): VercelDeparture[] {
  const call = `${request.method} ${request.url.pathname}`;
  const matched = matchOperation(request.method, request.url.pathname);
  if (!matched)
    return [{ operation: '?', call, path: 'call', message: 'no such Vercel operation' }];
  const { operation, params } = matched;
  const found = [
    ...checkQuery(operation, params, request.url.searchParams).map(at('query')),
    ...checkRequestBody(operation, request.body).map(at('body')),
    ...checkResponse(operation, response).map(at('response')),
  ];
  return found.map((departure) => ({ operation: operation.id, call, ...departure }));
}

const at =
  (where: string) =>
  ({ path, message }: { path: string; message: string }) => ({
    path: path ? `${where}.${path}` : where,
    message,
  });

function checkQuery(
  operation: VercelOperation,
  params: Record<string, string>,
  query: URLSearchParams,
) {
  // A request with a body is an object transformed to rename `requestBody`.
  const request =
    operation.request instanceof z.ZodEffects ? operation.request.innerType() : operation.request;
  const shape = (request as z.AnyZodObject).shape as Record<string, ZodTypeAny>;
  const out: { path: string; message: string }[] = [];
  for (const [name, value] of query) {
    const field = shape[name];
    if (!field || name in params) out.push({ path: name, message: 'not a query parameter' });
    else {
      const expected = queryValueMismatch(field, value);
      if (expected) out.push({ path: name, message: `"${value}" is not ${expected}` });
    }
  }
  for (const [name, field] of Object.entries(shape)) {
    if (!(name in params) && !field.isOptional() && !query.has(name) && name !== 'requestBody') {
      out.push({ path: name, message: 'required, but missing' });
    }
  }
  return out;
}

/** What a query value should have been, or undefined when it fits its parameter. */
function queryValueMismatch(field: ZodTypeAny, value: string): string | undefined {
  const inner: ZodTypeAny = field instanceof z.ZodOptional ? field.unwrap() : field;
  if (inner instanceof z.ZodNumber) {
    return value.trim() !== '' && Number.isFinite(Number(value)) ? undefined : 'a number';
  }
  if (inner instanceof z.ZodBoolean) {
    return value === 'true' || value === 'false' ? undefined : 'true or false';
  }
  return inner.safeParse(value).success ? undefined : 'allowed here';
}

function checkRequestBody(operation: VercelOperation, body: unknown) {
  if (!operation.body) {
    return body === undefined ? [] : [{ path: '', message: 'the operation takes no body' }];
  }
  return checkModel(operation.body, body);
}

function checkResponse(operation: VercelOperation, response: Exchange['response']) {
  const { status, headers, body } = response;
  if (status >= 400) {
    const missing = status === 429 ? RATE_LIMIT_HEADERS.filter((name) => !(name in headers)) : [];
    return [
      ...checkModel(vercelError, body),
      ...missing.map((name) => ({ path: `headers.${name}`, message: 'required, but missing' })),
    ];
  }
  if (!(status in operation.responses)) {
    return [{ path: 'status', message: `${status} is not a documented answer` }];
  }
  const model = operation.responses[status];
  if (model === null || model === undefined) {
    return body === undefined ? [] : [{ path: '', message: 'documented as empty' }];
  }
  if (!operation.jsonl) return checkModel(model, body);
  // The exchange log parsed a one-line body as JSON; more lines stay text.
  const lines =
    typeof body === 'string' ? body.split('\n') : body === undefined ? [] : [JSON.stringify(body)];
  return lines
    .filter((line) => line.trim() !== '')
    .flatMap((line, index) => checkModel(model, JSON.parse(line) as unknown, `line ${index + 1}`));
}

/**
 * One line per distinct departure, for a failing assertion's message: the same field missing
 * from every answer of an operation is one line, with the first call that showed it.
 */
export function describeDepartures(departures: readonly VercelDeparture[]): string {
  const lines = new Map<string, string>();
  for (const { operation, call, path, message } of departures) {
    const key = `${operation} ${path.replace(/\[\d+\]/g, '[]').replace(/line \d+/, 'line *')}: ${message}`;
    if (!lines.has(key)) lines.set(key, `${key} (${call})`);
  }
  return [...lines.values()].join('\n');
}
