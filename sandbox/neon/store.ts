import { randomBytes } from 'node:crypto';
import { ApiError } from '../api-error';
import { OperationLog, type SandboxOperation } from './operations';

/**
 * The Neon emulator's memory for one project: branches with their computes and a data marker
 * standing in for their contents, plus the rules Neon enforces
 * (https://api-docs.neon.tech/reference/getting-started-with-neon-api).
 */

export interface SandboxBranch {
  id: string;
  name: string;
  parentId?: string;
  isDefault: boolean;
  createdAt: number;
  updatedAt: number;
  lastResetAt?: number;
  expiresAt?: string;
  /** What the branch holds; copied from the parent on create and on reset. */
  data: string;
  /** Its `logical_size` in bytes, copied with `data`; unset reads as a small fresh database. */
  logicalSizeBytes?: number;
  /** Until this time the branch is in `busyState` and refuses conflicting work with 423. */
  busyUntil: number;
  busyState: 'init' | 'resetting';
  endpointId?: string;
}

export interface SandboxEndpoint {
  id: string;
  host: string;
  branchId: string;
  createdAt: number;
}

const MAX_EXPIRY_MS = 30 * 24 * 3600 * 1000;
export const DATABASE = 'neondb';
export const ROLE = 'neondb_owner';

function neonId(prefix: string): string {
  return `${prefix}-${randomBytes(8).toString('hex').slice(0, 14)}`;
}

export class NeonStore {
  readonly branches = new Map<string, SandboxBranch>();
  readonly endpoints = new Map<string, SandboxEndpoint>();
  readonly deleted = new Set<string>();
  readonly operations: OperationLog;
  readonly password = randomBytes(9).toString('base64url');

  constructor(
    readonly projectId: string,
    operationMs: number,
    readonly now: () => number = Date.now,
  ) {
    this.operations = new OperationLog(operationMs, now);
    const root = this.insert({ name: 'main', isDefault: true, data: 'seed' });
    this.addEndpoint(root);
  }

  /** Neon numbers databases; each branch's copy of the database gets its own, from its id. */
  databaseId(branch: SandboxBranch): number {
    return Number.parseInt(branch.id.slice(3, 11), 16) || 1;
  }

  get defaultBranch(): SandboxBranch {
    return [...this.branches.values()].find((branch) => branch.isDefault)!;
  }

  branch(id: string): SandboxBranch {
    const found = this.branches.get(id);
    if (!found) throw new ApiError(404, 'NOT_FOUND', `branch ${id} not found`);
    return found;
  }

  createBranch(input: { name?: string; parentId?: string; expiresAt?: string; compute: boolean }) {
    const parent = input.parentId ? this.branch(input.parentId) : this.defaultBranch;
    this.refuseWhileBusy(parent);
    const expiresAt = input.expiresAt && this.checkExpiry(input.expiresAt);
    const branch = this.insert({
      name: input.name ?? `br-${this.branches.size}`,
      parentId: parent.id,
      isDefault: false,
      data: parent.data,
      logicalSizeBytes: parent.logicalSizeBytes,
      expiresAt,
    });
    const endpoint = input.compute ? this.addEndpoint(branch) : undefined;
    const actions: { action: string; endpointId?: string }[] = [{ action: 'create_timeline' }];
    if (endpoint) actions.push({ action: 'start_compute', endpointId: endpoint.id });
    const operations = this.occupy(branch, 'init', actions);
    return { branch, endpoint, operations };
  }

  /**
   * Renames a branch or moves its expiry (null removes it); Neon answers with no operation for
   * either, as neither touches a compute.
   */
  updateBranch(id: string, change: { name?: string; expiresAt?: string | null }): SandboxBranch {
    const branch = this.branch(id);
    if (change.name !== undefined) branch.name = change.name;
    if (change.expiresAt === null) delete branch.expiresAt;
    else if (change.expiresAt !== undefined) {
      if (branch.isDefault) {
        throw new ApiError(400, 'BAD_REQUEST', 'the default branch cannot expire');
      }
      branch.expiresAt = this.checkExpiry(change.expiresAt);
    }
    branch.updatedAt = this.now();
    return branch;
  }

