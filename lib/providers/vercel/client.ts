import { z } from 'zod';
import { ProviderError } from '../errors';
import { type HttpClientConfig, ProviderHttpClient } from '../http';
import { DEFAULT_POLL, type PollPolicy, realSleep } from '../poll';
import { waitForAliasJob } from './alias-job';
import { parseFocusJsonl, type VercelChargeList } from './billing';
import type { VercelConfig } from './config';
import type { EnvVarScope } from '@/lib/domain/config-drift';
import {
  customEnvironmentListSchema,
  deletedDeploymentSchema,
  deploymentListSchema,
  deploymentSchema,
  deploymentSummarySchema,
  envListSchema,
  envDeletedSchema,
  envUpsertSchema,
  projectSchema,
  type VercelDeployment,
  type VercelDeploymentSummary,
  type VercelProject,
  type UnreadableItem,
  type VercelWebhook,
  webhookListSchema,
} from './schemas';

/**
 * Vercel's REST API through our own fetch wrapper rather than `@vercel/sdk`: the SDK has no
 * billing-charges call, its retries ignore `X-RateLimit-Reset` and cannot count the calls a
 * sync spends, and its strict response models would make the sandbox reproduce dozens of fields
 * envboard never reads. The paths and shapes below follow the SDK's own
 * (https://vercel.com/docs/rest-api/reference/endpoints/deployments).
 */

export interface ListDeploymentsQuery {
  projectId: string;
  target?: 'production' | 'preview' | 'staging';
  branch?: string;
  /** Only deployments created after this epoch-ms time: an incremental sync's cursor. */
  since?: number;
  /** Page size; every page is fetched regardless. */
  pageSize?: number;
}

export interface PreviewEnvVar {
  key: string;
  value: string;
  /** Scopes the variable to one branch's preview deployments, e.g. a PR's DATABASE_URL. */
  gitBranch: string;
}

export interface VercelDeploymentList {
  deployments: VercelDeploymentSummary[];
  /** Items the client could not read (a field envboard needs missing), left out of `deployments`. */
  unreadable: UnreadableItem[];
}

export interface VercelClient {
  listDeployments(query: ListDeploymentsQuery): Promise<VercelDeploymentList>;
  getDeployment(idOrUrl: string): Promise<VercelDeployment>;
  /** `pending` when Vercel accepted the promotion (202) and finishes it later. */
  promote(projectId: string, deploymentId: string): Promise<{ pending: boolean }>;
  /** Resolves with the project once the alias job for `deploymentId` has succeeded. */
  waitForPromotion(projectId: string, deploymentId: string): Promise<VercelProject>;
  rollback(projectId: string, deploymentId: string, description: string): Promise<void>;
  getProject(idOrName: string): Promise<VercelProject>;
  deleteDeployment(deploymentId: string): Promise<void>;
  upsertPreviewEnvVar(projectId: string, variable: PreviewEnvVar): Promise<void>;
  /**
   * Deletes the variable `key` scoped to one branch's previews; the project's other variables
   * (other branches, other targets) stay. Resolves with how many were deleted (0: none was set).
   */
  deletePreviewEnvVar(projectId: string, variable: Omit<PreviewEnvVar, 'value'>): Promise<number>;
  /**
   * Every variable of the project by name, with the environments it applies to (a custom
   * environment by its slug) and its git branch. Values are never read: they stop here.
   */
  listEnvVarScopes(projectId: string): Promise<EnvVarScope[]>;
  /** The team's webhooks that deliver this project's events. */
  listWebhooks(projectId: string): Promise<VercelWebhook[]>;
  /** The rows of the range; a row that cannot be read is left out and named in `unreadable`. */
  listBillingCharges(from: Date, to: Date): Promise<VercelChargeList>;
  /** HTTP requests sent so far, retries included. */
  readonly callsSpent: number;
}

export interface VercelHttpOptions extends Omit<
  HttpClientConfig,
  'provider' | 'baseUrl' | 'token'
> {
  poll?: Partial<PollPolicy>;
}

