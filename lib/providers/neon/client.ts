import { ProviderError } from '../errors';
import { type HttpClientConfig, ProviderHttpClient } from '../http';
import type { NeonConfig } from './config';
import { type ConsumptionQuery, type ConsumptionSample, consumptionHistory } from './consumption';
import { DEFAULT_POLL, type PollPolicy, realSleep } from '../poll';
import { pollUntilTerminal } from './operations';
import { collectPages } from './paginate';
import { rfc3339 } from './time';
import {
  branchChangeSchema,
  branchListSchema,
  branchResponseSchema,
  connectionUriSchema,
  createdBranchSchema,
  type NeonBranch,
  type NeonEndpoint,
  type NeonOperation,
  operationListSchema,
  operationResponseSchema,
} from './schemas';

export type { ConsumptionQuery, ConsumptionSample } from './consumption';

/**
 * Neon API v2 through our own fetch wrapper rather than `@neondatabase/api-client`: that client
 * is axios-based with no retries, no Retry-After handling and no call count, so wrapping it would
 * rebuild the wrapper anyway; its OpenAPI spec is what the schemas here were checked against.
 */

export interface CreateBranchInput {
  name: string;
  /** Omitted: Neon branches from the project's default branch. */
  parentId?: string;
  /** Neon deletes the branch around this time; at most 30 days ahead. */
  expiresAt?: Date;
  /** A read_write compute, without which the branch has no connection string. Default true. */
  withCompute?: boolean;
}

export interface CreatedBranch {
  branch: NeonBranch;
  endpoints: NeonEndpoint[];
  operations: NeonOperation[];
  /** Neon includes the owner's connection string when it made a compute: no second call. */
  connectionUri?: string;
}

export interface BranchChange {
  branch: NeonBranch;
  operations: NeonOperation[];
}

export interface RestoreSource {
  sourceBranchId: string;
  sourceTimestamp?: Date;
  sourceLsn?: string;
  /** Required by Neon when restoring a branch to its own history or one with children. */
  preserveUnderName?: string;
}

export interface NeonClient {
  readonly projectId: string;
  /** HTTP requests sent so far, retries and operation polls included. */
  readonly callsSpent: number;
  listBranches(options?: { search?: string; pageSize?: number }): Promise<NeonBranch[]>;
  getBranch(branchId: string): Promise<NeonBranch>;
  createBranch(input: CreateBranchInput): Promise<CreatedBranch>;
  /**
   * Changes a branch's settings; `expiresAt` moves the time Neon deletes it (at most 30 days
   * ahead). https://api-docs.neon.tech/reference/updateprojectbranch
   */
  updateBranch(
    branchId: string,
    change: { name?: string; expiresAt?: Date },
  ): Promise<BranchChange>;
  /** Idempotent: a branch already gone yields no operations. */
  deleteBranch(branchId: string): Promise<NeonOperation[]>;
  restoreBranch(branchId: string, source: RestoreSource): Promise<BranchChange>;
  /** Replaces the branch's data with its parent's current head. */
  resetBranchToParent(branchId: string): Promise<BranchChange>;
  getConnectionUri(input: {
    branchId: string;
    databaseName: string;
    roleName: string;
    pooled?: boolean;
  }): Promise<string>;
  listOperations(options?: { pageSize?: number }): Promise<NeonOperation[]>;
  getOperation(operationId: string): Promise<NeonOperation>;
  /** Resolves once every operation is terminal; a failed one rejects naming it. */
  waitForOperations(operations: readonly NeonOperation[]): Promise<NeonOperation[]>;
  getConsumptionHistory(query: ConsumptionQuery): Promise<ConsumptionSample[]>;
}

export interface NeonHttpOptions extends Omit<HttpClientConfig, 'provider' | 'baseUrl' | 'token'> {
  poll?: Partial<PollPolicy>;
}

