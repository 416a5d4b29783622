import { randomUUID } from 'node:crypto';
import { ApiError } from '../api-error';

/**
 * Project environment variables as Vercel keeps them
 * (https://vercel.com/docs/rest-api/reference/endpoints/projects).
 */

export interface SandboxEnvVar {
  id: string;
  projectId: string;
  key: string;
  value: string;
  type: string;
  target: string[];
  /** Custom environments (e.g. staging) the variable applies to, by id. */
  customEnvironmentIds?: string[];
  gitBranch?: string;
  createdAt: number;
  updatedAt: number;
}

export type EnvVarInput = Omit<SandboxEnvVar, 'id' | 'projectId' | 'createdAt' | 'updatedAt'>;

/**
 * `POST …/env?upsert=true`: one variable per project, key and git branch; a second write
 * replaces the value. A gitBranch scope is only valid for preview.
 */
export function upsertEnvVar(
  envs: SandboxEnvVar[],
  projectId: string,
  input: EnvVarInput,
  emit: (type: string, payload: Record<string, unknown>) => void,
  now: number,
): SandboxEnvVar {
  if (input.target.length === 0 && !input.customEnvironmentIds?.length) {
    throw new ApiError(400, 'bad_request', 'target or customEnvironmentIds is required');
  }
  if (input.gitBranch && (input.target.length !== 1 || input.target[0] !== 'preview')) {
    throw new ApiError(400, 'bad_request', 'gitBranch requires target to be exactly ["preview"]');
  }
  const existing = envs.find(
    (env) =>
      env.projectId === projectId && env.key === input.key && env.gitBranch === input.gitBranch,
  );
  if (existing) {
    Object.assign(existing, input, { updatedAt: now });
    emit('project.env-variable.updated', { project: { id: projectId }, key: input.key });
    return existing;
  }
  const id = randomUUID().replaceAll('-', '').slice(0, 16);
  const created = { ...input, id, projectId, createdAt: now, updatedAt: now };
  envs.push(created);
  emit('project.env-variable.created', { project: { id: projectId }, key: input.key });
  return created;
}

/** `GET …/env`: a project's variables, only those scoped to `gitBranch` when it is given. */
export function listEnvVars(
  envs: readonly SandboxEnvVar[],
  projectId: string,
  gitBranch: string | null,
): SandboxEnvVar[] {
  return envs.filter(
    (env) => env.projectId === projectId && (gitBranch === null || env.gitBranch === gitBranch),
  );
}

/** `DELETE …/env/{id}`: gone for good; an id the project does not have answers 404. */
export function removeEnvVar(
  envs: SandboxEnvVar[],
  projectId: string,
  id: string,
  emit: (type: string, payload: Record<string, unknown>) => void,
): SandboxEnvVar {
  const index = envs.findIndex((env) => env.projectId === projectId && env.id === id);
  if (index < 0) throw new ApiError(404, 'not_found', `Environment variable ${id} not found`);
  const [removed] = envs.splice(index, 1);
  emit('project.env-variable.deleted', { project: { id: projectId }, key: removed!.key });
  return removed!;
}

/** A project's custom environment (https://vercel.com/docs/deployments/environments#custom-environments). */
export interface SandboxCustomEnvironment {
  id: string;
  projectId: string;
  slug: string;
  createdAt: number;
  updatedAt: number;
}
