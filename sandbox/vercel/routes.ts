import { z } from 'zod';
import { VERCEL_HOOK_EVENTS } from '@/lib/domain/webhook-events';
import { ApiError, answering } from '../api-error';
import { Router, type SandboxRequest } from '../http/router';
import { json } from '../http/server';
import { deploymentBody, deploymentListItem, envVarBody, projectBody } from './bodies';
import type { VercelStore } from './store';

/**
 * Exactly the Vercel endpoints envboard's client calls, in Vercel's wire format
 * (https://vercel.com/docs/rest-api).
 */

export function vercelErrorBody(error: ApiError) {
  return { error: { code: error.code, message: error.message } };
}

const MAX_PAGE = 100;
const YEAR_MS = 366 * 24 * 3600 * 1000;

const envBody = z.object({
  key: z.string().min(1),
  value: z.string(),
  type: z.enum(['system', 'encrypted', 'plain', 'sensitive']),
  target: z.array(z.enum(['production', 'preview', 'development'])).default([]),
  customEnvironmentIds: z.array(z.string().min(1)).optional(),
  gitBranch: z.string().min(1).optional(),
});

/** The URL the sandbox delivers webhooks to: the webhook Vercel would hold, if any. */
export type WebhookTarget = () => string | undefined;

export function vercelRoutes(
  store: VercelStore,
  webhookTarget: WebhookTarget = () => undefined,
): Router {
  const route = answering(vercelErrorBody);
  return new Router()
    .on(
      'GET',
      '/v7/deployments',
      route((request) => json(200, listDeployments(store, request))),
    )
    .on(
      'GET',
      '/v13/deployments/:idOrUrl',
      route(({ params }) => json(200, deploymentBody(store, store.deployment(params.idOrUrl!)))),
    )
    .on(
      'DELETE',
      '/v13/deployments/:id',
      route(({ params }) => {
        store.deleteDeployment(params.id!);
        return json(200, { uid: params.id, state: 'DELETED' });
      }),
    )
    .on(
      'POST',
      '/v10/projects/:projectId/promote/:deploymentId',
      route(({ params }) => {
        const outcome = store.promote(params.projectId!, params.deploymentId!);
        return { status: outcome === 'accepted' ? 202 : 201 };
      }),
    )
    .on(
      'POST',
      '/v1/projects/:projectId/rollback/:deploymentId',
      route(({ params, query }) => {
        store.rollback(params.projectId!, params.deploymentId!, query.get('description') ?? '');
        return { status: 201 };
      }),
    )
    .on(
      'GET',
      '/v9/projects/:idOrName',
      route(({ params }) => json(200, projectBody(store, store.project(params.idOrName!)))),
    )
    .on(
      'POST',
      '/v10/projects/:idOrName/env',
      route(({ params, body }) => {
        const parsed = z.union([envBody, z.array(envBody)]).safeParse(body);
        if (!parsed.success) throw new ApiError(400, 'bad_request', 'Invalid request body');
        const items = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
        const created = items.map((item) => envVarBody(store.upsertEnv(params.idOrName!, item)));
        return json(201, { created: created.length === 1 ? created[0] : created, failed: [] });
      }),
    )
    .on(
      'GET',
      '/v10/projects/:idOrName/env',
      route(({ params, query }) => {
        // Only the list reports `securityIssues` (none: the sandbox's values are all encrypted).
        const envs = store
          .listEnvs(params.idOrName!, query.get('gitBranch'))
          .map((env) => ({ ...envVarBody(env), securityIssues: [] }));
        return json(200, { envs, pagination: { count: envs.length, next: null, prev: null } });
      }),
    )
    .on(
      'DELETE',
      '/v9/projects/:idOrName/env/:id',
      route(({ params }) => {
        return json(200, envVarBody(store.removeEnv(params.idOrName!, params.id!)));
      }),
    )
    .on(
      'GET',
      '/v9/projects/:idOrName/custom-environments',
      route(({ params }) => {
        const environments = store.listCustomEnvironments(params.idOrName!).map((env) => ({
          id: env.id,
          slug: env.slug,
          type: 'preview',
          description: '',
          createdAt: env.createdAt,
          updatedAt: env.updatedAt,
        }));
        return json(200, { accountLimit: { total: 12 }, environments });
      }),
    )
    .on(
      'GET',
      '/v1/webhooks',
      route(({ query }) => json(200, webhooks(store, webhookTarget(), query.get('projectId')))),
    )
    .on(
      'GET',
      '/v1/billing/charges',
      route((request) => charges(store, request)),
    );
}

/** `GET /v1/webhooks`: the one webhook the sandbox delivers to, for every project it holds. */
function webhooks(store: VercelStore, target: string | undefined, projectId: string | null) {
  const projects = [...store.projects.values()];
  const known = !projectId || projects.some((p) => p.id === projectId || p.name === projectId);
  if (!target || projects.length === 0 || !known) return [];
  const createdAt = Math.min(...projects.map((p) => p.createdAt));
  return [
    {
      id: 'account_hook_sandbox',
      url: target,
      events: [...VERCEL_HOOK_EVENTS],
      ownerId: projects[0]?.accountId ?? 'team_sandbox',
      projectIds: projects.map((p) => p.id),
      createdAt,
      updatedAt: createdAt,
    },
  ];
}

function listDeployments(store: VercelStore, { query }: SandboxRequest) {
  const projectId = query.get('projectId');
  const target = query.get('target');
  const branch = query.get('branch');
  const since = Number(query.get('since') ?? 0);
  const until = Number(query.get('until') ?? Infinity);
  const limit = Math.min(Number(query.get('limit') ?? 20), MAX_PAGE);
  const matching = [...store.deployments.values()]
    .filter(
      (d) => !projectId || d.projectId === projectId || store.project(projectId).id === d.projectId,
    )
    .filter((d) => !target || d.target === target)
    .filter((d) => !branch || d.meta.githubCommitRef === branch)
    .filter((d) => d.createdAt > since && d.createdAt < until)
    .sort((a, b) => b.createdAt - a.createdAt);
  const page = matching.slice(0, limit);
  const last = page.at(-1);
  return {
    deployments: page.map((deployment) => deploymentListItem(store, deployment)),
    pagination: {
      count: page.length,
      next: matching.length > limit && last ? last.createdAt : null,
      prev: page[0]?.createdAt ?? null,
    },
  };
}

/** FOCUS rows as JSONL; one day's granularity, `to` exclusive, at most a year per request. */
function charges(store: VercelStore, { query }: SandboxRequest) {
  const from = Date.parse(query.get('from') ?? '');
  const to = Date.parse(query.get('to') ?? '');
  if (Number.isNaN(from) || Number.isNaN(to) || to <= from || to - from > YEAR_MS) {
    throw new ApiError(400, 'bad_request', 'from and to must be ISO dates at most a year apart');
  }
  const rows = store.charges.filter((row) => {
    const start = Date.parse(String(row.ChargePeriodStart));
    return start >= from && start < to;
  });
  const body = rows.map((row) => JSON.stringify(row)).join('\n');
  return { status: 200, headers: { 'content-type': 'application/jsonl' }, body };
}