export function createNeonClient(config: NeonConfig, options: NeonHttpOptions = {}): NeonClient {
  // 423 (work in flight) and 503 are safe to repeat for any method
  // (https://neon.tech/docs/reference/api-reference).
  const http = new ProviderHttpClient({
    ...options,
    provider: 'neon',
    baseUrl: config.baseUrl,
    token: config.apiKey,
    alwaysRetryStatuses: [423, 503],
  });
  const sleep = options.sleep ?? realSleep;
  const poll = { ...DEFAULT_POLL, ...options.poll };
  const project = `/projects/${encodeURIComponent(config.projectId)}`;
  const branchPath = (id: string) => `${project}/branches/${encodeURIComponent(id)}`;

  const client: NeonClient = {
    projectId: config.projectId,
    get callsSpent() {
      return http.callsSpent;
    },

    listBranches: ({ search, pageSize = 100 } = {}) =>
      collectPages(async (cursor) => {
        const { data } = await http.request({
          operation: 'listBranches',
          path: `${project}/branches`,
          query: { search, limit: pageSize, cursor, sort_by: 'created_at', sort_order: 'asc' },
          schema: branchListSchema,
        });
        return { items: data.branches, next: data.pagination?.next };
      }),

    async getBranch(branchId) {
      const path = branchPath(branchId);
      return (await http.request({ operation: 'getBranch', path, schema: branchResponseSchema }))
        .data.branch;
    },

    async createBranch({ name, parentId, expiresAt, withCompute = true }) {
      const { data } = await http.request({
        operation: 'createBranch',
        method: 'POST',
        path: `${project}/branches`,
        body: {
          branch: { name, parent_id: parentId, expires_at: expiresAt && rfc3339(expiresAt) },
          endpoints: withCompute ? [{ type: 'read_write' }] : undefined,
        },
        schema: createdBranchSchema,
      });
      return {
        branch: data.branch,
        endpoints: data.endpoints,
        operations: data.operations,
        connectionUri: data.connection_uris?.[0]?.connection_uri,
      };
    },

    async updateBranch(branchId, { name, expiresAt }) {
      const { data } = await http.request({
        operation: 'updateBranch',
        method: 'PATCH',
        path: branchPath(branchId),
        body: { branch: { name, expires_at: expiresAt && rfc3339(expiresAt) } },
        schema: branchChangeSchema,
      });
      return data;
    },

    async deleteBranch(branchId) {
      const { data } = await http.request({
        operation: 'deleteBranch',
        method: 'DELETE',
        path: branchPath(branchId),
        // 204 with no body when the branch is already gone.
        schema: branchChangeSchema.optional(),
      });
      return data?.operations ?? [];
    },

    async restoreBranch(branchId, source) {
      const { data } = await http.request({
        operation: 'restoreBranch',
        method: 'POST',
        path: `${branchPath(branchId)}/restore`,
        body: {
          source_branch_id: source.sourceBranchId,
          source_lsn: source.sourceLsn,
          source_timestamp: source.sourceTimestamp && rfc3339(source.sourceTimestamp),
          preserve_under_name: source.preserveUnderName,
        },
        schema: branchChangeSchema,
      });
      return data;
    },

    async resetBranchToParent(branchId) {
      const branch = await client.getBranch(branchId);
      if (!branch.parent_id) {
        throw new ProviderError({
          provider: 'neon',
          operation: 'resetBranchToParent',
          retryable: false,
          message: `branch ${branchId} has no parent to reset from`,
        });
      }
      return client.restoreBranch(branchId, { sourceBranchId: branch.parent_id });
    },

    async getConnectionUri({ branchId, databaseName, roleName, pooled }) {
      const { data } = await http.request({
        operation: 'getConnectionUri',
        path: `${project}/connection_uri`,
        query: { branch_id: branchId, database_name: databaseName, role_name: roleName, pooled },
        schema: connectionUriSchema,
      });
      return data.uri;
    },

    listOperations: ({ pageSize = 100 } = {}) =>
      collectPages(async (cursor) => {
        const { data } = await http.request({
          operation: 'listOperations',
          path: `${project}/operations`,
          query: { limit: pageSize, cursor },
          schema: operationListSchema,
        });
        // Neon always hands back a cursor; a short page is the last one.
        const next = data.operations.length < pageSize ? undefined : data.pagination?.cursor;
        return { items: data.operations, next };
      }),

    async getOperation(operationId) {
      const { data } = await http.request({
        operation: 'getOperation',
        path: `${project}/operations/${encodeURIComponent(operationId)}`,
        schema: operationResponseSchema,
      });
      return data.operation;
    },

    waitForOperations: (operations) =>
      pollUntilTerminal(operations, (id) => client.getOperation(id), sleep, poll),

    getConsumptionHistory: (query) => consumptionHistory(http, config, query),
  };
  return client;
}
