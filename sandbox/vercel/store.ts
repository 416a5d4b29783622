import { randomUUID } from 'node:crypto';
import { ApiError } from '../api-error';
import {
  type EnvVarInput,
  listEnvVars,
  removeEnvVar,
  type SandboxCustomEnvironment,
  type SandboxEnvVar,
  upsertEnvVar,
} from './env-vars';
import { deploymentPayload } from './payloads';

export type { SandboxEnvVar } from './env-vars';

/**
 * The Vercel emulator's memory: projects, deployments, env vars and billing rows, with the rules
 * the real API enforces. Every change calls `emit`, which the server turns into a signed webhook.
 */

export type ReadyState = 'BUILDING' | 'ERROR' | 'CANCELED' | 'QUEUED' | 'READY';

export interface SandboxDeployment {
  id: string;
  name: string;
  url: string;
  projectId: string;
  createdAt: number;
  readyState: ReadyState;
  /** When the build finished (epoch ms), as Vercel's `ready`; absent while it builds. */
  ready?: number;
  readySubstate?: 'STAGED' | 'PROMOTED';
  target: 'production' | 'staging' | null;
  meta: Record<string, string>;
}

export interface SandboxProject {
  id: string;
  name: string;
  /** The team (or user) that owns the project: Vercel's `accountId`. */
  accountId: string;
  createdAt: number;
  productionId: string | null;
  /** After an instant rollback, new production builds are not served until a promote. */
  rolledBack: boolean;
  /** An accepted (202) promotion that finishes at `doneAt`. */
  pendingAlias?: { deploymentId: string; doneAt: number };
  lastAliasRequest: {
    type: 'promote' | 'rollback';
    jobStatus: 'in-progress' | 'succeeded';
    fromDeploymentId: string | null;
    toDeploymentId: string;
    requestedAt: number;
  } | null;
  rollbackDescription: { description: string; createdAt: number } | null;
}

export type Emit = (type: string, payload: Record<string, unknown>) => void;

const MAX_DESCRIPTION = 250;
const OUTCOME_EVENTS: Partial<Record<ReadyState, string>> = {
  READY: 'deployment.succeeded',
  ERROR: 'deployment.error',
  CANCELED: 'deployment.canceled',
};

export class VercelStore {
  readonly projects = new Map<string, SandboxProject>();
  readonly deployments = new Map<string, SandboxDeployment>();
  readonly envs: SandboxEnvVar[] = [];
  readonly customEnvironments: SandboxCustomEnvironment[] = [];
  /** FOCUS rows as the billing endpoint serves them. */
  readonly charges: Record<string, unknown>[] = [];
  private lastCreated = 0;

  /**
   * `aliasJobMs` > 0 makes promotions asynchronous as Vercel's can be: 202, then
   * `lastAliasRequest.jobStatus` moves from in-progress to succeeded once that time has passed.
   * A switch: set it at any time to turn the 202 path on (> 0) or off (0) for later promotions.
   */
  constructor(
    private readonly emit: Emit,
    private readonly now: () => number = Date.now,
    public aliasJobMs = 0,
  ) {}

  addProject(project: { id: string; name: string; accountId?: string }): SandboxProject {
    const stored = {
      accountId: 'team_sandbox',
      createdAt: this.now(),
      ...project,
      productionId: null,
      rolledBack: false,
      lastAliasRequest: null,
      rollbackDescription: null,
    };
    this.projects.set(project.id, stored);
    return stored;
  }

  /**
   * A new deployment, finished unless `readyState` says otherwise; a READY production one becomes
   * what production serves, as a git push would.
   */
  addDeployment(input: {
    projectId: string;
    target?: 'production' | 'staging' | null;
    readyState?: ReadyState;
    meta?: Record<string, string>;
    createdAt?: number;
  }): SandboxDeployment {
    const project = this.project(input.projectId);
    // Distinct creation times keep `until` pagination exact, as Vercel's millisecond clock does.
    const createdAt = Math.max(input.createdAt ?? this.now(), this.lastCreated + 1);
    this.lastCreated = createdAt;
    const id = `dpl_${randomUUID().replaceAll('-', '').slice(0, 24)}`;
    const deployment: SandboxDeployment = {
      id,
      name: project.name,
      url: `${project.name}-${id.slice(4, 13).toLowerCase()}.vercel.app`,
      projectId: project.id,
      createdAt,
      readyState: input.readyState ?? 'READY',
      target: input.target ?? null,
      meta: input.meta ?? {},
    };
    this.deployments.set(id, deployment);
    this.emit('deployment.created', deploymentPayload(deployment));
    this.announceOutcome(deployment);
    return deployment;
  }

  /** A queued or building deployment reaches its end state, with the webhook Vercel sends. */
  finishBuild(deploymentId: string, outcome: 'READY' | 'ERROR' | 'CANCELED'): void {
    const deployment = this.deployment(deploymentId);
    if (deployment.readyState !== 'BUILDING' && deployment.readyState !== 'QUEUED') {
      throw new ApiError(409, 'conflict', `Deployment is already ${deployment.readyState}`);
    }
    deployment.readyState = outcome;
    deployment.ready = Math.max(this.now(), deployment.createdAt);
    this.announceOutcome(deployment);
  }

  private announceOutcome(deployment: SandboxDeployment): void {
    const event = OUTCOME_EVENTS[deployment.readyState];
    if (event) this.emit(event, deploymentPayload(deployment));
    const project = this.project(deployment.projectId);
    const serves = deployment.readyState === 'READY' && deployment.target === 'production';
    if (serves && !project.rolledBack) this.serve(project, deployment);
  }