export function createVercelClient(
  config: VercelConfig,
  options: VercelHttpOptions = {},
): VercelClient {
  const http = new ProviderHttpClient({
    ...options,
    provider: 'vercel',
    baseUrl: config.baseUrl,
    token: config.token,
    defaultQuery: { teamId: config.teamId },
  });
  const id = encodeURIComponent;

  const client: VercelClient = {
    get callsSpent() {
      return http.callsSpent;
    },

    async listDeployments(query) {
      // Keyed by uid: should `until` turn out inclusive, the boundary item is not listed twice.
      const all = new Map<string, VercelDeploymentSummary>();
      const unreadable: UnreadableItem[] = [];
      // `pagination.next` is the `until` of the next, older page; null on the last page.
      let until: number | undefined;
      do {
        const { data } = await http.request({
          operation: 'listDeployments',
          path: '/v7/deployments',
          query: {
            projectId: query.projectId,
            target: query.target,
            branch: query.branch,
            since: query.since,
            limit: query.pageSize ?? 100,
            until,
          },
          schema: deploymentListSchema,
        });
        for (const item of data.deployments) {
          const read = readDeployment(item);
          if ('reason' in read) unreadable.push(read);
          else all.set(read.uid, read);
        }
        const next = data.pagination.next;
        // A cursor that does not move back in time would loop forever.
        until = next !== null && (until === undefined || next < until) ? next : undefined;
      } while (until !== undefined);
      return { deployments: [...all.values()], unreadable };
    },

    async getDeployment(idOrUrl) {
      const path = `/v13/deployments/${id(idOrUrl)}`;
      return (await http.request({ operation: 'getDeployment', path, schema: deploymentSchema }))
        .data;
    },

    async promote(projectId, deploymentId) {
      // 201 or 202 with an empty body; a 202 finishes later (see getProject().lastAliasRequest).
      const path = `/v10/projects/${id(projectId)}/promote/${id(deploymentId)}`;
      const { status } = await http.request({ operation: 'promote', method: 'POST', path });
      return { pending: status === 202 };
    },

    waitForPromotion: (projectId, deploymentId) =>
      waitForAliasJob(client, projectId, deploymentId, options.sleep ?? realSleep, {
        ...DEFAULT_POLL,
        ...options.poll,
      }),

    async rollback(projectId, deploymentId, description) {
      const path = `/v1/projects/${id(projectId)}/rollback/${id(deploymentId)}`;
      await http.request({ operation: 'rollback', method: 'POST', path, query: { description } });
    },

    async getProject(idOrName) {
      const path = `/v9/projects/${id(idOrName)}`;
      return (await http.request({ operation: 'getProject', path, schema: projectSchema })).data;
    },

    async deleteDeployment(deploymentId) {
      const path = `/v13/deployments/${id(deploymentId)}`;
      const operation = 'deleteDeployment';
      await http.request({ operation, method: 'DELETE', path, schema: deletedDeploymentSchema });
    },

    async upsertPreviewEnvVar(projectId, variable) {
      const { data } = await http.request({
        operation: 'upsertPreviewEnvVar',
        method: 'POST',
        path: `/v10/projects/${id(projectId)}/env`,
        query: { upsert: 'true' },
        body: { ...variable, type: 'encrypted', target: ['preview'] },
        schema: envUpsertSchema,
      });
      const failure = data.failed[0];
      if (failure) throw envFailure(failure.error);
    },

    async deletePreviewEnvVar(projectId, { key, gitBranch }) {
      // https://vercel.com/docs/rest-api/reference/endpoints/projects/remove-an-environment-variable
      const { data } = await http.request({
        operation: 'deletePreviewEnvVar',
        path: `/v10/projects/${id(projectId)}/env`,
        query: { gitBranch },
        schema: envListSchema,
      });
      const scoped = data.envs.filter((env) => env.key === key && env.gitBranch === gitBranch);
      for (const env of scoped) {
        if (env.id === undefined) {
          throw new ProviderError({
            provider: 'vercel',
            operation: 'deletePreviewEnvVar',
            retryable: false,
            message: `${key} for branch ${gitBranch} was listed without an id, so it cannot be deleted`,
          });
        }
        await http.request({
          operation: 'deletePreviewEnvVar',
          method: 'DELETE',
          path: `/v9/projects/${id(projectId)}/env/${id(env.id)}`,
          schema: envDeletedSchema,
        });
      }
      return scoped.length;
    },

    async listEnvVarScopes(projectId) {
      const [{ data: list }, { data: custom }] = await Promise.all([
        http.request({
          operation: 'listEnvVarScopes',
          path: `/v10/projects/${id(projectId)}/env`,
          schema: envListSchema,
        }),
        http.request({
          operation: 'listEnvVarScopes',
          path: `/v9/projects/${id(projectId)}/custom-environments`,
          schema: customEnvironmentListSchema,
        }),
      ]);
      const slugs = new Map(custom.environments.map((env) => [env.id, env.slug]));
      return list.envs.map((env) => ({
        key: env.key,
        targets: [
          ...(typeof env.target === 'string' ? [env.target] : (env.target ?? [])),
          ...(env.customEnvironmentIds ?? []).map((customId) => slugs.get(customId) ?? customId),
        ],
        gitBranch: env.gitBranch ?? null,
      }));
    },

    async listWebhooks(projectId) {
      const { data } = await http.request({
        operation: 'listWebhooks',
        path: '/v1/webhooks',
        query: { projectId },
        schema: webhookListSchema,
      });
      return data;
    },

    async listBillingCharges(from, to) {
      const { data } = await http.request({
        operation: 'listBillingCharges',
        path: '/v1/billing/charges',
        query: { from: from.toISOString(), to: to.toISOString() },
        accept: 'application/jsonl',
        text: true,
        schema: z.string(),
      });
      return parseFocusJsonl(data);
    },
  };
  return client;
}

/** One list item, or why it cannot be read (named by its uid when it has one). */
function readDeployment(item: unknown): VercelDeploymentSummary | UnreadableItem {
  const parsed = deploymentSummarySchema.safeParse(item);
  if (parsed.success) return parsed.data;
  const uid = (item as { uid?: unknown } | null)?.uid;
  const issue = parsed.error.issues[0];
  return {
    id: typeof uid === 'string' ? uid : undefined,
    reason: issue ? `${issue.path.join('.') || 'item'}: ${issue.message}` : 'unreadable',
  };
}

function envFailure(error: { code: string; message: string }) {
  return new ProviderError({
    provider: 'vercel',
    operation: 'upsertPreviewEnvVar',
    retryable: false,
    message: `${error.code}: ${error.message}`,
  });
}