  /** Gone for good: later reads answer 404, a repeated delete answers 204. */
  deleteBranch(id: string): { branch: SandboxBranch; operations: SandboxOperation[] } | undefined {
    if (this.deleted.has(id)) return undefined;
    const branch = this.branch(id);
    if (branch.isDefault)
      throw new ApiError(400, 'BAD_REQUEST', 'the default branch cannot be deleted');
    if (this.children(branch).length > 0) {
      throw new ApiError(400, 'BAD_REQUEST', 'a branch with children cannot be deleted');
    }
    this.refuseWhileBusy(branch);
    const { operations } = this.operations.schedule(this.projectId, branch.id, [
      ...(branch.endpointId ? [{ action: 'suspend_compute', endpointId: branch.endpointId }] : []),
      { action: 'delete_timeline' },
    ]);
    this.branches.delete(branch.id);
    if (branch.endpointId) this.endpoints.delete(branch.endpointId);
    this.deleted.add(branch.id);
    return { branch, operations };
  }

  /** Reset to a source's head: the branch's data is replaced by the source's. */
  restore(id: string, input: { sourceBranchId: string; preserveUnderName?: string }) {
    const branch = this.branch(id);
    const source = this.branch(input.sourceBranchId);
    const needsPreserve = source.id === branch.id || this.children(branch).length > 0;
    if (needsPreserve && !input.preserveUnderName) {
      throw new ApiError(400, 'BAD_REQUEST', 'preserve_under_name is required for this restore');
    }
    this.refuseWhileBusy(branch);
    if (input.preserveUnderName) {
      this.insert({
        ...branch,
        name: input.preserveUnderName,
        isDefault: false,
        endpointId: undefined,
      });
    }
    branch.data = source.data;
    branch.logicalSizeBytes = source.logicalSizeBytes;
    branch.lastResetAt = this.now();
    branch.updatedAt = this.now();
    const operations = this.occupy(branch, 'resetting', [{ action: 'create_timeline' }]);
    return { branch, operations };
  }

  /**
   * Neon's background job deletes a branch once its expires_at has passed ("not exactly" on
   * time); here it runs before each request. A branch with children waits for them to go.
   */
  sweepExpired(): void {
    for (const branch of [...this.branches.values()]) {
      const expired = branch.expiresAt && Date.parse(branch.expiresAt) <= this.now();
      if (!expired || this.children(branch).length > 0) continue;
      this.branches.delete(branch.id);
      if (branch.endpointId) this.endpoints.delete(branch.endpointId);
      this.deleted.add(branch.id);
    }
  }

  children(branch: SandboxBranch): SandboxBranch[] {
    return [...this.branches.values()].filter((other) => other.parentId === branch.id);
  }

  state(branch: SandboxBranch): string {
    return this.now() < branch.busyUntil ? branch.busyState : 'ready';
  }

  private insert(
    fields: Omit<SandboxBranch, 'id' | 'createdAt' | 'updatedAt' | 'busyUntil' | 'busyState'>,
  ) {
    const now = this.now();
    const branch = {
      ...fields,
      id: neonId('br'),
      createdAt: now,
      updatedAt: now,
      busyUntil: 0,
      busyState: 'init' as const,
    };
    this.branches.set(branch.id, branch);
    return branch;
  }

  private addEndpoint(branch: SandboxBranch): SandboxEndpoint {
    const id = neonId('ep');
    const endpoint = {
      id,
      host: `${id}.us-east-2.aws.neon.tech`,
      branchId: branch.id,
      createdAt: this.now(),
    };
    this.endpoints.set(id, endpoint);
    branch.endpointId = id;
    return endpoint;
  }

  private occupy(
    branch: SandboxBranch,
    state: SandboxBranch['busyState'],
    actions: { action: string; endpointId?: string }[],
  ): SandboxOperation[] {
    const { operations, doneAt } = this.operations.schedule(this.projectId, branch.id, actions);
    branch.busyUntil = doneAt;
    branch.busyState = state;
    return operations;
  }

  private refuseWhileBusy(branch: SandboxBranch): void {
    if (this.now() < branch.busyUntil) {
      throw new ApiError(
        423,
        'LOCKED',
        'project already has running conflicting operations, scheduling of new ones is prohibited',
      );
    }
  }

  /** Neon: RFC 3339, in the future, at most 30 days ahead. */
  private checkExpiry(value: string): string {
    const at = Date.parse(value);
    if (Number.isNaN(at) || at <= this.now() || at - this.now() > MAX_EXPIRY_MS) {
      throw new ApiError(
        400,
        'BAD_REQUEST',
        'expires_at must be a future time at most 30 days ahead',
      );
    }
    return new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
}