  project(idOrName: string): SandboxProject {
    const found =
      this.projects.get(idOrName) ?? [...this.projects.values()].find((p) => p.name === idOrName);
    if (!found) throw new ApiError(404, 'not_found', 'Project not found');
    return found;
  }

  deployment(idOrUrl: string): SandboxDeployment {
    const found =
      this.deployments.get(idOrUrl) ??
      [...this.deployments.values()].find((d) => d.url === idOrUrl);
    if (!found) throw new ApiError(404, 'not_found', 'Deployment not found');
    return found;
  }

  /** 'accepted' when the alias job runs on (answered 202), 'done' when it finished at once. */
  promote(projectId: string, deploymentId: string): 'done' | 'accepted' {
    const { project, deployment } = this.aliasable(projectId, deploymentId);
    const from = project.productionId;
    project.rolledBack = false;
    project.rollbackDescription = null;
    project.lastAliasRequest = this.aliasRequest('promote', from, deployment.id);
    if (this.aliasJobMs > 0) {
      project.lastAliasRequest.jobStatus = 'in-progress';
      project.pendingAlias = { deploymentId: deployment.id, doneAt: this.now() + this.aliasJobMs };
      return 'accepted';
    }
    this.finishPromotion(project, deployment);
    return 'done';
  }

  /** Completes accepted promotions whose time has come; the server runs it before each request. */
  settle(): void {
    for (const project of this.projects.values()) {
      const pending = project.pendingAlias;
      if (!pending || this.now() < pending.doneAt) continue;
      project.pendingAlias = undefined;
      const deployment = this.deployments.get(pending.deploymentId);
      if (deployment && project.lastAliasRequest) {
        project.lastAliasRequest.jobStatus = 'succeeded';
        this.finishPromotion(project, deployment);
      }
    }
  }

  /** Instant rollback: only to a deployment that has served production before. */
  rollback(projectId: string, deploymentId: string, description: string): void {
    if (description.length > MAX_DESCRIPTION) {
      throw new ApiError(
        400,
        'bad_request',
        `description must be at most ${MAX_DESCRIPTION} characters`,
      );
    }
    const { project, deployment } = this.aliasable(projectId, deploymentId);
    if (deployment.target !== 'production') {
      throw new ApiError(
        422,
        'invalid_rollback_target',
        'Only production deployments can be rolled back to',
      );
    }
    const from = project.productionId;
    project.pendingAlias = undefined;
    this.serve(project, deployment);
    project.rolledBack = true;
    project.rollbackDescription = { description, createdAt: this.now() };
    project.lastAliasRequest = this.aliasRequest('rollback', from, deployment.id);
    this.emit('deployment.rollback', {
      ...deploymentPayload(deployment),
      fromDeploymentId: from,
      toDeploymentId: deployment.id,
    });
  }

  deleteDeployment(deploymentId: string): void {
    const deployment = this.deployment(deploymentId);
    if (this.project(deployment.projectId).productionId === deployment.id) {
      throw new ApiError(409, 'conflict', 'The current production deployment cannot be deleted');
    }
    this.deployments.delete(deployment.id);
  }

  upsertEnv(projectId: string, input: EnvVarInput): SandboxEnvVar {
    return upsertEnvVar(this.envs, this.project(projectId).id, input, this.emit, this.now());
  }

  listEnvs(projectId: string, gitBranch: string | null): SandboxEnvVar[] {
    return listEnvVars(this.envs, this.project(projectId).id, gitBranch);
  }

  addCustomEnvironment(projectId: string, slug: string): SandboxCustomEnvironment {
    const now = this.now();
    const id = `env_${randomUUID().replaceAll('-', '').slice(0, 24)}`;
    const created = {
      id,
      projectId: this.project(projectId).id,
      slug,
      createdAt: now,
      updatedAt: now,
    };
    this.customEnvironments.push(created);
    return created;
  }

  listCustomEnvironments(projectId: string): SandboxCustomEnvironment[] {
    const id = this.project(projectId).id;
    return this.customEnvironments.filter((env) => env.projectId === id);
  }

  removeEnv(projectId: string, id: string): SandboxEnvVar {
    return removeEnvVar(this.envs, this.project(projectId).id, id, this.emit);
  }

  private aliasable(projectId: string, deploymentId: string) {
    const project = this.project(projectId);
    const deployment = this.deployment(deploymentId);
    if (deployment.projectId !== project.id) {
      throw new ApiError(404, 'not_found', 'Deployment not found in this project');
    }
    if (deployment.readyState !== 'READY') {
      throw new ApiError(
        409,
        'deployment_not_ready',
        'Only a READY deployment can serve production',
      );
    }
    return { project, deployment };
  }

  private finishPromotion(project: SandboxProject, deployment: SandboxDeployment): void {
    this.serve(project, deployment);
    this.emit('deployment.promoted', deploymentPayload(deployment));
  }

  private serve(project: SandboxProject, deployment: SandboxDeployment): void {
    project.productionId = deployment.id;
    deployment.target = 'production';
    deployment.readySubstate = 'PROMOTED';
  }

  private aliasRequest(
    type: 'promote' | 'rollback',
    from: string | null,
    to: string,
  ): NonNullable<SandboxProject['lastAliasRequest']> {
    return {
      type,
      jobStatus: 'succeeded',
      fromDeploymentId: from,
      toDeploymentId: to,
      requestedAt: this.now(),
    };
  }
}
