import { z } from 'zod';
import { ApiError, answering } from '../api-error';
import { Router, type SandboxRequest } from '../http/router';
import { json } from '../http/server';
import { consumptionRoutes, type ConsumptionRow } from './consumption';
import { DATABASE, ROLE, type NeonStore } from './store';
import {
  annotationWire,
  branchWire,
  connectionDetails,
  connectionUri,
  databaseWire,
  endpointWire,
  pageOf,
  roleWire,
} from './wire';

/** Exactly the Neon API v2 endpoints envboard's client calls, under Neon's `/api/v2` prefix. */

export function neonErrorBody(error: ApiError) {
  return { code: error.code, message: error.message };
}

const createBody = z
  .object({
    branch: z
      .object({
        name: z.string().min(1).optional(),
        parent_id: z.string().optional(),
        expires_at: z.string().optional(),
      })
      .optional(),
    endpoints: z.array(z.object({ type: z.enum(['read_write', 'read_only']) })).optional(),
  })
  .optional();

const updateBody = z.object({
  branch: z.object({
    name: z.string().min(1).optional(),
    expires_at: z.string().nullable().optional(),
  }),
});

const restoreBody = z.object({
  source_branch_id: z.string().min(1),
  preserve_under_name: z.string().min(1).optional(),
});

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError(400, 'BAD_REQUEST', 'request body is invalid');
  return parsed.data;
}

export function neonRoutes(store: NeonStore, consumption: ConsumptionRow[]): Router {
  const route = answering(neonErrorBody);
  const projectRoute = (handler: (request: SandboxRequest) => ReturnType<typeof json>) =>
    route((request) => {
      if (request.params.projectId !== store.projectId) {
        throw new ApiError(404, 'NOT_FOUND', 'project not found');
      }
      return handler(request);
    });
  const ops = (list: Parameters<typeof store.operations.toWire>[0][]) =>
    list.map((operation) => store.operations.toWire(operation));
  const base = '/api/v2/projects/:projectId';

  const router = new Router()
    .on(
      'GET',
      `${base}/branches`,
      projectRoute(({ query }) => listBranches(store, query)),
    )
    .on(
      'GET',
      `${base}/branches/:branchId`,
      projectRoute(({ params }) => {
        const branch = store.branch(params.branchId!);
        return json(200, { branch: branchWire(store, branch), annotation: annotationWire(branch) });
      }),
    )
    .on(
      'POST',
      `${base}/branches`,
      projectRoute(({ body }) => {
        const input = parse(createBody, body);
        const compute = (input?.endpoints ?? []).some((e) => e.type === 'read_write');
        const created = store.createBranch({
          name: input?.branch?.name,
          parentId: input?.branch?.parent_id,
          expiresAt: input?.branch?.expires_at,
          compute,
        });
        const { branch, endpoint } = created;
        return json(201, {
          branch: branchWire(store, branch),
          endpoints: endpoint ? [endpointWire(store, endpoint)] : [],
          operations: ops(created.operations),
          roles: [roleWire(branch, ROLE)],
          databases: [databaseWire(branch, store.databaseId(branch), DATABASE, ROLE)],
          ...(endpoint
            ? { connection_uris: [connectionDetails(store, endpoint, DATABASE, ROLE)] }
            : {}),
        });
      }),
    )
    .on(
      'PATCH',
      `${base}/branches/:branchId`,
      projectRoute(({ params, body }) => {
        const input = parse(updateBody, body);
        const updated = store.updateBranch(params.branchId!, {
          name: input.branch.name,
          expiresAt: input.branch.expires_at,
        });
        return json(200, { branch: branchWire(store, updated), operations: [] });
      }),
    )
    .on(
      'DELETE',
      `${base}/branches/:branchId`,
      projectRoute(({ params }) => {
        const deleted = store.deleteBranch(params.branchId!);
        if (!deleted) return { status: 204 };
        return json(200, {
          branch: branchWire(store, deleted.branch),
          operations: ops(deleted.operations),
        });
      }),
    )
    .on(
      'POST',
      `${base}/branches/:branchId/restore`,
      projectRoute(({ params, body }) => {
        const input = parse(restoreBody, body);
        const restored = store.restore(params.branchId!, {
          sourceBranchId: input.source_branch_id,
          preserveUnderName: input.preserve_under_name,
        });
        return json(200, {
          branch: branchWire(store, restored.branch),
          operations: ops(restored.operations),
        });
      }),
    )
    .on(
      'GET',
      `${base}/connection_uri`,
      projectRoute(({ query }) => uriFor(store, query)),
    )
    .on(
      'GET',
      `${base}/operations`,
      projectRoute(({ query }) => {
        const newestFirst = [...store.operations.all].reverse();
        const { page, next } = pageOf(newestFirst, query, 10);
        return json(200, { operations: ops(page), pagination: { cursor: next } });
      }),
    )
    .on(
      'GET',
      `${base}/operations/:operationId`,
      projectRoute(({ params }) => {
        const operation = store.operations.find(params.operationId!);
        if (!operation) throw new ApiError(404, 'NOT_FOUND', 'operation not found');
        return json(200, { operation: store.operations.toWire(operation) });
      }),
    );
  return consumptionRoutes(router, route, consumption);
}

function listBranches(store: NeonStore, query: URLSearchParams) {
  const search = query.get('search');
  const sortBy = query.get('sort_by') ?? 'updated_at';
  const order = query.get('sort_order') === 'asc' ? 1 : -1;
  const key = (b: { name: string; createdAt: number; updatedAt: number }) =>
    sortBy === 'name' ? b.name : sortBy === 'created_at' ? b.createdAt : b.updatedAt;
  const branches = [...store.branches.values()]
    .filter((b) => !search || b.name.includes(search) || b.id.includes(search))
    .sort((a, b) => (key(a) < key(b) ? -order : key(a) > key(b) ? order : a.id < b.id ? -1 : 1));
  const { page, next, more } = pageOf(branches, query, 10000);
  return json(200, {
    branches: page.map((branch) => branchWire(store, branch)),
    annotations: {},
    pagination: {
      ...(more ? { next } : {}),
      sort_by: sortBy,
      sort_order: order === 1 ? 'ASC' : 'DESC',
    },
  });
}

function uriFor(store: NeonStore, query: URLSearchParams) {
  const database = query.get('database_name');
  const role = query.get('role_name');
  if (!database || !role) {
    throw new ApiError(400, 'BAD_REQUEST', 'database_name and role_name are required');
  }
  const branch = store.branch(query.get('branch_id') ?? store.defaultBranch.id);
  if (database !== DATABASE || role !== ROLE) {
    throw new ApiError(404, 'NOT_FOUND', 'database or role not found on this branch');
  }
  const endpoint = branch.endpointId && store.endpoints.get(branch.endpointId);
  if (!endpoint) throw new ApiError(404, 'NOT_FOUND', 'the branch has no read_write endpoint');
  return json(200, {
    uri: connectionUri(store, endpoint, database, role, query.get('pooled') === 'true'),
  });
}
